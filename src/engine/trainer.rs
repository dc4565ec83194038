//! The trainer: a state machine the UI can step one iteration (one batch) or
//! one epoch at a time, or run until it stops. After each step it hands back a
//! [`Snapshot`]; every completed epoch is kept in the history, so a run can be
//! scrubbed back and resumed from any earlier epoch.
//!
//! A run is fully determined by its network, data and [`TrainConfig`] (which
//! holds the seed): each epoch shuffles the training rows (when `shuffle` is
//! on), then takes consecutive mini-batches.

use serde::{Deserialize, Serialize};

use super::dense::{Dense, LayerGrads};
use super::error::EngineError;
use super::metrics;
use super::network::{Gradients, Network};
use super::split::Split;
use super::train_step::Workspace;
use crate::rng::SeededRng;

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

fn invalid(name: &'static str, expected: &'static str, found: impl ToString) -> EngineError {
    EngineError::InvalidValue {
        name,
        expected,
        found: found.to_string(),
    }
}

/// Epoch records kept before older ones are thinned: a run of a million
/// epochs keeps about this many, evenly spread, so memory stays bounded.
pub const HISTORY_LIMIT: usize = 20_000;

/// Drops every second record except the first and the last.
fn thin(history: &mut Vec<EpochRecord>) {
    let last = history.len() - 1;
    let mut i = 0;
    history.retain(|_| {
        let keep = i == 0 || i == last || i % 2 == 0;
        i += 1;
        keep
    });
}

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

impl StopReason {
    /// One sentence for the status line and the text output.
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            StopReason::ReachedEps {
                epoch,
                loss,
                eps,
                on,
            } => {
                let which = match on {
                    StopOn::Train => "training",
                    StopOn::Validation => "validation",
                };
                format!("reached eps at epoch {epoch}: {which} loss {loss:.6} ≤ {eps}")
            }
            StopReason::MaxEpochs { epoch } => {
                format!("stopped after the maximum of {epoch} epochs")
            }
            StopReason::Diverged {
                epoch,
                loss,
                learning_rate,
            } => format!(
                "diverged at epoch {epoch} (loss {loss:e}): the learning rate {learning_rate} is probably too large, or the inputs need normalising"
            ),
        }
    }
}

/// The state after a completed epoch (epoch 0 is the state before training).
/// `grads` holds the last batch's dW and dB; its dZ keeps only the batch's
/// first row, which is all the screen's formulas need.
#[derive(Clone, Debug, PartialEq)]
pub struct EpochRecord {
    pub epoch: usize,
    pub iteration: u64,
    pub train_loss: f64,
    pub val_loss: Option<f64>,
    pub metric: f64,
    pub val_metric: Option<f64>,
    pub layers: Vec<Dense>,
    pub grads: Option<Gradients>,
    rng: SeededRng,
}

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

/// Trains a [`Network`] on a training set, with optional validation and test sets.
#[derive(Clone, Debug)]
pub struct Trainer {
    net: Network,
    config: TrainConfig,
    train: Split,
    validation: Option<Split>,
    test: Option<Split>,
    rng: SeededRng,
    order: Vec<usize>,
    pos: usize,
    epoch: usize,
    iteration: u64,
    /// Buffers of the fast step; after a step they hold its gradients.
    ws: Workspace,
    /// Whether `ws` holds the gradients of the last step (false before the
    /// first step and right after a rewind).
    have_grads: bool,
    /// Gradients restored by a rewind, shown until the next step.
    rewound_grads: Option<Gradients>,
    last_batch: Vec<usize>,
    history: Vec<EpochRecord>,
    stop: Option<StopReason>,
}

impl Trainer {
    /// A trainer at epoch 0. `train`, `validation` and `test` must match the
    /// network's input and output widths.
    pub fn new(
        net: Network,
        config: TrainConfig,
        train: Split,
        validation: Option<Split>,
        test: Option<Split>,
    ) -> Result<Self, EngineError> {
        config.validate()?;
        if train.rows() == 0 {
            return Err(invalid("the training set", "at least one sample", 0));
        }
        for (name, set) in [
            ("training", Some(&train)),
            ("validation", validation.as_ref()),
            ("test", test.as_ref()),
        ] {
            if let Some(set) = set {
                check_widths(&net, set, name)?;
            }
        }
        let rng = SeededRng::derived(config.seed, "shuffle");
        let m = train.rows();
        let mut trainer = Self {
            net,
            config,
            train,
            validation,
            test,
            rng,
            order: (0..m).collect(),
            pos: 0,
            epoch: 0,
            iteration: 0,
            ws: Workspace::default(),
            have_grads: false,
            rewound_grads: None,
            last_batch: Vec::new(),
            history: Vec::new(),
            stop: None,
        };
        let first = trainer.record()?;
        trainer.history.push(first);
        Ok(trainer)
    }

    /// Takes one gradient step on the next mini-batch (starting a new epoch,
    /// with its shuffle, when the last one is complete).
    pub fn step_iteration(&mut self) -> Result<Snapshot, EngineError> {
        if self.stop.is_none() {
            self.advance()?;
        }
        self.snapshot()
    }

