//! Reading the spec's data: a built-in dataset or CSV files, and the choice
//! of feature and target columns, each checked against the columns present.

use std::path::Path;

use super::SpecError;
use crate::dataset::{DataError, Table, builtin, csv_io};
use crate::spec::problem::{SpecHint as H, SpecProblem as P};
use crate::spec::{TrainSpec, limits};
use crate::untrusted::{EXCERPT_CHARS, excerpt, visible_line};

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
    let data_err = |path: &[&str], e: DataError| SpecError::at(path, P::Data(Box::new(e)));
    let (name, train, mut test) = match (&d.builtin, &d.csv) {
        (Some(name), None) => {
            let b = builtin::generate(name).map_err(|e| data_err(&["data", "builtin"], e))?;
            (name.clone(), b.train, b.test)
        }
        (None, Some(csv)) => {
            let t = csv_io::read_lesson_csv(base_dir, csv)
                .map_err(|e| data_err(&["data", "csv"], e))?;
            (
                visible_line(&csv.display().to_string()).into_owned(),
                t,
                None,
            )
        }
        _ => {
            return Err(
                SpecError::at(&["data"], P::BuiltinOrCsv).hint(H::BuiltinNames {
                    names: builtin::names().join(", "),
                }),
            );
        }
    };
    if let Some(test_csv) = &d.test_csv {
        test = Some(
            csv_io::read_lesson_csv(base_dir, test_csv)
                .map_err(|e| data_err(&["data", "test_csv"], e))?,
        );
    }
    let target = match &d.target {
        Some(t) => t.clone(),
        None => train.columns.last().cloned().unwrap_or_default(),
    };
    let train_columns = train.column_map();
    if !train_columns.contains_key(target.as_str()) {
        return Err(SpecError::at(
            &["data", "target"],
            P::NoColumn {
                name: excerpt(&target, EXCERPT_CHARS),
            },
        )
        .hint(H::Columns {
            list: train.columns_list(),
        }));
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
        if !train_columns.contains_key(f.as_str()) {
            return Err(SpecError::at(
                &["data", "features", &i.to_string()],
                P::NoColumn {
                    name: excerpt(f, EXCERPT_CHARS),
                },
            )
            .hint(H::Columns {
                list: train.columns_list(),
            }));
        }
    }
    let inputs = features
        .len()
        .saturating_mul(spec.polynomial.unwrap_or(1).max(1));
    let rows = train
        .rows()
        .saturating_add(test.as_ref().map_or(0, Table::rows));
    limits::check_run(spec, rows, inputs)?;
    if let Some(t) = &test {
        let test_columns = t.column_map();
        for c in features.iter().chain(std::iter::once(&target)) {
            if !test_columns.contains_key(c.as_str()) {
                return Err(SpecError::at(
                    &["data", "test_csv"],
                    P::TestNoColumn {
                        name: excerpt(c, EXCERPT_CHARS),
                    },
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
