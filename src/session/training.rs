//! A training run as the learner drives it: play and pause, step an epoch or
//! an iteration, speed up and slow down, scrub back through recorded epochs
//! and resume from there, restart with the same or a new seed, change the
//! learning rate and batch size live. UI-free: the TUI dashboard draws a
//! [`Training`] and calls [`Training::tick`] between frames; tests drive it
//! with a fake clock.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ndarray::Array2;

use crate::engine::{BatchSize, EngineError, EpochRecord, Snapshot};
use crate::spec::{self, Resolved, SpecError, TrainSpec};

mod replay;

pub use replay::{ReplayError, RunState, Setting};

/// Epochs per second at each speed setting; the last means "as fast as the
/// machine goes" (bounded only by the per-frame time budget).
pub const SPEEDS: [f64; 8] = [1.0, 2.0, 5.0, 10.0, 30.0, 100.0, 1000.0, f64::INFINITY];

/// Playing or paused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Play {
    Paused,
    Playing,
}

/// What Space did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Toggle {
    Playing,
    Paused,
    /// The run has stopped for good; it stays paused (see [`Training::finished`]).
    Finished,
}

/// The live run of one `train` step.
#[derive(Clone, Debug)]
pub struct Training {
    spec: TrainSpec,
    base_dir: PathBuf,
    /// The run at epoch 0, for restarting with the same seed.
    initial: Resolved,
    run: Resolved,
    play: Play,
    speed: usize,
    /// `Some(epoch)` while looking at a recorded epoch rather than the live end.
    viewing: Option<usize>,
    /// Fractional epochs owed to the clock at the current speed.
    owed: f64,
    last_tick: Option<Instant>,
    /// Epochs per second measured over wall time (the clock given to
    /// [`Training::tick`]) and smoothed; 0 until the first measurement.
    rate: f64,
    /// Every learning rate or batch size the learner set, from the
    /// iteration it took effect (empty while the lesson's are in force):
    /// what a state code needs to replay this run exactly.
    settings: Vec<Setting>,
    /// The current measuring window: when it began, and the epochs
    /// trained since.
    window: Option<(Instant, usize)>,
}

/// Epochs per second are measured over windows of at least this long...
const RATE_WINDOW: Duration = Duration::from_millis(500);
/// ...and each new window counts this much in the smoothed rate.
const RATE_WEIGHT: f64 = 0.5;

/// The numbers of one sample, for the formulas with values bound in.
#[derive(Clone, Debug, PartialEq)]
pub struct SampleValues {
    /// Row of the training set.
    pub row: usize,
    /// Inputs x (one row) and target y (one row), as the network sees them.
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    /// The output layer's z and a for this sample with the shown parameters.
    pub z: Vec<f64>,
    pub a: Vec<f64>,
    /// This sample's own gradients (a batch of one), layer by layer: dW, dB.
    pub dw: Vec<Array2<f64>>,
    pub db: Vec<Array2<f64>>,
    /// The shown parameters, layer by layer: W (n×k) and B (1×k).
    pub w: Vec<Array2<f64>>,
    pub b: Vec<Array2<f64>>,
    /// The learning rate in force.
    pub learning_rate: f64,
}

impl Training {
    /// A run of `spec` (paths relative to `base_dir`), paused at epoch 0.
    pub fn new(spec: TrainSpec, base_dir: PathBuf) -> Result<Self, Vec<SpecError>> {
        let initial = spec::resolve(&spec, &base_dir)?;
        Ok(Self {
            run: initial.clone(),
            initial,
            spec,
            base_dir,
            play: Play::Paused,
            speed: 2,
            viewing: None,
            owed: 0.0,
            last_tick: None,
            rate: 0.0,
            settings: Vec::new(),
            window: None,
        })
    }

    /// The run (trainer and data information).
    #[must_use]
    pub fn run(&self) -> &Resolved {
        &self.run
    }

    /// The spec in force (its seed changes with a new-seed restart).
    #[must_use]
    pub fn spec(&self) -> &TrainSpec {
        &self.spec
    }

    #[must_use]
    pub fn play(&self) -> Play {
        self.play
    }

    /// Epochs per second at the current speed setting.
    #[must_use]
    pub fn speed(&self) -> f64 {
        SPEEDS[self.speed]
    }

