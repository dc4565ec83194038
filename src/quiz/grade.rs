//! Grading one answer: right, close (a rounding slip), or wrong with the
//! most specific reason that can be told. Reasons are typed; each view words
//! them in its language.

use ndarray::Array2;

use super::input::{self, InputError};
use super::tolerance::Tolerance;

/// The outcome of one answer; the caller decides what to show and whether
/// to move on.
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
    /// Within ten times the tolerance: check the rounding — of this cell
    /// (row, col), 0-based, when the answer is a matrix.
    Rounding { cell: Option<(usize, usize)> },
}

/// A recognised mistake: the answer equals what this slip would give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slip {
    /// The size is right, the sign is not.
    Sign,
    /// The matrix is the transpose of the answer.
    Transposed,
    /// Twice the answer: the ½ of the squared error was dropped.
    ForgotHalf,
    /// Half the answer: an extra ½ (or a 2 dropped).
    ExtraHalf,
    /// m times the answer: summed over the m samples without the 1/m.
    ForgotMean { m: usize },
    /// The answer over m: divided by m where no mean belongs (dZ is per sample).
    ExtraMean { m: usize },
    /// Computed with z where a = σ(z) was needed.
    ZForA,
    /// The hidden delta without the activation's derivative σ'(Z).
    ForgotDerivative,
}

/// Why an answer is wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// The line was empty.
    NoAnswer,
    /// The text could not be read (not a number, brackets, …).
    Unreadable(InputError),
    /// The text names none of the `count` options.
    NotAnOption { input: String, count: usize },
    /// A valid option (0-based), but not the right one.
    WrongOption(usize),
    /// Multiple choice: the options chosen that are wrong (0-based) and how
    /// many right ones were left out.
    WrongOptions { wrong: Vec<usize>, missing: usize },
    /// The answer has another shape (rows, cols) than asked.
    WrongShape {
        expected: (usize, usize),
        given: (usize, usize),
    },
    /// A recognised slip.
    Slip(Slip),
    /// A number too far from the answer.
    OutsideTolerance { given: f64, allowed: f64 },
    /// A matrix with `wrong` of `total` cells off; the first at (row, col),
    /// 0-based, and all of them in `cells` (so an editor can mark them).
    CellsWrong {
        wrong: usize,
        total: usize,
        first: (usize, usize),
        cells: Vec<(usize, usize)>,
    },
    /// A formula that differs from the answer at this point: the variables'
    /// values, what the learner's expression gives and what it should give.
    NotEquivalent {
        at: Vec<(String, f64)>,
        given: f64,
        expected: f64,
    },
}

impl Grade {
    /// Whether the answer was accepted.
    #[must_use]
    pub fn is_right(&self) -> bool {
        matches!(self, Grade::Right)
    }

    /// Whether the answer costs an attempt: an answer that could not be
    /// read, or has the wrong shape, is never judged and never counted.
    #[must_use]
    pub fn counts(&self) -> bool {
        !matches!(
            self,
            Grade::Wrong {
                reason: Reason::NoAnswer
                    | Reason::Unreadable(_)
                    | Reason::NotAnOption { .. }
                    | Reason::WrongShape { .. }
            }
        )
    }

    fn wrong(reason: Reason) -> Grade {
        Grade::Wrong { reason }
    }
}

/// The right numbers of a question and the wrong ones that recognised slips
/// would give.
#[derive(Clone, Debug, PartialEq)]
pub struct Expected {
    /// (rows, cols); a number is 1×1.
    pub value: Array2<f64>,
    pub tolerance: Tolerance,
    /// Values that a slip would give, tried in order after the right one.
    pub slips: Vec<(Slip, Array2<f64>)>,
}

