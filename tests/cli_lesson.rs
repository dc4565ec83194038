//! The lesson commands, run as the built binary: `run --plain` in a pipe,
//! `check`, `list` and `schema`.

#![allow(clippy::unwrap_used)] // helpers outside #[test] functions unwrap too

mod common;

use common::{nnstep, text};

/// Right answers to every ch04 question, in order.
/// The two generated questions (own numbers) are skipped with empty lines.
/// The quiz answers of ch04, with the prediction before the comparison of
/// batch sizes (option 2: SGD's loss rises and falls between epochs).
const CH04_ANSWERS: &str = "1.5\n-1.25\n-2.5\n1.125\n\n\n2\n10\n3\n2\n";

#[test]
fn run_ch04_plain_in_a_pipe_grades_every_answer() {
    let out = nnstep(&["run", "ch04", "--plain"], CH04_ANSWERS);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(stdout.starts_with("Chapter 4 · Linear regression with one variable"));
    assert!(stdout.contains("== Step 1/20: The problem =="));
    assert!(stdout.contains("W (1×1) =\n  [ 2.0621 ]"), "{stdout}");
    assert!(stdout.contains("stopped: stopped after the maximum of 10 epochs"));
    assert!(stdout.contains("training loss by epoch:"));
    assert!(stdout.contains("full batch"));
    assert_eq!(stdout.matches("→ right").count(), 7, "{stdout}");
    assert!(stdout.contains("Quiz: 7 of 9 right, 2 unanswered."));
    assert!(
        stdout.contains("Predict, then see: you predicted: drop fast, then rise and fall"),
        "{stdout}"
    );
    assert!(stdout.contains("✓ right"), "{stdout}");
    for line in stdout.lines().filter(|l| !l.starts_with("data ")) {
        let w = unicode_width::UnicodeWidthStr::width(line);
        assert!(
            w <= 80 || !line.contains(' ') || line.contains('\\'),
            "too wide ({w}): {line}"
        );
    }
}

#[test]
fn run_ch04_in_chinese_wraps_on_display_width() {
    let out = nnstep(
        &["run", "ch04", "--plain", "--lang", "zh"],
        "1.5\n0\n\n2.5\n",
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(stdout.starts_with("第 4 章 · 单变量线性回归"));
    assert!(stdout.contains("== 步骤 9/20：手算梯度 =="), "{stdout}");
    assert!(stdout.contains("→ 正确"));
    assert!(stdout.contains("→ 不对"));
    assert!(stdout.contains("→ 不对：大小对了，符号不对"));
    assert!(stdout.contains("未作答（输入已结束）"));
    assert!(
        stdout.contains("测验：共 9 题，答对 1 题，未答 6 题。"),
        "{stdout}"
    );
    for line in stdout
        .lines()
        .filter(|l| l.chars().any(|c| c as u32 >= 0x4E00))
    {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
}

#[test]
fn the_language_defaults_to_the_locale() {
    let data = tempfile::tempdir().unwrap();
    let out = common::command(data.path())
        .args(["run", "ch04", "--plain"])
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert!(text(&out.stdout).starts_with("第 4 章"));
}

#[test]
fn run_with_no_input_marks_every_question_unanswered() {
    let out = nnstep(&["run", "ch04", "--plain"], "");
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("Quiz: 0 of 9 right, 9 unanswered."));
}

#[test]
fn a_plain_run_ends_by_naming_the_next_lesson_or_the_course_end() {
    let out = nnstep(&["run", "ch04", "--plain"], "");
    let stdout = text(&out.stdout);
    let tail: Vec<&str> = stdout.trim_end().lines().rev().take(3).collect();
    assert!(
        tail.iter().any(|l| l.contains("nnstep run ch05 --plain")),
        "{tail:?}"
    );
    let last = nnstep::lesson::Catalog::builtin()
        .entries()
        .last()
        .unwrap()
        .id
        .clone()
        .unwrap();
    let out = nnstep(&["run", &last, "--plain"], "");
    let stdout = text(&out.stdout);
    let done = nnstep::words::course::course_done(nnstep::lesson::Lang::En);
    assert_eq!(stdout.trim_end().lines().last(), Some(done));
}

#[test]
fn run_an_unknown_lesson_lists_the_known_ones() {
    let out = nnstep(&["run", "ch99", "--plain"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("the lessons are: overview, ch04"));
}

#[test]
fn check_with_no_paths_checks_the_built_ins_cleanly() {
    let out = nnstep(&["check"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("ok: built-in:ch04.yaml (ch04)"));
}

#[test]
fn check_on_the_bad_fixtures_fails_and_points_at_each_mistake() {
    let out = nnstep(&["check", "tests/fixtures/lessons/bad"], "");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    for at in [
        "dup_step_id.yaml:9:9",
        "unknown_dataset.yaml:9:23",
        "unknown_column.yaml:10:39",
        "layer_loss_mismatch.yaml:12:23",
        "quiz_answer_outside.yaml:13:19",
        "missing_translation.yaml:7:12",
        "unknown_key.yaml:8:5",
        "unknown_activation.yaml:10:39",
        "bad_tolerance.yaml:11:34",
        "missing_key.yaml:6:5",
        "duplicate_key.yaml:9:5",
        "two_kinds.yaml:9:14",
        "several.yaml:28:34",
    ] {
        assert!(err.contains(at), "{at} missing from:\n{err}");
    }
    assert!(err.contains("21 lesson file(s) checked"), "{err}");
}

#[test]
fn check_accepts_the_good_fixture() {
    let out = nnstep(&["check", "tests/fixtures/lessons/good/small.yaml"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn a_lessons_folder_adds_to_the_catalog() {
    let out = nnstep(&["--lessons", "tests/fixtures/lessons/good", "list"], "");
    let stdout = text(&out.stdout);
    assert!(out.status.success());
    assert!(stdout.contains("ch04"), "{stdout}");
    assert!(stdout.contains("small"), "{stdout}");
    let run = nnstep(
        &[
            "--lessons",
            "tests/fixtures/lessons/good",
            "run",
            "small",
            "--plain",
        ],
        "2\nb\n",
    );
    assert!(
        text(&run.stdout).contains("Quiz: 2 of 2 right"),
        "{}",
        text(&run.stdout)
    );
}

#[test]
fn list_shows_id_chapter_title_and_steps() {
    let out = nnstep(&["list", "--lang", "zh"], "");
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("ch04      4   单变量线性回归        20"),
        "{stdout}"
    );
}

#[test]
fn schema_prints_json() {
    let out = nnstep(&["schema"], "");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "nnstep lesson");
}

#[test]
fn a_step_number_out_of_range_is_an_error_not_a_panic() {
    for step in ["0", "999", "18446744073709551615"] {
        let out = nnstep(&["run", "ch04", "--plain", "--step", step], "");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "--step {step}: {err}");
    }
}
