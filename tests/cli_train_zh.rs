#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! `nnstep train` and `nnstep eval` with `--lang zh`: a bad spec's problems,
//! the frame around them and the count line are Chinese, with the same
//! places and the same exit code as in English; the English is unchanged.

use std::path::Path;
use std::process::{Command, Output};

fn nnstep(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nnstep"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// A folder with the brief's bad data file and a spec with a bad learning
/// rate that reads it.
fn bad_spec() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.csv"), "x,y\n1,2\n3,abc\n").unwrap();
    std::fs::write(
        dir.path().join("spec.yaml"),
        "data: {csv: bad.csv, features: [x], target: y}\n\
         layers: [{units: 1, activation: identity}]\n\
         loss: mse\n\
         learning_rate: -1\n\
         epochs: 10\n",
    )
    .unwrap();
    dir
}

/// The English words in the lines that are not the file's own text (the
/// quoted source line and the `-->` place), leaving out the names that
/// come from the file.
fn english_words(stderr: &str, names: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for line in stderr.lines() {
        let t = line.trim_start();
        if t.starts_with("-->") || line.contains(" | ") || t == "|" {
            continue;
        }
        for word in t.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
            if word.chars().any(|c| c.is_ascii_alphabetic()) && !names.contains(&word) {
                out.push(word.to_string());
            }
        }
    }
    out
}

const NAMES: &[&str] = &[
    "learning_rate",
    "data",
    "csv",
    "bad",
    "spec",
    "yaml",
    "y",
    "abc",
];

#[test]
fn a_bad_spec_is_explained_in_chinese_with_exit_code_1() {
    let dir = bad_spec();
    for command in ["train", "eval"] {
        let out = nnstep(dir.path(), &[command, "spec.yaml", "--lang", "zh"]);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(out.stdout.is_empty(), "nothing is trained");
        for said in [
            "错误：learning_rate：学习率必须是大于 0 的数，现在是 -1\n",
            " --> spec.yaml:4:16\n",
            "  = 提示：常用的值在 0.01 到 0.5 之间\n",
            "错误：data.csv：bad.csv，第 3 行，第 2 列（“y”）：“abc”不是数字\n",
            "spec.yaml：2 个问题，没有进行训练\n",
        ] {
            assert!(stderr.contains(said), "{said:?} missing from:\n{stderr}");
        }
        let english = english_words(&stderr, NAMES);
        assert!(english.is_empty(), "English {english:?} in:\n{stderr}");
    }
}

#[test]
fn the_english_report_is_as_it_always_was() {
    let dir = bad_spec();
    let out = nnstep(dir.path(), &["train", "spec.yaml", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "\
error: learning_rate: the learning rate must be a number above 0, found -1
 --> spec.yaml:4:16
  |
4 | learning_rate: -1
  |                ^^
  = hint: typical values are 0.01 to 0.5
error: data.csv: bad.csv, row 3, column 2 ('y'): 'abc' is not a number
 --> spec.yaml:1:13
  |
1 | data: {csv: bad.csv, features: [x], target: y}
  |             ^^^^^^^
spec.yaml: 2 problem(s); nothing was trained
"
    );
}

#[test]
fn serde_yamls_complaint_and_a_missing_file_are_chinese_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("s.yaml"),
        "data: {builtin: line}\nlayers: [{unit: 1, activation: identity}]\n",
    )
    .unwrap();
    let out = nnstep(dir.path(), &["train", "s.yaml", "--lang", "zh"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("错误：layers[0]：未知的键 `unit`，可用的键：`units`、`activation`\n"),
        "{stderr}"
    );
    let english = english_words(
        &stderr,
        &["layers", "unit", "units", "activation", "s", "yaml"],
    );
    assert!(english.is_empty(), "English {english:?} in:\n{stderr}");

    let out = nnstep(dir.path(), &["eval", "missing.yaml", "--lang", "zh"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr,
        "错误：无法读取规格文件 missing.yaml：找不到这个文件\n"
    );
}

#[test]
fn a_saturation_exercise_says_nothing_was_run_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("sat.yaml"),
        "saturation: {activation: sigmoid, start: {a: 0.9}, target: 1.5, learning_rate: 0.2}\n",
    )
    .unwrap();
    let out = nnstep(dir.path(), &["train", "sat.yaml", "--lang", "zh"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("sat.yaml：1 个问题，没有运行\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("= 提示：sigmoid 的输出在 (0, 1) 之内"),
        "{stderr}"
    );
    let english = english_words(&stderr, &["saturation", "target", "sat", "yaml", "sigmoid"]);
    assert!(english.is_empty(), "English {english:?} in:\n{stderr}");
}

/// A lesson whose data file turns bad after the lesson was checked: the
/// plain runner names the problem in the learner's language.
#[test]
fn the_plain_runner_names_a_spec_problem_in_chinese() {
    use nnstep::lesson::{Lang, load_str};
    use nnstep::plain::runner::{self, Options};
    use nnstep::session::Session;

    const LESSON: &str = "
id: dz
chapter: 4
title: {en: Data, zh: 数据}
summary: {en: One run., zh: 一次训练。}
steps:
  - id: run
    title: {en: A run, zh: 一次训练}
    train:
      data: {csv: d.csv, features: [x], target: y}
      layers: [{units: 1, activation: identity}]
      loss: mse
      learning_rate: 0.1
      epochs: 2
";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.csv"), "x,y\n1,2\n3,4\n").unwrap();
    let lesson = load_str("dz.yaml", LESSON, dir.path()).unwrap();
    std::fs::write(dir.path().join("d.csv"), "x,y\n1,2\n3,abc\n").unwrap();
    for (lang, said) in [
        (
            Lang::Zh,
            "data.csv：d.csv，第 3 行，第 2 列（“y”）：“abc”不是数字",
        ),
        (
            Lang::En,
            "data.csv: d.csv, row 3, column 2 ('y'): 'abc' is not a number",
        ),
    ] {
        let mut s = Session::new(lesson.clone());
        let mut out = Vec::new();
        let opts = Options {
            lang,
            ..Options::default()
        };
        runner::run(&mut s, &mut "".as_bytes(), &mut out, opts).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains(said), "{said:?} missing from:\n{out}");
    }
}

#[test]
fn nnstep_check_frames_and_counts_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("l.yaml"), "id: x\ntitle: {en: a}\n").unwrap();
    let out = nnstep(dir.path(), &["check", "l.yaml", "--lang", "zh"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("错误：从这里开始的映射中缺少键 `chapter`\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("  = 提示：在这个映射中加上 `chapter: …`\n"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("检查了 1 个课程文件：1 个文件中共有 1 个问题\n"),
        "{stderr}"
    );
    let out = nnstep(dir.path(), &["check", "l.yaml", "--lang", "en"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr
            .starts_with("error: the key `chapter` is missing from the mapping that starts here\n"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("1 lesson file(s) checked: 1 problem(s) in 1 file(s)\n"),
        "{stderr}"
    );
}
