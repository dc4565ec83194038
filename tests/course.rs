//! The built-in course: every lesson loads cleanly and reads in both
//! languages; every training and compare step runs headless and reaches the
//! goal its text states; and the figures the texts quote about their own
//! runs (epochs, losses, accuracies, coefficients, predictions) are the ones
//! the runs produce. The quoted figures live in [`FIGURES`], one block per
//! lesson: when a lesson's run changes, update its text and its block there.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use ndarray::Array2;
use nnstep::engine::StopReason;
use nnstep::lesson::{Catalog, Lesson, QuestionKind, StepKind, Text};
use nnstep::session::{Grade, Session};
use nnstep::spec::Resolved;

/// How a run ends.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Stop {
    /// The watched loss fell to eps at this epoch.
    Eps(usize),
    /// The epoch budget ran out at this epoch.
    Max(usize),
    /// The loss blew up at this epoch.
    Diverged(usize),
}

/// A number a lesson quotes about one of its runs.
#[derive(Clone, Copy, Debug)]
enum Q {
    /// Final training loss.
    Loss,
    /// Final training metric (accuracy, or R² for regression).
    Metric,
    /// Loss-independent metric on the test set.
    TestMetric,
    /// W[i][j] of layer l, as trained.
    W(usize, usize, usize),
    /// B[j] of layer l, as trained.
    B(usize, usize),
    /// W[i] of a single linear layer in original units.
    RealW(usize),
    /// B of a single linear layer in original units.
    RealB,
    /// The first output for the spec's `predict` row r, in original units.
    Predict(usize),
    /// Decision line of a 2-input sigmoid neuron: slope −w1/w2.
    LineSlope,
    /// Decision line: intercept −b/w2.
    LineIntercept,
}

/// (lesson, step id, run index within a compare (0 for a train step), stop).
type RunKey = (&'static str, &'static str, usize);

/// How every run of every lesson ends. Every train and compare run of the
/// course must be listed here.
const STOPS: &[(RunKey, Stop)] = &[
    (("ch04", "train-sgd", 0), Stop::Max(10)),
    (("ch04", "compare-batches", 0), Stop::Max(20)),
    (("ch04", "compare-batches", 1), Stop::Max(20)),
    (("ch04", "compare-batches", 2), Stop::Max(20)),
    // ch05: raw data diverges in the first epoch.
    (("ch05", "train-raw", 0), Stop::Diverged(1)),
    (("ch05", "train-normalised", 0), Stop::Max(100)),
    (("ch05", "normalise-label", 0), Stop::Max(100)),
    (("ch05", "normalise-label", 1), Stop::Max(100)),
    // ch06
    (("ch06", "train", 0), Stop::Eps(224)),
    (("ch06", "gates-compare", 0), Stop::Eps(683)), // AND
    (("ch06", "gates-compare", 1), Stop::Eps(683)), // NAND
    (("ch06", "gates-compare", 2), Stop::Eps(376)), // OR
    (("ch06", "gates-compare", 3), Stop::Eps(376)), // NOR
    (("ch06", "gates-compare", 4), Stop::Eps(215)), // NOT
    // ch07
    (("ch07", "train", 0), Stop::Eps(342)),
    // ch08: 300 epochs each
    (("ch08", "compare", 0), Stop::Max(300)),
    (("ch08", "compare", 1), Stop::Max(300)),
    (("ch08", "compare", 2), Stop::Max(300)),
    (("ch08", "compare", 3), Stop::Max(300)),
    // ch09: degree 2 never reaches 0.005; 3 at 913; 4 at 2666.
    (("ch09", "degrees", 0), Stop::Max(3000)),
    (("ch09", "degrees", 1), Stop::Eps(913)),
    (("ch09", "degrees", 2), Stop::Eps(2666)),
    (("ch09", "train", 0), Stop::Eps(6499)),
    // The same run drawn unit by unit.
    (("ch09", "hidden-units", 0), Stop::Eps(6499)),
    // Two units never get there; three at 6499, six at 5233.
    (("ch09", "units", 0), Stop::Max(10000)),
    (("ch09", "units", 1), Stop::Eps(6499)),
    (("ch09", "units", 2), Stop::Eps(5233)),
    // ch10: one neuron never learns XOR; 2-2-1 at 1179.
    (("ch10", "one-vs-two", 0), Stop::Max(2000)),
    (("ch10", "one-vs-two", 1), Stop::Eps(1179)),
    (("ch10", "train-xor", 0), Stop::Eps(1179)),
    (("ch10", "xor-hidden", 0), Stop::Eps(1179)),
    // ch10 restart: seed 1 stalls on a plateau, seed 10 gets through.
    (("ch10", "restart", 0), Stop::Max(2000)),
    (("ch10", "restart", 1), Stop::Eps(1179)),
    (("ch10", "arc", 0), Stop::Eps(455)),
    (("ch10", "arc-hidden", 0), Stop::Eps(455)),
    // ch11: 500 epochs each
    (("ch11", "train", 0), Stop::Max(500)),
    (("ch11", "hidden", 0), Stop::Max(500)),
    (("ch11", "units", 0), Stop::Max(500)),
    (("ch11", "units", 1), Stop::Max(500)),
    (("ch11", "units", 2), Stop::Max(500)),
    (("ch11", "units", 3), Stop::Max(500)),
];

