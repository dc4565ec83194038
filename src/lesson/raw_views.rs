//! The lesson file as written, for the two picture steps: `landscape:` (the
//! loss over two parameters with runs' paths drawn on it) and `plot:`
//! (functions of one variable with their derivatives, and optionally the
//! saturation exercise stepped on the curve). Checked by
//! `validate/views.rs` into [`super::model_views`].

use serde::{Deserialize, Serialize};

use super::raw::RawRun;
use crate::engine::curve::Curve;
use crate::spec::TrainSpec;
use crate::spec::saturation::SaturationSpec;

/// A loss landscape: runs of one network on one dataset, drawn as paths
/// over the contours of the loss in two of its parameters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLandscape {
    /// The spec every run starts from (optional when each run has its own).
    #[serde(default)]
    pub base: Option<TrainSpec>,
    /// One to four runs, each drawn with its own mark.
    pub runs: Vec<RawRun>,
    /// The parameter along the horizontal axis: `w` (one input), `w1`,
    /// `w2`, … (the weight of input j) or `b`.
    pub x: String,
    /// The parameter along the vertical axis.
    pub y: String,
    /// The span of the horizontal axis; default: around the optimum and
    /// the runs' starting points.
    #[serde(default)]
    pub x_range: Option<[f64; 2]>,
    #[serde(default)]
    pub y_range: Option<[f64; 2]>,
    /// Where the parameters not on an axis are held: `optimum` (the
    /// least-squares solution; the default where there is one) or `start`
    /// (the first run's starting values).
    #[serde(default)]
    pub fixed: Option<Fixed>,
}

/// Where a landscape holds the parameters it does not draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fixed {
    Optimum,
    Start,
}

/// Functions of one variable plotted side by side with their derivatives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlot {
    /// One to five of `sigmoid`, `tanh`, `relu`, `leaky_relu`, `softplus`.
    pub functions: Vec<Curve>,
    /// Also draw each function's derivative (default true).
    #[serde(default)]
    pub derivatives: Option<bool>,
    /// The span of z; default [-6, 6].
    #[serde(default)]
    pub x_range: Option<[f64; 2]>,
    /// Values of z marked on every curve, with their values in a table.
    #[serde(default)]
    pub marks: Option<Vec<f64>>,
    /// The saturation exercise, stepped by the learner on the first curve.
    #[serde(default)]
    pub saturation: Option<SaturationSpec>,
}
