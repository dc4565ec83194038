//! A run's state as a few numbers, and the run rebuilt from them: the seed,
//! every learning rate and batch size the learner set (from the iteration
//! each took effect), how many gradient steps were taken, and the recorded
//! epoch being looked at. Replaying them on a fresh run of the same spec
//! gives the same parameters, losses and history, bit for bit, because a
//! run is determined by its seed and the settings at each step.

use thiserror::Error;

use super::Training;
use crate::engine::BatchSize;

/// A learning rate and batch size in force from gradient step `at` on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Setting {
    /// Gradient steps taken before the setting took effect.
    pub at: u64,
    pub learning_rate: f64,
    pub batch: BatchSize,
}

/// Everything that makes a training screen what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct RunState {
    /// The run's seed (after any new-seed restart or `--seed`).
    pub seed: u64,
    /// The learner's settings, in order of `at`; empty when the lesson's
    /// learning rate and batch size held throughout.
    pub settings: Vec<Setting>,
    /// Gradient steps taken.
    pub iterations: u64,
    /// The recorded epoch looked at, when scrubbed back.
    pub viewing: Option<usize>,
}

/// Why a run state cannot be replayed on this step's run.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum ReplayError {
    /// The run stops (eps, epoch limit, divergence) before the step count
    /// the state asks for.
    #[error("the run stops after {stopped} gradient steps, before step {wanted}")]
    StopsEarly { wanted: u64, stopped: u64 },
    /// Settings out of order, or a value the trainer refuses.
    #[error("the run's settings are not valid: {0}")]
    Settings(String),
    /// The epoch looked at was not recorded (or is past the run's end).
    #[error("epoch {0} is not among the run's recorded epochs")]
    NoSuchEpoch(usize),
    /// A picture's code names another number of runs than the step has.
    #[error("the code has {code} runs, the step {step}")]
    RunCount { code: usize, step: usize },
}

impl Training {
    /// The state of this run, for a state code.
    #[must_use]
    pub fn state(&self) -> RunState {
        RunState {
            seed: self.spec.seed,
            settings: self.settings.clone(),
            iterations: self.run.trainer.iteration(),
            viewing: self.viewing,
        }
    }

    /// The lesson's own learning rate and batch size for this run.
    #[must_use]
    pub fn lesson_settings(&self) -> (f64, BatchSize) {
        let c = self.initial.trainer.config();
        (c.learning_rate, c.batch_size)
    }

    /// Rebuilds `state` on this run (which must be at epoch 0 with the
    /// lesson's settings, as [`crate::session::Session::training`] makes
    /// it): the seed, then each setting at its step, then the remaining
    /// steps, then the epoch looked at. The run is left paused.
    pub fn replay(&mut self, state: &RunState) -> Result<(), ReplayError> {
        if state.seed != self.spec.seed {
            self.restart_with_seed(state.seed)
                .map_err(|e| ReplayError::Settings(format!("{e:?}")))?;
        }
        self.settings.clear();
        let mut last_at = 0;
        for s in &state.settings {
            if s.at < last_at || s.at > state.iterations {
                return Err(ReplayError::Settings(format!(
                    "a setting at step {} is out of order",
                    s.at
                )));
            }
            last_at = s.at;
            self.advance_to(s.at)?;
            let t = &mut self.run.trainer;
            t.set_learning_rate(s.learning_rate)
                .and_then(|()| t.set_batch_size(s.batch))
                .map_err(|e| ReplayError::Settings(e.to_string()))?;
            self.note_settings();
        }
        self.advance_to(state.iterations)?;
        if let Some(e) = state.viewing {
            if !self.run.trainer.history().iter().any(|r| r.epoch == e) {
                return Err(ReplayError::NoSuchEpoch(e));
            }
            self.viewing = Some(e);
        }
        self.pause();
        Ok(())
    }

    /// Takes gradient steps until `iterations` have been taken.
    fn advance_to(&mut self, iterations: u64) -> Result<(), ReplayError> {
        let t = &mut self.run.trainer;
        while t.iteration() < iterations {
            if t.stopped().is_some() {
                return Err(ReplayError::StopsEarly {
                    wanted: iterations,
                    stopped: t.iteration(),
                });
            }
            t.advance()
                .map_err(|e| ReplayError::Settings(e.to_string()))?;
        }
        Ok(())
    }

