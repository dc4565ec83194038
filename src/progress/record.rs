//! The progress file's format and the changes made to it.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::quiz::{Outcome, QuestionRecord, QuizUpdate};
use crate::untrusted;

/// The format version this program writes. A file with a higher version was
/// written by a newer nnstep and is left alone.
/// Format 2 added the learner identity and quiz results; format 1 files
/// load unchanged.
pub const FORMAT_VERSION: u32 = 2;

/// Everything saved, as stored. Unknown fields are ignored on load (a newer
/// minor addition), and so are lesson and step ids no catalog knows: they
/// stay in the file for the folder of lessons they came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    /// The learner's identity: a random number made on the first save. It
    /// seeds their own numbers in generated questions and names them in an
    /// exported CSV. Files written before it existed load without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learner: Option<u64>,
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
    /// Quiz results by step id, then question id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub quiz: BTreeMap<String, BTreeMap<String, QuizResult>>,
}

/// One question's saved result (its step and question ids are the keys).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizResult {
    /// Answers that were read and judged.
    #[serde(default)]
    pub attempts: u32,
    #[serde(default)]
    pub hints_used: u32,
    #[serde(default)]
    pub solution_seen: bool,
    #[serde(default)]
    pub outcome: Outcome,
    /// When it last changed, in seconds since the Unix epoch.
    #[serde(default)]
    pub updated: u64,
}

/// One saved result with where it belongs, as listed for export and review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedResult<'a> {
    pub lesson: &'a str,
    pub step: &'a str,
    pub question: &'a str,
    pub result: &'a QuizResult,
}

/// One change to the saved progress, applied to the freshly read file under
/// the lock, so changes from other instances are kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The learner is looking at `step` of `lesson`: it becomes the current
    /// step, counts as seen, and the lesson becomes the one opened last.
    Visit { lesson: String, step: String },
    /// What a question gained in a session since its last save: added to
    /// the saved result (attempts and hints counted up, saturating; the
    /// solution seen if either saw it; the better outcome), so that two
    /// instances answering the same question lose none of each other's
    /// tries.
    Quiz { lesson: String, record: QuizUpdate },
    /// Forget one lesson, or every lesson when `None` (the learner identity
    /// stays: it is who they are, not what they did).
    Reset(Option<String>),
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            version: FORMAT_VERSION,
            learner: None,
            last_opened: None,
            lessons: BTreeMap::new(),
        }
    }
}

/// The longest id kept from a progress file (lesson ids are at most 64).
pub const MAX_ID_BYTES: usize = 64;

/// The identity seed of a learner with nowhere to save progress: numbers
/// are then the same for everyone without a data folder.
pub const FALLBACK_LEARNER: u64 = 0x6e6e_7374_6570; // "nnstep"

impl Progress {
    /// The learner's identity seed, or [`FALLBACK_LEARNER`] before one is made.
    #[must_use]
    pub fn learner_seed(&self) -> u64 {
        self.learner.unwrap_or(FALLBACK_LEARNER)
    }

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
            Change::Quiz { lesson, record } => {
                let entry = self.lessons.entry(lesson.clone()).or_default();
                entry.updated = now;
                let saved = (entry.quiz.entry(record.step.clone()).or_default())
                    .entry(record.question.clone())
                    .or_default();
                saved.attempts = saved.attempts.saturating_add(record.attempts_added);
                saved.hints_used = saved.hints_used.saturating_add(record.hints_added);
                saved.solution_seen |= record.solution_seen;
                saved.outcome = saved.outcome.merge(record.outcome);
                saved.updated = now;
            }
            Change::Reset(None) => {
                *self = Progress {
                    learner: self.learner,
                    ..Progress::default()
                }
            }
        }
    }

    /// Drops what no nnstep writes and no screen may show: ids that are
    /// empty, longer than [`MAX_ID_BYTES`] or hold control characters (a
    /// hand-edited or hostile file). Returns how many entries went.
    pub fn repair(&mut self) -> usize {
        let bad = |id: &str| {
            id.is_empty()
                || id.len() > MAX_ID_BYTES
                || id.chars().any(|c| untrusted::is_unsafe(c, false))
        };
        let mut dropped = 0;
        let before = self.lessons.len();
        self.lessons.retain(|id, _| !bad(id));
        dropped += before - self.lessons.len();
        for l in self.lessons.values_mut() {
            let before = l.seen.len();
            l.seen.retain(|s| !bad(s));
            dropped += before - l.seen.len();
            if l.current.as_deref().is_some_and(bad) {
                l.current = None;
                dropped += 1;
            }
            let before = l.quiz.len();
            l.quiz.retain(|s, _| !bad(s));
            dropped += before - l.quiz.len();
            for qs in l.quiz.values_mut() {
                let before = qs.len();
                qs.retain(|q, _| !bad(q));
                dropped += before - qs.len();
            }
        }
        if self.last_opened.as_deref().is_some_and(bad) {
            self.last_opened = None;
            dropped += 1;
        }
        dropped
    }

    /// Every saved quiz result, by lesson, step and question id.
    pub fn results(&self) -> impl Iterator<Item = SavedResult<'_>> {
        self.lessons.iter().flat_map(|(lesson, l)| {
            l.quiz.iter().flat_map(move |(step, qs)| {
                qs.iter().map(move |(question, result)| SavedResult {
                    lesson,
                    step,
                    question,
                    result,
                })
            })
        })
    }

    /// (right, to review) among `questions` ((step id, question id) pairs)
    /// of lesson `id`; saved results of questions the lesson no longer has
    /// are not counted.
    #[must_use]
    pub fn quiz_score<'a>(
        &self,
        id: &str,
        questions: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (usize, usize) {
        let Some(l) = self.lesson(id) else {
            return (0, 0);
        };
        let mut score = (0, 0);
        for (step, q) in questions {
            let Some(r) = l.quiz.get(step).and_then(|s| s.get(q)) else {
                continue;
            };
            if matches!(r.outcome, Outcome::Right | Outcome::RightAfterSolution) {
                score.0 += 1;
            }
            if r.outcome.needs_review() {
                score.1 += 1;
            }
        }
        score
    }
}

impl LessonProgress {
    /// The saved results as records a session starts from.
    #[must_use]
    pub fn records(&self) -> Vec<QuestionRecord> {
        let mut out = Vec::new();
        for (step, qs) in &self.quiz {
            for (question, r) in qs {
                out.push(QuestionRecord {
                    step: step.clone(),
                    question: question.clone(),
                    attempts: r.attempts,
                    hints_used: r.hints_used,
                    solution_seen: r.solution_seen,
                    outcome: r.outcome,
                });
            }
        }
        out
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
