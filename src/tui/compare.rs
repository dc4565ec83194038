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
}

impl CompareView {
    #[must_use]
    pub fn new(comparison: Comparison, look: Look) -> Self {
        Self { comparison, look }
    }

    /// The comparison shown.
    #[must_use]
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
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
            } else {
                Done::Pause
            }),
            DashKey::Epoch => Some(match c.step_epoch() {
                Ok(()) => Done::EpochAll,
                Err(e) => Done::Failed(e.to_string()),
            }),
            DashKey::Restart | DashKey::NewSeed => {
                c.restart();
                Some(Done::RestartAll)
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
        self.render_chart(chart, buf, lang, &rows);
        self.render_table(table, buf, lang, &rows);
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
                    .name(rows[i].name.get(lang).to_string())
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
                    .labels(vec![Span::raw("0"), Span::raw(format!("{x_max:.0}"))]),
            )
            .y_axis(Axis::default().bounds([lo, hi]).labels(vec![
                Span::raw(format!("1e{lo:.1}")),
                Span::raw(format!("1e{hi:.1}")),
            ]))
            .render(area, buf);
    }

    fn render_table(&self, area: Rect, buf: &mut Buffer, lang: Lang, rows: &[RunRow]) {
        let w = train_words(lang);
        let head = [
            w.run,
            w.batch,
            w.epochs,
            w.iters,
            w.loss,
            w.parameters,
            w.status,
        ];
        let width = usize::from(area.width.saturating_sub(2));
        let mut lines = vec![Line::styled(
            row(&head.map(String::from), width),
            Style::default().add_modifier(Modifier::BOLD),
        )];
        for (i, r) in rows.iter().enumerate() {
            let params: Vec<String> = r.params.iter().take(4).map(|v| format!("{v:.3}")).collect();
            let cells = [
                format!(
                    "{} {}",
                    COLOR_GLYPHS[i % COLOR_GLYPHS.len()],
                    r.name.get(lang)
                ),
                words::train::batch_label(lang, &r.batch),
                r.epoch.to_string(),
                r.iteration.to_string(),
                r.loss.map_or(String::new(), |l| format!("{l:.5}")),
                params.join(" "),
                words::train::run_status(lang, r.status),
            ];
            lines.push(Line::styled(
                row(&cells, width),
                self.look.fg(COLORS[i % COLORS.len()]),
            ));
        }
        let title = format!(" {} ", w.results);
        Paragraph::new(lines)
            .block(self.look.block(&title))
            .render(area, buf);
    }
}

/// A line style per run, so the chart reads without colour too.
const MARKERS: [Marker; 4] = [Marker::Braille, Marker::Dot, Marker::Bar, Marker::Block];

/// A mark per run, so the table reads without colour too.
const COLOR_GLYPHS: [&str; 6] = ["1", "2", "3", "4", "5", "6"];

/// One table row in `width` columns; the parameters column takes what the
/// others leave. Cells are cut by display width (Chinese counts as two).
fn row(cells: &[String], width: usize) -> String {
    let fixed = [14usize, 5, 6, 7, 8, 0, 16];
    let params = width
        .saturating_sub(fixed.iter().sum::<usize>() + fixed.len() - 1)
        .max(6);
    fixed
        .iter()
        .map(|w| if *w == 0 { params } else { *w })
        .zip(cells)
        .map(|(w, c)| fit(c, w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn fit(s: &str, w: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let cw = ch.width().unwrap_or(0);
        if used + cw > w {
            break;
        }
        out.push(ch);
        used += cw;
    }
    out + &" ".repeat(w - used)
}
