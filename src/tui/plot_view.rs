//! The `plot` step view: one panel per function with its derivative and
//! marked points, and, when the step has the saturation exercise, the
//! point a = σ(z) walking down the first curve as the learner steps it,
//! with η changed live by `]` and `[`.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::lesson::Lang;
use crate::session::plot::{CurveMark, PlotState, RATE_FACTOR};
use crate::text::number;
use crate::tui::dashboard::{DashKey, Look};
use crate::words::Done;
use crate::words::train as tw;
use crate::words::views::{self as vw, view_words};

/// Columns of the value labels left of each curve.
const LABEL: u16 = 6;

/// The view of one plot step.
pub struct PlotView {
    plot: PlotState,
    look: Look,
}

impl PlotView {
    #[must_use]
    pub fn new(plot: PlotState, look: Look) -> Self {
        Self { plot, look }
    }

    /// The plot shown.
    #[must_use]
    pub fn plot(&self) -> &PlotState {
        &self.plot
    }

    /// The plot shown, to move it (a class learner follows the
    /// instructor's).
    pub fn plot_mut(&mut self) -> &mut PlotState {
        &mut self.plot
    }

    #[must_use]
    pub fn animating(&self) -> bool {
        self.plot.playing()
    }

    /// Space plays/pauses the exercise, `n` (or `i`) one step, `]`/`[`
    /// double or halve η (and restart), `r` restarts, `R` the lesson's η.
    pub fn key(&mut self, key: DashKey) -> Option<Done> {
        let p = &mut self.plot;
        p.exercise()?;
        Some(match key {
            DashKey::PlayPause if p.toggle_play() => Done::Play,
            DashKey::PlayPause if p.finished() => Done::AllFinished,
            DashKey::PlayPause => Done::Pause,
            DashKey::Epoch | DashKey::Iteration => {
                p.step();
                Done::Iteration
            }
            DashKey::LearningRateUp | DashKey::LearningRateDown => {
                let f = if key == DashKey::LearningRateUp {
                    RATE_FACTOR
                } else {
                    1.0 / RATE_FACTOR
                };
                match p.scale_learning_rate(f) {
                    Ok(eta) => Done::LearningRate(eta),
                    Err(e) => Done::EngineFailed(Box::new(e)),
                }
            }
            DashKey::Restart | DashKey::NewSeed => {
                p.restart();
                Done::RestartAll
            }
            DashKey::Reset => {
                p.reset();
                Done::LearningRate(p.exercise().map_or(0.0, |(s, _)| s.learning_rate))
            }
            _ => return None,
        })
    }

    /// Advances a playing exercise; true when it moved.
    pub fn tick(&mut self, now: Instant) -> bool {
        self.plot.tick(now)
    }

    /// Draws a panel per function and the status line under them.
    pub fn render(&self, area: Rect, buf: &mut Buffer, lang: Lang) {
        let status = self.status_lines(lang);
        let [panels, below] = Layout::vertical([
            Constraint::Min(4),
            Constraint::Length(u16::try_from(status.len()).unwrap_or(2)),
        ])
        .areas(area);
        let n = self.plot.plot().functions.len().max(1);
        let cols = Layout::horizontal(vec![Constraint::Ratio(1, n as u32); n]).split(panels);
        for (i, rect) in cols.iter().enumerate() {
            self.render_panel(i, *rect, buf);
        }
        Paragraph::new(status).render(below, buf);
        if self.look.ascii {
            crate::tui::dashboard::asciify(area, buf);
        }
    }

