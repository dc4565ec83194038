//! One turn of a quiz question, the same in every front end: a typed line is
//! read as an answer, a request for the next hint or the worked solution,
//! or a skip; answers are graded and counted; after [`MAX_TRIES`] wrong
//! answers in one sitting the expected answer and the worked solution are
//! shown and the question is done.
//!
//! The reply is data ([`Reply`]); the words module renders it in either
//! language, so a front end that keeps replies can redraw them after the
//! learner switches language.

use ndarray::Array2;

use super::questions::{Hint, SolutionAccess};
use super::{Session, SessionError};
use crate::lesson::{Question, QuestionKind, Text};
use crate::quiz::{Case, Grade, Outcome, SolutionLine};

/// Counted answers allowed in one sitting before the answer is shown.
pub const MAX_TRIES: u32 = 3;

/// What a typed answer line asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Typed {
    /// An empty line: leave the question unanswered.
    Skip,
    /// `hint` or `提示`: the next hint.
    Hint,
    /// `solution` or `解答`: the worked solution.
    Solution,
    /// Anything else: an answer to grade.
    Answer(String),
}

impl Typed {
    /// Reads one line as typed (surrounding spaces ignored). The command
    /// words are accepted in both languages whatever the display language.
    #[must_use]
    pub fn read(line: &str) -> Self {
        match line.trim() {
            "" => Typed::Skip,
            "hint" | "提示" => Typed::Hint,
            "solution" | "解答" => Typed::Solution,
            other => Typed::Answer(other.to_string()),
        }
    }
}

/// The expected answer, shown once the tries are spent.
#[derive(Clone, Debug, PartialEq)]
pub enum ExpectedAnswer {
    /// The right options (0-based) with their texts.
    Options(Vec<(usize, Text)>),
    /// A number and how far from it an answer may be.
    Number {
        value: f64,
        allowed: f64,
    },
    Matrix(Array2<f64>),
    /// An expression, as the lesson writes it.
    Formula(String),
    /// A generated gradient question's quantity and its value.
    Named {
        name: String,
        value: Array2<f64>,
    },
}

/// How an answer was judged, with what follows from it.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub grade: Grade,
    /// Counted answers to this question in this sitting.
    pub tries: u32,
    /// The expected answer, when the tries are spent without a right one.
    pub expected: Option<ExpectedAnswer>,
    /// The worked solution, shown when the question is done (right, or out
    /// of tries) and the question kind has one.
    pub solution: Option<Vec<SolutionLine>>,
}

impl Verdict {
    /// Whether the question is done: right, or out of tries.
    #[must_use]
    pub fn finished(&self) -> bool {
        self.grade.is_right() || self.expected.is_some()
    }
}

/// What the session answers to one typed line.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    Skipped,
    Hint(Hint),
    NoMoreHints,
    Solution(Vec<SolutionLine>),
    /// The worked solution opens after this many more tries.
    SolutionNotYet {
        tries: u32,
    },
    /// This kind of question has no worked solution.
    NoSolution,
    Verdict(Verdict),
}

/// What a learner did with a question in an earlier sitting (restored from
/// saved progress), so a front end can say so before asking again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Earlier {
    pub attempts: u32,
    pub hints_used: u32,
    pub outcome: Outcome,
}

impl Session {
    /// Handles one line typed for question `id` of the current step.
    pub fn respond(&mut self, id: &str, line: &str) -> Result<Reply, SessionError> {
        Ok(match Typed::read(line) {
            Typed::Skip => Reply::Skipped,
            Typed::Hint => self.hint(id)?.map_or(Reply::NoMoreHints, Reply::Hint),
            Typed::Solution => match self.solution(id)? {
                SolutionAccess::Shown(lines) => Reply::Solution(lines),
                SolutionAccess::NotYet { tries } => Reply::SolutionNotYet { tries },
                SolutionAccess::NoneForThisKind => Reply::NoSolution,
            },
            Typed::Answer(text) => Reply::Verdict(self.judge(id, &text)?),
        })
    }

    /// Grades and records an answer, and decides what comes with the verdict.
    fn judge(&mut self, id: &str, text: &str) -> Result<Verdict, SessionError> {
        let grade = self.answer(id, text)?;
        let key = (self.step().id.clone(), id.to_string());
        let tries = self.sitting.get(&key).copied().unwrap_or(0);
        let tries = if grade.counts() {
            let t = tries.saturating_add(1);
            self.sitting.insert(key, t);
            t
        } else {
            tries
        };
        let out_of_tries = grade.counts() && !grade.is_right() && tries >= MAX_TRIES;
        let expected = if out_of_tries {
            let case = self.case(id)?;
            Some(expected(self.question(id)?, case.as_ref()))
        } else {
            None
        };
        let solution = if grade.is_right() || out_of_tries {
            match self.solution(id)? {
                SolutionAccess::Shown(lines) => Some(lines),
                _ => None,
            }
        } else {
            None
        };
        Ok(Verdict {
            grade,
            tries,
            expected,
            solution,
        })
    }

