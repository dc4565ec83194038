//! The allocation-free training step: [`Network::forward`],
//! [`Network::backward`] and [`Network::descend`] run through the same
//! kernels, into buffers kept between steps.
//!
//! The deck's networks are tiny (a 10×1 batch through a 1-3-1 network), so a
//! step would be dominated by allocation and call overhead if it allocated;
//! this path runs the book's 4,200-epoch runs in a fraction of a second.

use ndarray::{Array2, ArrayView2};

use super::dense::LayerGrads;
use super::kernels::{flat, flat_mut};
use super::network::{Gradients, Network};

/// Buffers for one batch size: the batch, each layer's Z and A, and the gradients.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    pub(crate) x: Array2<f64>,
    pub(crate) y: Array2<f64>,
    z: Vec<Array2<f64>>,
    a: Vec<Array2<f64>>,
    pub(crate) grads: Gradients,
}

impl Workspace {
    /// Makes the buffers fit `rows` samples through `net` (a no-op when they do).
    pub fn fit(&mut self, net: &Network, rows: usize, targets: usize) {
        let fits = self.x.dim() == (rows, net.inputs())
            && self.y.dim() == (rows, targets)
            && self.z.len() == net.layers().len()
            && (self.z.iter())
                .zip(net.layers())
                .all(|(z, l)| z.dim() == (rows, l.units()));
        if fits {
            return;
        }
        self.x = Array2::zeros((rows, net.inputs()));
        self.y = Array2::zeros((rows, targets));
        self.z = (net.layers().iter())
            .map(|l| Array2::zeros((rows, l.units())))
            .collect();
        self.a = self.z.clone();
        self.grads = Gradients {
            layers: (net.layers().iter())
                .map(|l| LayerGrads {
                    dz: Array2::zeros((rows, l.units())),
                    dw: Array2::zeros(l.w.dim()),
                    db: Array2::zeros(l.b.dim()),
                })
                .collect(),
        };
    }

    /// The loss of the last step's batch, before its update.
    #[must_use]
    pub fn batch_loss(&self, net: &Network) -> Option<f64> {
        let last = net.layers().len().checked_sub(1)?;
        let (z, a) = (self.z.get(last)?, self.a.get(last)?);
        Some(net.loss().value(
            net.layers()[last].activation,
            z.view(),
            a.view(),
            self.y.view(),
        ))
    }

    /// Copies the rows `rows` of `x` and `y` into the batch buffers.
    pub fn load_batch(&mut self, x: ArrayView2<f64>, y: ArrayView2<f64>, rows: &[usize]) {
        match (x.as_slice(), y.as_slice()) {
            (Some(xs), Some(ys)) => {
                copy_rows(xs, x.ncols(), rows, flat_mut(&mut self.x));
                copy_rows(ys, y.ncols(), rows, flat_mut(&mut self.y));
            }
            _ => {
                for (dst, &src) in rows.iter().enumerate() {
                    self.x.row_mut(dst).assign(&x.row(src));
                    self.y.row_mut(dst).assign(&y.row(src));
                }
            }
        }
    }
}

/// Copies the rows `rows` of `from` (row-major, `width` values a row) to
/// consecutive rows of `to`.
fn copy_rows(from: &[f64], width: usize, rows: &[usize], to: &mut [f64]) {
    // A row of the deck's data is one to three numbers: a call to memcpy
    // per row would cost more than the copy.
    match width {
        1 => to.iter_mut().zip(rows).for_each(|(d, &r)| *d = from[r]),
        2 => copy_rows_of::<2>(from, rows, to),
        3 => copy_rows_of::<3>(from, rows, to),
        _ => {
            for (dst, &src) in to.chunks_exact_mut(width).zip(rows) {
                dst.copy_from_slice(&from[src * width..(src + 1) * width]);
            }
        }
    }
}

fn copy_rows_of<const W: usize>(from: &[f64], rows: &[usize], to: &mut [f64]) {
    for (dst, &src) in to.chunks_exact_mut(W).zip(rows) {
        let row = &from[src * W..(src + 1) * W];
        dst[..W].copy_from_slice(row);
    }
}

impl Network {
    /// One gradient-descent step on the batch held in `ws` (see
    /// [`Workspace::load_batch`]). The gradients stay in `ws.grads`, and
    /// [`Workspace::batch_loss`] gives the batch's loss before the update.
    pub fn train_step(&mut self, ws: &mut Workspace, learning_rate: f64) {
        self.forward_into(flat(&ws.x), &mut ws.z, &mut ws.a);
        self.backward_into(flat(&ws.x), &ws.z, &ws.a, flat(&ws.y), &mut ws.grads.layers);
        self.descend_in_place(&ws.grads, learning_rate);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Activation, Dense, Init, LayerSpec, Loss};
    use crate::rng::SeededRng;
    use ndarray::{Axis, Zip};

