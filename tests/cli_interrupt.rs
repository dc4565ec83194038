#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! Ctrl-C during a plain training run stops the run, says where, and the
//! command still ends normally with the parameters it reached.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

#[test]
fn ctrl_c_stops_a_plain_run_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("long.yaml");
    std::fs::File::create(&spec)
        .unwrap()
        .write_all(
            b"data: {builtin: complex}\nlayers: [{units: 3, activation: sigmoid}, {units: 1, activation: identity}]\nloss: mse\nlearning_rate: 0.5\nbatch_size: 10\nepochs: 80000\nseed: 9\n",
        )
        .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_nnstep"))
        .args(["train", spec.to_str().unwrap(), "--every", "500"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut seen = String::new();
    // The epoch-0 line is printed once the run has started and Ctrl-C is
    // armed; the run notices it at the next report line.
    loop {
        let mut line = String::new();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "ended early:\n{seen}"
        );
        seen.push_str(&line);
        if line.trim_start().starts_with("0 ") {
            break;
        }
    }
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    out.read_to_string(&mut seen).unwrap();
    let exit = child.wait().unwrap();
    assert!(exit.success(), "exit {exit:?}:\n{seen}");
    assert!(seen.contains("interrupted (Ctrl-C) after epoch"), "{seen}");
    assert!(
        seen.contains("W1 (1×3)"),
        "the parameters reached are printed:\n{seen}"
    );
}
