//! The plain runner's pictures as character grids: the decision regions of
//! a two-input classifier, the hidden-unit view of a two-layer run, and the
//! capacity (overfitting) step, each with a legend that names its glyphs
//! and the numbers behind it in a table.

use std::io::Write;

use crate::engine::Dense;
use crate::lesson::{CapacityStep, Lang};
use crate::session::hidden::{self, Curves, HiddenView, Planes, curves_picture, region_picture};
use crate::spec::Resolved;
use crate::text::plot::marks;
use crate::text::{number, table};
use crate::words::hidden::{self as hw, hidden_words};
use crate::words::train_words;

/// Rows of a picture (a whole plot fits a screen with its legend).
const ROWS: usize = 16;

/// The legend of a region picture: each class's point glyph and shade.
fn class_legend(lang: Lang, classes: &[f64], ascii: bool, border: bool) -> String {
    let w = train_words(lang);
    let mut parts: Vec<String> = (classes.iter().enumerate())
        .map(|(k, c)| {
            let shade = marks::shade(k, ascii);
            let shade = if shade == ' ' {
                String::new()
            } else {
                format!(" {shade}")
            };
            format!("{}{shade} {}", marks::point(k), number::plain(*c, 6))
        })
        .collect();
    if border {
        parts.push(format!(
            "{} {}",
            marks::border(ascii),
            hidden_words(lang).boundary
        ));
    }
    format!("{}: {}", w.samples, parts.join("   "))
}

/// Two framed pictures side by side (or one under the other when the page
/// is too narrow for both).
fn side_by_side(left: Vec<String>, right: Vec<String>, width: usize) -> Vec<String> {
    let lw = left.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let rw = right.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    if lw + 3 + rw > width {
        let mut v = left;
        v.push(String::new());
        v.extend(right);
        return v;
    }
    let n = left.len().max(right.len());
    (0..n)
        .map(|i| {
            let l = left.get(i).map_or("", String::as_str);
            let r = right.get(i).map_or("", String::as_str);
            let pad = lw - l.chars().count();
            format!("{l}{}   {r}", " ".repeat(pad))
                .trim_end()
                .to_string()
        })
        .collect()
}

/// The decision regions of a two-input classifier with its current
/// parameters, as a grid `width` columns wide.
pub fn write_regions(
    out: &mut dyn Write,
    run: &Resolved,
    lang: Lang,
    ascii: bool,
    width: usize,
) -> anyhow::Result<()> {
    let net = run.trainer.network();
    let info = &run.info;
    if info.raw_features.len() != 2 || info.classes.is_none() {
        return Ok(());
    }
    let cols = width.saturating_sub(10).clamp(16, 70);
    let g = hidden::input_regions(run, net, (cols, ROWS))?;
    writeln!(out, "{}:", train_words(lang).regions)?;
    let pic = region_picture(&g, ascii, false);
    for line in pic.framed(&info.raw_features[1], &info.raw_features[0], ascii) {
        writeln!(out, "{line}")?;
    }
    let classes = info.classes.clone().unwrap_or_default();
    writeln!(out, "{}", class_legend(lang, &classes, ascii, false))?;
    writeln!(out)?;
    Ok(())
}

/// The hidden-unit view of a two-layer run with its current parameters.
pub fn write_hidden(
    out: &mut dyn Write,
    run: &Resolved,
    lang: Lang,
    ascii: bool,
    width: usize,
) -> anyhow::Result<()> {
    let layers: Vec<Dense> = run.trainer.network().layers().to_vec();
    let cols = width.saturating_sub(10).clamp(16, 70);
    let half = (width.saturating_sub(20) / 2).clamp(12, 40);
    let view = hidden::view(run, &layers, cols, (half, ROWS - 2))?;
    match view {
        HiddenView::Curves(c) => write_curves(out, &c, lang, ascii, cols),
        HiddenView::Planes(p) => write_planes(out, &p, lang, ascii, width),
        HiddenView::Unsupported => {
            writeln!(out, "{}", hidden_words(lang).unsupported)?;
            Ok(())
        }
    }
}

fn write_curves(
    out: &mut dyn Write,
    c: &Curves,
    lang: Lang,
    ascii: bool,
    cols: usize,
) -> anyhow::Result<()> {
    let w = hidden_words(lang);
    writeln!(out, "{}:", w.units_title)?;
    let g = curves_picture(c, cols, ROWS, ascii);
    for line in g.framed(&c.y_name, &c.x_name, ascii) {
        writeln!(out, "{line}")?;
    }
    let glyphs: Vec<char> = (0..c.terms.len()).map(marks::unit).collect();
    writeln!(
        out,
        "{}",
        hw::curve_legend(lang, &glyphs, marks::FIT, marks::sample(ascii))
    )?;
    // The numbers at a few x: each term, b2 and their sum, which is the fit.
    let mut header = vec![c.x_name.clone()];
    header.extend((0..c.terms.len()).map(|i| hw::unit(lang, i)));
    header.push("b2".into());
    header.push(w.sum_is_fit.into());
    let n = c.x.len();
    let rows: Vec<Vec<String>> = (0..5)
        .map(|k| k * (n - 1) / 4)
        .map(|r| {
            let mut row = vec![number::plain(c.x[r], 3)];
            row.extend(c.terms.iter().map(|t| number::plain(t[r], 4)));
            row.push(number::plain(c.bias, 4));
            row.push(number::plain(c.fit[r], 4));
            row
        })
        .collect();
    write!(out, "{}", table::render(&header, &rows, 80))?;
    writeln!(out)?;
    Ok(())
}

