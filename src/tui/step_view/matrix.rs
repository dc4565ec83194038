//! A `matrix` step: the name and shape (`W (2×3)`), the values right-aligned
//! in columns between brackets, then the caption. A matrix too big for the
//! body keeps its first and last rows and columns and shows ⋮ and ⋯ for the
//! rest, rather than running off the screen.

use ndarray::Array2;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::ViewCtx;
use crate::lesson::Matrix;
use crate::tui::prose;

/// A value as the lesson shows it: at most 4 decimals, no trailing zeros.
#[must_use]
pub fn num(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// Indices to show out of `n` when at most `max` fit: all of them, or the
/// first `max − 2`, a gap (`None`), and the last.
fn shown(n: usize, max: usize) -> Vec<Option<usize>> {
    if n <= max {
        return (0..n).map(Some).collect();
    }
    let head = max.saturating_sub(2).max(1);
    let mut v: Vec<Option<usize>> = (0..head).map(Some).collect();
    v.push(None);
    v.push(Some(n - 1));
    v
}

#[must_use]
pub fn lines(m: &Matrix, ctx: &ViewCtx) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let (r, c) = m.values.dim();
    let mut out = vec![Line::from(vec![
        Span::styled(m.name.clone(), theme.title()),
        Span::styled(format!(" ({r}{}{c})", theme.symbols().times), theme.dim()),
    ])];
    out.push(Line::default());
    let max_rows = usize::from(ctx.height).saturating_sub(6).max(3);
    out.extend(grid(&m.values, max_rows, usize::from(ctx.width), ctx));
    if let Some(cap) = &m.caption {
        out.push(Line::default());
        out.extend(prose::lines(
            cap.get(ctx.lang),
            usize::from(ctx.width),
            theme,
        ));
    }
    out
}

/// The values in brackets, at most `max_rows` rows and `width` columns.
fn grid(v: &Array2<f64>, max_rows: usize, width: usize, ctx: &ViewCtx) -> Vec<Line<'static>> {
    let (r, c) = v.dim();
    let sym = ctx.theme.symbols();
    let rows = shown(r, max_rows);
    let col_width = |j: usize| (0..r).map(|i| num(v[[i, j]]).len()).max().unwrap_or(1);
    // Columns that fit: brackets and gaps cost 4 + 2 per column.
    let gap_w = UnicodeWidthStr::width(sym.hellip);
    let mut max_cols = c;
    let total = |cols: &[Option<usize>]| -> usize {
        4 + cols
            .iter()
            .map(|j| j.map_or(gap_w, col_width) + 2)
            .sum::<usize>()
    };
    while max_cols > 3 && total(&shown(c, max_cols)) > width {
        max_cols -= 1;
    }
    let cols = shown(c, max_cols);
    let mut out = Vec::new();
    for (k, i) in rows.iter().enumerate() {
        let (open, close) = bracket(k, rows.len(), ctx.theme.ascii);
        let mut spans = vec![Span::raw(format!("{open} "))];
        for j in &cols {
            let w = j.map_or(gap_w, col_width);
            let (text, style) = match (i, j) {
                (Some(i), Some(j)) => cell(v[[*i, *j]], ctx),
                (None, _) => (sym.vellip.to_string(), ctx.theme.dim()),
                (Some(_), None) => (sym.hellip.to_string(), ctx.theme.dim()),
            };
            let pad = w.saturating_sub(UnicodeWidthStr::width(text.as_str()));
            spans.push(Span::raw(" ".repeat(pad + 1)));
            spans.push(Span::styled(text, style));
            spans.push(Span::raw(" "));
        }
        spans.push(Span::raw(close));
        out.push(Line::from(spans));
    }
    out
}

fn cell(x: f64, ctx: &ViewCtx) -> (String, Style) {
    let s = num(x);
    let style = if s.starts_with('-') {
        ctx.theme.negative()
    } else {
        Style::new()
    };
    (s, style)
}

/// The bracket pieces of row `k` of `n`: tall brackets in Unicode.
fn bracket(k: usize, n: usize, ascii: bool) -> (&'static str, &'static str) {
    match (ascii, n, k) {
        (true, _, _) | (false, 1, _) => ("[", "]"),
        (false, _, 0) => ("⎡", "⎤"),
        (false, _, k) if k + 1 == n => ("⎣", "⎦"),
        _ => ("⎢", "⎥"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::prose::line_text;
    use crate::tui::theme::Theme;

    fn ctx(width: u16) -> ViewCtx {
        ViewCtx {
            lang: crate::lesson::Lang::En,
            theme: Theme::new(false, None),
            width,
            height: 19,
        }
    }

    #[test]
    fn numbers_drop_trailing_zeros_and_negative_zero() {
        assert_eq!(num(2.5), "2.5");
        assert_eq!(num(-0.00001), "0");
        assert_eq!(num(3.0), "3");
    }

    #[test]
    fn a_wide_matrix_elides_middle_columns_and_fits() {
        let v = Array2::from_shape_fn((2, 40), |(i, j)| (i * 40 + j) as f64 * 1.25);
        let g = grid(&v, 10, 60, &ctx(60));
        for l in &g {
            let t = line_text(l);
            assert!(UnicodeWidthStr::width(t.as_str()) <= 60, "{t}");
            assert!(t.contains('⋯'), "{t}");
            assert!(t.contains("48.75") || t.contains("98.75"), "{t}");
        }
    }

    #[test]
    fn a_tall_matrix_elides_middle_rows_and_keeps_the_last() {
        let v = Array2::from_shape_fn((50, 2), |(i, _)| i as f64);
        let g = grid(&v, 5, 60, &ctx(60));
        assert_eq!(g.len(), 5);
        assert!(line_text(&g[3]).contains('⋮'));
        assert!(line_text(&g[4]).contains("49"));
    }
}
