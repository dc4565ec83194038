//! Engine benchmarks: one training iteration of the deck's networks, and the
//! course book's full run of the complex-curve network.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use nnstep::spec::{self, TrainSpec};

fn load(yaml: &str) -> spec::Resolved {
    let spec = TrainSpec::from_yaml(yaml).expect("bench spec parses");
    spec::resolve(&spec, Path::new(".")).expect("bench spec resolves")
}

/// The complex curve, 1-3-1 sigmoid network, batch 10 (the book's ch09 run).
const COMPLEX: &str = "
data: {builtin: complex}
normalize: min_max
normalize_stats: train_and_test
layers: [{units: 3, activation: sigmoid}, {units: 1, activation: identity}]
loss: mse
init: xavier
learning_rate: 0.5
batch_size: 10
epochs: 100000
validation: 0.1
seed: 9
";

fn iteration(c: &mut Criterion) {
    let mut run = load(COMPLEX);
    c.bench_function("complex 1-3-1 batch 10: one iteration", |b| {
        b.iter(|| run.trainer.advance().expect("step"));
    });
    let bank = COMPLEX
        .replace("complex", "bank")
        .replace(
            "{units: 1, activation: identity}",
            "{units: 3, activation: softmax}",
        )
        .replace("loss: mse", "loss: softmax_cross_entropy");
    let mut run = load(&bank);
    c.bench_function("bank 2-3-3 softmax batch 10: one iteration", |b| {
        b.iter(|| run.trainer.advance().expect("step"));
    });
}

fn full_run(c: &mut Criterion) {
    let mut group = c.benchmark_group("full run");
    group.sample_size(10);
    group.bench_function("complex 1-3-1, 4200 epochs", |b| {
        b.iter(|| {
            let mut run = load(COMPLEX);
            black_box(run.trainer.run_epochs(4200).expect("run"))
        });
    });
    group.finish();
}

criterion_group!(benches, iteration, full_run);
criterion_main!(benches);
