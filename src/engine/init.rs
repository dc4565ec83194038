//! Weight initialisers. Biases always start at zero.

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use crate::rng::SeededRng;

/// How a layer's `W` is filled before training.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Init {
    /// All zeros: the single-layer chapters start here.
    Zeros,
    /// Xavier/Glorot uniform, U(±√(6/(n_in + n_out))): the two-layer chapters.
    #[serde(alias = "glorot")]
    Xavier,
    /// He/MSRA normal scaled by fan-in, N(0, √(2/n_in)): He et al.'s
    /// choice, for ReLU layers.
    #[serde(alias = "msra", alias = "he_fan_in")]
    He,
    /// He/MSRA normal scaled by fan-out, N(0, √(2/n_out)): the course
    /// book's code (its `InitialMethod.MSRA`).
    HeFanOut,
}

impl Init {
    /// The name as written in YAML.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Init::Zeros => "zeros",
            Init::Xavier => "xavier",
            Init::He => "he",
            Init::HeFanOut => "he_fan_out",
        }
    }

    /// A `W` of shape (n_in, n_out), drawing from `rng` in row-major order.
    #[must_use]
    pub fn weights(self, n_in: usize, n_out: usize, rng: &mut SeededRng) -> Array2<f64> {
        match self {
            Init::Zeros => Array2::zeros((n_in, n_out)),
            Init::Xavier => {
                let limit = (6.0 / (n_in + n_out) as f64).sqrt();
                Array2::from_shape_simple_fn((n_in, n_out), || rng.uniform_in(-limit, limit))
            }
            Init::He => {
                let std = (2.0 / n_in.max(1) as f64).sqrt();
                Array2::from_shape_simple_fn((n_in, n_out), || rng.normal(0.0, std))
            }
            Init::HeFanOut => {
                let std = (2.0 / n_out.max(1) as f64).sqrt();
                Array2::from_shape_simple_fn((n_in, n_out), || rng.normal(0.0, std))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xavier_stays_within_its_limit() {
        let mut rng = SeededRng::new(1);
        let w = Init::Xavier.weights(1, 3, &mut rng);
        let limit = (6.0f64 / 4.0).sqrt();
        assert!(w.iter().all(|v| v.abs() <= limit));
        assert!(w.iter().any(|v| *v != 0.0));
    }

    #[test]
    fn he_normal_has_the_right_spread() {
        let mut rng = SeededRng::new(2);
        let w = Init::He.weights(50, 200, &mut rng);
        let var = w.iter().map(|v| v * v).sum::<f64>() / w.len() as f64;
        assert!((var - 2.0 / 50.0).abs() < 0.004, "{var}");
    }

    #[test]
    fn he_by_fan_out_scales_by_the_units_and_draws_the_same_stream() {
        let (mut a, mut b) = (SeededRng::new(2), SeededRng::new(2));
        let fan_in = Init::He.weights(50, 200, &mut a);
        let fan_out = Init::HeFanOut.weights(50, 200, &mut b);
        let var = fan_out.iter().map(|v| v * v).sum::<f64>() / fan_out.len() as f64;
        assert!((var - 2.0 / 200.0).abs() < 0.001, "{var}");
        // Same draws, another scale: √(50/200) = ½ of the fan-in values.
        for (i, o) in fan_in.iter().zip(&fan_out) {
            assert!((o - i * 0.5).abs() < 1e-15);
        }
    }
}
