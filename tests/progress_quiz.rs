#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! Quiz results in the saved progress: kept by lesson, step and question id,
//! merged between instances, exported as CSV and listed for review; the
//! learner identity is made once and survives a reset.

mod common;

use std::path::Path;
use std::process::Output;

use nnstep::progress::{Change, Store};
use nnstep::quiz::{Outcome, QuizUpdate};

/// `attempts` more tries at a question, and one more hint.
fn result(lesson: &str, step: &str, question: &str, attempts: u32, outcome: Outcome) -> Change {
    Change::Quiz {
        lesson: lesson.into(),
        record: QuizUpdate {
            step: step.into(),
            question: question.into(),
            attempts_added: attempts,
            hints_added: 1,
            solution_seen: false,
            outcome,
        },
    }
}

fn nnstep(data: &Path, args: &[&str]) -> Output {
    common::nnstep_in(data, args, "")
}

#[test]
fn quiz_results_round_trip_through_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path());
    store
        .apply(&result("ch04", "by-hand", "dw", 2, Outcome::Right))
        .unwrap();
    let p = store.load().unwrap().progress;
    let r = &p.lesson("ch04").unwrap().quiz["by-hand"]["dw"];
    assert_eq!(
        (r.attempts, r.hints_used, r.outcome),
        (2, 1, Outcome::Right)
    );
    assert!(r.updated > 0);
    assert!(p.learner.is_some(), "the first save makes the learner");
    let records = p.lesson("ch04").unwrap().records();
    assert_eq!(records[0].question, "dw");
    // A later update adds to the saved counts and keeps the better outcome.
    store
        .apply(&result("ch04", "by-hand", "dw", 3, Outcome::Missed))
        .unwrap();
    let p = store.load().unwrap().progress;
    let r = &p.lesson("ch04").unwrap().quiz["by-hand"]["dw"];
    assert_eq!(
        (r.attempts, r.hints_used, r.outcome),
        (5, 2, Outcome::Right)
    );
}

#[test]
fn two_writers_do_not_lose_each_others_quiz_results() {
    let tmp = tempfile::tempdir().unwrap();
    let a = Store::new(tmp.path());
    let b = Store::new(tmp.path());
    a.apply(&result("ch04", "by-hand", "z", 1, Outcome::Right))
        .unwrap();
    b.apply(&result("ch04", "by-hand", "dw", 1, Outcome::Missed))
        .unwrap();
    a.apply(&Change::Visit {
        lesson: "ch04".into(),
        step: "recap".into(),
    })
    .unwrap();
    b.apply(&result("ch05", "q", "x", 1, Outcome::Right))
        .unwrap();
    let p = a.load().unwrap().progress;
    let ch04 = &p.lesson("ch04").unwrap().quiz["by-hand"];
    assert_eq!(ch04.len(), 2, "{ch04:?}");
    assert_eq!(p.results().count(), 3);
    assert_eq!(p.seen_count("ch04", ["recap"]), 1);
}

#[test]
fn a_format_1_file_loads_and_unknown_ids_are_kept_but_not_counted() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path());
    std::fs::write(
        store.file(),
        r#"{"version": 1, "lessons": {"ch04": {"seen": ["data"],
            "quiz": {"by-hand": {"dw": {"outcome": "right"}, "gone": {"outcome": "missed"}}}}}}"#,
    )
    .unwrap();
    let p = store.load().unwrap().progress;
    assert_eq!(p.learner, None);
    assert_eq!(
        p.quiz_score("ch04", [("by-hand", "dw"), ("by-hand", "z")]),
        (1, 0)
    );
    let learner = store.learner().unwrap();
    assert_eq!(store.learner().unwrap(), learner, "made once");
    assert_eq!(
        store.load().unwrap().progress.seen_count("ch04", ["data"]),
        1
    );
}

#[test]
fn a_full_reset_keeps_the_learner() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path());
    let learner = store.learner().unwrap();
    store
        .apply(&result("ch04", "by-hand", "dw", 1, Outcome::Right))
        .unwrap();
    let p = store.apply(&Change::Reset(None)).unwrap().progress;
    assert!(p.lessons.is_empty());
    assert_eq!(p.learner, Some(learner));
}

#[test]
fn export_writes_one_csv_row_per_saved_result() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path());
    store
        .apply(&result("ch04", "by-hand", "dw", 2, Outcome::Right))
        .unwrap();
    store
        .apply(&result("ch04", "own-case", "own-db", 3, Outcome::Missed))
        .unwrap();
    let learner = format!("{:016x}", store.learner().unwrap());
    let out = nnstep(tmp.path(), &["progress", "export"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "learner,lesson,step,question,attempts,hints,solution_seen,outcome,updated"
    );
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[1].starts_with(&format!("{learner},ch04,by-hand,dw,2,1,false,right,20")),
        "{text}"
    );
    assert!(
        lines[2].starts_with(&format!("{learner},ch04,own-case,own-db,3,1,false,missed,")),
        "{text}"
    );
    let file = tmp.path().join("results.csv");
    let out = nnstep(
        tmp.path(),
        &["progress", "export", "--out", file.to_str().unwrap()],
    );
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn review_lists_missed_questions_with_step_title_and_question_text() {
    let tmp = tempfile::tempdir().unwrap();
    let out = nnstep(tmp.path(), &["progress", "review"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("nothing to review"));
    let store = Store::new(tmp.path());
    store
        .apply(&result("ch04", "by-hand", "z", 1, Outcome::Right))
        .unwrap();
    store
        .apply(&result("ch04", "own-case", "own-dw", 3, Outcome::Missed))
        .unwrap();
    let out = nnstep(tmp.path(), &["progress", "review"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("ch04 · "), "{text}");
    assert!(text.contains(": Your own numbers"), "{text}");
    assert!(text.contains("own-dw: "), "{text}");
    assert!(
        !text.contains("z: "),
        "a right answer is not listed: {text}"
    );
    assert!(text.contains("1 question(s) to review"), "{text}");
}

#[test]
fn run_plain_saves_results_and_gives_the_learner_their_own_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let run = |data: &Path| {
        // Three wrong tries at the first question, then end of input.
        let out = common::nnstep_in(data, &["run", "ch04", "--plain"], "999\n999\n999\n");
        assert!(out.status.success());
        common::text(&out.stdout)
    };
    // The generated case of ch04's "own numbers" step, as printed.
    let own = |out: String| {
        let from = out.find("Your own numbers").unwrap();
        let to = from + out[from..].find("find dw").unwrap();
        out[from..to].to_string()
    };
    let first = own(run(tmp.path()));
    let p = Store::new(tmp.path()).load().unwrap().progress;
    let saved = &p.lesson("ch04").unwrap().quiz["by-hand"]["z"];
    assert_eq!((saved.attempts, saved.outcome), (3, Outcome::Missed));
    assert_eq!(
        own(run(tmp.path())),
        first,
        "the same learner, the same numbers"
    );
    let other = tempfile::tempdir().unwrap();
    assert_ne!(
        own(run(other.path())),
        first,
        "another learner, other numbers"
    );
}
