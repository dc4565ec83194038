//! What the lesson list and the home screen need of a lesson, without
//! parsing it: id, chapter, title and summary, step ids and quiz question
//! ids. For the built-in lessons this comes from a table that `build.rs`
//! reads out of `lessons/*.yaml` at build time, so start-up parses no
//! lesson; the full parse and checks run when a lesson is opened. For a
//! lesson file of the learner's own the header is taken from the checked
//! lesson (such files are few, and their problems belong on the list).

use super::model::Lesson;
use super::text::Text;

/// The part of a lesson the list shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub id: String,
    pub chapter: u32,
    pub title: Text,
    pub summary: Text,
    /// Step ids, in order.
    pub steps: Vec<String>,
    /// (step id, question id) of every quiz question, in order.
    pub questions: Vec<(String, String)>,
}

/// A built-in lesson's header as `build.rs` writes it.
#[derive(Debug)]
pub(crate) struct StaticHeader {
    pub id: &'static str,
    pub chapter: u32,
    /// (English, Chinese).
    pub title: (&'static str, &'static str),
    pub summary: (&'static str, &'static str),
    pub steps: &'static [&'static str],
    pub questions: &'static [(&'static str, &'static str)],
}

include!(concat!(env!("OUT_DIR"), "/lesson_headers.rs"));

/// The build-time header of the built-in lesson file `name` (`ch04.yaml`),
/// if its header could be read at build time.
pub(crate) fn builtin(name: &str) -> Option<&'static StaticHeader> {
    BUILTIN_HEADERS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, h)| h)
}

impl Header {
    /// The header of a checked lesson.
    #[must_use]
    pub fn of(lesson: &Lesson) -> Self {
        Self {
            id: lesson.id.clone(),
            chapter: lesson.chapter,
            title: lesson.title.clone(),
            summary: lesson.summary.clone(),
            steps: lesson.steps.iter().map(|s| s.id.clone()).collect(),
            questions: (lesson.quiz_questions())
                .map(|(s, q)| (s.to_string(), q.to_string()))
                .collect(),
        }
    }

    /// Number of steps.
    #[must_use]
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// Whether the lesson has no steps (a checked lesson always has some).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// (step id, question id) of every quiz question, as
    /// [`Lesson::quiz_questions`] gives them.
    pub fn quiz_questions(&self) -> impl Iterator<Item = (&str, &str)> {
        self.questions.iter().map(|(s, q)| (s.as_str(), q.as_str()))
    }
}

/// What the course's rules (finished, continue, next lesson) need of a
/// lesson: a checked lesson and the list's header of one both have it.
pub trait Outline {
    fn lesson_id(&self) -> &str;
    /// Step ids, in order.
    fn step_ids(&self) -> impl Iterator<Item = &str>;
    /// (step id, question id) of every quiz question, in order.
    fn questions(&self) -> impl Iterator<Item = (&str, &str)>;
}

impl Outline for Header {
    fn lesson_id(&self) -> &str {
        &self.id
    }

    fn step_ids(&self) -> impl Iterator<Item = &str> {
        self.steps.iter().map(String::as_str)
    }

    fn questions(&self) -> impl Iterator<Item = (&str, &str)> {
        self.quiz_questions()
    }
}

impl Outline for Lesson {
    fn lesson_id(&self) -> &str {
        &self.id
    }

    fn step_ids(&self) -> impl Iterator<Item = &str> {
        self.steps.iter().map(|s| s.id.as_str())
    }

    fn questions(&self) -> impl Iterator<Item = (&str, &str)> {
        self.quiz_questions()
    }
}

impl From<&StaticHeader> for Header {
    fn from(h: &StaticHeader) -> Self {
        let text = |(en, zh): (&str, &str)| Text {
            en: en.to_string(),
            zh: zh.to_string(),
        };
        Self {
            id: h.id.to_string(),
            chapter: h.chapter,
            title: text(h.title),
            summary: text(h.summary),
            steps: h.steps.iter().map(|s| (*s).to_string()).collect(),
            questions: (h.questions.iter())
                .map(|(s, q)| ((*s).to_string(), (*q).to_string()))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::{Catalog, LessonSource};

    #[test]
    fn the_build_time_header_of_every_built_in_lesson_equals_its_full_parse() {
        let cat = Catalog::builtin();
        assert!(cat.entries().len() >= 9);
        for e in cat.entries() {
            let LessonSource::Builtin(name) = e.source else {
                panic!("only built-ins here");
            };
            let stored = builtin(name).unwrap_or_else(|| panic!("{name}: no build-time header"));
            let lesson = e.load().unwrap_or_else(|d| panic!("{name}: {d:?}"));
            assert_eq!(Header::from(stored), Header::of(&lesson), "{name}");
            assert_eq!(e.id.as_deref(), Some(lesson.id.as_str()), "{name}");
        }
    }

    #[test]
    fn every_built_in_file_has_a_build_time_header() {
        // The table holds every lessons/*.yaml file; the catalog embeds
        // them by name, so no name may be missing from either side.
        let cat = Catalog::builtin();
        let names: Vec<&str> = (cat.entries().iter())
            .filter_map(|e| match e.source {
                LessonSource::Builtin(n) => Some(n),
                LessonSource::File(_) => None,
            })
            .collect();
        let table: Vec<&str> = BUILTIN_HEADERS.iter().map(|(n, _)| *n).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, table);
    }
}
