//! The CSV reader never panics, and a table it reads writes back to text
//! that reads to the same table (names and bit-identical values).
#![no_main]
use libfuzzer_sys::fuzz_target;
use nnstep::dataset::csv_io::{parse_csv, parse_csv_bytes, write_csv};

fuzz_target!(|data: &[u8]| {
    let Ok(table) = parse_csv_bytes(data, "fuzz.csv") else { return };
    let text = write_csv(&table);
    let again = parse_csv(&text, "again.csv").expect("a written table reads back");
    assert_eq!(again.columns, table.columns);
    assert_eq!(again.values.dim(), table.values.dim());
    for (a, b) in again.values.iter().zip(table.values.iter()) {
        assert_eq!(a.to_bits(), b.to_bits());
    }
});
