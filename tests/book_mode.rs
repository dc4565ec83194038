#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! Book mode on built-in data: a forward pass without training, the book's
//! validation split, the stop test on the book's cadence, and the
//! saturation exercise, each checked against an independent computation.

use std::path::Path;

use ndarray::Axis;
use nnstep::engine::saturation::{Saturation, SaturationEnd, z_for};
use nnstep::engine::{Activation, StopOn, StopReason};
use nnstep::rng::SeededRng;
use nnstep::spec::{self, Resolved, SetName, TrainSpec};

fn resolve(yaml: &str) -> Resolved {
    let spec = TrainSpec::from_yaml(yaml).expect("spec parses");
    spec::resolve(&spec, Path::new(".")).expect("spec resolves")
}

fn problems(yaml: &str) -> Vec<String> {
    let spec = TrainSpec::from_yaml(yaml).expect("spec parses");
    match spec::resolve(&spec, Path::new(".")) {
        Ok(_) => Vec::new(),
        Err(errs) => errs
            .iter()
            .map(|e| format!("{}: {}", spec::DisplayPath(&e.path), e.problem))
            .collect(),
    }
}

const XOR_FORWARD: &str = "
data: {builtin: xor}
layers: [{units: 2, activation: sigmoid}, {units: 1, activation: sigmoid}]
loss: bce
weights:
  - {w: [[1.0, -1.0], [-1.0, 1.0]], b: [-0.5, -0.5]}
  - {w: [[2.0], [2.0]], b: [-1.0]}
learning_rate: 0.5
epochs: 0
";

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

#[test]
fn zero_epochs_takes_no_step_and_reports_the_engines_forward_pass() {
    let r = resolve(XOR_FORWARD);
    let t = &r.trainer;
    assert_eq!(t.stopped(), Some(&StopReason::MaxEpochs { epoch: 0 }));
    let snap = t.snapshot().unwrap();
    assert_eq!((snap.epoch, snap.iteration), (0, 0));
    assert!(snap.grads.is_none() && t.last_batch_score().is_none());
    // The same bits as the readable forward pass and loss.
    let set = t.train_set();
    let fwd = t.network().forward(set.x.view()).unwrap();
    assert_eq!(snap.train_loss, t.network().loss_of(&fwd, set.y.view()));
    let rows = r
        .info
        .set_predictions(t.network(), SetName::Train)
        .unwrap()
        .unwrap();
    for (row, out) in rows.iter().zip(fwd.output().rows()) {
        assert_eq!(row.output, out.to_vec());
    }
    // And what a pencil gives: h = σ(±(x1 − x2) − ½), a = σ(2h1 + 2h2 − 1).
    for row in &rows {
        let (x1, x2) = (row.input[0], row.input[1]);
        let h1 = sigmoid(x1 - x2 - 0.5);
        let h2 = sigmoid(-x1 + x2 - 0.5);
        let a = sigmoid(2.0 * h1 + 2.0 * h2 - 1.0);
        assert!((row.output[0] - a).abs() < 1e-15, "{row:?} vs {a}");
        assert_eq!(row.class, Some(f64::from(u8::from(a >= 0.5))));
    }
    // (0,0): h = σ(−½) twice, a = σ(4σ(−½) − 1) = 0.624844608556…
    assert!((rows[0].output[0] - 0.624_844_608_556_731_5).abs() < 1e-13);
}

#[test]
fn evaluating_is_deterministic_and_rewinding_keeps_it_untrained() {
    let spec = "
data: {builtin: sine}
normalize: min_max
layers: [{units: 3, activation: sigmoid}, {units: 1, activation: identity}]
loss: mse
learning_rate: 0.5
epochs: 0
seed: 7
";
    let (mut a, b) = (resolve(spec), resolve(spec));
    assert_eq!(a.trainer.snapshot().unwrap(), b.trainer.snapshot().unwrap());
    a.trainer.rewind(0).unwrap();
    a.trainer.run().unwrap();
    assert_eq!(a.trainer.snapshot().unwrap().iteration, 0);
    assert!(
        a.trainer.test_set().is_some(),
        "sine has a test set to evaluate"
    );
}

