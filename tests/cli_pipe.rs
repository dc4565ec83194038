//! A reader that stops early (`nnstep list | head -1`) closes the pipe: every
//! printing command then ends quietly with success, never with a panic.

mod common;

use std::process::Stdio;

#[test]
fn every_printing_command_ends_quietly_on_a_closed_pipe() {
    let data = tempfile::tempdir().unwrap();
    let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/lessons/specs/ch04-line.yaml");
    let commands: &[&[&str]] = &[
        &["list"],
        &["list", "--lang", "zh"],
        &["schema"],
        &["progress"],
        &["progress", "review"],
        &["formula", r"\frac{a}{b}"],
        &["train", spec],
        &["eval", spec],
        &["check"],
        &["run", "ch04"],
    ];
    for args in commands {
        // The read end is closed before the program starts, so its first
        // write fails with a broken pipe, every time.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = common::command(data.path())
            .args(*args)
            .stdin(Stdio::null())
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = common::text(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(out.status.success(), "{args:?}: {:?} {err}", out.status);
    }
}
