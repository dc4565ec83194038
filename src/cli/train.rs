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
use crate::engine::{Dense, EpochRecord, Network, Trainer};
use crate::lesson::Lang;
use crate::plain::train_text::{self, predictions};
use crate::spec::{self, DisplayPath, Resolved, SpecError, TrainSpec};
use crate::words::metric_name;

#[derive(Debug, Args)]
pub struct TrainArgs {
    /// The training spec (YAML)
    pub spec: PathBuf,
    /// Override the spec's maximum number of epochs (1 to 1000000)
    #[arg(long, value_parser = epochs_in_range)]
    pub epochs: Option<usize>,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Report every N epochs (default: about 20 reports per run)
    #[arg(long, value_name = "N", value_parser = epochs_in_range)]
    pub every: Option<usize>,
}

/// A count of epochs from the command line: 1 to [`spec::limits::MAX_EPOCHS`].
fn epochs_in_range(s: &str) -> Result<usize, String> {
    let max = spec::limits::MAX_EPOCHS;
    match s.parse::<usize>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(format!("expected a whole number from 1 to {max}")),
    }
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
    let file = crate::untrusted::visible_line(&args.spec.display().to_string()).into_owned();
    let bytes = crate::untrusted::read_regular_file(&args.spec, crate::lesson::load::MAX_BYTES)
        .with_context(|| format!("cannot read the spec file {file}"))?;
    let text = String::from_utf8(bytes)
        .with_context(|| format!("the spec file {file} is not UTF-8 text"))?;
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
        Format::Text => run_text(
            &mut std::io::stdout().lock(),
            &mut resolved,
            every,
            super::run::lang(global),
        )?,
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

fn run_text(out: &mut dyn Write, r: &mut Resolved, every: usize, lang: Lang) -> anyhow::Result<()> {
    train_text::write_setup(out, r, lang, 100)?;
    train_text::run_with_progress(out, r, every, lang)?;
    train_text::write_params(out, r, lang)?;
    train_text::write_extras(out, r, lang)?;
    train_text::write_loss_chart(out, r, lang)?;
    train_text::write_fit_chart(out, r, lang)?;
    Ok(())
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
        "params": params_json(t.network(), &rec.layers()),
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
        // Machine-readable: the English name whatever the display language.
        "metric_name": metric_name(Lang::En, t.network().task(), false),
        "metric": last.map(|l| l.metric),
        "test_loss": test.map(|t| t.0),
        "test_metric": test.map(|t| t.1),
        "params": params_json(t.network(), t.network().layers()),
        "real_units": r.info.real_units(t.network().layers()).map(|(w, b)| json!({"W": matrix_json(&w), "B": matrix_json(&b)})),
        "closed_form": r.info.closed_form.as_ref().map(|(w, b)| json!({"W": matrix_json(w), "B": matrix_json(b)})),
        "predictions": preds,
        "closed_form_predictions": r.info.closed_form_predictions().into_iter().map(|(i, o)| json!({"input": i, "output": o})).collect::<Vec<_>>(),
    });
    writeln!(out, "{final_obj}")?;
    Ok(())
}
