//! The numerical engine: dense layers, activations, losses, initialisers, the
//! [`Trainer`] and its snapshots, the normal-equation solver, transforms,
//! metrics and the finite-difference gradient check.
//!
//! Notation follows the course deck so that the screen and the formulas agree:
//! a batch is a matrix `X` of m rows (samples) by n columns (features); a layer
//! computes `Z = X·W + B` with `W` (n, k) and `B` (1, k), then `A = σ(Z)`.
//! Backward, `dZ` is the per-sample delta (for the three matched output heads
//! `dZ = A − Y`), `dW = Xᵀ·dZ / m` and `dB` is the column mean of `dZ`.
//!
//! All arithmetic of a pass lives in `kernels` (on row-major slices): the
//! readable allocating API ([`Network::forward`], [`Network::backward`]), the
//! allocation-free training step and the per-epoch evaluation are thin
//! layers over it, so there is one forward and one backward pass.
//!
//! The engine does no file I/O and knows nothing of lessons, YAML or
//! terminals: callers hand it matrices.

mod activation;
mod config;
pub mod curve;
mod dense;
mod error;
mod evaluation;
mod exp;
pub mod gradcheck;
pub mod hidden;
mod history;
mod init;
mod kernels;
pub mod landscape;
mod loss;
pub mod metrics;
mod network;
pub mod normal_equation;
pub mod polyfit;
pub mod saturation;
mod snapshot;
pub mod split;
mod stop;
mod train_step;
mod trainer;
pub mod transform;

pub use activation::Activation;
pub use config::{BatchSize, EpsCompare, Every, FullBatch, StopOn, TrainConfig};
pub use dense::{Dense, LayerGrads};
pub use error::EngineError;
pub use evaluation::{EvalScratch, TargetStats};
pub use history::{EpochRecord, HISTORY_LIMIT};
pub use init::Init;
pub use loss::Loss;
pub use network::{Forward, Gradients, LayerSpec, Network, Task};
pub use snapshot::Snapshot;
pub use split::Split;
pub use stop::StopReason;
pub use train_step::Workspace;
pub use trainer::Trainer;

/// Shape of a matrix as (rows, cols), for messages.
#[must_use]
pub fn shape(m: &ndarray::Array2<f64>) -> (usize, usize) {
    m.dim()
}