    fn render_panel(&self, i: usize, area: Rect, buf: &mut Buffer) {
        let p = self.plot.plot();
        let c = p.functions[i];
        let ascii = self.look.ascii;
        let mut title = format!(
            " {} {}",
            vw::curve_label(c, false, ascii),
            vw::curve_glyph(CurveMark::Value, ascii)
        );
        if p.derivatives {
            title.push_str(&format!(
                " {} {} ",
                vw::curve_label(c, true, ascii),
                vw::curve_glyph(CurveMark::Slope, ascii)
            ));
        }
        let block = self.look.block(&title);
        let inner = block.inner(area);
        block.render(area, buf);
        let [labels, plot] =
            Layout::horizontal([Constraint::Length(LABEL), Constraint::Min(4)]).areas(inner);
        let [plot, axis] =
            Layout::vertical([Constraint::Min(2), Constraint::Length(1)]).areas(plot);
        let (cols, rows) = (usize::from(plot.width), usize::from(plot.height));
        if cols < 2 || rows < 2 {
            return;
        }
        let pic = self.plot.picture(i, cols, rows);
        for r in 0..rows {
            for col in 0..cols {
                let m = pic.at(col, r);
                let style = match m {
                    CurveMark::Value => self.look.fg(Color::Cyan),
                    CurveMark::Slope => self.look.fg(Color::Yellow),
                    CurveMark::Axis => self.look.fg(Color::DarkGray),
                    CurveMark::Marked => self.look.fg(Color::Magenta),
                    CurveMark::Trail => self.look.fg(Color::Red),
                    CurveMark::Point => self
                        .look
                        .fg(Color::Red)
                        .add_modifier(Modifier::BOLD | Modifier::REVERSED),
                    CurveMark::Empty => Style::default(),
                };
                if let Some(cell) = buf.cell_mut((plot.x + col as u16, plot.y + r as u16)) {
                    cell.set_char(vw::curve_glyph(m, ascii)).set_style(style);
                }
            }
        }
        let w = usize::from(LABEL - 1);
        let mut left = vec![Line::from(number::fit(pic.hi, w, 2))];
        while left.len() + 1 < rows {
            left.push(Line::default());
        }
        left.push(Line::from(number::fit(pic.lo, w, 2)));
        Paragraph::new(left).render(labels, buf);
        let [zl, zh] = p.x_range;
        let (lo, hi) = (number::fit(zl, 6, 1), number::fit(zh, 6, 1));
        let gap = cols.saturating_sub(lo.len() + hi.len() + 1);
        let line = format!(
            "{lo}{}z{}{hi}",
            " ".repeat(gap / 2),
            " ".repeat(gap - gap / 2)
        );
        Paragraph::new(line).render(axis, buf);
    }

    /// The exercise's step and how it ended, or the marked values.
    fn status_lines(&self, lang: Lang) -> Vec<Line<'static>> {
        let ascii = self.look.ascii;
        if let Some((ex, run)) = self.plot.exercise() {
            let shown = self.plot.shown().min(run.states.len() - 1);
            let s = run.states[shown];
            let sep = if lang == Lang::Zh { "：" } else { ": " };
            let mut status = format!(
                "{} {}{sep}{}",
                vw::curve_glyph(CurveMark::Point, ascii),
                view_words(lang).exercise,
                vw::exercise_status(lang, shown, ex.learning_rate, s.z, s.a)
            );
            if ascii {
                status = status.replace('η', "eta");
            }
            let mut lines = vec![Line::styled(
                status,
                Style::default().add_modifier(Modifier::BOLD),
            )];
            if self.plot.finished() {
                lines.push(Line::from(tw::saturation_end(lang, run.end, ex.target)));
            }
            return lines;
        }
        let marks = self.plot.marks();
        if marks.is_empty() {
            return Vec::new();
        }
        let items: Vec<String> = marks
            .iter()
            .map(|m| {
                format!(
                    "{}({}) = {}, {} = {}",
                    vw::curve_label(m.curve, false, ascii).trim_end_matches("(z)"),
                    number::fit(m.z, 6, 2),
                    number::fit(m.value, 7, 3),
                    if ascii { "'" } else { "′" },
                    number::fit(m.slope, 7, 3)
                )
            })
            .collect();
        vec![Line::from(format!(
            "{} {}",
            vw::curve_glyph(CurveMark::Marked, ascii),
            items.join("  ")
        ))]
    }
}
