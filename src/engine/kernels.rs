//! The numerical kernels of every pass: a dense layer forward and backward on
//! contiguous row-major slices. The forward and backward passes, the training
//! step and the evaluation are all built from these few functions, so there
//! is one implementation of the arithmetic.
//!
//! Each sum runs in a fixed order (over inputs p, or over rows r, from 0
//! upwards), so a pass gives the same bits however it is called. The deck's
//! networks are tiny (a 10×1 batch through a 1-3-1 network), so the shapes
//! the course uses are dispatched to copies of each kernel with the sizes as
//! constants, which the compiler unrolls; any other shape takes the general
//! path, which computes the same sums in the same order.

use super::activation::{Activation, LEAKY_SLOPE, sigmoid_from};
use super::exp;
use super::loss::{Loss, PROB_FLOOR};

/// Calls `$f(n, k, args…)` with `n` and `k` as constants for the shapes the
/// course uses (the kernels are `#[inline(always)]`, so each arm is a copy
/// specialised to its sizes), and with the runtime values otherwise.
macro_rules! by_shape {
    ($n:expr, $k:expr, $f:ident($($arg:expr),* $(,)?)) => {
        match ($n, $k) {
            (1, 1) => $f(1, 1, $($arg),*),
            (1, 3) => $f(1, 3, $($arg),*),
            (3, 1) => $f(3, 1, $($arg),*),
            (2, 1) => $f(2, 1, $($arg),*),
            (2, 2) => $f(2, 2, $($arg),*),
            (2, 3) => $f(2, 3, $($arg),*),
            (3, 3) => $f(3, 3, $($arg),*),
            (2, 4) => $f(2, 4, $($arg),*),
            (4, 3) => $f(4, 3, $($arg),*),
            (2, 8) => $f(2, 8, $($arg),*),
            (8, 3) => $f(8, 3, $($arg),*),
            (n, k) => $f(n, k, $($arg),*),
        }
    };
}

/// `Z = X·W + B`: `x` (m, n), `w` (n, k), `b` (k), `z` (m, k), all row-major.
/// Each entry is Σ_p x_p·w_pj summed in order p, plus b_j.
pub fn affine(x: &[f64], w: &[f64], b: &[f64], z: &mut [f64]) {
    let k = b.len();
    let n = w.len() / k.max(1);
    by_shape!(n, k, affine_sized(x, w, b, z));
}

#[inline(always)]
fn affine_sized(n: usize, k: usize, x: &[f64], w: &[f64], b: &[f64], z: &mut [f64]) {
    let (w, b) = (&w[..n * k], &b[..k]);
    for (xr, zr) in x.chunks_exact(n).zip(z.chunks_exact_mut(k)) {
        zr.fill(0.0);
        for (&xv, wr) in xr.iter().zip(w.chunks_exact(k)) {
            for (zj, &wv) in zr.iter_mut().zip(wr) {
                *zj += xv * wv;
            }
        }
        for (zj, &bj) in zr.iter_mut().zip(b) {
            *zj += bj;
        }
    }
}

/// `A = σ(Z)` over rows of `k` values; the activation is chosen once, outside
/// the loop over elements. Softmax subtracts each row's maximum first.
pub fn activate(act: Activation, k: usize, z: &[f64], a: &mut [f64]) {
    match act {
        Activation::Identity => a.copy_from_slice(z),
        Activation::Sigmoid => exp::map_exp_neg_abs(z, a, sigmoid_from),
        Activation::Tanh => a.iter_mut().zip(z).for_each(|(a, &z)| *a = z.tanh()),
        Activation::Relu => a.iter_mut().zip(z).for_each(|(a, &z)| *a = z.max(0.0)),
        Activation::LeakyRelu => a.iter_mut().zip(z).for_each(|(a, &z)| *a = leaky(z)),
        Activation::Softmax => softmax_rows(k, z, a, |_, _, _| {}),
    }
}

fn leaky(z: f64) -> f64 {
    if z > 0.0 { z } else { LEAKY_SLOPE * z }
}

