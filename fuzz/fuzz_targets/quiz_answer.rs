//! Quiz answer parsing never panics, whatever the learner types.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nnstep::quiz::{parse_matrix, parse_number};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = parse_number(text);
    let _ = parse_matrix(text);
});
