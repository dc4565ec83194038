//! `nnstep check` on quizzes: a fixed answer key that disagrees with the
//! engine is reported at its line and column, as are mistakes in gradient
//! and formula questions; the diagnostics are snapshot-tested.

#![allow(clippy::unwrap_used)] // helpers outside #[test] functions unwrap too

use std::path::Path;

use nnstep::lesson;

const BAD: &str = "tests/fixtures/lessons/quiz/bad";

fn diagnostics(name: &str) -> Vec<nnstep::diagnostic::Diagnostic> {
    let path = Path::new(BAD).join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    match lesson::load_str(&format!("quiz/bad/{name}"), &text, Path::new(BAD)) {
        Ok(l) => panic!("{name} loaded as lesson {}", l.id),
        Err(d) => d,
    }
}

fn render(name: &str) -> String {
    diagnostics(name).iter().map(ToString::to_string).collect()
}

#[test]
fn a_key_that_disagrees_with_the_engine_is_reported_at_the_key() {
    let d = diagnostics("wrong_key.yaml");
    assert_eq!(d.len(), 1, "{}", render("wrong_key.yaml"));
    assert_eq!((d[0].line, d[0].column), (12, 19));
    assert!(
        d[0].message
            .contains("disagrees with the engine, which computes dw = -1.25"),
        "{}",
        d[0].message
    );
    insta::assert_snapshot!("quiz_check_wrong_key", render("wrong_key.yaml"));
}

#[test]
fn gradient_and_formula_mistakes_are_located() {
    let d = diagnostics("bad_gradient.yaml");
    let at: Vec<(usize, usize)> = d.iter().map(|d| (d.line, d.column)).collect();
    assert_eq!(
        at,
        [(16, 16), (26, 27), (30, 41)],
        "{}",
        render("bad_gradient.yaml")
    );
    assert!(
        d[0].message.contains("needs a layer number (dW1 to dW2)"),
        "{}",
        d[0].message
    );
    assert!(
        d[1].message
            .contains("expected 2×1 (rows × columns), found 1×2"),
        "{}",
        d[1].message
    );
    insta::assert_snapshot!("quiz_check_bad_gradient", render("bad_gradient.yaml"));
}

#[test]
fn the_good_quiz_fixture_and_the_built_in_lessons_check_clean() {
    lesson::load_file(Path::new("tests/fixtures/lessons/quiz/good/kinds.yaml")).unwrap();
    for e in lesson::Catalog::builtin().entries() {
        assert!(e.load().is_ok(), "{}", e.file());
    }
}
