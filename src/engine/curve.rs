//! Functions of one variable a lesson plots with their derivatives: the
//! element-wise activations, and softplus (a smooth ReLU whose derivative is
//! the sigmoid). The activations' values come from [`Activation::scalar`],
//! so a plot shows exactly what a layer computes.

use serde::{Deserialize, Serialize};

use super::activation::Activation;

/// A function of one real variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Curve {
    Sigmoid,
    Tanh,
    Relu,
    LeakyRelu,
    /// ln(1 + eᶻ).
    Softplus,
}

impl Curve {
    /// Every curve, in the order the format documents them.
    pub const ALL: [Curve; 5] = [
        Curve::Sigmoid,
        Curve::Tanh,
        Curve::Relu,
        Curve::LeakyRelu,
        Curve::Softplus,
    ];

    /// The name as written in YAML and shown on screen.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Curve::Sigmoid => "sigmoid",
            Curve::Tanh => "tanh",
            Curve::Relu => "relu",
            Curve::LeakyRelu => "leaky_relu",
            Curve::Softplus => "softplus",
        }
    }

    fn activation(self) -> Option<Activation> {
        match self {
            Curve::Sigmoid => Some(Activation::Sigmoid),
            Curve::Tanh => Some(Activation::Tanh),
            Curve::Relu => Some(Activation::Relu),
            Curve::LeakyRelu => Some(Activation::LeakyRelu),
            Curve::Softplus => None,
        }
    }

    /// f(z).
    #[must_use]
    pub fn value(self, z: f64) -> f64 {
        match self.activation() {
            Some(a) => a.scalar(z),
            // max(z, 0) + ln(1 + e^−|z|): no overflow for large |z|.
            None => z.max(0.0) + (-z.abs()).exp().ln_1p(),
        }
    }

    /// f′(z) (ReLU's at 0 taken as 0, as the engine's backward pass does).
    #[must_use]
    pub fn derivative(self, z: f64) -> f64 {
        match self.activation() {
            Some(a) => a.scalar_derivative(z),
            None => Activation::Sigmoid.scalar(z),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derivatives_agree_with_finite_differences() {
        let h = 1e-6;
        for c in Curve::ALL {
            for z in [-4.0, -1.3, -0.2, 0.3, 1.7, 5.0] {
                let fd = (c.value(z + h) - c.value(z - h)) / (2.0 * h);
                assert!((fd - c.derivative(z)).abs() < 1e-6, "{c:?} at {z}");
            }
        }
    }

    #[test]
    fn softplus_by_hand() {
        // ln(1 + e⁰) = ln 2; slope σ(0) = ½; far right ≈ z.
        assert!((Curve::Softplus.value(0.0) - 2f64.ln()).abs() < 1e-15);
        assert_eq!(Curve::Softplus.derivative(0.0), 0.5);
        assert!((Curve::Softplus.value(40.0) - 40.0).abs() < 1e-15);
        assert!(Curve::Softplus.value(-800.0) >= 0.0);
    }
}
