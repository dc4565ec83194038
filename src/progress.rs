//! The learner's saved progress: for each lesson, the step they were on and
//! the steps they have seen, keyed by lesson id and step id (never by index,
//! so an edited lesson keeps its progress), plus the lesson opened last.
//!
//! One JSON file, `progress.json`, in the data folder (`NNSTEP_DATA_DIR`,
//! else `$XDG_DATA_HOME/nnstep`, else `~/.local/share/nnstep`):
//!
//! ```json
//! {"version": 1, "last_opened": "ch04",
//!  "lessons": {"ch04": {"current": "loss", "seen": ["data", "problem"], "updated": 1767225600}}}
//! ```
//!
//! - [`record`]: the format, and the changes a program makes to it.
//! - [`store`]: reading and writing the file safely. Every write is a
//!   read-modify-write of one [`Change`] under a [`lock`] file, so two running
//!   instances (two tmux panes) never lose each other's updates; the file is
//!   replaced atomically (temporary file, fsync, rename); a corrupt file is
//!   moved aside with a notice, never silently overwritten.
//!
//! UI-free: the TUI, the CLI and tests use the same API.

pub mod lock;
pub mod record;
pub mod store;

pub use record::{Change, FORMAT_VERSION, LessonProgress, Progress};
pub use store::{Loaded, Notice, Store, StoreError};
