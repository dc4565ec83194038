//! Predict-then-see in a session: the question of the current step asked
//! before its run, the learner's pick (or a skip) held until the run has
//! stopped, then graded by what the run did and saved like a quiz answer
//! (one counted try: right or missed).
//!
//! Both front ends call [`Session::predict`] or [`Session::skip_prediction`]
//! before they let the run start, and [`Session::settle_prediction`] with
//! the run's trainers after it moves; they only draw [`Prediction`].

use super::outcome::{Observed, observe};
use super::{Session, compare::Comparison, training::Training};
use crate::engine::Trainer;
use crate::lesson::predict::{Predict, PredictAnswer};
use crate::quiz::{self, InputError, Outcome};

/// What the learner predicted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Pick {
    /// An option, 0-based.
    Option(usize),
    /// A typed number.
    Number(f64),
}

/// Why a typed prediction was not taken (nothing is recorded).
#[derive(Clone, Debug, PartialEq)]
pub enum PickError {
    /// The current step asks no prediction, or one was made already.
    NotAsked,
    /// Empty input (a front end offers skipping instead).
    Empty,
    /// Not one of the options (they number 1 to `count`).
    NotAnOption { count: usize },
    /// A number prediction that does not read as a number.
    NotANumber(InputError),
}

/// The prediction of one step in this sitting.
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    /// `None` when the learner chose to watch without predicting.
    pub pick: Option<Pick>,
    /// Set once the run has stopped.
    pub verdict: Option<PredictVerdict>,
}

/// The run's outcome beside the pick.
#[derive(Clone, Debug, PartialEq)]
pub struct PredictVerdict {
    pub observed: Observed,
    /// Whether the pick matched (`None` when skipped).
    pub right: Option<bool>,
}

impl Session {
    /// The current step's prediction question, if it asks one.
    #[must_use]
    pub fn predict_question(&self) -> Option<&Predict> {
        self.step().kind.predict()
    }

    /// The current step's prediction in this sitting.
    #[must_use]
    pub fn prediction(&self) -> Option<&Prediction> {
        self.predictions.get(&self.step().id)
    }

    /// Whether the run of the current step waits for a prediction: the step
    /// asks one and it was neither made nor skipped in this sitting nor
    /// made in an earlier one (a saved prediction is not asked again: the
    /// learner has seen the run).
    #[must_use]
    pub fn awaits_prediction(&self) -> bool {
        let Some(p) = self.predict_question() else {
            return false;
        };
        self.prediction().is_none() && self.state_of(&self.step().id, &p.id).attempts == 0
    }

    /// Reads `input` as the prediction of the current step: an option's
    /// number, letter or text, or a number. Taken only while
    /// [`Session::awaits_prediction`].
    pub fn predict(&mut self, input: &str) -> Result<Pick, PickError> {
        if !self.awaits_prediction() {
            return Err(PickError::NotAsked);
        }
        let p = self.predict_question().ok_or(PickError::NotAsked)?;
        let input = input.trim();
        if input.is_empty() {
            return Err(PickError::Empty);
        }
        let pick = match &p.answer {
            PredictAnswer::Choice(options) => {
                let count = options.len();
                let i = quiz::parse_choice(input, count, |i| {
                    options[i].text.en.eq_ignore_ascii_case(input) || options[i].text.zh == input
                })
                .ok_or(PickError::NotAnOption { count })?;
                Pick::Option(i)
            }
            PredictAnswer::Number(_) => {
                Pick::Number(quiz::parse_number(input).map_err(PickError::NotANumber)?)
            }
        };
        self.choose(Some(pick));
        Ok(pick)
    }

    /// Lets the current step's run start without a prediction (nothing is
    /// saved). Does nothing unless [`Session::awaits_prediction`].
    pub fn skip_prediction(&mut self) {
        if self.awaits_prediction() {
            self.choose(None);
        }
    }

    fn choose(&mut self, pick: Option<Pick>) {
        let step = self.step().id.clone();
        self.predictions.insert(
            step,
            Prediction {
                pick,
                verdict: None,
            },
        );
    }

    /// Grades the current step's prediction once `runs` (the step's
    /// trainers, in order) have stopped; records it for saving. Returns
    /// true when it was graded by this call.
    pub fn settle_prediction(&mut self, runs: &[&Trainer]) -> bool {
        let Some(p) = self.predict_question().cloned() else {
            return false;
        };
        let step = self.step().id.clone();
        let Some(pred) = self.predictions.get(&step) else {
            return false;
        };
        if pred.verdict.is_some() {
            return false;
        }
        let Some(observed) = observe(&p, runs) else {
            return false;
        };
        let right = pred.pick.map(|pick| observed.accepts(&p, pick));
        if let Some(pred) = self.predictions.get_mut(&step) {
            pred.verdict = Some(PredictVerdict { observed, right });
        }
        if let Some(right) = right {
            let key = (step, p.id.clone());
            let state = self.quiz.entry(key.clone()).or_default();
            state.attempts = state.attempts.saturating_add(1);
            state.outcome = if right {
                Outcome::Right
            } else {
                Outcome::Missed
            };
            self.mark_changed(key);
        }
        true
    }

    /// [`Session::settle_prediction`] for a training step's run.
    pub fn settle_training(&mut self, t: &Training) -> bool {
        self.settle_prediction(&[&t.run().trainer])
    }

    /// [`Session::settle_prediction`] for a comparison's runs.
    pub fn settle_comparison(&mut self, c: &Comparison) -> bool {
        let runs: Vec<&Trainer> = c.runs().iter().map(|r| &r.trainer).collect();
        self.settle_prediction(&runs)
    }
}
