//! The loss chart: training (and validation) loss by epoch, linear or log
//! scale, with the stop threshold eps drawn as a line. Each series has its
//! own glyph (Braille, dots, half blocks) and the legend on the bottom edge
//! names them, eps with its value, so the chart reads without colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};

use super::Look;
use crate::engine::EpochRecord;
use crate::lesson::Lang;
use crate::words::train_words;

/// Draws the loss curves of `history` into `area`.
pub fn render(
    area: Rect,
    buf: &mut Buffer,
    history: &[EpochRecord],
    eps: Option<f64>,
    log: bool,
    look: Look,
    lang: Lang,
) {
    let w = train_words(lang);
    let tf = |v: f64| if log { v.max(1e-12).log10() } else { v };
    let train: Vec<(f64, f64)> = history
        .iter()
        .filter(|r| r.train_loss.is_finite())
        .map(|r| (r.epoch as f64, tf(r.train_loss)))
        .collect();
    let val: Vec<(f64, f64)> = history
        .iter()
        .filter_map(|r| {
            r.val_loss
                .filter(|v| v.is_finite())
                .map(|v| (r.epoch as f64, tf(v)))
        })
        .collect();
    let x_max = history.last().map_or(1.0, |r| r.epoch.max(1) as f64);
    let all = train.iter().chain(&val).map(|p| p.1).chain(eps.map(tf));
    let (mut lo, mut hi) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if !lo.is_finite() || !hi.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    if hi - lo < 1e-12 {
        hi = lo + 1.0;
    }
    let eps_line: Vec<(f64, f64)> = eps
        .map(|e| vec![(0.0, tf(e)), (x_max, tf(e))])
        .unwrap_or_default();
    let marker = Marker::Braille;
    let mut sets = vec![
        Dataset::default()
            .name(w.series_train)
            .marker(marker)
            .graph_type(GraphType::Line)
            .style(look.fg(Color::Cyan))
            .data(&train),
    ];
    let mut legend = vec![(BRAILLE_MARK, w.series_train.to_string(), Color::Cyan)];
    if !val.is_empty() {
        legend.push(("•", w.series_val.to_string(), Color::Yellow));
        sets.push(
            Dataset::default()
                .name(w.series_val)
                .marker(Marker::Dot)
                .graph_type(GraphType::Line)
                .style(look.fg(Color::Yellow))
                .data(&val),
        );
    }
    if let Some(e) = eps.filter(|_| !eps_line.is_empty()) {
        legend.push(("▄", format!("{} {}", w.series_eps, short(e)), Color::Red));
        sets.push(
            Dataset::default()
                .name(w.series_eps)
                .marker(Marker::HalfBlock)
                .graph_type(GraphType::Line)
                .style(look.fg(Color::Red))
                .data(&eps_line),
        );
    }
    let label = |v: f64| if log { super::log_label(v) } else { short(v) };
    let title = format!(" {} ", if log { w.loss_log } else { w.loss_linear });
    let mut spans = vec![Span::raw(" ")];
    for (glyph, name, colour) in legend {
        spans.push(Span::styled(format!("{glyph} "), look.fg(colour)));
        spans.push(Span::raw(format!("{name}  ")));
    }
    if let Some(Span { content, .. }) = spans.last_mut() {
        *content = format!("{} ", content.trim_end()).into();
    }
    let block = look
        .block(&title)
        .title_bottom(Line::from(spans).right_aligned());
    Chart::new(sets)
        .legend_position(None)
        .block(block)
        .x_axis(
            Axis::default()
                .bounds([0.0, x_max])
                .labels(vec![Span::raw("0"), Span::raw(format!("{x_max:.0} "))]),
        )
        .y_axis(Axis::default().bounds([lo, hi]).labels(vec![
            Span::raw(format!("{} ", label(lo))),
            Span::raw(format!("{} ", label(hi))),
        ]))
        .style(Style::default())
        .render(area, buf);
}

/// The legend's picture of a Braille line.
const BRAILLE_MARK: &str = "⣀";

/// A number for reading, in at most 8 characters: five significant
/// digits without float noise (`7969`, `0.018118`, `9.3e4`).
#[must_use]
pub fn short(v: f64) -> String {
    let s = crate::text::number::plain(v, 5);
    if s.len() <= 8 {
        s
    } else {
        crate::text::number::fit(v, 8, 4)
    }
}
