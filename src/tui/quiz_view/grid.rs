//! A matrix answer entered cell by cell; typing `[` in an empty grid
//! switches to pasting the whole matrix on one line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::lesson::Lang;
use crate::tui::dashboard::Look;
use crate::words;

/// Longest text of one cell.
const MAX_CELL: usize = 64;

#[derive(Clone, Debug, Default)]
pub(super) struct Grid {
    pub rows: usize,
    pub cols: usize,
    pub cells: Vec<String>,
    pub at: usize,
    /// Cells (row, col) the last answer got wrong, marked until the next one.
    pub wrong: Vec<(usize, usize)>,
}

impl Grid {
    pub fn new((rows, cols): (usize, usize)) -> Self {
        Self {
            rows,
            cols,
            cells: vec![String::new(); rows * cols],
            at: 0,
            wrong: Vec::new(),
        }
    }

    /// `hint`, `solution` (or 提示, 解答) when that is all that was typed.
    pub fn command(&self) -> Option<String> {
        let typed: Vec<&str> = (self.cells.iter())
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        match typed.as_slice() {
            [one] => match crate::session::Typed::read(one) {
                crate::session::Typed::Hint | crate::session::Typed::Solution => {
                    Some((*one).to_string())
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Empties the cell under the cursor.
    pub fn clear_current(&mut self) {
        if let Some(cell) = self.cells.get_mut(self.at) {
            cell.clear();
        }
    }

    /// The answer as the parser reads it: `a, b; c, d`.
    pub fn text(&self) -> String {
        self.cells
            .chunks(self.cols.max(1))
            .map(|row| {
                row.iter()
                    .map(|c| if c.trim().is_empty() { "?" } else { c.trim() })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }

    /// Moves the cursor by `by` cells, wrapping around.
    pub fn step(&mut self, by: isize) {
        let n = self.cells.len() as isize;
        self.at = (self.at as isize + by).rem_euclid(n.max(1)) as usize;
    }

    pub fn push(&mut self, c: char) {
        if let Some(cell) = self.cells.get_mut(self.at)
            && cell.len() < MAX_CELL
        {
            cell.push(c);
        }
    }

    pub fn pop(&mut self) {
        if let Some(cell) = self.cells.get_mut(self.at) {
            cell.pop();
        }
    }

    /// Draws the cells, the current one in reverse video.
    pub fn render(&self, area: Rect, buf: &mut Buffer, lang: Lang, look: Look) {
        let times = if look.ascii { "x" } else { "×" };
        let head = words::quiz::grid_head(lang, self.rows, self.cols, times);
        let mut lines = vec![Line::styled(
            head,
            Style::default().add_modifier(Modifier::BOLD),
        )];
        for r in 0..self.rows {
            let mut spans = vec![Span::raw("  [")];
            for c in 0..self.cols {
                let i = r * self.cols + c;
                let wrong = self.wrong.contains(&(r, c));
                let mark = match (wrong, look.ascii) {
                    (false, _) => " ",
                    (true, true) => "x",
                    (true, false) => "✗",
                };
                let text = format!("{:<8}", tail(&self.cells[i], 8));
                let mut style = if i == self.at {
                    Style::default().add_modifier(Modifier::REVERSED)
                } else {
                    Style::default()
                };
                if wrong {
                    style = style.patch(look.fg(ratatui::style::Color::Red));
                }
                spans.push(Span::styled(mark, look.fg(ratatui::style::Color::Red)));
                spans.push(Span::styled(text, style));
            }
            spans.push(Span::raw(" ]"));
            lines.push(Line::from(spans));
        }
        Paragraph::new(lines).render(area, buf);
    }
}

/// The end of `s` that fits in `width` characters.
pub(super) fn tail(s: &str, width: usize) -> String {
    let n = s.chars().count();
    s.chars().skip(n.saturating_sub(width)).collect()
}
