//! Generated gradient questions agree with finite differences of the
//! engine's loss, for random cases of every model shape the lessons use.

#![allow(clippy::unwrap_used)] // helpers outside #[test] functions unwrap too

use nnstep::engine::{Activation, Dense, LayerSpec, Loss, Network};
use nnstep::quiz::{GradientSpec, Quantity, RawGradient, RawRandom};

fn layer(units: usize, activation: Activation) -> LayerSpec {
    LayerSpec { units, activation }
}

/// The model shapes of the lessons: (name, inputs, layers, loss).
fn shapes() -> Vec<(&'static str, usize, Vec<LayerSpec>, Loss)> {
    use Activation::{Identity, Sigmoid, Softmax, Tanh};
    vec![
        ("single neuron, mse", 1, vec![layer(1, Identity)], Loss::Mse),
        (
            "logistic, bce",
            2,
            vec![layer(1, Sigmoid)],
            Loss::BinaryCrossEntropy,
        ),
        (
            "softmax, 3 classes",
            2,
            vec![layer(3, Softmax)],
            Loss::SoftmaxCrossEntropy,
        ),
        (
            "1-3-1 regression",
            1,
            vec![layer(3, Sigmoid), layer(1, Identity)],
            Loss::Mse,
        ),
        (
            "1-2-1 tanh regression",
            1,
            vec![layer(2, Tanh), layer(1, Identity)],
            Loss::Mse,
        ),
        (
            "2-2-1 classifier",
            2,
            vec![layer(2, Sigmoid), layer(1, Sigmoid)],
            Loss::BinaryCrossEntropy,
        ),
        (
            "2-3-3 classifier",
            2,
            vec![layer(3, Sigmoid), layer(3, Softmax)],
            Loss::SoftmaxCrossEntropy,
        ),
    ]
}

fn spec(
    inputs: usize,
    layers: &[LayerSpec],
    loss: Loss,
    ask: &str,
    samples: usize,
) -> GradientSpec {
    let raw = RawGradient {
        inputs,
        layers: layers.to_vec(),
        loss,
        fixed: None,
        random: Some(RawRandom {
            x: [-1.0, 1.0],
            w: [-1.0, 1.0],
            b: None,
            y: Some([-1.0, 2.0]),
            samples: Some(samples),
            decimals: Some(2),
        }),
        ask: ask.into(),
        abs: None,
        rel: None,
        case: None,
    };
    GradientSpec::check(&raw).unwrap()
}

/// ∂L/∂θ by central differences, θ = W (or B when `bias`) of `layer` at `at`.
fn numeric(
    net: &Network,
    x: &ndarray::Array2<f64>,
    y: &ndarray::Array2<f64>,
    layer: usize,
    bias: bool,
    at: (usize, usize),
) -> f64 {
    let h = 1e-6;
    let loss_with = |delta: f64| {
        let mut layers: Vec<Dense> = net.layers().to_vec();
        let p = if bias {
            &mut layers[layer].b
        } else {
            &mut layers[layer].w
        };
        p[at] += delta;
        Network::from_layers(layers, net.loss())
            .unwrap()
            .evaluate(x.view(), y.view())
            .unwrap()
    };
    (loss_with(h) - loss_with(-h)) / (2.0 * h)
}

#[test]
fn generated_dw_and_db_equal_finite_differences_for_every_lesson_model() {
    for (name, inputs, layers, loss) in shapes() {
        let depth = layers.len();
        for samples in [1, 3] {
            for seed in 0..6 {
                for i in 0..depth {
                    for (stem, bias) in [("dW", false), ("dB", true)] {
                        let ask = format!("{stem}{}", i + 1);
                        let case = spec(inputs, &layers, loss, &ask, samples)
                            .case(seed)
                            .unwrap();
                        let answer = case.answer();
                        for (at, v) in answer.indexed_iter() {
                            let fd = numeric(&case.network, &case.x, &case.y, i, bias, at);
                            assert!(
                                (v - fd).abs() < 1e-6 * (1.0 + fd.abs()),
                                "{name}, m={samples}, seed {seed}: {ask}{at:?} = {v}, finite difference {fd}"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn with_one_sample_dz_is_db_so_it_matches_finite_differences_too() {
    for (name, inputs, layers, loss) in shapes() {
        for i in 0..layers.len() {
            let case = spec(inputs, &layers, loss, &format!("dZ{}", i + 1), 1)
                .case(3)
                .unwrap();
            assert_eq!(case.ask, Quantity::DZ(i));
            for (at, v) in case.answer().indexed_iter() {
                let fd = numeric(&case.network, &case.x, &case.y, i, true, at);
                assert!(
                    (v - fd).abs() < 1e-6 * (1.0 + fd.abs()),
                    "{name}: dZ{} {v} vs {fd}",
                    i + 1
                );
            }
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_case_and_another_seed_another() {
    let (_, inputs, layers, loss) = shapes().remove(5);
    let s = spec(inputs, &layers, loss, "dW1", 1);
    assert_eq!(s.case(42).unwrap().x, s.case(42).unwrap().x);
    assert_ne!(s.case(42).unwrap().givens(), s.case(43).unwrap().givens());
}

#[test]
fn drawn_numbers_are_rounded_to_the_decimals_shown() {
    let (_, inputs, layers, loss) = shapes().remove(6);
    let case = spec(inputs, &layers, loss, "dW2", 2).case(9).unwrap();
    for g in case.givens() {
        for v in &g.value {
            assert!(
                ((v * 100.0).round() - v * 100.0).abs() < 1e-9,
                "{}: {v}",
                g.name
            );
        }
    }
}

#[test]
fn the_worked_solution_ends_with_the_answer_and_every_line_renders() {
    for (name, inputs, layers, loss) in shapes() {
        for ask in ["dW1", "dB1", "loss", "A1"] {
            let case = spec(inputs, &layers, loss, ask, 2).case(1).unwrap();
            let lines = case.solution();
            let last = lines.last().unwrap();
            assert_eq!(last.value, case.answer(), "{name} {ask}");
            for l in &lines {
                nnstep::formula::parse_check(&l.tex)
                    .unwrap_or_else(|e| panic!("{name} {ask}: {} does not parse: {e:?}", l.tex));
            }
        }
    }
}
