//! Lesson loading and validation never panic, and a lesson that loads can
//! be walked through every step by a session.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nnstep::lesson;
use nnstep::session::Session;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let base = std::path::Path::new("/nonexistent-fuzz-dir");
    if let Ok(l) = lesson::load_str("fuzz.yaml", text, base) {
        let n = l.steps.len();
        let mut s = Session::new(l);
        for i in 0..n {
            let _ = s.goto(i);
        }
    }
});
