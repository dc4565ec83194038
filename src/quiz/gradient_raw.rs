//! A gradient question as written in a lesson: serde types that mirror the
//! YAML and reject unknown keys; [`super::GradientSpec::check`] turns them
//! into the checked spec.

use serde::{Deserialize, Serialize};

use crate::engine::{LayerSpec, Loss};

/// A gradient question as written (also the `check:` of a number or matrix
/// question). Unknown keys are errors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGradient {
    /// Number of input features n.
    pub inputs: usize,
    pub layers: Vec<LayerSpec>,
    pub loss: Loss,
    #[serde(default)]
    pub fixed: Option<RawFixed>,
    #[serde(default)]
    pub random: Option<RawRandom>,
    /// `z`, `a`, `loss`, `dz`, `dw`, `db`, or layer-numbered `dW2`, `dZ1`, …
    pub ask: String,
    #[serde(default)]
    pub abs: Option<f64>,
    #[serde(default)]
    pub rel: Option<f64>,
    /// Questions of one step with the same `case` name draw the same
    /// numbers (ask dw in one question and db in the next).
    #[serde(default)]
    pub case: Option<String>,
}

/// Fixed numbers: the samples `x` (m rows of n), the targets `y` (m rows of
/// k) and every layer's weights.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFixed {
    pub x: Vec<Vec<f64>>,
    pub y: Vec<Vec<f64>>,
    pub weights: Vec<RawWeights>,
}

/// One layer's W (n rows of k) and b (k values, default zeros).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWeights {
    pub w: Vec<Vec<f64>>,
    #[serde(default)]
    pub b: Option<Vec<f64>>,
}

/// Ranges that numbers are drawn from, per learner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRandom {
    pub x: [f64; 2],
    pub w: [f64; 2],
    /// Default: the range of `w`.
    #[serde(default)]
    pub b: Option<[f64; 2]>,
    /// Regression targets (default: the range of `x`); classes are drawn.
    #[serde(default)]
    pub y: Option<[f64; 2]>,
    /// Number of samples m (default 1).
    #[serde(default)]
    pub samples: Option<usize>,
    /// Decimals every drawn number is rounded to (default 2).
    #[serde(default)]
    pub decimals: Option<u32>,
}