    /// An independent backward pass in plain ndarray matrix products (the
    /// engine's first version), to check the kernels against.
    fn reference_step(net: &Network, x: &Array2<f64>, y: &Array2<f64>) -> (f64, Vec<LayerGrads>) {
        let mut zs = Vec::new();
        let mut as_: Vec<Array2<f64>> = Vec::new();
        for l in net.layers() {
            let input = as_.last().unwrap_or(x);
            let z = input.dot(&l.w) + &l.b;
            let a = z.mapv(|v| l.activation.scalar(v));
            let a = if l.activation == Activation::Softmax {
                let mut a = z.clone();
                for mut row in a.rows_mut() {
                    let max = row.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
                    row.mapv_inplace(|v| (v - max).exp());
                    let sum = row.sum();
                    row /= sum;
                }
                a
            } else {
                a
            };
            zs.push(z);
            as_.push(a);
        }
        let n = net.layers().len();
        let last = &net.layers()[n - 1];
        let loss = net.loss().value(
            last.activation,
            zs[n - 1].view(),
            as_[n - 1].view(),
            y.view(),
        );
        let mut dz = if last.activation == net.loss().natural_output() {
            &as_[n - 1] - y
        } else {
            let da = net.loss().output_grad(as_[n - 1].view(), y.view());
            jacobian(last.activation, &zs[n - 1], &as_[n - 1], &da)
        };
        let m = x.nrows() as f64;
        let mut grads = Vec::new();
        for i in (0..n).rev() {
            let input = if i == 0 { x } else { &as_[i - 1] };
            let dw = input.t().dot(&dz) / m;
            let db = dz.sum_axis(Axis(0)).insert_axis(Axis(0)) / m;
            let below = (i > 0).then(|| {
                let da = dz.dot(&net.layers()[i].w.t());
                jacobian(net.layers()[i - 1].activation, &zs[i - 1], &as_[i - 1], &da)
            });
            grads.push(LayerGrads {
                dz: dz.clone(),
                dw,
                db,
            });
            if let Some(b) = below {
                dz = b;
            }
        }
        grads.reverse();
        (loss, grads)
    }

    /// dA ⊙ σ'(Z) from the scalar derivative, or softmax's full Jacobian.
    fn jacobian(
        act: Activation,
        z: &Array2<f64>,
        a: &Array2<f64>,
        da: &Array2<f64>,
    ) -> Array2<f64> {
        if act != Activation::Softmax {
            return Zip::from(z)
                .and(da)
                .map_collect(|&z, &d| d * act.scalar_derivative(z));
        }
        let mut out = Array2::zeros(a.dim());
        for r in 0..a.nrows() {
            for j in 0..a.ncols() {
                out[[r, j]] = (0..a.ncols())
                    .map(|i| {
                        let delta = if i == j { 1.0 } else { 0.0 };
                        da[[r, i]] * a[[r, i]] * (delta - a[[r, j]])
                    })
                    .sum();
            }
        }
        out
    }

    fn close(a: &Array2<f64>, b: &Array2<f64>) -> bool {
        a.dim() == b.dim() && (a - b).iter().all(|d| d.abs() < 1e-12)
    }

    fn agree(inputs: usize, specs: &[LayerSpec], loss: Loss, y: Array2<f64>) {
        let mut rng = SeededRng::new(3);
        let mut fast = Network::new(inputs, specs, loss, Init::Xavier, &mut rng).unwrap();
        let layers: Vec<Dense> = (fast.layers().iter())
            .map(|l| Dense {
                b: Array2::from_shape_simple_fn(l.b.dim(), || rng.uniform_in(-0.5, 0.5)),
                ..l.clone()
            })
            .collect();
        fast.set_layers(layers).unwrap();
        let mut wrapped = fast.clone();
        let x = Array2::from_shape_simple_fn((y.nrows(), inputs), || rng.uniform_in(-1.0, 1.0));
        let mut ws = Workspace::default();
        ws.fit(&fast, x.nrows(), y.ncols());
        ws.load_batch(x.view(), y.view(), &(0..x.nrows()).collect::<Vec<_>>());
        for _ in 0..3 {
            let (ref_loss, ref_grads) = reference_step(&fast, &x, &y);
            let fwd = wrapped.forward(x.view()).unwrap();
            let g = wrapped.backward(x.view(), &fwd, y.view());
            wrapped.descend(&g, 0.3);
            fast.train_step(&mut ws, 0.3);
            let what = format!("{specs:?} {loss:?}");
            assert!(
                (ref_loss - ws.batch_loss(&fast).unwrap()).abs() < 1e-12,
                "{what}"
            );
            for ((r, w), f) in ref_grads.iter().zip(&g.layers).zip(&ws.grads.layers) {
                // The wrapper and the step are the same code: the same bits.
                assert_eq!(w, f, "{what}");
                assert!(close(&r.dz, &f.dz) && close(&r.dw, &f.dw), "{what}");
                assert!(close(&r.db, &f.db), "{what}");
            }
        }
        assert_eq!(fast.layers(), wrapped.layers());
    }

    #[test]
    fn the_step_matches_an_independent_backprop_for_every_activation() {
        let s = |units, activation| LayerSpec { units, activation };
        let reg = |rows, k| Array2::from_shape_fn((rows, k), |(i, j)| (i as f64 - j as f64) * 0.3);
        let one_hot =
            |rows, k| Array2::from_shape_fn((rows, k), |(i, j)| f64::from(u8::from(i % k == j)));
        for hidden in Activation::ALL {
            let units = if hidden == Activation::Softmax { 3 } else { 4 };
            // A deck shape (specialised kernels) and an odd one (the general path).
            for (inputs, h) in [(2, units), (5, units + 3)] {
                for head in Activation::ALL {
                    let k = if head == Activation::Softmax { 3 } else { 2 };
                    agree(inputs, &[s(h, hidden), s(k, head)], Loss::Mse, reg(7, k));
                }
                let bce = Array2::from_shape_fn((6, 1), |(i, _)| (i % 2) as f64);
                agree(
                    inputs,
                    &[s(h, hidden), s(1, Activation::Sigmoid)],
                    Loss::BinaryCrossEntropy,
                    bce,
                );
                let sce = [s(h, hidden), s(3, Activation::Softmax)];
                agree(inputs, &sce, Loss::SoftmaxCrossEntropy, one_hot(10, 3));
            }
        }
    }
}
