//! Every style and glyph the screens use, in one place. Colours are the 16
//! ANSI ones only (they work in `TERM=screen`); with colour off (`NO_COLOR`)
//! every state is still shown by a glyph, bold or reverse video. `ascii`
//! swaps box drawing and math glyphs for plain ASCII.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::formula::Glyphs;

/// How the screens look. Built once from the command line and environment
/// and passed to the views (which never read the environment themselves).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Use colour (false under `NO_COLOR`).
    pub color: bool,
    /// ASCII borders, marks and formulas.
    pub ascii: bool,
}

/// Glyphs with an ASCII stand-in.
#[derive(Clone, Copy, Debug)]
pub struct Symbols {
    pub bullet: &'static str,
    /// Marks elided columns of a matrix.
    pub hellip: &'static str,
    /// Marks elided rows of a matrix.
    pub vellip: &'static str,
    /// Marks the lesson opened last.
    pub last_mark: &'static str,
    /// Points at the selected row.
    pub pointer: &'static str,
    pub times: &'static str,
    pub sep: &'static str,
    pub more_below: &'static str,
    pub more_above: &'static str,
    pub rule: &'static str,
    pub check: &'static str,
}

const UNICODE: Symbols = Symbols {
    bullet: "•",
    hellip: "⋯",
    vellip: "⋮",
    last_mark: "●",
    pointer: "▶",
    times: "×",
    sep: "·",
    more_below: "↓",
    more_above: "↑",
    rule: "─",
    check: "✓",
};

const ASCII: Symbols = Symbols {
    bullet: "*",
    hellip: "...",
    vellip: ":",
    last_mark: "*",
    pointer: ">",
    times: "x",
    sep: "-",
    more_below: "v",
    more_above: "^",
    rule: "-",
    check: "+",
};

/// Box drawing in plain ASCII.
const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    /// The theme for `ascii` and the value of `NO_COLOR` (any non-empty
    /// value turns colour off, per no-color.org).
    #[must_use]
    pub fn new(ascii: bool, no_color: Option<&str>) -> Self {
        Self {
            color: no_color.is_none_or(str::is_empty),
            ascii,
        }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    #[must_use]
    pub fn symbols(self) -> &'static Symbols {
        if self.ascii { &ASCII } else { &UNICODE }
    }

    #[must_use]
    pub fn border(self) -> border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            border::PLAIN
        }
    }

    #[must_use]
    pub fn glyphs(self) -> Glyphs {
        if self.ascii {
            Glyphs::Ascii
        } else {
            Glyphs::Unicode
        }
    }

    /// The top bar: where we are.
    #[must_use]
    pub fn bar(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    #[must_use]
    pub fn bar_strong(self) -> Style {
        self.bar().add_modifier(Modifier::BOLD)
    }

    /// The selected row of a list.
    #[must_use]
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    #[must_use]
    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    #[must_use]
    pub fn emphasis(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    #[must_use]
    pub fn code(self) -> Style {
        if self.color {
            self.fg(Color::Green)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    #[must_use]
    pub fn math(self) -> Style {
        self.fg(Color::Magenta)
    }

    /// Secondary text: captions' labels, hints, counts.
    #[must_use]
    pub fn dim(self) -> Style {
        if self.color {
            self.fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// A key name in the footer and the help.
    #[must_use]
    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// A negative value (its minus sign shows it without colour).
    #[must_use]
    pub fn negative(self) -> Style {
        self.fg(Color::Red)
    }

    /// A message the learner must not miss.
    #[must_use]
    pub fn warning(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    #[must_use]
    pub fn border_style(self) -> Style {
        self.fg(Color::Blue)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_set_and_non_empty_turns_colour_off() {
        assert!(Theme::new(false, None).color);
        assert!(Theme::new(false, Some("")).color);
        assert!(!Theme::new(false, Some("1")).color);
    }

    #[test]
    fn without_colour_no_style_has_a_colour() {
        let t = Theme::new(true, Some("1"));
        for s in [
            t.title(),
            t.emphasis(),
            t.code(),
            t.math(),
            t.dim(),
            t.key(),
            t.negative(),
        ] {
            assert_eq!((s.fg, s.bg), (None, None), "{s:?}");
        }
    }
}
