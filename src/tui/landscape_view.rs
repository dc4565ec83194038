//! The `landscape` step view: the loss over two parameters as numbered
//! contour lines, each run's path drawn live in its own mark and colour,
//! the optimum, a legend of levels and one line per run. `]` and `[`
//! change η and start the runs again; the grid is kept between frames (it
//! depends only on the picture's size) so the paths redraw at once.

use std::cell::RefCell;
use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::engine::landscape::LossGrid;
use crate::lesson::Lang;
use crate::lesson::model_views::Fixed;
use crate::session::landscape::{Landscape, Mark, RATE_FACTOR};
use crate::text::number;
use crate::tui::dashboard::{DashKey, Look};
use crate::words::Done;
use crate::words::views::{self as vw, view_words};

const COLORS: [Color; 4] = [Color::Cyan, Color::Yellow, Color::Magenta, Color::Green];
/// Columns of the value labels left of the picture.
const LABEL: u16 = 8;
/// Columns of the legend of levels right of the picture.
const LEGEND: u16 = 16;

/// The view of one landscape step.
pub struct LandscapeView {
    land: Landscape,
    fixed: Fixed,
    look: Look,
    /// The grid last drawn, kept while the picture's size stays.
    grid: RefCell<Option<LossGrid>>,
}

impl LandscapeView {
    #[must_use]
    pub fn new(land: Landscape, fixed: Fixed, look: Look) -> Self {
        Self {
            land,
            fixed,
            look,
            grid: RefCell::new(None),
        }
    }

    /// The landscape shown.
    #[must_use]
    pub fn landscape(&self) -> &Landscape {
        &self.land
    }

    /// The landscape shown, to move it (a class learner follows the
    /// instructor's).
    pub fn landscape_mut(&mut self) -> &mut Landscape {
        &mut self.land
    }

    #[must_use]
    pub fn animating(&self) -> bool {
        self.land.playing()
    }

    /// Space plays/pauses, `n` one epoch, `i` one step, `]`/`[` change η
    /// (and restart), `r` restarts, `R` goes back to the lesson's η.
    pub fn key(&mut self, key: DashKey) -> Option<Done> {
        let l = &mut self.land;
        let failed = |e: crate::engine::EngineError| Done::EngineFailed(Box::new(e));
        Some(match key {
            DashKey::PlayPause if l.toggle_play() => Done::PlayAll,
            DashKey::PlayPause if l.finished() => Done::AllFinished,
            DashKey::PlayPause => Done::Pause,
            DashKey::Epoch => l.step_epoch().map_or_else(failed, |()| Done::EpochAll),
            DashKey::Iteration => l.step_iteration().map_or_else(failed, |()| Done::Iteration),
            DashKey::LearningRateUp | DashKey::LearningRateDown => {
                let f = if key == DashKey::LearningRateUp {
                    RATE_FACTOR
                } else {
                    1.0 / RATE_FACTOR
                };
                match l.scale_learning_rate(f) {
                    Ok(()) => Done::LearningRate(first_rate(l)),
                    Err(e) => failed(e),
                }
            }
            DashKey::Restart | DashKey::NewSeed => {
                l.restart().map_or_else(failed, |()| Done::RestartAll)
            }
            DashKey::Reset => l
                .reset()
                .map_or_else(failed, |()| Done::LearningRate(first_rate(l))),
            _ => return None,
        })
    }

    /// Advances a playing landscape; true when the picture changed.
    pub fn tick(&mut self, now: Instant) -> bool {
        self.land.tick(now)
    }

    /// Draws the picture, the legend and the run lines in `lang`.
    pub fn render(&self, area: Rect, buf: &mut Buffer, lang: Lang) {
        let title = vw::landscape_title(lang, &self.land.x.name, &self.land.y.name);
        let [head, inner] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
        Paragraph::new(Line::styled(
            title,
            Style::default().add_modifier(Modifier::BOLD),
        ))
        .render(head, buf);
        let runs = u16::try_from(self.land.runs().len()).unwrap_or(4);
        let [top, axis, legend] = Layout::vertical([
            Constraint::Min(3),
            Constraint::Length(1),
            Constraint::Length(runs),
        ])
        .areas(inner);
        let [labels, plot, _, levels] = Layout::horizontal([
            Constraint::Length(LABEL),
            Constraint::Min(10),
            Constraint::Length(1),
            Constraint::Length(LEGEND),
        ])
        .areas(top);
        let (cols, rows) = (usize::from(plot.width), usize::from(plot.height));
        if cols == 0 || rows == 0 {
            return;
        }
        let grid = self.grid_for(cols, rows);
        let Some(grid) = grid else { return };
        let pic = self.land.picture(&grid);
        for r in 0..rows {
            for c in 0..cols {
                let (ch, style) = self.cell(pic.at(c, r));
                if let Some(cell) = buf.cell_mut((plot.x + c as u16, plot.y + r as u16)) {
                    cell.set_char(ch).set_style(style);
                }
            }
        }
        self.render_labels(labels, axis, plot, buf);
        self.render_levels(levels, buf, lang, &pic.levels);
        let lines: Vec<Line> = (self.land.rows().iter().enumerate())
            .map(|(i, r)| {
                let line = format!(
                    "{} {}",
                    vw::run_glyph(i, self.look.ascii),
                    vw::path_line(lang, r, &self.land.x.name, &self.land.y.name)
                );
                Line::styled(
                    if self.look.ascii {
                        line.replace('η', "eta")
                    } else {
                        line
                    },
                    self.look.fg(COLORS[i % COLORS.len()]),
                )
            })
            .collect();
        Paragraph::new(lines).render(legend, buf);
        if self.look.ascii {
            crate::tui::dashboard::asciify(area, buf);
        }
    }