    /// Measured epochs per second while playing.
    #[must_use]
    pub fn measured_rate(&self) -> f64 {
        self.rate
    }

    /// The epoch being looked at, when scrubbing through the history.
    #[must_use]
    pub fn viewing(&self) -> Option<usize> {
        self.viewing
    }

    /// Whether the live run has stopped (eps, epoch limit or divergence)
    /// and is not being looked back on.
    #[must_use]
    pub fn finished(&self) -> bool {
        self.viewing.is_none() && self.run.trainer.stopped().is_some()
    }

    /// Play or pause. Playing from a scrubbed-back epoch continues the run
    /// from there (the later history is dropped). A finished run does not
    /// play on past its end (eps reached, the epoch limit, divergence): it
    /// stays paused and [`Toggle::Finished`] says why, so the learner can be
    /// told how to restart.
    pub fn toggle_play(&mut self) -> Result<Toggle, EngineError> {
        if self.play == Play::Paused && self.finished() {
            return Ok(Toggle::Finished);
        }
        self.play = match self.play {
            Play::Playing => Play::Paused,
            Play::Paused => {
                self.resume_here()?;
                if self.run.trainer.stopped().is_some() {
                    // Looking back at the very last epoch of a finished run.
                    return Ok(Toggle::Finished);
                }
                Play::Playing
            }
        };
        self.last_tick = None;
        self.owed = 0.0;
        self.rate = 0.0;
        self.window = None;
        Ok(match self.play {
            Play::Playing => Toggle::Playing,
            Play::Paused => Toggle::Paused,
        })
    }

    /// Pauses (a failed step stops the clock).
    pub fn pause(&mut self) {
        self.play = Play::Paused;
    }

    fn resume_here(&mut self) -> Result<(), EngineError> {
        if let Some(epoch) = self.viewing.take() {
            self.run.trainer.rewind(epoch)?;
            self.note_settings();
        }
        Ok(())
    }

    /// One epoch (pauses first).
    pub fn step_epoch(&mut self) -> Result<(), EngineError> {
        self.play = Play::Paused;
        self.resume_here()?;
        self.run.trainer.step_epoch()?;
        Ok(())
    }

    /// One iteration, i.e. one mini-batch (pauses first).
    pub fn step_iteration(&mut self) -> Result<(), EngineError> {
        self.play = Play::Paused;
        self.resume_here()?;
        self.run.trainer.step_iteration()?;
        Ok(())
    }

    /// Faster / slower, within [`SPEEDS`].
    pub fn faster(&mut self) {
        self.speed = (self.speed + 1).min(SPEEDS.len() - 1);
    }

    pub fn slower(&mut self) {
        self.speed = self.speed.saturating_sub(1);
    }

    /// Back to epoch 0 with the same seed, keeping the learner's learning
    /// rate and batch size (an experiment survives a restart). Returns
    /// whether they differ from the lesson's.
    pub fn restart(&mut self) -> Result<bool, EngineError> {
        let cfg = self.run.trainer.config();
        let (lr, batch) = (cfg.learning_rate, cfg.batch_size);
        self.run = self.initial.clone();
        self.reset_clock();
        self.run.trainer.set_learning_rate(lr)?;
        self.run.trainer.set_batch_size(batch)?;
        self.settings.clear();
        self.note_settings();
        Ok(self.experimenting())
    }

    /// Back to epoch 0 exactly as the lesson set the run up (its learning
    /// rate and batch size too).
    pub fn reset(&mut self) {
        self.run = self.initial.clone();
        self.reset_clock();
        self.settings.clear();
    }

    /// Whether the learning rate or batch size differ from the lesson's.
    #[must_use]
    pub fn experimenting(&self) -> bool {
        let (now, lesson) = (self.run.trainer.config(), self.initial.trainer.config());
        now.learning_rate != lesson.learning_rate || now.batch_size != lesson.batch_size
    }

