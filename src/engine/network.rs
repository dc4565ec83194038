//! A feed-forward network of dense layers with a loss: forward, backward and
//! one gradient-descent update, in the deck's notation.

use ndarray::{Array2, ArrayView2};
use serde::{Deserialize, Serialize};

use super::activation::Activation;
use super::dense::{Dense, LayerGrads};
use super::error::{EngineError, expect_shape};
use super::evaluation::{EvalScratch, TargetStats};
use super::init::Init;
use super::kernels::{self, flat, flat_mut, view_flat};
use super::loss::Loss;
use crate::rng::SeededRng;

/// One layer as a lesson describes it: its width and activation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayerSpec {
    pub units: usize,
    pub activation: Activation,
}

/// What the network's output means, which decides the metric.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Task {
    /// Real-valued outputs; metric R².
    Regression,
    /// One probability of class 1; metric accuracy at threshold ½.
    Binary,
    /// One probability per class; metric accuracy of the arg-max.
    MultiClass,
}

/// The network: layers in order and the loss on the last one.
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    layers: Vec<Dense>,
    loss: Loss,
}

/// Everything the forward pass computed for one batch: `z[i]` and `a[i]` are
/// layer i's `Z` and `A`, each (m, k_i).
#[derive(Clone, Debug, PartialEq)]
pub struct Forward {
    pub z: Vec<Array2<f64>>,
    pub a: Vec<Array2<f64>>,
}

impl Forward {
    /// The network's output `A` of the last layer, (m, k).
    #[must_use]
    pub fn output(&self) -> &Array2<f64> {
        // A network always has at least one layer (checked on construction).
        &self.a[self.a.len() - 1]
    }
}

/// The gradients of every layer for one batch, first layer first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gradients {
    pub layers: Vec<LayerGrads>,
}

impl Network {
    /// A network of `specs` on `inputs` features, with weights from `init`
    /// (drawn from `rng` layer by layer) and zero biases.
    pub fn new(
        inputs: usize,
        specs: &[LayerSpec],
        loss: Loss,
        init: Init,
        rng: &mut SeededRng,
    ) -> Result<Self, EngineError> {
        let mut layers = Vec::with_capacity(specs.len());
        let mut n_in = inputs;
        for spec in specs {
            let w = init.weights(n_in, spec.units, rng);
            layers.push(Dense::new(
                w,
                Array2::zeros((1, spec.units)),
                spec.activation,
            )?);
            n_in = spec.units;
        }
        Self::from_layers(layers, loss)
    }

    /// A network from explicit layers; checks that consecutive layers connect
    /// and that the loss suits the last layer.
    pub fn from_layers(layers: Vec<Dense>, loss: Loss) -> Result<Self, EngineError> {
        let Some(last) = layers.last() else {
            return Err(EngineError::InvalidValue {
                name: "the number of layers",
                expected: "at least 1",
                found: "0".into(),
            });
        };
        if layers.iter().any(|l| l.inputs() == 0 || l.units() == 0) {
            return Err(EngineError::InvalidValue {
                name: "every layer's inputs and units",
                expected: "at least 1",
                found: "0".into(),
            });
        }
        check_loss_fits(loss, last)?;
        // The kernels read parameters as row-major slices.
        let layers = layers
            .into_iter()
            .map(Dense::into_standard_layout)
            .collect::<Vec<_>>();
        for (i, pair) in layers.windows(2).enumerate() {
            let expected = (pair[0].units(), pair[1].units());
            expect_shape(
                &format!("W{} (after a layer of {} units)", i + 2, pair[0].units()),
                &pair[1].w,
                expected,
            )?;
        }
        Ok(Self { layers, loss })
    }

    /// The layers, first to last.
    #[must_use]
    pub fn layers(&self) -> &[Dense] {
        &self.layers
    }

    /// The loss.
    #[must_use]
    pub fn loss(&self) -> Loss {
        self.loss
    }

