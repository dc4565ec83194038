//! The loss and the metric of a network on a whole set, in one pass and
//! without allocating: rows go through the forward kernels a block at a time
//! into scratch buffers kept between calls, and the output layer's
//! activation, loss term and metric are computed together row by row.
//!
//! The values are the exact full-pass ones ([`Loss::value`] and
//! [`metrics::metric`] on a whole forward pass give the same bits): the
//! cross-entropies reuse the exponentials their output activation took.

use super::activation::Activation;
use super::kernels;
use super::loss::Loss;
use super::metrics;
use super::network::Network;

/// Rows per block: the scratch of a block stays in the first-level cache.
const BLOCK: usize = 64;

/// Scratch for [`Network::loss_and_metric`]: each layer's `Z` and `A` for one
/// block of rows. Sized on first use; reused while the network's widths stay.
#[derive(Clone, Debug, Default)]
pub struct EvalScratch {
    z: Vec<Vec<f64>>,
    a: Vec<Vec<f64>>,
}

impl EvalScratch {
    fn fit(&mut self, net: &Network) {
        let widths = net.layers().iter().map(|l| l.units() * BLOCK);
        if self.z.len() == net.layers().len() && self.z.iter().map(Vec::len).eq(widths.clone()) {
            return;
        }
        self.z = widths.map(|len| vec![0.0; len]).collect();
        self.a = self.z.clone();
    }
}

/// What a regression metric needs from the targets, computed once per set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TargetStats {
    /// The population variance of every element of `Y`.
    pub variance: f64,
}

impl TargetStats {
    /// The statistics of targets `y` (any shape, all elements together).
    #[must_use]
    pub fn of(y: ndarray::ArrayView2<f64>) -> Self {
        Self {
            variance: metrics::target_variance(y),
        }
    }
}

/// Running sums over the rows seen so far.
#[derive(Default)]
struct Totals {
    loss: f64,
    squared_error: f64,
    right: usize,
}

impl Network {
    /// The mean loss and the task's metric (R² or accuracy) of the network on
    /// `x` (m, n) and `y` (m, k), both row-major slices, in one pass.
    /// `stats` must be [`TargetStats::of`] the same `y`.
    #[must_use]
    pub fn loss_and_metric(
        &self,
        x: &[f64],
        y: &[f64],
        stats: TargetStats,
        scratch: &mut EvalScratch,
    ) -> (f64, f64) {
        scratch.fit(self);
        let (n, k) = (self.inputs(), self.outputs());
        let m = x.len() / n;
        let mut totals = Totals::default();
        for (xb, yb) in x.chunks(BLOCK * n).zip(y.chunks(BLOCK * k)) {
            self.block_into(xb, yb, scratch, &mut totals);
        }
        let rows = m.max(1) as f64;
        let loss = totals.loss / rows;
        let metric = match self.loss() {
            Loss::Mse => metrics::r_squared_from(
                totals.squared_error / (m * k).max(1) as f64,
                stats.variance,
            ),
            Loss::BinaryCrossEntropy | Loss::SoftmaxCrossEntropy => totals.right as f64 / rows,
        };
        (loss, metric)
    }

    /// One block of rows: hidden layers through the kernels, then the output
    /// layer's activation, loss and metric fused row by row.
    fn block_into(&self, x: &[f64], y: &[f64], s: &mut EvalScratch, t: &mut Totals) {
        let rows = x.len() / self.inputs();
        let last = self.layers().len() - 1;
        for (i, layer) in self.layers().iter().enumerate() {
            let k = layer.units();
            let (below, here) = s.a.split_at_mut(i);
            let input = if i == 0 {
                x
            } else {
                &below[i - 1][..rows * layer.inputs()]
            };
            let z = &mut s.z[i][..rows * k];
            kernels::affine(input, kernels::flat(&layer.w), kernels::flat(&layer.b), z);
            let a = &mut here[0][..rows * k];
            if i < last {
                kernels::activate(layer.activation, k, z, a);
            } else {
                output_terms(self.loss(), layer.activation, k, z, a, y, t);
            }
        }
    }
}

