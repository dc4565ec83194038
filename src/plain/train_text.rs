//! A training run as plain text: the setup line, progress lines every N
//! epochs, the stop reason, the parameters, and textplots charts. Shared by
//! `nnstep train` and the plain lesson runner.

use std::io::Write;

use ndarray::Array2;

use super::charts;
use super::interrupt::Running;
use crate::engine::saturation::{Saturation, SaturationRun};
use crate::engine::{Every, Network, StopOn, Trainer};
use crate::lesson::Lang;
use crate::spec::{Resolved, RunInfo, SetName, StatsFrom};
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
        val_first: r.info.val_rows.first() == Some(&0)
            && r.info.val_rows.windows(2).all(|w| w[1] == w[0] + 1),
        features: &r.info.features.join(", "),
        target: &r.info.target,
        network: &words::network(lang, net),
        loss: words::loss_name(lang, net.loss()),
        learning_rate: cfg.learning_rate,
        batch: &cfg.batch_size.label(),
        shuffle: cfg.shuffle,
        seed: cfg.seed,
    };
    let mut lines = vec![words::setup(lang, &setup)];
    let norms = [(false, r.info.input_norm()), (true, r.info.target_norm())];
    for (target, report) in norms {
        let Some(n) = report else { continue };
        let columns: Vec<(&str, f64, f64)> = (n.columns.iter())
            .map(|c| (c.name.as_str(), c.center, c.scale))
            .collect();
        lines.push(words::normalisation(
            lang,
            &words::NormLine {
                target,
                kind: n.kind,
                with_test: n.from == StatsFrom::TrainAndTest,
                rows: n.rows,
                columns: &columns,
            },
        ));
    }
    for text in &lines {
        for line in wrap(text, width, "", "  ") {
            writeln!(out, "{line}")?;
        }
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
    run_with_progress_by(out, r, Every::Epochs(every.max(1)), lang)
}

/// Trains to the end, writing a progress line at the start and on the
/// cadence `every` (epochs or iterations), then the stop reason. Counting
/// iterations, or stopping on the last batch's loss, adds that loss (after
/// the batch's update, as the book prints it) as a column.
pub fn run_with_progress_by(
    out: &mut dyn Write,
    r: &mut Resolved,
    every: Every,
    lang: Lang,
) -> anyhow::Result<()> {
    let with_batch = progress_with_batch(r, every);
    write_progress_heading(out, r, with_batch, lang)?;
    write_progress_line(out, &r.trainer, with_batch)?;
    // Ctrl-C is checked between report lines.
    let running = Running::start();
    while r.trainer.stopped().is_none() {
        r.trainer.run_for(every)?;
        write_progress_line(out, &r.trainer, with_batch)?;
        if running.interrupted() && r.trainer.stopped().is_none() {
            let epoch = r.trainer.snapshot()?.epoch;
            writeln!(out, "{}", words::interrupted(lang, epoch))?;
            return Ok(());
        }
    }
    write_stopped(out, r, lang)
}

/// Whether progress lines show the last batch's loss (reported by
/// iterations, or a run that stops on a batch's loss).
#[must_use]
pub fn progress_with_batch(r: &Resolved, every: Every) -> bool {
    matches!(every, Every::Iterations(_)) || r.trainer.config().stop_on == StopOn::Batch
}

/// The heading of the progress lines.
pub fn write_progress_heading(
    out: &mut dyn Write,
    r: &Resolved,
    with_batch: bool,
    lang: Lang,
) -> std::io::Result<()> {
    let w = train_words(lang);
    let m = metric_name(lang, r.trainer.network().task(), false);
    let mut heading = format!(
        "{} {} {} {} {}",
        pad(w.epoch, 7),
        pad(w.iteration, 10),
        pad(w.train_loss, 14),
        pad(w.val_loss, 14),
        pad(m, 10)
    );
    if with_batch {
        heading = format!("{heading} {}", pad(words::batch_loss_heading(lang), 14));
    }
    writeln!(out, "{heading}")
}