    /// Number of input features n.
    #[must_use]
    pub fn inputs(&self) -> usize {
        self.layers[0].inputs()
    }

    /// Number of outputs k.
    #[must_use]
    pub fn outputs(&self) -> usize {
        self.layers[self.layers.len() - 1].units()
    }

    /// Regression, binary or multi-class, from the loss.
    #[must_use]
    pub fn task(&self) -> Task {
        match self.loss {
            Loss::Mse => Task::Regression,
            Loss::BinaryCrossEntropy => Task::Binary,
            Loss::SoftmaxCrossEntropy => Task::MultiClass,
        }
    }

    /// The deck's names of layer `i`'s parameters: `W`, `B` for a one-layer
    /// network, `W1`, `B1`, `W2`, … otherwise.
    #[must_use]
    pub fn param_suffix(&self, i: usize) -> String {
        if self.layers.len() == 1 {
            String::new()
        } else {
            (i + 1).to_string()
        }
    }

    /// The forward pass over `x` (m, n): every layer's `Z` and `A`, each
    /// (m, k_i). A readable wrapper over the one forward kernel that the
    /// training step and the evaluation use.
    pub fn forward(&self, x: ArrayView2<f64>) -> Result<Forward, EngineError> {
        if x.ncols() != self.inputs() {
            return Err(EngineError::ShapeMismatch {
                what: format!("X (the network has {} inputs)", self.inputs()),
                expected: (x.nrows(), self.inputs()),
                found: x.dim(),
            });
        }
        let x = x.as_standard_layout();
        let mut z: Vec<Array2<f64>> = (self.layers.iter())
            .map(|l| Array2::zeros((x.nrows(), l.units())))
            .collect();
        let mut a = z.clone();
        self.forward_into(view_flat(&x), &mut z, &mut a);
        Ok(Forward { z, a })
    }

    /// The forward pass of the rows `x` ((m, n), row-major) into `z[i]` and
    /// `a[i]`, each (m, k_i) in standard layout.
    pub(crate) fn forward_into(&self, x: &[f64], z: &mut [Array2<f64>], a: &mut [Array2<f64>]) {
        for (i, layer) in self.layers.iter().enumerate() {
            let (below, here) = a.split_at_mut(i);
            let input = match i {
                0 => x,
                _ => flat(&below[i - 1]),
            };
            let zi = flat_mut(&mut z[i]);
            kernels::affine(input, flat(&layer.w), flat(&layer.b), zi);
            kernels::activate(layer.activation, layer.units(), zi, flat_mut(&mut here[0]));
        }
    }

    /// The network's output for `x` (m, n) → (m, k).
    pub fn predict(&self, x: ArrayView2<f64>) -> Result<Array2<f64>, EngineError> {
        let mut fwd = self.forward(x)?;
        Ok(fwd.a.pop().unwrap_or_default())
    }

    /// The loss of a forward pass against targets `y` (m, k).
    #[must_use]
    pub fn loss_of(&self, fwd: &Forward, y: ArrayView2<f64>) -> f64 {
        let last = self.layers.len() - 1;
        self.loss.value(
            self.layers[last].activation,
            fwd.z[last].view(),
            fwd.a[last].view(),
            y,
        )
    }

    /// The mean loss over `x` (m, n) against `y` (m, k), through the same
    /// one-pass evaluation the trainer uses every epoch.
    pub fn evaluate(&self, x: ArrayView2<f64>, y: ArrayView2<f64>) -> Result<f64, EngineError> {
        Ok(self.loss_and_metric_of(x, y)?.0)
    }

