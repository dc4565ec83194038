//! The overfitting picture as a spec: a small noisy sample of one period of
//! a sine, split into training and validation points, fitted by least-squares
//! polynomials of degree 1 up to `max_degree`; each fit's loss on both sets.
//!
//! ```yaml
//! capacity:
//!   train: 12          # training points (x spread over [0, 1])
//!   validation: 40     # validation points, drawn the same way
//!   noise: 0.2         # standard deviation of the noise added to sin(2πx)
//!   max_degree: 10     # degrees 1..=max_degree
//!   seed: 3
//! ```
//!
//! The sample comes from the seeded generator, so the same spec gives the
//! same points and numbers everywhere.

use serde::{Deserialize, Serialize};

use super::locate::PathSeg;
use super::problem::{SpecHint as H, SpecProblem as P};
use super::resolve::SpecError;
use crate::engine::polyfit::{self, Poly};
use crate::rng::SeededRng;

/// The step as written.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapacitySpec {
    /// Number of training points.
    pub train: usize,
    /// Number of validation points.
    pub validation: usize,
    /// Standard deviation of the Gaussian noise on y.
    pub noise: f64,
    /// The highest degree fitted (every degree from 1 up to it).
    pub max_degree: usize,
    pub seed: u64,
}

/// The sample and every fit, computed.
#[derive(Clone, Debug, PartialEq)]
pub struct Capacity {
    pub train: (Vec<f64>, Vec<f64>),
    pub validation: (Vec<f64>, Vec<f64>),
    /// One fit per degree, degree 1 first.
    pub fits: Vec<Poly>,
    /// The deck's MSE of each fit on the training and the validation points.
    pub train_loss: Vec<f64>,
    pub val_loss: Vec<f64>,
}

/// Most points and degree a lesson may ask for (a screenful, fast to fit).
const MAX_POINTS: usize = 1000;
const MAX_DEGREE: usize = 15;

impl Capacity {
    /// The degree with the lowest validation loss, and with the lowest
    /// training loss (ties go to the lower degree).
    #[must_use]
    pub fn best(&self) -> (usize, usize) {
        let argmin = |v: &[f64]| {
            (v.iter().enumerate())
                .fold(
                    (0, f64::INFINITY),
                    |(bi, bv), (i, x)| {
                        if *x < bv { (i, *x) } else { (bi, bv) }
                    },
                )
                .0
        };
        (
            self.fits[argmin(&self.val_loss)].degree,
            self.fits[argmin(&self.train_loss)].degree,
        )
    }
}

/// `n` points spread over [0, 1] (one uniform draw in each of n equal
/// slices, so no stretch is left empty) with y = sin(2πx) + noise.
fn sample(rng: &mut SeededRng, n: usize, noise: f64) -> (Vec<f64>, Vec<f64>) {
    let x: Vec<f64> = (0..n)
        .map(|i| (i as f64 + rng.uniform()) / n as f64)
        .collect();
    let y = x
        .iter()
        .map(|x| (2.0 * std::f64::consts::PI * x).sin() + rng.normal(0.0, noise))
        .collect();
    (x, y)
}

impl CapacitySpec {
    /// The sample and fits, or every problem found, each at its key under
    /// `prefix`.
    pub fn resolve(&self, prefix: &[PathSeg]) -> Result<Capacity, Vec<SpecError>> {
        let at = |k: &str, problem: P, hint: H| SpecError {
            path: prefix.iter().cloned().chain([PathSeg::key(k)]).collect(),
            problem,
            hint: Some(hint),
        };
        let mut errors = Vec::new();
        if !(1..=MAX_DEGREE).contains(&self.max_degree) {
            errors.push(at(
                "max_degree",
                P::MaxDegree {
                    found: self.max_degree,
                    limit: MAX_DEGREE,
                },
                H::MaxDegreeShows,
            ));
        }
        if self.train <= self.max_degree || self.train > MAX_POINTS {
            errors.push(at(
                "train",
                P::CapacityTrain {
                    max_degree: self.max_degree,
                    limit: MAX_POINTS,
                    found: self.train,
                },
                H::DegreeNeedsPoints,
            ));
        }
        if self.validation == 0 || self.validation > MAX_POINTS {
            errors.push(at(
                "validation",
                P::CapacityValidation {
                    limit: MAX_POINTS,
                    found: self.validation,
                },
                H::FewDozenPoints,
            ));
        }
        if !(self.noise.is_finite() && self.noise >= 0.0) {
            errors.push(at(
                "noise",
                P::NoiseNegative { found: self.noise },
                H::NoiseVisible,
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let train = sample(
            &mut SeededRng::derived(self.seed, "capacity-train"),
            self.train,
            self.noise,
        );
        let validation = sample(
            &mut SeededRng::derived(self.seed, "capacity-validation"),
            self.validation,
            self.noise,
        );
        let fits = (1..=self.max_degree)
            .map(|d| polyfit::fit(&train.0, &train.1, d))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| vec![at("seed", P::Engine(Box::new(e)), H::TryAnotherSeed)])?;
        Ok(Capacity {
            train_loss: fits.iter().map(|p| p.loss(&train.0, &train.1)).collect(),
            val_loss: (fits.iter())
                .map(|p| p.loss(&validation.0, &validation.1))
                .collect(),
            train,
            validation,
            fits,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> CapacitySpec {
        CapacitySpec {
            train: 12,
            validation: 40,
            noise: 0.2,
            max_degree: 10,
            seed: 3,
        }
    }

    #[test]
    fn the_same_spec_gives_the_same_numbers() {
        assert_eq!(spec().resolve(&[]).unwrap(), spec().resolve(&[]).unwrap());
    }

    #[test]
    fn the_highest_degree_fits_training_best_but_not_validation() {
        let c = spec().resolve(&[]).unwrap();
        let (best_val, best_train) = c.best();
        assert_eq!(best_train, 10);
        assert!(best_val < 10, "{:?}", c.val_loss);
    }

    #[test]
    fn too_few_training_points_name_the_key() {
        let s = CapacitySpec { train: 5, ..spec() };
        let errs = s.resolve(&[PathSeg::key("capacity")]).unwrap_err();
        assert_eq!(
            errs[0].path,
            vec![PathSeg::key("capacity"), PathSeg::key("train")]
        );
        assert!(errs[0].problem.to_string().contains("found 5"));
    }
}
