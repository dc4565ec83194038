#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! CSV reading and writing: every kind of bad input gives an error naming the
//! file, the row, the column and the value; writing then reading is lossless.

use std::path::Path;

use ndarray::array;
use nnstep::dataset::csv_io::{parse_csv, parse_csv_bytes, read_csv, write_csv};
use nnstep::dataset::{DataError, Table};
use proptest::prelude::*;

/// The error message for `text`, which must fail to parse.
fn error_of(text: &str) -> String {
    match parse_csv(text, "points.csv") {
        Ok(table) => panic!("expected an error, got {table:?}"),
        Err(e) => e.to_string(),
    }
}

fn assert_mentions(message: &str, parts: &[&str]) {
    for part in parts {
        assert!(
            message.contains(part),
            "{message:?} should mention {part:?}"
        );
    }
}

#[test]
fn reads_header_and_numbers_into_a_table() {
    let table = parse_csv("x1,x2,y\n1,2.5,-3\n4e2, 0.5 ,1\n", "t.csv").expect("valid csv");
    assert_eq!(table.columns, ["x1", "x2", "y"]);
    assert_eq!(table.values, array![[1.0, 2.5, -3.0], [400.0, 0.5, 1.0]]);
}

#[test]
fn tolerates_crlf_a_byte_order_mark_quotes_and_blank_lines() {
    let table = parse_csv("\u{feff}\"x\",y\r\n1,2\r\n\r\n3,\"4\"\r\n", "t.csv").expect("valid csv");
    assert_eq!(table.columns, ["x", "y"]);
    assert_eq!(table.values, array![[1.0, 2.0], [3.0, 4.0]]);
}

#[test]
fn ragged_row_names_row_and_both_field_counts() {
    let message = error_of("x,y\n1,2\n3,4,5\n");
    assert_mentions(
        &message,
        &["points.csv", "row 3", "expected 2 fields", "found 3", "x,y"],
    );
}

#[test]
fn row_numbers_are_file_lines_even_after_a_blank_line() {
    assert_mentions(
        &error_of("x,y\n1,2\n\n3,z\n"),
        &["row 4", "column 2", "'z'"],
    );
    assert_mentions(&error_of("x,y\r\n1,2\r\n\r\n3,z\r\n"), &["row 4", "'z'"]);
    assert_mentions(&error_of("\n\nx,x\n1,2\n"), &["row 3", "twice"]);
}

#[test]
fn short_row_is_ragged_too() {
    let message = error_of("x1,x2,y\n1,2,3\n4,5\n");
    assert_mentions(&message, &["row 3", "expected 3", "found 2"]);
}

#[test]
fn non_numeric_cell_names_row_column_and_value() {
    let message = error_of("x,y\n1,2\n3,abc\n");
    assert_mentions(
        &message,
        &[
            "points.csv",
            "row 3",
            "column 2",
            "'y'",
            "'abc'",
            "not a number",
        ],
    );
}

#[test]
fn nan_cell_is_rejected_with_its_place() {
    let message = error_of("x,y\nNaN,2\n");
    assert_mentions(
        &message,
        &["row 2", "column 1", "'x'", "'NaN'", "not a finite number"],
    );
}

#[test]
fn infinite_and_overflowing_cells_are_rejected() {
    assert_mentions(
        &error_of("x,y\n1,inf\n"),
        &["row 2", "column 2", "'inf'", "finite"],
    );
    assert_mentions(
        &error_of("x,y\n1,-1e999\n"),
        &["column 2", "'-1e999'", "finite"],
    );
}

#[test]
fn empty_cell_names_its_place() {
    let message = error_of("x,y\n1,\n");
    assert_mentions(&message, &["row 2", "column 2", "'y'", "empty"]);
}

#[test]
fn empty_file_asks_for_a_header() {
    assert_eq!(
        parse_csv("", "points.csv"),
        Err(DataError::Empty {
            source_name: "points.csv".into()
        })
    );
    assert_mentions(&error_of("\n\n"), &["points.csv", "empty", "header"]);
}

#[test]
fn header_only_file_says_there_are_no_rows() {
    assert_mentions(&error_of("x,y\n"), &["points.csv", "no data rows"]);
}

#[test]
fn duplicate_column_names_both_positions() {
    let message = error_of("x,y,x\n1,2,3\n");
    assert_mentions(&message, &["row 1", "'x'", "twice", "columns 1 and 3"]);
}

#[test]
fn unnamed_column_is_rejected() {
    let message = error_of("x,,y\n1,2,3\n");
    assert_mentions(&message, &["row 1", "column 2", "no name"]);
}

#[test]
fn non_utf8_bytes_name_row_and_column() {
    let err = parse_csv_bytes(b"x,y\n1,2\n3,\xff4\n", "latin1.csv").expect_err("bad utf-8");
    assert_mentions(
        &err.to_string(),
        &["latin1.csv", "row 3", "column 2", "UTF-8", "\u{fffd}4"],
    );
}

#[test]
fn missing_file_names_the_path() {
    let err = read_csv(Path::new("no/such/file.csv")).expect_err("missing file");
    assert!(matches!(err, DataError::Unreadable { .. }), "{err:?}");
    assert_mentions(&err.to_string(), &["no/such/file.csv", "cannot read"]);
}

#[test]
fn read_csv_reads_a_file_and_names_it_in_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("good.csv");
    std::fs::write(&good, "x,y\n1,2\n").expect("write");
    assert_eq!(read_csv(&good).expect("valid").values, array![[1.0, 2.0]]);
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, b"x,y\n1,\xe9\n").expect("write");
    let message = read_csv(&bad).expect_err("bad utf-8").to_string();
    assert_mentions(&message, &["bad.csv", "row 2", "column 2"]);
}

#[test]
fn missing_column_in_select_lists_the_available_ones() {
    let table = parse_csv("x1,x2,y\n1,2,3\n", "t.csv").expect("valid");
    let err = table
        .select(&["x3".to_string()], "t.csv")
        .expect_err("missing");
    assert_mentions(&err.to_string(), &["t.csv", "'x3'", "x1, x2, y"]);
}

#[test]
fn writes_whole_numbers_without_a_decimal_point() {
    let table = Table {
        columns: vec!["x".into(), "y".into()],
        values: array![[0.1, 1.0], [-2.5, 0.0], [1e-7, 3.0]],
    };
    assert_eq!(write_csv(&table), "x,y\n0.1,1\n-2.5,0\n0.0000001,3\n");
}

#[test]
fn writes_awkward_column_names_quoted() {
    let table = Table {
        columns: vec!["a,b".into(), "say \"hi\"".into()],
        values: array![[1.0, 2.0]],
    };
    let text = write_csv(&table);
    assert_eq!(text, "\"a,b\",\"say \"\"hi\"\"\"\n1,2\n");
    assert_eq!(parse_csv(&text, "t.csv").expect("valid"), table);
}

proptest! {
    #[test]
    fn write_then_read_gives_bit_identical_values(
        values in prop::collection::vec(
            prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO, 1..40),
    ) {
        let rows = values.len().div_ceil(2);
        let mut padded = values.clone();
        padded.resize(rows * 2, 0.0);
        let table = Table {
            columns: vec!["a".into(), "b".into()],
            values: ndarray::Array2::from_shape_vec((rows, 2), padded).expect("shape"),
        };
        let back = parse_csv(&write_csv(&table), "t.csv").expect("round trip");
        let bits = |t: &Table| t.values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        prop_assert_eq!(bits(&back), bits(&table));
    }
}