    /// Runs to the end of the current epoch (a whole epoch when at its start).
    pub fn step_epoch(&mut self) -> Result<Snapshot, EngineError> {
        if self.stop.is_none() {
            let start = self.epoch;
            while self.stop.is_none() && self.epoch == start {
                self.advance()?;
            }
        }
        self.snapshot()
    }

    /// Runs until the run stops or `epochs` more epochs have completed.
    pub fn run_epochs(&mut self, epochs: usize) -> Result<Snapshot, EngineError> {
        let target = self.epoch + epochs;
        while self.stop.is_none() && self.epoch < target {
            self.advance()?;
        }
        self.snapshot()
    }

    /// Runs until the run stops (eps, the epoch budget or divergence).
    pub fn run(&mut self) -> Result<Snapshot, EngineError> {
        while self.stop.is_none() {
            self.advance()?;
        }
        self.snapshot()
    }

    /// Runs until `done` says so after some completed epoch, or the run stops.
    pub fn run_until(
        &mut self,
        mut done: impl FnMut(&EpochRecord) -> bool,
    ) -> Result<Snapshot, EngineError> {
        while self.stop.is_none() {
            let before = self.epoch;
            self.advance()?;
            if self.epoch != before && self.history.last().is_some_and(&mut done) {
                break;
            }
        }
        self.snapshot()
    }

    /// One gradient step without building a snapshot (the fast path for
    /// running at full speed); at the end of an epoch it records the epoch and
    /// checks the stop conditions. Does nothing once the run has stopped.
    pub fn advance(&mut self) -> Result<(), EngineError> {
        if self.stop.is_some() {
            return Ok(());
        }
        let m = self.train.rows();
        if self.pos == 0 && self.config.shuffle {
            // Each epoch's order depends only on the stream, so rewinding the
            // stream is enough to replay it.
            for (i, slot) in self.order.iter_mut().enumerate() {
                *slot = i;
            }
            self.rng.shuffle(&mut self.order);
        }
        let size = self.config.batch_size.rows(m);
        let end = (self.pos + size).min(m);
        self.last_batch.clear();
        self.last_batch
            .extend_from_slice(&self.order[self.pos..end]);
        self.ws
            .fit(&self.net, self.last_batch.len(), self.train.y.ncols());
        self.ws
            .load_batch(self.train.x.view(), self.train.y.view(), &self.last_batch);
        self.net.train_step(&mut self.ws, self.config.learning_rate);
        self.have_grads = true;
        self.iteration += 1;
        self.pos = end;
        if self.pos >= m {
            self.pos = 0;
            self.epoch += 1;
            let record = self.record()?;
            self.stop = self.check_stop(&record);
            self.history.push(record);
            if self.history.len() > HISTORY_LIMIT {
                thin(&mut self.history);
            }
        }
        Ok(())
    }

