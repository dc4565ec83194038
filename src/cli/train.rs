//! `nnstep train SPEC [--epochs N] [--seed S] [--format text|json] [--every N]`:
//! runs a training spec headless and reports checkpoints and the result.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use ndarray::Array2;
use serde_json::{Value, json};

use super::GlobalArgs;
use crate::diagnostic::Diagnostic;
use crate::engine::{Dense, EpochRecord, Network, Task, Trainer};
use crate::plain::charts;
use crate::spec::{self, DisplayPath, Resolved, RunInfo, SpecError, TrainSpec};

#[derive(Debug, Args)]
pub struct TrainArgs {
    /// The training spec (YAML)
    pub spec: PathBuf,
    /// Override the spec's maximum number of epochs
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Report every N epochs (default: about 20 reports per run)
    #[arg(long, value_name = "N")]
    pub every: Option<usize>,
}

/// How results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable lines, parameters and charts
    Text,
    /// JSON Lines: one object per checkpoint, then a final object
    Json,
}

pub fn run(args: TrainArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let file = args.spec.display().to_string();
    let text = std::fs::read_to_string(&args.spec)
        .with_context(|| format!("cannot read the spec file {file}"))?;
    let base = args.spec.parent().unwrap_or(Path::new("."));
    let mut spec = match TrainSpec::from_yaml(&text) {
        Ok(s) => s,
        Err(e) => {
            eprint!("{}", Diagnostic::from_yaml(&file, &text, &e));
            return Ok(ExitCode::FAILURE);
        }
    };
    if let Some(n) = args.epochs {
        spec.epochs = n;
    }
    if let Some(s) = global.seed {
        spec.seed = s;
    }
    let mut resolved = match spec::resolve(&spec, base) {
        Ok(r) => r,
        Err(errors) => {
            for e in &errors {
                eprint!("{}", spec_diagnostic(&file, &text, e));
            }
            eprintln!("{file}: {} problem(s); nothing was trained", errors.len());
            return Ok(ExitCode::FAILURE);
        }
    };
    let every = args.every.unwrap_or((spec.epochs / 20).max(1)).max(1);
    match args.format {
        Format::Text => run_text(&mut std::io::stdout().lock(), &mut resolved, every, &spec)?,
        Format::Json => run_json(&mut std::io::stdout().lock(), &mut resolved, every)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// A spec problem as a diagnostic at its key path.
#[must_use]
pub fn spec_diagnostic(file: &str, text: &str, e: &SpecError) -> Diagnostic {
    let (line, col) = spec::locate(text, &e.path).unwrap_or((0, 0));
    let message = format!("{}: {}", DisplayPath(&e.path), e.message);
    Diagnostic::new(file, text, line, col, message).with_hint(e.hint.clone())
}

fn metric_name(task: Task) -> &'static str {
    match task {
        Task::Regression => "R²",
        _ => "accuracy",
    }
}

fn run_text(
    out: &mut dyn Write,
    r: &mut Resolved,
    every: usize,
    spec: &TrainSpec,
) -> anyhow::Result<()> {
    let t = &r.trainer;
    let net = t.network();
    let shape: Vec<String> = std::iter::once(net.inputs().to_string())
        .chain(
            net.layers()
                .iter()
                .map(|l| format!("{}{}", l.units(), short(l))),
        )
        .collect();
    writeln!(
        out,
        "data {} ({} training rows{}; {} → {}), network {}, loss {}, η = {}, batch {}, shuffle {}, seed {}",
        r.info.data_name,
        t.train_set().rows(),
        t.validation_set()
            .map_or(String::new(), |v| format!(", {} validation", v.rows())),
        r.info.features.join(", "),
        r.info.target,
        shape.join("-"),
        net.loss().name(),
        t.config().learning_rate,
        t.config().batch_size.label(),
        if spec.shuffle { "on" } else { "off" },
        spec.seed,
    )?;
    let m = metric_name(net.task());
    writeln!(
        out,
        "{:>7} {:>10} {:>14} {:>14} {:>10}",
        "epoch", "iteration", "train loss", "val loss", m
    )?;
    let print = |out: &mut dyn Write, rec: &EpochRecord| {
        let val = rec.val_loss.map_or("-".into(), |v| format!("{v:.8}"));
        writeln!(
            out,
            "{:>7} {:>10} {:>14.8} {:>14} {:>10.6}",
            rec.epoch, rec.iteration, rec.train_loss, val, rec.metric
        )
    };
    if let Some(first) = r.trainer.history().first() {
        print(out, first)?;
    }
    while r.trainer.stopped().is_none() {
        r.trainer.run_epochs(every)?;
        if let Some(last) = r.trainer.history().last() {
            print(out, last)?;
        }
    }
    let t = &r.trainer;
    if let Some(stop) = t.stopped() {
        writeln!(out, "stopped: {}", stop.describe())?;
    }
    writeln!(out, "parameters:")?;
    for (i, l) in t.network().layers().iter().enumerate() {
        let s = t.network().param_suffix(i);
        writeln!(
            out,
            "  W{s} ({}×{}) = {}",
            l.w.nrows(),
            l.w.ncols(),
            fmt_matrix(&l.w)
        )?;
        writeln!(
            out,
            "  B{s} ({}×{}) = {}",
            l.b.nrows(),
            l.b.ncols(),
            fmt_matrix(&l.b)
        )?;
    }
    if let Some((w, b)) = r
        .info
        .real_units(t.network().layers())
        .filter(|_| r.info.x_norm.is_some() || r.info.y_norm.is_some())
    {
        writeln!(
            out,
            "in original units: W = {}, B = {}",
            fmt_matrix(&w),
            fmt_matrix(&b)
        )?;
    }
    if let Some((w, b)) = &r.info.closed_form {
        writeln!(
            out,
            "closed form (normal equation): W = {}, B = {}",
            fmt_matrix(w),
            fmt_matrix(b)
        )?;
    }
    if let Some(test) = t.test_set() {
        let (loss, metric) = t.evaluate(test)?;
        writeln!(
            out,
            "test set ({} rows): loss {loss:.8}, {m} {metric:.6}",
            test.rows()
        )?;
    }
    for (input, output) in predictions(&r.info, t.network())? {
        writeln!(out, "predict {input:?} → {output:?}")?;
    }
    for (input, output) in closed_form_predictions(&r.info) {
        writeln!(out, "closed-form predict {input:?} → {output:?}")?;
    }
    print_charts(out, r)?;
    Ok(())
}

fn short(l: &Dense) -> String {
    format!("({})", l.activation.name())
}

fn print_charts(out: &mut dyn Write, r: &Resolved) -> std::io::Result<()> {
    let h = r.trainer.history();
    let loss: Vec<(f64, f64)> = h
        .iter()
        .map(|rec| (rec.epoch as f64, rec.train_loss))
        .collect();
    if loss.len() > 1 {
        writeln!(out, "\ntraining loss by epoch:")?;
        write!(out, "{}", charts::line_chart(&loss, 120, 40))?;
    }
    let info = &r.info;
    if info.raw_features.len() == 1 && info.classes.is_none() {
        let xs = info.raw_x.column(0);
        let (lo, hi) = xs
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
                (a.min(v), b.max(v))
            });
        let grid = Array2::from_shape_fn((100, 1), |(i, _)| lo + (hi - lo) * i as f64 / 99.0);
        if let Ok(pred) = info.predict(r.trainer.network(), &grid) {
            let curve: Vec<(f64, f64)> = grid
                .column(0)
                .iter()
                .zip(pred.column(0))
                .map(|(x, y)| (*x, *y))
                .collect();
            let samples: Vec<(f64, f64)> = xs
                .iter()
                .zip(info.raw_y.column(0))
                .map(|(x, y)| (*x, *y))
                .collect();
            writeln!(out, "\nsamples (dots) and the fitted curve:")?;
            write!(
                out,
                "{}",
                charts::chart(&[(&samples, true), (&curve, false)], 120, 40)
            )?;
        }
    }
    Ok(())
}

