//! What the screen shows after a step.

use super::dense::Dense;
use super::network::Gradients;
use super::stop::StopReason;

/// What the screen shows after a step.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// Completed epochs.
    pub epoch: usize,
    /// Gradient steps taken in all.
    pub iteration: u64,
    /// Batches taken in the current epoch, of `batches_per_epoch`.
    pub batch_in_epoch: usize,
    pub batches_per_epoch: usize,
    pub train_loss: f64,
    pub val_loss: Option<f64>,
    /// R² for regression, accuracy for classification, on the training set.
    pub metric: f64,
    pub val_metric: Option<f64>,
    /// Loss of the last batch, before its update.
    pub batch_loss: Option<f64>,
    pub layers: Vec<Dense>,
    pub grads: Option<Gradients>,
    /// Training-set rows of the last batch, in batch order.
    pub last_batch: Vec<usize>,
    pub stop: Option<StopReason>,
}
