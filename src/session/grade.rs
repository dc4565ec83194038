//! Grading one answer typed by the learner against a lesson question: the
//! lesson's question kinds mapped onto the quiz module's graders.

use crate::lesson::{Question, QuestionKind};
use crate::quiz::{self, Case, Expected};
pub use crate::quiz::{Grade, Nearly, Reason, Slip};

/// Grades `input` (one line as typed) for `q`; `case` is the generated case
/// of a gradient question, `seed` picks a formula's comparison points.
pub fn grade(q: &Question, input: &str, case: Option<&Case>, seed: u64) -> Grade {
    let input = input.trim();
    if input.is_empty() {
        return Grade::Wrong {
            reason: Reason::NoAnswer,
        };
    }
    match &q.kind {
        QuestionKind::Choice { options, answer } => {
            quiz::grade_choice(input, options.len(), &[*answer], false, |i, t| {
                options[i].en.eq_ignore_ascii_case(t) || options[i].zh == t
            })
        }
        QuestionKind::Choices { options, answers } => {
            quiz::grade_choice(input, options.len(), answers, true, |i, t| {
                options[i].en.eq_ignore_ascii_case(t) || options[i].zh == t
            })
        }
        QuestionKind::Number { answer, tolerance } => {
            quiz::grade_numbers(&Expected::number(*answer, *tolerance), input)
        }
        QuestionKind::Matrix { answer, tolerance } => {
            let expected = Expected {
                value: answer.clone(),
                tolerance: *tolerance,
                slips: Vec::new(),
            };
            quiz::grade_numbers(&expected, input)
        }
        QuestionKind::Formula(key) => key.grade(input, seed),
        QuestionKind::Gradient { .. } => match case {
            Some(c) => quiz::grade_numbers(&c.expected(), input),
            None => Grade::Wrong {
                reason: Reason::NoAnswer,
            },
        },
    }
}

/// A number as typed: `-1.5`, `−1.5` (Unicode minus), `1e-3`, `3/4`.
#[must_use]
pub fn parse_number(input: &str) -> Option<f64> {
    quiz::parse_number(input).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::{Text, Tolerance};

    fn question(kind: QuestionKind) -> Question {
        Question {
            id: "q".into(),
            ask: Text::same("?"),
            kind,
            hints: Vec::new(),
            explain: None,
        }
    }

    fn number(answer: f64, abs: f64) -> Question {
        question(QuestionKind::Number {
            answer,
            tolerance: Tolerance { abs, rel: 0.0 },
        })
    }

    fn choice() -> Question {
        question(QuestionKind::Choice {
            options: vec![Text::same("one"), Text::same("two"), Text::same("three")],
            answer: 1,
        })
    }

    fn g(q: &Question, s: &str) -> Grade {
        grade(q, s, None, 0)
    }

    #[test]
    fn a_number_within_tolerance_is_right() {
        assert_eq!(g(&number(-0.58, 0.01), "-0.585"), Grade::Right);
        assert_eq!(g(&number(-0.58, 0.01), "−0.58"), Grade::Right);
    }

    #[test]
    fn a_flipped_sign_is_a_sign_slip() {
        assert_eq!(
            g(&number(-0.58, 0.01), "0.58"),
            Grade::Wrong {
                reason: Reason::Slip(Slip::Sign)
            }
        );
    }

    #[test]
    fn text_that_is_no_number_is_wrong_with_a_reason() {
        assert!(matches!(
            g(&number(1.0, 0.1), "one"),
            Grade::Wrong {
                reason: Reason::Unreadable(_)
            }
        ));
    }

    #[test]
    fn a_choice_is_accepted_by_number_letter_or_text() {
        for input in ["2", "b", "B)", "two"] {
            assert_eq!(g(&choice(), input), Grade::Right, "{input}");
        }
        assert!(matches!(g(&choice(), "7"), Grade::Wrong { .. }));
    }

    #[test]
    fn fractions_parse() {
        assert_eq!(parse_number("3/4"), Some(0.75));
        assert_eq!(parse_number("1/0"), None);
    }
}