impl Expected {
    /// One number, with the slips any number question can recognise: a
    /// dropped or extra ½.
    #[must_use]
    pub fn number(answer: f64, tolerance: Tolerance) -> Self {
        let one = |v: f64| Array2::from_elem((1, 1), v);
        Expected {
            value: one(answer),
            tolerance,
            slips: vec![
                (Slip::ForgotHalf, one(2.0 * answer)),
                (Slip::ExtraHalf, one(0.5 * answer)),
            ],
        }
    }

    /// Whether the answer is a single number.
    #[must_use]
    pub fn is_scalar(&self) -> bool {
        self.value.dim() == (1, 1)
    }

    fn accepts(&self, want: &Array2<f64>, given: &Array2<f64>) -> bool {
        want.dim() == given.dim()
            && want
                .iter()
                .zip(given)
                .all(|(w, g)| self.tolerance.accepts(*w, *g))
    }

    fn differs(&self, other: &Array2<f64>) -> bool {
        other.iter().all(|v| v.is_finite()) && !self.accepts(&self.value, other)
    }
}

/// Grades a number or matrix answer as typed against `expected`.
pub fn grade_numbers(expected: &Expected, text: &str) -> Grade {
    if text.trim().is_empty() {
        return Grade::wrong(Reason::NoAnswer);
    }
    let typed = match input::parse_matrix(text) {
        Ok(t) => t,
        Err(e) => return Grade::wrong(Reason::Unreadable(e)),
    };
    let want = &expected.value;
    let (r, c) = want.dim();
    let mut given = typed.values;
    if typed.flat && c == 1 && given.dim() == (1, r) {
        given = given.reversed_axes();
    }
    if given.dim() != want.dim() {
        if given.dim() == (c, r) && expected.accepts(&want.t().to_owned(), &given) {
            return Grade::wrong(Reason::Slip(Slip::Transposed));
        }
        return Grade::wrong(Reason::WrongShape {
            expected: (r, c),
            given: given.dim(),
        });
    }
    if expected.accepts(want, &given) {
        return Grade::Right;
    }
    let negated = want.mapv(|v| -v);
    let slips =
        std::iter::once((Slip::Sign, &negated)).chain(expected.slips.iter().map(|(s, v)| (*s, v)));
    for (slip, value) in slips {
        if expected.differs(value) && expected.accepts(value, &given) {
            return Grade::wrong(Reason::Slip(slip));
        }
    }
    let off: Vec<(usize, usize)> = (want.indexed_iter())
        .filter(|(at, w)| !expected.tolerance.nearly(**w, given[*at]))
        .map(|(at, _)| at)
        .collect();
    let wrong: Vec<(usize, usize)> = (want.indexed_iter())
        .filter(|(at, w)| !expected.tolerance.accepts(**w, given[*at]))
        .map(|(at, _)| at)
        .collect();
    if off.is_empty() {
        let cell = wrong.first().copied().filter(|_| !expected.is_scalar());
        return Grade::Close {
            nearly: Nearly::Rounding { cell },
        };
    }
    if expected.is_scalar() {
        return Grade::wrong(Reason::OutsideTolerance {
            given: given[(0, 0)],
            allowed: expected.tolerance.allowed(want[(0, 0)]),
        });
    }
    Grade::wrong(Reason::CellsWrong {
        wrong: wrong.len(),
        total: want.len(),
        first: wrong.first().copied().unwrap_or(off[0]),
        cells: wrong,
    })
}

