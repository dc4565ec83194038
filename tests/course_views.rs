#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! Each picture step of the built-in course, run headless: what its text
//! says happens does happen (the batch sizes approach the optimum, a too
//! large η zig-zags out, raw house data diverges and normalised data
//! converges, the saturation exercise takes the steps the lesson counts).

use nnstep::engine::StopReason;
use nnstep::lesson::Catalog;
use nnstep::session::Session;
use nnstep::session::landscape::Landscape;
use nnstep::session::plot::PlotState;

fn session_at(id: &str, step: &str) -> Session {
    let lesson = Catalog::builtin().get(id).unwrap().load().unwrap();
    let mut s = Session::new(lesson);
    let i = s.lesson().step_index(step).unwrap();
    s.goto(i).unwrap();
    s
}

fn landscape(id: &str, step: &str) -> Landscape {
    session_at(id, step).landscape().unwrap().unwrap()
}

fn plot(id: &str, step: &str) -> PlotState {
    session_at(id, step).plot().unwrap()
}

fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

/// (x, y) of each point of run `i`'s path.
fn points(l: &Landscape, i: usize) -> Vec<(f64, f64)> {
    l.paths()[i].points().iter().map(|p| (p.1, p.2)).collect()
}

#[test]
fn ch04_every_batch_size_walks_to_the_optimum_with_the_books_rates() {
    let mut l = landscape("ch04", "landscape-batches");
    let rates: Vec<f64> = (l.runs().iter())
        .map(|r| r.trainer.config().learning_rate)
        .collect();
    assert_eq!(rates, [0.1, 0.3, 0.5]);
    l.run_all().unwrap();
    let opt = l.optimum.unwrap();
    // The least-squares answer on the built-in line data.
    assert!(
        (opt.0 - 2.0).abs() < 0.2 && (opt.1 - 3.0).abs() < 0.2,
        "{opt:?}"
    );
    for i in 0..3 {
        let p = points(&l, i);
        let (start, end) = (p[0], *p.last().unwrap());
        assert!(distance(end, opt) < distance(start, opt) / 10.0, "run {i}");
    }
    // SGD and mini-batches end close to ★; the full batch is still on its way.
    assert!(distance(*points(&l, 0).last().unwrap(), opt) < 0.1);
    assert!(distance(*points(&l, 1).last().unwrap(), opt) < 0.1);
    assert!(distance(*points(&l, 2).last().unwrap(), opt) > 0.1);
    // One point per update: 20 epochs of 100, 10 and 1 updates.
    let lens: Vec<usize> = (0..3).map(|i| l.paths()[i].points().len()).collect();
    assert_eq!(lens, [2001, 201, 21]);
    // The full batch's loss never rises (η below the stable limit).
    let h = l.runs()[2].trainer.history();
    assert!(h.windows(2).all(|w| w[1].train_loss <= w[0].train_loss));
}

/// Whether consecutive steps of a path point in opposite directions along
/// the valley's steep axis: each step crosses the valley.
fn zig_zags(p: &[(f64, f64)]) -> bool {
    let steps: Vec<(f64, f64)> = p
        .windows(2)
        .map(|w| (w[1].0 - w[0].0, w[1].1 - w[0].1))
        .collect();
    steps
        .windows(2)
        .all(|s| s[0].0 * s[1].0 + s[0].1 * s[1].1 < 0.0)
}