fn predictions(info: &RunInfo, net: &Network) -> anyhow::Result<Vec<(Vec<f64>, Vec<f64>)>> {
    if info.predict.nrows() == 0 {
        return Ok(Vec::new());
    }
    let out = info.predict(net, &info.predict)?;
    Ok(info
        .predict
        .rows()
        .into_iter()
        .zip(out.rows())
        .map(|(i, o)| (i.to_vec(), o.to_vec()))
        .collect())
}

/// Predictions of the normal-equation solution for the spec's `predict` inputs.
fn closed_form_predictions(info: &RunInfo) -> Vec<(Vec<f64>, Vec<f64>)> {
    let Some((w, b)) = &info.closed_form else {
        return Vec::new();
    };
    let x = match info.polynomial {
        Some(d) => crate::engine::transform::polynomial(&info.predict, d),
        None => info.predict.clone(),
    };
    let out = x.dot(w) + b;
    info.predict
        .rows()
        .into_iter()
        .zip(out.rows())
        .map(|(i, o)| (i.to_vec(), o.to_vec()))
        .collect()
}

/// A matrix as `[[a, b], [c, d]]` with full precision.
#[must_use]
pub fn fmt_matrix(m: &Array2<f64>) -> String {
    let rows: Vec<String> = m
        .rows()
        .into_iter()
        .map(|r| {
            format!(
                "[{}]",
                r.iter()
                    .map(|v| format!("{v:.10}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect();
    format!("[{}]", rows.join(", "))
}

fn matrix_json(m: &Array2<f64>) -> Value {
    Value::Array(m.rows().into_iter().map(|r| json!(r.to_vec())).collect())
}

fn params_json(net: &Network, layers: &[Dense]) -> Value {
    let mut map = serde_json::Map::new();
    for (i, l) in layers.iter().enumerate() {
        let s = net.param_suffix(i);
        map.insert(format!("W{s}"), matrix_json(&l.w));
        map.insert(format!("B{s}"), matrix_json(&l.b));
    }
    Value::Object(map)
}

fn checkpoint_json(t: &Trainer, rec: &EpochRecord) -> Value {
    json!({
        "type": "checkpoint",
        "epoch": rec.epoch,
        "iteration": rec.iteration,
        "train_loss": rec.train_loss,
        "val_loss": rec.val_loss,
        "metric": rec.metric,
        "val_metric": rec.val_metric,
        "params": params_json(t.network(), &rec.layers),
    })
}

fn run_json(out: &mut dyn Write, r: &mut Resolved, every: usize) -> anyhow::Result<()> {
    if let Some(first) = r.trainer.history().first() {
        writeln!(out, "{}", checkpoint_json(&r.trainer, first))?;
    }
    while r.trainer.stopped().is_none() {
        r.trainer.run_epochs(every)?;
        if let Some(last) = r.trainer.history().last() {
            writeln!(out, "{}", checkpoint_json(&r.trainer, last))?;
        }
    }
    let t = &r.trainer;
    let test = t.test_set().map(|s| t.evaluate(s)).transpose()?;
    let preds: Vec<Value> = predictions(&r.info, t.network())?
        .into_iter()
        .map(|(i, o)| json!({"input": i, "output": o}))
        .collect();
    let last = t.history().last();
    let final_obj = json!({
        "type": "final",
        "stop": t.stopped(),
        "epoch": last.map(|l| l.epoch),
        "iteration": last.map(|l| l.iteration),
        "train_loss": last.map(|l| l.train_loss),
        "val_loss": last.and_then(|l| l.val_loss),
        "metric_name": metric_name(t.network().task()),
        "metric": last.map(|l| l.metric),
        "test_loss": test.map(|t| t.0),
        "test_metric": test.map(|t| t.1),
        "params": params_json(t.network(), t.network().layers()),
        "real_units": r.info.real_units(t.network().layers()).map(|(w, b)| json!({"W": matrix_json(&w), "B": matrix_json(&b)})),
        "closed_form": r.info.closed_form.as_ref().map(|(w, b)| json!({"W": matrix_json(w), "B": matrix_json(b)})),
        "predictions": preds,
        "closed_form_predictions": closed_form_predictions(&r.info).into_iter().map(|(i, o)| json!({"input": i, "output": o})).collect::<Vec<_>>(),
    });
    writeln!(out, "{final_obj}")?;
    Ok(())
}