    /// The mean loss and the task's metric (R² or accuracy) over `x` (m, n)
    /// against `y` (m, k); allocates its scratch (the trainer keeps its own).
    pub fn loss_and_metric_of(
        &self,
        x: ArrayView2<f64>,
        y: ArrayView2<f64>,
    ) -> Result<(f64, f64), EngineError> {
        let expected = (x.nrows(), self.outputs());
        if x.ncols() != self.inputs() || y.dim() != expected {
            return Err(EngineError::ShapeMismatch {
                what: format!(
                    "X and Y (the network has {} inputs and {} outputs)",
                    self.inputs(),
                    self.outputs()
                ),
                expected,
                found: y.dim(),
            });
        }
        let (x, y) = (x.as_standard_layout(), y.as_standard_layout());
        let stats = TargetStats::of(y.view());
        let mut scratch = EvalScratch::default();
        Ok(self.loss_and_metric(view_flat(&x), view_flat(&y), stats, &mut scratch))
    }

    /// The backward pass: the gradients of every layer for the batch `x`
    /// (m, n), `y` (m, k), given its forward pass. Through a hidden layer,
    /// `dZ_i = (dZ_{i+1}·W_{i+1}ᵀ) ⊙ σ_i'(Z_i)`. A readable wrapper over the
    /// one backward kernel that the training step uses.
    #[must_use]
    pub fn backward(&self, x: ArrayView2<f64>, fwd: &Forward, y: ArrayView2<f64>) -> Gradients {
        let m = x.nrows();
        let mut layers: Vec<LayerGrads> = (self.layers.iter())
            .map(|l| LayerGrads {
                dz: Array2::zeros((m, l.units())),
                dw: Array2::zeros(l.w.dim()),
                db: Array2::zeros(l.b.dim()),
            })
            .collect();
        let standard = |v: &[Array2<f64>]| -> Vec<Array2<f64>> {
            v.iter()
                .map(|a| a.as_standard_layout().into_owned())
                .collect()
        };
        let (z, a) = (standard(&fwd.z), standard(&fwd.a));
        let (x, y) = (x.as_standard_layout(), y.as_standard_layout());
        self.backward_into(view_flat(&x), &z, &a, view_flat(&y), &mut layers);
        Gradients { layers }
    }

    /// The backward pass into `grads` (one per layer, shaped like the
    /// parameters, `dz` (m, k_i)) from the batch `x`, `y` (row-major) and the
    /// forward pass's `z` and `a`, all in standard layout.
    pub(crate) fn backward_into(
        &self,
        x: &[f64],
        z: &[Array2<f64>],
        a: &[Array2<f64>],
        y: &[f64],
        grads: &mut [LayerGrads],
    ) {
        let n = self.layers.len();
        let last = &self.layers[n - 1];
        kernels::output_delta(
            self.loss,
            last.activation,
            last.units(),
            flat(&z[n - 1]),
            flat(&a[n - 1]),
            y,
            flat_mut(&mut grads[n - 1].dz),
        );
        for i in (0..n).rev() {
            let input = match i {
                0 => x,
                _ => flat(&a[i - 1]),
            };
            let (lower, upper) = grads.split_at_mut(i);
            let LayerGrads { dz, dw, db } = &mut upper[0];
            kernels::weight_grads(input, flat(dz), flat_mut(dw), flat_mut(db));
            if i > 0 {
                let (layer, prev) = (&self.layers[i], &self.layers[i - 1]);
                let below = flat_mut(&mut lower[i - 1].dz);
                kernels::back_delta(layer.units(), flat(dz), flat(&layer.w), below);
                let (zp, ap) = (flat(&z[i - 1]), flat(&a[i - 1]));
                kernels::activation_backward(prev.activation, prev.units(), zp, ap, below);
            }
        }
    }

    /// One gradient-descent update of every layer: `W ← W − η·dW`, `B ← B − η·dB`.
    pub fn descend(&mut self, grads: &Gradients, learning_rate: f64) {
        for (layer, g) in self.layers.iter_mut().zip(&grads.layers) {
            layer.descend(g, learning_rate);
        }
    }

    /// [`Network::descend`] for gradients in standard layout (the training
    /// step's), on the parameters as slices.
    pub(crate) fn descend_in_place(&mut self, grads: &Gradients, learning_rate: f64) {
        for (layer, g) in self.layers.iter_mut().zip(&grads.layers) {
            kernels::descend(flat_mut(&mut layer.w), flat(&g.dw), learning_rate);
            kernels::descend(flat_mut(&mut layer.b), flat(&g.db), learning_rate);
        }
    }

