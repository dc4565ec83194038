//! The allocation-free training step: the same forward pass, backward pass
//! and update as [`Network::forward`], [`Network::backward`] and
//! [`Network::descend`], computed into buffers kept between steps.
//!
//! The deck's networks are tiny (a 10×1 batch through a 1-3-1 network), so a
//! step is dominated by allocation and call overhead, not arithmetic; this
//! path exists to run the book's 4,200-epoch runs in well under a second.
//! A test checks that it matches the reference path to the last bit of
//! tolerance.

use ndarray::{Array2, ArrayView2, Axis, Zip};

use super::activation::Activation;
use super::dense::LayerGrads;
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
        if self.x.nrows() == rows
            && self.z.len() == net.layers().len()
            && self.x.ncols() == net.inputs()
        {
            return;
        }
        self.x = Array2::zeros((rows, net.inputs()));
        self.y = Array2::zeros((rows, targets));
        self.z = net
            .layers()
            .iter()
            .map(|l| Array2::zeros((rows, l.units())))
            .collect();
        self.a = self.z.clone();
        self.grads = Gradients {
            layers: net
                .layers()
                .iter()
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
        for (dst, &src) in rows.iter().enumerate() {
            self.x.row_mut(dst).assign(&x.row(src));
            self.y.row_mut(dst).assign(&y.row(src));
        }
    }
}

/// `out = a·b` for small dense matrices; `out` is (a.rows, b.cols).
fn matmul_into(a: ArrayView2<f64>, b: ArrayView2<f64>, out: &mut Array2<f64>) {
    let k = a.ncols();
    for (mut out_row, a_row) in out.axis_iter_mut(Axis(0)).zip(a.axis_iter(Axis(0))) {
        out_row.fill(0.0);
        for p in 0..k {
            let av = a_row[p];
            out_row.zip_mut_with(&b.row(p), |o, &bv| *o += av * bv);
        }
    }
}

impl Network {
    /// One gradient-descent step on the batch held in `ws` (see
    /// [`Workspace::load_batch`]). The gradients stay in `ws.grads`, and
    /// [`Workspace::batch_loss`] gives the batch's loss before the update.
    pub fn train_step(&mut self, ws: &mut Workspace, learning_rate: f64) {
        let n = self.layers().len();
        for i in 0..n {
            let (input, z) = if i == 0 {
                (ws.x.view(), &mut ws.z[0])
            } else {
                (ws.a[i - 1].view(), &mut ws.z[i])
            };
            let layer = &self.layers()[i];
            matmul_into(input, layer.w.view(), z);
            *z += &layer.b;
            ws.a[i].assign(z);
            layer.activation.forward_in_place(&mut ws.a[i]);
        }
        let last = &self.layers()[n - 1];
        if last.activation == self.loss().natural_output() {
            Zip::from(&mut ws.grads.layers[n - 1].dz)
                .and(&ws.a[n - 1])
                .and(&ws.y)
                .for_each(|d, &a, &y| *d = a - y);
        } else {
            let dz = self.loss().output_delta(
                last.activation,
                ws.z[n - 1].view(),
                ws.a[n - 1].view(),
                ws.y.view(),
            );
            ws.grads.layers[n - 1].dz.assign(&dz);
        }
        let m = ws.x.nrows().max(1) as f64;
        for i in (0..n).rev() {
            let input = if i == 0 {
                ws.x.view()
            } else {
                ws.a[i - 1].view()
            };
            let (lower, upper) = ws.grads.layers.split_at_mut(i);
            let g = &mut upper[0];
            matmul_into(input.t(), g.dz.view(), &mut g.dw);
            g.dw /= m;
            for (db, col) in g.db.iter_mut().zip(g.dz.axis_iter(Axis(1))) {
                *db = col.sum() / m;
            }
            if i > 0 {
                let prev = &mut lower[i - 1];
                matmul_into(g.dz.view(), self.layers()[i].w.t(), &mut prev.dz);
                let act = self.layers()[i - 1].activation;
                backward_in_place(act, ws.z[i - 1].view(), ws.a[i - 1].view(), &mut prev.dz);
            }
        }
        self.descend(&ws.grads, learning_rate);
    }
}

/// `da ← da ⊙ σ'(z)` (softmax: the row-wise Jacobian product).
fn backward_in_place(
    act: Activation,
    z: ArrayView2<f64>,
    a: ArrayView2<f64>,
    da: &mut Array2<f64>,
) {
    match act {
        Activation::Identity => {}
        Activation::Sigmoid => Zip::from(da).and(&a).for_each(|d, &a| *d *= a * (1.0 - a)),
        Activation::Tanh => Zip::from(da).and(&a).for_each(|d, &a| *d *= 1.0 - a * a),
        Activation::Relu | Activation::LeakyRelu => {
            Zip::from(da)
                .and(&z)
                .for_each(|d, &z| *d *= act.scalar_derivative(z));
        }
        Activation::Softmax => {
            let out = act.backward(z, a, da.view());
            da.assign(&out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Init, LayerSpec, Loss};
    use crate::rng::SeededRng;

    fn agree(specs: &[LayerSpec], loss: Loss, y: Array2<f64>) {
        let mut rng = SeededRng::new(3);
        let mut fast = Network::new(2, specs, loss, Init::Xavier, &mut rng).unwrap();
        let mut reference = fast.clone();
        let x = Array2::from_shape_simple_fn((y.nrows(), 2), || rng.uniform_in(-1.0, 1.0));
        let mut ws = Workspace::default();
        ws.fit(&fast, x.nrows(), y.ncols());
        ws.load_batch(x.view(), y.view(), &(0..x.nrows()).collect::<Vec<_>>());
        for _ in 0..3 {
            let fwd = reference.forward(x.view()).unwrap();
            let ref_loss = reference.loss_of(&fwd, y.view());
            let g = reference.backward(x.view(), &fwd, y.view());
            reference.descend(&g, 0.3);
            fast.train_step(&mut ws, 0.3);
            let fast_loss = ws.batch_loss(&fast).unwrap();
            assert!((ref_loss - fast_loss).abs() < 1e-12);
            for (a, b) in g.layers.iter().zip(&ws.grads.layers) {
                assert!((&a.dz - &b.dz).iter().all(|d| d.abs() < 1e-12));
                assert!((&a.dw - &b.dw).iter().all(|d| d.abs() < 1e-12));
            }
        }
        for (a, b) in fast.layers().iter().zip(reference.layers()) {
            assert!((&a.w - &b.w).iter().all(|d| d.abs() < 1e-12));
        }
    }

    #[test]
    fn fast_step_matches_reference_forward_backward_and_update() {
        let s = |units, activation| LayerSpec { units, activation };
        agree(
            &[s(3, Activation::Sigmoid), s(1, Activation::Identity)],
            Loss::Mse,
            Array2::from_elem((5, 1), 0.3),
        );
        agree(
            &[s(2, Activation::Tanh), s(1, Activation::Sigmoid)],
            Loss::BinaryCrossEntropy,
            Array2::from_shape_fn((4, 1), |(i, _)| (i % 2) as f64),
        );
        agree(
            &[s(3, Activation::Relu), s(3, Activation::Softmax)],
            Loss::SoftmaxCrossEntropy,
            Array2::from_shape_fn((6, 3), |(i, j)| f64::from(u8::from(i % 3 == j))),
        );
        agree(
            &[s(2, Activation::Softmax)],
            Loss::Mse,
            Array2::from_elem((3, 2), 0.5),
        );
    }
}
