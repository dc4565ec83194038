//! Predict-then-see: a question attached to a `train` or `compare` step,
//! asked before the run starts and graded by what the run then does.
//!
//! The lesson author names a *measure* of the run (how it stopped, the
//! shape of its loss curve, which run won, or a number such as the final
//! loss) and maps each option to one value of that measure. The session
//! measures the run the learner watched and the option whose value it
//! matches is the right one: nothing about the answer is written by hand.

use serde::{Deserialize, Serialize};

use super::text::{RawText, Text};
use crate::quiz::Tolerance;

/// The `predict:` block as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPredict {
    /// Saved progress names the prediction by it (default `predict`).
    #[serde(default)]
    pub id: Option<String>,
    pub ask: RawText,
    pub measure: Measure,
    /// `winner` only: what makes a run the winner (default `loss`).
    #[serde(default)]
    pub by: Option<WinBy>,
    /// A compare step's run that a one-run measure looks at, from 1.
    #[serde(default)]
    pub run: Option<usize>,
    /// For `stop`, `trend` and `winner`: the options and what each means.
    #[serde(default)]
    pub options: Option<Vec<RawPredictOption>>,
    /// For the number measures: how far off a prediction may be.
    #[serde(default)]
    pub abs: Option<f64>,
    #[serde(default)]
    pub rel: Option<f64>,
    /// What the author worked out the run does at the lesson's seed (an
    /// option's number, or the value of a number measure). Not used to
    /// grade: the run grades. The course tests check it still holds.
    #[serde(default)]
    pub expect: Option<f64>,
    /// Shown after the run, beside the verdict.
    #[serde(default)]
    pub explain: Option<RawText>,
}

/// One option as written: its text and the value of the measure it means.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPredictOption {
    pub text: RawText,
    pub is: RawIs,
}

/// An option's value: a run's number (for `winner`) or a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RawIs {
    Run(usize),
    Word(IsWord),
}

/// The words an option's `is` may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IsWord {
    /// `stop`: the loss reached eps.
    ReachedEps,
    /// `stop`: every epoch was used without reaching eps.
    MaxEpochs,
    /// `stop`: the run blew up.
    Diverged,
    /// `trend`: the loss fell at every epoch.
    Falls,
    /// `trend`: the loss rose at some epoch but ended lower than it began.
    Wobbles,
    /// `trend`: the run diverged, or ended no lower than it began.
    Diverges,
    /// `winner`: no run qualifies (none reached eps, or all diverged).
    None,
    /// `winner`: two or more runs share the best value exactly.
    Tie,
}

impl IsWord {
    /// Every word, in the order the format documents them.
    pub const ALL: [IsWord; 8] = [
        IsWord::ReachedEps,
        IsWord::MaxEpochs,
        IsWord::Diverged,
        IsWord::Falls,
        IsWord::Wobbles,
        IsWord::Diverges,
        IsWord::None,
        IsWord::Tie,
    ];

    /// The word as written in YAML.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            IsWord::ReachedEps => "reached_eps",
            IsWord::MaxEpochs => "max_epochs",
            IsWord::Diverged => "diverged",
            IsWord::Falls => "falls",
            IsWord::Wobbles => "wobbles",
            IsWord::Diverges => "diverges",
            IsWord::None => "none",
            IsWord::Tie => "tie",
        }
    }
}

/// What is measured about the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// How one run ended: `reached_eps`, `max_epochs` or `diverged`.
    Stop,
    /// The shape of one run's training loss by epoch: `falls`, `wobbles`
    /// or `diverges`.
    Trend,
    /// Which run of a comparison did best (see [`WinBy`]).
    Winner,
    /// One run's training loss after its last epoch (a number).
    FinalLoss,
    /// The epochs one run completed before it stopped (a number).
    Epochs,
    /// One run's final metric: R² or accuracy as a fraction (a number).
    Metric,
}

impl Measure {
    pub const ALL: [Measure; 6] = [
        Measure::Stop,
        Measure::Trend,
        Measure::Winner,
        Measure::FinalLoss,
        Measure::Epochs,
        Measure::Metric,
    ];

    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Measure::Stop => "stop",
            Measure::Trend => "trend",
            Measure::Winner => "winner",
            Measure::FinalLoss => "final_loss",
            Measure::Epochs => "epochs",
            Measure::Metric => "metric",
        }
    }

    /// Whether the learner types a number rather than picking an option.
    #[must_use]
    pub fn is_number(self) -> bool {
        matches!(self, Measure::FinalLoss | Measure::Epochs | Measure::Metric)
    }

    /// The words an option's `is` may hold for this measure.
    #[must_use]
    pub fn words(self) -> &'static [IsWord] {
        match self {
            Measure::Stop => &[IsWord::ReachedEps, IsWord::MaxEpochs, IsWord::Diverged],
            Measure::Trend => &[IsWord::Falls, IsWord::Wobbles, IsWord::Diverges],
            Measure::Winner => &[IsWord::None, IsWord::Tie],
            Measure::FinalLoss | Measure::Epochs | Measure::Metric => &[],
        }
    }
}

/// What makes a run the winner of a comparison.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WinBy {
    /// The lowest training loss after the last epoch (a diverged run never
    /// wins).
    #[default]
    Loss,
    /// The fewest epochs to reach eps (a run that never reaches it never
    /// wins).
    Epochs,
    /// The highest final metric (accuracy or R²).
    Metric,
}

impl WinBy {
    pub const ALL: [WinBy; 3] = [WinBy::Loss, WinBy::Epochs, WinBy::Metric];

    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            WinBy::Loss => "loss",
            WinBy::Epochs => "epochs",
            WinBy::Metric => "metric",
        }
    }
}

/// A value of a measure: what an option stands for, and what a run did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    /// A run of the comparison, 0-based.
    Run(usize),
    Word(IsWord),
}

/// A checked prediction question.
#[derive(Clone, Debug, PartialEq)]
pub struct Predict {
    /// Unique within the step; progress saves the prediction by it.
    pub id: String,
    pub ask: Text,
    pub measure: Measure,
    /// For `winner`.
    pub by: WinBy,
    /// The run a one-run measure looks at, 0-based (0 on a train step).
    pub run: usize,
    pub answer: PredictAnswer,
    /// What the author worked out the run does at the lesson's seed (an
    /// option's number from 1, or a value); never used to grade.
    pub expect: Option<f64>,
    pub explain: Option<Text>,
}

/// How the learner answers.
#[derive(Clone, Debug, PartialEq)]
pub enum PredictAnswer {
    /// Pick one option; each stands for one value of the measure.
    Choice(Vec<PredictOption>),
    /// Type a number, right within the tolerance of the measured value.
    Number(Tolerance),
}

/// One checked option.
#[derive(Clone, Debug, PartialEq)]
pub struct PredictOption {
    pub text: Text,
    pub is: Category,
}

/// The id a prediction gets when the lesson gives none.
pub const DEFAULT_ID: &str = "predict";

impl Predict {
    /// The options (empty for a number prediction).
    #[must_use]
    pub fn options(&self) -> &[PredictOption] {
        match &self.answer {
            PredictAnswer::Choice(o) => o,
            PredictAnswer::Number(_) => &[],
        }
    }
}
