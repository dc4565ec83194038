//! The `compare` step view: several runs on the same data on one screen —
//! their loss curves on one chart and a results table (epochs and iterations
//! to reach eps, final loss, parameters) that fills in as the runs finish.

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Widget};

use crate::lesson::Lang;
use crate::session::{Comparison, RunRow};
use crate::text::number;
use crate::tui::dashboard::{DashKey, Look};
use crate::words::{self, Done, train_words};

const COLORS: [Color; 6] = [
    Color::Cyan,
    Color::Yellow,
    Color::Magenta,
    Color::Green,
    Color::Red,
    Color::Blue,
];

/// The view of one compare step: the session's [`Comparison`], drawn.
pub struct CompareView {
    comparison: Comparison,
    look: Look,
    /// Whether every run's parameters are listed in full (instead of the
    /// loss chart).
    expanded: bool,
}

impl CompareView {
    #[must_use]
    pub fn new(comparison: Comparison, look: Look) -> Self {
        Self {
            comparison,
            look,
            expanded: false,
        }
    }

    /// The comparison shown.
    #[must_use]
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }

    /// The comparison shown, to move it (a class learner follows the
    /// instructor's).
    pub fn comparison_mut(&mut self) -> &mut Comparison {
        &mut self.comparison
    }

    #[must_use]
    pub fn animating(&self) -> bool {
        self.comparison.playing()
    }

    /// Space plays/pauses all runs, `n` advances each by an epoch, `r` restarts.
    pub fn key(&mut self, key: DashKey) -> Option<Done> {
        let c = &mut self.comparison;
        match key {
            DashKey::PlayPause => Some(if c.toggle_play() {
                Done::PlayAll
            } else if c.finished() {
                Done::AllFinished
            } else {
                Done::Pause
            }),
            DashKey::Epoch => Some(match c.step_epoch() {
                Ok(()) => Done::EpochAll,
                Err(e) => Done::EngineFailed(Box::new(e)),
            }),
            DashKey::Restart | DashKey::NewSeed => {
                c.restart();
                Some(Done::RestartAll)
            }
            DashKey::CyclePanel => {
                self.expanded = !self.expanded;
                Some(Done::RunParams(self.expanded))
            }
            _ => None,
        }
    }

    /// Advances a playing comparison within `budget`.
    pub fn tick(&mut self, now: Instant, budget: Duration) -> bool {
        self.comparison.tick(now, budget)
    }

    /// Draws the chart and the table in `lang`.
    pub fn render(&self, area: Rect, buf: &mut Buffer, lang: Lang) {
        let rows = self.comparison.runs().len() as u16 + 3;
        let [chart, table] =
            Layout::vertical([Constraint::Min(6), Constraint::Length(rows)]).areas(area);
        let rows = self.comparison.rows();
        if self.expanded {
            // The parameters take the whole height: the table's numbers are
            // one key away.
            self.render_params(area, buf, lang, &rows);
        } else {
            self.render_chart(chart, buf, lang, &rows);
            self.render_table(table, buf, lang, &rows);
        }
        if self.look.ascii {
            crate::tui::dashboard::asciify(area, buf);
        }
    }

    fn render_chart(&self, area: Rect, buf: &mut Buffer, lang: Lang, rows: &[RunRow]) {
        let series: Vec<Vec<(f64, f64)>> = (self.comparison.runs().iter())
            .map(|r| {
                r.trainer
                    .history()
                    .iter()
                    .filter(|h| h.train_loss > 0.0 && h.train_loss.is_finite())
                    .map(|h| (h.epoch as f64, h.train_loss.log10()))
                    .collect()
            })
            .collect();
        let x_max = series
            .iter()
            .flat_map(|s| s.last())
            .map(|p| p.0)
            .fold(1.0, f64::max);
        let (lo, hi) = series
            .iter()
            .flatten()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
                (a.min(p.1), b.max(p.1))
            });
        let (lo, hi) = if lo.is_finite() && hi > lo {
            (lo, hi)
        } else {
            (-3.0, 1.0)
        };
        let sets: Vec<Dataset> = series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                Dataset::default()
                    // The legend names each run's marker, for NO_COLOR.
                    .name(format!(
                        "{} {} ",
                        MARKER_GLYPHS[i % MARKER_GLYPHS.len()],
                        rows[i].name.get(lang)
                    ))
                    .marker(MARKERS[i % MARKERS.len()])
                    .graph_type(GraphType::Line)
                    .style(self.look.fg(COLORS[i % COLORS.len()]))
                    .data(s)
            })
            .collect();
        let title = format!(" {} ", train_words(lang).compare_loss);
        Chart::new(sets)
            .block(self.look.block(&title))
            .x_axis(
                Axis::default()
                    .bounds([0.0, x_max])
                    .labels(vec![Span::raw("0"), Span::raw(format!("{x_max:.0} "))]),
            )
            .hidden_legend_constraints((Constraint::Ratio(1, 2), Constraint::Ratio(1, 1)))
            .y_axis(Axis::default().bounds([lo, hi]).labels(vec![
                Span::raw(format!("{} ", crate::tui::dashboard::log_label(lo))),
                Span::raw(format!("{} ", crate::tui::dashboard::log_label(hi))),
            ]))
            .render(area, buf);
    }

    /// Every run's parameters in full, layer by layer, wrapped to the width.
    fn render_params(&self, area: Rect, buf: &mut Buffer, lang: Lang, rows: &[RunRow]) {
        let width = usize::from(area.width.saturating_sub(2));
        let mut lines = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            let style = self.look.fg(COLORS[i % COLORS.len()]);
            lines.push(Line::styled(
                format!(
                    "{} {}",
                    MARKER_GLYPHS[i % MARKER_GLYPHS.len()],
                    r.name.get(lang)
                ),
                style.add_modifier(Modifier::BOLD),
            ));
            for item in r.param_lines() {
                for l in crate::text::wrap(&item, width, "  ", "    ") {
                    lines.push(Line::styled(l, style));
                }
            }
        }
        let hw = crate::words::hidden::hidden_words(lang);
        let title = format!(" {} · p {} ", hw.parameters, hw.hide_params);
        Paragraph::new(lines)
            .block(self.look.block(&title))
            .render(area, buf);
    }

    fn render_table(&self, area: Rect, buf: &mut Buffer, lang: Lang, rows: &[RunRow]) {
        let w = train_words(lang);
        let classify = rows.iter().any(|r| r.classify);
        let metric = if classify { w.acc } else { "" };
        let head = [
            w.run,
            w.batch,
            w.epochs,
            w.iters,
            w.loss,
            metric,
            w.parameters,
            w.status,
        ];
        // A column of space before the right edge keeps the last cell off it.
        let width = usize::from(area.width.saturating_sub(3));
        let widths = column_widths(width, classify);
        let mut lines = vec![Line::styled(
            row(&head.map(String::from), &widths),
            Style::default().add_modifier(Modifier::BOLD),
        )];
        let params_w = widths[6];
        // The loss column has one precision, so its decimal points line up.
        let losses: Vec<f64> = rows.iter().filter_map(|r| r.loss).collect();
        let mut losses = number::column(&losses, 8, 5).into_iter();
        for (i, r) in rows.iter().enumerate() {
            // The run's line marker: the chart's legend does not fit a
            // short chart, and NO_COLOR has only the marks.
            let cells = [
                format!(
                    "{} {}",
                    MARKER_GLYPHS[i % MARKER_GLYPHS.len()],
                    r.name.get(lang)
                ),
                words::train::batch_label(lang, &r.batch),
                r.epoch.to_string(),
                r.iteration.to_string(),
                r.loss
                    .and_then(|_| losses.next())
                    .map_or(String::new(), |l| format!("{l:>8}")),
                match (classify, r.metric) {
                    (true, Some(m)) => format!("{:.1}%", m * 100.0),
                    _ => String::new(),
                },
                params_cell(&r.params, params_w),
                words::train::run_status(lang, r.status),
            ];
            lines.push(Line::styled(
                row(&cells, &widths),
                self.look.fg(COLORS[i % COLORS.len()]),
            ));
        }
        let hw = crate::words::hidden::hidden_words(lang);
        let title = if self.expanded {
            format!(" {} ", w.results)
        } else {
            format!(" {} · p {} ", w.results, hw.show_params)
        };
        Paragraph::new(lines)
            .block(self.look.block(&title))
            .render(area, buf);
    }
}

