//! The learner's saved progress: for each lesson, the step they were on,
//! the steps they have seen and their quiz results, keyed by lesson, step
//! and question id (never by index, so an edited lesson keeps its
//! progress), plus the lesson opened last and the learner's identity (a
//! random number made on the first save that seeds their own quiz numbers).
//!
//! One JSON file, `progress.json`, in the data folder (`NNSTEP_DATA_DIR`,
//! else `$XDG_DATA_HOME/nnstep`, else `~/.local/share/nnstep`):
//!
//! ```json
//! {"version": 2, "learner": 1234567890123, "last_opened": "ch04",
//!  "lessons": {"ch04": {"current": "loss", "seen": ["data", "problem"], "updated": 1767225600,
//!    "quiz": {"own-case": {"dw": {"attempts": 2, "hints_used": 1, "solution_seen": false,
//!                                 "outcome": "right", "updated": 1767225600}}}}}}
//! ```
//!
//! Format 2 added `learner` and `quiz`. Format 1 files load as they are
//! (serde defaults) and are written back as 2, which an older nnstep
//! leaves alone rather than dropping the learner's identity and results.
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

pub use record::{
    Change, FALLBACK_LEARNER, FORMAT_VERSION, LessonProgress, Progress, QuizResult, SavedResult,
};
pub use store::{Loaded, Notice, Store, StoreError};
