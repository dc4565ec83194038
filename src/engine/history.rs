//! The record of each completed epoch, kept so that a run can be scrubbed
//! back and resumed from any earlier epoch, and its thinning.
//!
//! A record is small and made in one allocation: the numbers of every layer
//! sit in one flat slice, and the layer shapes are shared by all records of
//! a run. On a 64-bit machine a record takes `size_of::<EpochRecord>()`
//! (128 bytes) plus 8 bytes per stored number (plus the allocator's own few
//! bytes): the parameters, and after the first step the last batch's dW, dB
//! and the first row of each dZ:
//!
//! | network | numbers | bytes per record |
//! |---|---|---|
//! | 1-3-1 | 10 + 14 | 320 |
//! | 2-3-3 | 21 + 27 | 512 |
//! | 2-8-3 | 51 + 62 | 1,032 |
//!
//! (`bytes_per_record_are_as_documented` checks the table.) Thinning drops
//! records, and each dropped record frees its one allocation at once; the
//! list keeps its capacity (at most [`HISTORY_LIMIT`] + 1), which the run
//! fills again.

use std::sync::Arc;

use ndarray::Array2;

use super::activation::Activation;
use super::dense::{Dense, LayerGrads};
use super::network::{Gradients, Network};
use crate::rng::SeededRng;

/// Epoch records kept before older ones are thinned: a run of a million
/// epochs keeps about this many, evenly spread, so memory stays bounded.
pub const HISTORY_LIMIT: usize = 20_000;

/// One layer's shape and activation: `W` is (inputs, units).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct LayerShape {
    inputs: usize,
    units: usize,
    activation: Activation,
}

/// The layer shapes of a run, shared by its records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Shapes(Arc<[LayerShape]>);

impl Shapes {
    pub(crate) fn of(net: &Network) -> Self {
        Self(
            net.layers()
                .iter()
                .map(|l| LayerShape {
                    inputs: l.inputs(),
                    units: l.units(),
                    activation: l.activation,
                })
                .collect(),
        )
    }

    fn params(&self) -> usize {
        self.0.iter().map(|l| (l.inputs + 1) * l.units).sum()
    }
}

/// The state after a completed epoch (epoch 0 is the state before training).
/// [`EpochRecord::grads`] gives the last batch's dW and dB; its dZ keeps only
/// the batch's first row, which is all the screen's formulas need.
#[derive(Clone, Debug, PartialEq)]
pub struct EpochRecord {
    pub epoch: usize,
    pub iteration: u64,
    pub train_loss: f64,
    pub val_loss: Option<f64>,
    pub metric: f64,
    pub val_metric: Option<f64>,
    /// Per layer `W` then `B`, row-major, first layer first; then, if a step
    /// was taken, per layer `dW`, `dB` and the first row of `dZ`.
    values: Box<[f64]>,
    shapes: Shapes,
    pub(crate) rng: SeededRng,
}

/// The losses and metrics of a record.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Scores {
    pub train_loss: f64,
    pub val_loss: Option<f64>,
    pub metric: f64,
    pub val_metric: Option<f64>,
}

impl EpochRecord {
    /// Records `net` now with `grads` (the last step's), copying their
    /// numbers into one slice.
    pub(crate) fn new(
        epoch: usize,
        iteration: u64,
        scores: Scores,
        net: &Network,
        grads: Option<&Gradients>,
        shapes: &Shapes,
        rng: &SeededRng,
    ) -> Self {
        let params = shapes.params();
        let grad_len = grads.map_or(0, |g| {
            g.layers
                .iter()
                .map(|l| l.dw.len() + l.db.len() + l.dz.ncols().min(l.dz.len()))
                .sum()
        });
        let mut values = Vec::with_capacity(params + grad_len);
        for l in net.layers() {
            values.extend(l.w.iter().chain(l.b.iter()));
        }
        for l in grads.map_or(&[][..], |g| &g.layers) {
            values.extend(l.dw.iter().chain(l.db.iter()));
            values.extend(l.dz.rows().into_iter().next().into_iter().flatten());
        }
        Self {
            epoch,
            iteration,
            train_loss: scores.train_loss,
            val_loss: scores.val_loss,
            metric: scores.metric,
            val_metric: scores.val_metric,
            values: values.into_boxed_slice(),
            shapes: shapes.clone(),
            rng: rng.clone(),
        }
    }

