//! Hostile or broken lesson files fail fast with a clear message, never a
//! hang, a panic or an exhausted memory.

#![allow(clippy::unwrap_used)] // helpers outside #[test] functions unwrap too

use std::path::Path;
use std::time::{Duration, Instant};

use nnstep::lesson;

/// Loads `bytes` from a temporary file and returns the first message,
/// checking that it took under a second.
fn first_error(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lesson.yaml");
    std::fs::write(&path, bytes).unwrap();
    let start = Instant::now();
    let result = lesson::load_file(&path);
    let took = start.elapsed();
    assert!(took < Duration::from_secs(1), "took {took:?}");
    match result {
        Ok(l) => panic!("loaded lesson {}", l.id),
        Err(d) => d[0].to_string(),
    }
}

#[test]
fn a_50_mb_file_is_refused_before_parsing() {
    let big = vec![b'#'; 50 * 1024 * 1024];
    let msg = first_error(&big);
    assert!(msg.contains("larger than the limit of 1 MB"), "{msg}");
}

#[test]
fn a_non_utf8_file_names_the_line_and_column() {
    let msg = first_error(b"id: x\nchapter: 4\ntitle: caf\xe9\n");
    assert!(msg.contains("not valid UTF-8"), "{msg}");
    assert!(msg.contains("lesson.yaml:3:11"), "{msg}");
}

#[test]
fn deeply_nested_flow_yaml_is_refused_before_parsing() {
    let deep = format!("id: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let msg = first_error(deep.as_bytes());
    assert!(msg.contains("nested more than 64 levels"), "{msg}");
}

#[test]
fn deeply_nested_block_yaml_is_refused_before_parsing() {
    let deep: String = (0..1000)
        .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
        .collect();
    let msg = first_error(deep.as_bytes());
    assert!(msg.contains("nested more than 64 levels"), "{msg}");
}

/// "Billion laughs": nine levels of nine aliases each, 9⁹ strings if expanded.
fn alias_bomb() -> String {
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    let mut y = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for w in names.windows(2) {
        let (prev, name) = (w[0], w[1]);
        let refs = vec![format!("*{prev}"); 9].join(", ");
        y.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    y
}

#[test]
fn an_alias_bomb_in_a_lesson_fails_fast() {
    let bomb = alias_bomb().replace("\ni: ", "\nsteps: ");
    let text = format!("id: x\nchapter: 4\ntitle: t\nsummary: s\n{bomb}");
    let msg = first_error(text.as_bytes());
    assert!(msg.starts_with("error:"), "{msg}");
}

#[test]
fn serde_yaml_refuses_to_expand_an_alias_bomb() {
    // The guard the loader relies on for any value it deserialises.
    let start = Instant::now();
    let err = serde_yaml::from_str::<serde_yaml::Value>(&alias_bomb()).unwrap_err();
    assert!(err.to_string().contains("repetition limit"), "{err}");
    assert!(start.elapsed() < Duration::from_secs(1));
}

#[test]
fn bad_indentation_is_a_located_syntax_error() {
    let msg = first_error(b"id: x\nchapter: 4\n  title: y\n title: z\n");
    assert!(msg.contains("lesson.yaml:"), "{msg}");
}

#[test]
fn a_missing_file_is_an_error_not_a_panic() {
    let r = lesson::load_file(Path::new("/nonexistent/lesson.yaml"));
    assert!(
        r.unwrap_err()[0]
            .message
            .contains("cannot read the lesson file")
    );
}