    /// What the learner did with question `id` of the current step before
    /// this sitting, if anything.
    #[must_use]
    pub fn earlier(&self, id: &str) -> Option<Earlier> {
        let key = (self.step().id.clone(), id.to_string());
        let s = self.restored.get(&key)?;
        (s.attempts > 0 || s.hints_used > 0).then_some(Earlier {
            attempts: s.attempts,
            hints_used: s.hints_used,
            outcome: s.outcome,
        })
    }
}

/// The expected answer of `q` (a generated question's from its `case`).
#[must_use]
pub fn expected(q: &Question, case: Option<&Case>) -> ExpectedAnswer {
    match &q.kind {
        QuestionKind::Choice { options, answer } => {
            ExpectedAnswer::Options(vec![(*answer, options[*answer].clone())])
        }
        QuestionKind::Choices { options, answers } => {
            ExpectedAnswer::Options(answers.iter().map(|a| (*a, options[*a].clone())).collect())
        }
        QuestionKind::Number { answer, tolerance } => ExpectedAnswer::Number {
            value: *answer,
            allowed: tolerance.allowed(*answer),
        },
        QuestionKind::Matrix { answer, .. } => ExpectedAnswer::Matrix(answer.clone()),
        QuestionKind::Formula(key) => ExpectedAnswer::Formula(key.source.clone()),
        QuestionKind::Gradient { .. } => match case {
            Some(c) => ExpectedAnswer::Named {
                name: c.asked_name(),
                value: c.answer(),
            },
            None => ExpectedAnswer::Formula(String::new()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::Catalog;
    use crate::quiz::QuestionRecord;

    /// ch04's own-numbers question, with `attempts` saved from an earlier
    /// sitting that missed it.
    fn session(attempts: u32) -> Session {
        let lesson = Catalog::builtin().find("ch04").expect("ch04 loads");
        let step = lesson.step_index("own-case").expect("own-case step");
        let saved = QuestionRecord {
            step: "own-case".into(),
            question: "own-dw".into(),
            attempts,
            hints_used: 1,
            solution_seen: false,
            outcome: Outcome::Missed,
        };
        let mut s = Session::new(lesson)
            .with_seed(Some(7))
            .with_results(&[saved]);
        s.goto(step).expect("step exists");
        s
    }

    fn verdict(r: Reply) -> Verdict {
        match r {
            Reply::Verdict(v) => v,
            other => panic!("expected a verdict, got {other:?}"),
        }
    }

    #[test]
    fn a_new_sitting_has_its_own_tries_and_says_what_came_before() {
        let mut s = session(3);
        let earlier = s
            .earlier("own-dw")
            .expect("the earlier sitting is reported");
        assert_eq!((earlier.attempts, earlier.outcome), (3, Outcome::Missed));
        // Three spent tries last time do not end this sitting at once.
        let v = verdict(s.respond("own-dw", "1000").expect("known question"));
        assert_eq!(v.tries, 1);
        assert!(!v.finished() && v.expected.is_none());
        let _ = s.respond("own-dw", "1001");
        let v = verdict(s.respond("own-dw", "1002").expect("known question"));
        assert_eq!(v.tries, MAX_TRIES);
        assert!(v.finished() && v.expected.is_some() && v.solution.is_some());
        // The saved count goes on from the earlier sitting.
        assert_eq!(s.state_of("own-case", "own-dw").attempts, 6);
    }

    #[test]
    fn unreadable_input_costs_no_try_and_the_words_are_read_in_both_languages() {
        let mut s = session(0);
        assert!(s.earlier("own-dw").is_some_and(|e| e.hints_used == 1));
        let v = verdict(s.respond("own-dw", "abc").expect("known question"));
        assert_eq!(v.tries, 0);
        for (line, typed) in [
            ("hint", Typed::Hint),
            (" 提示 ", Typed::Hint),
            ("解答", Typed::Solution),
            ("", Typed::Skip),
        ] {
            assert_eq!(Typed::read(line), typed, "{line:?}");
        }
        assert!(matches!(
            s.respond("own-dw", "solution"),
            Ok(Reply::SolutionNotYet { .. })
        ));
    }
}
