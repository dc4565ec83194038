//! Formula answers: the learner types an expression in the question's
//! variables (`(z - y)*x`, `a*(1-a)`), and it is compared with the
//! reference expression at several seeded random points, so any equivalent
//! form passes.

use super::expr::{self, Expr};
use super::grade::{Grade, Reason, Slip};
use super::input::{self, InputError};
use crate::rng::SeededRng;

/// How many points the two expressions are compared at.
const POINTS: usize = 8;

/// A formula question's key: the variables, the reference expression and
/// the range the variables are drawn from.
#[derive(Clone, Debug, PartialEq)]
pub struct FormulaKey {
    pub vars: Vec<String>,
    /// The reference as the author wrote it (shown as the expected answer).
    pub source: String,
    pub answer: Expr,
    /// Each variable is drawn uniformly from [lo, hi).
    pub range: (f64, f64),
}

/// The default range of the variables: both signs, away from large values
/// where `exp` would dominate.
pub const DEFAULT_RANGE: (f64, f64) = (-2.0, 2.0);

impl FormulaKey {
    /// A key from the author's reference expression.
    ///
    /// # Errors
    /// When the reference does not parse, or has no point in `range` where
    /// it is defined.
    pub fn new(vars: Vec<String>, source: &str, range: (f64, f64)) -> Result<Self, InputError> {
        let answer = expr::parse(&input::normalise(source), &vars)
            .map_err(|(problem, at)| InputError::Expression { problem, at })?;
        let key = FormulaKey {
            vars,
            source: source.to_string(),
            answer,
            range,
        };
        if key.points(0).is_empty() {
            return Err(InputError::NotFinite(source.to_string()));
        }
        Ok(key)
    }

    /// Up to `POINTS` points where the reference is finite, from `seed`.
    #[must_use]
    pub fn points(&self, seed: u64) -> Vec<Vec<f64>> {
        let mut rng = SeededRng::derived(seed, "formula-points");
        let (lo, hi) = self.range;
        let mut out = Vec::new();
        for _ in 0..POINTS * 8 {
            let p: Vec<f64> = self.vars.iter().map(|_| rng.uniform_in(lo, hi)).collect();
            if self.answer.eval(&p).is_finite() {
                out.push(p);
                if out.len() == POINTS {
                    break;
                }
            }
        }
        out
    }

    /// Grades an expression as typed; `seed` picks the comparison points.
    pub fn grade(&self, text: &str, seed: u64) -> Grade {
        let text = text.trim();
        if text.is_empty() {
            return Grade::Wrong {
                reason: Reason::NoAnswer,
            };
        }
        if let Err(e) = input::check_length(text) {
            return Grade::Wrong {
                reason: Reason::Unreadable(e),
            };
        }
        let given = match expr::parse(&input::normalise(text), &self.vars) {
            Ok(e) => e,
            Err((problem, at)) => {
                return Grade::Wrong {
                    reason: Reason::Unreadable(InputError::Expression { problem, at }),
                };
            }
        };
        let points = self.points(seed);
        let pairs: Vec<(f64, f64)> = (points.iter())
            .map(|p| (self.answer.eval(p), given.eval(p)))
            .collect();
        let same = |k: f64| pairs.iter().all(|(w, g)| near(k * w, *g));
        if same(1.0) {
            return Grade::Right;
        }
        for (k, slip) in [
            (-1.0, Slip::Sign),
            (2.0, Slip::ForgotHalf),
            (0.5, Slip::ExtraHalf),
        ] {
            if same(k) {
                return Grade::Wrong {
                    reason: Reason::Slip(slip),
                };
            }
        }
        let (i, (expected, given)) = pairs
            .iter()
            .enumerate()
            .find(|(_, (w, g))| !near(*w, *g))
            .map_or((0, (f64::NAN, f64::NAN)), |(i, p)| (i, *p));
        Grade::Wrong {
            reason: Reason::NotEquivalent {
                at: (self.vars.iter().cloned())
                    .zip(points.get(i).cloned().unwrap_or_default())
                    .collect(),
                given,
                expected,
            },
        }
    }
}

fn near(want: f64, given: f64) -> bool {
    (want - given).abs() <= 1e-9 + 1e-7 * want.abs()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(vars: &[&str], src: &str) -> FormulaKey {
        let vars = vars.iter().map(|s| (*s).to_string()).collect();
        FormulaKey::new(vars, src, DEFAULT_RANGE).unwrap()
    }

    #[test]
    fn equivalent_forms_pass() {
        let k = key(&["z", "y", "x"], "(z - y)*x");
        for s in ["(z-y)x", "x*z - x*y", "x(z − y)", "zx - yx"] {
            assert_eq!(k.grade(s, 7), Grade::Right, "{s}");
        }
        let s = key(&["a"], "a*(1-a)");
        assert_eq!(s.grade("a - a^2", 1), Grade::Right);
    }

    #[test]
    fn slips_and_differences_are_told() {
        let k = key(&["z", "y", "x"], "(z - y)*x");
        assert_eq!(
            k.grade("(y - z)*x", 3),
            Grade::Wrong {
                reason: Reason::Slip(Slip::Sign)
            }
        );
        assert_eq!(
            k.grade("2(z-y)x", 3),
            Grade::Wrong {
                reason: Reason::Slip(Slip::ForgotHalf)
            }
        );
        assert!(matches!(
            k.grade("z - y", 3),
            Grade::Wrong {
                reason: Reason::NotEquivalent { .. }
            }
        ));
        assert!(matches!(
            k.grade("w*x", 3),
            Grade::Wrong {
                reason: Reason::Unreadable(_)
            }
        ));
    }
}
