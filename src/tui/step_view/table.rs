//! A `table` step: the plain runner's table layout (cells wrapped to fit,
//! Chinese aligned by display width), with a bold header and a drawn rule.

use ratatui::text::{Line, Span};

use super::ViewCtx;
use crate::lesson::{Table, Text};
use crate::text::table as plain_table;

#[must_use]
pub fn lines(t: &Table, ctx: &ViewCtx) -> Vec<Line<'static>> {
    let cell = |c: &Text| {
        let s = c.get(ctx.lang);
        if ctx.theme.ascii {
            crate::text::ascii::fold(s).into_owned()
        } else {
            s.to_string()
        }
    };
    let cells = |row: &[Text]| -> Vec<String> { row.iter().map(cell).collect() };
    let rows: Vec<Vec<String>> = t.rows.iter().map(|r| cells(r)).collect();
    let header = cells(&t.header);
    styled(
        &plain_table::render(&header, &rows, usize::from(ctx.width)),
        ctx,
    )
}

/// Styles a plain table: lines above the rule are the header.
#[must_use]
pub fn styled(text: &str, ctx: &ViewCtx) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let is_rule = |l: &str| !l.trim().is_empty() && l.chars().all(|c| c == '-' || c == ' ');
    let mut in_header = text.lines().any(is_rule);
    text.lines()
        .map(|l| {
            if is_rule(l) && in_header {
                in_header = false;
                let rule = l.replace('-', theme.symbols().rule);
                Line::from(Span::styled(rule, theme.dim()))
            } else if in_header {
                Line::from(Span::styled(l.to_string(), theme.title()))
            } else {
                Line::from(l.to_string())
            }
        })
        .collect()
}
