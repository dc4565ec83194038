//! CSV files with a header row, read into and written from [`Table`]s.
//!
//! Reading is strict, because a learner's own file is the usual source of bad
//! data and a training run on it should fail early with a message they can act
//! on: every error names the file, the row (the line where the record starts,
//! the header being row 1), and where it applies the column (1-based number and
//! name) and the offending text. Cells are trimmed of surrounding spaces; lines
//! that are completely empty are skipped; a leading UTF-8 byte-order mark (as
//! spreadsheet programs write) is ignored.
//!
//! Writing uses a format chosen so that reading back is lossless and the files
//! in `data/` are stable: see [`write_csv`].
//!
//! A data file may come with someone else's lesson, so reading is bounded:
//! only a regular file of at most [`MAX_CSV_BYTES`] is read, at most
//! [`MAX_COLUMNS`] columns and [`MAX_CELLS`] numbers are accepted (checked
//! before they are stored), the header is checked in linear time, column
//! names may not hold control characters, and an error quotes at most a
//! short, printable excerpt of a bad cell.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use csv::{ByteRecord, ReaderBuilder, Trim};
use ndarray::Array2;

use super::{DataError, Table};
use crate::untrusted::{self, EXCERPT_CHARS, excerpt, visible_line};

/// The largest data file read.
pub const MAX_CSV_BYTES: u64 = 16 * 1024 * 1024;
/// The most columns a data file may have.
pub const MAX_COLUMNS: usize = 10_000;
/// The most numbers (rows × columns) a data file may hold: 32 MB of `f64`.
pub const MAX_CELLS: usize = 4_000_000;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a CSV file with a header row into a [`Table`]. Errors name the file
/// by `path` as given.
pub fn read_csv(path: &Path) -> Result<Table, DataError> {
    read_named(path, &path.display().to_string())
}

/// Reads the CSV file `name` as a lesson or spec at `base_dir` names it,
/// under the rule of [`super::access`]: inside the lesson's folder unless
/// the author allowed more. Errors name the file as written.
pub fn read_lesson_csv(base_dir: &Path, name: &Path) -> Result<Table, DataError> {
    let path = super::access::data_path(base_dir, name)?;
    read_named(&path, &name.display().to_string())
}

fn read_named(path: &Path, source_name: &str) -> Result<Table, DataError> {
    let source_name = visible_line(source_name).into_owned();
    let bytes =
        untrusted::read_regular_file(path, MAX_CSV_BYTES).map_err(|e| DataError::Unreadable {
            source_name: source_name.clone(),
            reason: e.to_string(),
        })?;
    parse_csv_bytes(&bytes, &source_name)
}

/// Column names for a message, joined by `sep`: the first few, printable,
/// with the count.
#[must_use]
pub fn names_excerpt(names: &[String], sep: &str) -> String {
    const SHOWN: usize = 12;
    let mut out: Vec<String> = (names.iter().take(SHOWN))
        .map(|n| excerpt(n, EXCERPT_CHARS))
        .collect();
    if names.len() > SHOWN {
        out.push(format!("… ({} columns in all)", names.len()));
    }
    out.join(sep)
}

/// Parses CSV text with a header row. `source_name` names it in errors.
pub fn parse_csv(text: &str, source_name: &str) -> Result<Table, DataError> {
    parse_csv_bytes(text.as_bytes(), source_name)
}

/// Parses CSV bytes with a header row; bytes that are not UTF-8 are an error
/// naming the cell they are in. `source_name` names the input in errors.
pub fn parse_csv_bytes(bytes: &[u8], source_name: &str) -> Result<Table, DataError> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(Trim::All)
        .from_reader(bytes);
    let mut records = reader.byte_records();

    let Some(header) = records.next() else {
        return Err(DataError::Empty {
            source_name: source_name.to_string(),
        });
    };
    let header = header.map_err(|e| unreadable(source_name, &e))?;
    let columns = parse_header(&header, bytes, source_name)?;

    let mut values = Vec::new();
    let mut rows = 0;
    for record in records {
        let record = record.map_err(|e| unreadable(source_name, &e))?;
        if values.len() + columns.len() > MAX_CELLS {
            return Err(DataError::TooLarge {
                source_name: source_name.to_string(),
                what: format!(
                    "the file holds more than {MAX_CELLS} numbers ({rows} rows of {} columns so far)",
                    columns.len()
                ),
                limit: MAX_CELLS,
            });
        }
        let cells = Cells {
            record: &record,
            columns: &columns,
            input: bytes,
            source_name,
        };
        cells.parse_into(&mut values)?;
        rows += 1;
    }
    if rows == 0 {
        return Err(DataError::NoRows {
            source_name: source_name.to_string(),
        });
    }
    let values = Array2::from_shape_vec((rows, columns.len()), values).map_err(|e| {
        DataError::Unreadable {
            source_name: source_name.to_string(),
            reason: e.to_string(),
        }
    })?;
    Ok(Table { columns, values })
}

fn unreadable(source_name: &str, err: &csv::Error) -> DataError {
    DataError::Unreadable {
        source_name: source_name.to_string(),
        reason: err.to_string(),
    }
}

