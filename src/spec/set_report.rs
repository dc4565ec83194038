//! Predictions row by row on the training, validation and test sets, in
//! original units: what a forward pass gives for each sample, beside its
//! input and target as the data holds them.

use ndarray::{Array2, Axis};

use super::RunInfo;
use crate::engine::{EngineError, Network, metrics, split::SetName};

/// One sample's prediction.
#[derive(Clone, Debug, PartialEq)]
pub struct SetRow {
    /// The row in the data (training file order; test file order).
    pub row: usize,
    /// Inputs and target in original units.
    pub input: Vec<f64>,
    pub target: Vec<f64>,
    /// The network's output in original units (probabilities for
    /// classification).
    pub output: Vec<f64>,
    /// The predicted class id, for classification.
    pub class: Option<f64>,
}

impl RunInfo {
    /// The raw inputs, raw targets and data row numbers of a set, in the
    /// order the trainer holds the set; `None` when the run has no such set.
    fn raw_set(&self, which: SetName) -> Option<(Array2<f64>, Array2<f64>, Vec<usize>)> {
        let pick = |rows: &[usize]| {
            (
                self.raw_x.select(Axis(0), rows),
                self.raw_y.select(Axis(0), rows),
                rows.to_vec(),
            )
        };
        match which {
            SetName::Train => Some(pick(&self.train_rows)),
            SetName::Validation => (!self.val_rows.is_empty()).then(|| pick(&self.val_rows)),
            SetName::Test => (self.raw_test.as_ref())
                .map(|(x, y)| (x.clone(), y.clone(), (0..x.nrows()).collect())),
        }
    }

    /// Each sample of a set with the network's prediction; `None` when the
    /// run has no such set.
    pub fn set_predictions(
        &self,
        net: &Network,
        which: SetName,
    ) -> Result<Option<Vec<SetRow>>, EngineError> {
        let Some((x, y, rows)) = self.raw_set(which) else {
            return Ok(None);
        };
        let out = self.predict(net, &x)?;
        let classes = self.classes.as_deref();
        let rows = (rows.into_iter().zip(x.rows()).zip(y.rows()).zip(out.rows()))
            .map(|(((row, x), y), o)| SetRow {
                row,
                input: x.to_vec(),
                target: y.to_vec(),
                output: o.to_vec(),
                class: classes.and_then(|c| c.get(metrics::class_of(o)).copied()),
            })
            .collect();
        Ok(Some(rows))
    }
}
