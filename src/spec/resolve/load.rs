//! Reading the spec's data: a built-in dataset or CSV files, and the choice
//! of feature and target columns, each checked against the columns present.

use std::path::Path;

use super::SpecError;
use crate::dataset::{DataError, Table, builtin, csv_io};
use crate::spec::TrainSpec;

/// The data as loaded: train and optional test tables and the column choice.
pub(super) struct Loaded {
    pub(super) name: String,
    pub(super) train: Table,
    pub(super) test: Option<Table>,
    pub(super) features: Vec<String>,
    pub(super) target: String,
}

/// Loads the data `spec` names, paths relative to `base_dir`.
pub(super) fn load_data(spec: &TrainSpec, base_dir: &Path) -> Result<Loaded, SpecError> {
    let d = &spec.data;
    let data_err = |path: &[&str], e: DataError| SpecError::at(path, e.to_string());
    let (name, train, mut test) = match (&d.builtin, &d.csv) {
        (Some(name), None) => {
            let b = builtin::generate(name).map_err(|e| data_err(&["data", "builtin"], e))?;
            (name.clone(), b.train, b.test)
        }
        (None, Some(csv)) => {
            let t =
                csv_io::read_csv(&base_dir.join(csv)).map_err(|e| data_err(&["data", "csv"], e))?;
            (csv.display().to_string(), t, None)
        }
        _ => {
            return Err(
                SpecError::at(&["data"], "give exactly one of builtin or csv").hint(format!(
                    "built-in datasets: {}",
                    builtin::names().join(", ")
                )),
            );
        }
    };
    if let Some(test_csv) = &d.test_csv {
        test = Some(
            csv_io::read_csv(&base_dir.join(test_csv))
                .map_err(|e| data_err(&["data", "test_csv"], e))?,
        );
    }
    let target = match &d.target {
        Some(t) => t.clone(),
        None => train.columns.last().cloned().unwrap_or_default(),
    };
    if train.column_index(&target).is_none() {
        return Err(
            SpecError::at(&["data", "target"], format!("no column named '{target}'"))
                .hint(format!("the columns are: {}", train.columns.join(", "))),
        );
    }
    let features = match &d.features {
        Some(f) => f.clone(),
        None => train
            .columns
            .iter()
            .filter(|c| **c != target)
            .cloned()
            .collect(),
    };
    for (i, f) in features.iter().enumerate() {
        if train.column_index(f).is_none() {
            return Err(SpecError::at(
                &["data", "features", &i.to_string()],
                format!("no column named '{f}'"),
            )
            .hint(format!("the columns are: {}", train.columns.join(", "))));
        }
    }
    if let Some(t) = &test {
        for c in features.iter().chain(std::iter::once(&target)) {
            if t.column_index(c).is_none() {
                return Err(SpecError::at(
                    &["data", "test_csv"],
                    format!("the test data has no column '{c}'"),
                ));
            }
        }
    }
    Ok(Loaded {
        name,
        train,
        test,
        features,
        target,
    })
}
