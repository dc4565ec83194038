//! Plain-text output for pipes, screen readers, handouts and tests: charts
//! drawn with textplots and number formatting shared by the text commands.

pub mod charts;
