//! A training run as plain text: the setup line, progress lines every N
//! epochs, the stop reason, the parameters, and textplots charts. Shared by
//! `nnstep train` and the plain lesson runner.

use std::io::Write;

use ndarray::Array2;

use super::charts;
use super::interrupt::Running;

/// Epochs trained between checks for Ctrl-C.
const CHUNK: usize = 50;
use crate::engine::{EpochRecord, Network};
use crate::lesson::Lang;
use crate::spec::{Resolved, RunInfo};
use crate::text::wrap;
use crate::words::train::{self as words, Setup, train_words};
use crate::words::{metric_name, stop_reason};

/// The data, network and settings of a run, wrapped to `width` columns.
pub fn write_setup(
    out: &mut dyn Write,
    r: &Resolved,
    lang: Lang,
    width: usize,
) -> std::io::Result<()> {
    let t = &r.trainer;
    let net = t.network();
    let cfg = t.config();
    let setup = Setup {
        data: &r.info.data_name,
        train_rows: t.train_set().rows(),
        val_rows: t.validation_set().map(|v| v.rows()),
        features: &r.info.features.join(", "),
        target: &r.info.target,
        network: &words::network(lang, net),
        loss: words::loss_name(lang, net.loss()),
        learning_rate: cfg.learning_rate,
        batch: &cfg.batch_size.label(),
        shuffle: cfg.shuffle,
        seed: cfg.seed,
    };
    for line in wrap(&words::setup(lang, &setup), width, "", "  ") {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Trains to the end, writing a progress line every `every` epochs (and for
/// epoch 0), then the stop reason.
pub fn run_with_progress(
    out: &mut dyn Write,
    r: &mut Resolved,
    every: usize,
    lang: Lang,
) -> anyhow::Result<()> {
    let w = train_words(lang);
    let m = metric_name(lang, r.trainer.network().task(), false);
    writeln!(
        out,
        "{} {} {} {} {}",
        pad(w.epoch, 7),
        pad(w.iteration, 10),
        pad(w.train_loss, 14),
        pad(w.val_loss, 14),
        pad(m, 10)
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
    // Small chunks, so Ctrl-C is answered at once; a line every `every`.
    let every = every.max(1);
    let running = Running::start();
    while r.trainer.stopped().is_none() {
        let epoch = r.trainer.history().last().map_or(0, |h| h.epoch);
        r.trainer.run_epochs((every - epoch % every).min(CHUNK))?;
        let Some(last) = r.trainer.history().last() else {
            break;
        };
        if last.epoch % every == 0 || r.trainer.stopped().is_some() {
            print(out, last)?;
        }
        if running.interrupted() {
            if last.epoch % every != 0 && r.trainer.stopped().is_none() {
                print(out, last)?;
            }
            writeln!(out, "{}", words::interrupted(lang, last.epoch))?;
            return Ok(());
        }
    }
    if let Some(stop) = r.trainer.stopped() {
        let colon = if lang == Lang::Zh { "：" } else { ": " };
        writeln!(out, "{}{colon}{}", w.stopped, stop_reason(lang, stop))?;
    }
    Ok(())
}

/// The parameters now, and in original units when the data was normalised.
pub fn write_params(out: &mut dyn Write, r: &Resolved, lang: Lang) -> std::io::Result<()> {
    let t = &r.trainer;
    let w = train_words(lang);
    writeln!(out, "{}{}", w.parameters, heading(lang))?;
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
            "{}{}W = {}, B = {}",
            train_words(lang).in_units,
            colon(lang),
            fmt_matrix(&w),
            fmt_matrix(&b)
        )?;
    }
    Ok(())
}

/// The last batch's gradients, if any step was taken.
pub fn write_grads(out: &mut dyn Write, r: &Resolved, lang: Lang) -> std::io::Result<()> {
    let t = &r.trainer;
    let Some(g) = t.history().last().and_then(|h| h.grads()) else {
        return Ok(());
    };
    writeln!(out, "{}{}", train_words(lang).last_grads, heading(lang))?;
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
pub fn write_extras(out: &mut dyn Write, r: &Resolved, lang: Lang) -> anyhow::Result<()> {
    let t = &r.trainer;
    let words = train_words(lang);
    if let Some((w, b)) = &r.info.closed_form {
        writeln!(
            out,
            "{}{}W = {}, B = {}",
            words.closed_form,
            colon(lang),
            fmt_matrix(w),
            fmt_matrix(b)
        )?;
    }
    if let Some(test) = t.test_set() {
        let (loss, metric) = t.evaluate(test)?;
        let m = metric_name(lang, t.network().task(), false);
        writeln!(
            out,
            "{}",
            words::test_set(lang, test.rows(), loss, m, metric)
        )?;
    }
    for (input, output) in predictions(&r.info, t.network())? {
        writeln!(out, "{} {input:?} → {output:?}", words.predict)?;
    }
    for (input, output) in r.info.closed_form_predictions() {
        writeln!(out, "{} {input:?} → {output:?}", words.closed_form_predict)?;
    }
    Ok(())
}

/// A colon as each language sets it.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}

/// A colon ending a heading line.
fn heading(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ":",
        Lang::Zh => "：",
    }
}

/// `s` right-aligned in `w` display columns.
fn pad(s: &str, w: usize) -> String {
    let used = unicode_width::UnicodeWidthStr::width(s);
    format!("{}{s}", " ".repeat(w.saturating_sub(used)))
}

/// The training loss by epoch as a chart (nothing before two epochs).
pub fn write_loss_chart(out: &mut dyn Write, r: &Resolved, lang: Lang) -> std::io::Result<()> {
    let loss: Vec<(f64, f64)> = (r.trainer.history().iter())
        .map(|rec| (rec.epoch as f64, rec.train_loss))
        .collect();
    if loss.len() > 1 {
        writeln!(
            out,
            "\n{}{}",
            train_words(lang).loss_by_epoch,
            heading(lang)
        )?;
        write!(out, "{}", charts::line_chart(&loss, 120, 40))?;
    }
    Ok(())
}

/// Samples and the fitted curve, for one input and a regression target.
pub fn write_fit_chart(out: &mut dyn Write, r: &Resolved, lang: Lang) -> std::io::Result<()> {
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
        writeln!(
            out,
            "\n{}{}",
            train_words(lang).samples_and_fit,
            colon(lang)
        )?;
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
