//! The picture steps as plain text: a landscape as a character grid of
//! numbered contour lines with each run's path in its own mark, its legend
//! and a table of the path's numbers; a plot as one character chart per
//! function (the function, its derivative, the marked points) with a table
//! of the marked values and, for the saturation exercise, every step.

use std::io::Write;

use crate::lesson::Lang;
use crate::session::landscape::{Landscape, Mark, Picture};
use crate::session::plot::PlotState;
use crate::text::{number, table};
use crate::words::train as tw;
use crate::words::views::{self as vw, view_words};

/// Rows of the landscape's character grid.
const GRID_ROWS: usize = 20;
/// Rows of each function's chart.
const CURVE_ROWS: usize = 13;
/// Columns left of a grid for the value labels.
const LABEL: usize = 9;
/// The most rows of a run in the path table (the start, then evenly
/// spread epochs, then the last).
const PATH_ROWS: usize = 12;

/// The landscape run to its end, drawn, with its legend and path table.
pub fn write_landscape(
    out: &mut dyn Write,
    l: &mut Landscape,
    lang: Lang,
    width: usize,
    ascii: bool,
    fixed: crate::lesson::model_views::Fixed,
) -> anyhow::Result<()> {
    l.run_all()?;
    write_landscape_now(out, l, lang, width, ascii, fixed)
}