    /// Records the settings in force from now on, after the learner changed
    /// them or went back to an earlier epoch (which drops the changes made
    /// after it).
    pub(super) fn note_settings(&mut self) {
        let at = self.run.trainer.iteration();
        self.settings.retain(|s| s.at < at);
        let cfg = self.run.trainer.config();
        let now = (cfg.learning_rate, cfg.batch_size);
        let before = (self.settings.last())
            .map_or_else(|| self.lesson_settings(), |s| (s.learning_rate, s.batch));
        if now != before {
            self.settings.push(Setting {
                at,
                learning_rate: now.0,
                batch: now.1,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::Catalog;
    use crate::session::Session;

    /// The run of the first train step of `lesson`, paused at epoch 0.
    fn run_of(lesson: &str) -> Training {
        let l = Catalog::builtin().find(lesson).expect("lesson");
        let step = (l.steps.iter())
            .position(|s| s.kind.train().is_some())
            .expect("a train step");
        let mut s = Session::new(l);
        s.goto(step).expect("step");
        s.training().expect("train step").expect("resolves")
    }

    fn same_screen(a: &Training, b: &Training) {
        assert_eq!(a.state(), b.state());
        assert_eq!(a.run().trainer.network(), b.run().trainer.network());
        assert_eq!(a.run().trainer.config(), b.run().trainer.config());
        let (ha, hb) = (a.run().trainer.history(), b.run().trainer.history());
        assert_eq!(ha.len(), hb.len());
        for (x, y) in ha.iter().zip(hb) {
            assert_eq!((x.epoch, x.iteration), (y.epoch, y.iteration));
            assert_eq!(x.train_loss.to_bits(), y.train_loss.to_bits());
            assert_eq!(x.layers(), y.layers());
        }
        assert_eq!(a.shown().map(|r| r.epoch), b.shown().map(|r| r.epoch));
    }

    #[test]
    fn a_run_with_changes_midway_replays_to_the_same_numbers() {
        let mut live = run_of("ch04");
        live.step_epoch().expect("epoch");
        live.scale_learning_rate(2.0).expect("η");
        live.step_iteration().expect("iteration");
        live.cycle_batch().expect("batch");
        live.step_epoch().expect("epoch");
        live.step_epoch().expect("epoch");
        live.scrub_back();
        let state = live.state();
        assert_eq!(state.settings.len(), 2, "{state:?}");
        let mut again = run_of("ch04");
        again.replay(&state).expect("replays");
        same_screen(&live, &again);
    }

    #[test]
    fn going_back_drops_the_changes_made_after_that_epoch() {
        let mut live = run_of("ch04");
        live.step_epoch().expect("epoch");
        live.step_epoch().expect("epoch");
        live.scale_learning_rate(0.5).expect("η");
        live.step_epoch().expect("epoch");
        live.scrub_back();
        live.scrub_back();
        // Stepping on from epoch 1 replays epoch 2 with the halved η,
        // which took effect after epoch 2 the first time.
        live.step_epoch().expect("epoch");
        let state = live.state();
        assert_eq!(state.settings.len(), 1);
        assert!(state.settings[0].at < live.run().trainer.iteration());
        let mut again = run_of("ch04");
        again.replay(&state).expect("replays");
        same_screen(&live, &again);
    }

    #[test]
    fn back_to_the_lessons_settings_leaves_no_change() {
        let mut live = run_of("ch04");
        live.scale_learning_rate(2.0).expect("η");
        live.scale_learning_rate(0.5).expect("η");
        assert!(live.state().settings.is_empty());
    }

    #[test]
    fn a_new_seed_replays_with_that_seed() {
        let mut live = run_of("ch04");
        live.restart_with_seed(99).expect("seed");
        live.step_epoch().expect("epoch");
        let mut again = run_of("ch04");
        again.replay(&live.state()).expect("replays");
        same_screen(&live, &again);
    }

    #[test]
    fn a_step_count_past_the_runs_end_is_refused() {
        let mut t = run_of("ch04");
        let state = RunState {
            seed: t.spec().seed,
            settings: Vec::new(),
            iterations: u64::MAX / 2,
            viewing: None,
        };
        assert!(matches!(
            t.replay(&state),
            Err(ReplayError::StopsEarly { .. })
        ));
    }
}
