//! The normalisation constants of a run, as reported: which statistic, from
//! which rows, and per column the centre and scale (min and range, or mean
//! and standard deviation), so a learner can redo x' = (x − min) / range.

use serde_json::{Value, json};

use super::{RunInfo, StatsFrom};
use crate::engine::transform::{NormKind, Normalizer};

/// One column's constants.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnStats {
    pub name: String,
    /// The minimum (min-max) or the mean (z-score).
    pub center: f64,
    /// The range max − min (min-max) or the population standard deviation.
    pub scale: f64,
}

/// The constants of the inputs' or the target's normalisation.
#[derive(Clone, Debug, PartialEq)]
pub struct NormReport {
    pub kind: NormKind,
    /// Where the rows came from: the training rows, or training and test.
    pub from: StatsFrom,
    /// How many rows the statistics were computed over.
    pub rows: usize,
    pub columns: Vec<ColumnStats>,
}

impl NormReport {
    fn of(n: &Normalizer, names: &[String], from: StatsFrom, rows: usize) -> Self {
        let columns = (names.iter().zip(n.center.iter().zip(&n.scale)))
            .map(|(name, (c, s))| ColumnStats {
                name: name.clone(),
                center: *c,
                scale: *s,
            })
            .collect();
        Self {
            kind: n.kind,
            from,
            rows,
            columns,
        }
    }

    /// As a JSON object, full precision: `min`/`range` or `mean`/`std`.
    #[must_use]
    pub fn to_json(&self) -> Value {
        let (c, s, kind) = match self.kind {
            NormKind::MinMax => ("min", "range", "min_max"),
            NormKind::ZScore => ("mean", "std", "z_score"),
        };
        let from = match self.from {
            StatsFrom::Train => "train",
            StatsFrom::TrainAndTest => "train_and_test",
        };
        let columns: Vec<Value> = (self.columns.iter())
            .map(|col| json!({"name": col.name, c: col.center, s: col.scale}))
            .collect();
        json!({"statistic": kind, "from": from, "rows": self.rows, "columns": columns})
    }
}

impl RunInfo {
    /// The inputs' normalisation constants (after any polynomial expansion,
    /// one column per network input), if the inputs are normalised.
    #[must_use]
    pub fn input_norm(&self) -> Option<NormReport> {
        (self.x_norm.as_ref())
            .map(|n| NormReport::of(n, &self.features, self.stats_from, self.stats_rows))
    }

    /// The target's normalisation constants, if it is normalised; they
    /// always come from the training rows (before the validation split).
    #[must_use]
    pub fn target_norm(&self) -> Option<NormReport> {
        let names = std::slice::from_ref(&self.target);
        (self.y_norm.as_ref())
            .map(|n| NormReport::of(n, names, StatsFrom::Train, self.raw_y.nrows()))
    }
}
