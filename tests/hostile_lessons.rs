#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! A stranger's lesson, data file or progress file cannot drive the
//! terminal, exhaust memory, read files outside the lesson's folder, hang
//! the program or make it panic. Each case runs the built binary and reads
//! its output bytes: the case is refused (or sanitised) with a message
//! naming the problem, the exit code is 1 (never 101, a panic), and nothing
//! printed holds a byte below 0x20 other than a newline.
//!
//! The lesson cases are the files of `tests/fixtures/hostile/`; cases that
//! need a device, a FIFO, a link or a large file are made here.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::nnstep_in;

fn hostile(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// Runs nnstep with `args` and no input, saving progress in a fresh folder.
fn nnstep(args: &[&str]) -> Output {
    common::nnstep(args, "")
}

/// No byte below 0x20 but newline in either stream.
fn assert_clean(out: &Output) {
    for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        if let Some(i) = bytes.iter().position(|&b| b < 0x20 && b != b'\n') {
            panic!(
                "{name} holds byte {:#04x} at {i}: {:?}",
                bytes[i],
                String::from_utf8_lossy(bytes)
            );
        }
        let text = String::from_utf8_lossy(bytes);
        for c in text.chars() {
            let bad = ('\u{80}'..='\u{9f}').contains(&c)
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c);
            assert!(!bad, "{name} holds {:?}: {text}", c);
        }
    }
}

/// Checks `file` and expects a refusal that mentions every one of `parts`.
fn refused(args: &[&str], parts: &[&str]) -> String {
    let out = nnstep(args);
    assert_clean(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    for p in parts {
        assert!(err.contains(p), "expected {p:?} in:\n{err}");
    }
    err
}

fn check(name: &str, parts: &[&str]) -> String {
    let path = hostile(name);
    refused(&["check", path.to_str().unwrap()], parts)
}

#[test]
fn control_characters_written_in_a_lesson_are_refused_at_their_place() {
    let err = check(
        "injection_raw.yaml",
        &[
            "injection_raw.yaml:3:14",
            "ESC",
            "BEL",
            "carriage return",
            "bidirectional override",
        ],
    );
    assert!(err.contains("title: \"Nice ␛]0;pwned␇title\""), "{err}");
}

#[test]
fn control_characters_written_as_escapes_are_refused_at_their_key() {
    let err = check(
        "injection_escaped.yaml",
        &[
            "title: this string holds ESC",
            "steps[0].text:",
            "steps[1].formula[0]:",
            "steps[1].caption:",
            "steps[2].quiz[0].hints[0]:",
            "steps[2].quiz[0].explain:",
        ],
    );
    assert!(err.contains("injection_escaped.yaml:7:12"), "{err}");
}

#[test]
fn an_injection_lesson_is_refused_by_run_and_sends_no_control_character() {
    for name in ["injection_raw.yaml", "injection_escaped.yaml"] {
        let path = hostile(name);
        refused(
            &["run", path.to_str().unwrap(), "--plain"],
            &["not allowed"],
        );
    }
}

#[test]
fn huge_networks_are_refused_before_anything_is_allocated() {
    check(
        "huge_hidden_layer.yaml",
        &["a layer of 1000000 units is over the limit of 4096"],
    );
    check("several_big_layers.yaml", &["over the limit of 4096"]);
    check(
        "overflowing_units.yaml",
        &["18446744073709551615 units is over the limit"],
    );
}

#[test]
fn a_billion_epochs_is_refused_with_the_limit() {
    check(
        "billion_epochs.yaml",
        &["1000000000 epochs is over the limit of 1000000"],
    );
}

#[test]
fn a_lesson_cannot_read_files_outside_its_folder() {
    let passwd = check(
        "csv_etc_passwd.yaml",
        &["/etc/passwd: this data file is not read, because it is an absolute path"],
    );
    assert!(!passwd.contains("root:"), "no row of the file is quoted");
    check("csv_proc_environ.yaml", &["absolute path"]);
    check("csv_dotdot.yaml", &["climbs out with `..`"]);
    check("csv_dev_zero.yaml", &["absolute path"]);
}

#[test]
fn a_link_out_of_the_folder_is_refused_and_a_device_is_never_read() {
    if !Path::new("/dev/zero").exists() || !cfg!(unix) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.csv")).unwrap();
    let lesson = dir.path().join("zero.yaml");
    std::fs::write(
        &lesson,
        std::fs::read_to_string(hostile("csv_dev_zero.yaml"))
            .unwrap()
            .replace("/dev/zero", "zero.csv"),
    )
    .unwrap();
    let l = lesson.to_str().unwrap();
    refused(&["check", l], &["symbolic link"]);
    // Allowed anywhere, a device is still not read.
    refused(
        &["check", "--allow-data-anywhere", l],
        &["not a regular file"],
    );
}

#[test]
fn a_fifo_named_as_data_or_as_a_lesson_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.csv");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo here
    }
    let lesson = dir.path().join("fifo.yaml");
    std::fs::write(
        &lesson,
        std::fs::read_to_string(hostile("csv_dev_zero.yaml"))
            .unwrap()
            .replace("/dev/zero", "pipe.csv"),
    )
    .unwrap();
    refused(
        &["check", lesson.to_str().unwrap()],
        &["not a regular file"],
    );
    let lesson_fifo = dir.path().join("lesson.yaml");
    Command::new("mkfifo").arg(&lesson_fifo).status().unwrap();
    refused(
        &["check", lesson_fifo.to_str().unwrap()],
        &["not a regular file"],
    );
}

