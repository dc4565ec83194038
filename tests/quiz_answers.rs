//! Answers to quiz questions through a session: garbage is explained and
//! never costs an attempt, slips are named, hints come one at a time, the
//! worked solution opens after two tries, and results are recorded.

#![allow(clippy::unwrap_used)] // helpers outside #[test] functions unwrap too

use std::path::Path;

use nnstep::lesson;
use nnstep::quiz::{InputError, Outcome, Reason, Slip};
use nnstep::session::{Grade, Session, SolutionAccess};

fn session(step: usize) -> Session {
    let l = lesson::load_file(Path::new("tests/fixtures/lessons/quiz/good/kinds.yaml")).unwrap();
    let mut s = Session::new(l);
    s.goto(step).unwrap();
    s
}

fn reason(g: Grade) -> Reason {
    match g {
        Grade::Wrong { reason } => reason,
        other => panic!("expected wrong, got {other:?}"),
    }
}

/// The right answer of a generated question, typed as a learner would.
fn typed(s: &Session, id: &str) -> String {
    let v = s.case(id).unwrap().unwrap().answer();
    let rows: Vec<String> = v
        .rows()
        .into_iter()
        .map(|r| {
            r.iter()
                .map(|x| format!("{x:.4}"))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect();
    rows.join("; ")
}

#[test]
fn garbage_is_explained_and_costs_no_attempt() {
    let mut s = session(0);
    let long = "1".repeat(100_000);
    for input in [
        "abc",
        "",
        "1e999",
        "NaN",
        "[[1, 2], [3, 4]",
        &long,
        "[[0.1, 0.2, 0.3], [1, 2, 3], [4, 5, 6]]",
    ] {
        let g = s.answer("dw1", input).unwrap();
        assert!(!g.counts(), "{input:.20}: {g:?}");
        assert!(!g.is_right());
    }
    assert_eq!(s.state_of("two-layer", "dw1").attempts, 0);
    assert_eq!(s.state_of("two-layer", "dw1").outcome, Outcome::Unanswered);
    assert!(matches!(
        reason(s.answer("dw1", "abc").unwrap()),
        Reason::Unreadable(InputError::NotANumber(_))
    ));
    assert!(matches!(
        reason(s.answer("dw1", "1e999").unwrap()),
        Reason::Unreadable(InputError::TooLarge(_))
    ));
    assert!(matches!(
        reason(s.answer("dw1", "NaN").unwrap()),
        Reason::Unreadable(InputError::NotFinite(_))
    ));
    assert!(matches!(
        reason(s.answer("dw1", &long).unwrap()),
        Reason::Unreadable(InputError::TooLong { .. })
    ));
    assert_eq!(reason(s.answer("dw1", "  ").unwrap()), Reason::NoAnswer);
}

#[test]
fn a_3x2_answer_to_a_2x3_question_names_the_shape() {
    let mut s = session(2);
    let r = reason(s.answer("m23", "[[1, 2], [3, 4], [5, 7]]").unwrap());
    assert_eq!(
        r,
        Reason::WrongShape {
            expected: (2, 3),
            given: (3, 2)
        }
    );
    assert_eq!(s.state_of("others", "m23").attempts, 0);
    assert_eq!(
        reason(s.answer("m23", "1 4; 2 5; 3 6").unwrap()),
        Reason::Slip(Slip::Transposed)
    );
    assert_eq!(
        s.answer("m23", "[[1, 2, 3], [4, 5, 6.004]]").unwrap(),
        Grade::Right
    );
}

#[test]
fn a_generated_two_layer_question_is_right_with_the_engines_numbers() {
    let mut s = session(0);
    let right = typed(&s, "dw1");
    assert_eq!(s.answer("dw1", &right).unwrap(), Grade::Right);
    let rec = &s.records()[0];
    assert_eq!((rec.attempts, rec.outcome), (1, Outcome::Right));
}

#[test]
fn slips_are_named() {
    let mut s = session(0);
    // dZ2 = A2 − Y; with z in place of a it would be Z2 − Y.
    let case = s.case("dz2").unwrap().unwrap();
    let z2 = case.forward.z[1][(0, 0)];
    let a2 = case.forward.a[1][(0, 0)];
    assert_eq!(
        reason(s.answer("dz2", &format!("{:.4}", z2 - 1.0)).unwrap()),
        Reason::Slip(Slip::ZForA)
    );
    assert_eq!(
        reason(s.answer("dz2", &format!("{:.4}", 1.0 - a2)).unwrap()),
        Reason::Slip(Slip::Sign)
    );

    let mut b = session(1);
    // z = 0.5x + 1 = 1.5, 2, 2.5; dz = z − y = −0.5, 0, −2.5;
    // dw = mean(dz·x) = (−0.5 + 0 − 7.5)/3 = −8/3.
    assert_eq!(b.answer("dw", "-8/3").unwrap(), Grade::Right);
    assert_eq!(
        reason(b.answer("dw", "-8").unwrap()),
        Reason::Slip(Slip::ForgotMean { m: 3 })
    );
    assert_eq!(
        reason(b.answer("dw", "-16/3").unwrap()),
        Reason::Slip(Slip::ForgotHalf)
    );
    assert_eq!(b.answer("dz", "[-0.5, 0, -2.5]").unwrap(), Grade::Right);
    assert_eq!(
        reason(b.answer("dz", "-0.1667; 0; -0.8333").unwrap()),
        Reason::Slip(Slip::ExtraMean { m: 3 })
    );
}

#[test]
fn hints_come_one_at_a_time_and_the_solution_after_two_tries() {
    let mut s = session(0);
    assert_eq!(
        s.hint("dw1").unwrap().map(|h| (h.number, h.total)),
        Some((1, 3))
    );
    assert_eq!(
        s.hint("dw1").unwrap().map(|h| (h.number, h.total)),
        Some((2, 3))
    );
    assert_eq!(
        s.solution("dw1").unwrap(),
        SolutionAccess::NotYet { tries: 2 }
    );
    let _ = s.answer("dw1", "0; 0; 0; 0").unwrap(); // wrong shape: not a try
    let _ = s.answer("dw1", "[[1, 1], [1, 1]]").unwrap();
    assert_eq!(
        s.solution("dw1").unwrap(),
        SolutionAccess::NotYet { tries: 1 }
    );
    let _ = s.answer("dw1", "[[2, 1], [1, 1]]").unwrap();
    let SolutionAccess::Shown(lines) = s.solution("dw1").unwrap() else {
        panic!("the solution should open after two tries");
    };
    let labels: Vec<&str> = lines.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["Z1", "A1", "Z2", "A2", "dZ2", "dZ1", "dW1"]);
    assert!(
        lines[5]
            .tex
            .starts_with("dZ_1 = dZ_2 \\cdot W_2^{\\top} \\odot A_1(1 - A_1) ="),
        "{}",
        lines[5].tex
    );
    let right = typed(&s, "dw1");
    assert_eq!(s.answer("dw1", &right).unwrap(), Grade::Right);
    let rec = &s.records()[0];
    assert_eq!(
        (rec.attempts, rec.hints_used, rec.solution_seen),
        (3, 2, true)
    );
    assert_eq!(rec.outcome, Outcome::RightAfterSolution);
    assert_eq!(s.review().len(), 1);
}

#[test]
fn formulas_multiple_choice_and_checked_numbers() {
    let mut s = session(2);
    assert_eq!(s.answer("f", "x(z − y)").unwrap(), Grade::Right);
    assert_eq!(
        reason(s.answer("f", "(y - z)x").unwrap()),
        Reason::Slip(Slip::Sign)
    );
    assert!(matches!(
        reason(s.answer("f", "(z - y").unwrap()),
        Reason::Unreadable(InputError::Expression { .. })
    ));
    assert_eq!(s.answer("many", "3, 1").unwrap(), Grade::Right);
    assert_eq!(
        reason(s.answer("many", "1").unwrap()),
        Reason::WrongOptions {
            wrong: vec![],
            missing: 1
        }
    );
    assert_eq!(s.answer("n", "-1.25").unwrap(), Grade::Right);
    assert_eq!(s.solution("n").unwrap(), SolutionAccess::NoneForThisKind);
}

#[test]
fn numbers_are_per_learner_stable_and_shared_within_a_case() {
    let mine = |learner: u64| {
        let s = session(3).with_learner(learner);
        let dw = s.case("own-dw").unwrap().unwrap();
        let db = s.case("own-db").unwrap().unwrap();
        assert_eq!(dw.givens(), db.givens(), "one case for dw and db");
        dw.givens()
    };
    assert_eq!(
        mine(7),
        mine(7),
        "the same learner sees the same numbers again"
    );
    assert_ne!(mine(7), mine(8), "another learner sees other numbers");
    let everyone = |learner: u64| {
        let s = session(3).with_learner(learner).with_seed(Some(5));
        s.case("own-dw").unwrap().unwrap().givens()
    };
    assert_eq!(
        everyone(7),
        everyone(8),
        "--seed gives everyone the same numbers"
    );
}

/// The fixture with top-level `seed` and `quiz_seed` lines added.
fn with_seeds(seed: Option<u64>, quiz_seed: Option<u64>) -> Session {
    let path = Path::new("tests/fixtures/lessons/quiz/good/kinds.yaml");
    let mut text = std::fs::read_to_string(path).unwrap();
    let mut head = String::new();
    if let Some(s) = seed {
        head += &format!("seed: {s}\n");
    }
    if let Some(s) = quiz_seed {
        head += &format!("quiz_seed: {s}\n");
    }
    text = text.replacen("steps:\n", &format!("{head}steps:\n"), 1);
    let l = lesson::load_str("kinds.yaml", &text, path.parent().unwrap()).unwrap();
    let mut s = Session::new(l);
    s.goto(3).unwrap();
    s
}

#[test]
fn quiz_seed_shares_numbers_and_the_command_line_seed_wins_over_it() {
    let numbers = |s: Session| s.case("own-dw").unwrap().unwrap().givens();
    let shared = |learner| numbers(with_seeds(None, Some(11)).with_learner(learner));
    assert_eq!(shared(7), shared(8), "quiz_seed: the same for everyone");
    let cli = |quiz_seed, learner| {
        numbers(
            with_seeds(None, quiz_seed)
                .with_learner(learner)
                .with_seed(Some(5)),
        )
    };
    assert_eq!(cli(Some(11), 7), cli(None, 8), "--seed replaces quiz_seed");
    assert_ne!(cli(Some(11), 7), shared(7));
}

#[test]
fn the_lesson_seed_governs_training_only_not_quiz_numbers() {
    let numbers = |learner| {
        with_seeds(Some(3), None)
            .with_learner(learner)
            .case("own-dw")
            .unwrap()
            .unwrap()
            .givens()
    };
    assert_ne!(
        numbers(7),
        numbers(8),
        "each learner keeps their own numbers"
    );
    let rebuilt = |learner| session(3).with_learner(learner);
    assert_eq!(
        numbers(7),
        rebuilt(7).case("own-dw").unwrap().unwrap().givens(),
        "the same learner sees the same numbers whatever the training seed"
    );
}

#[test]
fn saved_results_carry_over_into_a_new_session() {
    let mut s = session(0).with_learner(7);
    assert!(!s.answer("dw1", "[[9, 9], [9, 9]]").unwrap().is_right());
    s.hint("dw1").unwrap().unwrap();
    let saved = s.take_results();
    assert_eq!(saved.len(), 1, "one question changed: {saved:?}");
    assert!(s.take_results().is_empty(), "taken once");
    let mut again = session(0).with_learner(7).with_results(&saved);
    let state = again.state_of("two-layer", "dw1");
    assert_eq!((state.attempts, state.hints_used), (1, 1));
    assert_eq!(state.outcome, Outcome::Missed);
    assert!(!again.answer("dw1", "[[9, 9], [9, 9]]").unwrap().is_right());
    assert_eq!(again.take_results()[0].attempts, 2);
}
