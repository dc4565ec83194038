//! Plain-text output for pipes, screen readers, handouts and tests: charts
//! drawn with textplots, training reports, prose wrapping, and the plain
//! lesson runner (`nnstep run LESSON --plain`).

pub mod charts;
pub mod labels;
pub mod runner;
pub mod table;
pub mod train_text;
pub mod wrap;

pub use train_text::fmt_matrix;