const LINE_FIRST: &str = "
data: {builtin: line}
layers: [{units: 1, activation: identity}]
loss: mse
learning_rate: 0.1
batch_size: full
epochs: 3
validation: 0.1
validation_rows: first
seed: 11
";

#[test]
fn first_rows_validate_and_the_rest_shuffle_every_epoch_by_the_seed() {
    let mut r = resolve(LINE_FIRST);
    let m = r.info.raw_x.nrows();
    let n_val = m / 10;
    let val = r.trainer.validation_set().unwrap().clone();
    let first: Vec<usize> = (0..n_val).collect();
    let rest: Vec<usize> = (n_val..m).collect();
    assert_eq!(val.x, r.info.raw_x.select(Axis(0), &first));
    assert_eq!(val.y, r.info.raw_y.select(Axis(0), &first));
    assert_eq!(r.info.val_rows, (0..n_val).collect::<Vec<_>>());
    let train = r.trainer.train_set().clone();
    assert_eq!(train.x, r.info.raw_x.select(Axis(0), &rest));
    // The per-epoch order is the seeded stream's shuffle of the rest.
    let mut rng = SeededRng::derived(11, "shuffle");
    let mut orders = Vec::new();
    for _ in 0..2 {
        r.trainer.step_iteration().unwrap();
        let mut expected: Vec<usize> = (0..m - n_val).collect();
        rng.shuffle(&mut expected);
        assert_eq!(r.trainer.last_batch(), expected.as_slice());
        orders.push(expected);
    }
    assert_ne!(orders[0], orders[1], "a new shuffle each epoch");
    assert_ne!(orders[0], (0..m - n_val).collect::<Vec<_>>());
    // The random split takes other rows.
    let random = resolve(&LINE_FIRST.replace("validation_rows: first", ""));
    assert_ne!(random.info.val_rows, (0..n_val).collect::<Vec<_>>());
    assert_eq!(random.info.val_rows.len(), n_val);
}

#[test]
fn validation_rows_first_needs_a_fraction_and_known_words() {
    let errs = problems(&LINE_FIRST.replace("validation: 0.1", ""));
    assert!(
        errs.iter()
            .any(|e| e.starts_with("validation_rows: ") && e.contains("fraction")),
        "{errs:?}"
    );
    let bad = TrainSpec::from_yaml(&LINE_FIRST.replace("rows: first", "rows: last"));
    let msg = bad.unwrap_err().to_string();
    assert!(
        msg.contains("unknown variant `last`") && msg.contains("first"),
        "{msg}"
    );
}

/// ½·mean((wx + b − y)²) and one full-batch step, written out in plain loops
/// (no engine): the losses after each iteration.
fn hand_losses(x: &[f64], y: &[f64], eta: f64, iterations: usize) -> Vec<f64> {
    let m = x.len() as f64;
    let (mut w, mut b) = (0.0, 0.0);
    let loss = |w: f64, b: f64| {
        x.iter()
            .zip(y)
            .map(|(x, y)| (w * x + b - y).powi(2))
            .sum::<f64>()
            / (2.0 * m)
    };
    let mut out = vec![loss(w, b)];
    for _ in 0..iterations {
        let dw = x
            .iter()
            .zip(y)
            .map(|(x, y)| (w * x + b - y) * x)
            .sum::<f64>()
            / m;
        let db = x.iter().zip(y).map(|(x, y)| w * x + b - y).sum::<f64>() / m;
        w -= eta * dw;
        b -= eta * db;
        out.push(loss(w, b));
    }
    out
}

