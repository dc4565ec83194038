//! The hidden-unit view of a two-layer run, live as it trains: for
//! one-input regression each unit's term w2ᵢ·aᵢ(x) and their sum (the fit)
//! over the samples; for two-input classification the samples in input
//! space over the regions beside the same samples in hidden space, where
//! the last layer's boundary is a straight line. The numbers come from
//! [`crate::session::hidden`]; this file only lays them out.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::Look;
use crate::engine::Dense;
use crate::lesson::Lang;
use crate::session::hidden::{self, HiddenView, Planes, RegionGrid};
use crate::spec::Resolved;
use crate::text::plot::marks;
use crate::tui::pictures::{Palette, styled_lines};
use crate::words::hidden::{self as hw, hidden_words};
use crate::words::train_words;

/// Rows a framed grid adds around its cells: the y label above, the axis
/// rule, the x bounds and the x label below.
const FRAME_ROWS: u16 = 4;
/// Columns the y bound labels and the axis take on the left.
const LABEL_COLS: u16 = 7;

/// Draws the view of `run` with parameters `layers` into `area`.
pub fn render(
    area: Rect,
    buf: &mut Buffer,
    run: &Resolved,
    layers: &[Dense],
    look: Look,
    lang: Lang,
) {
    let w = hidden_words(lang);
    // Cells for a plane: half the width less borders and labels.
    let plane_cols = usize::from((area.width / 2).saturating_sub(LABEL_COLS + 3)).max(4);
    let grid_rows = usize::from(area.height.saturating_sub(FRAME_ROWS + 3)).max(2);
    let curve_cols = usize::from(area.width.saturating_sub(LABEL_COLS + 3)).max(4);
    match hidden::view(run, layers, curve_cols * 2, (plane_cols, grid_rows)) {
        Ok(HiddenView::Curves(c)) => {
            let block = look.block(&format!(" {} ", w.units_title));
            let inner = block.inner(area);
            block.render(area, buf);
            let rows = usize::from(inner.height.saturating_sub(FRAME_ROWS + 1)).max(2);
            let g = hidden::curves_picture(&c, curve_cols, rows, look.ascii);
            let mut lines = styled_lines(
                &g.framed(&c.y_name, &c.x_name, look.ascii),
                Palette::Units,
                look.color,
            );
            let glyphs: Vec<char> = (0..c.terms.len()).map(marks::unit).collect();
            lines.push(Line::from(hw::curve_legend(
                lang,
                &glyphs,
                marks::FIT,
                marks::sample(look.ascii),
            )));
            Paragraph::new(lines).render(inner, buf);
        }
        Ok(HiddenView::Planes(p)) => planes(area, buf, &p, look, lang),
        Ok(HiddenView::Unsupported) | Err(_) => {
            Paragraph::new(w.unsupported)
                .wrap(ratatui::widgets::Wrap { trim: true })
                .block(look.block(&format!(" {} ", w.units_title)))
                .render(area, buf);
        }
    }
}

fn plane(
    area: Rect,
    buf: &mut Buffer,
    g: &RegionGrid,
    (title, x, y): (&str, &str, &str),
    border: bool,
    look: Look,
) {
    let block = look.block(&format!(" {title} "));
    let inner = block.inner(area);
    block.render(area, buf);
    let pic = hidden::region_picture(g, look.ascii, border);
    let lines = styled_lines(&pic.framed(y, x, look.ascii), Palette::Classes, look.color);
    Paragraph::new(lines).render(inner, buf);
}

fn planes(area: Rect, buf: &mut Buffer, p: &Planes, look: Look, lang: Lang) {
    let w = hidden_words(lang);
    let [body, legend] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    let [left, right] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(body);
    plane(
        left,
        buf,
        &p.input,
        (w.input_space, &p.inputs[0], &p.inputs[1]),
        false,
        look,
    );
    let title = hw::hidden_space_title(lang, p.axes, p.units);
    let (ax, ay) = (hw::axis_name(p.axes[0]), hw::axis_name(p.axes[1]));
    plane(right, buf, &p.hidden, (&title, &ax, &ay), true, look);
    let classes: Vec<String> = (p.classes.iter().enumerate())
        .map(|(k, c)| format!("{} {}", marks::point(k), crate::text::number::plain(*c, 6)))
        .collect();
    let text = format!(
        "{}: {}   {} {}",
        train_words(lang).samples,
        classes.join("  "),
        marks::border(look.ascii),
        w.boundary
    );
    Paragraph::new(text).render(legend, buf);
}
