//! The help overlay: every key of the screen underneath (from the same key
//! table the keys work by) and what each panel means. It sits inside the
//! body, below the top bar (which a class must always see) and above the
//! footer, and scrolls with j/k when it is longer than the body.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::app::App;
use super::keymap::{self, Context, keys_label};
use super::prose::wrap_styled;
use crate::words::shell_words as labels;

/// Rows above the overlay: the top bar (two lines on a lesson, one on the
/// list; the lesson's second line is left visible too).
const TOP: u16 = 2;
/// Rows below it: the footer.
const BOTTOM: u16 = 1;

/// The part of the screen the overlay may cover: all but the top bar and
/// the footer.
#[must_use]
pub fn room(area: Rect) -> Rect {
    Rect {
        y: area.y.saturating_add(TOP),
        height: area.height.saturating_sub(TOP + BOTTOM),
        ..area
    }
}

/// A box `width` wide, tall enough for `lines` lines and its border (at
/// most `area`'s height), centred in `area`: where an overlay is drawn.
#[must_use]
pub fn centred(area: Rect, width: u16, lines: usize) -> Rect {
    let height = u16::try_from(lines + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(popup);
    popup
}

/// Clears `popup` for an overlay. A double-width character just left of it
/// would cover the overlay's left border (the terminal draws both of its
/// columns), so it gives way to a blank.
pub fn clear(popup: Rect, buf: &mut Buffer) {
    if popup.x > 0 {
        for y in popup.top()..popup.bottom() {
            if let Some(cell) = buf.cell_mut((popup.x - 1, y))
                && cell.symbol().width() > 1
            {
                cell.set_symbol(" ");
            }
        }
    }
    Clear.render(popup, buf);
}

/// The overlay's width in `area`.
#[must_use]
pub fn width(area: Rect) -> u16 {
    area.width.saturating_sub(4).min(76)
}

/// The help's lines for a text `inner_w` columns wide.
fn lines(app: &App, inner_w: usize) -> Vec<Line<'static>> {
    let (t, l) = (app.theme, labels(app.lang));
    let ctx = app.screen_context();
    let mut bindings = keymap::bindings(ctx).to_vec();
    bindings.extend(super::class_ui::bindings(app, ctx));
    let keys: Vec<String> = bindings
        .iter()
        .map(|b| keys_label(b.keys, t.ascii))
        .collect();
    let key_w = keys.iter().map(|k| k.width()).max().unwrap_or(0).max(6);
    let mut lines: Vec<Line> = Vec::new();
    let mut key_line = |k: &str, what: &str| {
        let indent = " ".repeat(key_w + 2);
        let first = format!("{k:<key_w$}  ");
        let what = if t.ascii {
            crate::text::ascii::fold(what).into_owned()
        } else {
            what.to_string()
        };
        let wrapped = wrap_styled(
            &[(what, ratatui::style::Style::new())],
            inner_w.saturating_sub(key_w + 2).max(10),
            "",
            "",
        );
        for (i, mut w) in wrapped.into_iter().enumerate() {
            let lead = if i == 0 {
                first.clone()
            } else {
                indent.clone()
            };
            w.spans.insert(0, Span::styled(lead, t.key()));
            lines.push(w);
        }
    };
    for (b, k) in bindings.iter().zip(&keys) {
        let what = b.msg.describe(app.lang, false);
        if t.ascii {
            key_line(k, &crate::text::ascii::fold(what));
        } else {
            key_line(k, what);
        }
    }
    key_line(
        "Ctrl-C",
        crate::tui::message::Message::Quit.describe(app.lang, false),
    );
    let mut notes: Vec<String> = Vec::new();
    match ctx {
        Context::Lesson | Context::Train | Context::Compare | Context::Picture | Context::Quiz => {
            notes.extend(l.help_panels.iter().map(|p| (*p).to_string()));
        }
        Context::Home => {
            notes.push(crate::words::course::finished_meaning(
                app.lang,
                t.symbols().check,
            ));
        }
        Context::Jump | Context::Help | Context::Answer | Context::Confirm | Context::Predict => {}
    }
    if !notes.is_empty() {
        lines.push(Line::default());
    }
    for p in notes {
        let p = if t.ascii {
            crate::text::ascii::fold(&p).into_owned()
        } else {
            p
        };
        lines.extend(wrap_styled(&[(p, t.dim())], inner_w, "", ""));
    }
    lines
}

/// How far the help can scroll at the app's size.
#[must_use]
pub fn max_scroll(app: &App) -> u16 {
    let area = room(Rect::new(0, 0, app.size.width, app.size.height));
    let inner_w = usize::from(width(area).saturating_sub(4));
    let n = lines(app, inner_w).len();
    let shown = usize::from(area.height.saturating_sub(2));
    u16::try_from(n.saturating_sub(shown)).unwrap_or(u16::MAX)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let (t, l) = (app.theme, labels(app.lang));
    let sym = t.symbols();
    let area = room(area);
    let width = width(area);
    let lines = lines(app, usize::from(width.saturating_sub(4)));
    let popup = centred(area, width, lines.len());
    let shown = usize::from(popup.height.saturating_sub(2));
    let top = usize::from(app.help_scroll).min(lines.len().saturating_sub(shown));
    let below = lines.len().saturating_sub(top + shown);
    let more = l.more;
    let mut block = Block::bordered()
        .border_set(t.border())
        .border_style(t.key())
        .title(Span::styled(format!(" {} ", l.help_title), t.title()));
    if top > 0 {
        let m = format!(" {} {top} {more} (k) ", sym.more_above);
        block = block.title(Line::from(Span::styled(m, t.key())).right_aligned());
    }
    block = if below > 0 {
        let m = format!(" {} {below} {more} (j) ", sym.more_below);
        block.title_bottom(Line::from(Span::styled(m, t.key())).right_aligned())
    } else {
        block.title_bottom(
            Line::from(Span::styled(format!(" {} ", l.help_close), t.dim())).right_aligned(),
        )
    };
    clear(popup, buf);
    let inner = block.inner(popup).inner(Margin::new(1, 0));
    block.render(popup, buf);
    let visible: Vec<Line> = lines.into_iter().skip(top).take(shown).collect();
    Paragraph::new(visible).render(inner, buf);
}
