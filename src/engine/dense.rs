//! A dense (fully connected) layer: `Z = X·W + B`, `A = σ(Z)`.

use ndarray::{Array2, ArrayView2};

use super::activation::Activation;
use super::error::{EngineError, expect_shape};
use super::kernels::{self, flat, flat_mut, view_flat};

/// One layer's parameters: `w` (n, k), `b` (1, k), and its activation.
#[derive(Clone, Debug, PartialEq)]
pub struct Dense {
    pub w: Array2<f64>,
    pub b: Array2<f64>,
    pub activation: Activation,
}

/// The gradients of one layer for one batch: `dz` (m, k) per sample,
/// `dw` (n, k) = Xᵀ·dZ / m and `db` (1, k) = column mean of dZ.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerGrads {
    pub dz: Array2<f64>,
    pub dw: Array2<f64>,
    pub db: Array2<f64>,
}

impl Dense {
    /// A layer from explicit values; `b` must be (1, k) where `w` is (n, k).
    pub fn new(
        w: Array2<f64>,
        b: Array2<f64>,
        activation: Activation,
    ) -> Result<Self, EngineError> {
        expect_shape("B", &b, (1, w.ncols()))?;
        if activation == Activation::Softmax && w.ncols() < 2 {
            return Err(EngineError::InvalidValue {
                name: "a softmax layer's units",
                expected: "at least 2",
                found: w.ncols().to_string(),
            });
        }
        Ok(Self { w, b, activation })
    }

    /// Number of inputs n.
    #[must_use]
    pub fn inputs(&self) -> usize {
        self.w.nrows()
    }

    /// Number of units k.
    #[must_use]
    pub fn units(&self) -> usize {
        self.w.ncols()
    }

    /// `Z = X·W + B`: `x` (m, n) → (m, k). The caller guarantees n matches.
    #[must_use]
    pub fn pre_activation(&self, x: ArrayView2<f64>) -> Array2<f64> {
        let (x, w, b) = (
            x.as_standard_layout(),
            self.w.as_standard_layout(),
            self.b.as_standard_layout(),
        );
        let mut z = Array2::zeros((x.nrows(), self.units()));
        kernels::affine(
            view_flat(&x),
            view_flat(&w),
            view_flat(&b),
            flat_mut(&mut z),
        );
        z
    }

    /// Gradients of this layer from its input `x` (m, n) and delta `dz` (m, k).
    #[must_use]
    pub fn gradients(&self, x: ArrayView2<f64>, dz: Array2<f64>) -> LayerGrads {
        let (x, dz) = (x.as_standard_layout(), dz.as_standard_layout().into_owned());
        let mut dw = Array2::zeros(self.w.dim());
        let mut db = Array2::zeros(self.b.dim());
        kernels::weight_grads(
            view_flat(&x),
            flat(&dz),
            flat_mut(&mut dw),
            flat_mut(&mut db),
        );
        LayerGrads { dz, dw, db }
    }

    /// Gradient descent: `W ← W − η·dW`, `B ← B − η·dB`.
    pub fn descend(&mut self, grads: &LayerGrads, learning_rate: f64) {
        self.w.scaled_add(-learning_rate, &grads.dw);
        self.b.scaled_add(-learning_rate, &grads.db);
    }

    /// The same layer with `W` and `B` in standard (row-major) layout, as
    /// the kernels read them.
    #[must_use]
    pub(crate) fn into_standard_layout(self) -> Self {
        let standard = |m: Array2<f64>| {
            if m.is_standard_layout() {
                m
            } else {
                m.as_standard_layout().into_owned()
            }
        };
        Self {
            w: standard(self.w),
            b: standard(self.b),
            activation: self.activation,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn forward_of_dense_layer_is_xw_plus_b() {
        let layer = Dense::new(
            array![[1.0, 2.0], [3.0, 4.0]],
            array![[0.5, -0.5]],
            Activation::Identity,
        )
        .unwrap();
        let z = layer.pre_activation(array![[1.0, 1.0], [0.0, 2.0]].view());
        assert_eq!(z, array![[4.5, 5.5], [6.5, 7.5]]);
    }

    #[test]
    fn gradients_are_batch_means() {
        let layer = Dense::new(array![[0.0]], array![[0.0]], Activation::Identity).unwrap();
        // dW = (1·2 + 3·4)/2 = 7, dB = (2 + 4)/2 = 3.
        let g = layer.gradients(array![[1.0], [3.0]].view(), array![[2.0], [4.0]]);
        assert_eq!(g.dw, array![[7.0]]);
        assert_eq!(g.db, array![[3.0]]);
    }

    #[test]
    fn bias_of_wrong_shape_is_rejected_with_both_shapes() {
        let err = Dense::new(
            Array2::zeros((2, 3)),
            Array2::zeros((1, 2)),
            Activation::Identity,
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "B: expected shape 1×3, found 1×2");
    }
}
