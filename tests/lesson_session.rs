//! The session: moving through a lesson, answering, and building trainers,
//! all without a terminal.

#![allow(clippy::unwrap_used)] // helpers outside #[test] functions unwrap too

use std::path::Path;

use nnstep::lesson::{self, Catalog};
use nnstep::session::{Grade, Moved, Reason, Session, SessionError};

fn small() -> Session {
    Session::new(lesson::load_file(Path::new("tests/fixtures/lessons/good/small.yaml")).unwrap())
}

#[test]
fn next_and_prev_stop_at_the_ends() {
    let mut s = small();
    assert_eq!(s.prev(), Moved::AtStart);
    for i in 1..s.len() {
        assert_eq!(s.next(), Moved::To(i));
    }
    assert_eq!(s.next(), Moved::AtEnd);
    assert_eq!(s.index(), s.len() - 1);
}

#[test]
fn goto_outside_the_lesson_is_an_error() {
    let mut s = small();
    assert_eq!(s.goto(2), Ok(()));
    assert_eq!(
        s.goto(99),
        Err(SessionError::NoSuchStep { step: 100, len: 8 })
    );
    assert_eq!(s.index(), 2);
}

#[test]
fn answers_are_graded_and_recorded_by_step_and_question_id() {
    let mut s = small();
    s.goto(7).unwrap();
    assert_eq!(s.answer("n", "2.05"), Ok(Grade::Right));
    assert_eq!(
        s.answer("c", "1"),
        Ok(Grade::Wrong {
            reason: Reason::WrongOption(0)
        })
    );
    assert_eq!(s.grade_of("q", "n"), Some(&Grade::Right));
    assert_eq!(s.score(), (1, 2, 2));
    assert!(matches!(
        s.answer("zz", "1"),
        Err(SessionError::NoSuchQuestion { .. })
    ));
}

#[test]
fn a_train_step_builds_a_trainer_that_runs_to_its_epoch_budget() {
    let mut s = small();
    s.goto(5).unwrap();
    let mut r = s.trainer().unwrap().unwrap();
    r.trainer.run().unwrap();
    assert_eq!(r.trainer.history().last().unwrap().epoch, 2);
    assert!(s.comparison().is_none());
}

#[test]
fn the_seed_override_reaches_every_run() {
    let lesson = Catalog::builtin().find("ch04").unwrap();
    let at = lesson.step_index("train-sgd").unwrap();
    let run = |seed| {
        let mut s = Session::new(lesson.clone()).with_seed(seed);
        s.goto(at).unwrap();
        let mut r = s.trainer().unwrap().unwrap();
        r.trainer.run().unwrap();
        r.trainer.network().layers()[0].w[[0, 0]]
    };
    assert_eq!(run(Some(7)), run(Some(7)));
    assert_ne!(run(Some(7)), run(Some(8)));
}

#[test]
fn compare_runs_share_the_data_and_differ_in_batch_size() {
    let mut s = small();
    s.goto(6).unwrap();
    let c = s.comparison().unwrap().unwrap();
    let batches: Vec<String> = (c.rows().into_iter()).map(|r| r.batch).collect();
    assert_eq!(batches, ["1", "full"]);
}

#[test]
fn the_chapter_4_closed_form_matches_the_least_squares_sums() {
    // w = (mΣxy − ΣxΣy) / (mΣx² − (Σx)²), b = mean(y − wx): the formulas the
    // lesson shows, computed here independently of the engine's solver.
    let l = Catalog::builtin().find("ch04").unwrap();
    let get = |id: &str| match &l.steps[l.step_index(id).unwrap()].kind {
        lesson::StepKind::Matrix(m) => m.values[[0, 0]],
        _ => panic!("{id} is not a matrix"),
    };
    let t = nnstep::dataset::builtin::generate("line").unwrap().train;
    let (x, y) = (t.values.column(0), t.values.column(1));
    let m = x.len() as f64;
    let (sx, sy) = (x.sum(), y.sum());
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| a * b).sum();
    let sxx: f64 = x.iter().map(|a| a * a).sum();
    let w = (m * sxy - sx * sy) / (m * sxx - sx * sx);
    let b = (sy - w * sx) / m;
    assert!((get("closed-w") - w).abs() < 1e-9);
    assert!((get("closed-b") - b).abs() < 1e-9);
}

#[test]
fn answers_from_an_earlier_sitting_count_as_answered_in_the_score() {
    use nnstep::quiz::{Outcome, QuestionRecord};
    let saved = QuestionRecord {
        step: "q".into(),
        question: "n".into(),
        attempts: 1,
        hints_used: 0,
        solution_seen: false,
        outcome: Outcome::Right,
    };
    let s = small().with_results(&[saved]);
    // One right of two, and one (the saved one) answered: not "1 right, 2
    // unanswered", which a score counting only this sitting would say.
    assert_eq!(s.score(), (1, 1, 2));
}
