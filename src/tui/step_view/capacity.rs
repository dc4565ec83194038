//! A `capacity` step as a page: every degree's training and validation
//! loss, then the fitted curves of the lowest degree, the best on the
//! validation points and the highest, over both sets of points.

use ratatui::text::{Line, Span};

use super::ViewCtx;
use super::table::styled;
use crate::lesson::CapacityStep;
use crate::session::hidden;
use crate::text::plot::marks;
use crate::text::table as plain_table;
use crate::tui::pictures::{self, Palette};
use crate::words::hidden::{self as hw, hidden_words};

/// Rows of the picture: what fits beside the table on a 24-line screen is
/// too little, so the page scrolls to it.
const ROWS: usize = 12;

#[must_use]
pub fn lines(step: &CapacityStep, ctx: &ViewCtx) -> Vec<Line<'static>> {
    let (lang, theme) = (ctx.lang, ctx.theme);
    let w = hidden_words(lang);
    let cap = &step.result;
    let (best_val, best_train) = cap.best();
    let arrow = if theme.ascii { "<-" } else { "←" };
    let mark = |best: bool| {
        if best {
            format!(" {arrow} {}", w.lowest)
        } else {
            String::new()
        }
    };
    let header: Vec<String> = [w.degree, w.params, w.train_loss, w.val_loss]
        .iter()
        .map(|h| (*h).to_string())
        .collect();
    let rows: Vec<Vec<String>> = (cap.fits.iter().enumerate())
        .map(|(i, p)| {
            vec![
                p.degree.to_string(),
                (p.degree + 1).to_string(),
                format!("{:.5}{}", cap.train_loss[i], mark(p.degree == best_train)),
                format!("{:.5}{}", cap.val_loss[i], mark(p.degree == best_val)),
            ]
        })
        .collect();
    let width = usize::from(ctx.width);
    let mut out = vec![Line::from(Span::styled(
        w.capacity_title.to_string(),
        theme.title(),
    ))];
    out.extend(styled(&plain_table::render(&header, &rows, width), ctx));
    out.push(Line::from(hw::capacity_summary(lang, best_val, best_train)));
    out.push(Line::default());
    let degrees = hidden::capacity_degrees(cap);
    let cols = width.saturating_sub(10).clamp(16, 100);
    let g = hidden::capacity_picture(cap, &degrees, (cols, ROWS), theme.ascii);
    out.push(Line::from(Span::styled(
        w.fitted_curves.to_string(),
        theme.title(),
    )));
    out.extend(pictures::styled_lines(
        &g.framed("y", "x", theme.ascii),
        Palette::Capacity,
        theme.color,
    ));
    let mut legend: Vec<String> = (degrees.iter().zip(hidden::CAPACITY_CURVES))
        .map(|(d, g)| format!("{g} {}", hw::degree_name(lang, *d)))
        .collect();
    legend.push(format!(
        "{} {}",
        marks::sample(theme.ascii),
        w.training_points
    ));
    legend.push(format!("{} {}", marks::VALIDATION, w.validation_points));
    out.push(Line::from(legend.join("  ")));
    out
}