#[test]
fn the_stop_test_every_ten_iterations_fires_where_a_hand_count_says() {
    let spec = "
data: {builtin: line}
layers: [{units: 1, activation: identity}]
loss: mse
learning_rate: 0.1
batch_size: full
epochs: 5000
eps: 0.0205
eps_compare: below
stop_every: {iterations: 10}
seed: 2
";
    let mut r = resolve(spec);
    let x: Vec<f64> = r.info.raw_x.column(0).to_vec();
    let y: Vec<f64> = r.info.raw_y.column(0).to_vec();
    let losses = hand_losses(&x, &y, 0.1, 5000);
    // The first multiple of 10 whose loss is below eps, with a margin so
    // summation order cannot move it.
    let fired = (10..losses.len())
        .step_by(10)
        .find(|i| losses[*i] < 0.0205)
        .unwrap();
    assert!(losses[fired] < 0.0205 - 1e-9 && losses[fired - 10] > 0.0205 + 1e-9);
    let first_below = (1..losses.len()).find(|i| losses[*i] < 0.0205).unwrap();
    assert!(
        first_below < fired,
        "the cadence, not the first crossing, decides"
    );
    r.trainer.run().unwrap();
    let Some(StopReason::ReachedEps {
        iteration,
        epoch,
        loss,
        on,
        ..
    }) = r.trainer.stopped().cloned()
    else {
        panic!("{:?}", r.trainer.stopped());
    };
    assert_eq!(iteration, fired as u64);
    assert_eq!(epoch, fired, "one full batch per epoch");
    assert_eq!(on, StopOn::Train);
    assert!((loss - losses[fired]).abs() < 1e-12);
}

#[test]
fn an_epoch_cadence_tests_only_every_nth_epoch() {
    let base = "
data: {builtin: line}
layers: [{units: 1, activation: identity}]
loss: mse
learning_rate: 0.1
batch_size: 10
epochs: 500
eps: 0.03
seed: 5
";
    let mut every = resolve(base);
    every.trainer.run().unwrap();
    let mut third = resolve(&format!("{base}stop_every: {{epochs: 3}}\n"));
    third.trainer.run().unwrap();
    let epoch_of = |r: &Resolved| match r.trainer.stopped() {
        Some(StopReason::ReachedEps { epoch, .. }) => *epoch,
        other => panic!("{other:?}"),
    };
    let (e1, e3) = (epoch_of(&every), epoch_of(&third));
    assert_eq!(e3 % 3, 0);
    assert_eq!(
        e3,
        e1.div_ceil(3) * 3,
        "the first multiple of 3 at or after {e1}"
    );
}

#[test]
fn stopping_on_the_last_batch_can_stop_in_the_middle_of_an_epoch() {
    let spec = "
data: {builtin: line}
layers: [{units: 1, activation: identity}]
loss: mse
learning_rate: 0.1
batch_size: 10
epochs: 100
eps: 0.02
stop_on: batch
stop_every: {iterations: 7}
seed: 3
";
    let mut a = resolve(spec);
    a.trainer.run().unwrap();
    let Some(StopReason::ReachedEps {
        iteration,
        loss,
        on,
        ..
    }) = a.trainer.stopped().cloned()
    else {
        panic!("{:?}", a.trainer.stopped());
    };
    assert_eq!(on, StopOn::Batch);
    assert_eq!(iteration % 7, 0);
    let snap = a.trainer.snapshot().unwrap();
    assert_eq!(snap.iteration, iteration);
    // The batch's loss after its update, as the trainer reports it now.
    assert_eq!(a.trainer.last_batch_score().unwrap().0, loss);
    // By hand: ½·mean((wx + b − y)²) over the batch rows, with W and B now.
    let (w, b) = (snap.layers[0].w[[0, 0]], snap.layers[0].b[[0, 0]]);
    let set = a.trainer.train_set().select(a.trainer.last_batch());
    let hand = (set.x.column(0).iter().zip(set.y.column(0)))
        .map(|(x, y)| (w * x + b - y).powi(2))
        .sum::<f64>()
        / (2.0 * set.rows() as f64);
    assert!((hand - loss).abs() < 1e-14, "{hand} vs {loss}");
    // The same spec, the same stop.
    let mut b2 = resolve(spec);
    b2.trainer.run().unwrap();
    assert_eq!(b2.trainer.stopped(), a.trainer.stopped());
    assert_eq!(b2.trainer.snapshot().unwrap(), snap);
}

