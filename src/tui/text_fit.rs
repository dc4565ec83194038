//! Fitting one-line texts into a width counted in terminal columns: bars
//! with a left and a right part, and footers that drop keys rather than
//! overflow.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::app::App;
use super::keymap::{Binding, keys_label};

pub use crate::text::truncate;

/// A full-width line: `left` in `style`, `right` flush right in
/// `right_style`; the left part is cut when both do not fit.
#[must_use]
pub fn bar_line(
    left: &str,
    right: &str,
    width: u16,
    style: Style,
    right_style: Style,
) -> Line<'static> {
    let width = usize::from(width);
    let right = truncate(right, width);
    let room = width.saturating_sub(right.width());
    let left = truncate(left, room);
    let gap = room.saturating_sub(left.width());
    Line::from(vec![
        Span::styled(left, style),
        Span::styled(" ".repeat(gap), style),
        Span::styled(right, right_style),
    ])
}

/// The footer: `key what` pairs for the bindings that name footer keys,
/// as many as fit, always keeping help and the last one (how to leave).
#[must_use]
pub fn footer_line(bindings: &[Binding], app: &App, width: u16) -> Line<'static> {
    let theme = app.theme;
    let items: Vec<(&Binding, String, String)> = (bindings.iter())
        .filter(|b| !b.footer.is_empty())
        .map(|b| {
            let keys = keys_label(b.footer, theme.ascii);
            (b, keys, b.msg.describe(app.lang, true).to_string())
        })
        .collect();
    // An item is drawn as `key what  `.
    let cost = |k: &str, w: &str| k.width() + 1 + w.width() + 2;
    let pinned = |i: usize, b: &Binding| {
        i + 1 == items.len() || b.msg == super::message::Message::ToggleHelp
    };
    let mut room = usize::from(width).saturating_sub(1);
    for (i, (b, k, w)) in items.iter().enumerate() {
        if pinned(i, b) {
            room = room.saturating_sub(cost(k, w));
        }
    }
    let mut spans = vec![Span::raw(" ")];
    for (i, (b, k, w)) in items.iter().enumerate() {
        if !pinned(i, b) {
            if cost(k, w) > room {
                continue;
            }
            room -= cost(k, w);
        }
        spans.push(Span::styled(k.clone(), theme.key()));
        spans.push(Span::styled(format!(" {w}  "), theme.dim()));
    }
    Line::from(spans)
}

/// `lines` with every span spelt in ASCII when `ascii` (see
/// [`crate::text::ascii`]); for text laid out after this (wrapped or cut).
#[must_use]
pub fn ascii_lines(lines: Vec<Line<'static>>, ascii: bool) -> Vec<Line<'static>> {
    if !ascii {
        return lines;
    }
    lines
        .into_iter()
        .map(|mut l| {
            for span in &mut l.spans {
                if !span.content.is_ascii() {
                    span.content = crate::text::ascii::fold(&span.content).into_owned().into();
                }
            }
            l
        })
        .collect()
}

/// The ASCII stand-in of a one-cell glyph, for what is drawn before it can
/// be spelt out (chart widgets, cut marks): `None` when there is none.
#[must_use]
pub fn ascii_cell(c: char) -> Option<&'static str> {
    Some(match c {
        '│' | '┃' | '║' => "|",
        '─' | '━' | '═' => "-",
        '└' | '┘' | '┌' | '┐' | '├' | '┤' | '┬' | '┴' | '┼' => "+",
        '\u{2800}' => " ",
        '\u{2801}'..='\u{28ff}' | '·' => ".",
        '•' => "*",
        '█' => "#",
        '▄' | '▀' => "=",
        '▶' => ">",
        '◀' => "<",
        '❚' => "|",
        '…' => "~",
        '²' => "2",
        '×' => "x",
        '−' | '–' => "-",
        '“' | '”' => "\"",
        '‘' | '’' => "'",
        '₁' => "1",
        '₂' => "2",
        '⁽' => "(",
        '⁾' => ")",
        'Δ' => "D",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_chinese_as_two_columns() {
        assert_eq!(truncate("单变量线性回归", 7), "单变量…");
        assert_eq!(truncate("abc", 3), "abc");
    }

    #[test]
    fn a_bar_is_exactly_the_width() {
        let l = bar_line(
            "left side that is long",
            "step 3/15",
            20,
            Style::new(),
            Style::new(),
        );
        assert_eq!(l.width(), 20);
    }
}
