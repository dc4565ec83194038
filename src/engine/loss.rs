//! Loss functions, averaged over the samples of a batch, and the output delta
//! `dZ` each hands to the backward pass.

use ndarray::{Array2, ArrayView2};
use serde::{Deserialize, Serialize};

use super::activation::Activation;
use super::kernels::{self, flat_mut, view_flat};

/// Probabilities are kept this far from 0 and 1 when a cross-entropy has to be
/// computed from `A` rather than from the logits.
pub(crate) const PROB_FLOOR: f64 = 1e-15;

/// The deck's three losses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Loss {
    /// ½·mean over samples of Σ_k (a − y)².
    Mse,
    /// −mean[y·ln a + (1 − y)·ln(1 − a)], for one sigmoid output.
    #[serde(alias = "bce")]
    BinaryCrossEntropy,
    /// −mean Σ_k y_k·ln a_k, for a softmax output and one-hot Y.
    #[serde(alias = "ce", alias = "cross_entropy")]
    SoftmaxCrossEntropy,
}

impl Loss {
    /// Every loss.
    pub const ALL: [Loss; 3] = [
        Loss::Mse,
        Loss::BinaryCrossEntropy,
        Loss::SoftmaxCrossEntropy,
    ];

    /// The name as written in YAML.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Loss::Mse => "mse",
            Loss::BinaryCrossEntropy => "binary_cross_entropy",
            Loss::SoftmaxCrossEntropy => "softmax_cross_entropy",
        }
    }

    /// The output activation this loss is paired with in the deck, for which
    /// `dZ = A − Y` holds exactly.
    #[must_use]
    pub fn natural_output(self) -> Activation {
        match self {
            Loss::Mse => Activation::Identity,
            Loss::BinaryCrossEntropy => Activation::Sigmoid,
            Loss::SoftmaxCrossEntropy => Activation::Softmax,
        }
    }

    /// The loss of outputs `a = σ(z)` against targets `y`, all (m, k),
    /// averaged over the m samples. Cross-entropies are computed from the
    /// logits when the output head is the natural one, so they stay finite
    /// however confident the network is. (The trainer's evaluation computes
    /// the same sums with the same terms, fused with the forward pass.)
    #[must_use]
    pub fn value(
        self,
        out: Activation,
        z: ArrayView2<f64>,
        a: ArrayView2<f64>,
        y: ArrayView2<f64>,
    ) -> f64 {
        let m = a.nrows().max(1) as f64;
        let k = a.ncols().max(1);
        let (z, a, y) = (
            z.as_standard_layout(),
            a.as_standard_layout(),
            y.as_standard_layout(),
        );
        let (z, a, y) = (view_flat(&z), view_flat(&a), view_flat(&y));
        let total: f64 = match (self, out) {
            (Loss::Mse, _) => (a.iter().zip(y)).fold(0.0, |s, (&a, &y)| Self::mse_add(s, a, y)),
            (Loss::BinaryCrossEntropy, Activation::Sigmoid) => (z.iter().zip(y))
                .fold(0.0, |s, (&z, &y)| {
                    Self::bce_logit_add(s, z, y, super::exp::exp(-z.abs()))
                }),
            (Loss::BinaryCrossEntropy, _) => (a.iter().zip(y)).fold(0.0, |s, (&a, &y)| {
                let a = a.clamp(PROB_FLOOR, 1.0 - PROB_FLOOR);
                s - (y * a.ln() + (1.0 - y) * (1.0 - a).ln())
            }),
            (Loss::SoftmaxCrossEntropy, Activation::Softmax) => (z.chunks_exact(k))
                .zip(y.chunks_exact(k))
                .map(|(zr, yr)| Self::softmax_ce_row(zr, yr, log_sum_exp(zr)))
                .sum(),
            (Loss::SoftmaxCrossEntropy, _) => {
                (a.iter().zip(y)).fold(0.0, |s, (&a, &y)| s - y * a.clamp(PROB_FLOOR, 1.0).ln())
            }
        };
        total / m
    }

    /// The running MSE total `s` plus one element's ½(a − y)².
    #[must_use]
    #[inline]
    pub(crate) fn mse_add(s: f64, a: f64, y: f64) -> f64 {
        s + 0.5 * (a - y) * (a - y)
    }

    /// The running binary cross-entropy total `s` plus one sample's term from
    /// its logit `z`, given `e` = e^(−|z|):
    /// −[y ln σ(z) + (1−y) ln(1−σ(z))] = max(z,0) − z·y + ln(1 + e^(−|z|)).
    #[must_use]
    #[inline]
    pub(crate) fn bce_logit_add(s: f64, z: f64, y: f64, e: f64) -> f64 {
        s + z.max(0.0) - z * y + e.ln_1p()
    }

    /// One row's softmax cross-entropy −Σ y·ln softmax(z) = Σ y·(lse − z),
    /// given `lse` = ln Σ e^z of the row.
    #[must_use]
    #[inline]
    pub(crate) fn softmax_ce_row(z: &[f64], y: &[f64], lse: f64) -> f64 {
        z.iter().zip(y).map(|(z, y)| y * (lse - z)).sum::<f64>()
    }

    /// `∂loss/∂A` per sample (without the 1/m, which the layer applies to
    /// `dW` and `dB`), all (m, k).
    #[must_use]
    pub fn output_grad(self, a: ArrayView2<f64>, y: ArrayView2<f64>) -> Array2<f64> {
        let (a, y) = (a.as_standard_layout(), y.as_standard_layout());
        let mut d = Array2::zeros(a.dim());
        kernels::loss_grad(self, view_flat(&a), view_flat(&y), flat_mut(&mut d));
        d
    }

    /// The output delta `dZ` (m, k) for outputs `a = out(z)`. For the natural
    /// pairs this is exactly `A − Y`, the deck's result; otherwise the chain
    /// rule through the activation.
    #[must_use]
    pub fn output_delta(
        self,
        out: Activation,
        z: ArrayView2<f64>,
        a: ArrayView2<f64>,
        y: ArrayView2<f64>,
    ) -> Array2<f64> {
        let (z, a, y) = (
            z.as_standard_layout(),
            a.as_standard_layout(),
            y.as_standard_layout(),
        );
        let mut d = Array2::zeros(a.dim());
        let k = a.ncols();
        kernels::output_delta(
            self,
            out,
            k,
            view_flat(&z),
            view_flat(&a),
            view_flat(&y),
            flat_mut(&mut d),
        );
        d
    }
}

