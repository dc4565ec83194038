#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! Book mode from the command line: `nnstep eval`, iteration checkpoints
//! with the last batch's loss and gradients, the final record's sets and
//! normalisation constants, and saturation files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn nnstep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nnstep"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn json_lines(out: &Output) -> Vec<Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const XOR: &str = "
data: {builtin: xor}
layers: [{units: 2, activation: sigmoid}, {units: 1, activation: sigmoid}]
loss: bce
weights:
  - {w: [[1.0, -1.0], [-1.0, 1.0]], b: [-0.5, -0.5]}
  - {w: [[2.0], [2.0]], b: [-1.0]}
learning_rate: 0.5
epochs: 3000
eps: 0.01
";

#[test]
fn eval_runs_the_forward_pass_only_and_lists_every_prediction() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "xor.yaml", XOR);
    let a = nnstep(&["eval", spec.to_str().unwrap(), "--format", "json"]);
    let b = nnstep(&["eval", spec.to_str().unwrap(), "--format", "json"]);
    assert_eq!(a.stdout, b.stdout, "deterministic");
    let lines = json_lines(&a);
    assert_eq!(lines.len(), 2, "the start and the final record");
    let fin = &lines[1];
    assert_eq!(fin["iteration"], 0);
    assert_eq!(fin["stop"]["reason"], "max_epochs");
    assert_eq!(
        fin["params"]["W1"][0][1], -1.0,
        "the given weights, untouched"
    );
    let preds = fin["sets"]["train"]["predictions"].as_array().unwrap();
    assert_eq!(preds.len(), 4);
    let s = |z: f64| 1.0 / (1.0 + (-z).exp());
    for p in preds {
        let (x1, x2) = (
            p["input"][0].as_f64().unwrap(),
            p["input"][1].as_f64().unwrap(),
        );
        let a = s(2.0 * s(x1 - x2 - 0.5) + 2.0 * s(x2 - x1 - 0.5) - 1.0);
        assert!((p["output"][0].as_f64().unwrap() - a).abs() < 1e-15);
    }
    assert_eq!(
        fin["sets"]["train"]["metric"], 0.5,
        "(0,0) and (1,1) are wrong"
    );
    let text = nnstep(&["eval", spec.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("evaluation only (epochs: 0)"), "{text}");
    assert!(text.contains("predictions on the training set"), "{text}");
}

#[test]
fn eval_of_a_file_with_no_rows_says_there_is_nothing_to_evaluate() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.csv", "x,y\n");
    let spec = write(
        dir.path(),
        "s.yaml",
        "data: {csv: empty.csv}\nlayers: [{units: 1, activation: identity}]\nloss: mse\nlearning_rate: 0.1\nepochs: 0\n",
    );
    let out = nnstep(&["eval", spec.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("no data rows") && err.contains("s.yaml:1:"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn iteration_checkpoints_carry_the_last_batch_and_its_gradients() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(
        dir.path(),
        "line.yaml",
        "data: {builtin: line}\nlayers: [{units: 1, activation: identity}]\nloss: mse\nnormalize: min_max\nlearning_rate: 0.1\nbatch_size: 10\nepochs: 2\nseed: 3\n",
    );
    let args = [
        "train",
        spec.to_str().unwrap(),
        "--format",
        "json",
        "--every",
        "3",
        "--unit",
        "iterations",
        "--grads",
    ];
    let lines = json_lines(&nnstep(&args));
    let iters: Vec<u64> = lines
        .iter()
        .map(|l| l["iteration"].as_u64().unwrap())
        .collect();
    assert_eq!(iters[..4], [0, 3, 6, 9]);
    assert_eq!(*iters.last().unwrap(), 20, "the final record");
    let cp = &lines[1];
    assert!(cp["batch_loss"].is_f64() && cp["batch_loss_before_step"].is_f64());
    assert!(cp["grads"]["dW"][0][0].is_f64() && cp["grads"]["dB"][0][0].is_f64());
    assert!(
        lines[0]["batch_loss"].is_null(),
        "no batch before the first step"
    );
    let fin = lines.last().unwrap();
    let norm = &fin["normalization"]["inputs"];
    assert_eq!(norm["statistic"], "min_max");
    assert_eq!(norm["rows"], 100);
    assert!(norm["columns"][0]["range"].as_f64().unwrap() > 0.5);
    assert!(fin["normalization"]["target"].is_null());
    let text = nnstep(&["train", spec.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("inputs normalised (min-max, over the 100 training rows): x: min "),
        "{text}"
    );
}

const SATURATION: &str = "saturation:
  activation: sigmoid
  start: {a: 0.9}
  target: 0.5
  learning_rate: 0.2
";

#[test]
fn a_saturation_file_reports_every_step_until_a_reaches_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "sat.yaml", SATURATION);
    let out = nnstep(&["train", spec.to_str().unwrap(), "--format", "json"]);
    let again = nnstep(&["train", spec.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.stdout, again.stdout);
    let lines = json_lines(&out);
    let fin = lines.last().unwrap();
    assert_eq!(fin["end"]["reason"], "reached");
    let steps = fin["end"]["steps"].as_u64().unwrap();
    assert_eq!(
        lines.len() as u64,
        steps + 2,
        "step 0 to the last, then the final record"
    );
    let text =
        String::from_utf8_lossy(&nnstep(&["train", spec.to_str().unwrap()]).stdout).to_string();
    assert!(
        text.contains(&format!("a reached 0.5 after {steps} steps")),
        "{text}"
    );
    let zh = nnstep(&["--lang", "zh", "train", spec.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&zh.stdout).contains("步后 a 到达 0.5"));
}

#[test]
fn bad_saturation_values_are_named_at_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "target: 0.5",
            "target: 1.5",
            "saturation.target",
            "sat.yaml:4:",
        ),
        (
            "start: {a: 0.9}",
            "start: {a: 1.0}",
            "saturation.start.a",
            "sat.yaml:3:",
        ),
        (
            "learning_rate: 0.2",
            "learning_rate: -0.2",
            "saturation.learning_rate",
            "sat.yaml:5:",
        ),
        (
            "learning_rate: 0.2",
            "learning_rate: fast",
            "learning_rate",
            "sat.yaml:5:",
        ),
        (
            "activation: sigmoid",
            "activation: softmax",
            "saturation.activation",
            "sat.yaml:2:",
        ),
    ];
    for (from, to, key, line) in cases {
        let spec = write(dir.path(), "sat.yaml", &SATURATION.replace(from, to));
        let out = nnstep(&["train", spec.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{to}: {err}");
        assert!(err.contains(key) && err.contains(line), "{to}: {err}");
        assert!(out.stdout.is_empty() && !err.contains("panicked"));
    }
}

#[test]
fn every_book_spec_runs_and_the_chapter_4_cadence_stops_on_a_checkpoint() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/specs/book");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let lines = json_lines(&nnstep(&[
            "train",
            path.to_str().unwrap(),
            "--format",
            "json",
        ]));
        let fin = lines.last().unwrap();
        assert_eq!(fin["type"], "final", "{}", path.display());
        if path.ends_with("ch04-full-batch-cadence.yaml") {
            assert_eq!(fin["stop"]["reason"], "reached_eps");
            assert_eq!(fin["stop"]["compare"], "below");
            assert_eq!(fin["stop"]["iteration"].as_u64().unwrap() % 10, 0);
        }
        count += 1;
    }
    assert!(count >= 6, "one book spec per procedure");
}