/// One progress line: epoch, iteration, losses and metric now.
pub fn write_progress_line(
    out: &mut dyn Write,
    t: &Trainer,
    with_batch: bool,
) -> anyhow::Result<()> {
    let snap = t.snapshot()?;
    let val = snap.val_loss.map_or("-".into(), |v| format!("{v:.8}"));
    write!(
        out,
        "{:>7} {:>10} {:>14.8} {:>14} {:>10.6}",
        snap.epoch, snap.iteration, snap.train_loss, val, snap.metric
    )?;
    if with_batch {
        let batch = (t.last_batch_score()).map_or("-".into(), |b| format!("{:.8}", b.0));
        write!(out, " {batch:>14}")?;
    }
    writeln!(out)?;
    Ok(())
}

/// Why the run stopped, once it has.
pub fn write_stopped(out: &mut dyn Write, r: &Resolved, lang: Lang) -> anyhow::Result<()> {
    if let Some(stop) = r.trainer.stopped() {
        let colon = if lang == Lang::Zh { "：" } else { ": " };
        writeln!(
            out,
            "{}{colon}{}",
            train_words(lang).stopped,
            stop_reason(lang, stop)
        )?;
    }
    Ok(())
}

/// Rows of predictions listed per set in text before the rest is only counted.
const LISTED_ROWS: usize = 20;

/// Loss and metric on every set the run has (full precision), and the
/// predictions on each, row by row (the first `LISTED_ROWS` of a set).
pub fn write_sets(out: &mut dyn Write, r: &Resolved, lang: Lang) -> anyhow::Result<()> {
    let t = &r.trainer;
    let net = t.network();
    let m = metric_name(lang, net.task(), false);
    let sets = [
        (SetName::Train, Some(t.train_set())),
        (SetName::Validation, t.validation_set()),
        (SetName::Test, t.test_set()),
    ];
    for (name, set) in sets {
        let Some(set) = set else { continue };
        let (loss, metric) = t.evaluate(set)?;
        writeln!(
            out,
            "{}",
            words::set_result(lang, name, set.rows(), loss, m, metric)
        )?;
    }
    for name in [SetName::Train, SetName::Validation, SetName::Test] {
        let Some(rows) = r.info.set_predictions(net, name)? else {
            continue;
        };
        writeln!(out, "{}", words::predictions_heading(lang, name))?;
        for row in rows.iter().take(LISTED_ROWS) {
            let class = row.class.map_or(String::new(), |c| format!(" → {c}"));
            writeln!(
                out,
                "  {}: {:?} → {:?}{class}, {:?}",
                row.row, row.input, row.output, row.target
            )?;
        }
        if rows.len() > LISTED_ROWS {
            writeln!(out, "{}", words::more_rows(lang, rows.len() - LISTED_ROWS))?;
        }
    }
    Ok(())
}

/// The saturation exercise: its setup, every step, and how it ended.
pub fn write_saturation(
    out: &mut dyn Write,
    ex: &Saturation,
    run: &SaturationRun,
    lang: Lang,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{}",
        words::saturation_setup(lang, ex.activation, ex.target, ex.learning_rate)
    )?;
    let [step, z, a, slope] = words::saturation_columns(lang);
    writeln!(
        out,
        "{} {} {} {}",
        pad(step, 6),
        pad(z, 22),
        pad(a, 22),
        pad(slope, 22)
    )?;
    for s in &run.states {
        writeln!(out, "{:>6} {:>22} {:>22} {:>22}", s.step, s.z, s.a, s.slope)?;
    }
    writeln!(out, "{}", words::saturation_end(lang, run.end, ex.target))
}

/// The parameters now, and in original units when the data was normalised.
pub fn write_params(out: &mut dyn Write, r: &Resolved, lang: Lang) -> std::io::Result<()> {
    let t = &r.trainer;
    let w = train_words(lang);
    writeln!(out, "{}{}", w.parameters, colon(lang))?;
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
    writeln!(out, "{}{}", train_words(lang).last_grads, colon(lang))?;
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
        writeln!(out, "\n{}{}", train_words(lang).loss_by_epoch, colon(lang))?;
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