/// Row number (header = 1) of a record: the line of `input` it starts on.
///
/// Counted here because the `csv` crate's line count ignores skipped blank
/// lines, and its byte offset points before them; a record never starts with
/// a line break, so the breaks right after the offset are those blank lines.
/// Only called on the error path, so the scan costs nothing on good files.
fn row_of(record: &ByteRecord, input: &[u8]) -> usize {
    let offset = record
        .position()
        .and_then(|p| usize::try_from(p.byte()).ok())
        .unwrap_or(0)
        .min(input.len());
    let (before, after) = input.split_at(offset);
    let blank = after
        .iter()
        .take_while(|&&b| b == b'\n' || b == b'\r')
        .filter(|&&b| b == b'\n')
        .count();
    before.iter().filter(|&&b| b == b'\n').count() + blank + 1
}

fn parse_header(
    header: &ByteRecord,
    input: &[u8],
    source_name: &str,
) -> Result<Vec<String>, DataError> {
    let row = row_of(header, input);
    if header.len() > MAX_COLUMNS {
        return Err(DataError::TooLarge {
            source_name: source_name.to_string(),
            what: format!("the header has {} columns", header.len()),
            limit: MAX_COLUMNS,
        });
    }
    let mut columns: Vec<String> = Vec::with_capacity(header.len());
    let mut seen: HashMap<&[u8], usize> = HashMap::with_capacity(header.len());
    for (i, field) in header.iter().enumerate() {
        let column = i + 1;
        let name = std::str::from_utf8(field)
            .map_err(|_| DataError::NotUtf8 {
                source_name: source_name.to_string(),
                row,
                column,
                value: excerpt(&String::from_utf8_lossy(field), EXCERPT_CHARS),
            })?
            .to_string();
        if let Some(c) = name.chars().find(|&c| untrusted::is_unsafe(c, false)) {
            return Err(DataError::UnsafeName {
                source_name: source_name.to_string(),
                row,
                column,
                what: untrusted::describe(c),
            });
        }
        if name.is_empty() {
            return Err(DataError::UnnamedColumn {
                source_name: source_name.to_string(),
                row,
                column,
            });
        }
        if let Some(first) = seen.insert(field, i) {
            return Err(DataError::DuplicateColumn {
                source_name: source_name.to_string(),
                row,
                name: excerpt(&name, EXCERPT_CHARS),
                first: first + 1,
                second: column,
            });
        }
        columns.push(name);
    }
    Ok(columns)
}

/// One data record being checked against the header.
struct Cells<'a> {
    record: &'a ByteRecord,
    columns: &'a [String],
    /// The whole input, to turn the record's byte offset into a row number.
    input: &'a [u8],
    source_name: &'a str,
}

impl Cells<'_> {
    /// Appends the record's numbers to `values`, or names the first bad cell.
    fn parse_into(&self, values: &mut Vec<f64>) -> Result<(), DataError> {
        if self.record.len() != self.columns.len() {
            return Err(DataError::Ragged {
                source_name: self.source_name.to_string(),
                row: row_of(self.record, self.input),
                expected: self.columns.len(),
                found: self.record.len(),
                header: names_excerpt(self.columns, ","),
            });
        }
        for (i, (field, name)) in self.record.iter().zip(self.columns).enumerate() {
            values.push(self.parse_cell(field, i + 1, name)?);
        }
        Ok(())
    }

    /// The number in one cell, or an error naming it (`column` is 1-based).
    fn parse_cell(&self, field: &[u8], column: usize, name: &str) -> Result<f64, DataError> {
        if let Ok(text) = std::str::from_utf8(field)
            && let Ok(number) = text.parse::<f64>()
            && number.is_finite()
        {
            return Ok(number);
        }
        Err(self.cell_error(field, column, name))
    }

    /// Why `field` is not a usable number, with its place.
    fn cell_error(&self, field: &[u8], column: usize, name: &str) -> DataError {
        let source_name = self.source_name.to_string();
        let row = row_of(self.record, self.input);
        let name = excerpt(name, EXCERPT_CHARS);
        let Ok(text) = std::str::from_utf8(field) else {
            let value = excerpt(&String::from_utf8_lossy(field), EXCERPT_CHARS);
            return DataError::NotUtf8 {
                source_name,
                row,
                column,
                value,
            };
        };
        let value = excerpt(text, EXCERPT_CHARS);
        if text.is_empty() {
            DataError::EmptyCell {
                source_name,
                row,
                column,
                name,
            }
        } else if text.parse::<f64>().is_ok() {
            DataError::NotFinite {
                source_name,
                row,
                column,
                name,
                value,
            }
        } else {
            DataError::NotNumber {
                source_name,
                row,
                column,
                name,
                value,
            }
        }
    }
}

/// The table as CSV text: a header row, then one line per row, fields joined
/// by `,`, every line ending in `\n`.
///
/// Numbers use Rust's `{}` formatting of `f64`, which prints the shortest
/// decimal that reads back to the same bits. So [`parse_csv`] of the result
/// gives back bit-identical values, whole numbers such as class ids print as
/// `1` rather than `1.0`, and the text does not depend on the platform (unlike
/// a fixed number of digits, which would also lose precision). `-0.0` prints as
/// `-0`. Column names that contain a comma, a quote or a line break are quoted.
#[must_use]
pub fn write_csv(table: &Table) -> String {
    let mut out = String::new();
    let header: Vec<String> = table.columns.iter().map(|c| quote(c)).collect();
    out.push_str(&header.join(","));
    out.push('\n');
    for row in table.values.rows() {
        for (j, value) in row.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            // Writing to a String cannot fail.
            let _ = write!(out, "{value}");
        }
        out.push('\n');
    }
    out
}

fn quote(name: &str) -> String {
    if name.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", name.replace('"', "\"\""))
    } else {
        name.to_string()
    }
}
