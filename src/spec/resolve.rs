//! From a [`TrainSpec`] to a ready [`Trainer`]: check every value, load and
//! transform the data, build the network. All problems are collected, each
//! with the key path of the value at fault.

use std::path::Path;

use ndarray::{Array2, Axis, concatenate};

use super::locate::PathSeg;
use super::{Normalize, StatsFrom, TrainSpec};
use crate::dataset::{DataError, Table, builtin, csv_io};
use crate::engine::{
    Activation, Dense, EngineError, Init, Loss, Network, Split, StopOn, Task, TrainConfig, Trainer,
    normal_equation,
    split::validation_rows,
    transform::{self, Normalizer},
};
use crate::rng::SeededRng;

/// One problem in a spec, at a key path (`layers[1].units`).
#[derive(Clone, Debug, PartialEq)]
pub struct SpecError {
    pub path: Vec<PathSeg>,
    pub message: String,
    /// What would be accepted, when that can be said.
    pub hint: Option<String>,
}

impl SpecError {
    fn at(path: &[&str], message: impl Into<String>) -> Self {
        Self {
            path: parse_path(path),
            message: message.into(),
            hint: None,
        }
    }

    fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// `["layers", "1", "units"]` → key, index, key.
fn parse_path(parts: &[&str]) -> Vec<PathSeg> {
    parts
        .iter()
        .map(|p| {
            p.parse::<usize>()
                .map_or_else(|_| PathSeg::key(p), PathSeg::Index)
        })
        .collect()
}

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
    /// Which rows the normalisation statistics came from, and how many.
    pub stats_from: StatsFrom,
    pub stats_rows: usize,
    /// Raw inputs and targets of the test rows, if any.
    pub raw_test: Option<(Array2<f64>, Array2<f64>)>,
}

/// A resolved spec: the trainer at epoch 0 and the run's information.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub trainer: Trainer,
    pub info: RunInfo,
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

/// Checks `spec`, loads its data (paths relative to `base_dir`) and builds the
/// trainer. Returns every problem found.
pub fn resolve(spec: &TrainSpec, base_dir: &Path) -> Result<Resolved, Vec<SpecError>> {
    let mut errors = check_values(spec);
    let data = load_data(spec, base_dir).map_err(|e| errors.push(e)).ok();
    let (Some(data), true) = (data, errors.is_empty()) else {
        return Err(errors);
    };
    build(spec, data).map_err(|e| vec![e])
}

fn check_values(spec: &TrainSpec) -> Vec<SpecError> {
    let mut errs = Vec::new();
    if !(spec.learning_rate > 0.0 && spec.learning_rate.is_finite()) {
        errs.push(
            SpecError::at(
                &["learning_rate"],
                format!(
                    "the learning rate must be a number above 0, found {}",
                    spec.learning_rate
                ),
            )
            .hint("typical values are 0.01 to 0.5"),
        );
    }
    if spec.batch_size.to_engine().is_none() {
        errs.push(
            SpecError::at(
                &["batch_size"],
                "the batch size must be a positive number of rows",
            )
            .hint("write 1, 10, … or full"),
        );
    }
    if let Some(eps) = spec.eps.filter(|e| !(*e >= 0.0 && e.is_finite())) {
        errs.push(SpecError::at(
            &["eps"],
            format!("eps must be a number ≥ 0, found {eps}"),
        ));
    }
    if !(0.0..1.0).contains(&spec.validation) {
        errs.push(
            SpecError::at(
                &["validation"],
                format!(
                    "the validation fraction must be in [0, 1), found {}",
                    spec.validation
                ),
            )
            .hint("the book holds out 0.1"),
        );
    }
    if let Some(d) = spec.polynomial.filter(|d| !(1..=12).contains(d)) {
        errs.push(SpecError::at(
            &["polynomial"],
            format!("the polynomial degree must be 1 to 12, found {d}"),
        ));
    }
    if spec.stop_on == Some(StopOn::Validation) && spec.validation == 0.0 {
        errs.push(
            SpecError::at(&["stop_on"], "stop_on: validation needs a validation set")
                .hint("set validation: 0.1"),
        );
    }
    errs.extend(check_layers(spec));
    errs.extend(super::book_checks::check(spec));
    errs
}

