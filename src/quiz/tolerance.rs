//! How close a numeric answer must be to count as right, and the looser band
//! that counts as "close" (a rounding slip).

use serde::{Deserialize, Serialize};

/// How close a numeric answer must be: within `abs` of the answer, or within
/// `rel` times its size (either suffices).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tolerance {
    pub abs: f64,
    pub rel: f64,
}

/// An answer within this many times the tolerance is graded close.
pub const CLOSE_FACTOR: f64 = 10.0;

impl Tolerance {
    /// Exactly (within 1e-9): a number question that gives no tolerance.
    pub const EXACT: Tolerance = Tolerance {
        abs: 1e-9,
        rel: 0.0,
    };

    /// The default of generated gradient questions: 2 % of the answer's
    /// size (at least 0.0005), which forgives rounding the intermediate
    /// values to three or four digits as a learner does by hand, without
    /// letting a small gradient pass for zero.
    pub const BY_HAND: Tolerance = Tolerance {
        abs: 0.0005,
        rel: 0.02,
    };

    /// The allowed distance from `answer`.
    #[must_use]
    pub fn allowed(self, answer: f64) -> f64 {
        self.abs.max(self.rel * answer.abs())
    }

    /// Whether `given` is within the tolerance of `answer`.
    #[must_use]
    pub fn accepts(self, answer: f64, given: f64) -> bool {
        (given - answer).abs() <= self.allowed(answer)
    }

    /// Whether `given` is within `CLOSE_FACTOR` times the tolerance.
    #[must_use]
    pub fn nearly(self, answer: f64, given: f64) -> bool {
        (given - answer).abs() <= CLOSE_FACTOR * self.allowed(answer).max(1e-12)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn either_bound_suffices() {
        let t = Tolerance {
            abs: 0.01,
            rel: 0.1,
        };
        assert!(t.accepts(100.0, 109.0));
        assert!(t.accepts(0.0, 0.009));
        assert!(!t.accepts(0.0, 0.02));
        assert!(t.nearly(0.0, 0.09));
    }
}
