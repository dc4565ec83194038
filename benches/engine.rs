//! Engine benchmarks: one training iteration and one epoch of each of the
//! deck's network shapes, and the course book's full run of the
//! complex-curve network.
//!
//! Run: `cargo bench --bench engine` (add a filter such as `-- iteration`).
//! The networks:
//!
//! | shape | data | loss | batch | training rows |
//! |---|---|---|---|---|
//! | 1-3-1 sigmoid/identity | complex | MSE | 10 | 900 |
//! | 2-2-1 sigmoid/sigmoid | arc | binary CE | 5 | 450 |
//! | 2-3-3 sigmoid/softmax | bank | softmax CE | 10 | 900 |
//! | 2-8-3 sigmoid/softmax | bank | softmax CE | 10 | 900 |
//!
//! An iteration includes its share of the per-epoch evaluation (one in
//! 90 iterations for 1-3-1); an epoch is every batch plus that evaluation.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use nnstep::spec::{self, TrainSpec};

fn load(yaml: &str) -> spec::Resolved {
    let spec = TrainSpec::from_yaml(yaml).expect("bench spec parses");
    spec::resolve(&spec, Path::new(".")).expect("bench spec resolves")
}

/// The complex curve, 1-3-1 sigmoid network, batch 10 (the book's ch09 run),
/// without its eps stop. 50,000 epochs keeps every spec under the limits
/// (1,000,000 epochs, 10,000,000 gradient steps); a benchmark that reaches
/// the end starts the run again.
const COMPLEX: &str = "
data: {builtin: complex}
normalize: min_max
normalize_stats: train_and_test
layers: [{units: 3, activation: sigmoid}, {units: 1, activation: identity}]
loss: mse
init: xavier
learning_rate: 0.5
batch_size: 10
epochs: 50000
validation: 0.1
seed: 9
";

/// The double arcs, 2-2-1 with a sigmoid output (the book's ch10 run).
const ARC: &str = "
data: {builtin: arc}
normalize: min_max
normalize_stats: train_and_test
layers: [{units: 2, activation: sigmoid}, {units: 1, activation: sigmoid}]
loss: binary_cross_entropy
init: xavier
learning_rate: 0.1
batch_size: 5
epochs: 50000
validation: 0.1
seed: 10
";

/// The coin with a square hole, 2-H-3 with a softmax output (ch11).
fn bank(hidden: usize) -> String {
    format!(
        "
data: {{builtin: bank}}
normalize: min_max
normalize_stats: train_and_test
layers: [{{units: {hidden}, activation: sigmoid}}, {{units: 3, activation: softmax}}]
loss: softmax_cross_entropy
init: xavier
learning_rate: 0.1
batch_size: 10
epochs: 50000
validation: 0.1
seed: 11
"
    )
}

fn networks() -> Vec<(&'static str, String)> {
    vec![
        ("1-3-1 complex batch 10", COMPLEX.to_string()),
        ("2-2-1 arc batch 5", ARC.to_string()),
        ("2-3-3 bank batch 10", bank(3)),
        ("2-8-3 bank batch 10", bank(8)),
    ]
}

fn iteration(c: &mut Criterion) {
    let mut group = c.benchmark_group("iteration");
    for (name, yaml) in networks() {
        let mut run = load(&yaml);
        group.bench_function(name, |b| {
            b.iter(|| {
                // A run that reached its last epoch starts again, so every
                // timed call is a real step.
                if run.trainer.stopped().is_some() {
                    run = load(&yaml);
                }
                run.trainer.advance().expect("step");
            });
        });
    }
    group.finish();
}

fn epoch(c: &mut Criterion) {
    let mut group = c.benchmark_group("epoch");
    for (name, yaml) in networks() {
        let mut run = load(&yaml);
        group.bench_function(name, |b| {
            b.iter(|| {
                if run.trainer.stopped().is_some() {
                    run = load(&yaml);
                }
                black_box(run.trainer.step_epoch().expect("epoch"))
            });
        });
    }
    group.finish();
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

criterion_group!(benches, iteration, epoch, full_run);
criterion_main!(benches);
