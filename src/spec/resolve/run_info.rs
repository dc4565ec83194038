//! What a resolved run carries besides its trainer: names, classes, the
//! fitted transforms and the raw data in original units, and the
//! conversions between original units and the network's inputs.

use ndarray::Array2;

use crate::spec::StatsFrom;

use crate::engine::{
    Activation, Dense, EngineError, Network,
    transform::{self, Normalizer},
};

/// What the run needs besides the trainer, to show and report it: names,
/// classes, the fitted transforms and the raw data in original units.
#[derive(Clone, Debug)]
pub struct RunInfo {
    /// Where the data came from: a built-in name or the CSV path as written.
    pub data_name: String,
    /// The input columns as in the data.
    pub raw_features: Vec<String>,
    /// The network's inputs after polynomial expansion (`x`, `x^2`, …).
    pub features: Vec<String>,
    pub target: String,
    /// Class ids for classification, sorted (index i is class `classes[i]`).
    pub classes: Option<Vec<f64>>,
    pub polynomial: Option<usize>,
    pub x_norm: Option<Normalizer>,
    pub y_norm: Option<Normalizer>,
    /// Raw inputs (m, n_raw) and targets (m, 1) of all training rows.
    pub raw_x: Array2<f64>,
    pub raw_y: Array2<f64>,
    /// The normal-equation solution in original units, when asked for.
    pub closed_form: Option<(Array2<f64>, Array2<f64>)>,
    /// Inputs to predict at the end, in original units (rows × n_raw).
    pub predict: Array2<f64>,
    /// Rows of `raw_x` in the training set and in the validation set, in
    /// the order those sets hold them.
    pub train_rows: Vec<usize>,
    pub val_rows: Vec<usize>,
    /// Which rows the input normalisation statistics came from, and how many.
    pub stats_from: StatsFrom,
    pub stats_rows: usize,
    /// Raw inputs and targets of the test rows, if any.
    pub raw_test: Option<(Array2<f64>, Array2<f64>)>,
}

impl RunInfo {
    /// Raw inputs (m, n_raw) → the network's inputs (polynomial, normalised).
    #[must_use]
    pub fn prepare_inputs(&self, raw: &Array2<f64>) -> Array2<f64> {
        let x = match self.polynomial {
            Some(d) => transform::polynomial(raw, d),
            None => raw.clone(),
        };
        match &self.x_norm {
            Some(n) => n.apply(&x),
            None => x,
        }
    }

    /// Predictions for raw inputs, in original units (the target's
    /// normalisation undone); probabilities for classification.
    pub fn predict(&self, net: &Network, raw: &Array2<f64>) -> Result<Array2<f64>, EngineError> {
        let out = net.predict(self.prepare_inputs(raw).view())?;
        Ok(match &self.y_norm {
            Some(n) => n.invert(&out),
            None => out,
        })
    }

    /// The normal-equation solution's predictions for the spec's `predict`
    /// inputs, as (input, output) rows; empty without a closed form.
    #[must_use]
    pub fn closed_form_predictions(&self) -> Vec<(Vec<f64>, Vec<f64>)> {
        let Some((w, b)) = &self.closed_form else {
            return Vec::new();
        };
        let x = match self.polynomial {
            Some(d) => transform::polynomial(&self.predict, d),
            None => self.predict.clone(),
        };
        let out = x.dot(w) + b;
        self.predict
            .rows()
            .into_iter()
            .zip(out.rows())
            .map(|(i, o)| (i.to_vec(), o.to_vec()))
            .collect()
    }

    /// W and B of a single linear layer in original units (inputs and target
    /// de-normalised); `None` for other networks.
    #[must_use]
    pub fn real_units(&self, layers: &[Dense]) -> Option<(Array2<f64>, Array2<f64>)> {
        let [layer] = layers else { return None };
        if layer.activation != Activation::Identity {
            return None;
        }
        Some(match &self.x_norm {
            Some(xn) => transform::denormalise_linear(&layer.w, &layer.b, xn, self.y_norm.as_ref()),
            None => match &self.y_norm {
                Some(yn) => (&layer.w * &yn.scale, &layer.b * &yn.scale + &yn.center),
                None => (layer.w.clone(), layer.b.clone()),
            },
        })
    }
}
