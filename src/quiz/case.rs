//! One concrete gradient case: the sample, the targets and the weights, the
//! engine's forward and backward pass over them, and the asked quantity.

use ndarray::Array2;

use super::grade::Expected;
use super::quantity::{Quantity, symbol_name, symbol_tex};
use super::slips;
use super::tolerance::Tolerance;
use crate::engine::{EngineError, Forward, Gradients, Network};

/// A worked-out case. Shapes: `x` (m, n), `y` (m, k); layer i's W
/// (n_i, k_i) and B (1, k_i).
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub network: Network,
    pub x: Array2<f64>,
    pub y: Array2<f64>,
    pub forward: Forward,
    pub grads: Gradients,
    pub ask: Quantity,
    pub tolerance: Tolerance,
}

/// A number or matrix the question shows: its name (`X`, `W2`, `w`), its
/// TeX name and its values (shape = `value.dim()`).
#[derive(Clone, Debug, PartialEq)]
pub struct Given {
    pub name: String,
    pub tex: String,
    pub value: Array2<f64>,
}

impl Case {
    /// Runs the engine's forward and backward pass.
    ///
    /// # Errors
    /// When `x` or `y` does not fit the network.
    pub fn new(
        network: Network,
        x: Array2<f64>,
        y: Array2<f64>,
        ask: Quantity,
        tolerance: Tolerance,
    ) -> Result<Self, EngineError> {
        let forward = network.forward(x.view())?;
        if y.dim() != forward.output().dim() {
            return Err(EngineError::ShapeMismatch {
                what: "Y".into(),
                expected: forward.output().dim(),
                found: y.dim(),
            });
        }
        let grads = network.backward(x.view(), &forward, y.view());
        Ok(Case {
            network,
            x,
            y,
            forward,
            grads,
            ask,
            tolerance,
        })
    }

    /// Number of layers.
    #[must_use]
    pub fn depth(&self) -> usize {
        self.network.layers().len()
    }

    /// Number of samples m.
    #[must_use]
    pub fn samples(&self) -> usize {
        self.x.nrows()
    }

    /// The value of any quantity of this case.
    #[must_use]
    pub fn value(&self, q: Quantity) -> Array2<f64> {
        let last = self.depth() - 1;
        let layer = q.layer().unwrap_or(last).min(last);
        let g = &self.grads.layers[layer];
        match q {
            Quantity::Z(_) => self.forward.z[layer].clone(),
            Quantity::A(_) => self.forward.a[layer].clone(),
            Quantity::Loss => {
                Array2::from_elem((1, 1), self.network.loss_of(&self.forward, self.y.view()))
            }
            Quantity::DZ(_) => g.dz.clone(),
            Quantity::DW(_) => g.dw.clone(),
            Quantity::DB(_) => g.db.clone(),
        }
    }

    /// The right answer.
    #[must_use]
    pub fn answer(&self) -> Array2<f64> {
        self.value(self.ask)
    }

    /// The asked quantity's plain name: `dw`, `dW2`.
    #[must_use]
    pub fn asked_name(&self) -> String {
        self.ask.name(self.depth())
    }

    /// What the question shows: X, Y, then W and B of every layer.
    #[must_use]
    pub fn givens(&self) -> Vec<Given> {
        let n = self.depth();
        let given = |stem: &str, layer: Option<usize>, value: &Array2<f64>| Given {
            name: symbol_name(stem, layer, n),
            tex: symbol_tex(stem, layer, n),
            value: value.clone(),
        };
        let mut out = vec![given("X", None, &self.x), given("Y", None, &self.y)];
        for (i, l) in self.network.layers().iter().enumerate() {
            out.push(given("W", Some(i), &l.w));
            out.push(given("B", Some(i), &l.b));
        }
        out
    }

    /// The answer with the wrong values recognised slips would give.
    #[must_use]
    pub fn expected(&self) -> Expected {
        Expected {
            value: self.answer(),
            tolerance: self.tolerance,
            slips: slips::slips(self),
        }
    }
}
