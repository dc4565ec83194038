//! The terminal UI (ratatui + crossterm). Only this module touches them.

pub mod compare;
pub mod dashboard;
pub mod quiz_view;