    /// The grid for a picture of `cols` × `rows`, computed once per size.
    fn grid_for(&self, cols: usize, rows: usize) -> Option<LossGrid> {
        let mut cache = self.grid.borrow_mut();
        let fits = cache
            .as_ref()
            .is_some_and(|g| g.x.cells == cols && g.y.cells == rows);
        if !fits {
            *cache = self.land.grid(cols, rows).ok();
        }
        cache.clone()
    }

    fn cell(&self, m: Mark) -> (char, Style) {
        let ascii = self.look.ascii;
        match m {
            Mark::Empty => (' ', Style::default()),
            Mark::Level(n) => (vw::level_glyph(n), self.look.fg(Color::DarkGray)),
            Mark::Optimum => (
                vw::optimum_glyph(ascii),
                self.look.fg(Color::Red).add_modifier(Modifier::BOLD),
            ),
            Mark::Path(i) => (
                vw::run_glyph(usize::from(i), ascii),
                self.look.fg(COLORS[usize::from(i) % COLORS.len()]),
            ),
            Mark::Head(i) => (
                vw::run_glyph(usize::from(i), ascii),
                self.look
                    .fg(COLORS[usize::from(i) % COLORS.len()])
                    .add_modifier(Modifier::BOLD | Modifier::REVERSED),
            ),
        }
    }

    /// The vertical axis's name and span on the left, the horizontal's under.
    fn render_labels(&self, labels: Rect, axis: Rect, plot: Rect, buf: &mut Buffer) {
        let (x, y) = (&self.land.x, &self.land.y);
        let w = usize::from(LABEL - 1);
        let mut left = vec![Line::from(number::fit(y.hi, w, 3))];
        let mid = usize::from(labels.height.saturating_sub(1)) / 2;
        while left.len() < mid {
            left.push(Line::default());
        }
        if labels.height > 2 {
            left.push(Line::styled(
                y.name.clone(),
                Style::default().add_modifier(Modifier::BOLD),
            ));
        }
        while left.len() + 1 < usize::from(labels.height) {
            left.push(Line::default());
        }
        left.push(Line::from(number::fit(y.lo, w, 3)));
        Paragraph::new(left).render(labels, buf);
        let lo = number::fit(x.lo, 9, 3);
        let hi = number::fit(x.hi, 9, 3);
        let name = x.name.clone();
        let width = usize::from(plot.width);
        let gap = width.saturating_sub(lo.len() + hi.len() + name.len());
        let line = Line::from(vec![
            Span::raw(lo),
            Span::raw(" ".repeat(gap / 2)),
            Span::styled(name, Style::default().add_modifier(Modifier::BOLD)),
            Span::raw(" ".repeat(gap - gap / 2)),
            Span::raw(hi),
        ]);
        Paragraph::new(line).render(
            Rect {
                x: plot.x,
                width: plot.width,
                ..axis
            },
            buf,
        );
    }

    fn render_levels(&self, area: Rect, buf: &mut Buffer, lang: Lang, levels: &[f64]) {
        let w = view_words(lang);
        let mut lines = vec![Line::styled(
            format!(" {}", w.loss),
            Style::default().add_modifier(Modifier::BOLD),
        )];
        for (i, v) in levels.iter().enumerate() {
            let n = u8::try_from(i + 1).unwrap_or(9);
            lines.push(Line::styled(
                format!(" {} {}", vw::level_glyph(n), number::fit(*v, 10, 4)),
                self.look.fg(Color::DarkGray),
            ));
        }
        if self.land.optimum.is_some() {
            lines.push(Line::styled(
                format!(" {} {}", vw::optimum_glyph(self.look.ascii), w.optimum),
                self.look.fg(Color::Red),
            ));
        }
        lines.push(Line::from(format!(" {}", vw::fixed_note(lang, self.fixed))));
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(area, buf);
    }
}

fn first_rate(l: &Landscape) -> f64 {
    l.runs()
        .first()
        .map_or(0.0, |r| r.trainer.config().learning_rate)
}
