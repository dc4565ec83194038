//! The training spec: one YAML document that fully determines a run — the
//! data, its transforms, the network, the loss, the initial weights and how
//! training proceeds. `nnstep train SPEC` reads it from a file; lesson files
//! embed the same type in their `train` and `compare` steps.
//!
//! [`TrainSpec`] mirrors the YAML exactly (unknown keys are rejected);
//! [`resolve`] checks it, loads and transforms the data and builds a ready
//! [`crate::engine::Trainer`], reporting every problem it finds with the key
//! path of the offending value.
//!
//! ```yaml
//! data: {builtin: line}          # or {csv: my.csv, features: [x], target: y}
//! layers:
//!   - {units: 1, activation: identity}
//! loss: mse
//! learning_rate: 0.1
//! batch_size: 1                  # a number of rows, or full
//! epochs: 1                      # 0: evaluate the starting network only
//! shuffle: false
//! closed_form: true              # also solve the normal equation
//! predict: [[0.346]]             # inputs, in original units
//! ```

pub(crate) mod book_checks;
pub mod capacity;
pub mod limits;
mod locate;
mod norm_report;
pub mod problem;
mod resolve;
pub mod saturation;
mod set_report;

pub use crate::engine::split::SetName;
pub use locate::{DisplayPath, PathSeg, locate};
pub use norm_report::{ColumnStats, NormReport};
pub use problem::{SpecHint, SpecProblem};
pub use resolve::{Resolved, RunInfo, SpecError, resolve};
pub use set_report::SetRow;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::engine::{
    BatchSize, EpsCompare, Every, Init, LayerSpec, Loss, StopOn, split::ValidationRows,
    transform::NormKind,
};

/// A training run as written in YAML.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainSpec {
    /// Where the samples come from.
    pub data: DataSpec,
    /// Normalisation of the inputs: `minmax`, `zscore` or `none` (default).
    #[serde(default)]
    pub normalize: Normalize,
    /// Normalisation of a regression target (default `none`).
    #[serde(default)]
    pub normalize_target: Normalize,
    /// Which rows the normalisation statistics come from.
    #[serde(default)]
    pub normalize_stats: StatsFrom,
    /// Replace each input x by x, x², …, x^d.
    #[serde(default)]
    pub polynomial: Option<usize>,
    /// The layers, first (nearest the inputs) to last.
    pub layers: Vec<LayerSpec>,
    /// `mse`, `binary_cross_entropy` (`bce`) or `softmax_cross_entropy` (`ce`).
    pub loss: Loss,
    /// `zeros`, `xavier` or `he`; default zeros for one layer, xavier otherwise.
    #[serde(default)]
    pub init: Option<Init>,
    /// Explicit initial values, one entry per layer; overrides `init`.
    #[serde(default)]
    pub weights: Option<Vec<LayerWeights>>,
    pub learning_rate: f64,
    /// Rows per gradient step, or `full` (the book's −1 is accepted too).
    #[serde(default = "default_batch")]
    pub batch_size: BatchSizeSpec,
    /// The most epochs to run; 0 evaluates the starting network only.
    pub epochs: usize,
    /// Stop once the loss is at most this.
    #[serde(default)]
    pub eps: Option<f64>,
    /// Which loss `eps` watches: `train` (default), `validation` or
    /// `batch` (the last mini-batch's, after its update).
    #[serde(default)]
    pub stop_on: Option<StopOn>,
    /// How often eps is tested: `{epochs: N}` (default 1) or `{iterations: N}`.
    #[serde(default)]
    pub stop_every: Option<EveryCount>,
    /// `at_most` (≤, default) or `below` (<).
    #[serde(default)]
    pub eps_compare: Option<EpsCompare>,
    /// Shuffle the rows every epoch (default true).
    #[serde(default = "yes")]
    pub shuffle: bool,
    /// Fraction of the training rows held out for validation (default 0).
    #[serde(default)]
    pub validation: f64,
    /// Which rows validate: `random` (default) or `first` (file order).
    #[serde(default)]
    pub validation_rows: ValidationRows,
    /// Seeds the initial weights, the shuffles and the validation split.
    #[serde(default = "default_seed")]
    pub seed: u64,
    /// Also solve the normal equation (one linear layer with mse only).
    #[serde(default)]
    pub closed_form: bool,
    /// Inputs (in original units) whose predictions are reported at the end.
    #[serde(default)]
    pub predict: Vec<Vec<f64>>,
}

