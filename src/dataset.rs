//! Datasets: numeric tables read from CSV or made by the seeded generators.
//!
//! A [`Table`] is what a CSV file holds: named columns of numbers, one row per
//! sample. Training picks feature and target columns out of a table by name.
//! The built-in datasets of the chapters ([`builtin`]) are made by seeded
//! generators following the course book's recipes; `data/` holds exactly what
//! they write.

pub mod access;
pub mod builtin;
pub mod csv_io;

use std::collections::HashMap;

use ndarray::{Array2, Axis};
use thiserror::Error;

/// A table of numbers with named columns: `values` is (rows, columns).
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub values: Array2<f64>,
}

/// Problems with a data file or a column selection. A row number is the line
/// of the file where the record starts, so the header is row 1 as in a
/// spreadsheet (blank lines, which are skipped, still count); columns are
/// 1-based.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum DataError {
    #[error("{source_name}: cannot read the file: {reason}")]
    Unreadable { source_name: String, reason: String },
    #[error("{source_name}: the file is empty; expected a header row of column names")]
    Empty { source_name: String },
    #[error("{source_name}: the header row has no data rows below it")]
    NoRows { source_name: String },
    #[error(
        "{source_name}, row {row}: expected {expected} fields as in the header ({header}), found {found}"
    )]
    Ragged {
        source_name: String,
        row: usize,
        expected: usize,
        found: usize,
        /// The header's column names, joined by commas.
        header: String,
    },
    #[error(
        "{source_name}, row {row}, column {column} ('{name}'): the cell is empty; expected a number"
    )]
    EmptyCell {
        source_name: String,
        row: usize,
        column: usize,
        name: String,
    },
    #[error(
        "{source_name}, row {row}, column {column}: '{value}' is not valid UTF-8 text (save the file as UTF-8)"
    )]
    NotUtf8 {
        source_name: String,
        row: usize,
        column: usize,
        /// The cell with each bad byte shown as U+FFFD.
        value: String,
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
    #[error(
        "{source_name}, row {row}: column name '{name}' appears twice (columns {first} and {second})"
    )]
    DuplicateColumn {
        source_name: String,
        row: usize,
        name: String,
        first: usize,
        second: usize,
    },
    #[error("{source_name}, row {row}, column {column}: the header gives this column no name")]
    UnnamedColumn {
        source_name: String,
        row: usize,
        column: usize,
    },
    #[error("{source_name}: no column named '{name}'; the columns are: {available}")]
    MissingColumn {
        source_name: String,
        name: String,
        available: String,
    },
    #[error("{source_name}: this data file is not read, because {reason}")]
    OutsideFolder {
        source_name: String,
        /// Why the path is refused.
        reason: String,
    },
    #[error(
        "{source_name}, row {row}, column {column}: the column name holds {what}, which is not allowed in a name"
    )]
    UnsafeName {
        source_name: String,
        row: usize,
        column: usize,
        /// The character, described.
        what: String,
    },
    #[error("{source_name}: {what}; the limit is {limit}")]
    TooLarge {
        source_name: String,
        /// What is too large, with its size as far as read.
        what: String,
        limit: usize,
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

    /// Every column's index by name, for looking many names up in linear
    /// time.
    #[must_use]
    pub fn column_map(&self) -> HashMap<&str, usize> {
        (self.columns.iter().enumerate())
            .map(|(i, c)| (c.as_str(), i))
            .collect()
    }

    /// The column names for a message: at most a few, safe to print.
    #[must_use]
    pub fn columns_list(&self) -> String {
        csv_io::names_excerpt(&self.columns, ", ")
    }

    /// The named columns as an (rows, names.len()) matrix, in the order given.
    /// `source_name` names the table in the error when a column is missing.
    pub fn select(&self, names: &[String], source_name: &str) -> Result<Array2<f64>, DataError> {
        let map = self.column_map();
        let mut indices = Vec::with_capacity(names.len());
        for name in names {
            let idx = map
                .get(name.as_str())
                .copied()
                .ok_or_else(|| DataError::MissingColumn {
                    source_name: source_name.to_string(),
                    name: crate::untrusted::excerpt(name, crate::untrusted::EXCERPT_CHARS),
                    available: self.columns_list(),
                })?;
            indices.push(idx);
        }
        Ok(self.values.select(Axis(1), &indices))
    }
}