/// The figures the texts quote, with the rounding the text uses as the
/// tolerance.
const FIGURES: &[(RunKey, Q, f64, f64)] = &[
    // ch05 train-normalised: R² 0.942, real units and the 15 km / 93 m² price.
    (("ch05", "train-normalised", 0), Q::Metric, 0.942, 0.0005),
    (("ch05", "train-normalised", 0), Q::RealW(0), -1.738, 0.0005),
    (("ch05", "train-normalised", 0), Q::RealW(1), 4.986, 0.0005),
    (("ch05", "train-normalised", 0), Q::RealB, 47.71, 0.005),
    (
        ("ch05", "train-normalised", 0),
        Q::Predict(0),
        485.32,
        0.005,
    ),
    // ch05 normalise-label: loss ≈ 392 against ≈ 0.0016; w1 −1.738 vs
    // −1.745, b 47.71 vs 47.98 (close, not equal: see
    // ch05_label_scaling_only_changes_the_start).
    (("ch05", "normalise-label", 0), Q::Loss, 392.0, 1.0),
    (("ch05", "normalise-label", 1), Q::Loss, 0.0016, 0.00005),
    (("ch05", "normalise-label", 0), Q::RealW(0), -1.738, 0.0005),
    (("ch05", "normalise-label", 1), Q::RealW(0), -1.745, 0.0005),
    (("ch05", "normalise-label", 0), Q::RealB, 47.71, 0.005),
    (("ch05", "normalise-label", 1), Q::RealB, 47.98, 0.005),
    // ch06: 98 %, w1 −20.30, w2 8.85, b 5.50, line x2 = 2.294 x1 − 0.622.
    (("ch06", "train", 0), Q::Metric, 0.98, 0.0001),
    (("ch06", "train", 0), Q::W(0, 0, 0), -20.30, 0.005),
    (("ch06", "train", 0), Q::W(0, 1, 0), 8.85, 0.005),
    (("ch06", "train", 0), Q::B(0, 0), 5.50, 0.005),
    (("ch06", "train", 0), Q::LineSlope, 2.294, 0.0005),
    (("ch06", "train", 0), Q::LineIntercept, -0.622, 0.0005),
    // ch06 gates: AND W = (5.26, 5.26), B = −8.07; NAND the negatives.
    (("ch06", "gates-compare", 0), Q::W(0, 0, 0), 5.26, 0.005),
    (("ch06", "gates-compare", 0), Q::W(0, 1, 0), 5.26, 0.005),
    (("ch06", "gates-compare", 0), Q::B(0, 0), -8.07, 0.005),
    (("ch06", "gates-compare", 1), Q::W(0, 0, 0), -5.26, 0.005),
    (("ch06", "gates-compare", 1), Q::W(0, 1, 0), -5.26, 0.005),
    (("ch06", "gates-compare", 1), Q::B(0, 0), 8.07, 0.005),
    // ch07: 139 of 140 points.
    (("ch07", "train", 0), Q::Metric, 139.0 / 140.0, 1e-9),
    // ch08: final losses 0.098 (identity), 0.071 (sigmoid), 0.0033 (tanh), 0.0164 (relu).
    (("ch08", "compare", 0), Q::Loss, 0.098, 0.0005),
    (("ch08", "compare", 1), Q::Loss, 0.071, 0.0005),
    (("ch08", "compare", 2), Q::Loss, 0.0033, 0.00005),
    (("ch08", "compare", 3), Q::Loss, 0.0164, 0.00005),
    // ch09: degree 2 flattens near 0.098; complex curve test R² 0.931.
    (("ch09", "degrees", 0), Q::Loss, 0.098, 0.0005),
    (("ch09", "train", 0), Q::TestMetric, 0.931, 0.0005),
    // ch09 units: two units still at a loss of 0.0037 after 10000 epochs.
    (("ch09", "units", 0), Q::Loss, 0.0037, 0.00005),
    // ch09: three units miss the left wiggle (the curve's own values at
    // these x are checked in ch09_quoted_curve_values_are_the_curves).
    (("ch09", "train", 0), Q::Predict(0), -0.32, 0.005),
    (("ch09", "train", 0), Q::Predict(1), -0.25, 0.005),
    (("ch09", "train", 0), Q::Predict(2), -0.13, 0.005),
    // ch10: one neuron ends at 0.700; XOR predictions; the matrices read out; arc test 100 %.
    (("ch10", "one-vs-two", 0), Q::Loss, 0.700, 0.0005),
    (("ch10", "train-xor", 0), Q::Predict(0), 0.005, 0.0005),
    (("ch10", "train-xor", 0), Q::Predict(1), 0.996, 0.0005),
    (("ch10", "train-xor", 0), Q::Predict(2), 0.993, 0.0005),
    (("ch10", "train-xor", 0), Q::Predict(3), 0.004, 0.0005),
    (("ch10", "train-xor", 0), Q::W(0, 0, 0), -7.2, 0.05),
    (("ch10", "train-xor", 0), Q::W(0, 1, 0), 7.1, 0.05),
    (("ch10", "train-xor", 0), Q::B(0, 0), -3.8, 0.05),
    (("ch10", "train-xor", 0), Q::W(0, 0, 1), -6.5, 0.05),
    (("ch10", "train-xor", 0), Q::W(0, 1, 1), 6.8, 0.05),
    (("ch10", "train-xor", 0), Q::B(0, 1), 3.2, 0.05),
    (("ch10", "train-xor", 0), Q::W(1, 0, 0), 11.9, 0.05),
    (("ch10", "train-xor", 0), Q::W(1, 1, 0), -11.5, 0.05),
    (("ch10", "train-xor", 0), Q::B(1, 0), 5.4, 0.05),
    (("ch10", "arc", 0), Q::TestMetric, 1.0, 1e-9),
    // ch10 restart, seed 1: loss 0.348 = (ln 2)/2, 0.50 for (1, 0) and (1, 1).
    (("ch10", "restart", 0), Q::Loss, 0.348, 0.0005),
    (("ch10", "restart", 0), Q::Predict(0), 0.0, 0.005),
    (("ch10", "restart", 0), Q::Predict(1), 1.0, 0.005),
    (("ch10", "restart", 0), Q::Predict(2), 0.50, 0.005),
    (("ch10", "restart", 0), Q::Predict(3), 0.50, 0.005),
    // ch11: 89.9 % train, 90.0 % test; losses 0.72, 0.28, 0.14, 0.12.
    (("ch11", "train", 0), Q::Metric, 0.899, 0.0005),
    (("ch11", "train", 0), Q::TestMetric, 0.900, 0.0005),
    (("ch11", "units", 0), Q::Loss, 0.72, 0.005),
    (("ch11", "units", 1), Q::Loss, 0.28, 0.005),
    (("ch11", "units", 2), Q::Loss, 0.14, 0.005),
    (("ch11", "units", 3), Q::Loss, 0.12, 0.005),
];

