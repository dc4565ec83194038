//! Progress loading never panics, and a file that loads saves and reloads
//! to the same progress.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nnstep::progress::store::parse_for_test;

fuzz_target!(|data: &[u8]| {
    let Ok(p) = parse_for_test(data) else { return };
    let json = serde_json::to_vec(&p).expect("progress serialises");
    let again = parse_for_test(&json).expect("saved progress reloads");
    assert_eq!(again, p);
});