/// A line style per run, so the chart reads without colour too.
const MARKERS: [Marker; 4] = [Marker::Braille, Marker::Dot, Marker::Bar, Marker::Block];

/// What each marker draws, for the legend (ASCII mode turns them into
/// `.`, `*`, `=` and `#`, still distinct).
const MARKER_GLYPHS: [&str; 4] = ["⣿", "•", "▄", "█"];

/// The widths of the table's columns in `width`; the parameters column
/// takes what the others leave. The accuracy column is there for
/// classifiers only (width 0 otherwise).
fn column_widths(width: usize, classify: bool) -> [usize; 8] {
    let mut w = [14usize, 6, 6, 6, 8, if classify { 6 } else { 0 }, 0, 16];
    let fixed: usize = w.iter().sum::<usize>() + w.iter().filter(|c| **c > 0).count();
    // The parameters column keeps at least 6 cells; on a narrow screen the
    // status column gives them up (and its words end in `…`).
    const MIN_PARAMS: usize = 6;
    let room = width.saturating_sub(fixed);
    if room < MIN_PARAMS {
        w[7] = w[7].saturating_sub(MIN_PARAMS - room).max(1);
    }
    w[6] = room.max(MIN_PARAMS);
    w
}

/// As many parameters as fit in `width`, each rounded to fit (never cut
/// mid-digits), and `…` when some are left out.
fn params_cell(params: &[f64], width: usize) -> String {
    let mut out = String::new();
    for (i, v) in params.iter().enumerate() {
        let item = number::fit(*v, 7, 3);
        let sep = if out.is_empty() { "" } else { " " };
        let reserve = if i + 1 < params.len() { 2 } else { 0 };
        if out.len() + sep.len() + item.len() + reserve > width {
            out.push_str(if out.is_empty() { "…" } else { " …" });
            return out;
        }
        out.push_str(sep);
        out.push_str(&item);
    }
    out
}

/// One table row in `width` columns. Cells are fitted by display width
/// (Chinese counts as two) and end in `…` when cut.
fn row(cells: &[String], widths: &[usize]) -> String {
    (widths.iter().zip(cells))
        .filter(|(w, _)| **w > 0)
        .map(|(w, c)| fit(c, *w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn fit(s: &str, w: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let cut = crate::tui::text_fit::truncate(s, w);
    let used = cut.width();
    cut + &" ".repeat(w.saturating_sub(used))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_rounded_and_left_out_whole() {
        assert_eq!(params_cell(&[-34.7391, 393.5171], 20), "-34.739 393.517");
        assert_eq!(params_cell(&[-34.7391, 393.5171, 1.0], 12), "-34.739 …");
        assert_eq!(fit("inputs and price", 14), "inputs and pr…");
    }
}
