//! Live matrices: every parameter beside its last gradient, with shapes,
//! values aligned, the sign shown by glyph as well as colour, and each value
//! that changed since the previous frame marked.

use crate::lesson::Lang;
use crate::words::train_words;
use ndarray::Array2;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::Look;
use crate::engine::{Dense, Gradients};

/// Characters per value: sign, digits, change mark, a space.
const CELL: usize = 9;

/// One named matrix to draw, with the previous frame's values if any.
pub struct Shown<'a> {
    pub name: String,
    pub now: &'a Array2<f64>,
    pub before: Option<&'a Array2<f64>>,
}

/// Which matrices a panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// Each parameter, with its gradient beside it when given.
    Params,
    /// The gradients alone, full width.
    Grads,
}

/// Draws parameters and/or gradients, layer by layer; `extra` lines (the
/// closed-form solution, real units) come last, under the parameters.
#[expect(
    clippy::too_many_arguments,
    reason = "the panel's inputs are all distinct; a struct would only rename them"
)]
pub fn render(
    area: Rect,
    buf: &mut Buffer,
    which: Which,
    layers: &[Dense],
    grads: Option<&Gradients>,
    prev: Option<&[Dense]>,
    extra: &[String],
    look: Look,
    lang: Lang,
) {
    let inner_w = usize::from(area.width.saturating_sub(2));
    let mut lines: Vec<Line> = Vec::new();
    let suffix = |i: usize| {
        if layers.len() == 1 {
            String::new()
        } else {
            (i + 1).to_string()
        }
    };
    for (i, l) in layers.iter().enumerate() {
        let p = prev.and_then(|p| p.get(i));
        let g = grads.and_then(|g| g.layers.get(i));
        let s = suffix(i);
        let pairs = [
            (
                Shown {
                    name: format!("W{s}"),
                    now: &l.w,
                    before: p.map(|p| &p.w),
                },
                g.map(|g| Shown {
                    name: format!("dW{s}"),
                    now: &g.dw,
                    before: None,
                }),
            ),
            (
                Shown {
                    name: format!("B{s}"),
                    now: &l.b,
                    before: p.map(|p| &p.b),
                },
                g.map(|g| Shown {
                    name: format!("dB{s}"),
                    now: &g.db,
                    before: None,
                }),
            ),
        ];
        for (param, grad) in pairs {
            if which == Which::Grads {
                if let Some(g) = grad {
                    lines.extend(matrix_lines(&g, inner_w, look).into_iter().map(Line::from));
                }
                continue;
            }
            let half = if grad.is_some() { inner_w / 2 } else { inner_w };
            let left = matrix_lines(&param, half, look);
            let right = grad
                .map(|g| matrix_lines(&g, inner_w - half, look))
                .unwrap_or_default();
            for k in 0..left.len().max(right.len()) {
                let mut spans = left
                    .get(k)
                    .cloned()
                    .unwrap_or_else(|| vec![Span::raw(" ".repeat(half))]);
                if let Some(r) = right.get(k) {
                    spans.extend(r.iter().cloned());
                }
                lines.push(Line::from(spans));
            }
        }
    }
    if which == Which::Params {
        lines.extend(
            extra
                .iter()
                .map(|e| Line::styled(e.clone(), look.fg(Color::Magenta))),
        );
    }
    let w = train_words(lang);
    let mark = if look.ascii { "*" } else { "•" };
    let name = match (which, grads.is_some()) {
        (Which::Grads, _) => w.last_grads,
        (Which::Params, true) => w.parameters_and_grads,
        (Which::Params, false) => w.parameters,
    };
    let title = crate::words::train::with_legend(lang, name, &format!("{mark} {}", w.changed));
    let block = with_overflow(look.block(&title), lines.len(), area.height, look, lang);
    Paragraph::new(lines).block(block).render(area, buf);
}

/// A panel's block with `↓ N more` on its bottom border when `lines` do not
/// fit inside `height` rows (nothing is cut silently).
#[must_use]
pub fn with_overflow(
    block: ratatui::widgets::Block<'static>,
    lines: usize,
    height: u16,
    look: Look,
    lang: Lang,
) -> ratatui::widgets::Block<'static> {
    let inner = usize::from(height.saturating_sub(2));
    if lines <= inner {
        return block;
    }
    let arrow = if look.ascii { "v" } else { "↓" };
    let more = crate::words::shell_words(lang).more;
    block.title_bottom(Line::from(format!(" {arrow} {} {more} ", lines - inner)).right_aligned())
}