#[test]
fn stop_keys_without_eps_or_with_zero_intervals_are_refused() {
    let base = "
data: {builtin: line}
layers: [{units: 1, activation: identity}]
loss: mse
learning_rate: 0.1
epochs: 5
";
    let errs = problems(&format!("{base}stop_every: {{iterations: 10}}\n"));
    assert!(
        errs.iter()
            .any(|e| e.contains("stop_every") && e.contains("no eps")),
        "{errs:?}"
    );
    let errs = problems(&format!("{base}eps: 0.1\nstop_every: {{iterations: 0}}\n"));
    assert!(errs.iter().any(|e| e.contains("found 0")), "{errs:?}");
    let errs = problems(&format!(
        "{base}eps: 0.1\nstop_every: {{iterations: 5, epochs: 1}}\n"
    ));
    assert!(errs.iter().any(|e| e.contains("exactly one")), "{errs:?}");
    let errs = problems(&format!("{base}eps_compare: below\n"));
    assert!(
        errs.iter().any(|e| e.starts_with("eps_compare")),
        "{errs:?}"
    );
    let errs = problems(&format!("{base}stop_on: batch\n"));
    assert!(errs.iter().any(|e| e.starts_with("stop_on")), "{errs:?}");
    // Wrong types and a negative interval fail at parse time, with a line.
    for bad in [
        "stop_every: {iterations: ten}",
        "stop_every: {iterations: -5}",
        "eps_compare: maybe",
        "stop_every: 10",
    ] {
        let err = TrainSpec::from_yaml(&format!("{base}eps: 0.1\n{bad}\n")).unwrap_err();
        assert!(err.location().is_some(), "{bad}: {err}");
    }
    // `<` and `≤` are accepted as written.
    for word in ["\"<\"", "\"<=\"", "at_most", "below"] {
        assert!(problems(&format!("{base}eps: 0.1\neps_compare: {word}\n")).is_empty());
    }
}

#[test]
fn normalisation_constants_are_the_min_and_range_of_the_rows_used() {
    let r = resolve(
        "
data: {builtin: sine}
normalize: min_max
normalize_stats: train_and_test
normalize_target: z_score
layers: [{units: 3, activation: sigmoid}, {units: 1, activation: identity}]
loss: mse
learning_rate: 0.5
epochs: 0
",
    );
    let n = r.info.input_norm().unwrap();
    let (tx, _) = r.info.raw_test.clone().unwrap();
    let all = ndarray::concatenate(Axis(0), &[r.info.raw_x.view(), tx.view()]).unwrap();
    let min = all.iter().copied().fold(f64::INFINITY, f64::min);
    let max = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    assert_eq!(n.rows, all.nrows());
    assert_eq!((n.columns[0].center, n.columns[0].scale), (min, max - min));
    let t = r.info.target_norm().unwrap();
    let y = &r.info.raw_y;
    let mean = y.mean().unwrap();
    assert!((t.columns[0].center - mean).abs() < 1e-15);
    assert_eq!(t.rows, y.nrows());
    let json = n.to_json();
    assert_eq!(json["statistic"], "min_max");
    assert_eq!(json["from"], "train_and_test");
    assert_eq!(json["columns"][0]["min"], min);
}

