//! The progress file's format and the changes made to it.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// The format version this program writes. A file with a higher version was
/// written by a newer nnstep and is left alone.
pub const FORMAT_VERSION: u32 = 1;

/// Everything saved, as stored. Unknown fields are ignored on load (a newer
/// minor addition), and so are lesson and step ids no catalog knows: they
/// stay in the file for the folder of lessons they came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    /// The id of the lesson opened most recently.
    #[serde(default)]
    pub last_opened: Option<String>,
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
}

/// One lesson's progress.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonProgress {
    /// The id of the step the learner was on.
    #[serde(default)]
    pub current: Option<String>,
    /// Ids of the steps the learner has seen.
    #[serde(default)]
    pub seen: BTreeSet<String>,
    /// When this entry last changed, in seconds since the Unix epoch.
    #[serde(default)]
    pub updated: u64,
}

/// One change to the saved progress, applied to the freshly read file under
/// the lock, so changes from other instances are kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The learner is looking at `step` of `lesson`: it becomes the current
    /// step, counts as seen, and the lesson becomes the one opened last.
    Visit { lesson: String, step: String },
    /// Forget one lesson, or every lesson when `None`.
    Reset(Option<String>),
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            version: FORMAT_VERSION,
            last_opened: None,
            lessons: BTreeMap::new(),
        }
    }
}

impl Progress {
    /// The entry of lesson `id`, if any.
    #[must_use]
    pub fn lesson(&self, id: &str) -> Option<&LessonProgress> {
        self.lessons.get(id)
    }

    /// How many of `step_ids` were seen in lesson `id` (ids the file has but
    /// the lesson no longer has are not counted).
    #[must_use]
    pub fn seen_count<'a>(&self, id: &str, step_ids: impl IntoIterator<Item = &'a str>) -> usize {
        self.lesson(id).map_or(0, |l| {
            step_ids.into_iter().filter(|s| l.seen.contains(*s)).count()
        })
    }

    /// Applies `change` at time `now` (seconds since the Unix epoch).
    pub fn apply(&mut self, change: &Change, now: u64) {
        match change {
            Change::Visit { lesson, step } => {
                let entry = self.lessons.entry(lesson.clone()).or_default();
                entry.seen.insert(step.clone());
                entry.current = Some(step.clone());
                entry.updated = now;
                self.last_opened = Some(lesson.clone());
            }
            Change::Reset(Some(id)) => {
                self.lessons.remove(id);
                if self.last_opened.as_deref() == Some(id.as_str()) {
                    self.last_opened = None;
                }
            }
            Change::Reset(None) => *self = Progress::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit(l: &str, s: &str) -> Change {
        Change::Visit {
            lesson: l.into(),
            step: s.into(),
        }
    }

    #[test]
    fn a_visit_marks_the_step_seen_current_and_the_lesson_last_opened() {
        let mut p = Progress::default();
        p.apply(&visit("ch04", "data"), 7);
        p.apply(&visit("ch04", "loss"), 8);
        let l = p.lesson("ch04").unwrap();
        assert_eq!(l.current.as_deref(), Some("loss"));
        assert_eq!(l.seen.len(), 2);
        assert_eq!(l.updated, 8);
        assert_eq!(p.last_opened.as_deref(), Some("ch04"));
    }

    #[test]
    fn seen_count_ignores_steps_the_lesson_no_longer_has() {
        let mut p = Progress::default();
        p.apply(&visit("ch04", "gone"), 1);
        p.apply(&visit("ch04", "data"), 1);
        assert_eq!(p.seen_count("ch04", ["data", "loss"]), 1);
        assert_eq!(p.seen_count("ch05", ["data"]), 0);
    }

    #[test]
    fn reset_of_one_lesson_keeps_the_others() {
        let mut p = Progress::default();
        p.apply(&visit("ch04", "data"), 1);
        p.apply(&visit("ch05", "data"), 1);
        p.apply(&Change::Reset(Some("ch05".into())), 2);
        assert!(p.lesson("ch04").is_some());
        assert!(p.lesson("ch05").is_none());
        assert_eq!(p.last_opened, None);
    }

    #[test]
    fn unknown_fields_are_ignored_on_load() {
        let p: Progress = serde_json::from_str(
            r#"{"version":1,"theme":"dark","lessons":{"x":{"seen":["a"],"stars":3}}}"#,
        )
        .unwrap();
        assert_eq!(p.seen_count("x", ["a"]), 1);
    }
}