/// A lesson in `dir` whose one run reads `data.csv` there.
fn lesson_reading_csv(dir: &Path) -> PathBuf {
    let lesson = dir.join("l.yaml");
    std::fs::write(
        &lesson,
        std::fs::read_to_string(hostile("csv_dev_zero.yaml"))
            .unwrap()
            .replace("/dev/zero", "data.csv"),
    )
    .unwrap();
    lesson
}

#[test]
fn a_million_columns_are_refused_by_the_documented_limit() {
    let dir = tempfile::tempdir().unwrap();
    let header: Vec<String> = (0..1_000_000).map(|i| format!("c{i}")).collect();
    let row = vec!["1"; 1_000_000].join(",");
    std::fs::write(
        dir.path().join("data.csv"),
        format!("{}\n{row}\n", header.join(",")),
    )
    .unwrap();
    let lesson = lesson_reading_csv(dir.path());
    refused(
        &["check", lesson.to_str().unwrap()],
        &["the header has 1000000 columns; the limit is 10000"],
    );
}

#[test]
fn ten_thousand_distinct_columns_are_read_and_duplicates_found() {
    // Under the limit the header check is linear: 10 000 columns, the last
    // a duplicate of the first, found and named.
    let dir = tempfile::tempdir().unwrap();
    let mut header: Vec<String> = (0..9_999).map(|i| format!("c{i}")).collect();
    header.push("c0".into());
    std::fs::write(
        dir.path().join("data.csv"),
        format!("{}\n{}\n", header.join(","), vec!["1"; 10_000].join(",")),
    )
    .unwrap();
    let lesson = lesson_reading_csv(dir.path());
    refused(
        &["check", lesson.to_str().unwrap()],
        &["column name 'c0' appears twice (columns 1 and 10000)"],
    );
}

#[test]
fn an_oversized_data_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let mut f = std::fs::File::create(dir.path().join("data.csv")).unwrap();
    f.write_all(b"x,y\n").unwrap();
    f.write_all(&vec![b'9'; 17 * 1024 * 1024]).unwrap();
    f.write_all(b",1\n").unwrap();
    drop(f);
    let lesson = lesson_reading_csv(dir.path());
    refused(
        &["check", lesson.to_str().unwrap()],
        &["larger than the limit of 16 MB"],
    );
}