/// The closed-form (normal equation) coefficients of ch05, as its text and
/// quiz quote them: w1, w2, b.
const CH05_CLOSED_FORM: [f64; 3] = [-1.741_303_904_2, 4.986_960_537_1, 47.352_599_813_7];

/// What a finished run looks like.
struct Outcome {
    stop: Stop,
    loss: f64,
    metric: f64,
    test_metric: Option<f64>,
    layers: Vec<nnstep::engine::Dense>,
    real: Option<(Array2<f64>, Array2<f64>)>,
    predictions: Vec<f64>,
}

fn lessons() -> Vec<Lesson> {
    Catalog::builtin()
        .entries()
        .iter()
        .map(|e| {
            e.load()
                .unwrap_or_else(|d| panic!("{} does not load: {d:?}", e.file()))
        })
        .collect()
}

fn finish(mut r: Resolved) -> Outcome {
    let snap = r.trainer.run().unwrap();
    let stop = match r.trainer.stopped().unwrap() {
        StopReason::ReachedEps { epoch, .. } => Stop::Eps(*epoch),
        StopReason::MaxEpochs { epoch } => Stop::Max(*epoch),
        StopReason::Diverged { epoch, .. } => Stop::Diverged(*epoch),
    };
    let test_metric = r
        .trainer
        .test_set()
        .map(|t| r.trainer.evaluate(t).unwrap().1);
    let layers = r.trainer.network().layers().to_vec();
    let real = r.info.real_units(&layers);
    let predictions = if r.info.predict.nrows() > 0 && !matches!(stop, Stop::Diverged(_)) {
        let p = r
            .info
            .predict(r.trainer.network(), &r.info.predict)
            .unwrap();
        p.column(0).to_vec()
    } else {
        Vec::new()
    };
    Outcome {
        stop,
        loss: snap.train_loss,
        metric: snap.metric,
        test_metric,
        layers,
        real,
        predictions,
    }
}

