//! Every word a learner sees, in English and Chinese, in one place.
//!
//! Front ends never spell out a word themselves: they look it up here by a
//! typed key — a field of a words table ([`ShellWords`], [`QuizWords`],
//! [`TrainWords`]), whose English and Chinese tables the compiler holds to
//! the same fields, or a function of typed data ([`Done`], [`Does`],
//! [`crate::session::Reply`], [`crate::engine::StopReason`]). Typed data is
//! kept and put into words when drawn, so switching language redraws what
//! is already on screen.
//!
//! Lesson content (titles, prose, questions) is the lesson's own and comes
//! with both languages in the lesson file.

pub mod class;
pub mod class_follow;
pub mod class_tally;
pub mod code;
pub mod course;
pub mod done;
pub mod hidden;
pub mod keys;
pub mod predict;
pub mod problems;
pub mod quiz;
pub mod shell;
pub mod train;
pub mod views;
mod yaml_zh;

pub use class::{ClassWords, class_words};
pub use code::{CodeWords, code_error, code_words};
pub use done::{Done, done};
pub use keys::{Does, describe, other_language};
pub use predict::{PredictWords, predict_words};
pub use quiz::{QuizWords, quiz_words};
pub use shell::{Labels as ShellWords, chapter, labels as shell_words, score, step_count};
pub use train::{TrainWords, metric_name, stop_reason, train_words};