#[test]
fn a_bad_cell_is_quoted_as_a_short_printable_excerpt() {
    let dir = tempfile::tempdir().unwrap();
    let cell = format!("\u{1b}]0;pwned\u{7}{}", "a".repeat(100_000));
    std::fs::write(dir.path().join("data.csv"), format!("x,y\n1,2\n{cell},3\n")).unwrap();
    let lesson = lesson_reading_csv(dir.path());
    let err = refused(
        &["check", lesson.to_str().unwrap()],
        &[
            "row 3, column 1 ('x'): '␛]0;pwned␇",
            "bytes in all)' is not a number",
        ],
    );
    assert!(
        err.len() < 2_000,
        "the message stays short: {} bytes",
        err.len()
    );
}

#[test]
fn a_column_name_with_an_escape_sequence_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("data.csv"), "x\u{1b}[2J,y\n1,2\n").unwrap();
    let lesson = lesson_reading_csv(dir.path());
    refused(
        &["check", lesson.to_str().unwrap()],
        &["the column name holds ESC"],
    );
}

#[test]
fn an_alias_bomb_is_refused_before_it_expands() {
    check(
        "alias_bomb.yaml",
        &["more than 1000000 YAML values once its aliases (*name) are expanded"],
    );
}

#[test]
fn over_long_formulas_and_too_many_steps_are_refused_with_the_limit() {
    check(
        "long_formula.yaml",
        &["this formula is 10001 bytes long; the limit is 2000"],
    );
    check(
        "many_steps.yaml",
        &["the lesson has 1000 steps; the limit is 300"],
    );
}

#[test]
fn command_line_sizes_are_bounded() {
    let out = nnstep(&["formula", "x", "--width", "18446744073709551615"]);
    assert_eq!(out.status.code(), Some(2), "a usage error, not a panic");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--width"));
    let out = nnstep(&["formula", "x", "--width", "1000000000"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1..=1000"));
    let out = nnstep(&["formula", "x", "--width", "1000"]);
    assert!(out.status.success());
    assert!(out.stdout.len() < 2_000);
    let out = nnstep(&["train", "nothing.yaml", "--epochs", "1000000000"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 to 1000000"));
}

const ONE_QUESTION: &str = "id: race
chapter: 4
title: Race
summary: One question.
steps:
  - id: q
    title: Quiz
    quiz:
      - id: n
        ask: 1 + 1?
        number: {answer: 2, abs: 0.1}
";

#[test]
fn a_progress_file_at_the_largest_count_saturates_instead_of_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = dir.path().join("race.yaml");
    std::fs::write(&lesson, ONE_QUESTION).unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(
        data.join("progress.json"),
        r#"{"version": 2, "learner": 1, "lessons": {"race": {"quiz": {"q": {"n":
            {"attempts": 4294967295, "hints_used": 4294967295, "outcome": "missed"}}}}}}"#,
    )
    .unwrap();
    let out = nnstep_in(&data, &["run", lesson.to_str().unwrap(), "--plain"], "5\n");
    assert_clean(&out);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(data.join("progress.json")).unwrap();
    assert!(text.contains("\"attempts\": 4294967295"), "{text}");
}

#[test]
fn a_corrupt_progress_file_is_moved_aside_and_run_plain_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = dir.path().join("race.yaml");
    std::fs::write(&lesson, ONE_QUESTION).unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("progress.json"), "{\"version\": 2, \u{1b}]0;x").unwrap();
    let out = nnstep_in(&data, &["run", lesson.to_str().unwrap(), "--plain"], "2\n");
    assert_clean(&out);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("note: the progress file could not be read")
            && err.contains("progress.json.corrupt-"),
        "{err}"
    );
}

#[test]
fn progress_entries_with_control_characters_are_dropped_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = dir.path().join("race.yaml");
    std::fs::write(&lesson, ONE_QUESTION).unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(
        data.join("progress.json"),
        "{\"version\": 2, \"learner\": 1, \"lessons\": {\"x\\u001b]0;pwned\\u0007\": {\"seen\": [\"a\"]}}}",
    )
    .unwrap();
    let out = nnstep_in(&data, &["progress"], "");
    assert_clean(&out);
    let out = nnstep_in(&data, &["run", lesson.to_str().unwrap(), "--plain"], "2\n");
    assert_clean(&out);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("1 entries with impossible names"), "{err}");
}