/// Runs every train and compare step of `lesson`.
fn run_lesson(lesson: &Lesson) -> Vec<((String, String, usize), Outcome)> {
    let mut out = Vec::new();
    let mut s = Session::new(lesson.clone());
    for i in 0..lesson.steps.len() {
        s.goto(i).unwrap();
        let step = s.step().id.clone();
        if let Some(r) = s.trainer() {
            out.push(((lesson.id.clone(), step.clone(), 0), finish(r.unwrap())));
        }
        if let Some(c) = s.comparison() {
            for (k, r) in c.unwrap().runs().iter().enumerate() {
                out.push(((lesson.id.clone(), step.clone(), k), finish(r.clone())));
            }
        }
    }
    out
}

fn texts_of(lesson: &Lesson) -> Vec<(String, Text)> {
    let mut t = vec![
        ("title".to_string(), lesson.title.clone()),
        ("summary".to_string(), lesson.summary.clone()),
    ];
    for s in &lesson.steps {
        let at = |what: &str| format!("{}: {what}", s.id);
        t.push((at("title"), s.title.clone()));
        if let Some(n) = &s.note {
            t.push((at("note"), n.clone()));
        }
        match &s.kind {
            StepKind::Text(x) => t.push((at("text"), x.clone())),
            StepKind::Formula { caption, .. } => {
                t.extend(caption.iter().map(|c| (at("caption"), c.clone())));
            }
            StepKind::Matrix(m) => t.extend(m.caption.iter().map(|c| (at("caption"), c.clone()))),
            StepKind::Table(tb) => {
                for (j, h) in tb.header.iter().enumerate() {
                    // An empty corner cell is allowed.
                    if j > 0 || !h.en.is_empty() {
                        t.push((at("header"), h.clone()));
                    }
                }
                for row in &tb.rows {
                    t.extend(row.iter().map(|c| (at("cell"), c.clone())));
                }
            }
            StepKind::Compare(c) => {
                t.extend(c.runs.iter().map(|r| (at("run name"), r.name.clone())))
            }
            StepKind::Landscape(l) => {
                t.extend(l.runs.iter().map(|r| (at("run name"), r.name.clone())))
            }
            StepKind::Train(_) | StepKind::Capacity(_) | StepKind::Plot(_) => {}
            StepKind::Quiz(qs) => {
                for q in qs {
                    t.push((at(&format!("{} ask", q.id)), q.ask.clone()));
                    t.extend(
                        q.explain
                            .iter()
                            .map(|e| (at(&format!("{} explain", q.id)), e.clone())),
                    );
                    if let QuestionKind::Choice { options, .. } = &q.kind {
                        t.extend(
                            options
                                .iter()
                                .map(|o| (at(&format!("{} option", q.id)), o.clone())),
                        );
                    }
                }
            }
        }
    }
    t
}