    /// Replaces the parameters (for rewinding a run); shapes must match.
    pub fn set_layers(&mut self, layers: Vec<Dense>) -> Result<(), EngineError> {
        *self = Self::from_layers(layers, self.loss)?;
        Ok(())
    }

    /// Mutable access to the layers, for the gradient check.
    pub(crate) fn layers_mut(&mut self) -> &mut [Dense] {
        &mut self.layers
    }
}

fn check_loss_fits(loss: Loss, last: &Dense) -> Result<(), EngineError> {
    let ok = match loss {
        Loss::Mse => true,
        Loss::BinaryCrossEntropy => last.activation == Activation::Sigmoid && last.units() == 1,
        Loss::SoftmaxCrossEntropy => last.activation == Activation::Softmax,
    };
    if ok {
        return Ok(());
    }
    Err(EngineError::IncompatibleLoss {
        loss: loss.name(),
        needs: match loss {
            Loss::BinaryCrossEntropy => "one unit with 'sigmoid'",
            _ => "two or more units with 'softmax'",
        },
        activation: last.activation.name(),
        units: last.units(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    fn one_neuron(w: f64, b: f64) -> Network {
        Network::from_layers(
            vec![Dense::new(array![[w]], array![[b]], Activation::Identity).unwrap()],
            Loss::Mse,
        )
        .unwrap()
    }

    #[test]
    fn one_sample_gradients_match_the_deck_hand_computation() {
        // The deck: z = w·x + b; loss = ½(z − y)²; dw = (z − y)·x; db = z − y.
        // w = 0.5, b = 0.2, x = 0.346, y = 3.0: z = 0.373, dz = −2.627,
        // dw = −2.627·0.346 = −0.908942, db = −2.627.
        let net = one_neuron(0.5, 0.2);
        let x = array![[0.346]];
        let y = array![[3.0]];
        let fwd = net.forward(x.view()).unwrap();
        assert!((fwd.output()[[0, 0]] - 0.373).abs() < 1e-12);
        let g = net.backward(x.view(), &fwd, y.view());
        assert!((g.layers[0].dw[[0, 0]] - (-0.908_942)).abs() < 1e-9);
        assert!((g.layers[0].db[[0, 0]] - (-2.627)).abs() < 1e-12);
        assert!((net.loss_of(&fwd, y.view()) - 0.5 * 2.627f64.powi(2)).abs() < 1e-12);
    }

    #[test]
    fn bce_on_a_relu_output_is_rejected_with_the_reason() {
        let mut rng = SeededRng::new(0);
        let err = Network::new(
            2,
            &[LayerSpec {
                units: 1,
                activation: Activation::Relu,
            }],
            Loss::BinaryCrossEntropy,
            Init::Zeros,
            &mut rng,
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("needs one unit with 'sigmoid'"),
            "{err}"
        );
    }

    #[test]
    fn layers_that_do_not_connect_are_rejected_naming_both_shapes() {
        let l1 = Dense::new(
            Array2::zeros((2, 3)),
            Array2::zeros((1, 3)),
            Activation::Sigmoid,
        )
        .unwrap();
        let l2 = Dense::new(
            Array2::zeros((4, 1)),
            Array2::zeros((1, 1)),
            Activation::Identity,
        )
        .unwrap();
        let err = Network::from_layers(vec![l1, l2], Loss::Mse).unwrap_err();
        assert_eq!(
            err.to_string(),
            "W2 (after a layer of 3 units): expected shape 3×1, found 4×1"
        );
    }

    #[test]
    fn input_of_wrong_width_is_an_error_not_a_panic() {
        let net = one_neuron(1.0, 0.0);
        assert!(net.forward(array![[1.0, 2.0]].view()).is_err());
    }
}
