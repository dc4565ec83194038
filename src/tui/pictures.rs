//! Character-grid pictures ([`crate::text::plot::Grid`]) on screen: as page
//! lines (scrolling with the page) or painted into a bordered panel, each
//! glyph coloured by what it stands for. The glyphs alone carry the meaning,
//! so NO_COLOR and `--ascii` read the same.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use crate::text::plot::{Grid, marks};

/// What kind of picture, for its colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Palette {
    /// Regions and class samples (`o x + #`), borders.
    Classes,
    /// Unit curves (`1 2 3 …`), the fit (`*`), samples.
    Units,
    /// Capacity: curves (`- * ~`), training and validation points.
    Capacity,
}

const CLASS_COLORS: [Color; 4] = [Color::Cyan, Color::Yellow, Color::Magenta, Color::Green];
const UNIT_COLORS: [Color; 6] = [
    Color::Cyan,
    Color::Yellow,
    Color::Magenta,
    Color::Green,
    Color::Blue,
    Color::LightRed,
];

/// The style of one glyph of a picture (plain when colour is off).
#[must_use]
pub fn style(palette: Palette, glyph: char, color: bool) -> Style {
    if !color {
        return match glyph {
            ' ' => Style::default(),
            _ if is_shade(glyph) => Style::default().add_modifier(Modifier::DIM),
            _ => Style::default(),
        };
    }
    let fg = |c: Color| Style::default().fg(c);
    match palette {
        Palette::Classes => match marks::CLASS_POINTS.iter().position(|g| *g == glyph) {
            Some(k) => fg(CLASS_COLORS[k]).add_modifier(Modifier::BOLD),
            None if is_shade(glyph) => (1..4)
                .find(|k| marks::shade(*k, false) == glyph || marks::shade(*k, true) == glyph)
                .map_or_else(Style::default, |k| {
                    fg(CLASS_COLORS[k]).add_modifier(Modifier::DIM)
                }),
            None => fg(Color::White).add_modifier(Modifier::BOLD),
        },
        Palette::Units => match glyph {
            marks::FIT => fg(Color::Red).add_modifier(Modifier::BOLD),
            '1'..='9' => fg(UNIT_COLORS[(glyph as usize - '1' as usize) % UNIT_COLORS.len()]),
            'a'..='z' => fg(UNIT_COLORS[(glyph as usize - 'a' as usize + 3) % UNIT_COLORS.len()]),
            _ => fg(Color::DarkGray),
        },
        Palette::Capacity => match glyph {
            '-' => fg(Color::Blue),
            '*' => fg(Color::Green).add_modifier(Modifier::BOLD),
            '~' => fg(Color::Red),
            marks::VALIDATION => fg(Color::Yellow),
            _ => fg(Color::Cyan).add_modifier(Modifier::BOLD),
        },
    }
}

fn is_shade(glyph: char) -> bool {
    (1..4).any(|k| marks::shade(k, false) == glyph || marks::shade(k, true) == glyph)
}

/// Lines of text (a framed grid) as styled page lines: runs of one glyph
/// share a span.
#[must_use]
pub fn styled_lines(lines: &[String], palette: Palette, color: bool) -> Vec<Line<'static>> {
    lines
        .iter()
        .map(|l| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            let mut run = String::new();
            let mut run_style = Style::default();
            for ch in l.chars() {
                let s = style(palette, ch, color);
                if s != run_style && !run.is_empty() {
                    spans.push(Span::styled(std::mem::take(&mut run), run_style));
                }
                run_style = s;
                run.push(ch);
            }
            if !run.is_empty() {
                spans.push(Span::styled(run, run_style));
            }
            Line::from(spans)
        })
        .collect()
}

/// Paints the grid's cells into `area` (top-left aligned, clipped).
pub fn paint(grid: &Grid, area: Rect, buf: &mut Buffer, palette: Palette, color: bool) {
    for r in 0..grid.rows.min(usize::from(area.height)) {
        for c in 0..grid.cols.min(usize::from(area.width)) {
            let g = grid.get(c, r);
            if g == ' ' {
                continue;
            }
            let (x, y) = (area.x + c as u16, area.y + r as u16);
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.set_char(g).set_style(style(palette, g, color));
            }
        }
    }
}
