//! Predict-then-see in the built-in course: every prediction question is
//! asked on a run that, at the lesson's seed, does what its `expect` and
//! its explanation say. Each run is played headless through the session,
//! exactly as the plain runner plays it, and graded by the session: the
//! expected option (or value) must come out right and every other option
//! wrong.

#![allow(clippy::unwrap_used)]

use nnstep::lesson::predict::{Predict, PredictAnswer};
use nnstep::lesson::{Catalog, Lesson, StepKind};
use nnstep::session::{Observed, Pick, Session};

fn lessons() -> Vec<Lesson> {
    (Catalog::builtin().entries().iter())
        .map(|e| e.load().unwrap())
        .collect()
}

/// Plays step `i` of `lesson` to the end with `pick` as the prediction and
/// returns whether it was graded right, and what was measured.
fn play(lesson: &Lesson, i: usize, pick: &str) -> (Option<bool>, Observed) {
    let mut s = Session::new(lesson.clone());
    s.goto(i).unwrap();
    assert!(s.awaits_prediction());
    s.predict(pick).unwrap();
    match &lesson.steps[i].kind {
        StepKind::Train(_) => {
            let mut r = s.trainer().unwrap().unwrap();
            r.trainer.run().unwrap();
            assert!(s.settle_prediction(&[&r.trainer]));
        }
        StepKind::Compare(_) => {
            let mut c = s.comparison().unwrap().unwrap();
            c.run_all().unwrap();
            assert!(s.settle_comparison(&c));
        }
        k => panic!("a prediction on a {} step", k.name()),
    }
    let v = s.prediction().unwrap().verdict.clone().unwrap();
    (v.right, v.observed)
}

fn predictions() -> Vec<(Lesson, usize, Predict)> {
    let mut out = Vec::new();
    for l in lessons() {
        for (i, step) in l.steps.iter().enumerate() {
            if let Some(p) = step.kind.predict() {
                out.push((l.clone(), i, p.clone()));
            }
        }
    }
    out
}

#[test]
fn the_course_asks_a_prediction_in_each_chapter_it_promises() {
    let have: Vec<String> = predictions().iter().map(|(l, _, _)| l.id.clone()).collect();
    for id in ["ch04", "ch05", "ch08", "ch09", "ch10", "ch11"] {
        assert!(have.iter().any(|h| h == id), "{id} asks no prediction");
    }
}

#[test]
fn every_built_in_prediction_is_graded_as_its_lesson_expects() {
    let all = predictions();
    assert!(all.len() >= 6);
    for (l, i, p) in all {
        let at = format!("{} step {} ({})", l.id, i + 1, l.steps[i].id);
        let expect = p
            .expect
            .unwrap_or_else(|| panic!("{at}: a built-in prediction states `expect`"));
        match &p.answer {
            PredictAnswer::Choice(options) => {
                let right = expect as usize - 1;
                for k in 0..options.len() {
                    let (graded, observed) = play(&l, i, &(k + 1).to_string());
                    assert_eq!(
                        graded,
                        Some(k == right),
                        "{at}: option {} graded {graded:?}; the run did {observed:?}",
                        k + 1
                    );
                    assert_eq!(observed.option(&p), Some(right), "{at}");
                }
            }
            PredictAnswer::Number(t) => {
                let (graded, observed) = play(&l, i, &expect.to_string());
                let v = observed.number.unwrap();
                assert_eq!(graded, Some(true), "{at}: the run measured {v}");
                assert!(
                    (v - expect).abs() < 0.001,
                    "{at}: expected {expect}, measured {v}"
                );
                // Just outside the tolerance on either side is wrong.
                for off in [-1.5, 1.5] {
                    let guess = v + off * t.allowed(v);
                    let (graded, _) = play(&l, i, &guess.to_string());
                    assert_eq!(
                        graded,
                        Some(false),
                        "{at}: {guess} is outside the tolerance"
                    );
                }
            }
        }
    }
}

#[test]
fn a_skipped_prediction_is_shown_but_not_graded_or_saved() {
    let (l, i, _) = predictions().into_iter().next().unwrap();
    let mut s = Session::new(l.clone());
    s.goto(i).unwrap();
    s.skip_prediction();
    assert!(!s.awaits_prediction());
    let mut c = s.comparison().unwrap().unwrap();
    c.run_all().unwrap();
    assert!(s.settle_comparison(&c));
    assert_eq!(
        s.prediction().unwrap().verdict.as_ref().unwrap().right,
        None
    );
    assert!(s.take_results().is_empty());
}

#[test]
fn a_prediction_is_saved_like_an_answer_and_not_asked_again() {
    let (l, i, p) = predictions().into_iter().next().unwrap();
    let mut s = Session::new(l.clone());
    s.goto(i).unwrap();
    assert_eq!(s.predict("1"), Ok(Pick::Option(0)));
    // One prediction per run: a second is refused.
    assert!(s.predict("2").is_err());
    let mut c = s.comparison().unwrap().unwrap();
    c.run_all().unwrap();
    s.settle_comparison(&c);
    // Settling again changes nothing.
    assert!(!s.settle_comparison(&c));
    let saved = s.take_results();
    assert_eq!(saved.len(), 1);
    assert_eq!(
        (saved[0].step.as_str(), saved[0].question.as_str()),
        (l.steps[i].id.as_str(), p.id.as_str())
    );
    assert_eq!(saved[0].attempts, 1);
    // A new sitting with that result does not ask again.
    let again = Session::new(l.clone()).with_results(&saved);
    let mut again = again;
    again.goto(i).unwrap();
    assert!(!again.awaits_prediction());
    assert!(again.predict("1").is_err());
    let kept = (again.records().into_iter())
        .find(|r| r.step == l.steps[i].id && r.question == p.id)
        .unwrap();
    assert_eq!((kept.attempts, kept.outcome), (1, saved[0].outcome));
}
