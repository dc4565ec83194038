#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! The trainer as a state machine: stepping, stopping, history and rewind.

use std::path::Path;

use nnstep::engine::{BatchSize, StopReason};
use nnstep::spec::{self, Resolved, TrainSpec};

fn resolve(yaml: &str) -> Resolved {
    let spec = TrainSpec::from_yaml(yaml).expect("spec parses");
    spec::resolve(&spec, Path::new(".")).expect("spec resolves")
}

const COMPLEX: &str = "
data: {builtin: complex}
normalize: min_max
layers: [{units: 3, activation: sigmoid}, {units: 1, activation: identity}]
loss: mse
learning_rate: 0.5
batch_size: 10
epochs: 50
validation: 0.1
seed: 9
";

#[test]
fn iterations_fill_an_epoch_then_the_epoch_counts() {
    let mut r = resolve(COMPLEX);
    let snap = r.trainer.step_iteration().unwrap();
    assert_eq!(
        (
            snap.epoch,
            snap.iteration,
            snap.batch_in_epoch,
            snap.batches_per_epoch
        ),
        (0, 1, 1, 90)
    );
    assert_eq!(snap.last_batch.len(), 10);
    assert!(snap.batch_loss.is_some() && snap.grads.is_some());
    let snap = r.trainer.step_epoch().unwrap();
    assert_eq!(
        (snap.epoch, snap.iteration, snap.batch_in_epoch),
        (1, 90, 0)
    );
    assert_eq!(r.trainer.history().len(), 2, "epoch 0 and epoch 1");
    assert_eq!(r.trainer.validation_set().map(|v| v.rows()), Some(100));
}

#[test]
fn rewinding_and_stepping_on_repeats_the_run_exactly() {
    let mut a = resolve(COMPLEX);
    a.trainer.run_epochs(20).unwrap();
    let original: Vec<_> = a.trainer.history().to_vec();
    a.trainer.rewind(7).unwrap();
    assert_eq!(a.trainer.history().len(), 8);
    let at7 = a.trainer.snapshot().unwrap();
    assert_eq!(
        at7.layers,
        original[7].layers(),
        "the parameters of epoch 7"
    );
    assert_eq!(at7.train_loss, original[7].train_loss);
    a.trainer.run_epochs(13).unwrap();
    for (x, y) in a.trainer.history().iter().zip(&original) {
        assert_eq!(x.train_loss, y.train_loss, "epoch {}", x.epoch);
        assert_eq!(x.layers(), y.layers(), "epoch {}", x.epoch);
    }
}

#[test]
fn restart_with_the_same_seed_reproduces_and_another_seed_differs() {
    let mut a = resolve(COMPLEX);
    let mut b = resolve(COMPLEX);
    let sa = a.trainer.run_epochs(5).unwrap();
    let sb = b.trainer.run_epochs(5).unwrap();
    assert_eq!(sa.layers, sb.layers);
    let mut c = resolve(&COMPLEX.replace("seed: 9", "seed: 10"));
    assert_ne!(c.trainer.run_epochs(5).unwrap().layers, sa.layers);
}

#[test]
fn reaching_eps_stops_the_run_and_says_so() {
    let mut r = resolve(&COMPLEX.replace("epochs: 50", "epochs: 10000\neps: 0.01"));
    let snap = r.trainer.run().unwrap();
    match snap.stop {
        Some(StopReason::ReachedEps { loss, eps, .. }) => assert!(loss <= eps),
        other => panic!("expected eps, got {other:?}"),
    }
    assert!(snap.train_loss <= 0.01 + 1e-12);
}

#[test]
fn raw_house_prices_diverge_with_a_hint_about_the_learning_rate() {
    let mut r = resolve(
        "data: {builtin: house}\nlayers: [{units: 1, activation: identity}]\nloss: mse\nlearning_rate: 0.1\nbatch_size: 10\nepochs: 100\n",
    );
    let snap = r.trainer.run().unwrap();
    let Some(stop @ StopReason::Diverged { .. }) = snap.stop else {
        panic!("expected divergence, got {:?}", snap.stop)
    };
    let words = nnstep::words::stop_reason(nnstep::lesson::Lang::En, &stop);
    assert!(
        words.contains("learning rate 0.1 is probably too large"),
        "{words}"
    );
    let zh = nnstep::words::stop_reason(nnstep::lesson::Lang::Zh, &stop);
    assert!(zh.contains("学习率 0.1 可能太大"), "{zh}");
    assert!(matches!(stop, StopReason::Diverged { epoch, .. } if epoch <= 5));
}

#[test]
fn batch_size_and_learning_rate_change_live() {
    let mut r = resolve(COMPLEX);
    r.trainer.set_batch_size(BatchSize::FULL).unwrap();
    let snap = r.trainer.step_iteration().unwrap();
    assert_eq!((snap.epoch, snap.batches_per_epoch), (1, 1));
    assert!(r.trainer.set_learning_rate(-1.0).is_err());
    assert!(r.trainer.set_batch_size(BatchSize::Rows(0)).is_err());
    r.trainer.set_learning_rate(0.05).unwrap();
    assert_eq!(r.trainer.config().learning_rate, 0.05);
}

#[test]
fn a_stopped_run_can_be_extended() {
    let mut r = resolve(&COMPLEX.replace("epochs: 50", "epochs: 3"));
    assert!(matches!(
        r.trainer.run().unwrap().stop,
        Some(StopReason::MaxEpochs { epoch: 3 })
    ));
    r.trainer.extend_epochs(2);
    assert_eq!(r.trainer.run().unwrap().epoch, 5);
}

#[test]
fn a_long_run_keeps_a_bounded_evenly_thinned_history() {
    use nnstep::engine::HISTORY_LIMIT;
    let mut r = resolve(
        "data: {builtin: line}\nlayers: [{units: 1, activation: identity}]\nloss: mse\nlearning_rate: 0.01\nepochs: 50000\nseed: 1\n",
    );
    r.trainer.run().unwrap();
    let h = r.trainer.history();
    assert!(h.len() <= HISTORY_LIMIT, "{} records", h.len());
    assert_eq!(h.first().unwrap().epoch, 0);
    assert_eq!(h.last().unwrap().epoch, 50_000);
    assert!(h.windows(2).all(|w| w[0].epoch < w[1].epoch));
    let kept = h[h.len() / 2].clone();
    r.trainer.rewind(kept.epoch).unwrap();
    assert_eq!(r.trainer.network().layers(), kept.layers().as_slice());
}