#[test]
fn three_saturation_steps_match_a_hand_computation() {
    // z0 = ln(0.9/0.1) = ln 9; each step z ← z − 0.2·a(1 − a), a = σ(z).
    // By hand (Python floats, computed separately):
    //   z1 = 2.1792245773362196  a1 = 0.898368295785431   slope1 = 0.09130270091301138
    //   z2 = 2.160964037153617   a2 = 0.8966888891024882  slope2 = 0.0926379252626338
    //   z3 = 2.1424364521010903  a3 = 0.894959873801429   slope3 = 0.09400669808675924
    let z0 = z_for(Activation::Sigmoid, 0.9).unwrap();
    assert!((z0 - 9f64.ln()).abs() < 1e-15);
    let run = Saturation::new(Activation::Sigmoid, z0, 0.5, 0.2, 10_000)
        .unwrap()
        .run();
    let hand = [
        (2.197_224_577_336_219_6, 0.9, 0.09),
        (
            2.179_224_577_336_219_6,
            0.898_368_295_785_431,
            0.091_302_700_913_011_38,
        ),
        (
            2.160_964_037_153_617,
            0.896_688_889_102_488_2,
            0.092_637_925_262_633_8,
        ),
        (
            2.142_436_452_101_090_3,
            0.894_959_873_801_429,
            0.094_006_698_086_759_24,
        ),
    ];
    for (s, (z, a, slope)) in run.states.iter().zip(hand) {
        assert!((s.z - z).abs() < 1e-12, "step {}: z {} vs {z}", s.step, s.z);
        assert!((s.a - a).abs() < 1e-12, "step {}: a {} vs {a}", s.step, s.a);
        assert!((s.slope - slope).abs() < 1e-12, "step {}", s.step);
    }
    // Every step is reported, and the last is the first with a ≤ 0.5.
    let SaturationEnd::Reached { steps } = run.end else {
        panic!("{:?}", run.end)
    };
    assert_eq!(run.states.len(), steps + 1);
    assert!(run.states[steps].a <= 0.5 && run.states[steps - 1].a > 0.5);
    assert_eq!(steps, 67);
    // ReLU from 0.9 with η = 0.2: 0.7, 0.5: two steps.
    let relu = Saturation::new(Activation::Relu, 0.9, 0.5, 0.2, 10)
        .unwrap()
        .run();
    assert_eq!(relu.end, SaturationEnd::Reached { steps: 2 });
}

fn lesson_with_table(table: &str) -> Result<nnstep::lesson::Lesson, String> {
    let text = format!(
        "id: sat\nchapter: 8\ntitle: {{en: S, zh: S}}\nsummary: {{en: S, zh: S}}\nsteps:\n  - id: t\n    title: {{en: T, zh: T}}\n    table:\n{table}"
    );
    nnstep::lesson::load_str("sat.yaml", &text, Path::new("."))
        .map_err(|d| d.iter().map(ToString::to_string).collect::<String>())
}

#[test]
fn a_lesson_table_of_saturation_steps_lists_every_step_the_engine_takes() {
    let l = lesson_with_table(
        "      saturation_steps: {activation: sigmoid, start: {a: 0.9}, target: 0.5, learning_rate: 0.2}\n",
    )
    .unwrap();
    let nnstep::lesson::model::StepKind::Table(t) = &l.steps[0].kind else {
        panic!("a table step");
    };
    assert_eq!(t.rows.len(), 68, "steps 0 to 67");
    assert_eq!(
        t.rows[1][1].en, "2.1792",
        "z after one step: ln 9 − 0.2·0.09"
    );
    assert_eq!(t.header[3].zh, "斜率 σ′(z)");
    // A target outside the sigmoid's range is named at its key.
    let err = lesson_with_table(
        "      saturation: [{activation: sigmoid, start: {a: 0.9}, target: 1.0, learning_rate: 0.2}]\n",
    )
    .unwrap_err();
    assert!(
        err.contains("steps[0].table.saturation[0].target") && err.contains("(0, 1)"),
        "{err}"
    );
    // Too many steps for a table is refused, with what to do.
    let err = lesson_with_table(
        "      saturation_steps: {activation: sigmoid, start: {a: 0.9}, target: 0.5, learning_rate: 0.01}\n",
    )
    .unwrap_err();
    assert!(
        err.contains("cells; the limit is 2000") && err.contains("max_steps"),
        "{err}"
    );
    // A table is one source or the other.
    let err = lesson_with_table(
        "      header: [a]\n      saturation: [{activation: relu, start: {z: 1}, target: 0.5, learning_rate: 0.2}]\n",
    )
    .unwrap_err();
    assert!(err.contains("one of them"), "{err}");
}
