//! The lesson file as written: serde types that mirror the YAML exactly and
//! reject unknown keys. Nothing here is checked beyond the YAML's shape;
//! [`super::validate`] turns these into the checked types of
//! [`super::model`].
//!
//! A step names its kind by the key that holds its content (`text:`,
//! `formula:`, `matrix:`, `table:`, `train:`, `compare:` or `quiz:`); a few
//! keys beside it belong to one kind only (`caption` to formulas, `show` and
//! `formulas` to training runs).

use serde::{Deserialize, Serialize};

use super::text::RawText;
use crate::quiz::RawGradient;
use crate::spec::TrainSpec;

/// A whole lesson file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLesson {
    /// Stable id (`ch04`): how the catalog, the command line and saved
    /// progress name the lesson.
    pub id: String,
    /// The course book's chapter number.
    pub chapter: u32,
    pub title: RawText,
    pub summary: RawText,
    /// Replaces the seed of every training spec in the lesson (training
    /// runs only; quiz numbers follow `quiz_seed`).
    #[serde(default)]
    pub seed: Option<u64>,
    /// Gives every learner the same numbers in generated questions (an
    /// instructor's class); without it each learner gets their own.
    #[serde(default)]
    pub quiz_seed: Option<u64>,
    pub steps: Vec<RawStep>,
}

/// One step. Exactly one of the kind keys must be present.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    /// Stable within the lesson; progress is saved by it.
    pub id: String,
    pub title: RawText,
    /// A short paragraph shown before the step's content (any kind).
    #[serde(default)]
    pub note: Option<RawText>,

    /// Prose (the small markup: paragraphs, `- ` bullets, `*emphasis*`,
    /// `` `code` `` and `$math$`).
    #[serde(default)]
    pub text: Option<RawText>,
    /// One or more LaTeX formulas.
    #[serde(default)]
    pub formula: Option<Vec<String>>,
    /// A caption under the formulas (formula steps only).
    #[serde(default)]
    pub caption: Option<RawText>,
    #[serde(default)]
    pub matrix: Option<RawMatrix>,
    #[serde(default)]
    pub table: Option<RawTable>,
    /// A training run.
    #[serde(default)]
    pub train: Option<TrainSpec>,
    /// What a training step shows (train steps only).
    #[serde(default)]
    pub show: Option<Vec<Show>>,
    /// Formulas shown beside a training run (train steps only).
    #[serde(default)]
    pub formulas: Option<Vec<String>>,
    #[serde(default)]
    pub compare: Option<RawCompare>,
    #[serde(default)]
    pub quiz: Option<Vec<RawQuestion>>,
    /// A question asked before the run starts and graded by what the run
    /// does (train and compare steps only).
    #[serde(default)]
    pub predict: Option<super::predict::RawPredict>,
    /// Polynomials of rising degree on one noisy sample: underfitting and
    /// overfitting.
    #[serde(default)]
    pub capacity: Option<crate::spec::capacity::CapacitySpec>,
    /// The loss over two parameters with runs' paths on it.
    #[serde(default)]
    pub landscape: Option<super::raw_views::RawLandscape>,
    /// Functions of one variable with their derivatives.
    #[serde(default)]
    pub plot: Option<super::raw_views::RawPlot>,
}

