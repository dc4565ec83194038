//! A class: learners follow the instructor's instance over a Unix socket,
//! each answering their own generated numbers; only results travel back,
//! and the instructor sees the tally per question.
//!
//! - [`protocol`]: the versioned JSON-lines messages and a capped line reader.
//! - [`server`]: the instructor's side (listening, bounded and time-limited).
//! - [`client`]: the learner's side (joins, follows, reconnects by itself).
//! - [`follow`]: the rules of following (away, rejoin, lock, hold done)
//!   that every learner front end shows.
//! - [`tally`]: the per-question aggregate and the status snapshot.
//! - [`place`]: the shared socket folder, class names, join codes, the
//!   instructor's private code and key, and how a restart is told apart.
//! - [`journal`]: the instructor's private file of results received, read
//!   back by a restarted instructor.
//! - [`report`]: the tally as CSV and a Markdown summary.
//!
//! UI-free: the plain runner and the TUI drive it. See `docs/class-protocol.md`.

pub mod client;
pub mod follow;
pub mod journal;
pub mod place;
pub mod protocol;
pub mod report;
pub mod server;
pub mod tally;

pub use client::{Client, Event};
pub use protocol::{Answer, ClassState, Mark, Refusal, SlipKind};
pub use server::{LessonOffer, Notice, Server};
pub use tally::{QuestionTally, Snapshot};
