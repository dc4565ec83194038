//! Lesson prose as styled, wrapped lines: the markup's paragraphs and
//! bullets, with emphasis, code and one-line math styled. Wrapping is the
//! plain runner's (Chinese breaks between characters, counted two columns
//! wide); the styles are laid back onto the wrapped text afterwards.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::formula::render_inline;
use crate::lesson::markup::{self, Block, Inline};
use crate::text::wrap::wrap;

/// A run of text in one style.
pub type Segment = (String, Style);

/// `text` (in the lesson markup) as lines at most `width` columns wide,
/// blocks separated by a blank line (bullets of one list are not).
#[must_use]
pub fn lines(text: &str, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    let bullet = format!("{} ", theme.symbols().bullet);
    let indent = " ".repeat(bullet.chars().count());
    let mut prev_bullet = false;
    for block in markup::parse(text) {
        let (runs, is_bullet) = match &block {
            Block::Paragraph(r) => (r, false),
            Block::Bullet(r) => (r, true),
        };
        let same_list = is_bullet && prev_bullet;
        if !out.is_empty() && !same_list {
            out.push(Line::default());
        }
        let segs: Vec<Segment> = runs.iter().map(|r| segment(r, theme)).collect();
        let (first, rest) = if is_bullet {
            (bullet.as_str(), indent.as_str())
        } else {
            ("", "")
        };
        out.extend(wrap_styled(&segs, width, first, rest));
        prev_bullet = is_bullet;
    }
    out
}

fn segment(run: &Inline, theme: Theme) -> Segment {
    let text = |s: &str| {
        if theme.ascii {
            crate::text::ascii::fold(s).into_owned()
        } else {
            s.to_string()
        }
    };
    match run {
        Inline::Plain(s) => (text(s), Style::new()),
        Inline::Emphasis(s) => (text(s), theme.emphasis()),
        Inline::Code(s) => (text(s), theme.code()),
        Inline::Math(m) => (render_inline(m, theme.glyphs()), theme.math()),
    }
}

/// Wraps styled segments: the text is wrapped as a whole, then each
/// character of each line takes the style of the character it came from
/// (wrapping only drops spaces, so the two walk in step).
#[must_use]
pub fn wrap_styled(segs: &[Segment], width: usize, first: &str, rest: &str) -> Vec<Line<'static>> {
    let plain: String = segs.iter().map(|s| s.0.as_str()).collect();
    let source: Vec<(char, Style)> = segs
        .iter()
        .flat_map(|(t, st)| t.chars().map(move |c| (c, *st)))
        .collect();
    let mut i = 0;
    let mut out = Vec::new();
    for (k, line) in wrap(&plain, width.max(1), first, rest).iter().enumerate() {
        let prefix = if k == 0 { first } else { rest };
        let body = line.strip_prefix(prefix).unwrap_or(line);
        let mut spans = vec![Span::raw(prefix.to_string())];
        let mut run = String::new();
        let mut run_style = Style::new();
        for c in body.chars() {
            while i < source.len() && source[i].0 != c && source[i].0.is_whitespace() {
                i += 1;
            }
            let style = source.get(i).map_or(Style::new(), |s| s.1);
            i += 1;
            if style != run_style && !run.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut run), run_style));
            }
            run_style = style;
            run.push(c);
        }
        if !run.is_empty() {
            spans.push(Span::styled(run, run_style));
        }
        out.push(Line::from(spans));
    }
    out
}

/// The text of a line, for tests and measurements.
#[must_use]
pub fn line_text(line: &Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    const THEME: Theme = Theme {
        color: true,
        ascii: false,
    };

    #[test]
    fn emphasis_keeps_its_style_across_a_line_break() {
        let l = lines("aaa *bbb ccc* ddd", 8, THEME);
        assert_eq!(l.len(), 2);
        let styled: Vec<&Span> = l
            .iter()
            .flat_map(|l| &l.spans)
            .filter(|s| s.content.contains("ccc"))
            .collect();
        assert_eq!(styled[0].style, THEME.emphasis());
    }

    #[test]
    fn chinese_lines_fit_the_width_in_columns() {
        let l = lines(
            "我们有一百个样本，每个样本有一个输入值和一个观测值。",
            11,
            THEME,
        );
        for line in &l {
            assert!(
                UnicodeWidthStr::width(line_text(line).as_str()) <= 11,
                "{line:?}"
            );
        }
        assert!(l.len() >= 5);
    }

    #[test]
    fn bullets_are_indented_and_lists_are_not_spaced() {
        let l = lines("intro\n\n- one two three\n- four", 10, THEME);
        let text: Vec<String> = l.iter().map(line_text).collect();
        assert_eq!(text, ["intro", "", "• one two", "  three", "• four"]);
    }

    #[test]
    fn inline_math_is_drawn_on_one_line() {
        let l = lines("so $z = wx + b$.", 40, THEME);
        assert_eq!(line_text(&l[0]), "so z = wx+b.");
    }
}
