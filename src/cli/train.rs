//! `nnstep train SPEC [--epochs N] [--seed S] [--format text|json] [--every N
//! [--unit iterations]] [--grads] [--predictions]`: runs a training spec
//! headless and reports checkpoints and the result. `nnstep eval SPEC` runs
//! the forward pass only (`epochs: 0`). A file whose top key is
//! `saturation:` runs the saturation exercise instead.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use ndarray::Array2;
use serde_json::{Value, json};

use super::GlobalArgs;
use crate::diagnostic::Diagnostic;
use crate::engine::{Dense, Every, Gradients, Network, Split, Trainer};
use crate::lesson::Lang;
use crate::plain::train_text::{self, predictions};
use crate::spec::saturation::SaturationFile;
use crate::spec::{self, PathSeg, Resolved, SetName, SpecError, TrainSpec};
use crate::words::{metric_name, problems};

#[derive(Debug, Args)]
pub struct TrainArgs {
    /// The training spec (YAML), or a saturation exercise (`saturation:`)
    pub spec: PathBuf,
    /// Override the spec's maximum number of epochs (0 to 1000000; 0 evaluates only)
    #[arg(long, value_parser = epochs_or_zero)]
    pub epochs: Option<usize>,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Report every N epochs, or N iterations with --unit iterations
    /// (default: about 20 reports per run)
    #[arg(long, value_name = "N", value_parser = every_in_range)]
    pub every: Option<u64>,
    /// What --every counts
    #[arg(long, value_enum, default_value = "epochs")]
    pub unit: Unit,
    /// Add the last batch's gradients (dW, dB by layer) to each JSON record
    #[arg(long)]
    pub grads: bool,
    /// List the predictions on every set, row by row, at the end
    #[arg(long)]
    pub predictions: bool,
}

/// `nnstep eval SPEC`: the forward pass only.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The training spec (YAML): its data, transforms and weights (`weights`
    /// or the seeded `init`); its training settings are not used
    pub spec: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

/// A count of epochs from the command line: 0 (evaluate only) to
/// [`spec::limits::MAX_EPOCHS`].
fn epochs_or_zero(s: &str) -> Result<usize, String> {
    let max = spec::limits::MAX_EPOCHS;
    match s.parse::<usize>() {
        Ok(n) if n <= max => Ok(n),
        _ => Err(format!("expected a whole number from 0 to {max}")),
    }
}