    /// Back to epoch 0 with another seed (new weights and shuffles), keeping
    /// the learner's learning rate and batch size.
    pub fn restart_with_seed(&mut self, seed: u64) -> Result<(), Vec<SpecError>> {
        let cfg = self.run.trainer.config();
        let (lr, batch) = (cfg.learning_rate, cfg.batch_size);
        let mut spec = self.spec.clone();
        spec.seed = seed;
        let fresh = spec::resolve(&spec, &self.base_dir)?;
        self.spec = spec;
        self.initial = fresh.clone();
        self.run = fresh;
        self.reset_clock();
        // The values were valid a moment ago, so setting them again cannot fail.
        let _ = self.run.trainer.set_learning_rate(lr);
        let _ = self.run.trainer.set_batch_size(batch);
        self.settings.clear();
        self.note_settings();
        Ok(())
    }

    fn reset_clock(&mut self) {
        self.play = Play::Paused;
        self.viewing = None;
        self.owed = 0.0;
        self.last_tick = None;
        self.rate = 0.0;
        self.window = None;
    }

    /// Takes another run's seed, learning rate and batch size (a class
    /// learner following the instructor's run): back to epoch 0 with them
    /// when any differs. True when something changed.
    pub fn follow_settings(
        &mut self,
        seed: u64,
        learning_rate: f64,
        batch: BatchSize,
    ) -> Result<bool, Vec<SpecError>> {
        let cfg = self.run.trainer.config();
        let same_rate = (cfg.learning_rate - learning_rate).abs()
            <= 1e-12 * learning_rate.abs().max(f64::MIN_POSITIVE);
        if self.spec.seed == seed && same_rate && cfg.batch_size == batch {
            return Ok(false);
        }
        self.restart_with_seed(seed)?;
        let bad = |e: EngineError| {
            vec![SpecError {
                path: Vec::new(),
                problem: spec::SpecProblem::Engine(Box::new(e)),
                hint: None,
            }]
        };
        self.run
            .trainer
            .set_learning_rate(learning_rate)
            .map_err(bad)?;
        self.run.trainer.set_batch_size(batch).map_err(bad)?;
        self.note_settings();
        Ok(true)
    }

    /// Multiplies the learning rate (e.g. by 2 or ½) from the next step on.
    pub fn scale_learning_rate(&mut self, factor: f64) -> Result<(), EngineError> {
        let lr = self.run.trainer.config().learning_rate * factor;
        self.run.trainer.set_learning_rate(lr)?;
        self.note_settings();
        Ok(())
    }

    /// Cycles the batch size through 1, 10 and the full set.
    pub fn cycle_batch(&mut self) -> Result<BatchSize, EngineError> {
        let next = match self.run.trainer.config().batch_size {
            BatchSize::Rows(1) => BatchSize::Rows(10),
            BatchSize::Rows(_) => BatchSize::FULL,
            BatchSize::Full(_) => BatchSize::Rows(1),
        };
        self.run.trainer.set_batch_size(next)?;
        self.note_settings();
        Ok(next)
    }

    /// Looks one recorded epoch further back (pausing the run).
    pub fn scrub_back(&mut self) {
        self.play = Play::Paused;
        let h = self.run.trainer.history();
        let i = self.viewing_index().unwrap_or(h.len().saturating_sub(1));
        self.viewing = h.get(i.saturating_sub(1)).map(|r| r.epoch);
    }

    /// Looks one recorded epoch further forward; past the last, back to live.
    pub fn scrub_forward(&mut self) {
        let h = self.run.trainer.history();
        if let Some(i) = self.viewing_index() {
            self.viewing = (i + 2 < h.len()).then(|| h[i + 1].epoch);
        }
    }

    /// Position in the history of the epoch being looked at.
    fn viewing_index(&self) -> Option<usize> {
        let e = self.viewing?;
        self.run.trainer.history().iter().position(|r| r.epoch == e)
    }

