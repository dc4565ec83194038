//! A learner's dealings with one question: attempts, hints revealed, whether
//! the worked solution was seen, and the outcome, as the progress file will
//! save them.

use serde::{Deserialize, Serialize};

use super::grade::Grade;

/// After this many counted attempts the worked solution may be asked for.
pub const TRIES_BEFORE_SOLUTION: u32 = 2;

/// How a question ended (so far).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// No answer counted yet.
    #[default]
    Unanswered,
    /// Answered right without seeing the solution.
    Right,
    /// Answered right after seeing the worked solution.
    RightAfterSolution,
    /// Tried, not right (yet).
    Missed,
}

impl Outcome {
    /// The outcome of two instances' dealings with one question, taken
    /// together: right beats right after the solution, which beats missed,
    /// which beats unanswered (the order a single session moves in).
    #[must_use]
    pub fn merge(self, other: Outcome) -> Outcome {
        let rank = |o: Outcome| match o {
            Outcome::Unanswered => 0,
            Outcome::Missed => 1,
            Outcome::RightAfterSolution => 2,
            Outcome::Right => 3,
        };
        if rank(other) > rank(self) {
            other
        } else {
            self
        }
    }

    /// Whether the question belongs on the review list.
    #[must_use]
    pub fn needs_review(self) -> bool {
        matches!(self, Outcome::Missed | Outcome::RightAfterSolution)
    }
}

/// The live state of one question in a session.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuestionState {
    /// Answers that were read and judged (unreadable ones do not count).
    pub attempts: u32,
    pub hints_used: u32,
    pub solution_seen: bool,
    pub outcome: Outcome,
    /// The latest grade, counted or not.
    pub last: Option<Grade>,
}

impl QuestionState {
    /// Records a grade.
    pub fn record(&mut self, grade: &Grade) {
        self.last = Some(grade.clone());
        if !grade.counts() || self.outcome == Outcome::Right {
            return;
        }
        self.attempts = self.attempts.saturating_add(1);
        self.outcome = match (grade.is_right(), self.solution_seen) {
            (true, false) => Outcome::Right,
            (true, true) => Outcome::RightAfterSolution,
            (false, _) if self.outcome == Outcome::RightAfterSolution => self.outcome,
            (false, _) => Outcome::Missed,
        };
    }

    /// Reveals the next of `total` hints: its number (1-based), or `None`
    /// when all are shown.
    pub fn next_hint(&mut self, total: usize) -> Option<usize> {
        let shown = self.hints_used as usize;
        if shown >= total {
            return None;
        }
        self.hints_used = self.hints_used.saturating_add(1);
        Some(shown + 1)
    }

    /// Whether the worked solution may be shown: after a right answer, or
    /// after [`TRIES_BEFORE_SOLUTION`] tries.
    #[must_use]
    pub fn may_see_solution(&self) -> bool {
        self.outcome == Outcome::Right || self.attempts >= TRIES_BEFORE_SOLUTION
    }

    /// Tries left before the solution may be asked for.
    #[must_use]
    pub fn tries_before_solution(&self) -> u32 {
        TRIES_BEFORE_SOLUTION.saturating_sub(self.attempts)
    }
}

/// One question's result, keyed by step and question id, for the progress
/// file and the instructor's CSV.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionRecord {
    pub step: String,
    pub question: String,
    pub attempts: u32,
    pub hints_used: u32,
    pub solution_seen: bool,
    pub outcome: Outcome,
}

/// What one question gained since its result was last saved: applied to
/// the freshly read progress file as increments, so two instances that
/// answer the same question both have every attempt counted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizUpdate {
    pub step: String,
    pub question: String,
    /// Attempts counted since the last save.
    pub attempts_added: u32,
    /// Hints revealed since the last save.
    pub hints_added: u32,
    /// Whether the worked solution has been seen (by this session).
    pub solution_seen: bool,
    /// The outcome in this session, merged with the saved one.
    pub outcome: Outcome,
}

impl From<QuestionRecord> for QuizUpdate {
    /// A whole record as an update from nothing (a first save).
    fn from(r: QuestionRecord) -> Self {
        QuizUpdate {
            step: r.step,
            question: r.question,
            attempts_added: r.attempts,
            hints_added: r.hints_used,
            solution_seen: r.solution_seen,
            outcome: r.outcome,
        }
    }
}

impl QuestionRecord {
    /// The record of `state` for question `question` of step `step`.
    #[must_use]
    pub fn of(step: &str, question: &str, state: &QuestionState) -> Self {
        QuestionRecord {
            step: step.to_string(),
            question: question.to_string(),
            attempts: state.attempts,
            hints_used: state.hints_used,
            solution_seen: state.solution_seen,
            outcome: state.outcome,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{InputError, Reason};

    #[test]
    fn unreadable_answers_cost_no_attempt() {
        let mut s = QuestionState::default();
        s.record(&Grade::Wrong {
            reason: Reason::Unreadable(InputError::NotANumber("abc".into())),
        });
        assert_eq!(s.attempts, 0);
        assert_eq!(s.outcome, Outcome::Unanswered);
        s.record(&Grade::Wrong {
            reason: Reason::OutsideTolerance {
                given: 1.0,
                allowed: 0.1,
            },
        });
        assert!(!s.may_see_solution());
        s.record(&Grade::Close {
            nearly: crate::quiz::Nearly::Rounding { cell: None },
        });
        assert!(s.may_see_solution());
        s.solution_seen = true;
        s.record(&Grade::Right);
        assert_eq!(s.outcome, Outcome::RightAfterSolution);
        assert!(s.outcome.needs_review());
    }

    #[test]
    fn counts_from_a_file_saturate_instead_of_wrapping() {
        let mut s = QuestionState {
            attempts: u32::MAX,
            hints_used: u32::MAX,
            ..QuestionState::default()
        };
        s.record(&Grade::Wrong {
            reason: Reason::OutsideTolerance {
                given: 1.0,
                allowed: 0.1,
            },
        });
        assert_eq!(s.attempts, u32::MAX);
        assert_eq!(s.next_hint(usize::MAX), Some(u32::MAX as usize + 1));
        assert_eq!(s.hints_used, u32::MAX);
    }

    #[test]
    fn merged_outcomes_keep_the_best() {
        use Outcome::*;
        assert_eq!(Missed.merge(Right), Right);
        assert_eq!(Right.merge(Missed), Right);
        assert_eq!(RightAfterSolution.merge(Missed), RightAfterSolution);
        assert_eq!(Unanswered.merge(Missed), Missed);
    }

    #[test]
    fn hints_are_revealed_one_at_a_time() {
        let mut s = QuestionState::default();
        assert_eq!(s.next_hint(2), Some(1));
        assert_eq!(s.next_hint(2), Some(2));
        assert_eq!(s.next_hint(2), None);
        assert_eq!(s.hints_used, 2);
    }
}