/// A matrix as lines of spans, at most `width` columns: a title with the
/// shape, then rows; columns and rows beyond the space are elided with ⋯ / ⋮.
fn matrix_lines(m: &Shown, width: usize, look: Look) -> Vec<Vec<Span<'static>>> {
    let (rows, cols) = m.now.dim();
    let times = if look.ascii { "x" } else { "×" };
    let title = format!("{} ({rows}{times}{cols})", m.name);
    let mut out = vec![vec![Span::styled(
        pad(&title, width),
        Style::default().add_modifier(Modifier::BOLD),
    )]];
    let fit_cols = (width.saturating_sub(1) / CELL).max(1);
    let show_cols = if cols > fit_cols {
        fit_cols.saturating_sub(1).max(1)
    } else {
        cols
    };
    let show_rows = rows.min(4);
    // One precision per column, so that its decimal points line up.
    let texts: Vec<Vec<String>> = (0..show_cols)
        .map(|c| {
            let abs: Vec<f64> = (0..show_rows).map(|r| m.now[[r, c]].abs()).collect();
            crate::text::number::column(&abs, 6, 4)
        })
        .collect();
    for r in 0..show_rows {
        let mut line = vec![Span::raw(" ")];
        for (c, text) in texts.iter().enumerate() {
            let v = m.now[[r, c]];
            let changed = m
                .before
                .is_some_and(|b| b.get((r, c)).is_some_and(|old| *old != v));
            line.push(value_span(v, &text[r], changed, look));
        }
        if show_cols < cols {
            line.push(Span::raw(if look.ascii { " ..." } else { " ⋯" }));
        }
        let used: usize = line.iter().map(|s| s.content.chars().count()).sum();
        line.push(Span::raw(" ".repeat(width.saturating_sub(used))));
        out.push(line);
    }
    if show_rows < rows {
        out.push(vec![Span::raw(pad(
            if look.ascii { "  :" } else { "  ⋮" },
            width,
        ))]);
    }
    out
}

/// A value drawn as its sign and `abs` (|v| as text), marked when changed.
fn value_span(v: f64, abs: &str, changed: bool, look: Look) -> Span<'static> {
    let mark = if changed {
        if look.ascii { "*" } else { "•" }
    } else {
        " "
    };
    let sign = if v < 0.0 { '-' } else { '+' };
    let text = format!("{sign}{abs:<6}{mark} ");
    let color = if v < 0.0 { Color::Red } else { Color::Green };
    let mut style = look.fg(color);
    if changed {
        style = style.add_modifier(Modifier::BOLD);
    }
    Span::styled(text, style)
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n > width {
        crate::tui::text_fit::truncate(s, width)
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

/// One item per layer of a batch of `m` rows:
/// `X (10×2) · W1 (2×3) + B1 (1×3) → Z1 (10×3)`, or with `compact`
/// `X 10×2·W1 2×3+B1 1×3→Z1 10×3`.
#[must_use]
pub fn shapes(layers: &[Dense], m: usize, ascii: bool, compact: bool) -> Vec<String> {
    let (dot, times, arrow) = if ascii {
        ("*", "x", "->")
    } else {
        ("·", "×", "→")
    };
    let s = |i: usize| {
        if layers.len() == 1 {
            String::new()
        } else {
            (i + 1).to_string()
        }
    };
    let shape = |r: usize, c: usize| {
        if compact {
            format!("{r}{times}{c}")
        } else {
            format!("({r}{times}{c})")
        }
    };
    let (dot, plus, arrow) = if compact {
        (dot.to_string(), "+".to_string(), arrow.to_string())
    } else {
        (format!(" {dot} "), " + ".to_string(), format!(" {arrow} "))
    };
    layers
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let input = if i == 0 {
                "X".to_string()
            } else {
                format!("A{}", s(i - 1))
            };
            let (n, u, k) = (l.inputs(), l.units(), s(i));
            format!(
                "{input} {}{dot}W{k} {}{plus}B{k} {}{arrow}Z{k} {}",
                shape(m, n),
                shape(n, u),
                shape(1, u),
                shape(m, u)
            )
        })
        .collect()
}
