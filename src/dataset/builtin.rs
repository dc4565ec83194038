//! The built-in datasets (placeholder until the generators land).
use super::{DataError, Table};

/// A built-in dataset: its training table and, for the two-layer chapters, a test table.
#[derive(Clone, Debug, PartialEq)]
pub struct Builtin {
    pub name: &'static str,
    pub train: Table,
    pub test: Option<Table>,
}

/// Names of every built-in dataset.
#[must_use]
pub fn names() -> Vec<&'static str> {
    Vec::new()
}

/// Generates the built-in dataset called `name`.
pub fn generate(name: &str) -> Result<Builtin, DataError> {
    Err(DataError::UnknownBuiltin {
        name: name.to_string(),
        available: names().join(", "),
    })
}
