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
//! The engine does no file I/O and knows nothing of lessons, YAML or
//! terminals: callers hand it matrices.

mod activation;
mod dense;
mod error;
pub mod gradcheck;
mod init;
mod loss;
pub mod metrics;
mod network;
pub mod normal_equation;
pub mod split;
mod train_step;
mod trainer;
pub mod transform;

pub use activation::Activation;
pub use dense::{Dense, LayerGrads};
pub use error::EngineError;
pub use init::Init;
pub use loss::Loss;
pub use network::{Forward, Gradients, LayerSpec, Network, Task};
pub use split::Split;
pub use train_step::Workspace;
pub use trainer::{
    BatchSize, EpochRecord, HISTORY_LIMIT, Snapshot, StopOn, StopReason, TrainConfig, Trainer,
};

/// Shape of a matrix as (rows, cols), for messages.
#[must_use]
pub fn shape(m: &ndarray::Array2<f64>) -> (usize, usize) {
    m.dim()
}