/// Defines [`RawKind`] and its list from one table, so the list cannot
/// miss a kind.
macro_rules! step_kinds {
    ($($(#[$doc:meta])* $kind:ident => $key:literal),* $(,)?) => {
        /// A step's kind, named by the key that holds its content. Every
        /// `match` on it is exhaustive: a new kind is a compile error in each
        /// place that must handle it (validation, both front ends, words).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum RawKind {
            $($(#[$doc])* $kind),*
        }

        impl RawKind {
            /// Every kind, in the order the format documents them.
            pub const ALL: &'static [RawKind] = &[$(RawKind::$kind),*];

            /// The kind's key in YAML.
            #[must_use]
            pub fn key(self) -> &'static str {
                match self {
                    $(RawKind::$kind => $key),*
                }
            }
        }
    };
}

step_kinds! {
    /// Prose.
    Text => "text",
    /// One or more formulas.
    Formula => "formula",
    /// A named matrix.
    Matrix => "matrix",
    /// A table of text.
    Table => "table",
    /// A live training run.
    Train => "train",
    /// Several runs side by side.
    Compare => "compare",
    /// Questions.
    Quiz => "quiz",
    /// Model capacity from low to high: training and validation loss.
    Capacity => "capacity",
    /// Runs' paths over the loss contours in two parameters.
    Landscape => "landscape",
    /// Functions of one variable and their derivatives.
    Plot => "plot",
}

impl RawStep {
    /// Whether the step gives the content of kind `k`.
    #[must_use]
    pub fn has(&self, k: RawKind) -> bool {
        match k {
            RawKind::Text => self.text.is_some(),
            RawKind::Formula => self.formula.is_some(),
            RawKind::Matrix => self.matrix.is_some(),
            RawKind::Table => self.table.is_some(),
            RawKind::Train => self.train.is_some(),
            RawKind::Compare => self.compare.is_some(),
            RawKind::Quiz => self.quiz.is_some(),
            RawKind::Capacity => self.capacity.is_some(),
            RawKind::Landscape => self.landscape.is_some(),
            RawKind::Plot => self.plot.is_some(),
        }
    }

    /// The kinds whose content the step gives (a valid step gives one).
    #[must_use]
    pub fn kinds(&self) -> Vec<RawKind> {
        RawKind::ALL
            .iter()
            .copied()
            .filter(|k| self.has(*k))
            .collect()
    }
}

/// What a training step displays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Show {
    /// The loss curve by epoch.
    Loss,
    /// Samples and the fitted curve (one input, regression).
    Fit,
    /// The decision boundary (two inputs, classification).
    Boundary,
    /// The weights and biases.
    Params,
    /// The last batch's gradients.
    Grads,
    /// What the hidden units do (two-layer runs): each unit's curve and
    /// their sum (one input, regression), or the samples in input space
    /// and in hidden space (two inputs, classification).
    Hidden,
}

impl Show {
    /// Every choice, in display order.
    pub const ALL: [Show; 6] = [
        Show::Loss,
        Show::Fit,
        Show::Boundary,
        Show::Params,
        Show::Grads,
        Show::Hidden,
    ];

    /// The name as written in YAML.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Show::Loss => "loss",
            Show::Fit => "fit",
            Show::Boundary => "boundary",
            Show::Params => "params",
            Show::Grads => "grads",
            Show::Hidden => "hidden",
        }
    }
}

/// A named matrix: inline rows, columns of a dataset, or a closed-form
/// solution. Exactly one source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMatrix {
    /// The symbol shown with the shape: `X`, `W`, `Y`.
    pub name: String,
    #[serde(default)]
    pub rows: Option<Vec<Vec<f64>>>,
    #[serde(default)]
    pub from: Option<FromData>,
    /// A training spec (one linear layer, mse) solved by the normal equation.
    #[serde(default)]
    pub closed_form: Option<TrainSpec>,
    /// Which part of the closed-form solution: `w` (default) or `b`.
    #[serde(default)]
    pub param: Option<Param>,
    #[serde(default)]
    pub caption: Option<RawText>,
}

/// Columns of a dataset as a matrix.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FromData {
    /// A built-in dataset name (`line`), or a CSV path (ending in `.csv`)
    /// relative to the lesson file.
    pub data: String,
    /// The columns, in order; default all.
    #[serde(default)]
    pub columns: Option<Vec<String>>,
    /// The first this many rows; default all.
    #[serde(default)]
    pub rows: Option<usize>,
}

/// A closed-form parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Param {
    W,
    B,
}

/// A small table; cells are bilingual text (a number or a plain string
/// counts for both languages).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTable {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header: Vec<RawText>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<Vec<RawText>>,
    /// Instead of header and rows: saturation exercises, one summary row
    /// each, computed by the engine.
    #[serde(default)]
    pub saturation: Option<Vec<crate::spec::saturation::SaturationSpec>>,
    /// Instead of header and rows: every step of one saturation exercise.
    #[serde(default)]
    pub saturation_steps: Option<crate::spec::saturation::SaturationSpec>,
}

/// Several runs of the same data side by side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCompare {
    /// The spec every run starts from (optional when each run has its own).
    #[serde(default)]
    pub base: Option<TrainSpec>,
    pub runs: Vec<RawRun>,
}

