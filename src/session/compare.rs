//! A comparison: several runs on the same data, advanced together, and the
//! results table as data. The TUI plays it live; the plain runner runs it to
//! the end; both draw the same [`RunRow`]s.

use std::time::{Duration, Instant};

use ndarray::Array2;

use super::Runs;
use crate::engine::{EngineError, StopReason};
use crate::lesson::Text;
use crate::spec::Resolved;

/// Where one run of a comparison stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunStatus {
    /// Training now (the comparison is playing).
    Running,
    /// Not finished, not playing.
    Paused,
    /// The loss reached eps at this epoch.
    ReachedEps { epoch: usize },
    /// The epoch budget ran out.
    MaxEpochs,
    /// The loss exploded or became NaN.
    Diverged { epoch: usize },
}

/// One row of the results table.
#[derive(Clone, Debug, PartialEq)]
pub struct RunRow {
    pub name: Text,
    /// The batch size as a label (`1`, `10`, `full`).
    pub batch: String,
    pub learning_rate: f64,
    /// Completed epochs and gradient steps.
    pub epoch: usize,
    pub iteration: u64,
    /// The training loss after the last completed epoch.
    pub loss: Option<f64>,
    /// R² or accuracy after the last completed epoch.
    pub metric: Option<f64>,
    /// Every parameter, layer by layer (W then B), as trained.
    pub params: Vec<f64>,
    /// The layers as trained (W, B and activation of each), for showing a
    /// run's parameters in full.
    pub layers: Vec<crate::engine::Dense>,
    /// Whether the run classifies (its metric is then accuracy, else R²).
    pub classify: bool,
    /// W and B in the data's own units, for a one-layer model.
    pub real_units: Option<(Array2<f64>, Array2<f64>)>,
    pub status: RunStatus,
}

impl RunRow {
    /// The trained parameters in full: `W1 = [a, b; c, d]`, then
    /// `B1 = [e, f]`, for each layer (no index for a single layer).
    #[must_use]
    pub fn param_lines(&self) -> Vec<String> {
        let m = |a: &Array2<f64>| {
            let rows: Vec<String> = (a.rows().into_iter())
                .map(|r| {
                    r.iter()
                        .map(|v| crate::text::number::plain(*v, 4))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .collect();
            format!("[{}]", rows.join("; "))
        };
        let n = self.layers.len();
        (self.layers.iter().enumerate())
            .flat_map(|(i, l)| {
                let k = if n == 1 {
                    String::new()
                } else {
                    (i + 1).to_string()
                };
                [format!("W{k} = {}", m(&l.w)), format!("B{k} = {}", m(&l.b))]
            })
            .collect()
    }
}

/// The runs of one compare step.
#[derive(Clone, Debug)]
pub struct Comparison {
    names: Vec<Text>,
    initial: Vec<Resolved>,
    runs: Vec<Resolved>,
    playing: bool,
}

impl Comparison {
    /// Every run at epoch 0, paused.
    #[must_use]
    pub fn new(runs: Runs) -> Self {
        let (names, runs): (Vec<Text>, Vec<Resolved>) = runs.into_iter().unzip();
        Self {
            names,
            initial: runs.clone(),
            runs,
            playing: false,
        }
    }

    /// The runs, in order.
    #[must_use]
    pub fn runs(&self) -> &[Resolved] {
        &self.runs
    }

    #[must_use]
    pub fn playing(&self) -> bool {
        self.playing
    }

    /// Whether every run has stopped (eps, epoch budget or divergence).
    #[must_use]
    pub fn finished(&self) -> bool {
        self.runs.iter().all(|r| r.trainer.stopped().is_some())
    }

    /// Plays or pauses all runs; a finished comparison stays paused.
    /// Returns whether it now plays.
    pub fn toggle_play(&mut self) -> bool {
        self.playing = !self.playing && !self.finished();
        self.playing
    }

    /// One epoch of every unfinished run (and pauses).
    pub fn step_epoch(&mut self) -> Result<(), EngineError> {
        self.playing = false;
        for r in self.unfinished() {
            r.trainer.step_epoch()?;
        }
        Ok(())
    }

    /// Epochs the comparison has taken: the furthest run's (every
    /// unfinished run takes its epochs together).
    #[must_use]
    pub fn epochs(&self) -> usize {
        (self.runs.iter())
            .filter_map(|r| r.trainer.history().last().map(|h| h.epoch))
            .max()
            .unwrap_or(0)
    }

    /// Follows another showing of this step (a class's instructor): on to
    /// `epochs` (started again when paused before the epochs here),
    /// playing or not. While playing, an epoch or two ahead is the time
    /// between two messages and stays.
    pub fn follow(&mut self, epochs: usize, playing: bool) -> Result<(), EngineError> {
        if !playing && self.epochs() > epochs {
            self.restart();
        }
        while self.epochs() < epochs && !self.finished() {
            self.step_epoch()?;
        }
        if self.playing != playing {
            self.toggle_play();
        }
        Ok(())
    }

    /// Every run back to epoch 0, paused.
    pub fn restart(&mut self) {
        self.runs = self.initial.clone();
        self.playing = false;
    }

    /// Runs every run to its end.
    pub fn run_all(&mut self) -> Result<(), EngineError> {
        for r in &mut self.runs {
            r.trainer.run()?;
        }
        self.playing = false;
        Ok(())
    }

    /// While playing, runs every unfinished run an epoch at a time, in
    /// turn, until `budget` has passed since `now`; true when anything
    /// changed. Stops playing when all have finished.
    pub fn tick(&mut self, now: Instant, budget: Duration) -> bool {
        if !self.playing {
            return false;
        }
        let mut changed = false;
        while now.elapsed() < budget && !self.finished() {
            for r in self.unfinished() {
                changed |= r.trainer.step_epoch().is_ok();
            }
        }
        if self.finished() {
            self.playing = false;
            changed = true;
        }
        changed
    }

    fn unfinished(&mut self) -> impl Iterator<Item = &mut Resolved> {
        self.runs
            .iter_mut()
            .filter(|r| r.trainer.stopped().is_none())
    }

    /// The results table, one row per run.
    #[must_use]
    pub fn rows(&self) -> Vec<RunRow> {
        (self.names.iter().zip(&self.runs))
            .map(|(name, r)| self.row(name, r))
            .collect()
    }

    fn row(&self, name: &Text, r: &Resolved) -> RunRow {
        let t = &r.trainer;
        let last = t.history().last();
        let layers = t.network().layers();
        let status = match t.stopped() {
            None if self.playing => RunStatus::Running,
            None => RunStatus::Paused,
            Some(StopReason::ReachedEps { epoch, .. }) => RunStatus::ReachedEps { epoch: *epoch },
            Some(StopReason::MaxEpochs { .. }) => RunStatus::MaxEpochs,
            Some(StopReason::Diverged { epoch, .. }) => RunStatus::Diverged { epoch: *epoch },
        };
        RunRow {
            name: name.clone(),
            batch: t.config().batch_size.label(),
            learning_rate: t.config().learning_rate,
            epoch: last.map_or(0, |h| h.epoch),
            iteration: last.map_or(0, |h| h.iteration),
            loss: last.map(|h| h.train_loss),
            metric: last.map(|h| h.metric),
            params: (layers.iter())
                .flat_map(|l| l.w.iter().chain(l.b.iter()).copied())
                .collect(),
            layers: layers.to_vec(),
            classify: r.info.classes.is_some(),
            real_units: r.info.real_units(layers),
            status,
        }
    }
}
