//! Lesson fixtures: the good ones load, each bad one reports its mistake at
//! the right line and column, and the rendered diagnostics are snapshot-tested.

#![allow(clippy::unwrap_used)] // helpers outside #[test] functions unwrap too

use std::path::Path;

use nnstep::lesson::{self, Catalog};

const BAD: &str = "tests/fixtures/lessons/bad";

/// Loads `bad/<name>` and renders its diagnostics with a stable file name.
fn diagnostics(name: &str) -> Vec<nnstep::diagnostic::Diagnostic> {
    let path = Path::new(BAD).join(name);
    let bytes = std::fs::read(&path).unwrap();
    let shown = format!("bad/{name}");
    let text = match lesson::load::text_from_bytes(&shown, bytes) {
        Ok(t) => t,
        Err(d) => return vec![d],
    };
    match lesson::load_str(&shown, &text, Path::new(BAD)) {
        Ok(l) => panic!("{name} loaded as lesson {}", l.id),
        Err(d) => d,
    }
}

fn render(name: &str) -> String {
    diagnostics(name).iter().map(ToString::to_string).collect()
}

#[test]
fn every_built_in_lesson_checks_clean() {
    let cat = Catalog::builtin();
    assert!(!cat.entries().is_empty());
    for e in cat.entries() {
        if let Err(d) = e.load() {
            let text: String = d.iter().map(ToString::to_string).collect();
            panic!("{} has problems:\n{text}", e.file());
        }
    }
}

#[test]
fn the_good_fixture_loads_with_one_step_of_every_kind() {
    let l = lesson::load_file(Path::new("tests/fixtures/lessons/good/small.yaml")).unwrap();
    let kinds: Vec<&str> = l.steps.iter().map(|s| s.kind.name()).collect();
    assert_eq!(
        kinds,
        [
            "text", "formula", "matrix", "matrix", "table", "train", "compare", "quiz"
        ]
    );
}

/// Each single-mistake fixture: (file, line, column, words in the message).
const CASES: &[(&str, usize, usize, &str)] = &[
    ("dup_step_id.yaml", 9, 9, "already used by step 1"),
    (
        "unknown_dataset.yaml",
        9,
        23,
        "unknown built-in dataset 'lines'",
    ),
    ("unknown_column.yaml", 10, 39, "no column named 'z'"),
    ("layer_loss_mismatch.yaml", 12, 23, "needs an output layer"),
    ("quiz_answer_outside.yaml", 13, 19, "only options 1 to 3"),
    (
        "missing_translation.yaml",
        7,
        12,
        "Chinese (zh) translation is missing",
    ),
    ("unknown_key.yaml", 8, 5, "unknown field `txt`"),
    (
        "unknown_activation.yaml",
        10,
        39,
        "unknown variant `sigmoidd`",
    ),
    ("bad_tolerance.yaml", 11, 34, "tolerance abs must be ≥ 0"),
    ("missing_key.yaml", 6, 5, "the key `title` is missing"),
    ("duplicate_key.yaml", 9, 5, "duplicate field `title`"),
    ("two_kinds.yaml", 9, 14, "both text and formula"),
    (
        "bad_learning_rate.yaml",
        12,
        22,
        "learning rate must be a number above 0",
    ),
    ("ragged_matrix.yaml", 12, 11, "row 2 has 1 value(s)"),
    ("show_mismatch.yaml", 14, 18, "cannot show `boundary`"),
    ("compare_without_base.yaml", 11, 16, "there is no `base`"),
    ("tab_indent.yaml", 7, 1, "tab"),
    ("unclosed_quote.yaml", 3, 8, "never closed"),
    ("empty.yaml", 0, 0, "the file is empty"),
    ("bad_formula.yaml", 9, 15, "the formula does not parse"),
];

#[test]
fn each_bad_fixture_reports_its_mistake_at_its_line_and_column() {
    for (file, line, col, words) in CASES {
        let d = diagnostics(file);
        let first = &d[0];
        assert_eq!((first.line, first.column), (*line, *col), "{file}: {first}");
        assert!(first.message.contains(words), "{file}: {first}");
    }
}

#[test]
fn every_bad_fixture_file_is_covered() {
    let mut on_disk: Vec<String> = std::fs::read_dir(BAD)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CASES.iter().map(|c| c.0.to_string()).collect();
    listed.push("several.yaml".into());
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn a_lesson_with_several_mistakes_reports_all_of_them() {
    let d = diagnostics("several.yaml");
    let at: Vec<(usize, usize)> = d.iter().map(|d| (d.line, d.column)).collect();
    assert_eq!(
        at,
        [
            (3, 8),
            (9, 9),
            (11, 11),
            (18, 22),
            (15, 23),
            (25, 43),
            (28, 34)
        ],
        "{}",
        render("several.yaml")
    );
}

#[test]
fn rendered_diagnostics_match_the_snapshots() {
    let mut names: Vec<&str> = CASES.iter().map(|c| c.0).collect();
    names.push("several.yaml");
    for name in names {
        let stem = name.trim_end_matches(".yaml");
        insta::assert_snapshot!(format!("lesson_bad_{stem}"), render(name));
    }
}