/// Softmax of each row of `k` logits into `a`, subtracting the row's
/// maximum first; `row(i, max, sum)` is told each row's maximum and sum of
/// exponentials, so a cross-entropy can reuse them. The exponentials of all
/// rows are taken in one pass.
pub fn softmax_rows(k: usize, z: &[f64], a: &mut [f64], mut row: impl FnMut(usize, f64, f64)) {
    let row_max = |zr: &[f64]| zr.iter().fold(f64::NEG_INFINITY, |m, &v| m.max(v));
    for (zr, ar) in z.chunks_exact(k).zip(a.chunks_exact_mut(k)) {
        let max = row_max(zr);
        ar.iter_mut().zip(zr).for_each(|(a, &z)| *a = z - max);
    }
    exp::exp_in_place(a);
    for (i, (zr, ar)) in z.chunks_exact(k).zip(a.chunks_exact_mut(k)).enumerate() {
        let sum = ar.iter().fold(0.0, |s, &e| s + e);
        ar.iter_mut().for_each(|a| *a /= sum);
        row(i, row_max(zr), sum);
    }
}

/// `dA ← dA ⊙ σ'(Z)` in place, over rows of `k` values, given `z` and
/// `a = σ(z)`. For softmax this is the row-wise Jacobian product
/// `dZ = A ⊙ (dA − rowsum(dA ⊙ A))`.
pub fn activation_backward(act: Activation, k: usize, z: &[f64], a: &[f64], d: &mut [f64]) {
    match act {
        Activation::Identity => {}
        Activation::Sigmoid => d.iter_mut().zip(a).for_each(|(d, &a)| *d *= a * (1.0 - a)),
        Activation::Tanh => d.iter_mut().zip(a).for_each(|(d, &a)| *d *= 1.0 - a * a),
        Activation::Relu => d
            .iter_mut()
            .zip(z)
            .for_each(|(d, &z)| *d *= if z > 0.0 { 1.0 } else { 0.0 }),
        Activation::LeakyRelu => d
            .iter_mut()
            .zip(z)
            .for_each(|(d, &z)| *d *= if z > 0.0 { 1.0 } else { LEAKY_SLOPE }),
        Activation::Softmax => {
            for (ar, dr) in a.chunks_exact(k).zip(d.chunks_exact_mut(k)) {
                let dot: f64 = ar.iter().zip(dr.iter()).map(|(a, d)| a * d).sum();
                for (d, &a) in dr.iter_mut().zip(ar) {
                    *d = a * (*d - dot);
                }
            }
        }
    }
}

/// `∂loss/∂A` per sample into `d` (without the 1/m, which the layer applies
/// to `dW` and `dB`).
pub fn loss_grad(loss: Loss, a: &[f64], y: &[f64], d: &mut [f64]) {
    let it = d.iter_mut().zip(a).zip(y);
    match loss {
        Loss::Mse => it.for_each(|((d, &a), &y)| *d = a - y),
        Loss::BinaryCrossEntropy => it.for_each(|((d, &a), &y)| {
            let a = a.clamp(PROB_FLOOR, 1.0 - PROB_FLOOR);
            *d = (a - y) / (a * (1.0 - a));
        }),
        Loss::SoftmaxCrossEntropy => {
            it.for_each(|((d, &a), &y)| *d = -y / a.clamp(PROB_FLOOR, 1.0));
        }
    }
}

/// The output delta `dZ` (m, k) into `d`: exactly `A − Y` for the deck's
/// natural pairs (identity + MSE, sigmoid + binary CE, softmax + softmax CE),
/// otherwise the loss gradient through the activation.
pub fn output_delta(
    loss: Loss,
    act: Activation,
    k: usize,
    z: &[f64],
    a: &[f64],
    y: &[f64],
    d: &mut [f64],
) {
    if act == loss.natural_output() {
        d.iter_mut()
            .zip(a)
            .zip(y)
            .for_each(|((d, &a), &y)| *d = a - y);
    } else {
        loss_grad(loss, a, y, d);
        activation_backward(act, k, z, a, d);
    }
}

