//! nnstep: a terminal program that teaches the basics of neural networks,
//! chapter by chapter.
//!
//! # Module map
//!
//! ```text
//! cli ─▶ tui | plain ─▶ session ─▶ lesson ─▶ quiz ─▶ spec ─▶ engine
//!                         │           └─▶ formula (parse check)   └─▶ dataset ─▶ rng
//!                         └─▶ progress          tui/plain ─▶ formula (draw)
//! ```
//!
//! - [`rng`]: the seeded, portable random stream every module draws from.
//! - [`dataset`]: tables of numbers, CSV I/O, the seeded built-in datasets.
//! - [`engine`]: numerics only — layers, activations, losses, the trainer,
//!   the normal equation, transforms, metrics, the gradient check. It uses no
//!   file I/O, no YAML and no terminal crates, and no module above it.
//! - [`spec`]: the training spec (YAML) that fully determines a run, and its
//!   resolution into engine types and data.
//! - [`formula`]: a LaTeX subset rendered to 2-D text (a leaf module).
//! - [`lesson`]: the lesson YAML format, its validation into checked types
//!   with located diagnostics, the catalog of built-in and user lessons, and
//!   the format's JSON Schema.
//! - [`session`]: where the learner is in a lesson and what next, back,
//!   answer and run do; UI-free, driven by the TUI and the plain runner.
//! - [`plain`]: plain-text output: charts, training reports, wrapping,
//!   tables and the plain lesson runner.
//! - [`untrusted`]: text and files from outside made safe to print and
//!   read (no control characters reach the terminal; no device is read).
//! - [`diagnostic`]: rustc-style messages for the files authors write.
//! - [`cli`]: the command line; `main.rs` only maps its result to an exit code.
//!
//! Only the `tui` module may use ratatui or crossterm; a test
//! (`tests/layering.rs`) keeps the lower modules free of upward and terminal
//! imports.

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
