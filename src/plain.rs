//! Plain-text output for pipes, screen readers, handouts and tests: charts
//! drawn with textplots, training reports and the plain lesson runner
//! (`nnstep run LESSON --plain`).

pub mod charts;
pub mod class_learner;
pub mod class_teacher;
pub mod interrupt;
pub mod pictures;
pub mod runner;
pub mod train_text;

pub use train_text::fmt_matrix;
