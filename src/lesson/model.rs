//! The checked lesson: every text in both languages, step and question ids
//! unique, every training spec known to resolve, every matrix computed. The
//! session and the views use these types and never see the raw YAML.

use std::path::PathBuf;

use ndarray::Array2;

pub use super::predict::Predict;
pub use super::raw::Show;
use super::text::Text;
pub use crate::quiz::Tolerance;
use crate::quiz::{FormulaKey, GradientSpec};
use crate::spec::TrainSpec;

/// A lesson ready to run.
#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    pub id: String,
    pub chapter: u32,
    pub title: Text,
    pub summary: Text,
    pub steps: Vec<Step>,
    /// The folder that relative data paths in the lesson start from.
    pub base_dir: PathBuf,
    /// Where the lesson came from (`built-in:ch04.yaml` or the file path).
    pub source: String,
    /// A hash of the lesson file's text ([`super::fingerprint`]): a state
    /// code made from another version of the lesson is known to be stale.
    pub fingerprint: u64,
}

/// One step of a lesson.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub id: String,
    pub title: Text,
    /// A paragraph shown before the content.
    pub note: Option<Text>,
    pub kind: StepKind,
}

/// What a step shows or asks.
#[derive(Clone, Debug, PartialEq)]
pub enum StepKind {
    /// Prose in the small markup (see [`super::markup`]).
    Text(Text),
    Formula {
        /// LaTeX, one formula per entry.
        tex: Vec<String>,
        caption: Option<Text>,
    },
    Matrix(Matrix),
    Table(Table),
    Train(Box<TrainStep>),
    Compare(Compare),
    Quiz(Vec<Question>),
    /// Polynomial fits of rising degree, computed when the lesson is checked.
    Capacity(Box<CapacityStep>),
    Landscape(Box<super::model_views::Landscape>),
    Plot(super::model_views::Plot),
}

impl StepKind {
    /// The kind as the lesson file names it.
    #[must_use]
    pub fn raw_kind(&self) -> super::raw::RawKind {
        use super::raw::RawKind;
        match self {
            StepKind::Text(_) => RawKind::Text,
            StepKind::Formula { .. } => RawKind::Formula,
            StepKind::Matrix(_) => RawKind::Matrix,
            StepKind::Table(_) => RawKind::Table,
            StepKind::Train(_) => RawKind::Train,
            StepKind::Compare(_) => RawKind::Compare,
            StepKind::Quiz(_) => RawKind::Quiz,
            StepKind::Capacity(_) => RawKind::Capacity,
            StepKind::Landscape(_) => RawKind::Landscape,
            StepKind::Plot(_) => RawKind::Plot,
        }
    }

    /// The kind's key in YAML (`text`, `train`, …).
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.raw_kind().key()
    }

    /// The step's questions (none unless it is a quiz).
    #[must_use]
    pub fn questions(&self) -> &[Question] {
        match self {
            StepKind::Quiz(q) => q,
            StepKind::Text(_)
            | StepKind::Formula { .. }
            | StepKind::Matrix(_)
            | StepKind::Table(_)
            | StepKind::Train(_)
            | StepKind::Compare(_)
            | StepKind::Capacity(_)
            | StepKind::Landscape(_)
            | StepKind::Plot(_) => &[],
        }
    }

    /// The prediction asked before the step's run, if it has one.
    #[must_use]
    pub fn predict(&self) -> Option<&Predict> {
        match self {
            StepKind::Train(t) => t.predict.as_ref(),
            StepKind::Compare(c) => c.predict.as_ref(),
            StepKind::Text(_)
            | StepKind::Formula { .. }
            | StepKind::Matrix(_)
            | StepKind::Table(_)
            | StepKind::Quiz(_)
            | StepKind::Capacity(_)
            | StepKind::Landscape(_)
            | StepKind::Plot(_) => None,
        }
    }

    /// The step's training run, if it is one.
    #[must_use]
    pub fn train(&self) -> Option<&TrainStep> {
        match self {
            StepKind::Train(t) => Some(t),
            StepKind::Text(_)
            | StepKind::Formula { .. }
            | StepKind::Matrix(_)
            | StepKind::Table(_)
            | StepKind::Compare(_)
            | StepKind::Quiz(_)
            | StepKind::Capacity(_)
            | StepKind::Landscape(_)
            | StepKind::Plot(_) => None,
        }
    }
}

/// A named matrix with its values (rows, cols).
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    pub name: String,
    pub values: Array2<f64>,
    pub caption: Option<Text>,
}

/// A table: a header and rows of the same width.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub header: Vec<Text>,
    pub rows: Vec<Vec<Text>>,
}

/// A training run to watch. The spec resolves (it was checked), with the
/// lesson's seed already applied.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainStep {
    pub spec: TrainSpec,
    /// What to show; never empty (default: loss and fit).
    pub show: Vec<Show>,
    /// LaTeX shown beside the run.
    pub formulas: Vec<String>,
    /// Asked before the run, graded by what it does.
    pub predict: Option<Predict>,
}

/// Named runs of the same data, shown side by side.
/// A capacity step: the spec as written and what it computes.
#[derive(Clone, Debug, PartialEq)]
pub struct CapacityStep {
    pub spec: crate::spec::capacity::CapacitySpec,
    pub result: crate::spec::capacity::Capacity,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Compare {
    pub runs: Vec<Run>,
    /// Asked before the runs, graded by what they do.
    pub predict: Option<Predict>,
}

/// One run of a comparison: its full spec.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub name: Text,
    pub spec: TrainSpec,
}

/// One quiz question.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Unique within its step.
    pub id: String,
    pub ask: Text,
    pub kind: QuestionKind,
    /// Revealed one at a time on request (`hint 2 of 3`).
    pub hints: Vec<Text>,
    pub explain: Option<Text>,
}

/// What kind of answer a question takes.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum QuestionKind {
    /// Pick one option; `answer` is 0-based (the file counts from 1).
    Choice { options: Vec<Text>, answer: usize },
    /// Pick every right option; `answers` are 0-based and sorted.
    Choices {
        options: Vec<Text>,
        answers: Vec<usize>,
    },
    /// A number within a tolerance.
    Number { answer: f64, tolerance: Tolerance },
    /// A vector or matrix (rows, cols), each cell within the tolerance.
    Matrix {
        answer: Array2<f64>,
        tolerance: Tolerance,
    },
    /// An expression in given variables, equivalent to the key.
    Formula(FormulaKey),
    /// A case generated and solved by the engine; `shared_seed` (the
    /// lesson's `quiz_seed`) gives everyone the same numbers, else each
    /// learner gets their own.
    Gradient {
        spec: Box<GradientSpec>,
        shared_seed: Option<u64>,
    },
}

impl Lesson {
    /// The index of the step with id `id`.
    #[must_use]
    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    /// Every quiz question as (step id, question id), in lesson order.
    pub fn quiz_questions(&self) -> impl Iterator<Item = (&str, &str)> {
        self.steps.iter().flat_map(|s| {
            s.kind
                .questions()
                .iter()
                .map(move |q| (s.id.as_str(), q.id.as_str()))
        })
    }
}
