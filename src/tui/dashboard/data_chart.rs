//! The data chart: for one-feature regression the samples and the current
//! fitted curve; for two-feature classification the samples marked by class
//! (distinct glyphs, so it reads without colour) over the current decision
//! regions; for two-feature regression the target against each feature with
//! the model's predictions.

use crate::lesson::Lang;
use crate::words::{self, train_words};
use ndarray::Array2;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Widget};

use super::Look;
use super::loss_chart::short;
use crate::engine::{Dense, Network, metrics};
use crate::spec::Resolved;

/// Sample glyphs by class index; they differ in shape, not only colour.
const CLASS_GLYPHS: [char; 4] = ['o', 'x', '+', '#'];
const CLASS_COLORS: [Color; 4] = [Color::Cyan, Color::Yellow, Color::Magenta, Color::Green];

/// Draws the data chart for the run with the parameters `layers`.
pub fn render(
    area: Rect,
    buf: &mut Buffer,
    run: &Resolved,
    layers: &[Dense],
    look: Look,
    lang: Lang,
) {
    let info = &run.info;
    let Ok(net) = Network::from_layers(layers.to_vec(), run.trainer.network().loss()) else {
        return;
    };
    let n = info.raw_features.len();
    match (n, info.classes.is_some()) {
        (1, false) => fit_chart(area, buf, run, &net, look, lang),
        (2, true) => regions(area, buf, run, &net, look, lang),
        (2, false) => {
            let [a, b] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(area);
            feature_chart(a, buf, run, &net, 0, look, lang);
            feature_chart(b, buf, run, &net, 1, look, lang);
        }
        _ => {
            let title = format!(" {} ", train_words(lang).data);
            Paragraph::new(words::train::no_data_chart(lang, n))
                .block(look.block(&title))
                .render(area, buf);
        }
    }
}

fn bounds(values: impl Iterator<Item = f64>) -> [f64; 2] {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if !lo.is_finite() || !hi.is_finite() {
        return [0.0, 1.0];
    }
    if hi - lo < 1e-12 {
        [lo - 0.5, hi + 0.5]
    } else {
        [lo, hi]
    }
}

fn axis(b: [f64; 2], title: &str) -> Axis<'static> {
    Axis::default()
        .title(format!("{title} "))
        .bounds(b)
        // A space after each label keeps it off the axis line and the border.
        .labels(vec![
            Span::raw(format!("{} ", short(b[0]))),
            Span::raw(format!("{} ", short(b[1]))),
        ])
}

/// Pairs of (input column `j`, value) for every row.
fn pairs(x: ndarray::ArrayView1<f64>, y: ndarray::ArrayView1<f64>) -> Vec<(f64, f64)> {
    x.iter()
        .zip(y)
        .map(|(x, y)| (*x, *y))
        .filter(|p| p.1.is_finite())
        .collect()
}

/// The samples (Braille dots) and the model's values (a line or dots) on
/// one chart, scaled to the samples. In ASCII mode Braille becomes '.' and
/// dots '*', so the two still differ.
#[allow(clippy::too_many_arguments)]
fn samples_and_model(
    area: Rect,
    buf: &mut Buffer,
    samples: &[(f64, f64)],
    model: &[(f64, f64)],
    model_graph: GraphType,
    title: &str,
    (x_name, y_name): (&str, &str),
    look: Look,
    lang: Lang,
) {
    let w = train_words(lang);
    let xb = bounds(samples.iter().map(|p| p.0));
    let yb = bounds(samples.iter().map(|p| p.1));
    let sets = vec![
        Dataset::default()
            .name(w.samples)
            .marker(Marker::Braille)
            .graph_type(GraphType::Scatter)
            .style(look.fg(Color::Cyan))
            .data(samples),
        Dataset::default()
            .name(w.model)
            .marker(Marker::Dot)
            .graph_type(model_graph)
            .style(look.fg(Color::Red))
            .data(model),
    ];
    // The legend names each glyph, so the chart reads without colour.
    let legend = Line::from(vec![
        Span::styled(" ⣿ ", look.fg(Color::Cyan)),
        Span::raw(format!("{}  ", w.samples)),
        Span::styled("• ", look.fg(Color::Red)),
        Span::raw(format!("{} ", w.model)),
    ]);
    Chart::new(sets)
        .legend_position(None)
        .block(look.block(title).title_bottom(legend.right_aligned()))
        .x_axis(axis(xb, x_name))
        .y_axis(axis(yb, y_name))
        .render(area, buf);
}

fn fit_chart(area: Rect, buf: &mut Buffer, run: &Resolved, net: &Network, look: Look, lang: Lang) {
    let info = &run.info;
    let samples = pairs(info.raw_x.column(0), info.raw_y.column(0));
    let xb = bounds(samples.iter().map(|p| p.0));
    let grid = Array2::from_shape_fn((60, 1), |(i, _)| xb[0] + (xb[1] - xb[0]) * i as f64 / 59.0);
    let curve = info
        .predict(net, &grid)
        .map_or_else(|_| Vec::new(), |p| pairs(grid.column(0), p.column(0)));
    let names = (info.raw_features[0].as_str(), info.target.as_str());
    samples_and_model(
        area,
        buf,
        &samples,
        &curve,
        GraphType::Line,
        &format!(" {} ", train_words(lang).data_and_fit),
        names,
        look,
        lang,
    );
}