fn is_chapter(l: &Lesson) -> bool {
    (4..=11).contains(&l.chapter)
}

#[test]
fn the_course_is_complete_and_every_lesson_is_well_formed() {
    let all = lessons();
    let ids: Vec<&str> = all.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "overview", "ch04", "ch05", "ch06", "ch07", "ch08", "ch09", "ch10", "ch11"
        ]
    );
    for l in &all {
        assert!(
            (8..=25).contains(&l.steps.len()),
            "{} has {} steps",
            l.id,
            l.steps.len()
        );
        for (at, t) in texts_of(l) {
            assert!(
                !t.en.trim().is_empty() && !t.zh.trim().is_empty(),
                "{} {at}: a language is empty",
                l.id
            );
        }
        let has = |f: fn(&StepKind) -> bool| l.steps.iter().any(|s| f(&s.kind));
        assert!(
            has(|k| matches!(k, StepKind::Quiz(_))),
            "{} has no quiz",
            l.id
        );
        if is_chapter(l) {
            assert!(
                has(|k| matches!(k, StepKind::Train(_) | StepKind::Compare(_))),
                "{} has no train or compare step",
                l.id
            );
        }
        assert!(
            l.steps.last().unwrap().id.starts_with("recap"),
            "{} does not end with a recap",
            l.id
        );
    }
}

#[test]
fn every_quiz_answer_key_is_graded_right() {
    for l in lessons() {
        let mut s = Session::new(l.clone());
        for i in 0..l.steps.len() {
            s.goto(i).unwrap();
            for q in s.questions().to_vec() {
                let input = match &q.kind {
                    QuestionKind::Choice { answer, .. } => (answer + 1).to_string(),
                    QuestionKind::Number { answer, .. } => answer.to_string(),
                    QuestionKind::Gradient { .. } => typed(&s, &q.id, 10),
                    _ => continue,
                };
                let g = s.answer(&q.id, &input).unwrap();
                assert_eq!(g, Grade::Right, "{} {} {}", l.id, s.step().id, q.id);
            }
        }
    }
}

