//! The trainer: a state machine the UI can step one iteration (one batch) or
//! one epoch at a time, or run until it stops. After each step it hands back a
//! [`Snapshot`]; every completed epoch is kept in the history, so a run can be
//! scrubbed back and resumed from any earlier epoch.
//!
//! A run is fully determined by its network, data and [`TrainConfig`] (which
//! holds the seed): each epoch shuffles the training rows (when `shuffle` is
//! on), then takes consecutive mini-batches.

use super::config::{BatchSize, TrainConfig, invalid};
use super::config::{Every, StopOn};
use super::error::EngineError;
use super::evaluation::{EvalScratch, TargetStats};
use super::history::{EpochRecord, HISTORY_LIMIT, Scores, Shapes, thin};
use super::kernels::view_flat;
use super::network::{Gradients, Network};
use super::snapshot::Snapshot;
use super::split::Split;
use super::stop::{self, StopReason, Watched};
use super::train_step::Workspace;
use crate::rng::SeededRng;

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
    /// The layer shapes, shared by every record.
    shapes: Shapes,
    /// What the metric needs from the training and validation targets.
    train_stats: TargetStats,
    val_stats: Option<TargetStats>,
    /// Buffers of the per-epoch evaluation.
    eval: EvalScratch,
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
        let shapes = Shapes::of(&net);
        let train_stats = TargetStats::of(train.y.view());
        let val_stats = validation.as_ref().map(|v| TargetStats::of(v.y.view()));
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
            shapes,
            train_stats,
            val_stats,
            eval: EvalScratch::default(),
        };
        let first = trainer.record_now();
        trainer.history.push(first);
        if trainer.config.max_epochs == 0 {
            // Evaluation only: the starting network is the result.
            trainer.stop = Some(StopReason::MaxEpochs { epoch: 0 });
        }
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
            let record = self.record_now();
            let initial = self
                .history
                .first()
                .map_or(record.train_loss, |r| r.train_loss);
            self.stop = stop::check(&self.config, initial, &record, || {
                self.last_batch_score().map(|s| s.0)
            });
            self.history.push(record);
            if self.history.len() > HISTORY_LIMIT {
                thin(&mut self.history);
            }
        } else if stop::eps_due(&self.config, self.epoch, self.iteration, false) {
            self.stop = self.eps_test_now();
        }
        Ok(())
    }

    /// The eps test in the middle of an epoch, on losses computed now.
    fn eps_test_now(&mut self) -> Option<StopReason> {
        self.config.eps?;
        let mut scratch = std::mem::take(&mut self.eval);
        let losses = match self.config.stop_on {
            StopOn::Train => Watched {
                train: self.score(&self.train, self.train_stats, &mut scratch).0,
                validation: None,
                batch: None,
            },
            StopOn::Validation => Watched {
                train: f64::NAN,
                validation: (self.validation.as_ref())
                    .zip(self.val_stats)
                    .map(|(v, st)| self.score(v, st, &mut scratch).0),
                batch: None,
            },
            StopOn::Batch => Watched {
                train: f64::NAN,
                validation: None,
                batch: self.last_batch_score().map(|s| s.0),
            },
        };
        self.eval = scratch;
        stop::eps_test(&self.config, self.epoch, self.iteration, losses)
    }

    /// Runs `every` more epochs or iterations, or until the run stops.
    pub fn run_for(&mut self, every: Every) -> Result<Snapshot, EngineError> {
        match every {
            Every::Epochs(n) => self.run_epochs(n),
            Every::Iterations(n) => self.run_iterations(n),
        }
    }

    /// Runs `iterations` more gradient steps, or until the run stops.
    pub fn run_iterations(&mut self, iterations: u64) -> Result<Snapshot, EngineError> {
        for _ in 0..iterations {
            if self.stop.is_some() {
                break;
            }
            self.advance()?;
        }
        self.snapshot()
    }

    /// Loss and metric of the last batch with the parameters as they are
    /// now, after its update (the book's printed training loss and
    /// accuracy); `None` before the first step and right after a rewind.
    #[must_use]
    pub fn last_batch_score(&self) -> Option<(f64, f64)> {
        if !self.have_grads {
            return None;
        }
        let (x, y) = (&self.ws.x, &self.ws.y);
        let stats = TargetStats::of(y.view());
        Some(self.net.loss_and_metric(
            view_flat(x),
            view_flat(y),
            stats,
            &mut EvalScratch::default(),
        ))
    }

    /// The losses, metrics and parameters now, as an epoch record, using the
    /// trainer's own evaluation buffers.
    fn record_now(&mut self) -> EpochRecord {
        let mut scratch = std::mem::take(&mut self.eval);
        let record = self.record_with(&mut scratch);
        self.eval = scratch;
        record
    }

    /// The losses, metrics and parameters now, as an epoch record.
    fn record_with(&self, scratch: &mut EvalScratch) -> EpochRecord {
        let (train_loss, metric) = self.score(&self.train, self.train_stats, scratch);
        let val = (self.validation.as_ref())
            .zip(self.val_stats)
            .map(|(v, stats)| self.score(v, stats, scratch));
        let scores = Scores {
            train_loss,
            val_loss: val.map(|v| v.0),
            metric,
            val_metric: val.map(|v| v.1),
        };
        EpochRecord::new(
            self.epoch,
            self.iteration,
            scores,
            &self.net,
            self.last_grads(),
            &self.shapes,
            &self.rng,
        )
    }

    /// Loss and metric of the current network on `set`, whose widths were
    /// checked when the trainer was made.
    fn score(&self, set: &Split, stats: TargetStats, scratch: &mut EvalScratch) -> (f64, f64) {
        let (x, y) = (set.x.as_standard_layout(), set.y.as_standard_layout());
        self.net
            .loss_and_metric(view_flat(&x), view_flat(&y), stats, scratch)
    }

    /// Loss and metric of the current network on `set`.
    pub fn evaluate(&self, set: &Split) -> Result<(f64, f64), EngineError> {
        self.net.loss_and_metric_of(set.x.view(), set.y.view())
    }

    /// The current state. Mid-epoch, losses and metric are computed afresh
    /// over the full sets; at an epoch boundary they come from the history.
    pub fn snapshot(&self) -> Result<Snapshot, EngineError> {
        let fresh;
        let rec = match self.history.last() {
            Some(last) if self.pos == 0 && last.epoch == self.epoch => last,
            _ => {
                fresh = self.record_with(&mut EvalScratch::default());
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
        self.net.set_layers(record.layers())?;
        self.rng = record.rng.clone();
        self.pos = 0;
        self.epoch = epoch;
        self.iteration = record.iteration;
        self.rewound_grads = record.grads();
        self.have_grads = false;
        self.last_batch.clear();
        self.history.retain(|r| r.epoch <= epoch);
        self.stop = (self.config.max_epochs == 0).then_some(StopReason::MaxEpochs { epoch: 0 });
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

    /// Gradient steps taken so far (a rewind sets it back).
    #[must_use]
    pub fn iteration(&self) -> u64 {
        self.iteration
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
