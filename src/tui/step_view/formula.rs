//! A `formula` step: each formula drawn in 2-D and centred, a blank line
//! between them, then the caption.

use ratatui::text::{Line, Span};

use super::ViewCtx;
use crate::formula::{RenderOptions, render_or_source};
use crate::lesson::Text;
use crate::tui::prose;

#[must_use]
pub fn lines(tex: &[String], caption: Option<&Text>, ctx: &ViewCtx) -> Vec<Line<'static>> {
    let width = usize::from(ctx.width);
    let mut out = Vec::new();
    for t in tex {
        out.extend(formula_lines(t, width, ctx));
        out.push(Line::default());
    }
    if let Some(c) = caption {
        out.extend(prose::lines(c.get(ctx.lang), width, ctx.theme));
    }
    out
}

/// One formula, centred in `width` columns (a formula wider than that is
/// broken at `=` or `+` by the renderer, or shown from its left edge).
#[must_use]
pub fn formula_lines(tex: &str, width: usize, ctx: &ViewCtx) -> Vec<Line<'static>> {
    let opts = RenderOptions {
        glyphs: ctx.theme.glyphs(),
        width: width.saturating_sub(4).max(10),
    };
    let r = render_or_source(tex, &opts);
    let pad = " ".repeat(width.saturating_sub(r.width) / 2);
    r.lines
        .iter()
        .map(|l| {
            Line::from(vec![
                Span::raw(pad.clone()),
                Span::styled(l.trim_end().to_string(), ctx.theme.math()),
            ])
        })
        .collect()
}