/// Grades a choice: the option's number (1-based), letter or text
/// (`matches_text(i, input)`); several, separated by commas or spaces, when
/// `multiple`. `answers` are 0-based.
pub fn grade_choice(
    text: &str,
    count: usize,
    answers: &[usize],
    multiple: bool,
    matches_text: impl Fn(usize, &str) -> bool,
) -> Grade {
    let text = text.trim();
    if text.is_empty() {
        return Grade::wrong(Reason::NoAnswer);
    }
    if let Err(e) = input::check_length(text) {
        return Grade::wrong(Reason::Unreadable(e));
    }
    let not_an_option = || {
        Grade::wrong(Reason::NotAnOption {
            input: text.chars().take(40).collect(),
            count,
        })
    };
    if !multiple {
        return match parse_choice(text, count, |i| matches_text(i, text)) {
            Some(i) if answers.contains(&i) => Grade::Right,
            Some(i) => Grade::wrong(Reason::WrongOption(i)),
            None => not_an_option(),
        };
    }
    let mut chosen = Vec::new();
    for part in text.split([',', ' ', ';', '，']).filter(|p| !p.is_empty()) {
        match parse_choice(part, count, |i| matches_text(i, part)) {
            Some(i) if !chosen.contains(&i) => chosen.push(i),
            Some(_) => {}
            None => return not_an_option(),
        }
    }
    chosen.sort_unstable();
    let wrong: Vec<usize> = chosen
        .iter()
        .copied()
        .filter(|i| !answers.contains(i))
        .collect();
    let missing = answers.iter().filter(|a| !chosen.contains(a)).count();
    if wrong.is_empty() && missing == 0 {
        Grade::Right
    } else {
        Grade::wrong(Reason::WrongOptions { wrong, missing })
    }
}

/// A choice as typed: its number (1-based), its letter (a, b, …), or the
/// option's text; returns the 0-based index.
pub fn parse_choice(input: &str, n: usize, matches_text: impl Fn(usize) -> bool) -> Option<usize> {
    let t = input.trim().trim_end_matches([')', '.']);
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

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    fn matrix(value: Array2<f64>) -> Expected {
        Expected {
            value,
            tolerance: Tolerance::BY_HAND,
            slips: Vec::new(),
        }
    }

    #[test]
    fn a_flat_list_stands_for_a_column_vector() {
        let e = matrix(array![[0.5], [-0.25]]);
        assert_eq!(grade_numbers(&e, "[0.5, -0.25]"), Grade::Right);
        assert_eq!(grade_numbers(&e, "0.5; -0.25"), Grade::Right);
    }

    #[test]
    fn the_shape_is_named_before_values_are_judged() {
        let e = matrix(array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
        let g = grade_numbers(&e, "[[1, 2], [3, 4], [5, 6]]");
        assert_eq!(
            g,
            Grade::Wrong {
                reason: Reason::WrongShape {
                    expected: (2, 3),
                    given: (3, 2)
                }
            }
        );
        assert!(!g.counts());
        let t = grade_numbers(&e, "[[1, 4], [2, 5], [3, 6]]");
        assert_eq!(
            t,
            Grade::Wrong {
                reason: Reason::Slip(Slip::Transposed)
            }
        );
        assert!(t.counts());
    }

    #[test]
    fn a_wrong_matrix_names_every_wrong_cell_and_a_close_one_its_cell() {
        let e = matrix(array![[1.0, 2.0], [3.0, 4.0]]);
        let g = grade_numbers(&e, "[[1, 2.7], [3, 9]]");
        let Grade::Wrong {
            reason: Reason::CellsWrong { cells, wrong, .. },
        } = g
        else {
            panic!("{g:?}")
        };
        assert_eq!((cells, wrong), (vec![(0, 1), (1, 1)], 2));
        let nudge = 2.0 + 5.0 * e.tolerance.allowed(2.0);
        let g = grade_numbers(&e, &format!("[[1, {nudge}], [3, 4]]"));
        assert_eq!(
            g,
            Grade::Close {
                nearly: Nearly::Rounding { cell: Some((0, 1)) }
            }
        );
    }

    #[test]
    fn multiple_choice_needs_all_and_only_the_right_options() {
        let g = |s| grade_choice(s, 4, &[0, 2], true, |_, _| false);
        assert_eq!(g("1, 3"), Grade::Right);
        assert_eq!(g("c a"), Grade::Right);
        assert_eq!(
            g("1 2"),
            Grade::Wrong {
                reason: Reason::WrongOptions {
                    wrong: vec![1],
                    missing: 1
                }
            }
        );
    }
}