/// The output activation of a block with its loss terms and metric counts.
/// A network pairs binary CE only with one sigmoid unit and softmax CE only
/// with softmax (checked when it is built), so those compute from the logits.
fn output_terms(
    loss: Loss,
    act: Activation,
    k: usize,
    z: &[f64],
    a: &mut [f64],
    y: &[f64],
    t: &mut Totals,
) {
    match loss {
        Loss::Mse => {
            // The identity output's A is its Z: no copy.
            let a: &[f64] = if act == Activation::Identity {
                z
            } else {
                kernels::activate(act, k, z, a);
                a
            };
            for (&a, &y) in a.iter().zip(y) {
                t.loss = Loss::mse_add(t.loss, a, y);
                t.squared_error += (a - y) * (a - y);
            }
        }
        Loss::BinaryCrossEntropy => {
            // e^(−|z|) for the whole block first (into A), then each row.
            super::exp::map_exp_neg_abs(z, a, |_, e| e);
            for ((a, &z), &y) in a.iter_mut().zip(z).zip(y) {
                let e = *a;
                *a = super::activation::sigmoid_from(z, e);
                t.loss = Loss::bce_logit_add(t.loss, z, y, e);
                t.right += usize::from((*a >= 0.5) == (y >= 0.5));
            }
        }
        Loss::SoftmaxCrossEntropy => {
            kernels::softmax_rows(k, z, a, |i, max, sum| {
                let row = i * k..(i + 1) * k;
                t.loss += Loss::softmax_ce_row(&z[row.clone()], &y[row], max + sum.ln());
            });
            for (ar, yr) in a.chunks_exact(k).zip(y.chunks_exact(k)) {
                t.right += usize::from(metrics::arg_max_slice(ar) == metrics::arg_max_slice(yr));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Activation, Init, LayerSpec};
    use crate::rng::SeededRng;
    use ndarray::Array2;

    fn check(inputs: usize, specs: &[LayerSpec], loss: Loss, y: Array2<f64>) {
        let mut rng = SeededRng::new(8);
        let net = Network::new(inputs, specs, loss, Init::Xavier, &mut rng).unwrap();
        let x = Array2::from_shape_simple_fn((y.nrows(), inputs), || rng.uniform_in(-3.0, 3.0));
        let fwd = net.forward(x.view()).unwrap();
        let expected_loss = net.loss_of(&fwd, y.view());
        let expected_metric = metrics::metric(net.task(), fwd.output().view(), y.view());
        let (loss_value, metric) = net.loss_and_metric_of(x.view(), y.view()).unwrap();
        // The same terms summed in the same order: the same bits.
        assert_eq!(loss_value, expected_loss, "{specs:?} {loss:?}");
        assert_eq!(metric, expected_metric, "{specs:?} {loss:?}");
    }

    #[test]
    fn one_pass_evaluation_equals_loss_and_metric_of_a_full_forward_pass() {
        let s = |units, activation| LayerSpec { units, activation };
        // 150 rows: two full blocks and a partial one.
        let rows = 2 * BLOCK + 22;
        let reg = Array2::from_shape_fn((rows, 1), |(i, _)| (i as f64 * 0.37).sin());
        check(
            1,
            &[s(3, Activation::Sigmoid), s(1, Activation::Identity)],
            Loss::Mse,
            reg.clone(),
        );
        check(
            2,
            &[s(4, Activation::Tanh), s(1, Activation::Sigmoid)],
            Loss::Mse,
            reg,
        );
        let labels = Array2::from_shape_fn((rows, 1), |(i, _)| f64::from(u8::from(i % 3 == 0)));
        let bce = [s(2, Activation::Sigmoid), s(1, Activation::Sigmoid)];
        check(2, &bce, Loss::BinaryCrossEntropy, labels);
        let one_hot = Array2::from_shape_fn((rows, 3), |(i, j)| f64::from(u8::from(i % 3 == j)));
        let sce = [s(8, Activation::LeakyRelu), s(3, Activation::Softmax)];
        check(2, &sce, Loss::SoftmaxCrossEntropy, one_hot);
    }

    #[test]
    fn an_empty_set_scores_without_dividing_by_zero() {
        let s = |units, activation| LayerSpec { units, activation };
        let mut rng = SeededRng::new(1);
        let net = Network::new(
            1,
            &[s(1, Activation::Identity)],
            Loss::Mse,
            Init::Zeros,
            &mut rng,
        )
        .unwrap();
        let (l, _) = net
            .loss_and_metric_of(Array2::zeros((0, 1)).view(), Array2::zeros((0, 1)).view())
            .unwrap();
        assert_eq!(l, 0.0);
    }
}
