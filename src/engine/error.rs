//! Errors the engine reports. Messages carry the offending shapes and values.

use thiserror::Error;

/// Something the engine cannot compute, with the reason in words.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum EngineError {
    /// Two matrices that must agree do not; names both shapes as (rows×cols).
    #[error("{what}: expected shape {}×{}, found {}×{}", .expected.0, .expected.1, .found.0, .found.1)]
    ShapeMismatch {
        what: String,
        expected: (usize, usize),
        found: (usize, usize),
    },
    /// The least-squares system has no unique solution.
    #[error("the normal equation is singular: {reason}")]
    Singular { reason: String },
    /// A loss that needs a particular output layer was paired with another.
    #[error(
        "the loss '{loss}' needs {needs} as the output layer, but the last layer is {units} unit(s) with '{activation}'"
    )]
    IncompatibleLoss {
        loss: &'static str,
        needs: &'static str,
        activation: &'static str,
        units: usize,
    },
    /// A configuration value outside its allowed range.
    #[error("{name} must be {expected}, found {found}")]
    InvalidValue {
        name: &'static str,
        expected: &'static str,
        found: String,
    },
    /// A transform cannot be fitted (for example a constant column for min-max).
    #[error("{0}")]
    Transform(String),
}

/// Checks that `m` has the shape `expected`.
pub(crate) fn expect_shape(
    what: &str,
    m: &ndarray::Array2<f64>,
    expected: (usize, usize),
) -> Result<(), EngineError> {
    if m.dim() == expected {
        Ok(())
    } else {
        Err(EngineError::ShapeMismatch {
            what: what.to_string(),
            expected,
            found: m.dim(),
        })
    }
}