/// The engine's answer to generated question `id`, typed as a learner would:
/// rows separated by `;`, `decimals` places.
fn typed(s: &Session, id: &str, decimals: usize) -> String {
    let case = s
        .case(id)
        .unwrap()
        .unwrap_or_else(|| panic!("{id}: no case could be generated"));
    case.answer()
        .rows()
        .into_iter()
        .map(|r| {
            r.iter()
                .map(|x| format!("{x:.decimals$}"))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The generated gradient questions of a lesson: (step index, question id).
fn gradient_questions(l: &Lesson) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, step) in l.steps.iter().enumerate() {
        if let StepKind::Quiz(qs) = &step.kind {
            for q in qs {
                if matches!(q.kind, QuestionKind::Gradient { .. }) {
                    out.push((i, q.id.clone()));
                }
            }
        }
    }
    out
}

#[test]
fn every_chapter_has_generated_gradient_questions_answered_right_for_any_seed() {
    for l in lessons().iter().filter(|l| is_chapter(l)) {
        let questions = gradient_questions(l);
        assert!(
            !questions.is_empty(),
            "{} has no gradient question generated from the engine",
            l.id
        );
        // The shipped seed and a few others (as with `--seed S`): every draw
        // can be solved, and the answer typed to 4 decimals, as the worked
        // solutions print it, is graded right.
        for seed in std::iter::once(None).chain((1..=12).map(Some)) {
            let mut s = Session::new(l.clone()).with_seed(seed);
            for (i, id) in &questions {
                s.goto(*i).unwrap();
                let input = typed(&s, id, 4);
                let g = s.answer(id, &input).unwrap();
                assert_eq!(
                    g,
                    Grade::Right,
                    "{} {} {id} (seed {seed:?}): typed {input}",
                    l.id,
                    s.step().id
                );
            }
        }
    }
}

#[test]
fn ch05_closed_form_matches_its_text() {
    let l = Catalog::builtin().find("ch05").unwrap();
    let values = |id: &str| match &l.steps[l.step_index(id).unwrap()].kind {
        StepKind::Matrix(m) => m.values.clone(),
        k => panic!("{id} is a {} step", k.name()),
    };
    let w = values("closed-w");
    let b = values("closed-b");
    let [w1, w2, b0] = CH05_CLOSED_FORM;
    assert!((w[[0, 0]] - w1).abs() < 1e-6, "w1 = {}", w[[0, 0]]);
    assert!((w[[1, 0]] - w2).abs() < 1e-6, "w2 = {}", w[[1, 0]]);
    assert!((b[[0, 0]] - b0).abs() < 1e-6, "b = {}", b[[0, 0]]);
    // The quiz's price uses the 4-decimal coefficients the question prints.
    let price: f64 = 15.0 * -1.7413 + 93.0 * 4.9870 + 47.3526;
    assert!((price - 485.02).abs() < 0.01);
    // The written-out X matches the first rows of the data.
    let x = values("x-written-out");
    let d = nnstep::dataset::builtin::generate("house").unwrap();
    for i in 0..x.nrows() {
        assert_eq!(x[[i, 0]], 1.0);
        for j in 0..2 {
            assert!((x[[i, j + 1]] - d.train.values[[i, j]]).abs() < 5e-5);
        }
    }
}

#[test]
fn every_run_reaches_its_stated_goal_and_the_quoted_figures_hold() {
    let all = lessons();
    let outcomes: BTreeMap<(String, String, usize), Outcome> = std::thread::scope(|sc| {
        let handles: Vec<_> = all.iter().map(|l| sc.spawn(|| run_lesson(l))).collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let key = |k: &RunKey| (k.0.to_string(), k.1.to_string(), k.2);

    // Every run is listed, and ends as listed.
    for k in outcomes.keys() {
        assert!(
            STOPS.iter().any(|(s, _)| key(s) == *k),
            "run {k:?} is not listed in STOPS"
        );
    }
    for (k, stop) in STOPS {
        let o = outcomes
            .get(&key(k))
            .unwrap_or_else(|| panic!("no run {k:?}"));
        assert_eq!(o.stop, *stop, "{k:?}");
    }

    for (k, q, want, tol) in FIGURES {
        let o = &outcomes[&key(k)];
        let w = |l: usize, i: usize, j: usize| o.layers[l].w[[i, j]];
        let got = match *q {
            Q::Loss => o.loss,
            Q::Metric => o.metric,
            Q::TestMetric => o.test_metric.unwrap(),
            Q::W(l, i, j) => w(l, i, j),
            Q::B(l, j) => o.layers[l].b[[0, j]],
            Q::RealW(i) => o.real.as_ref().unwrap().0[[i, 0]],
            Q::RealB => o.real.as_ref().unwrap().1[[0, 0]],
            Q::Predict(r) => o.predictions[r],
            Q::LineSlope => -w(0, 0, 0) / w(0, 1, 0),
            Q::LineIntercept => -o.layers[0].b[[0, 0]] / w(0, 1, 0),
        };
        assert!(
            (got - want).abs() <= *tol,
            "{k:?} {q:?}: the text says {want}, the run gives {got}"
        );
    }
}

/// Every capacity step shows overfitting as its text says: the highest
/// degree has the lowest training loss and not the lowest validation loss,
/// and the ch09 figures quoted in the note hold.
#[test]
fn capacity_steps_show_underfitting_and_overfitting() {
    let mut seen = 0;
    for l in lessons() {
        for s in &l.steps {
            let StepKind::Capacity(c) = &s.kind else {
                continue;
            };
            seen += 1;
            let cap = &c.result;
            let top = cap.fits.last().unwrap().degree;
            let (best_val, best_train) = cap.best();
            assert_eq!(best_train, top, "{} {}", l.id, s.id);
            assert_ne!(best_val, top, "{} {}", l.id, s.id);
            if (l.id.as_str(), s.id.as_str()) == ("ch09", "overfit") {
                let near = |got: f64, want: f64, tol: f64| {
                    assert!((got - want).abs() <= tol, "the text says {want}, got {got}")
                };
                assert_eq!(best_val, 5);
                near(cap.val_loss[0], 0.12, 0.005);
                near(cap.val_loss[1], 0.12, 0.005);
                near(cap.val_loss[4], 0.031, 0.0005);
                near(cap.train_loss[9], 0.00018, 0.000005);
                near(cap.val_loss[9], 0.99, 0.005);
                // Underfit: degrees 1-2 no better on validation than 3-7;
                // overfit: every degree from 8 on worse than any of 3-7.
                let fit_worst = cap.val_loss[2..7].iter().copied().fold(0.0, f64::max);
                assert!(cap.val_loss[..2].iter().all(|v| *v > fit_worst));
                assert!(cap.val_loss[7..].iter().all(|v| *v > fit_worst));
            }
        }
    }
    assert!(seen >= 1, "the course has no capacity step");
}

/// The mean of x2² over the house flats: the curvature of the loss along
/// w2 relative to b, which ch05 `why-diverge` quotes.
fn house_x2_squared() -> f64 {
    let d = nnstep::dataset::builtin::generate("house").unwrap();
    let x2 = d.train.values.column(1);
    x2.iter().map(|v| v * v).sum::<f64>() / x2.len() as f64
}

#[test]
fn ch05_why_diverge_figures_follow_from_the_data() {
    // "x2² averages about 6,600": 2 significant figures.
    let c = house_x2_squared();
    assert!((c - 6600.0).abs() < 50.0, "mean x2² = {c}");
    // "0.01 × 6,600 − 1 ≈ 65": the factor a step of η = 0.01 multiplies the
    // error in w2 by, for a quadratic with that curvature.
    let growth = (1.0 - 0.01 * c).abs();
    assert!((growth - 65.0).abs() < 0.5, "growth {growth}");
    // "stable only for η below 2 / 6,600 ≈ 0.0003".
    assert!((2.0 / c - 0.0003).abs() < 0.00005, "bound {}", 2.0 / c);
    // And the run on raw data does diverge at η = 0.01 (STOPS), while the
    // text's bound says η = 0.0002 would not.
    let l = Catalog::builtin().find("ch05").unwrap();
    let StepKind::Train(t) = &l.steps[l.step_index("train-raw").unwrap()].kind else {
        panic!("train-raw is not a train step");
    };
    let mut spec = t.spec.clone();
    spec.learning_rate = 0.0002;
    spec.epochs = 2;
    let o = finish(nnstep::spec::resolve(&spec, &l.base_dir).unwrap());
    assert_eq!(o.stop, Stop::Max(2));
}

#[test]
fn ch05_label_scaling_only_changes_the_start() {
    // "trained for 500 epochs instead, the two runs agree to ten digits".
    let l = Catalog::builtin().find("ch05").unwrap();
    let StepKind::Compare(c) = &l.steps[l.step_index("normalise-label").unwrap()].kind else {
        panic!("normalise-label is not a compare step");
    };
    let real: Vec<(Array2<f64>, Array2<f64>)> = c
        .runs
        .iter()
        .map(|r| {
            let mut spec = r.spec.clone();
            spec.epochs = 500;
            finish(nnstep::spec::resolve(&spec, &l.base_dir).unwrap())
                .real
                .unwrap()
        })
        .collect();
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-10 * a.abs().max(1.0);
    for (a, b) in real[0].0.iter().zip(real[1].0.iter()) {
        assert!(close(*a, *b), "w {a} against {b}");
    }
    assert!(close(real[0].1[[0, 0]], real[1].1[[0, 0]]));
}

#[test]
fn ch09_quoted_curve_values_are_the_curves() {
    // The noise-free complex curve at the x the text quotes.
    let f = |x: f64| 0.4 * x * x + 0.3 * x * (15.0 * x).sin() + 0.01 * (50.0 * x).cos() - 0.3;
    for (x, quoted) in [(0.15, -0.25), (0.35, -0.34), (0.55, -0.03)] {
        assert!((f(x) - quoted).abs() < 0.005, "f({x}) = {}", f(x));
    }
}

/// The ch10 XOR spec with another seed, run to its end.
fn xor_run(seed: u64) -> (Outcome, nnstep::engine::Network) {
    let l = Catalog::builtin().find("ch10").unwrap();
    let StepKind::Compare(c) = &l.steps[l.step_index("restart").unwrap()].kind else {
        panic!("restart is not a compare step");
    };
    let mut spec = c.runs[1].spec.clone();
    spec.seed = seed;
    let mut r = nnstep::spec::resolve(&spec, &l.base_dir).unwrap();
    r.trainer.run().unwrap();
    let net = r.trainer.network().clone();
    (finish(r), net)
}

#[test]
fn ch10_restart_figures_hold() {
    // "of the seeds 1 to 40, nine stall": stuck on the plateau near 0.348
    // after 2000 epochs. Every other seed has learnt XOR by then (one, seed
    // 37, ends at 0.0053, just short of eps: slow, not stalled).
    let losses: Vec<(u64, f64)> = (1..=40).map(|s| (s, xor_run(s).0.loss)).collect();
    let stalled: Vec<u64> = losses
        .iter()
        .filter(|(_, l)| *l > 0.3)
        .map(|(s, _)| *s)
        .collect();
    assert!(
        losses.iter().all(|(_, l)| *l > 0.3 || *l < 0.01),
        "{losses:?}"
    );
    assert_eq!(stalled.len(), 9, "stalled: {stalled:?}");
    assert!(stalled.contains(&1) && !stalled.contains(&10));
    // "(ln 2)/2": half the points at the loss of guessing 0.5.
    assert!((std::f64::consts::LN_2 / 2.0 - 0.348).abs() < 0.0015);
    // "both hidden units ... z of −8 or lower" for (1, 0) and (1, 1).
    let (_, net) = xor_run(1);
    let hidden = &net.layers()[0];
    let x = ndarray::array![[1.0, 0.0], [1.0, 1.0]];
    let z = x.dot(&hidden.w) + &hidden.b;
    assert!(z.iter().all(|&v| v <= -7.95), "Z1 = {z}");
}

#[test]
fn ch06_threshold_table_counts_the_runs_answers() {
    let l = Catalog::builtin().find("ch06").unwrap();
    let StepKind::Train(t) = &l.steps[l.step_index("train").unwrap()].kind else {
        panic!("train is not a train step");
    };
    let mut r = nnstep::spec::resolve(&t.spec, &l.base_dir).unwrap();
    r.trainer.run().unwrap();
    let set = r.trainer.train_set();
    let a = r.trainer.network().predict(set.x.view()).unwrap();
    let StepKind::Table(table) = &l.steps[l.step_index("threshold").unwrap()].kind else {
        panic!("threshold is not a table step");
    };
    for row in &table.rows {
        let cell: Vec<f64> = row.iter().map(|c| c.en.parse().unwrap()).collect();
        let th = cell[0];
        let mut counts = [0.0; 4]; // Han→Han, Chu→Han, Han→Chu, Chu→Chu
        for (p, y) in a.column(0).iter().zip(set.y.column(0)) {
            let k = match (*p > th, *y > 0.5) {
                (true, true) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (false, false) => 3,
            };
            counts[k] += 1.0;
        }
        assert_eq!(&cell[1..5], &counts, "threshold {th}");
        let precision = counts[0] / (counts[0] + counts[1]);
        let recall = counts[0] / (counts[0] + counts[2]);
        assert!(
            (cell[5] - precision).abs() < 0.0005,
            "precision at {th}: {precision}"
        );
        assert!(
            (cell[6] - recall).abs() < 0.0005,
            "recall at {th}: {recall}"
        );
    }
}