/// A report interval from the command line: 1 to
/// [`spec::limits::MAX_ITERATIONS`] (epochs or iterations).
fn every_in_range(s: &str) -> Result<u64, String> {
    let max = spec::limits::MAX_ITERATIONS;
    match s.parse::<u64>() {
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

/// What `--every` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Unit {
    Epochs,
    Iterations,
}

/// What the report of a run includes beyond the defaults.
#[derive(Clone, Copy, Debug)]
struct Report {
    every: Every,
    grads: bool,
    predictions: bool,
}

/// `nnstep eval SPEC`: runs the spec with `epochs: 0` and no stop rule, and
/// reports every set's loss, metric and predictions.
pub fn eval(args: EvalArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let train = TrainArgs {
        spec: args.spec,
        epochs: Some(0),
        format: args.format,
        every: None,
        unit: Unit::Epochs,
        grads: false,
        predictions: true,
    };
    run_spec(train, global, true)
}

pub fn run(args: TrainArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    run_spec(args, global, false)
}

fn run_spec(args: TrainArgs, global: &GlobalArgs, eval_only: bool) -> anyhow::Result<ExitCode> {
    let file = crate::untrusted::visible_line(&args.spec.display().to_string()).into_owned();
    let lang = super::run::lang(global);
    let bytes =
        match crate::untrusted::read_regular_file(&args.spec, crate::lesson::load::MAX_BYTES) {
            Ok(b) => b,
            Err(e) => {
                let reason = crate::untrusted::visible_line(&e.to_string()).into_owned();
                eprintln!("{}", problems::spec_unreadable(lang, &file, Some(&reason)));
                return Ok(ExitCode::FAILURE);
            }
        };
    let Ok(text) = String::from_utf8(bytes) else {
        eprintln!("{}", problems::spec_unreadable(lang, &file, None));
        return Ok(ExitCode::FAILURE);
    };
    if SaturationFile::is_one(&text) {
        return run_saturation(&file, &text, args.format, lang);
    }
    let base = args.spec.parent().unwrap_or(Path::new("."));
    let mut spec = match TrainSpec::from_yaml(&text) {
        Ok(s) => s,
        Err(e) => {
            eprint!("{}", yaml_diagnostic(lang, &file, &text, &e));
            return Ok(ExitCode::FAILURE);
        }
    };
    if let Some(n) = args.epochs {
        spec.epochs = n;
    }
    if eval_only {
        // Only the forward pass runs: the stop rule has nothing to test.
        spec.eps = None;
        spec.stop_on = None;
        spec.stop_every = None;
        spec.eps_compare = None;
    }
    if let Some(s) = global.seed {
        spec.seed = s;
    }
    let mut resolved = match spec::resolve(&spec, base) {
        Ok(r) => r,
        Err(errors) => {
            for e in &errors {
                eprint!("{}", spec_diagnostic(lang, &file, &text, e));
            }
            eprintln!(
                "{}",
                problems::nothing_trained(lang, &file, errors.len(), false)
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    let n = args
        .every
        .unwrap_or((spec.epochs as u64 / 20).max(1))
        .max(1);
    let report = Report {
        every: match args.unit {
            Unit::Epochs => Every::Epochs(usize::try_from(n).unwrap_or(usize::MAX)),
            Unit::Iterations => Every::Iterations(n),
        },
        grads: args.grads,
        predictions: args.predictions || spec.epochs == 0,
    };
    let out = &mut std::io::stdout().lock();
    match args.format {
        Format::Text => {
            // Ctrl-C during the run stops it (between report lines).
            if let Err(e) = crate::plain::interrupt::arm() {
                eprintln!("note: Ctrl-C cannot stop the run here ({e})");
            }
            run_text(out, &mut resolved, report, lang)?;
        }
        Format::Json => run_json(out, &mut resolved, report)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs a saturation exercise file and reports every step.
fn run_saturation(file: &str, text: &str, format: Format, lang: Lang) -> anyhow::Result<ExitCode> {
    let parsed: SaturationFile = match serde_yaml::from_str(text) {
        Ok(s) => s,
        Err(e) => {
            eprint!("{}", yaml_diagnostic(lang, file, text, &e));
            return Ok(ExitCode::FAILURE);
        }
    };
    let ex = match parsed.saturation.resolve(&[PathSeg::key("saturation")]) {
        Ok(ex) => ex,
        Err(errors) => {
            for e in &errors {
                eprint!("{}", spec_diagnostic(lang, file, text, e));
            }
            eprintln!(
                "{}",
                problems::nothing_trained(lang, file, errors.len(), true)
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    let run = ex.run();
    let out = &mut std::io::stdout().lock();
    match format {
        Format::Text => train_text::write_saturation(out, &ex, &run, lang)?,
        Format::Json => {
            for s in &run.states {
                writeln!(
                    out,
                    "{}",
                    json!({"type": "step", "step": s.step, "z": s.z, "a": s.a, "slope": s.slope})
                )?;
            }
            let fin = json!({
                "type": "final",
                "activation": ex.activation.name(),
                "z0": ex.z0,
                "target": ex.target,
                "learning_rate": ex.learning_rate,
                "end": run.end,
            });
            writeln!(out, "{fin}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A spec problem at its key path, framed and in `lang`, ready to print.
#[must_use]
pub fn spec_diagnostic(lang: Lang, file: &str, text: &str, e: &SpecError) -> String {
    let (line, col) = spec::locate(text, &e.path).unwrap_or((0, 0));
    let message = problems::spec_error(lang, e);
    let hint = e.hint.as_ref().map(|h| problems::spec_hint(lang, h));
    problems::diagnostic(
        lang,
        &Diagnostic::new(file, text, line, col, message).with_hint(hint),
    )
}

/// serde_yaml's complaint about a file, framed and in `lang`.
fn yaml_diagnostic(lang: Lang, file: &str, text: &str, e: &serde_yaml::Error) -> String {
    let mut d = Diagnostic::from_yaml(file, text, e);
    d.message = problems::yaml_message(lang, &d.message);
    problems::diagnostic(lang, &d)
}

fn run_text(out: &mut dyn Write, r: &mut Resolved, rep: Report, lang: Lang) -> anyhow::Result<()> {
    train_text::write_setup(out, r, lang, 100)?;
    train_text::run_with_progress_by(out, r, rep.every, lang)?;
    train_text::write_params(out, r, lang)?;
    if rep.grads {
        train_text::write_grads(out, r, lang)?;
    }
    train_text::write_extras(out, r, lang)?;
    if rep.predictions {
        train_text::write_sets(out, r, lang)?;
    }
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

fn grads_json(net: &Network, grads: &Gradients) -> Value {
    let mut map = serde_json::Map::new();
    for (i, l) in grads.layers.iter().enumerate() {
        let s = net.param_suffix(i);
        map.insert(format!("dW{s}"), matrix_json(&l.dw));
        map.insert(format!("dB{s}"), matrix_json(&l.db));
    }
    Value::Object(map)
}

/// The run now as one JSON object: losses, metrics, the last batch's loss
/// before and after its update, the parameters and (on request) the
/// gradients.
fn checkpoint_json(t: &Trainer, rep: Report) -> anyhow::Result<Value> {
    let snap = t.snapshot()?;
    let after = t.last_batch_score();
    let mut v = json!({
        "type": "checkpoint",
        "epoch": snap.epoch,
        "iteration": snap.iteration,
        "batch_in_epoch": snap.batch_in_epoch,
        "train_loss": snap.train_loss,
        "val_loss": snap.val_loss,
        "metric": snap.metric,
        "val_metric": snap.val_metric,
        "batch_loss": after.map(|a| a.0),
        "batch_metric": after.map(|a| a.1),
        "batch_loss_before_step": snap.batch_loss,
        "params": params_json(t.network(), &snap.layers),
    });
    if rep.grads {
        v["grads"] = snap
            .grads
            .as_ref()
            .map_or(Value::Null, |g| grads_json(t.network(), g));
    }
    Ok(v)
}

fn set_json(r: &Resolved, name: SetName, set: &Split, with_rows: bool) -> anyhow::Result<Value> {
    let t = &r.trainer;
    let (loss, metric) = t.evaluate(set)?;
    let mut v = json!({"rows": set.rows(), "loss": loss, "metric": metric});
    if with_rows {
        let rows = r
            .info
            .set_predictions(t.network(), name)?
            .unwrap_or_default();
        v["predictions"] = rows
            .iter()
            .map(|p| json!({"row": p.row, "input": p.input, "target": p.target, "output": p.output, "class": p.class}))
            .collect();
    }
    Ok(v)
}

fn run_json(out: &mut dyn Write, r: &mut Resolved, rep: Report) -> anyhow::Result<()> {
    writeln!(out, "{}", checkpoint_json(&r.trainer, rep)?)?;
    while r.trainer.stopped().is_none() {
        r.trainer.run_for(rep.every)?;
        writeln!(out, "{}", checkpoint_json(&r.trainer, rep)?)?;
    }
    let t = &r.trainer;
    let snap = t.snapshot()?;
    let test = t.test_set().map(|s| t.evaluate(s)).transpose()?;
    let preds: Vec<Value> = predictions(&r.info, t.network())?
        .into_iter()
        .map(|(i, o)| json!({"input": i, "output": o}))
        .collect();
    let mut sets = serde_json::Map::new();
    let all = [
        (SetName::Train, Some(t.train_set())),
        (SetName::Validation, t.validation_set()),
        (SetName::Test, t.test_set()),
    ];
    for (name, set) in all {
        if let Some(set) = set {
            sets.insert(name.key().into(), set_json(r, name, set, rep.predictions)?);
        }
    }
    let final_obj = json!({
        "type": "final",
        "stop": t.stopped(),
        "epoch": snap.epoch,
        "iteration": snap.iteration,
        "train_loss": snap.train_loss,
        "val_loss": snap.val_loss,
        // Machine-readable: the English name whatever the display language.
        "metric_name": metric_name(Lang::En, t.network().task(), false),
        "metric": snap.metric,
        "val_metric": snap.val_metric,
        "test_loss": test.map(|t| t.0),
        "test_metric": test.map(|t| t.1),
        "batch_loss": t.last_batch_score().map(|a| a.0),
        "params": params_json(t.network(), t.network().layers()),
        "grads": snap.grads.as_ref().filter(|_| rep.grads).map(|g| grads_json(t.network(), g)),
        "normalization": {
            "inputs": r.info.input_norm().map(|n| n.to_json()),
            "target": r.info.target_norm().map(|n| n.to_json()),
        },
        "sets": sets,
        "real_units": r.info.real_units(t.network().layers()).map(|(w, b)| json!({"W": matrix_json(&w), "B": matrix_json(&b)})),
        "closed_form": r.info.closed_form.as_ref().map(|(w, b)| json!({"W": matrix_json(w), "B": matrix_json(b)})),
        "predictions": preds,
        "closed_form_predictions": r.info.closed_form_predictions().into_iter().map(|(i, o)| json!({"input": i, "output": o})).collect::<Vec<_>>(),
    });
    writeln!(out, "{final_obj}")?;
    Ok(())
}