    /// The parameters at the end of this epoch, first layer first.
    #[must_use]
    pub fn layers(&self) -> Vec<Dense> {
        let mut rest = &self.values[..];
        self.shapes
            .0
            .iter()
            .map(|s| Dense {
                w: take(&mut rest, (s.inputs, s.units)),
                b: take(&mut rest, (1, s.units)),
                activation: s.activation,
            })
            .collect()
    }

    /// The last batch's gradients before this record (dZ: its first row only),
    /// or `None` before the first step.
    #[must_use]
    pub fn grads(&self) -> Option<Gradients> {
        let mut rest = self.values.get(self.shapes.params()..)?;
        if rest.is_empty() {
            return None;
        }
        let layers = (self.shapes.0.iter())
            .map(|s| LayerGrads {
                dw: take(&mut rest, (s.inputs, s.units)),
                db: take(&mut rest, (1, s.units)),
                dz: take(&mut rest, (1, s.units)),
            })
            .collect();
        Some(Gradients { layers })
    }

    /// Bytes this record takes, its one allocation included.
    #[must_use]
    pub fn bytes(&self) -> usize {
        size_of::<Self>() + size_of_val(&*self.values)
    }
}

/// The next `shape` values of `rest` as a matrix (zeros if too few remain,
/// which a record built by [`EpochRecord::new`] never has).
fn take(rest: &mut &[f64], shape: (usize, usize)) -> Array2<f64> {
    let len = (shape.0 * shape.1).min(rest.len());
    let (now, later) = rest.split_at(len);
    *rest = later;
    Array2::from_shape_vec(shape, now.to_vec()).unwrap_or_else(|_| Array2::zeros(shape))
}

/// Drops every second record except the first and the last.
pub(crate) fn thin(history: &mut Vec<EpochRecord>) {
    let last = history.len() - 1;
    let mut i = 0;
    history.retain(|_| {
        let keep = i == 0 || i == last || i % 2 == 0;
        i += 1;
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Init, LayerSpec, Loss};

    fn record_of(inputs: usize, hidden: usize, outputs: usize, with_grads: bool) -> EpochRecord {
        let s = |units, activation| LayerSpec { units, activation };
        let (head, loss) = match outputs {
            1 => (Activation::Identity, Loss::Mse),
            _ => (Activation::Softmax, Loss::SoftmaxCrossEntropy),
        };
        let mut rng = SeededRng::new(1);
        let specs = [s(hidden, Activation::Sigmoid), s(outputs, head)];
        let net = Network::new(inputs, &specs, loss, Init::Xavier, &mut rng).unwrap();
        let grads = Gradients {
            layers: (net.layers().iter())
                .map(|l| LayerGrads {
                    dz: Array2::<f64>::ones((10, l.units())),
                    dw: Array2::<f64>::ones(l.w.dim()),
                    db: Array2::<f64>::ones(l.b.dim()),
                })
                .collect(),
        };
        let scores = Scores {
            train_loss: 1.0,
            val_loss: Some(2.0),
            metric: 0.5,
            val_metric: None,
        };
        let grads = with_grads.then_some(&grads);
        EpochRecord::new(3, 30, scores, &net, grads, &Shapes::of(&net), &rng)
    }

    #[test]
    fn bytes_per_record_are_as_documented() {
        assert_eq!(size_of::<EpochRecord>(), 128);
        assert_eq!(record_of(1, 3, 1, true).bytes(), 320);
        assert_eq!(record_of(2, 3, 3, true).bytes(), 512);
        assert_eq!(record_of(2, 8, 3, true).bytes(), 1032);
        assert_eq!(record_of(1, 3, 1, false).bytes(), 128 + 8 * 10);
    }

    #[test]
    fn a_record_gives_back_the_layers_and_first_row_gradients_it_was_made_from() {
        let rec = record_of(2, 3, 3, true);
        let layers = rec.layers();
        assert_eq!(layers.len(), 2);
        assert_eq!(layers[0].w.dim(), (2, 3));
        assert_eq!(layers[1].b.dim(), (1, 3));
        let grads = rec.grads().unwrap();
        assert_eq!(grads.layers[1].dz, Array2::<f64>::ones((1, 3)));
        assert_eq!(grads.layers[0].dw, Array2::<f64>::ones((2, 3)));
        assert!(record_of(1, 3, 1, false).grads().is_none());
    }
}