/// One run of a comparison: the base with some values changed (`set`), or a
/// whole spec of its own (`spec`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRun {
    pub name: RawText,
    #[serde(default)]
    pub set: Option<Overrides>,
    #[serde(default)]
    pub spec: Option<TrainSpec>,
}

/// The values a comparison run may change in its base spec; the data stays
/// the base's.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    #[serde(default)]
    pub layers: Option<Vec<crate::engine::LayerSpec>>,
    #[serde(default)]
    pub loss: Option<crate::engine::Loss>,
    #[serde(default)]
    pub init: Option<crate::engine::Init>,
    #[serde(default)]
    pub learning_rate: Option<f64>,
    #[serde(default)]
    pub batch_size: Option<crate::spec::BatchSizeSpec>,
    #[serde(default)]
    pub epochs: Option<usize>,
    #[serde(default)]
    pub eps: Option<f64>,
    #[serde(default)]
    pub shuffle: Option<bool>,
    #[serde(default)]
    pub seed: Option<u64>,
    #[serde(default)]
    pub polynomial: Option<usize>,
    #[serde(default)]
    pub normalize: Option<crate::spec::Normalize>,
    #[serde(default)]
    pub validation: Option<f64>,
}

impl Overrides {
    /// `base` with every value given here replaced.
    #[must_use]
    pub fn apply(&self, base: &TrainSpec) -> TrainSpec {
        let mut s = base.clone();
        if let Some(v) = &self.layers {
            s.layers.clone_from(v);
        }
        macro_rules! set {
            ($($f:ident),*) => { $( if let Some(v) = self.$f { s.$f = v; } )* };
        }
        set!(
            loss,
            learning_rate,
            batch_size,
            epochs,
            shuffle,
            seed,
            normalize,
            validation
        );
        if self.init.is_some() {
            s.init = self.init;
        }
        if self.eps.is_some() {
            s.eps = self.eps;
        }
        if self.polynomial.is_some() {
            s.polynomial = self.polynomial;
        }
        s
    }
}

/// One question. Exactly one kind key (`choice`, `number`, `matrix`,
/// `formula`, `gradient`) must be present.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    /// Stable within the step.
    pub id: String,
    pub ask: RawText,
    #[serde(default)]
    pub choice: Option<RawChoice>,
    #[serde(default)]
    pub number: Option<RawNumber>,
    #[serde(default)]
    pub matrix: Option<RawMatrixAnswer>,
    #[serde(default)]
    pub formula: Option<RawFormula>,
    /// A case generated and solved by the engine.
    #[serde(default)]
    pub gradient: Option<RawGradient>,
    /// Revealed one at a time on request.
    #[serde(default)]
    pub hints: Option<Vec<RawText>>,
    /// Shown after the answer, right or wrong.
    #[serde(default)]
    pub explain: Option<RawText>,
}

/// Single choice (`answer`) or multiple choice (`answers`): options
/// numbered from 1 as the learner sees them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    pub options: Vec<RawText>,
    /// The number of the right option, counting from 1.
    #[serde(default)]
    pub answer: Option<usize>,
    /// Every right option, counting from 1 (multiple choice).
    #[serde(default)]
    pub answers: Option<Vec<usize>>,
}

/// A numeric answer, right within `abs` or `rel` (either suffices; neither
/// given means within 1e-9). `check` recomputes the key with the engine.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNumber {
    pub answer: f64,
    #[serde(default)]
    pub abs: Option<f64>,
    #[serde(default)]
    pub rel: Option<f64>,
    #[serde(default)]
    pub check: Option<RawGradient>,
}

/// A vector or matrix answer (rows of numbers), each cell within the
/// tolerance. `check` recomputes the key with the engine.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMatrixAnswer {
    pub answer: Vec<Vec<f64>>,
    #[serde(default)]
    pub abs: Option<f64>,
    #[serde(default)]
    pub rel: Option<f64>,
    #[serde(default)]
    pub check: Option<RawGradient>,
}

/// A formula answer: an expression in `vars`, compared with `answer` at
/// random points drawn from `range` (default [-2, 2]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFormula {
    pub vars: Vec<String>,
    pub answer: String,
    #[serde(default)]
    pub range: Option<[f64; 2]>,
}