    /// Advances a playing run by what the clock owes at the current speed,
    /// spending at most `budget` of wall time. Returns whether anything changed.
    pub fn tick(&mut self, now: Instant, budget: Duration) -> Result<bool, EngineError> {
        if self.play != Play::Playing {
            return Ok(false);
        }
        if self.run.trainer.stopped().is_some() {
            self.play = Play::Paused;
            return Ok(true);
        }
        let elapsed = self
            .last_tick
            .map_or(0.0, |t| now.saturating_duration_since(t).as_secs_f64());
        self.last_tick = Some(now);
        let speed = self.speed();
        self.owed = if speed.is_finite() {
            (self.owed + elapsed * speed).min(speed.max(1.0))
        } else {
            f64::INFINITY
        };
        if self.owed < 1.0 && self.run.trainer.history().len() > 1 {
            self.measure(now, 0);
            return Ok(false);
        }
        let start = Instant::now();
        let mut done = 0usize;
        while self.owed >= 1.0 && self.run.trainer.stopped().is_none() {
            let epoch = self.run.trainer.history().len();
            while self.run.trainer.history().len() == epoch && self.run.trainer.stopped().is_none()
            {
                self.run.trainer.advance()?;
            }
            self.owed -= 1.0;
            done += 1;
            if start.elapsed() >= budget {
                break;
            }
        }
        if !speed.is_finite() {
            self.owed = 0.0;
        }
        self.measure(now, done);
        Ok(done > 0)
    }

    /// Counts `done` epochs trained at the tick of `now`; once the window
    /// is long enough, folds its rate (epochs over the wall time between
    /// its ticks) into the smoothed rate and starts the next window.
    fn measure(&mut self, now: Instant, done: usize) {
        let (start, epochs) = self.window.get_or_insert((now, 0));
        let span = now.saturating_duration_since(*start);
        if span < RATE_WINDOW {
            *epochs += done;
            return;
        }
        let measured = *epochs as f64 / span.as_secs_f64();
        self.rate = if self.rate > 0.0 {
            self.rate + RATE_WEIGHT * (measured - self.rate)
        } else {
            measured
        };
        // The epochs of this tick were trained after `now`: the next window.
        self.window = Some((now, done));
    }

    /// The epoch record on screen: the scrubbed-to one, or the latest.
    #[must_use]
    pub fn shown(&self) -> Option<&EpochRecord> {
        let h = self.run.trainer.history();
        match self.viewing {
            Some(e) => h.iter().find(|r| r.epoch == e),
            None => h.last(),
        }
    }

    /// The history up to the shown epoch (what the loss chart draws).
    #[must_use]
    pub fn history_shown(&self) -> &[EpochRecord] {
        let h = self.run.trainer.history();
        match self.viewing {
            Some(e) => {
                &h[..h
                    .iter()
                    .position(|r| r.epoch == e)
                    .map_or(h.len(), |i| i + 1)]
            }
            None => h,
        }
    }

    /// The live state (mid-epoch included), or `None` when scrubbing.
    pub fn live(&self) -> Option<Result<Snapshot, EngineError>> {
        self.viewing.is_none().then(|| self.run.trainer.snapshot())
    }

    /// The values of the first sample of the last batch (row 0 before any
    /// step) under the shown parameters, with that sample's own gradients:
    /// what the formulas on screen substitute.
    pub fn sample_values(&self) -> Result<SampleValues, EngineError> {
        let t = &self.run.trainer;
        let row = match self.viewing {
            None => t.last_batch().first().copied().unwrap_or(0),
            Some(_) => 0,
        };
        let layers = match (self.viewing, self.shown()) {
            (Some(_), Some(rec)) => rec.layers(),
            _ => t.network().layers().to_vec(),
        };
        let w = layers.iter().map(|l| l.w.clone()).collect();
        let b = layers.iter().map(|l| l.b.clone()).collect();
        let net = crate::engine::Network::from_layers(layers, t.network().loss())?;
        let set = t.train_set();
        let x = set.x.row(row).insert_axis(ndarray::Axis(0)).to_owned();
        let y = set.y.row(row).insert_axis(ndarray::Axis(0)).to_owned();
        let fwd = net.forward(x.view())?;
        let g = net.backward(x.view(), &fwd, y.view());
        let last = fwd.z.len() - 1;
        Ok(SampleValues {
            row,
            x: x.row(0).to_vec(),
            y: y.row(0).to_vec(),
            z: fwd.z[last].row(0).to_vec(),
            a: fwd.a[last].row(0).to_vec(),
            dw: g.layers.iter().map(|l| l.dw.clone()).collect(),
            db: g.layers.iter().map(|l| l.db.clone()).collect(),
            w,
            b,
            learning_rate: t.config().learning_rate,
        })
    }
}
