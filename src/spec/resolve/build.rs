//! From checked values and loaded data to the trainer: encode the targets,
//! expand and normalise the inputs, split off validation rows, build the
//! network and the run's information.

use ndarray::{Array2, Axis, concatenate};

use super::load::Loaded;
use super::network::build_network;
use super::{Resolved, RunInfo, SpecError};
use crate::dataset::Table;
use crate::engine::{
    BatchSize, EngineError, Loss, Split, StopOn, Task, TrainConfig, Trainer, normal_equation,
    split::validation_rows,
    transform::{self, Normalizer},
};
use crate::rng::SeededRng;
use crate::spec::problem::{SpecHint as H, SpecProblem as P};
use crate::spec::{Normalize, StatsFrom, TrainSpec};

/// Builds the trainer at epoch 0 from a spec whose values passed the checks.
pub(super) fn build(spec: &TrainSpec, data: Loaded) -> Result<Resolved, SpecError> {
    let select = |t: &Table, cols: &[String]| {
        t.select(cols, &data.name)
            .map_err(|e| SpecError::at(&["data"], P::Data(Box::new(e))))
    };
    let target = vec![data.target.clone()];
    let raw_x = select(&data.train, &data.features)?;
    let raw_y = select(&data.train, &target)?;
    let test_raw = match &data.test {
        Some(t) => Some((select(t, &data.features)?, select(t, &target)?)),
        None => None,
    };
    let task = match spec.loss {
        Loss::Mse => Task::Regression,
        Loss::BinaryCrossEntropy => Task::Binary,
        Loss::SoftmaxCrossEntropy => Task::MultiClass,
    };
    let classes = (task != Task::Regression).then(|| transform::class_ids(&raw_y));
    let last = spec.layers.len() - 1;
    let outputs = classes
        .as_ref()
        .map_or(1, |c| if task == Task::Binary { 1 } else { c.len() });
    if spec.layers[last].units != outputs {
        return Err(SpecError::at(
            &["layers", &last.to_string(), "units"],
            P::OutputUnits {
                found: spec.layers[last].units,
                needed: outputs,
            },
        )
        .hint(match &classes {
            Some(c) if task == Task::MultiClass => H::TargetClasses {
                target: data.target.clone(),
                classes: c.clone(),
            },
            _ => H::OneUnitPerTarget,
        }));
    }
    let y = encode_targets(spec.loss, &raw_y, classes.as_deref().unwrap_or(&[]))?;
    let expand = |x: &Array2<f64>| {
        spec.polynomial
            .map_or_else(|| x.clone(), |d| transform::polynomial(x, d))
    };
    let features = feature_names(&data.features, spec.polynomial);
    let x_poly = expand(&raw_x);
    let test_poly = test_raw.as_ref().map(|(x, y)| (expand(x), y.clone()));
    let stats_x = match (&test_poly, spec.normalize_stats) {
        (Some((tx, _)), StatsFrom::TrainAndTest) => {
            concatenate(Axis(0), &[x_poly.view(), tx.view()]).map_err(|e| {
                SpecError::at(
                    &["normalize_stats"],
                    P::Engine(Box::new(EngineError::Transform(e.to_string()))),
                )
            })?
        }
        _ => x_poly.clone(),
    };
    let x_norm = fit(spec.normalize, &stats_x, &features, "normalize")?;
    let y_norm = match task {
        Task::Regression => fit(spec.normalize_target, &raw_y, &target, "normalize_target")?,
        _ if spec.normalize_target != Normalize::None => {
            return Err(SpecError::at(
                &["normalize_target"],
                P::NormaliseNonRegression,
            ));
        }
        _ => None,
    };
    let norm_x = |x: &Array2<f64>| x_norm.as_ref().map_or_else(|| x.clone(), |n| n.apply(x));
    let norm_y = |y: &Array2<f64>| y_norm.as_ref().map_or_else(|| y.clone(), |n| n.apply(y));
    let all = Split::new(norm_x(&x_poly), norm_y(&y)).map_err(engine_err(&["data"]))?;
    let mut split_rng = SeededRng::derived(spec.seed, "split");
    let (train_rows, val_rows) = validation_rows(
        all.rows(),
        spec.validation,
        spec.validation_rows,
        spec.shuffle.then_some(&mut split_rng),
    );
    let train = all.select(&train_rows);
    let validation = (!val_rows.is_empty()).then(|| all.select(&val_rows));
    let test = match &test_poly {
        Some((tx, ty)) => {
            let ty = encode_targets(spec.loss, ty, classes.as_deref().unwrap_or(&[]))?;
            Some(Split::new(norm_x(tx), norm_y(&ty)).map_err(engine_err(&["data", "test_csv"]))?)
        }
        None => None,
    };
    let net = build_network(spec, features.len())?;
    let config = TrainConfig {
        learning_rate: spec.learning_rate,
        batch_size: spec.batch_size.to_engine().unwrap_or(BatchSize::FULL),
        max_epochs: spec.epochs,
        eps: spec.eps,
        stop_on: spec.stop_on.unwrap_or(StopOn::Train),
        stop_every: (spec.stop_every)
            .and_then(crate::spec::EveryCount::to_engine)
            .unwrap_or_default(),
        eps_compare: spec.eps_compare.unwrap_or_default(),
        shuffle: spec.shuffle,
        seed: spec.seed,
    };
    let closed_form = if spec.closed_form {
        Some(
            normal_equation::solve(&x_poly, &raw_y, &features)
                .map_err(engine_err(&["closed_form"]))?,
        )
    } else {
        None
    };
    let predict = predict_inputs(spec, data.features.len())?;
    let trainer =
        Trainer::new(net, config, train, validation, test).map_err(engine_err(&["layers"]))?;
    let info = RunInfo {
        data_name: data.name,
        raw_features: data.features,
        features,
        target: data.target,
        classes,
        polynomial: spec.polynomial,
        x_norm,
        y_norm,
        raw_x,
        raw_y,
        closed_form,
        predict,
        train_rows,
        val_rows,
        stats_from: match test_poly {
            Some(_) => spec.normalize_stats,
            None => StatsFrom::Train,
        },
        stats_rows: stats_x.nrows(),
        raw_test: test_raw,
    };
    Ok(Resolved { trainer, info })
}

