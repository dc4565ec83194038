//! nnstep: a terminal program that teaches the basics of neural networks,
//! chapter by chapter.
//!
//! # Module map
//!
//! ```text
//! cli ─▶ tui | plain ─▶ words ─▶ session ─▶ lesson ─▶ spec ─▶ engine ─▶ rng
//!          │   │                   │           │  └─▶ quiz ─┘   dataset ─▶ rng
//!          └─┬─┘                   └─▶ progress ─▶ quiz; session ─▶ text (pictures)
//!            ▼
//!     text · formula (draw)        lesson ─▶ formula (parse check), diagnostic
//! ```
//!
//! Arrows point at what a module may use; `tui` and `plain` never use each
//! other. `tests/layering.rs` holds the exact list for every module and fails
//! on any other `crate::` use.
//!
//! - [`rng`]: the seeded, portable random stream every module draws from.
//! - [`dataset`]: tables of numbers, CSV I/O, the seeded built-in datasets.
//! - [`engine`]: numerics only — layers, activations, losses, the trainer,
//!   the normal equation, transforms, metrics, the gradient check. It uses no
//!   file I/O, no YAML and no terminal crates, and no module above it.
//! - [`spec`]: the training spec (YAML) that fully determines a run, and its
//!   resolution into engine types and data.
//! - [`quiz`]: question kinds, generated gradient questions, answer parsing,
//!   grading and worked solutions.
//! - [`formula`]: a LaTeX subset rendered to 2-D text (a leaf module).
//! - [`text`]: prose wrapped and tables aligned by display width (a leaf).
//! - [`untrusted`]: what every string and size read from a file goes
//!   through before it reaches a terminal or an allocation (a leaf).
//! - [`diagnostic`]: rustc-style messages for the files authors write.
//! - [`lesson`]: the lesson YAML format, its validation into checked types
//!   with located diagnostics, the catalog of built-in and user lessons, and
//!   the format's JSON Schema.
//! - [`progress`]: the learner's saved state.
//! - [`session`]: everything the learner meets in both front ends — where
//!   they are in a lesson, quiz turns, training runs, comparisons, opening a
//!   lesson with its progress; UI-free.
//! - [`untrusted`]: text and files from outside made safe to print and
//!   read (no control characters reach the terminal; no device is read).
//! - [`class`]: a class over a Unix socket — the instructor's server, the
//!   learner's client, the versioned JSON-lines protocol, the tally and the
//!   rules of following (away, rejoin, lock, hold done); UI-free, below both
//!   front ends.
//! - [`words`]: every word a learner sees, in English and Chinese —
//!   including the problems `spec`, `dataset` and `engine` report as typed
//!   values, and the frame `diagnostic` prints them in.
//! - [`plain`]: plain-text output: charts, training reports and the plain
//!   lesson runner.
//! - [`tui`]: the full-screen program (the only user of ratatui/crossterm).
//! - [`cli`]: the command line; `main.rs` only maps its result to an exit code.

pub mod class;
pub mod cli;
pub mod dataset;
pub mod diagnostic;
pub mod engine;
pub mod formula;
pub mod lesson;
pub mod plain;
pub mod progress;
pub mod quiz;
pub mod rng;
pub mod session;
pub mod spec;
pub mod text;
pub mod tui;
pub mod untrusted;
pub mod words;
