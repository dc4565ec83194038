#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! The training controller the dashboard drives: scrubbing shows the exact
//! epoch, resuming continues from there, restarts reproduce, and the numbers
//! bound into the formulas are the engine's own gradient for that sample.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use nnstep::session::training::{Play, Toggle, Training};
use nnstep::spec::TrainSpec;

fn training(yaml: &str) -> Training {
    Training::new(TrainSpec::from_yaml(yaml).unwrap(), PathBuf::from(".")).unwrap()
}

const LINE: &str = "
data: {builtin: line}
layers: [{units: 1, activation: identity}]
loss: mse
learning_rate: 0.1
batch_size: 10
epochs: 100
seed: 4
";

#[test]
fn scrubbing_shows_the_exact_record_of_epoch_k() {
    let mut t = training(LINE);
    for _ in 0..10 {
        t.step_epoch().unwrap();
    }
    let recorded = t.run().trainer.history()[6].clone();
    for _ in 0..4 {
        t.scrub_back();
    }
    assert_eq!(t.viewing(), Some(6));
    let shown = t.shown().unwrap();
    assert_eq!(shown.epoch, 6);
    assert_eq!(shown.layers(), recorded.layers());
    assert_eq!(shown.train_loss, recorded.train_loss);
    assert_eq!(shown.grads(), recorded.grads());
    assert_eq!(t.history_shown().len(), 7, "the loss chart ends at epoch 6");
    t.scrub_forward();
    t.scrub_forward();
    t.scrub_forward();
    assert_eq!(t.viewing(), Some(9));
    t.scrub_forward();
    assert_eq!(t.viewing(), None, "past the last epoch is live again");
}

#[test]
fn resuming_from_a_past_epoch_continues_the_run_from_there() {
    let mut t = training(LINE);
    for _ in 0..10 {
        t.step_epoch().unwrap();
    }
    let original = t.run().trainer.history().to_vec();
    t.scrub_back();
    t.scrub_back();
    t.scrub_back(); // epoch 7
    t.step_epoch().unwrap();
    let h = t.run().trainer.history();
    assert_eq!(h.len(), 9, "epochs 0..=8: the later history was dropped");
    assert_eq!(
        h[8].layers(),
        original[8].layers(),
        "and epoch 8 is computed again identically"
    );
}

#[test]
fn restart_with_the_same_seed_reproduces_and_a_new_seed_differs() {
    let mut t = training(&LINE.replace("identity}]", "identity}]\ninit: xavier"));
    t.step_epoch().unwrap();
    t.step_epoch().unwrap();
    let first = t.shown().unwrap().layers();
    assert!(
        !t.restart().unwrap(),
        "no experiment: the lesson's settings"
    );
    assert_eq!(t.run().trainer.history().len(), 1);
    t.step_epoch().unwrap();
    t.step_epoch().unwrap();
    assert_eq!(t.shown().unwrap().layers(), first);
    t.restart_with_seed(77).unwrap();
    assert_eq!(t.spec().seed, 77);
    t.step_epoch().unwrap();
    t.step_epoch().unwrap();
    assert_ne!(t.shown().unwrap().layers(), first);
}

#[test]
fn bound_formula_numbers_are_the_engine_gradient_for_that_sample() {
    let mut t = training(LINE);
    t.step_iteration().unwrap();
    let v = t.sample_values().unwrap();
    let batch = t.live().unwrap().unwrap().last_batch;
    assert_eq!(v.row, batch[0], "the first sample of the current batch");
    // The deck's formulas: dw = (z − y)·x, db = z − y, with z = w·x + b.
    let layer = &t.run().trainer.network().layers()[0];
    let z = layer.w[[0, 0]] * v.x[0] + layer.b[[0, 0]];
    assert!((v.z[0] - z).abs() < 1e-12);
    assert!((v.dw[0][[0, 0]] - (v.z[0] - v.y[0]) * v.x[0]).abs() < 1e-12);
    assert!((v.db[0][[0, 0]] - (v.z[0] - v.y[0])).abs() < 1e-12);
}

#[test]
fn playing_advances_with_the_clock_at_the_chosen_speed() {
    let mut t = training(LINE);
    let t0 = Instant::now();
    t.toggle_play().unwrap();
    assert_eq!(t.play(), Play::Playing);
    assert_eq!(t.speed(), 5.0);
    t.tick(t0, Duration::from_millis(30)).unwrap();
    t.tick(t0 + Duration::from_millis(200), Duration::from_millis(30))
        .unwrap();
    assert_eq!(
        t.run().trainer.history().last().unwrap().epoch,
        1,
        "5 epochs/s for 0.2 s"
    );
    t.tick(t0 + Duration::from_millis(600), Duration::from_millis(30))
        .unwrap();
    assert_eq!(t.run().trainer.history().last().unwrap().epoch, 3);
    t.toggle_play().unwrap();
    t.tick(t0 + Duration::from_secs(5), Duration::from_millis(30))
        .unwrap();
    assert_eq!(
        t.run().trainer.history().last().unwrap().epoch,
        3,
        "paused: nothing happens"
    );
}