fn feature_chart(
    area: Rect,
    buf: &mut Buffer,
    run: &Resolved,
    net: &Network,
    j: usize,
    look: Look,
    lang: Lang,
) {
    let info = &run.info;
    let samples = pairs(info.raw_x.column(j), info.raw_y.column(0));
    let model = info
        .predict(net, &info.raw_x)
        .map_or_else(|_| Vec::new(), |p| pairs(info.raw_x.column(j), p.column(0)));
    let title = format!(
        " {} ",
        words::train::target_by(lang, &info.target, &info.raw_features[j])
    );
    let names = (info.raw_features[j].as_str(), "");
    samples_and_model(
        area,
        buf,
        &samples,
        &model,
        GraphType::Scatter,
        &title,
        names,
        look,
        lang,
    );
}

fn regions(area: Rect, buf: &mut Buffer, run: &Resolved, net: &Network, look: Look, lang: Lang) {
    let info = &run.info;
    let block = look.block(&format!(" {} ", train_words(lang).regions));
    let inner = block.inner(area);
    block.render(area, buf);
    let (w, h) = (usize::from(inner.width), usize::from(inner.height));
    if w < 4 || h < 2 {
        return;
    }
    let xb = bounds(info.raw_x.column(0).iter().copied());
    let yb = bounds(info.raw_x.column(1).iter().copied());
    let to_x = |c: usize| xb[0] + (xb[1] - xb[0]) * (c as f64 + 0.5) / w as f64;
    let to_y = |r: usize| yb[1] - (yb[1] - yb[0]) * (r as f64 + 0.5) / h as f64;
    let grid = Array2::from_shape_fn(
        (w * h, 2),
        |(i, k)| if k == 0 { to_x(i % w) } else { to_y(i / w) },
    );
    let shades = region_shades(look);
    if let Ok(p) = info.predict(net, &grid) {
        for (i, class) in metrics::predicted_classes(p.view()).into_iter().enumerate() {
            let (c, r) = (i % w, i / w);
            let cell = (inner.x + c as u16, inner.y + r as u16);
            buf.set_string(
                cell.0,
                cell.1,
                shades[class % 4],
                look.fg(CLASS_COLORS[class % 4])
                    .add_modifier(ratatui::style::Modifier::DIM),
            );
        }
    }
    let classes = info.classes.clone().unwrap_or_default();
    // At most one sample in three cells of a row, so that the regions
    // still show between the samples on a small screen.
    let mut taken = vec![false; w * h];
    for (x, label) in info.raw_x.rows().into_iter().zip(info.raw_y.column(0)) {
        let k = classes.iter().position(|c| c == label).unwrap_or(0);
        let c = ((x[0] - xb[0]) / (xb[1] - xb[0]) * w as f64)
            .floor()
            .clamp(0.0, (w - 1) as f64) as u16;
        let r = ((yb[1] - x[1]) / (yb[1] - yb[0]) * h as f64)
            .floor()
            .clamp(0.0, (h - 1) as f64) as u16;
        let (cu, ru) = (usize::from(c), usize::from(r));
        let near = cu.saturating_sub(1)..=(cu + 1).min(w - 1);
        if near.clone().any(|k| taken[ru * w + k]) {
            continue;
        }
        taken[ru * w + cu] = true;
        let glyph = CLASS_GLYPHS[k % 4].to_string();
        buf.set_string(
            inner.x + c,
            inner.y + r,
            glyph,
            look.fg(CLASS_COLORS[k % 4])
                .add_modifier(ratatui::style::Modifier::BOLD),
        );
    }
    // Each class: its sample glyph and its region's shade, then its name.
    let legend: Vec<String> = classes
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{}{} {c}", CLASS_GLYPHS[i % 4], shades[i % 4]))
        .collect();
    let legend = format!(" {} ", legend.join("  "));
    let legend = crate::tui::text_fit::truncate(&legend, usize::from(area.width.saturating_sub(2)));
    let lw = unicode_width::UnicodeWidthStr::width(legend.as_str());
    let lx = inner.x
        + inner
            .width
            .saturating_sub(u16::try_from(lw).unwrap_or(u16::MAX));
    buf.set_string(
        lx,
        area.y + area.height.saturating_sub(1),
        legend,
        look.fg(Color::White),
    );
}

/// The shade that fills each class's region: a distinct glyph per class
/// (the legend shows it), so the regions read without colour.
fn region_shades(look: Look) -> [&'static str; 4] {
    if look.ascii {
        [".", ":", "~", "'"]
    } else {
        ["·", ":", "~", "'"]
    }
}