    fn check_stop(&self, record: &EpochRecord) -> Option<StopReason> {
        let initial = self
            .history
            .first()
            .map_or(record.train_loss, |r| r.train_loss);
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
                learning_rate: self.config.learning_rate,
            });
        }
        if let Some(eps) = self.config.eps {
            let (loss, on) = match (self.config.stop_on, record.val_loss) {
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
        (record.epoch >= self.config.max_epochs).then_some(StopReason::MaxEpochs {
            epoch: record.epoch,
        })
    }

    /// The losses, metrics and parameters now, as an epoch record.
    fn record(&self) -> Result<EpochRecord, EngineError> {
        let (train_loss, metric) = self.evaluate(&self.train)?;
        let (val_loss, val_metric) = match &self.validation {
            Some(v) => {
                let (l, m) = self.evaluate(v)?;
                (Some(l), Some(m))
            }
            None => (None, None),
        };
        Ok(EpochRecord {
            epoch: self.epoch,
            iteration: self.iteration,
            train_loss,
            val_loss,
            metric,
            val_metric,
            layers: self.net.layers().to_vec(),
            grads: self.last_grads().map(first_row_only),
            rng: self.rng.clone(),
        })
    }

    /// Loss and metric of the current network on `set`.
    pub fn evaluate(&self, set: &Split) -> Result<(f64, f64), EngineError> {
        let fwd = self.net.forward(set.x.view())?;
        let loss = self.net.loss_of(&fwd, set.y.view());
        let metric = metrics::metric(self.net.task(), fwd.output().view(), set.y.view());
        Ok((loss, metric))
    }

    /// The current state. Mid-epoch, losses and metric are computed afresh
    /// over the full sets; at an epoch boundary they come from the history.
    pub fn snapshot(&self) -> Result<Snapshot, EngineError> {
        let fresh;
        let rec = match self.history.last() {
            Some(last) if self.pos == 0 && last.epoch == self.epoch => last,
            _ => {
                fresh = self.record()?;
                &fresh
            }
        };
        let m = self.train.rows();
        let size = self.config.batch_size.rows(m);
        Ok(Snapshot {
            epoch: self.epoch,
            iteration: self.iteration,
            batch_in_epoch: self.pos.div_ceil(size),
            batches_per_epoch: m.div_ceil(size),
            train_loss: rec.train_loss,
            val_loss: rec.val_loss,
            metric: rec.metric,
            val_metric: rec.val_metric,
            batch_loss: if self.have_grads {
                self.ws.batch_loss(&self.net)
            } else {
                None
            },
            layers: self.net.layers().to_vec(),
            grads: self.last_grads().cloned(),
            last_batch: self.last_batch.clone(),
            stop: self.stop.clone(),
        })
    }

    /// Goes back to the end of `epoch` (0 = before training): parameters, the
    /// shuffle stream and the history return to what they were then, so
    /// stepping on repeats the original run exactly (unless the learning rate
    /// or batch size has been changed meanwhile).
    pub fn rewind(&mut self, epoch: usize) -> Result<(), EngineError> {
        let Some(record) = self.history.iter().find(|r| r.epoch == epoch).cloned() else {
            return Err(invalid(
                "the epoch to rewind to",
                "one already recorded",
                epoch,
            ));
        };
        self.net.set_layers(record.layers.clone())?;
        self.rng = record.rng.clone();
        self.pos = 0;
        self.epoch = epoch;
        self.iteration = record.iteration;
        self.rewound_grads = record.grads.clone();
        self.have_grads = false;
        self.last_batch.clear();
        self.history.retain(|r| r.epoch <= epoch);
        self.stop = None;
        Ok(())
    }

    /// Changes η from the next step on.
    pub fn set_learning_rate(&mut self, learning_rate: f64) -> Result<(), EngineError> {
        let mut config = self.config.clone();
        config.learning_rate = learning_rate;
        config.validate()?;
        self.config = config;
        Ok(())
    }

    /// Changes the batch size from the next step on.
    pub fn set_batch_size(&mut self, batch_size: BatchSize) -> Result<(), EngineError> {
        let mut config = self.config.clone();
        config.batch_size = batch_size;
        config.validate()?;
        self.config = config;
        Ok(())
    }

    /// Raises the epoch budget (after a run stopped at its maximum).
    pub fn extend_epochs(&mut self, more: usize) {
        self.config.max_epochs = self.config.max_epochs.saturating_add(more);
        if matches!(self.stop, Some(StopReason::MaxEpochs { .. })) {
            self.stop = None;
        }
    }

    /// Training-set rows of the last batch, in batch order (empty before
    /// the first step and after a rewind).
    #[must_use]
    pub fn last_batch(&self) -> &[usize] {
        &self.last_batch
    }

    /// The gradients of the last step (after a rewind, those recorded then).
    #[must_use]
    pub fn last_grads(&self) -> Option<&Gradients> {
        if self.have_grads {
            Some(&self.ws.grads)
        } else {
            self.rewound_grads.as_ref()
        }
    }

    /// The completed epochs so far, epoch 0 first: every epoch until
    /// [`HISTORY_LIMIT`] records, then thinned evenly (the first and the
    /// latest always kept).
    #[must_use]
    pub fn history(&self) -> &[EpochRecord] {
        &self.history
    }

    /// The network as it is now.
    #[must_use]
    pub fn network(&self) -> &Network {
        &self.net
    }

    /// The configuration in force.
    #[must_use]
    pub fn config(&self) -> &TrainConfig {
        &self.config
    }

    /// Why the run stopped, once it has.
    #[must_use]
    pub fn stopped(&self) -> Option<&StopReason> {
        self.stop.as_ref()
    }

    /// The training set (after any validation split).
    #[must_use]
    pub fn train_set(&self) -> &Split {
        &self.train
    }

    /// The validation set, if any.
    #[must_use]
    pub fn validation_set(&self) -> Option<&Split> {
        self.validation.as_ref()
    }

    /// The test set, if any.
    #[must_use]
    pub fn test_set(&self) -> Option<&Split> {
        self.test.as_ref()
    }
}

fn check_widths(net: &Network, set: &Split, name: &str) -> Result<(), EngineError> {
    let (m, n, k) = (set.rows(), net.inputs(), net.outputs());
    if set.x.ncols() != n {
        return Err(EngineError::ShapeMismatch {
            what: format!("X of the {name} set (the first layer has {n} inputs)"),
            expected: (m, n),
            found: set.x.dim(),
        });
    }
    if set.y.ncols() != k {
        return Err(EngineError::ShapeMismatch {
            what: format!("Y of the {name} set (the last layer has {k} units)"),
            expected: (m, k),
            found: set.y.dim(),
        });
    }
    Ok(())
}

fn first_row_only(g: &Gradients) -> Gradients {
    Gradients {
        layers: g
            .layers
            .iter()
            .map(|l| LayerGrads {
                dz: l
                    .dz
                    .slice_axis(ndarray::Axis(0), (..1.min(l.dz.nrows())).into())
                    .to_owned(),
                dw: l.dw.clone(),
                db: l.db.clone(),
            })
            .collect(),
    }
}
