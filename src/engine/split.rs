//! Samples paired with their targets, and the validation split.

use ndarray::{Array2, Axis};
use serde::{Deserialize, Serialize};

use super::error::EngineError;
use crate::rng::SeededRng;

/// A set of samples: `x` (m, n) and targets `y` (m, k), row i belonging together.
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    pub x: Array2<f64>,
    pub y: Array2<f64>,
}

impl Split {
    /// Pairs `x` and `y`; they must have the same number of rows.
    pub fn new(x: Array2<f64>, y: Array2<f64>) -> Result<Self, EngineError> {
        if x.nrows() != y.nrows() {
            return Err(EngineError::ShapeMismatch {
                what: "Y (one target row per sample of X)".into(),
                expected: (x.nrows(), y.ncols()),
                found: y.dim(),
            });
        }
        Ok(Self { x, y })
    }

    /// Number of samples m.
    #[must_use]
    pub fn rows(&self) -> usize {
        self.x.nrows()
    }

    /// The samples at `rows`, in that order.
    #[must_use]
    pub fn select(&self, rows: &[usize]) -> Self {
        Self {
            x: self.x.select(Axis(0), rows),
            y: self.y.select(Axis(0), rows),
        }
    }
}

/// Which set of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetName {
    Train,
    Validation,
    Test,
}

impl SetName {
    /// The name in machine-readable output.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            SetName::Train => "train",
            SetName::Validation => "validation",
            SetName::Test => "test",
        }
    }
}

/// Which rows a validation fraction takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValidationRows {
    /// A seeded random choice of rows (the first rows when shuffling is off).
    #[default]
    Random,
    /// The first rows of the data in file order, before any shuffle, as the
    /// book's `GenerateValidationSet` does; the rest still shuffle every
    /// epoch when `shuffle` is on.
    First,
}

/// The row numbers of the validation set and of the training set, each in
/// the order the sets keep: `fraction` of `m` rows (rounded down) validate.
/// `Random` permutes the rows with `rng` first (when given); `First` takes
/// rows 0, 1, … and never draws. A fraction of 0 (or one that leaves no
/// training rows) gives no validation rows.
#[must_use]
pub fn validation_rows(
    m: usize,
    fraction: f64,
    rows: ValidationRows,
    rng: Option<&mut SeededRng>,
) -> (Vec<usize>, Vec<usize>) {
    let n_val = ((m as f64) * fraction.clamp(0.0, 1.0)).floor() as usize;
    if n_val == 0 || n_val >= m {
        return ((0..m).collect(), Vec::new());
    }
    let order = match (rows, rng) {
        (ValidationRows::Random, Some(rng)) => rng.permutation(m),
        _ => (0..m).collect(),
    };
    let (val, train) = order.split_at(n_val);
    (train.to_vec(), val.to_vec())
}

/// Splits off a validation set: shuffle the samples (when `rng` is given),
/// then the first `fraction` of them (rounded down) validate and the rest
/// train. A fraction of 0 gives no validation set.
#[must_use]
pub fn validation_split(
    data: &Split,
    fraction: f64,
    rng: Option<&mut SeededRng>,
) -> (Split, Option<Split>) {
    let (train, val) = validation_rows(data.rows(), fraction, ValidationRows::Random, rng);
    if val.is_empty() {
        return (data.clone(), None);
    }
    (data.select(&train), Some(data.select(&val)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array;

    #[test]
    fn ten_percent_of_hundred_rows_validate_without_overlap() {
        let x = Array::from_shape_fn((100, 1), |(i, _)| i as f64);
        let data = Split::new(x.clone(), x).unwrap();
        let mut rng = SeededRng::new(4);
        let (train, val) = validation_split(&data, 0.1, Some(&mut rng));
        let val = val.unwrap();
        assert_eq!((train.rows(), val.rows()), (90, 10));
        let mut all: Vec<f64> = train.x.iter().chain(val.x.iter()).copied().collect();
        all.sort_by(f64::total_cmp);
        assert_eq!(all, (0..100).map(f64::from).collect::<Vec<_>>());
    }

    #[test]
    fn first_rows_validate_in_file_order_whatever_the_generator() {
        let mut rng = SeededRng::new(4);
        let before = rng.clone();
        let (train, val) = validation_rows(25, 0.1, ValidationRows::First, Some(&mut rng));
        assert_eq!(val, vec![0, 1]);
        assert_eq!(train, (2..25).collect::<Vec<_>>());
        assert_eq!(rng, before, "taking the first rows draws nothing");
    }

    #[test]
    fn without_shuffle_the_first_rows_validate() {
        let x = Array::from_shape_fn((10, 1), |(i, _)| i as f64);
        let data = Split::new(x.clone(), x).unwrap();
        let (_, val) = validation_split(&data, 0.2, None);
        assert_eq!(val.unwrap().x.column(0).to_vec(), vec![0.0, 1.0]);
    }
}
