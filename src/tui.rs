//! The full-screen program (ratatui + crossterm): the lesson list, the
//! lesson screen with a view per step kind, the help overlay, and the
//! terminal's life over SSH and in shared tmux windows.
//!
//! The Elm architecture:
//!
//! ```text
//! terminal event ─▶ keymap::handle_key ─▶ Message ─▶ update(&mut App) ─▶ view (impl Widget for &App)
//!                                                      └─▶ progress changes, saved by the event loop
//! ```
//!
//! - [`app`]: the one state ([`App`]), with screens and modes as enums;
//! - [`message`], [`keymap`]: what can happen, and the key tables;
//! - [`mod@update`]: the only code that changes the state (no I/O);
//! - [`view`], [`home`], [`lesson_view`], [`help`], [`step_view`]: drawing,
//!   one file per screen and per step kind, with [`prose`] and
//!   [`text_fit`] for wrapped and fitted text;
//! - [`theme`]: every style, in one place (every word is in [`crate::words`]);
//!   [`palette`]: the 16 standard colour codes unless the terminal
//!   advertises more;
//! - [`event_loop`], [`terminal`], [`signals`]: the runtime;
//! - [`class_ui`], [`class_view`], [`class_loop`]: a class (the
//!   instructor's panel and keys, a learner following), its drawing and
//!   its runtime beside the event loop.
//!
//! Only this module uses ratatui and crossterm (`tests/layering.rs`).

pub mod app;
pub mod class_loop;
pub mod class_ui;
pub mod class_view;
pub mod clipboard;
pub mod code_box;
pub mod compare;
pub mod dashboard;
pub mod event_loop;
pub mod help;
pub mod home;
pub mod keymap;
pub mod landscape_view;
pub mod lesson_view;
pub mod message;
pub mod palette;
pub mod pictures;
pub mod plot_view;
pub mod predict_view;
pub mod prose;
pub mod quiz_view;
pub mod signals;
pub mod step_view;
pub mod terminal;
pub mod text_fit;
pub mod theme;
pub mod update;
pub mod view;

pub use app::{App, Config, Entry, Lazy};
pub use event_loop::run;
pub use message::Message;
pub use theme::Theme;
pub use update::update;

use crate::lesson::Catalog;

/// Every lesson of `catalog`, for the list: built-in lessons by their
/// build-time headers (parsed and checked when opened), a folder's own
/// files checked now so that their problems show on the list.
#[must_use]
pub fn entries(catalog: &Catalog) -> Vec<Entry> {
    catalog
        .entries()
        .iter()
        .map(|e| Entry {
            id: e.id.clone().unwrap_or_else(|| e.file()),
            header: e.header().map_err(|d| d.len()),
            lesson: Lazy::Unread(e.clone()),
        })
        .collect()
}
