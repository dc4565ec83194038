//! What can be wrong with a spec, as typed data: each problem and each hint
//! is a variant holding the values it names. The words — English and
//! Chinese — are in `crate::words::problems`, so a front end shows a problem
//! in the learner's language (and redraws it when the language changes).
//! Names and values that came from a file (column names, paths) are kept
//! as excerpts made safe by `crate::untrusted` where they are stored.

use crate::dataset::DataError;
use crate::engine::{Activation, EngineError, Loss};

/// One problem with a spec's values or data.
#[derive(Clone, Debug, PartialEq)]
pub enum SpecProblem {
    // The values alone (resolve/check.rs).
    LearningRateNotPositive {
        found: f64,
    },
    BatchSizeNotPositive,
    EpsNegative {
        found: f64,
    },
    ValidationOutOfRange {
        found: f64,
    },
    PolynomialDegree {
        found: usize,
    },
    StopOnValidationWithoutSet,
    NoLayers,
    NoUnits,
    SoftmaxNotLast,
    /// The loss needs another output layer.
    LossNeedsOutput {
        loss: Loss,
    },
    ClosedFormNeedsLinear,
    // The book-procedure keys (book_checks.rs).
    StopEveryOneOf,
    StopEveryZero,
    StopEveryWithoutEps,
    EpsCompareWithoutEps,
    StopOnWithoutEps,
    ValidationRowsFirstWithoutSet,
    // The limits (limits.rs).
    TooManyLayers {
        found: usize,
        limit: usize,
    },
    TooManyUnits {
        found: usize,
        limit: usize,
    },
    TooManyEpochs {
        found: usize,
        limit: usize,
    },
    TooManyPredict {
        found: usize,
        limit: usize,
    },
    TooManyRows {
        found: usize,
        limit: usize,
    },
    TooManyInputs {
        found: usize,
        limit: usize,
    },
    TooManyParams {
        limit: usize,
    },
    TooManySteps {
        epochs: u64,
        per_epoch: u64,
        limit: u64,
    },
    TooManyActivations {
        rows: usize,
        units: u64,
        limit: u64,
    },
    PassTooLarge {
        rows: usize,
        params: usize,
        limit: u64,
    },
    RunTooLarge {
        epochs: u64,
        rows: usize,
        params: usize,
        limit: u64,
    },
    // The data (resolve/load.rs, resolve/build.rs).
    /// A data file or a built-in name could not be used.
    Data(Box<DataError>),
    BuiltinOrCsv,
    /// No column of this (excerpted) name.
    NoColumn {
        name: String,
    },
    TestNoColumn {
        name: String,
    },
    OutputUnits {
        found: usize,
        needed: usize,
    },
    NormaliseNonRegression,
    BinaryNeedsTwoClasses {
        classes: Vec<f64>,
    },
    PredictWidth {
        needed: usize,
        found: usize,
    },
    // Explicit weights (resolve/network.rs).
    WeightsLayers {
        found: usize,
        layers: usize,
    },
    WShape {
        /// 1-based layer number.
        layer: usize,
        inputs: usize,
        units: usize,
        found: (usize, usize),
    },
    BLength {
        layer: usize,
        units: usize,
        found: usize,
    },
    // Exercises (saturation.rs, capacity.rs).
    StartOneOf,
    MaxDegree {
        found: usize,
        limit: usize,
    },
    CapacityTrain {
        max_degree: usize,
        limit: usize,
        found: usize,
    },
    CapacityValidation {
        limit: usize,
        found: usize,
    },
    NoiseNegative {
        found: f64,
    },
    /// The engine refused a value or a shape.
    Engine(Box<EngineError>),
}

/// What would be accepted, when that can be said.
#[derive(Clone, Debug, PartialEq)]
pub enum SpecHint {
    TypicalLearningRate,
    BatchSizeForms,
    BookHoldsOut,
    SetValidation,
    LayerExample,
    HiddenActivations,
    /// What the last layer is now.
    LastLayerIs {
        units: usize,
        activation: Activation,
    },
    LessonUnits,
    StopEveryExample,
    /// Add `eps`, or remove `key`.
    AddEps {
        key: &'static str,
    },
    BookValidationRows,
    BuiltinNames {
        names: String,
    },
    /// The columns present (an excerpt, safe to print).
    Columns {
        list: String,
    },
    FewerInputs,
    FewerLayers,
    FewerEpochsOrLargerBatches,
    FewerRowsOrUnits,
    FewerRowsOrSmaller,
    FewerEpochsRowsOrSmaller,
    /// The classes of the target column.
    TargetClasses {
        target: String,
        classes: Vec<f64>,
    },
    OneUnitPerTarget,
    UseSoftmaxCe,
    WRows,
    /// The range an activation outputs.
    ActivationRange {
        activation: Activation,
    },
    StartExample,
    MaxDegreeShows,
    DegreeNeedsPoints,
    FewDozenPoints,
    NoiseVisible,
    TryAnotherSeed,
}
