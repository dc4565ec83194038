#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! `nnstep train` as a user runs it: good specs train, bad specs get one clear
//! message naming the place and what was expected, with a non-zero exit.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const GOOD: &str = "\
data: {builtin: line}
layers:
  - {units: 1, activation: identity}
loss: mse
learning_rate: 0.1
batch_size: 10
epochs: 30
seed: 3
";

fn nnstep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nnstep"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn write_spec(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write spec");
    path
}

/// Runs a bad spec and returns its stderr, checking the failure is clean.
fn fails_with(text: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_spec(dir.path(), "bad.yaml", text);
    let out = nnstep(&["train", path.to_str().expect("utf-8 path")]);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        out.stdout.is_empty(),
        "nothing is trained: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    stderr
}

#[test]
fn same_spec_and_seed_give_byte_identical_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let spec = GOOD
        .replace("{builtin: line}", "{builtin: complex}")
        .replace(
            "units: 1, activation: identity",
            "units: 3, activation: sigmoid}\n  - {units: 1, activation: identity",
        );
    let path = write_spec(
        dir.path(),
        "s.yaml",
        &format!("{spec}shuffle: true\nvalidation: 0.1\n"),
    );
    let p = path.to_str().expect("utf-8 path");
    let a = nnstep(&["train", p, "--format", "json", "--every", "1"]);
    let b = nnstep(&["train", p, "--format", "json", "--every", "1"]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    let c = nnstep(&["train", p, "--format", "json", "--seed", "99"]);
    assert_ne!(a.stdout, c.stdout, "another seed gives another run");
}

#[test]
fn json_lines_hold_checkpoints_then_a_final_object() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_spec(dir.path(), "s.yaml", GOOD);
    let out = nnstep(&[
        "train",
        path.to_str().expect("utf-8"),
        "--format",
        "json",
        "--every",
        "10",
    ]);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 5, "epochs 0, 10, 20, 30 and the final object");
    assert_eq!(lines[1]["epoch"], 10);
    assert!(lines[1]["params"]["W"][0][0].is_f64());
    let last = &lines[4];
    assert_eq!(last["type"], "final");
    assert_eq!(last["stop"]["reason"], "max_epochs");
}

#[test]
fn text_output_reports_parameters_and_draws_charts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_spec(
        dir.path(),
        "s.yaml",
        &format!("{GOOD}closed_form: true\npredict: [[0.5]]\n"),
    );
    let out = nnstep(&["train", path.to_str().expect("utf-8")]);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("W (1×1) = [["), "{text}");
    assert!(text.contains("closed form (normal equation)"), "{text}");
    assert!(text.contains("predict [0.5] →"), "{text}");
    assert!(text.contains("training loss by epoch"), "{text}");
    assert!(
        text.chars().any(|c| ('\u{2800}'..='\u{28ff}').contains(&c)),
        "a Braille chart"
    );
}

#[test]
fn csv_paths_are_relative_to_the_spec_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("pts.csv"), "a,b\n0,1\n1,3\n2,5\n3,7\n").expect("csv");
    let spec = GOOD.replace("{builtin: line}", "{csv: pts.csv}") + "closed_form: true\n";
    let path = write_spec(dir.path(), "s.yaml", &spec);
    let out = nnstep(&["train", path.to_str().expect("utf-8")]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("closed form (normal equation): W = [[2.0000000000]], B = [[1.0000000000]]"),
        "{text}"
    );
}

#[test]
fn unknown_activation_lists_the_valid_ones_at_its_line() {
    let err = fails_with(&GOOD.replace("activation: identity", "activation: swish"));
    assert!(err.contains("bad.yaml:3:"), "{err}");
    assert!(
        err.contains("unknown variant `swish`") && err.contains("sigmoid"),
        "{err}"
    );
}

#[test]
fn layers_that_cannot_connect_name_both_shapes() {
    let spec = format!("{GOOD}weights:\n  - {{w: [[1.0], [2.0]], b: [0.0]}}\n");
    let err = fails_with(&spec);
    assert!(
        err.contains("W1 must be 1×1 (1 inputs, 1 units), found 2×1"),
        "{err}"
    );
    assert!(err.contains("bad.yaml:10:"), "{err}");
}

#[test]
fn output_layer_that_does_not_fit_the_loss_is_named() {
    let spec = GOOD
        .replace("loss: mse", "loss: bce")
        .replace("{builtin: line}", "{builtin: chuhan}");
    let err = fails_with(&spec);
    assert!(err.contains("layers[0].activation: the loss binary_cross_entropy needs an output layer with one unit with activation sigmoid"), "{err}");
}

#[test]
fn missing_csv_names_the_file() {
    let err = fails_with(&GOOD.replace("{builtin: line}", "{csv: nowhere.csv}"));
    assert!(
        err.contains("nowhere.csv") && err.contains("cannot read"),
        "{err}"
    );
    assert!(err.contains("data.csv"), "{err}");
}

#[test]
fn non_numeric_cell_names_row_column_and_value() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("d.csv"), "x,y\n1,2\n3,abc\n").expect("csv");
    let path = write_spec(
        dir.path(),
        "bad.yaml",
        &GOOD.replace("{builtin: line}", "{csv: d.csv}"),
    );
    let out = nnstep(&["train", path.to_str().expect("utf-8")]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("row 3") && err.contains("'abc'") && err.contains("column 2"),
        "{err}"
    );
}

#[test]
fn learning_rate_at_or_below_zero_is_refused_with_a_hint() {
    let err = fails_with(&GOOD.replace("learning_rate: 0.1", "learning_rate: -0.1"));
    assert!(
        err.contains("learning_rate: the learning rate must be a number above 0, found -0.1"),
        "{err}"
    );
    assert!(
        err.contains("bad.yaml:5:16") && err.contains("^^^^") && err.contains("hint:"),
        "{err}"
    );
    fails_with(&GOOD.replace("learning_rate: 0.1", "learning_rate: 0"));
}

#[test]
fn a_negative_epoch_count_is_refused_at_its_line() {
    let err = fails_with(&GOOD.replace("epochs: 30", "epochs: -1"));
    assert!(err.contains("bad.yaml:7:"), "{err}");
    assert!(err.contains("-1"), "{err}");
}

#[test]
fn unknown_key_is_named_with_the_expected_ones() {
    let err = fails_with(&format!("{GOOD}learning_rte: 0.2\n"));
    assert!(
        err.contains("unknown field `learning_rte`") && err.contains("learning_rate"),
        "{err}"
    );
    assert!(err.contains("bad.yaml:9:"), "{err}");
}

#[test]
fn several_problems_are_all_reported() {
    let err = fails_with(
        &GOOD
            .replace("learning_rate: 0.1", "learning_rate: 0")
            .replace("batch_size: 10", "batch_size: 0"),
    );
    assert!(
        err.contains("learning rate") && err.contains("batch size") && err.contains("2 problem(s)"),
        "{err}"
    );
}

#[test]
fn missing_spec_file_is_an_error_not_a_panic() {
    let out = nnstep(&["train", "/no/such/spec.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot read the spec file /no/such/spec.yaml"),
        "{err}"
    );
}

#[test]
fn every_shipped_chapter_spec_resolves() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/specs");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("lessons/specs exists") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(&path).expect("read");
            let spec = nnstep::spec::TrainSpec::from_yaml(&text)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            nnstep::spec::resolve(&spec, &dir)
                .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
            count += 1;
        }
    }
    assert!(count >= 8, "a spec per chapter's main run");
}