/// The landscape as its runs stand, drawn, with its legend and path table.
pub fn write_landscape_now(
    out: &mut dyn Write,
    l: &Landscape,
    lang: Lang,
    width: usize,
    ascii: bool,
    fixed: crate::lesson::model_views::Fixed,
) -> anyhow::Result<()> {
    let cols = width.saturating_sub(LABEL + 2).clamp(20, 160);
    let grid = l.grid(cols, GRID_ROWS)?;
    let pic = l.picture(&grid);
    let w = view_words(lang);
    let colon = vw::colon(lang);
    writeln!(
        out,
        "{}{colon}{}",
        w.landscape,
        vw::landscape_title(lang, &l.x.name, &l.y.name)
    )?;
    writeln!(out, "{}", vw::fixed_note(lang, fixed))?;
    write_picture(out, &pic, l, ascii)?;
    writeln!(out)?;
    let levels: Vec<String> = (pic.levels.iter().enumerate())
        .map(|(i, v)| {
            let n = u8::try_from(i + 1).unwrap_or(9);
            format!("{} = {}", vw::level_glyph(n), number::fit(*v, 9, 4))
        })
        .collect();
    writeln!(out, "{}{}", w.levels, colon.trim_end())?;
    for four in levels.chunks(4) {
        writeln!(out, "  {}", four.join("  "))?;
    }
    if l.optimum.is_some() {
        writeln!(out, "{} {}", vw::optimum_glyph(ascii), w.optimum)?;
    }
    for (i, r) in l.rows().iter().enumerate() {
        let line = vw::path_line(lang, r, &l.x.name, &l.y.name);
        let first = format!("{} ", vw::run_glyph(i, ascii));
        for part in crate::text::wrap(&line, width, &first, "    ") {
            writeln!(out, "{part}")?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}{}", w.path_table, colon.trim_end())?;
    let header = vw::path_columns(lang, &l.x.name, &l.y.name);
    let mut rows = Vec::new();
    for (i, r) in l.runs().iter().enumerate() {
        let hist = r.trainer.history();
        let step = hist.len().div_ceil(PATH_ROWS).max(1);
        let mut picked: Vec<usize> = (0..hist.len()).step_by(step).collect();
        if !hist.is_empty() && picked.last() != Some(&(hist.len() - 1)) {
            picked.push(hist.len() - 1);
        }
        for k in picked {
            let h = &hist[k];
            let net = crate::engine::Network::from_layers(h.layers(), r.trainer.network().loss());
            let p = |q| {
                (net.as_ref().ok())
                    .and_then(|n| n.param(q).ok())
                    .map_or("-".into(), |v| number::fit(v, 12, 6))
            };
            rows.push(vec![
                format!("{} {}", vw::run_glyph(i, ascii), l.name(i, lang)),
                h.epoch.to_string(),
                h.iteration.to_string(),
                number::fit(h.train_loss, 12, 6),
                p(l.x.param),
                p(l.y.param),
            ]);
        }
    }
    write!(out, "{}", table::render(&header, &rows, width))?;
    writeln!(out)?;
    Ok(())
}

/// The grid with value labels on the left (top, middle, bottom).
fn write_picture(
    out: &mut dyn Write,
    pic: &Picture,
    l: &Landscape,
    ascii: bool,
) -> std::io::Result<()> {
    writeln!(out, "{:>LABEL$}", l.y.name)?;
    for r in 0..pic.rows {
        let v = l.y.hi - (l.y.hi - l.y.lo) * (r as f64 + 0.5) / pic.rows as f64;
        let label = if r == 0 || r + 1 == pic.rows || r == pic.rows / 2 {
            number::fit(v, LABEL - 1, 3)
        } else {
            String::new()
        };
        let line: String = (0..pic.cols).map(|c| glyph(pic.at(c, r), ascii)).collect();
        writeln!(out, "{label:>w$} |{}", line.trim_end(), w = LABEL - 1)?;
    }
    let bar = if ascii { "-" } else { "─" };
    writeln!(out, "{:>w$} +{}", "", bar.repeat(pic.cols), w = LABEL - 1)?;
    let (lo, hi) = (number::fit(l.x.lo, 9, 3), number::fit(l.x.hi, 9, 3));
    let name = &l.x.name;
    let gap = pic.cols.saturating_sub(lo.len() + hi.len() + name.len());
    writeln!(
        out,
        "{:>w$}  {lo}{}{name}{}{hi}",
        "",
        " ".repeat(gap / 2),
        " ".repeat(gap - gap / 2),
        w = LABEL - 1
    )
}

fn glyph(m: Mark, ascii: bool) -> char {
    match m {
        Mark::Empty => ' ',
        Mark::Level(n) => vw::level_glyph(n),
        Mark::Optimum => vw::optimum_glyph(ascii),
        Mark::Path(i) | Mark::Head(i) => vw::run_glyph(usize::from(i), ascii),
    }
}

/// Each function's chart, the marked values and every step of the
/// exercise.
pub fn write_plot(
    out: &mut dyn Write,
    p: &mut PlotState,
    lang: Lang,
    width: usize,
    ascii: bool,
) -> std::io::Result<()> {
    p.run_all();
    write_plot_now(out, p, lang, width, ascii)
}

/// Each function's chart, the marked values and the exercise's steps shown.
pub fn write_plot_now(
    out: &mut dyn Write,
    p: &PlotState,
    lang: Lang,
    width: usize,
    ascii: bool,
) -> std::io::Result<()> {
    let w = view_words(lang);
    let cols = width.saturating_sub(LABEL + 2).clamp(20, 100);
    for (i, &c) in p.plot().functions.iter().enumerate() {
        let mut title = vw::curve_label(c, false, ascii);
        if p.plot().derivatives {
            title = format!(
                "{title} {}  {} {}",
                vw::curve_glyph(crate::session::plot::CurveMark::Value, ascii),
                vw::curve_label(c, true, ascii),
                vw::curve_glyph(crate::session::plot::CurveMark::Slope, ascii),
            );
        }
        writeln!(out, "{title}")?;
        let pic = p.picture(i, cols, CURVE_ROWS);
        for r in 0..pic.rows {
            let v = pic.hi - (pic.hi - pic.lo) * r as f64 / (pic.rows - 1) as f64;
            let label = if r == 0 || r + 1 == pic.rows {
                number::fit(v, LABEL - 1, 3)
            } else {
                String::new()
            };
            let line: String = (0..pic.cols)
                .map(|c| vw::curve_glyph(pic.at(c, r), ascii))
                .collect();
            writeln!(out, "{label:>w$} |{}", line.trim_end(), w = LABEL - 1)?;
        }
        let [zl, zh] = p.plot().x_range;
        let (lo, hi) = (
            format!("z = {}", number::fit(zl, 8, 2)),
            number::fit(zh, 8, 2),
        );
        let gap = pic.cols.saturating_sub(lo.len() + hi.len());
        writeln!(
            out,
            "{:>w$}  {lo}{}{hi}",
            "",
            " ".repeat(gap),
            w = LABEL - 1
        )?;
        writeln!(out)?;
    }
    let marks = p.marks();
    if !marks.is_empty() {
        writeln!(out, "{}{}", w.marked, vw::colon(lang).trim_end())?;
        let header: Vec<String> = vw::mark_columns(lang)
            .iter()
            .map(|s| (*s).to_string())
            .collect();
        let rows: Vec<Vec<String>> = marks
            .iter()
            .map(|m| {
                vec![
                    vw::curve_label(m.curve, false, ascii),
                    number::fit(m.z, 10, 4),
                    number::fit(m.value, 10, 6),
                    number::fit(m.slope, 10, 6),
                ]
            })
            .collect();
        write!(out, "{}", table::render(&header, &rows, width))?;
        writeln!(out)?;
    }
    if let Some((ex, run)) = p.exercise() {
        writeln!(out, "{}{}", w.exercise, vw::colon(lang).trim_end())?;
        let setup = tw::saturation_setup(lang, ex.activation, ex.target, ex.learning_rate);
        for line in crate::text::wrap(&setup, width, "", "") {
            writeln!(out, "{line}")?;
        }
        let [step, z, a, slope] = tw::saturation_columns(lang);
        let header: Vec<String> = [step, z, a, slope]
            .iter()
            .map(|h| (*h).to_string())
            .collect();
        let rows: Vec<Vec<String>> = (run.states.iter().take(p.shown() + 1))
            .map(|s| {
                vec![
                    s.step.to_string(),
                    format!("{:.12}", s.z),
                    format!("{:.12}", s.a),
                    format!("{:.12}", s.slope),
                ]
            })
            .collect();
        write!(out, "{}", table::render(&header, &rows, width))?;
        // How the exercise ends, once every step is shown.
        if p.finished() {
            writeln!(out, "{}", tw::saturation_end(lang, run.end, ex.target))?;
        }
        writeln!(out)?;
    }
    Ok(())
}