fn write_planes(
    out: &mut dyn Write,
    p: &Planes,
    lang: Lang,
    ascii: bool,
    width: usize,
) -> anyhow::Result<()> {
    let w = hidden_words(lang);
    let left = region_picture(&p.input, ascii, false);
    let right = region_picture(&p.hidden, ascii, true);
    let mut l = vec![format!("{}:", w.input_space)];
    l.extend(left.framed(&p.inputs[1], &p.inputs[0], ascii));
    let mut r = vec![format!(
        "{}:",
        hw::hidden_space_title(lang, p.axes, p.units)
    )];
    r.extend(right.framed(&hw::axis_name(p.axes[1]), &hw::axis_name(p.axes[0]), ascii));
    for line in side_by_side(l, r, width) {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{}", class_legend(lang, &p.classes, ascii, true))?;
    for line in &p.lines {
        writeln!(out, "{}", hw::line(lang, line, p.axes, &p.classes))?;
    }
    if let Some(why) = hw::axes_reason(lang, p.units) {
        for line in crate::text::wrap(&why, width, "", "") {
            writeln!(out, "{line}")?;
        }
    }
    writeln!(out)?;
    Ok(())
}

/// The capacity step: the losses of every degree, then the fitted curves of
/// the lowest degree, the best on validation and the highest.
pub fn write_capacity(
    out: &mut dyn Write,
    step: &CapacityStep,
    lang: Lang,
    ascii: bool,
    width: usize,
) -> anyhow::Result<()> {
    let w = hidden_words(lang);
    let cap = &step.result;
    let (best_val, best_train) = cap.best();
    writeln!(out, "{}:", w.capacity_title)?;
    let header: Vec<String> = [w.degree, w.params, w.train_loss, w.val_loss]
        .iter()
        .map(|h| (*h).to_string())
        .collect();
    let mark = |best: bool| {
        if best {
            format!("  ← {}", w.lowest)
        } else {
            String::new()
        }
    };
    let rows: Vec<Vec<String>> = (cap.fits.iter().enumerate())
        .map(|(i, p)| {
            vec![
                p.degree.to_string(),
                (p.degree + 1).to_string(),
                format!("{:.5}{}", cap.train_loss[i], mark(p.degree == best_train)),
                format!("{:.5}{}", cap.val_loss[i], mark(p.degree == best_val)),
            ]
        })
        .collect();
    let rendered = table::render(&header, &rows, width);
    let rendered = if ascii {
        rendered.replace('←', "<-")
    } else {
        rendered
    };
    write!(out, "{rendered}")?;
    writeln!(out)?;
    let degrees = hidden::capacity_degrees(cap);
    writeln!(out, "{}:", w.fitted_curves)?;
    let cols = width.saturating_sub(10).clamp(16, 70);
    let g = hidden::capacity_picture(cap, &degrees, (cols, ROWS), ascii);
    for line in g.framed("y", "x", ascii) {
        writeln!(out, "{line}")?;
    }
    let mut legend: Vec<String> = (degrees.iter().zip(hidden::CAPACITY_CURVES))
        .map(|(d, g)| format!("{g} {}", hw::degree_name(lang, *d)))
        .collect();
    legend.push(format!("{} {}", marks::sample(ascii), w.training_points));
    legend.push(format!("{} {}", marks::VALIDATION, w.validation_points));
    writeln!(out, "{}", legend.join("   "))?;
    writeln!(out, "{}", hw::capacity_summary(lang, best_val, best_train))?;
    writeln!(out)?;
    Ok(())
}

/// The parameters of every run of a comparison whose W and B the table
/// cannot show in one cell (networks of several layers, nonlinear outputs):
/// each layer's W and B as rows of numbers.
pub fn write_run_params(
    out: &mut dyn Write,
    runs: &[crate::session::RunRow],
    lang: Lang,
    width: usize,
) -> anyhow::Result<()> {
    let pending: Vec<_> = runs.iter().filter(|r| r.real_units.is_none()).collect();
    if pending.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}:", hidden_words(lang).parameters)?;
    for r in pending {
        writeln!(out, "  {}", r.name.get(lang))?;
        for item in r.param_lines() {
            for line in crate::text::wrap(&item, width, "    ", "        ") {
                writeln!(out, "{line}")?;
            }
        }
    }
    writeln!(out)?;
    Ok(())
}
