//! The checked picture steps: a loss landscape and a function plot. Every
//! run resolves, every parameter name names a parameter of the network,
//! every range is finite and ordered, every count is within its limit.

use super::model::Run;
pub use super::raw_views::Fixed;
use crate::engine::curve::Curve;
use crate::engine::landscape::ParamRef;
use crate::engine::saturation::Saturation;

/// A parameter on an axis of a landscape: its name as written (`w1`, `b`)
/// and where it is in the network.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisParam {
    pub name: String,
    pub param: ParamRef,
    /// The span drawn, or `None` to fit the optimum and the starts.
    pub range: Option<[f64; 2]>,
}

/// Runs drawn as paths over the loss contours in two parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Landscape {
    /// One to [`MAX_LANDSCAPE_RUNS`] runs of the same network and data.
    pub runs: Vec<Run>,
    pub x: AxisParam,
    pub y: AxisParam,
    pub fixed: Fixed,
}

/// Functions of one variable, optionally with their derivatives, marked
/// points and the saturation exercise stepped on the first curve.
#[derive(Clone, Debug, PartialEq)]
pub struct Plot {
    pub functions: Vec<Curve>,
    pub derivatives: bool,
    /// The span of z, lo < hi.
    pub x_range: [f64; 2],
    pub marks: Vec<f64>,
    pub saturation: Option<Saturation>,
}

/// The most runs one landscape draws (each needs a mark of its own).
pub const MAX_LANDSCAPE_RUNS: usize = 4;
/// The most gradient steps one landscape run may take: each is a point of
/// its path, kept in memory and drawn.
pub const MAX_PATH_STEPS: u64 = 20_000;
/// The most functions in one plot.
pub const MAX_PLOT_FUNCTIONS: usize = 5;
/// The most marked points in one plot.
pub const MAX_PLOT_MARKS: usize = 12;
/// The most steps of a saturation exercise stepped in a plot (each is a
/// row of the plain form's table).
pub const MAX_PLOT_STEPS: usize = 2_000;

/// Whether `net` is one identity layer with loss MSE, whose optimum the
/// normal equation gives.
#[must_use]
pub fn linear_least_squares(net: &crate::engine::Network) -> bool {
    net.layers().len() == 1
        && net.layers()[0].activation == crate::engine::Activation::Identity
        && net.loss() == crate::engine::Loss::Mse
}
