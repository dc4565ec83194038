//! A `text` step: wrapped prose with emphasis, lists and inline math.

use ratatui::text::Line;

use super::ViewCtx;
use crate::lesson::Text;
use crate::tui::prose;

#[must_use]
pub fn lines(t: &Text, ctx: &ViewCtx) -> Vec<Line<'static>> {
    prose::lines(t.get(ctx.lang), usize::from(ctx.width), ctx.theme)
}
