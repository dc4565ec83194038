//! The state code box: the screen's code in large enough letters to copy by
//! hand, how to come back with it, and that it went to the clipboard.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::app::App;
use super::prose::wrap_styled;
use crate::words::code_words;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(code) = &app.code else {
        return;
    };
    let (t, w) = (app.theme, code_words(app.lang));
    let width = super::help::width(area);
    let inner_w = usize::from(width.saturating_sub(4));
    let mut lines = Vec::new();
    // A long code (a run with many changes) breaks after a dash.
    let mut row = String::new();
    for part in code.split_inclusive('-') {
        if !row.is_empty() && row.len() + part.len() > inner_w {
            lines.push(Line::from(Span::styled(
                std::mem::take(&mut row),
                t.title(),
            )));
        }
        row.push_str(part);
    }
    lines.push(Line::from(Span::styled(row, t.title())));
    lines.push(Line::default());
    for text in [w.reopen, w.copied] {
        lines.extend(wrap_styled(&[(text.to_string(), t.dim())], inner_w, "", ""));
    }
    let popup = super::help::centred(area, width, lines.len());
    super::help::clear(popup, buf);
    let block = Block::bordered()
        .border_set(t.border())
        .border_style(t.key())
        .title(Span::styled(format!(" {} ", w.title), t.title()))
        .title_bottom(Line::from(Span::styled(format!(" {} ", w.close), t.dim())).right_aligned());
    let inner = block.inner(popup).inner(Margin::new(1, 0));
    block.render(popup, buf);
    Paragraph::new(lines).render(inner, buf);
}
