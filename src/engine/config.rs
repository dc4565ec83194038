//! How a run trains and when it stops: the batch size, the learning rate,
//! the epoch budget and eps, and their validation.

use serde::{Deserialize, Serialize};

use super::error::EngineError;

/// Samples per gradient step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum BatchSize {
    /// A fixed number of rows (1 is stochastic gradient descent).
    Rows(usize),
    /// The whole training set at once (the book writes −1).
    Full(FullBatch),
}

/// The word `full` in a spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FullBatch {
    Full,
}

impl BatchSize {
    /// The whole training set.
    pub const FULL: BatchSize = BatchSize::Full(FullBatch::Full);

    /// Rows per batch for a training set of `m` rows.
    #[must_use]
    pub fn rows(self, m: usize) -> usize {
        match self {
            BatchSize::Rows(r) => r.clamp(1, m.max(1)),
            BatchSize::Full(_) => m.max(1),
        }
    }

    /// As shown on screen: `1`, `10`, `full`.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            BatchSize::Rows(r) => r.to_string(),
            BatchSize::Full(_) => "full".into(),
        }
    }
}

/// Which loss the stop threshold `eps` is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StopOn {
    Train,
    Validation,
}

/// How a run trains and when it stops.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrainConfig {
    /// Step size η, > 0.
    pub learning_rate: f64,
    pub batch_size: BatchSize,
    /// The run stops after this many epochs, ≥ 1.
    pub max_epochs: usize,
    /// Stop once the chosen loss is ≤ eps (checked after each epoch).
    pub eps: Option<f64>,
    pub stop_on: StopOn,
    /// Shuffle the training rows at the start of every epoch.
    pub shuffle: bool,
    /// Seeds the shuffles.
    pub seed: u64,
}

impl TrainConfig {
    /// Checks every value is in range.
    pub fn validate(&self) -> Result<(), EngineError> {
        if !(self.learning_rate > 0.0 && self.learning_rate.is_finite()) {
            return Err(invalid(
                "the learning rate",
                "a finite number > 0",
                self.learning_rate,
            ));
        }
        if self.max_epochs == 0 {
            return Err(invalid("the number of epochs", "at least 1", 0));
        }
        if let BatchSize::Rows(0) = self.batch_size {
            return Err(invalid("the batch size", "at least 1, or 'full'", 0));
        }
        if let Some(eps) = self.eps
            && !(eps >= 0.0 && eps.is_finite())
        {
            return Err(invalid("eps", "a finite number ≥ 0", eps));
        }
        Ok(())
    }
}

pub(crate) fn invalid(
    name: &'static str,
    expected: &'static str,
    found: impl ToString,
) -> EngineError {
    EngineError::InvalidValue {
        name,
        expected,
        found: found.to_string(),
    }
}