/// ln Σ e^z of one row of logits, subtracting the row's maximum first.
#[must_use]
pub(crate) fn log_sum_exp(z: &[f64]) -> f64 {
    let max = z.iter().fold(f64::NEG_INFINITY, |m, &v| m.max(v));
    max + z
        .iter()
        .map(|&v| super::exp::exp(v - max))
        .sum::<f64>()
        .ln()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn mse_is_half_the_mean_squared_error() {
        // Two samples with errors 1 and 3: ½·(1 + 9)/2 = 2.5.
        let a = array![[2.0], [6.0]];
        let y = array![[1.0], [3.0]];
        let v = Loss::Mse.value(Activation::Identity, a.view(), a.view(), y.view());
        assert!((v - 2.5).abs() < 1e-12);
    }

    #[test]
    fn binary_cross_entropy_matches_the_book_corrected_figure() {
        // The book prints 0.112 for a = 0.1192, y = 0; the arithmetic is −ln(1 − 0.1192) = 0.1269.
        let z = array![[(0.1192f64 / (1.0 - 0.1192)).ln()]];
        let a = Activation::Sigmoid.forward(z.view());
        let v = Loss::BinaryCrossEntropy.value(
            Activation::Sigmoid,
            z.view(),
            a.view(),
            array![[0.0]].view(),
        );
        assert!((v - 0.1269).abs() < 1e-4, "{v}");
    }

    #[test]
    fn cross_entropies_from_logits_stay_finite_when_saturated() {
        let z = array![[-800.0]];
        let a = Activation::Sigmoid.forward(z.view());
        let v = Loss::BinaryCrossEntropy.value(
            Activation::Sigmoid,
            z.view(),
            a.view(),
            array![[1.0]].view(),
        );
        assert!((v - 800.0).abs() < 1e-9);
        let z = array![[900.0, -900.0]];
        let a = Activation::Softmax.forward(z.view());
        let v = Loss::SoftmaxCrossEntropy.value(
            Activation::Softmax,
            z.view(),
            a.view(),
            array![[0.0, 1.0]].view(),
        );
        assert!((v - 1800.0).abs() < 1e-9);
    }

    #[test]
    fn natural_pairs_give_a_minus_y() {
        let z = array![[0.3, -0.2, 1.0]];
        let a = Activation::Softmax.forward(z.view());
        let y = array![[0.0, 0.0, 1.0]];
        let dz = Loss::SoftmaxCrossEntropy.output_delta(
            Activation::Softmax,
            z.view(),
            a.view(),
            y.view(),
        );
        assert_eq!(dz, &a - &y);
    }
}
