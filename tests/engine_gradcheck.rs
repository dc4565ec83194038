//! Finite-difference gradient checks: the backward pass agrees with central
//! differences of the loss (relative error < 1e-6) for every activation and
//! loss pairing, for one- and two-layer networks, and for mini-batch means.

#![allow(clippy::unwrap_used)] // helpers outside #[test] functions unwrap too

use ndarray::Array2;
use nnstep::engine::{Activation, Init, LayerSpec, Loss, Network, gradcheck};
use nnstep::rng::SeededRng;

const H: f64 = 1e-5;
const TOLERANCE: f64 = 1e-6;

fn random_matrix(rows: usize, cols: usize, rng: &mut SeededRng) -> Array2<f64> {
    Array2::from_shape_simple_fn((rows, cols), || rng.uniform_in(-1.5, 1.5))
}

/// Targets suited to the loss: real values, 0/1 labels, or one-hot rows.
fn targets(loss: Loss, rows: usize, k: usize, rng: &mut SeededRng) -> Array2<f64> {
    match loss {
        Loss::Mse => random_matrix(rows, k, rng),
        Loss::BinaryCrossEntropy => {
            Array2::from_shape_simple_fn((rows, 1), || (rng.below(2)) as f64)
        }
        Loss::SoftmaxCrossEntropy => {
            let mut y = Array2::zeros((rows, k));
            for i in 0..rows {
                y[[i, rng.below(k as u64) as usize]] = 1.0;
            }
            y
        }
    }
}

/// Output layers each loss accepts.
fn heads(loss: Loss) -> Vec<LayerSpec> {
    match loss {
        Loss::Mse => Activation::ALL
            .into_iter()
            .map(|activation| LayerSpec {
                units: if activation == Activation::Softmax {
                    3
                } else {
                    2
                },
                activation,
            })
            .collect(),
        Loss::BinaryCrossEntropy => vec![LayerSpec {
            units: 1,
            activation: Activation::Sigmoid,
        }],
        Loss::SoftmaxCrossEntropy => vec![LayerSpec {
            units: 3,
            activation: Activation::Softmax,
        }],
    }
}

fn assert_gradients_agree(inputs: usize, specs: &[LayerSpec], loss: Loss, rows: usize, seed: u64) {
    let mut rng = SeededRng::new(seed);
    let net = Network::new(inputs, specs, loss, Init::Xavier, &mut rng).unwrap();
    // Nudge the biases away from zero so that every term is exercised.
    let mut layers = net.layers().to_vec();
    for l in &mut layers {
        l.b = random_matrix(1, l.units(), &mut rng) * 0.3;
    }
    let net = Network::from_layers(layers, loss).unwrap();
    let x = random_matrix(rows, inputs, &mut rng);
    let y = targets(loss, rows, net.outputs(), &mut rng);
    let report = gradcheck::check(&net, x.view(), y.view(), H).unwrap();
    assert!(
        report.max_relative_error < TOLERANCE,
        "{specs:?} with {loss:?}, {rows} rows: {} analytic {} numeric {} (rel {:e})",
        report.worst,
        report.analytic,
        report.numeric,
        report.max_relative_error
    );
}

#[test]
fn one_layer_networks_agree_for_every_loss_and_output_head() {
    for loss in Loss::ALL {
        for head in heads(loss) {
            for rows in [1, 7] {
                assert_gradients_agree(3, &[head], loss, rows, 11);
            }
        }
    }
}

#[test]
fn two_layer_networks_agree_for_every_hidden_activation_and_loss() {
    for loss in Loss::ALL {
        for head in heads(loss) {
            for hidden in Activation::ALL {
                let units = 4;
                let specs = [
                    LayerSpec {
                        units,
                        activation: hidden,
                    },
                    head,
                ];
                assert_gradients_agree(2, &specs, loss, 5, 23);
            }
        }
    }
}

#[test]
fn deck_shapes_agree_with_mini_batch_means() {
    let sig = |units| LayerSpec {
        units,
        activation: Activation::Sigmoid,
    };
    // 1-3-1 regression (complex curve), 2-2-1 XOR, 2-3-3 bank.
    assert_gradients_agree(
        1,
        &[
            sig(3),
            LayerSpec {
                units: 1,
                activation: Activation::Identity,
            },
        ],
        Loss::Mse,
        10,
        1,
    );
    assert_gradients_agree(2, &[sig(2), sig(1)], Loss::BinaryCrossEntropy, 4, 2);
    assert_gradients_agree(
        2,
        &[
            sig(3),
            LayerSpec {
                units: 3,
                activation: Activation::Softmax,
            },
        ],
        Loss::SoftmaxCrossEntropy,
        10,
        3,
    );
    // Three layers, to exercise the recursion beyond one hidden layer.
    assert_gradients_agree(
        2,
        &[
            sig(4),
            LayerSpec {
                units: 3,
                activation: Activation::Tanh,
            },
            sig(1),
        ],
        Loss::BinaryCrossEntropy,
        6,
        4,
    );
}
