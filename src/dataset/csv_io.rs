//! CSV reading and writing (placeholder until the CSV reader lands).
use super::{DataError, Table};
use std::path::Path;

/// Reads a CSV file with a header row into a [`Table`].
pub fn read_csv(path: &Path) -> Result<Table, DataError> {
    let text = std::fs::read_to_string(path).map_err(|e| DataError::Unreadable {
        source_name: path.display().to_string(),
        reason: e.to_string(),
    })?;
    parse_csv(&text, &path.display().to_string())
}

/// Parses CSV text with a header row. `source_name` names it in errors.
pub fn parse_csv(_text: &str, source_name: &str) -> Result<Table, DataError> {
    Err(DataError::Empty {
        source_name: source_name.to_string(),
    })
}