#[test]
fn ch04_a_too_large_rate_zig_zags_out_and_halving_it_brings_it_back() {
    let mut l = landscape("ch04", "landscape-too-large");
    l.run_all().unwrap();
    let loss = |l: &Landscape, i: usize| {
        let h = l.runs()[i].trainer.history();
        (h[0].train_loss, h.last().unwrap().train_loss)
    };
    let (start, end) = loss(&l, 0);
    assert!(end < start / 5.0, "η 1.4 converges: {start} → {end}");
    let (start, end) = loss(&l, 1);
    assert!(end > 5.0 * start, "η 1.65 grows: {start} → {end}");
    // Both cross the valley at every step while the steep direction leads
    // (η 1.4: the first steps; η 1.65: all, as the crossing grows).
    assert!(zig_zags(&points(&l, 0)[..6]) && zig_zags(&points(&l, 1)));
    // The zig-zag widens: from epoch 5 on each step is longer than the last.
    let p = points(&l, 1);
    let lengths: Vec<f64> = p.windows(2).map(|w| distance(w[0], w[1])).collect();
    assert!(lengths[5..].windows(2).all(|w| w[1] > w[0]), "{lengths:?}");
    // ] then [ and [ again: η halved, and both now close in.
    l.scale_learning_rate(0.5).unwrap();
    assert_eq!(l.runs()[1].trainer.config().learning_rate, 0.825);
    assert_eq!(l.paths()[1].points().len(), 1, "restarted");
    l.run_all().unwrap();
    let (start, end) = loss(&l, 1);
    assert!(end < start, "η 0.825: {start} → {end}");
}

#[test]
fn ch05_raw_inputs_diverge_and_normalised_inputs_converge() {
    let mut raw = landscape("ch05", "landscape-raw");
    raw.run_all().unwrap();
    let row = &raw.rows()[0];
    let h = raw.runs()[0].trainer.history();
    assert!(
        matches!(row.stopped, Some(StopReason::Diverged { .. }))
            || h.last().unwrap().train_loss > 1000.0 * h[0].train_loss,
        "{row:?}"
    );
    assert!(!row.inside, "the raw path leaves the picture");
    assert!(zig_zags(&points(&raw, 0)[..10]));

    let mut norm = landscape("ch05", "landscape-normalised");
    norm.run_all().unwrap();
    let h = norm.runs()[0].trainer.history();
    assert!(h.last().unwrap().train_loss < h[0].train_loss / 100.0);
    let opt = norm.optimum.unwrap();
    let p = points(&norm, 0);
    assert!(distance(*p.last().unwrap(), opt) < distance(p[0], opt) / 4.0);
    assert!(norm.rows()[0].inside && norm.rows()[0].stopped.is_some());
}

#[test]
fn ch08_saturation_steps_match_a_hand_computation_and_count_67() {
    let mut p = plot("ch08", "saturation-run");
    let (ex, _) = p.exercise().unwrap();
    assert_eq!(ex.learning_rate, 0.2);
    // Hand computation (see session::plot's unit test for the working):
    // z0 = ln 9, each z_{k+1} = z_k − 0.2·a_k(1 − a_k).
    let mut z = 9f64.ln();
    for _ in 0..3 {
        let a = 1.0 / (1.0 + (-z).exp());
        z -= 0.2 * a * (1.0 - a);
        p.step();
        let (_, run) = p.exercise().unwrap();
        let s = run.states[p.shown()];
        assert!((s.z - z).abs() < 1e-12, "{} vs {z}", s.z);
    }
    p.run_all();
    assert_eq!(p.shown(), 67);
    // Doubling η roughly halves the count.
    p.scale_learning_rate(2.0).unwrap();
    p.run_all();
    assert!((32..=35).contains(&p.shown()), "{}", p.shown());
}

#[test]
fn ch08_curve_steps_plot_what_their_notes_name() {
    use nnstep::engine::curve::Curve;
    let p = plot("ch08", "curves-squashing");
    assert_eq!(p.plot().functions, [Curve::Sigmoid, Curve::Tanh]);
    let marks = p.marks();
    // σ(2.2) ≈ 0.9, as the note says.
    assert!((marks[1].value - 0.9).abs() < 0.001);
    let p = plot("ch08", "curves-rectifying");
    // Softplus's slope is the sigmoid.
    for m in p.marks().iter().filter(|m| m.curve == Curve::Softplus) {
        assert!((m.slope - Curve::Sigmoid.value(m.z)).abs() < 1e-15);
    }
}
