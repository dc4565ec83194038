//! Why a run stopped, and the test after each epoch that decides it.

use serde::Serialize;

use super::config::{StopOn, TrainConfig};
use super::history::EpochRecord;

/// A loss this many times the initial loss (or above 1e12) counts as diverged.
const EXPLOSION_FACTOR: f64 = 1e6;

/// Why a run stopped.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum StopReason {
    /// The chosen loss fell to eps or below.
    ReachedEps {
        epoch: usize,
        loss: f64,
        eps: f64,
        on: StopOn,
    },
    /// The epoch budget ran out.
    MaxEpochs { epoch: usize },
    /// The loss became NaN, infinite or exploded.
    Diverged {
        epoch: usize,
        loss: f64,
        learning_rate: f64,
    },
}

/// Whether the run stops after `record`: divergence against the `initial`
/// (epoch 0) training loss first, then eps on the chosen loss, then the epoch
/// budget.
pub(crate) fn check(
    config: &TrainConfig,
    initial: f64,
    record: &EpochRecord,
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
    if let Some(eps) = config.eps {
        let (loss, on) = match (config.stop_on, record.val_loss) {
            (StopOn::Validation, Some(v)) => (v, StopOn::Validation),
            _ => (record.train_loss, StopOn::Train),
        };
        if loss <= eps {
            return Some(StopReason::ReachedEps {
                epoch: record.epoch,
                loss,
                eps,
                on,
            });
        }
    }
    (record.epoch >= config.max_epochs).then_some(StopReason::MaxEpochs {
        epoch: record.epoch,
    })
}