/// `dW = Xᵀ·dZ / m` and `dB = colsum(dZ) / m`: `x` (m, n), `dz` (m, k),
/// `dw` (n, k), `db` (k). Each entry sums over the rows in order.
pub fn weight_grads(x: &[f64], dz: &[f64], dw: &mut [f64], db: &mut [f64]) {
    let k = db.len();
    let n = dw.len() / k.max(1);
    by_shape!(n, k, weight_grads_sized(x, dz, dw, db));
}

#[inline(always)]
fn weight_grads_sized(n: usize, k: usize, x: &[f64], dz: &[f64], dw: &mut [f64], db: &mut [f64]) {
    let (dw, db) = (&mut dw[..n * k], &mut db[..k]);
    dw.fill(0.0);
    db.fill(0.0);
    for (xr, dzr) in x.chunks_exact(n).zip(dz.chunks_exact(k)) {
        for (&xv, dwr) in xr.iter().zip(dw.chunks_exact_mut(k)) {
            for (g, &d) in dwr.iter_mut().zip(dzr) {
                *g += xv * d;
            }
        }
        if k > 1 {
            for (g, &d) in db.iter_mut().zip(dzr) {
                *g += d;
            }
        }
    }
    if k == 1 {
        db[0] = eight_lane_sum(dz);
    }
    let m = (dz.len() / k).max(1) as f64;
    dw.iter_mut().for_each(|g| *g /= m);
    db.iter_mut().for_each(|g| *g /= m);
}

/// The sum of `xs` in eight interleaved running sums, combined pairwise,
/// then the remainder in order: the order of ndarray's `sum` on a contiguous
/// slice. A one-column `dB` has been summed so since the first version of
/// the trainer; keeping the order keeps every run's numbers bit for bit (a
/// 630,000-step run drifts by ~1e-11 otherwise).
fn eight_lane_sum(xs: &[f64]) -> f64 {
    let mut lanes = [0.0; 8];
    let mut chunks = xs.chunks_exact(8);
    for c in &mut chunks {
        for (l, &v) in lanes.iter_mut().zip(c) {
            *l += v;
        }
    }
    let mut acc = 0.0;
    for i in 0..4 {
        acc += lanes[i] + lanes[i + 4];
    }
    chunks.remainder().iter().fold(acc, |acc, &v| acc + v)
}

/// The delta reaching the layer below, `dA = dZ·Wᵀ`: `dz` (m, k), `w` (n, k),
/// `da` (m, n). Each entry sums over the k units in order.
pub fn back_delta(k: usize, dz: &[f64], w: &[f64], da: &mut [f64]) {
    let n = w.len() / k.max(1);
    by_shape!(n, k, back_delta_sized(dz, w, da));
}

#[inline(always)]
fn back_delta_sized(n: usize, k: usize, dz: &[f64], w: &[f64], da: &mut [f64]) {
    let w = &w[..n * k];
    for (dzr, dar) in dz.chunks_exact(k).zip(da.chunks_exact_mut(n)) {
        for (dap, wr) in dar.iter_mut().zip(w.chunks_exact(k)) {
            let mut s = 0.0;
            for (&d, &wv) in dzr.iter().zip(wr) {
                s += d * wv;
            }
            *dap = s;
        }
    }
}

/// Gradient descent on one block of parameters: `p ← p − η·g`.
pub fn descend(p: &mut [f64], g: &[f64], learning_rate: f64) {
    let step = -learning_rate;
    p.iter_mut().zip(g).for_each(|(p, &g)| *p += step * g);
}

/// The elements of a matrix in standard (row-major) layout as a slice.
///
/// # Panics
/// If `a` is not in standard layout: the engine makes every matrix it hands
/// to the kernels so (parameters on construction, buffers when allocated).
pub fn view_flat<S: ndarray::Data<Elem = f64>>(a: &ndarray::ArrayBase<S, ndarray::Ix2>) -> &[f64] {
    a.as_slice()
        .expect("engine matrices are kept in standard layout")
}

