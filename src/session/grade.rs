//! Grading one answer typed by the learner against a question.
//! (The quiz issue moves this into its own module with more kinds.)

use crate::lesson::{Lang, Question, QuestionKind};

/// The outcome of one answer; the caller decides what to show and whether to
/// move on. Reasons are typed so each view words them in its language.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Grade {
    Right,
    /// Not accepted, but near.
    Close {
        nearly: Nearly,
    },
    Wrong {
        reason: Reason,
    },
}

/// How a close answer missed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nearly {
    /// The size is right, the sign is not.
    Sign,
    /// Within ten times the tolerance: a rounding slip.
    Rounding,
}

/// Why an answer is wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// The line was empty.
    NoAnswer,
    /// The text is not a number.
    NotANumber(String),
    /// The text names none of the `count` options.
    NotAnOption { input: String, count: usize },
    /// A valid option (0-based), but not the right one.
    WrongOption(usize),
    /// A number too far from the answer.
    OutsideTolerance { given: f64, allowed: f64 },
}

impl Grade {
    /// Whether the answer was accepted.
    #[must_use]
    pub fn is_right(&self) -> bool {
        matches!(self, Grade::Right)
    }
}

/// Grades `input` (one line as typed) for `q`.
pub fn grade(q: &Question, input: &str) -> Grade {
    let input = input.trim();
    if input.is_empty() {
        return Grade::Wrong {
            reason: Reason::NoAnswer,
        };
    }
    match &q.kind {
        QuestionKind::Choice { options, answer } => match parse_choice(input, options.len(), |i| {
            options[i].en.eq_ignore_ascii_case(input) || options[i].zh == input
        }) {
            Some(i) if i == *answer => Grade::Right,
            Some(i) => Grade::Wrong {
                reason: Reason::WrongOption(i),
            },
            None => Grade::Wrong {
                reason: Reason::NotAnOption {
                    input: input.to_string(),
                    count: options.len(),
                },
            },
        },
        QuestionKind::Number { answer, tolerance } => {
            let Some(x) = parse_number(input) else {
                return Grade::Wrong {
                    reason: Reason::NotANumber(input.to_string()),
                };
            };
            let allowed = tolerance.allowed(*answer);
            if (x - answer).abs() <= allowed {
                Grade::Right
            } else if (x + answer).abs() <= allowed && *answer != 0.0 {
                Grade::Close {
                    nearly: Nearly::Sign,
                }
            } else if (x - answer).abs() <= 10.0 * allowed.max(1e-12) {
                Grade::Close {
                    nearly: Nearly::Rounding,
                }
            } else {
                Grade::Wrong {
                    reason: Reason::OutsideTolerance { given: x, allowed },
                }
            }
        }
    }
}

/// A choice as typed: its number (1-based), its letter (a, b, …), or the
/// option's text; returns the 0-based index.
fn parse_choice(input: &str, n: usize, matches_text: impl Fn(usize) -> bool) -> Option<usize> {
    let t = input.trim_end_matches([')', '.']);
    if let Ok(k) = t.parse::<usize>() {
        return (1..=n).contains(&k).then(|| k - 1);
    }
    let mut chars = t.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        let k = (c.to_ascii_lowercase() as usize).wrapping_sub('a' as usize);
        if c.is_ascii_alphabetic() && k < n {
            return Some(k);
        }
    }
    (0..n).find(|&i| matches_text(i))
}

/// A number as typed: `-1.5`, `−1.5` (Unicode minus), `1e-3`, `3/4`.
#[must_use]
pub fn parse_number(input: &str) -> Option<f64> {
    let s = input.trim().replace('−', "-").replace(' ', "");
    if let Some((a, b)) = s.split_once('/') {
        let (a, b) = (a.parse::<f64>().ok()?, b.parse::<f64>().ok()?);
        return (b != 0.0).then(|| a / b).filter(|v| v.is_finite());
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The expected answer, as shown after a wrong answer.
#[must_use]
pub fn expected(q: &Question, lang: Lang) -> String {
    match &q.kind {
        QuestionKind::Choice { options, answer } => {
            format!("{}) {}", answer + 1, options[*answer].get(lang))
        }
        QuestionKind::Number { answer, tolerance } => {
            let allowed = tolerance.allowed(*answer);
            if allowed > 1e-9 {
                format!("{answer} (± {allowed})")
            } else {
                answer.to_string()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::{Text, Tolerance};

    fn number(answer: f64, abs: f64) -> Question {
        Question {
            id: "q".into(),
            ask: Text::same("?"),
            kind: QuestionKind::Number {
                answer,
                tolerance: Tolerance { abs, rel: 0.0 },
            },
            explain: None,
        }
    }

    fn choice() -> Question {
        Question {
            id: "q".into(),
            ask: Text::same("?"),
            kind: QuestionKind::Choice {
                options: vec![Text::same("one"), Text::same("two"), Text::same("three")],
                answer: 1,
            },
            explain: None,
        }
    }

    #[test]
    fn a_number_within_tolerance_is_right() {
        assert_eq!(grade(&number(-0.58, 0.01), "-0.585"), Grade::Right);
        assert_eq!(grade(&number(-0.58, 0.01), "−0.58"), Grade::Right);
    }

    #[test]
    fn a_flipped_sign_is_close() {
        assert!(matches!(
            grade(&number(-0.58, 0.01), "0.58"),
            Grade::Close { .. }
        ));
    }

    #[test]
    fn text_that_is_no_number_is_wrong_with_a_reason() {
        assert_eq!(
            grade(&number(1.0, 0.1), "one"),
            Grade::Wrong {
                reason: Reason::NotANumber("one".into())
            }
        );
    }

    #[test]
    fn a_choice_is_accepted_by_number_letter_or_text() {
        for input in ["2", "b", "B)", "two"] {
            assert_eq!(grade(&choice(), input), Grade::Right, "{input}");
        }
        assert!(matches!(grade(&choice(), "7"), Grade::Wrong { .. }));
    }

    #[test]
    fn fractions_parse() {
        assert_eq!(parse_number("3/4"), Some(0.75));
        assert_eq!(parse_number("1/0"), None);
    }
}