fn check_layers(spec: &TrainSpec) -> Vec<SpecError> {
    let mut errs = Vec::new();
    if spec.layers.is_empty() {
        errs.push(
            SpecError::at(&["layers"], "a network needs at least one layer")
                .hint("for example: - {units: 1, activation: identity}"),
        );
        return errs;
    }
    for (i, l) in spec.layers.iter().enumerate() {
        if l.units == 0 {
            errs.push(SpecError::at(
                &["layers", &i.to_string(), "units"],
                "a layer needs at least 1 unit",
            ));
        }
        if l.activation == Activation::Softmax && i + 1 < spec.layers.len() {
            errs.push(
                SpecError::at(
                    &["layers", &i.to_string(), "activation"],
                    "softmax belongs on the output layer only",
                )
                .hint("use sigmoid, tanh or relu in hidden layers"),
            );
        }
    }
    let last = spec.layers.len() - 1;
    let out = spec.layers[last];
    let needed = match spec.loss {
        Loss::Mse => None,
        Loss::BinaryCrossEntropy => (out.activation != Activation::Sigmoid || out.units != 1)
            .then_some("one unit with activation sigmoid"),
        Loss::SoftmaxCrossEntropy => (out.activation != Activation::Softmax)
            .then_some("activation softmax, one unit per class"),
    };
    if let Some(needed) = needed {
        errs.push(
            SpecError::at(
                &["layers", &last.to_string(), "activation"],
                format!(
                    "the loss {} needs an output layer with {needed}",
                    spec.loss.name()
                ),
            )
            .hint(format!(
                "the last layer here is {} unit(s) with {}",
                out.units,
                out.activation.name()
            )),
        );
    }
    if spec.closed_form
        && !(spec.layers.len() == 1
            && out.activation == Activation::Identity
            && spec.loss == Loss::Mse)
    {
        errs.push(SpecError::at(
            &["closed_form"],
            "the closed-form solution exists only for one linear layer with the mse loss",
        ));
    }
    errs
}

/// The data as loaded: train and optional test tables and the column choice.
struct Loaded {
    name: String,
    train: Table,
    test: Option<Table>,
    features: Vec<String>,
    target: String,
}

fn load_data(spec: &TrainSpec, base_dir: &Path) -> Result<Loaded, SpecError> {
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
                return Err(SpecError::at(&["loss"], format!("binary cross-entropy needs exactly two classes, the target has {} ({classes:?})", classes.len()))
                    .hint("use softmax_cross_entropy for more than two classes"));
            }
            Ok(raw_y.mapv(|v| f64::from(u8::from(v == classes[1]))))
        }
        Loss::SoftmaxCrossEntropy => transform::one_hot(raw_y, classes)
            .map_err(|e| SpecError::at(&["data", "target"], e.to_string())),
    }
}