/// The data section: a built-in dataset or a CSV file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataSpec {
    /// A built-in dataset by name (`line`, `house`, `sine`, …).
    #[serde(default)]
    pub builtin: Option<String>,
    /// A CSV file with a header row, relative to the spec (or lesson) file.
    #[serde(default)]
    pub csv: Option<PathBuf>,
    /// An optional test file with the same columns.
    #[serde(default)]
    pub test_csv: Option<PathBuf>,
    /// Input columns; default: every column but the target.
    #[serde(default)]
    pub features: Option<Vec<String>>,
    /// The target column; default: the last column.
    #[serde(default)]
    pub target: Option<String>,
}

/// Normalisation choice, with `none`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Normalize {
    #[default]
    None,
    MinMax,
    ZScore,
}

impl Normalize {
    /// The engine's kind, or `None` for no normalisation.
    #[must_use]
    pub fn kind(self) -> Option<NormKind> {
        match self {
            Normalize::None => None,
            Normalize::MinMax => Some(NormKind::MinMax),
            Normalize::ZScore => Some(NormKind::ZScore),
        }
    }
}

/// Rows the normalisation statistics come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatsFrom {
    /// The training rows only.
    #[default]
    Train,
    /// Training and test rows stacked, as the book does from chapter 9 on.
    TrainAndTest,
}

/// A cadence as written: `{epochs: N}` or `{iterations: N}`, exactly one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EveryCount {
    #[serde(default)]
    pub epochs: Option<usize>,
    #[serde(default)]
    pub iterations: Option<u64>,
}

impl EveryCount {
    /// The engine's cadence, or `None` unless exactly one count is given.
    #[must_use]
    pub fn to_engine(self) -> Option<Every> {
        match (self.epochs, self.iterations) {
            (Some(n), None) => Some(Every::Epochs(n)),
            (None, Some(n)) => Some(Every::Iterations(n)),
            _ => None,
        }
    }
}

/// One layer's explicit initial values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayerWeights {
    /// (n, k) as rows.
    pub w: Vec<Vec<f64>>,
    /// (1, k) as one row; default zeros.
    #[serde(default)]
    pub b: Option<Vec<f64>>,
}

/// A batch size as written: a positive number of rows, `full`, or −1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum BatchSizeSpec {
    Rows(i64),
    Word(BatchWord),
}

/// The word `full`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BatchWord {
    Full,
}

impl BatchSizeSpec {
    /// The engine's batch size, or `None` when the number is 0 or below −1.
    #[must_use]
    pub fn to_engine(self) -> Option<BatchSize> {
        match self {
            BatchSizeSpec::Word(BatchWord::Full) | BatchSizeSpec::Rows(-1) => Some(BatchSize::FULL),
            BatchSizeSpec::Rows(n) if n >= 1 => Some(BatchSize::Rows(n as usize)),
            BatchSizeSpec::Rows(_) => None,
        }
    }
}

fn default_batch() -> BatchSizeSpec {
    BatchSizeSpec::Word(BatchWord::Full)
}

fn yes() -> bool {
    true
}

fn default_seed() -> u64 {
    1
}

impl TrainSpec {
    /// Parses a spec from YAML text. The error carries serde_yaml's line and
    /// column where it has them.
    pub fn from_yaml(text: &str) -> Result<Self, serde_yaml::Error> {
        serde_yaml::from_str(text)
    }
}
