//! Lessons: the YAML format, its validation into checked types, the catalog
//! of built-in and user lessons, and the JSON Schema of the format.
//!
//! A lesson file goes through three stages:
//!
//! 1. [`load::read_text`] reads at most 1 MB of UTF-8;
//! 2. [`load::parse`] parses it into the [`raw`] types, which mirror the YAML
//!    and reject unknown keys (serde stops at the first such error);
//! 3. [`validate::validate`] builds the checked [`model`] types and collects
//!    every remaining problem (translations, ids, answers, tolerances, data,
//!    training specs, which it resolves without training).
//!
//! Every problem becomes a [`Diagnostic`] at file:line:column. The format is
//! documented for authors in `lessons/README.md`.

pub mod catalog;
pub mod header;
pub mod load;
pub mod markup;
pub mod model;
pub mod model_views;
pub mod predict;
pub mod raw;
pub mod raw_views;
pub mod schema;
pub mod text;
pub mod validate;

use std::path::Path;

pub use catalog::{Catalog, LessonSource};
pub use header::{Header, Outline};
pub use model::{
    CapacityStep, Compare, Lesson, Matrix, Question, QuestionKind, Run, Show, Step, StepKind,
    Table, Tolerance, TrainStep,
};
pub use text::{Lang, Text};

use crate::diagnostic::Diagnostic;

/// Parses and checks lesson `text`, read from `file` (as named in messages);
/// relative data paths start at `base_dir`.
pub fn load_str(file: &str, text: &str, base_dir: &Path) -> Result<Lesson, Vec<Diagnostic>> {
    let raw = load::parse(file, text)?;
    let mut lesson = validate::validate(&raw, base_dir, file).map_err(|problems| {
        problems
            .iter()
            .map(|p| p.diagnostic(file, text))
            .collect::<Vec<_>>()
    })?;
    lesson.fingerprint = fingerprint(text);
    Ok(lesson)
}

/// A 64-bit FNV-1a hash of a lesson file's text, carriage returns left
/// out (a checkout with CRLF line ends is the same lesson). Stable across
/// builds and platforms, unlike `std`'s hasher.
#[must_use]
pub fn fingerprint(text: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    (text.bytes())
        .filter(|&b| b != b'\r')
        .fold(OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

/// Reads, parses and checks the lesson file at `path`.
pub fn load_file(path: &Path) -> Result<Lesson, Vec<Diagnostic>> {
    let text = load::read_text(path).map_err(|d| vec![d])?;
    let base = path.parent().unwrap_or(Path::new("."));
    load_str(&path.display().to_string(), &text, base)
}
