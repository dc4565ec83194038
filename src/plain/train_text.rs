//! A training run as plain text: the setup line, progress lines every N
//! epochs, the stop reason, the parameters, and textplots charts. Shared by
//! `nnstep train` and the plain lesson runner.

use std::io::Write;

use ndarray::Array2;

use super::charts;
use crate::engine::{EpochRecord, Network, Task};
use crate::spec::{Resolved, RunInfo};

/// The metric's name for a task.
#[must_use]
pub fn metric_name(task: Task) -> &'static str {
    match task {
        Task::Regression => "R²",
        _ => "accuracy",
    }
}

/// One line describing the data, network and settings of a run.
pub fn write_setup(
    out: &mut dyn Write,
    r: &Resolved,
    shuffle: bool,
    seed: u64,
) -> std::io::Result<()> {
    let t = &r.trainer;
    let net = t.network();
    let shape: Vec<String> = std::iter::once(net.inputs().to_string())
        .chain(
            net.layers()
                .iter()
                .map(|l| format!("{}({})", l.units(), l.activation.name())),
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
        if shuffle { "on" } else { "off" },
        seed,
    )
}

/// Trains to the end, writing a progress line every `every` epochs (and for
/// epoch 0), then the stop reason.
pub fn run_with_progress(
    out: &mut dyn Write,
    r: &mut Resolved,
    every: usize,
) -> anyhow::Result<()> {
    let m = metric_name(r.trainer.network().task());
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
        r.trainer.run_epochs(every.max(1))?;
        if let Some(last) = r.trainer.history().last() {
            print(out, last)?;
        }
    }
    if let Some(stop) = r.trainer.stopped() {
        writeln!(out, "stopped: {}", stop.describe())?;
    }
    Ok(())
}

/// The parameters now, and in original units when the data was normalised.
pub fn write_params(out: &mut dyn Write, r: &Resolved) -> std::io::Result<()> {
    let t = &r.trainer;
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
    Ok(())
}

/// The last batch's gradients, if any step was taken.
pub fn write_grads(out: &mut dyn Write, r: &Resolved) -> std::io::Result<()> {
    let t = &r.trainer;
    let Some(g) = t.history().last().and_then(|h| h.grads()) else {
        return Ok(());
    };
    writeln!(out, "gradients of the last batch:")?;
    for (i, l) in g.layers.iter().enumerate() {
        let s = t.network().param_suffix(i);
        writeln!(
            out,
            "  dW{s} = {}, dB{s} = {}",
            fmt_matrix(&l.dw),
            fmt_matrix(&l.db)
        )?;
    }
    Ok(())
}

/// Closed form, test-set result and predictions, where the spec asks for them.
pub fn write_extras(out: &mut dyn Write, r: &Resolved) -> anyhow::Result<()> {
    let t = &r.trainer;
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
        let m = metric_name(t.network().task());
        writeln!(
            out,
            "test set ({} rows): loss {loss:.8}, {m} {metric:.6}",
            test.rows()
        )?;
    }
    for (input, output) in predictions(&r.info, t.network())? {
        writeln!(out, "predict {input:?} → {output:?}")?;
    }
    for (input, output) in r.info.closed_form_predictions() {
        writeln!(out, "closed-form predict {input:?} → {output:?}")?;
    }
    Ok(())
}

/// The training loss by epoch as a chart (nothing before two epochs).
pub fn write_loss_chart(out: &mut dyn Write, r: &Resolved) -> std::io::Result<()> {
    let loss: Vec<(f64, f64)> = (r.trainer.history().iter())
        .map(|rec| (rec.epoch as f64, rec.train_loss))
        .collect();
    if loss.len() > 1 {
        writeln!(out, "\ntraining loss by epoch:")?;
        write!(out, "{}", charts::line_chart(&loss, 120, 40))?;
    }
    Ok(())
}

/// Samples and the fitted curve, for one input and a regression target.
pub fn write_fit_chart(out: &mut dyn Write, r: &Resolved) -> std::io::Result<()> {
    let info = &r.info;
    if info.raw_features.len() != 1 || info.classes.is_some() {
        return Ok(());
    }
    let xs = info.raw_x.column(0);
    let (lo, hi) = xs
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    let grid = Array2::from_shape_fn((100, 1), |(i, _)| lo + (hi - lo) * i as f64 / 99.0);
    if let Ok(pred) = info.predict(r.trainer.network(), &grid) {
        let curve: Vec<(f64, f64)> = (grid.column(0).iter().zip(pred.column(0)))
            .map(|(x, y)| (*x, *y))
            .collect();
        let samples: Vec<(f64, f64)> = (xs.iter().zip(info.raw_y.column(0)))
            .map(|(x, y)| (*x, *y))
            .collect();
        writeln!(out, "\nsamples (dots) and the fitted curve:")?;
        write!(
            out,
            "{}",
            charts::chart(&[(&samples, true), (&curve, false)], 120, 40)
        )?;
    }
    Ok(())
}

/// The spec's `predict` inputs with the network's outputs, in original units.
pub fn predictions(info: &RunInfo, net: &Network) -> anyhow::Result<Vec<(Vec<f64>, Vec<f64>)>> {
    if info.predict.nrows() == 0 {
        return Ok(Vec::new());
    }
    let out = info.predict(net, &info.predict)?;
    Ok((info.predict.rows().into_iter().zip(out.rows()))
        .map(|(i, o)| (i.to_vec(), o.to_vec()))
        .collect())
}

/// A matrix as `[[a, b], [c, d]]` with full precision.
#[must_use]
pub fn fmt_matrix(m: &Array2<f64>) -> String {
    let rows: Vec<String> = (m.rows().into_iter())
        .map(|r| {
            let cells: Vec<String> = r.iter().map(|v| format!("{v:.10}")).collect();
            format!("[{}]", cells.join(", "))
        })
        .collect();
    format!("[{}]", rows.join(", "))
}
