//! The help overlay: every key of the screen underneath (from the same key
//! table the keys work by) and what each panel means.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::app::App;
use super::keymap::{self, Context, keys_label};
use super::prose::wrap_styled;
use crate::words::shell_words as labels;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let (t, l) = (app.theme, labels(app.lang));
    let ctx = app.screen_context();
    let width = area.width.saturating_sub(4).min(76);
    let inner_w = usize::from(width.saturating_sub(4));
    let bindings = keymap::bindings(ctx);
    let keys: Vec<String> = bindings
        .iter()
        .map(|b| keys_label(b.keys, t.ascii))
        .collect();
    let key_w = keys.iter().map(|k| k.width()).max().unwrap_or(0);
    let mut lines: Vec<Line> = (bindings.iter().zip(&keys))
        .map(|(b, k)| {
            Line::from(vec![
                Span::styled(format!("{k:<key_w$}  "), t.key()),
                Span::raw(b.msg.describe(app.lang, false)),
            ])
        })
        .collect();
    lines.push(Line::from(vec![
        Span::styled(format!("{:<key_w$}  ", "Ctrl-C"), t.key()),
        Span::raw(crate::tui::message::Message::Quit.describe(app.lang, false)),
    ]));
    if ctx == Context::Lesson {
        lines.push(Line::default());
        for p in l.help_panels {
            lines.extend(wrap_styled(&[((*p).to_string(), t.dim())], inner_w, "", ""));
        }
    }
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(popup);
    Clear.render(popup, buf);
    let block = Block::bordered()
        .border_set(t.border())
        .border_style(t.key())
        .title(Span::styled(format!(" {} ", l.help_title), t.title()))
        .title_bottom(
            Line::from(Span::styled(format!(" {} ", l.help_close), t.dim())).right_aligned(),
        );
    let inner = block.inner(popup).inner(Margin::new(1, 0));
    block.render(popup, buf);
    Paragraph::new(lines).render(inner, buf);
}
