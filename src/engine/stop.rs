//! Why a run stopped, and the tests that decide it: after each epoch
//! (divergence, the epoch budget, and eps on an epoch cadence) and after
//! each gradient step (eps on an iteration cadence).

use serde::Serialize;

use super::config::{EpsCompare, Every, StopOn, TrainConfig};
use super::history::EpochRecord;

/// A loss this many times the initial loss (or above 1e12) counts as diverged.
const EXPLOSION_FACTOR: f64 = 1e6;

/// Why a run stopped.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum StopReason {
    /// The chosen loss passed the test against eps.
    ReachedEps {
        /// Completed epochs when the test fired.
        epoch: usize,
        /// Gradient steps taken when the test fired (the run stops there,
        /// possibly in the middle of an epoch).
        iteration: u64,
        loss: f64,
        eps: f64,
        on: StopOn,
        compare: EpsCompare,
    },
    /// The epoch budget ran out (at once for `epochs: 0`: evaluation only).
    MaxEpochs { epoch: usize },
    /// The loss became NaN, infinite or exploded.
    Diverged {
        epoch: usize,
        loss: f64,
        learning_rate: f64,
    },
}

/// The losses the eps test may watch, at one moment of the run.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Watched {
    pub train: f64,
    pub validation: Option<f64>,
    /// The last batch's loss after its update (`None` before any step).
    pub batch: Option<f64>,
}

/// The eps test on `losses` after `epoch` epochs and `iteration` steps.
/// `stop_on: validation` without a validation set, or `batch` before any
/// step, watches the training loss (a resolved spec never asks for either).
pub(crate) fn eps_test(
    config: &TrainConfig,
    epoch: usize,
    iteration: u64,
    losses: Watched,
) -> Option<StopReason> {
    let eps = config.eps?;
    let (loss, on) = match (config.stop_on, losses.validation, losses.batch) {
        (StopOn::Validation, Some(v), _) => (v, StopOn::Validation),
        (StopOn::Batch, _, Some(b)) => (b, StopOn::Batch),
        _ => (losses.train, StopOn::Train),
    };
    config
        .eps_compare
        .holds(loss, eps)
        .then_some(StopReason::ReachedEps {
            epoch,
            iteration,
            loss,
            eps,
            on,
            compare: config.eps_compare,
        })
}

/// Whether the eps test is due after `iteration` steps (`epoch_end`: the
/// step completed epoch `epoch`).
pub(crate) fn eps_due(config: &TrainConfig, epoch: usize, iteration: u64, epoch_end: bool) -> bool {
    match config.stop_every {
        Every::Epochs(n) => epoch_end && epoch.is_multiple_of(n.max(1)),
        Every::Iterations(n) => iteration.is_multiple_of(n.max(1)),
    }
}

/// Whether the run stops after `record`: divergence against the `initial`
/// (epoch 0) training loss first, then eps on the chosen loss when its
/// cadence is due (`batch`: the last batch's loss, only needed then), then
/// the epoch budget.
pub(crate) fn check(
    config: &TrainConfig,
    initial: f64,
    record: &EpochRecord,
    batch: impl FnOnce() -> Option<f64>,
) -> Option<StopReason> {
    let limit = (initial.abs() * EXPLOSION_FACTOR).clamp(1e-6, 1e12);
    let watched = [Some(record.train_loss), record.val_loss];
    if let Some(bad) = watched
        .into_iter()
        .flatten()
        .find(|l| !l.is_finite() || *l > limit)
    {
        return Some(StopReason::Diverged {
            epoch: record.epoch,
            loss: bad,
            learning_rate: config.learning_rate,
        });
    }
    if eps_due(config, record.epoch, record.iteration, true) {
        let batch = (config.stop_on == StopOn::Batch).then(batch).flatten();
        let losses = Watched {
            train: record.train_loss,
            validation: record.val_loss,
            batch,
        };
        if let Some(stop) = eps_test(config, record.epoch, record.iteration, losses) {
            return Some(stop);
        }
    }
    (record.epoch >= config.max_epochs).then_some(StopReason::MaxEpochs {
        epoch: record.epoch,
    })
}