fn fit(
    kind: Normalize,
    x: &Array2<f64>,
    names: &[String],
    key: &str,
) -> Result<Option<Normalizer>, SpecError> {
    kind.kind()
        .map(|k| {
            Normalizer::fit(k, x, names).map_err(|e| SpecError::at(&[key], P::Engine(Box::new(e))))
        })
        .transpose()
}

fn feature_names(raw: &[String], degree: Option<usize>) -> Vec<String> {
    match degree {
        None | Some(1) => raw.to_vec(),
        Some(d) => raw
            .iter()
            .flat_map(|f| {
                (1..=d).map(move |p| {
                    if p == 1 {
                        f.clone()
                    } else {
                        format!("{f}^{p}")
                    }
                })
            })
            .collect(),
    }
}

/// Targets in the form the loss needs, and the class ids for classification.
fn encode_targets(
    loss: Loss,
    raw_y: &Array2<f64>,
    classes: &[f64],
) -> Result<Array2<f64>, SpecError> {
    match loss {
        Loss::Mse => Ok(raw_y.clone()),
        Loss::BinaryCrossEntropy => {
            if classes.len() != 2 {
                return Err(SpecError::at(
                    &["loss"],
                    P::BinaryNeedsTwoClasses {
                        classes: classes.to_vec(),
                    },
                )
                .hint(H::UseSoftmaxCe));
            }
            Ok(raw_y.mapv(|v| f64::from(u8::from(v == classes[1]))))
        }
        Loss::SoftmaxCrossEntropy => transform::one_hot(raw_y, classes)
            .map_err(|e| SpecError::at(&["data", "target"], P::Engine(Box::new(e)))),
    }
}

fn engine_err<'a>(path: &'a [&'a str]) -> impl Fn(EngineError) -> SpecError + 'a {
    move |e| SpecError::at(path, P::Engine(Box::new(e)))
}

fn predict_inputs(spec: &TrainSpec, n_raw: usize) -> Result<Array2<f64>, SpecError> {
    for (i, row) in spec.predict.iter().enumerate() {
        if row.len() != n_raw {
            return Err(SpecError::at(
                &["predict", &i.to_string()],
                P::PredictWidth {
                    needed: n_raw,
                    found: row.len(),
                },
            ));
        }
    }
    Ok(Array2::from_shape_fn(
        (spec.predict.len(), n_raw),
        |(r, c)| spec.predict[r][c],
    ))
}