#[test]
fn full_speed_stops_within_the_frame_budget_and_at_the_end_of_the_run() {
    let mut t = training(&LINE.replace("epochs: 100", "epochs: 5000"));
    for _ in 0..7 {
        t.faster();
    }
    assert!(t.speed().is_infinite());
    t.toggle_play().unwrap();
    let now = Instant::now();
    t.tick(now, Duration::from_millis(20)).unwrap();
    let after_one = t.run().trainer.history().len();
    assert!(after_one > 1 && after_one <= 5001);
    for i in 1..2000 {
        t.tick(now + Duration::from_millis(i), Duration::from_millis(20))
            .unwrap();
        if t.run().trainer.stopped().is_some() {
            break;
        }
    }
    assert!(t.run().trainer.stopped().is_some());
    t.tick(now + Duration::from_secs(10), Duration::from_millis(20))
        .unwrap();
    assert_eq!(t.play(), Play::Paused, "a finished run pauses");
    let end = t.run().trainer.history().len();
    assert_eq!(t.toggle_play().unwrap(), Toggle::Finished);
    assert_eq!(
        t.play(),
        Play::Paused,
        "Space on a finished run does not play"
    );
    t.tick(now + Duration::from_secs(20), Duration::from_millis(20))
        .unwrap();
    assert_eq!(
        t.run().trainer.history().len(),
        end,
        "and nothing trains past the epoch limit"
    );
}

#[test]
fn restart_keeps_the_learners_eta_and_batch_and_reset_does_not() {
    let mut t = training(LINE);
    let lesson = t.run().trainer.config().clone();
    t.scale_learning_rate(2.0).unwrap();
    t.cycle_batch().unwrap();
    t.step_epoch().unwrap();
    assert!(t.restart().unwrap(), "an experiment is running");
    let cfg = t.run().trainer.config();
    assert_eq!(t.run().trainer.history().len(), 1, "back at epoch 0");
    assert_eq!(cfg.learning_rate, 2.0 * lesson.learning_rate);
    assert_ne!(cfg.batch_size, lesson.batch_size);
    t.restart_with_seed(9).unwrap();
    assert!(t.experimenting(), "a new seed keeps the experiment too");
    t.reset();
    let cfg = t.run().trainer.config();
    assert_eq!(cfg.learning_rate, lesson.learning_rate);
    assert_eq!(cfg.batch_size, lesson.batch_size);
    assert!(!t.experimenting());
}

#[test]
fn learning_rate_and_batch_size_change_live() {
    let mut t = training(LINE);
    t.scale_learning_rate(2.0).unwrap();
    assert!((t.run().trainer.config().learning_rate - 0.2).abs() < 1e-12);
    assert_eq!(t.cycle_batch().unwrap().label(), "full");
    assert_eq!(t.cycle_batch().unwrap().label(), "1");
    assert_eq!(t.cycle_batch().unwrap().label(), "10");
}

#[test]
fn the_rate_shown_is_epochs_over_wall_time_smoothed() {
    let mut t = training(&LINE.replace("epochs: 100", "epochs: 5000"));
    assert_eq!(t.speed(), 5.0);
    t.toggle_play().unwrap();
    let t0 = Instant::now();
    assert_eq!(t.measured_rate(), 0.0, "nothing measured yet");
    // 5 epochs/s, ticking every 50 ms for 3 s: about 5 epochs/s measured.
    for i in 0..=60 {
        t.tick(
            t0 + Duration::from_millis(50 * i),
            Duration::from_millis(30),
        )
        .unwrap();
    }
    let r = t.measured_rate();
    assert!((r - 5.0).abs() < 0.6, "measured {r}");
    // Twice the speed: the shown rate moves towards 10 without jumping.
    t.faster();
    let mut seen = Vec::new();
    for i in 61..=160 {
        t.tick(
            t0 + Duration::from_millis(50 * i),
            Duration::from_millis(30),
        )
        .unwrap();
        seen.push(t.measured_rate());
    }
    assert_eq!(t.speed(), 10.0);
    let last = *seen.last().unwrap();
    assert!((last - 10.0).abs() < 1.0, "measured {last}");
    assert!(
        seen.windows(2).all(|w| (w[1] - w[0]).abs() <= 4.0),
        "smoothed: {seen:?}"
    );
    // A pause forgets the rate.
    t.toggle_play().unwrap();
    assert_eq!(t.measured_rate(), 0.0);
}
