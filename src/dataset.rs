//! Datasets: numeric tables read from CSV or made by the seeded generators.
//!
//! A [`Table`] is what a CSV file holds: named columns of numbers, one row per
//! sample. Training picks feature and target columns out of a table by name.
//! The built-in datasets of the chapters ([`builtin`]) are made by seeded
//! generators following the course book's recipes; `data/` holds exactly what
//! they write.

pub mod builtin;
pub mod csv_io;

use ndarray::{Array2, Axis};
use thiserror::Error;

/// A table of numbers with named columns: `values` is (rows, columns).
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub values: Array2<f64>,
}

/// Problems with a data file or a column selection. Row numbers count the
/// header as row 1, as a spreadsheet does; columns are 1-based.
#[derive(Debug, Error, PartialEq)]
pub enum DataError {
    #[error("{source_name}: cannot read the file: {reason}")]
    Unreadable { source_name: String, reason: String },
    #[error("{source_name}: the file is empty; expected a header row of column names")]
    Empty { source_name: String },
    #[error("{source_name}: the header row has no data rows below it")]
    NoRows { source_name: String },
    #[error(
        "{source_name}, row {row}: expected {expected} fields (as in the header), found {found}"
    )]
    Ragged {
        source_name: String,
        row: usize,
        expected: usize,
        found: usize,
    },
    #[error("{source_name}, row {row}, column {column} ('{name}'): '{value}' is not a number")]
    NotNumber {
        source_name: String,
        row: usize,
        column: usize,
        name: String,
        value: String,
    },
    #[error(
        "{source_name}, row {row}, column {column} ('{name}'): '{value}' is not a finite number (NaN and infinities are not allowed)"
    )]
    NotFinite {
        source_name: String,
        row: usize,
        column: usize,
        name: String,
        value: String,
    },
    #[error("{source_name}, row 1: column name '{name}' appears twice")]
    DuplicateColumn { source_name: String, name: String },
    #[error("{source_name}: no column named '{name}'; the columns are: {available}")]
    MissingColumn {
        source_name: String,
        name: String,
        available: String,
    },
    #[error("unknown built-in dataset '{name}'; the built-in datasets are: {available}")]
    UnknownBuiltin { name: String, available: String },
}

impl Table {
    /// Number of rows (samples).
    #[must_use]
    pub fn rows(&self) -> usize {
        self.values.nrows()
    }

    /// Index of the column called `name`.
    #[must_use]
    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// The named columns as an (rows, names.len()) matrix, in the order given.
    /// `source_name` names the table in the error when a column is missing.
    pub fn select(&self, names: &[String], source_name: &str) -> Result<Array2<f64>, DataError> {
        let mut indices = Vec::with_capacity(names.len());
        for name in names {
            let idx = self
                .column_index(name)
                .ok_or_else(|| DataError::MissingColumn {
                    source_name: source_name.to_string(),
                    name: name.clone(),
                    available: self.columns.join(", "),
                })?;
            indices.push(idx);
        }
        Ok(self.values.select(Axis(1), &indices))
    }
}
