//! What the integration tests share: running the built binary as a user
//! would, in a known language, with saved results in a folder of the
//! test's own (never the tester's).
//!
//! Each test file is its own crate and uses only some of these.

#![allow(dead_code, clippy::unwrap_used)]

pub mod screen;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `nnstep ARGS` with `stdin` as its input and its data in `data`.
/// The language is English unless the arguments say otherwise (`LANG=C`,
/// no `LC_*`).
pub fn nnstep_in(data: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = command(data)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A program that ends before reading all its input closes the pipe;
    // what it printed is still the result.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

/// [`nnstep_in`] with a fresh data folder, removed afterwards.
pub fn nnstep(args: &[&str], stdin: &str) -> Output {
    let data = tempfile::tempdir().unwrap();
    nnstep_in(data.path(), args, stdin)
}

/// The binary with the test's data folder and language set, for tests
/// that need more (other environment, a child they talk to).
pub fn command(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_nnstep"));
    c.env("NNSTEP_DATA_DIR", data)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

/// A stream as text (invalid UTF-8 shown as U+FFFD).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