fn engine_err<'a>(path: &'a [&'a str]) -> impl Fn(EngineError) -> SpecError + 'a {
    move |e| SpecError::at(path, e.to_string())
}

fn build(spec: &TrainSpec, data: Loaded) -> Result<Resolved, SpecError> {
    let select = |t: &Table, cols: &[String]| {
        t.select(cols, &data.name)
            .map_err(|e| SpecError::at(&["data"], e.to_string()))
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
            format!(
                "the output layer has {} unit(s), but the data needs {outputs}",
                spec.layers[last].units
            ),
        )
        .hint(match &classes {
            Some(c) if task == Task::MultiClass => format!(
                "the target '{}' has {} classes: {c:?}",
                data.target,
                c.len()
            ),
            _ => "one unit per target column".into(),
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
            concatenate(Axis(0), &[x_poly.view(), tx.view()])
                .map_err(|e| SpecError::at(&["normalize_stats"], e.to_string()))?
        }
        _ => x_poly.clone(),
    };
    let x_norm = fit(spec.normalize, &stats_x, &features, "normalize")?;
    let y_norm = match task {
        Task::Regression => fit(spec.normalize_target, &raw_y, &target, "normalize_target")?,
        _ if spec.normalize_target != Normalize::None => {
            return Err(SpecError::at(
                &["normalize_target"],
                "only a regression target can be normalised",
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
        batch_size: spec
            .batch_size
            .to_engine()
            .unwrap_or(crate::engine::BatchSize::FULL),
        max_epochs: spec.epochs,
        eps: spec.eps,
        stop_on: spec.stop_on.unwrap_or(StopOn::Train),
        stop_every: (spec.stop_every)
            .and_then(super::EveryCount::to_engine)
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
        .map(|k| Normalizer::fit(k, x, names).map_err(|e| SpecError::at(&[key], e.to_string())))
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

fn build_network(spec: &TrainSpec, inputs: usize) -> Result<Network, SpecError> {
    let Some(weights) = &spec.weights else {
        let init = spec.init.unwrap_or(if spec.layers.len() == 1 {
            Init::Zeros
        } else {
            Init::Xavier
        });
        let mut rng = SeededRng::derived(spec.seed, "init");
        return Network::new(inputs, &spec.layers, spec.loss, init, &mut rng)
            .map_err(|e| SpecError::at(&["layers"], e.to_string()));
    };
    if weights.len() != spec.layers.len() {
        return Err(SpecError::at(
            &["weights"],
            format!(
                "weights lists {} layer(s), but layers has {}",
                weights.len(),
                spec.layers.len()
            ),
        ));
    }
    let mut layers = Vec::with_capacity(weights.len());
    let mut n_in = inputs;
    for (i, (lw, ls)) in weights.iter().zip(&spec.layers).enumerate() {
        let idx = i.to_string();
        let rows = lw.w.len();
        let cols = lw.w.first().map_or(0, Vec::len);
        if rows != n_in || cols != ls.units || lw.w.iter().any(|r| r.len() != cols) {
            return Err(SpecError::at(
                &["weights", &idx, "w"],
                format!(
                    "W{} must be {n_in}×{} ({n_in} inputs, {} units), found {rows}×{cols}",
                    i + 1,
                    ls.units,
                    ls.units
                ),
            )
            .hint("write W as a list of rows, one row per input"));
        }
        let w = Array2::from_shape_fn((rows, cols), |(r, c)| lw.w[r][c]);
        let b = match &lw.b {
            Some(b) if b.len() != ls.units => {
                return Err(SpecError::at(
                    &["weights", &idx, "b"],
                    format!(
                        "B{} must have {} value(s), found {}",
                        i + 1,
                        ls.units,
                        b.len()
                    ),
                ));
            }
            Some(b) => Array2::from_shape_fn((1, b.len()), |(_, c)| b[c]),
            None => Array2::zeros((1, ls.units)),
        };
        layers.push(
            Dense::new(w, b, ls.activation)
                .map_err(|e| SpecError::at(&["weights", &idx], e.to_string()))?,
        );
        n_in = ls.units;
    }
    Network::from_layers(layers, spec.loss).map_err(|e| SpecError::at(&["weights"], e.to_string()))
}

fn predict_inputs(spec: &TrainSpec, n_raw: usize) -> Result<Array2<f64>, SpecError> {
    for (i, row) in spec.predict.iter().enumerate() {
        if row.len() != n_raw {
            return Err(SpecError::at(
                &["predict", &i.to_string()],
                format!(
                    "each input to predict needs {n_raw} value(s), one per feature; found {}",
                    row.len()
                ),
            ));
        }
    }
    Ok(Array2::from_shape_fn(
        (spec.predict.len(), n_raw),
        |(r, c)| spec.predict[r][c],
    ))
}
