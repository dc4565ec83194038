//! The command line in Chinese, run as the built binary: what `--lang zh`
//! prints around a lesson (the notes and errors on standard error, the
//! lesson list, a headless training report) is Chinese, as the lesson
//! screens are (those are checked by tests/language_purity.rs).

#![allow(clippy::unwrap_used)] // helpers outside #[test] functions unwrap too

mod common;

use common::{nnstep, text};

/// Latin words these outputs may hold: commands and options, lesson ids,
/// dataset and column names, and the names the book keeps in English.
const LATIN_OK: &[&str] = &[
    "nnstep", "open", "run", "list", "plain", "overview", "line", "house", "chuhan", "gates",
    "kingdoms", "sine", "complex", "xor", "arc", "bank", "sigmoid", "softmax", "relu", "tanh",
];

/// English that an allow-list of short names would let through.
const NEVER: &[&str] = &["min-max", "z-score", "note:", "error:", "warning:"];

/// The Latin words (three letters or more) of `s` that are not allowed,
/// and the phrases of [`NEVER`] it holds.
fn english(s: &str) -> Vec<String> {
    let mut out: Vec<String> = (NEVER.iter())
        .filter(|p| s.contains(*p))
        .map(|p| (*p).to_string())
        .collect();
    for word in s.split(|c: char| !c.is_ascii_alphabetic()) {
        if word.len() >= 3 && !LATIN_OK.contains(&word) {
            out.push(word.to_string());
        }
    }
    out
}

#[test]
fn the_check_finds_english_and_lets_names_through() {
    assert_eq!(english("note: printing"), ["note:", "note", "printing"]);
    assert_eq!(
        english("输入已归一化（min-max，按"),
        ["min-max", "min", "max"]
    );
    assert!(english("提示：`nnstep open ch04` 可以全屏查看；数据 line，x → y").is_empty());
}

#[test]
fn running_a_lesson_without_plain_notes_it_in_chinese() {
    let out = nnstep(&["--lang", "zh", "run", "overview"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("nnstep open overview"), "{err}");
    assert_eq!(english(&err), Vec::<String>::new(), "{err}");
}

#[test]
fn a_step_the_lesson_lacks_is_named_in_chinese() {
    for cmd in ["run", "open"] {
        let out = nnstep(&["--lang", "zh", cmd, "ch04", "--step", "99"], "");
        assert!(!out.status.success());
        let err = text(&out.stderr);
        // `open` in a pipe stops before it looks for the step: it needs a
        // terminal, and says so.
        let expected = if cmd == "run" { "第 99 步" } else { "终端" };
        assert!(err.contains(expected), "{cmd}: {err}");
        assert_eq!(english(&err), Vec::<String>::new(), "{cmd}: {err}");
    }
}

#[test]
fn the_lesson_list_and_a_training_report_are_chinese() {
    let out = nnstep(&["--lang", "zh", "list"], "");
    assert!(out.status.success());
    let list = text(&out.stdout);
    assert!(list.contains("单变量线性回归"), "{list}");
    assert_eq!(english(&list), Vec::<String>::new(), "{list}");

    let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/lessons/specs/ch05-house.yaml");
    let out = nnstep(&["--lang", "zh", "train", spec], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout) + &text(&out.stderr);
    assert!(report.contains("归一化"), "{report}");
    assert_eq!(english(&report), Vec::<String>::new(), "{report}");
}

#[test]
fn the_saved_progress_is_shown_in_chinese() {
    let data = tempfile::tempdir().unwrap();
    let out = common::nnstep_in(data.path(), &["--lang", "zh", "progress"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let empty = text(&out.stdout);
    assert!(empty.contains("还没有保存任何进度"), "{empty}");
    // One answer saved by the plain runner (which keeps quiz results, not
    // the step), then the table.
    let run = common::nnstep_in(
        data.path(),
        &["--lang", "zh", "run", "ch04", "--plain", "--step", "9"],
        "1.5\n",
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    let out = common::nnstep_in(data.path(), &["--lang", "zh", "progress"], "");
    let table = text(&out.stdout);
    assert!(
        table.contains("单变量线性回归") && table.contains("已看"),
        "{table}"
    );
    // The file's path is the tester's own and may hold any word.
    let shown: String = table.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(english(&shown), Vec::<String>::new(), "{table}");
}

#[test]
fn the_questions_to_review_are_listed_in_chinese() {
    let data = tempfile::tempdir().unwrap();
    // Three wrong answers to the first question of ch04 step 9.
    let args = ["--lang", "zh", "run", "ch04", "--plain", "--step", "9"];
    let run = common::nnstep_in(data.path(), &args, "0\n0\n0\n");
    assert!(run.status.success(), "{}", text(&run.stderr));
    let out = common::nnstep_in(data.path(), &["--lang", "zh", "progress", "review"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let review = text(&out.stdout);
    for part in [
        "第 9 步：手算梯度",
        "（没有答对；作答 3 次，提示 0 次）",
        "共 1 道题待复习",
    ] {
        assert!(review.contains(part), "{part}: {review}");
    }
    for english in ["step", "missed", "attempt", "review"] {
        assert!(!review.contains(english), "{english}: {review}");
    }
}
