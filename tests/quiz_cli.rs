//! A generated gradient question answered through the built binary
//! (`run --plain`), right and wrong, with a hint and the worked solution.

#![allow(clippy::unwrap_used)] // helpers outside #[test] functions unwrap too

mod common;

use nnstep::lesson::Catalog;
use nnstep::session::Session;

fn run(args: &[&str], stdin: &str) -> String {
    let out = common::nnstep(args, stdin);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    common::text(&out.stdout)
}

/// ch04's own-numbers dw for `--seed 7`, as the library computes it.
fn own_dw(seed: u64) -> f64 {
    let mut s = Session::new(Catalog::builtin().find("ch04").unwrap()).with_seed(Some(seed));
    let step = s.lesson().step_index("own-case").unwrap();
    s.goto(step).unwrap();
    s.case("own-dw").unwrap().unwrap().answer()[(0, 0)]
}

#[test]
fn a_generated_question_answered_wrong_then_right_shows_the_worked_solution() {
    let dw = own_dw(7);
    let input = format!("hint\n{}\n{dw:.4}\n\n", -dw);
    let out = run(
        &["run", "ch04", "--plain", "--step", "10", "--seed", "7"],
        &input,
    );
    assert!(out.contains("Q1. For this sample, what is dw?"), "{out}");
    assert!(
        out.contains("    model: 1 → 1 identity · loss: MSE"),
        "{out}"
    );
    assert!(out.contains("hint 1 of 3: First the prediction"), "{out}");
    assert!(
        out.contains("→ wrong: the size is right, the sign is not; try again"),
        "{out}"
    );
    assert!(
        out.contains("→ right\nworked solution:\n    z = x · w + b ="),
        "{out}"
    );
    assert!(out.contains("    dz = z − y ="), "{out}");
}

#[test]
fn out_of_tries_shows_the_expected_answer_and_the_solution() {
    let dw = own_dw(3);
    let out = run(
        &["run", "ch04", "--plain", "--step", "10", "--seed", "3"],
        "abc\n1000\n1001\n1002\n",
    );
    assert!(
        out.contains("→ wrong: 'abc' is not a number; try again"),
        "{out}"
    );
    let expected = format!("expected: dw = {}", nnstep::quiz::number(dw));
    assert!(out.contains(&expected), "{expected} missing from:\n{out}");
    assert!(out.contains("worked solution:"), "{out}");
}