/// [`view_flat`] for an owned matrix.
pub fn flat(a: &ndarray::Array2<f64>) -> &[f64] {
    view_flat(a)
}

/// The elements of an owned matrix in standard layout as a mutable slice.
///
/// # Panics
/// If `a` is not in standard layout (see [`view_flat`]).
pub fn flat_mut(a: &mut ndarray::Array2<f64>) -> &mut [f64] {
    a.as_slice_mut()
        .expect("engine matrices are kept in standard layout")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::SeededRng;
    use std::hint::black_box;

    fn random(len: usize, rng: &mut SeededRng) -> Vec<f64> {
        (0..len).map(|_| rng.uniform_in(-2.0, 2.0)).collect()
    }

    #[test]
    fn specialised_shapes_give_the_same_bits_as_the_general_path() {
        let mut rng = SeededRng::new(5);
        let shapes = [
            (1, 1),
            (1, 3),
            (3, 1),
            (2, 1),
            (2, 2),
            (2, 3),
            (3, 3),
            (2, 4),
            (4, 3),
            (2, 8),
            (8, 3),
        ];
        for (n, k) in shapes {
            let m = 7;
            let (x, w, b) = (
                random(m * n, &mut rng),
                random(n * k, &mut rng),
                random(k, &mut rng),
            );
            let dz = random(m * k, &mut rng);
            // black_box hides the sizes, so these calls take the general code.
            let (gn, gk) = (black_box(n), black_box(k));
            let (mut z1, mut z2) = (vec![0.0; m * k], vec![0.0; m * k]);
            affine(&x, &w, &b, &mut z1);
            affine_sized(gn, gk, &x, &w, &b, &mut z2);
            assert_eq!(z1, z2, "affine {n}×{k}");
            let (mut dw1, mut db1, mut dw2, mut db2) = (
                vec![0.0; n * k],
                vec![0.0; k],
                vec![0.0; n * k],
                vec![0.0; k],
            );
            weight_grads(&x, &dz, &mut dw1, &mut db1);
            weight_grads_sized(gn, gk, &x, &dz, &mut dw2, &mut db2);
            assert_eq!((dw1, db1), (dw2, db2), "weight grads {n}×{k}");
            let (mut da1, mut da2) = (vec![0.0; m * n], vec![0.0; m * n]);
            back_delta(k, &dz, &w, &mut da1);
            back_delta_sized(gn, gk, &dz, &w, &mut da2);
            assert_eq!(da1, da2, "back delta {n}×{k}");
        }
    }

    #[test]
    fn affine_is_xw_plus_b_by_hand() {
        // X = [[1, 2]], W = [[1, 2, 3], [4, 5, 6]], B = [0.5, 0, -1]:
        // Z = [1 + 8, 2 + 10, 3 + 12] + B = [9.5, 12, 14].
        let mut z = [0.0; 3];
        affine(
            &[1.0, 2.0],
            &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
            &[0.5, 0.0, -1.0],
            &mut z,
        );
        assert_eq!(z, [9.5, 12.0, 14.0]);
    }

    #[test]
    fn weight_grads_and_back_delta_by_hand() {
        // X = [[1], [3]], dZ = [[2], [4]]: dW = (2 + 12)/2 = 7, dB = 3.
        let (mut dw, mut db) = ([0.0], [0.0]);
        weight_grads(&[1.0, 3.0], &[2.0, 4.0], &mut dw, &mut db);
        assert_eq!((dw, db), ([7.0], [3.0]));
        // dZ = [[1, 2]], W = [[3, 4]] (1×2): dA = 1·3 + 2·4 = 11.
        let mut da = [0.0];
        back_delta(2, &[1.0, 2.0], &[3.0, 4.0], &mut da);
        assert_eq!(da, [11.0]);
    }
}
