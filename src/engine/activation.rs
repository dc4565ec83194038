//! Activation functions σ and their backward passes.

use ndarray::{Array2, ArrayView2};
use serde::{Deserialize, Serialize};

use super::kernels::{self, flat, flat_mut, view_flat};

/// Slope of leaky ReLU for negative inputs.
pub const LEAKY_SLOPE: f64 = 0.01;

/// An activation applied element-wise (softmax: row-wise) to `Z`.
///
/// Written in YAML by its snake-case name; `logistic` is accepted for
/// `sigmoid`, as the deck calls the binary output head.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Activation {
    Identity,
    #[serde(alias = "logistic")]
    Sigmoid,
    Tanh,
    Relu,
    LeakyRelu,
    Softmax,
}

impl Activation {
    /// Every activation, in the order the lessons introduce them.
    pub const ALL: [Activation; 6] = [
        Activation::Identity,
        Activation::Sigmoid,
        Activation::Tanh,
        Activation::Relu,
        Activation::LeakyRelu,
        Activation::Softmax,
    ];

    /// The name as written in YAML.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Activation::Identity => "identity",
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
            Activation::LeakyRelu => "leaky_relu",
            Activation::Softmax => "softmax",
        }
    }

    /// Parses a YAML name (including the `logistic` alias).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "logistic" => Some(Activation::Sigmoid),
            _ => Self::ALL.into_iter().find(|a| a.name() == name),
        }
    }

    /// σ(z) for one element-wise activation. Softmax has no scalar form; it
    /// returns the logistic value of `z` against 0, i.e. a two-way softmax.
    #[must_use]
    pub fn scalar(self, z: f64) -> f64 {
        match self {
            Activation::Identity => z,
            Activation::Sigmoid | Activation::Softmax => sigmoid(z),
            Activation::Tanh => z.tanh(),
            Activation::Relu => z.max(0.0),
            Activation::LeakyRelu => {
                if z > 0.0 {
                    z
                } else {
                    LEAKY_SLOPE * z
                }
            }
        }
    }

    /// σ'(z) for element-wise activations (for softmax, the diagonal term).
    /// At z = 0 ReLU's derivative is taken as 0, as most frameworks do.
    #[must_use]
    pub fn scalar_derivative(self, z: f64) -> f64 {
        match self {
            Activation::Identity => 1.0,
            Activation::Sigmoid | Activation::Softmax => {
                let a = sigmoid(z);
                a * (1.0 - a)
            }
            Activation::Tanh => 1.0 - z.tanh().powi(2),
            Activation::Relu => f64::from(u8::from(z > 0.0)),
            Activation::LeakyRelu => {
                if z > 0.0 {
                    1.0
                } else {
                    LEAKY_SLOPE
                }
            }
        }
    }

    /// `A = σ(Z)`: `z` (m, k) → (m, k).
    #[must_use]
    pub fn forward(self, z: ArrayView2<f64>) -> Array2<f64> {
        let mut a = z.to_owned();
        self.forward_in_place(&mut a);
        a
    }

    /// Replaces `Z` (m, k) by `σ(Z)` in place; softmax subtracts each row's
    /// maximum before exponentiating, so large logits cannot overflow.
    pub fn forward_in_place(self, z: &mut Array2<f64>) {
        let zs = z.as_standard_layout().into_owned();
        let mut a = Array2::zeros(zs.dim());
        kernels::activate(self, zs.ncols(), flat(&zs), flat_mut(&mut a));
        *z = a;
    }

    /// `dZ = dA ⊙ σ'(Z)` given `z`, `a = σ(z)` and `da`, all (m, k).
    /// For softmax this is the row-wise Jacobian product
    /// `dZ = A ⊙ (dA − rowsum(dA ⊙ A))`.
    #[must_use]
    pub fn backward(
        self,
        z: ArrayView2<f64>,
        a: ArrayView2<f64>,
        da: ArrayView2<f64>,
    ) -> Array2<f64> {
        let (z, a) = (z.as_standard_layout(), a.as_standard_layout());
        let mut dz = da.as_standard_layout().into_owned();
        kernels::activation_backward(
            self,
            dz.ncols(),
            view_flat(&z),
            view_flat(&a),
            flat_mut(&mut dz),
        );
        dz
    }

    /// The range of σ, as shown in the activation-function lesson.
    #[must_use]
    pub fn range(self) -> &'static str {
        match self {
            Activation::Identity | Activation::LeakyRelu => "(−∞, ∞)",
            Activation::Sigmoid => "(0, 1)",
            Activation::Tanh => "(−1, 1)",
            Activation::Relu => "[0, ∞)",
            Activation::Softmax => "(0, 1), each row sums to 1",
        }
    }
}

/// The logistic function 1/(1+e^(−z)), computed without overflow for large
/// |z| and without a branch: e^(−|z|) is at most 1.
#[must_use]
pub fn sigmoid(z: f64) -> f64 {
    sigmoid_from(z, super::exp::exp(-z.abs()))
}

/// The logistic function of `z` given `e` = e^(−|z|) (which the binary
/// cross-entropy reuses): 1/(1+e) for z ≥ 0, e/(1+e) below.
#[must_use]
#[inline]
pub fn sigmoid_from(z: f64, e: f64) -> f64 {
    let numerator = if z >= 0.0 { 1.0 } else { e };
    numerator / (1.0 + e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn sigmoid_of_zero_is_half_and_is_stable_at_extremes() {
        assert_eq!(sigmoid(0.0), 0.5);
        assert_eq!(sigmoid(-1000.0), 0.0);
        assert_eq!(sigmoid(1000.0), 1.0);
    }

    #[test]
    fn softmax_rows_sum_to_one_and_survive_huge_logits() {
        let z = array![[3.0, 1.0, -3.0], [1000.0, 999.0, 0.0]];
        let a = Activation::Softmax.forward(z.view());
        for row in a.rows() {
            assert!((row.sum() - 1.0).abs() < 1e-12);
        }
        // The deck's example: softmax([3, 1, -3]) = [0.879, 0.119, 0.002].
        assert!((a[[0, 0]] - 0.8789).abs() < 1e-4);
        assert!((a[[0, 1]] - 0.1189).abs() < 1e-4);
        assert!((a[[0, 2]] - 0.0022).abs() < 1e-4);
        assert!(a.iter().all(|v| v.is_finite()));
    }

    #[test]
    fn scalar_derivatives_match_central_differences() {
        let h = 1e-6;
        for act in Activation::ALL {
            if act == Activation::Softmax {
                continue;
            }
            for &z in &[-2.0, -0.3, 0.4, 1.7] {
                let numeric = (act.scalar(z + h) - act.scalar(z - h)) / (2.0 * h);
                assert!(
                    (numeric - act.scalar_derivative(z)).abs() < 1e-6,
                    "{act:?} at {z}"
                );
            }
        }
    }

    #[test]
    fn names_round_trip_and_logistic_is_sigmoid() {
        for act in Activation::ALL {
            assert_eq!(Activation::from_name(act.name()), Some(act));
        }
        assert_eq!(Activation::from_name("logistic"), Some(Activation::Sigmoid));
        assert_eq!(Activation::from_name("swish"), None);
    }
}
