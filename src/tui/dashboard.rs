//! The live training dashboard of a `train` step: the loss chart, the data
//! chart, the parameter and gradient matrices, the step's formulas with the
//! current numbers bound in, and a status line — driven by the keys of
//! [`DashKey`] and by [`Dashboard::tick`] between frames.
//!
//! All state lives in [`crate::session::training::Training`] (UI-free and
//! tested without a terminal); this module only draws it and maps keys.

mod data_chart;
pub mod formulas;
mod hidden_view;
mod loss_chart;
mod matrices;
mod status;

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::engine::Dense;
use crate::lesson::{Lang, Show, TrainStep};
use crate::session::training::{Play, Toggle, Training};
pub use crate::words::train::Panel;
use crate::words::{Done, train_words};

/// Colour on or off, ASCII or Unicode: how the dashboard draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Look {
    pub color: bool,
    pub ascii: bool,
}

impl Look {
    /// A foreground colour, or plain when colour is off.
    #[must_use]
    pub fn fg(self, c: Color) -> Style {
        if self.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }

    /// A bordered panel with a title, in the theme's border set.
    #[must_use]
    pub fn block(self, title: &str) -> Block<'static> {
        let theme = crate::tui::theme::Theme {
            color: self.color,
            ascii: self.ascii,
        };
        Block::default()
            .borders(Borders::ALL)
            .border_set(theme.border())
            .title(crate::words::train::panel_title(title))
    }
}

/// What a key asks of the dashboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DashKey {
    PlayPause,
    Epoch,
    Iteration,
    Faster,
    Slower,
    Restart,
    Reset,
    NewSeed,
    CyclePanel,
    LearningRateUp,
    LearningRateDown,
    CycleBatch,
    ScrubBack,
    ScrubForward,
    ToggleLog,
}

/// The dashboard of one train step.
pub struct Dashboard {
    training: Training,
    show: Vec<Show>,
    formulas: formulas::Formulas,
    /// Parameters as drawn in the previous frame, to mark changed values.
    prev: Option<Vec<Dense>>,
    log: bool,
    /// Seeds handed out by `s`, so new-seed restarts are reproducible too.
    next_seed: u64,
    /// What the lower panel shows (all of them side by side when there is room).
    panel: Panel,
}

impl Dashboard {
    /// A dashboard for `step` showing `training` (paused at epoch 0).
    #[must_use]
    pub fn new(step: &TrainStep, training: Training, look: Look) -> Self {
        let next_seed = training.spec().seed.wrapping_add(1);
        Self {
            training,
            show: step.show.clone(),
            formulas: formulas::Formulas::new(&step.formulas, look),
            prev: None,
            log: false,
            next_seed,
            panel: Panel::Charts,
        }
    }

    /// The panels this step has, in the order `p` cycles through them.
    #[must_use]
    pub fn panels(&self) -> Vec<Panel> {
        let wants = |s: Show| self.show.contains(&s);
        let mut out = vec![Panel::Charts];
        if wants(Show::Params) || wants(Show::Grads) {
            out.push(Panel::Params);
        }
        if wants(Show::Grads) {
            out.push(Panel::Grads);
        }
        if !self.formulas.is_empty() {
            out.push(Panel::Formulas);
        }
        out
    }

    /// What the lower panel shows now.
    #[must_use]
    pub fn panel(&self) -> Panel {
        self.panel
    }

    /// The run being shown.
    #[must_use]
    pub fn training(&self) -> &Training {
        &self.training
    }

    /// Whether the screen must be redrawn on a timer (the run is playing).
    #[must_use]
    pub fn animating(&self) -> bool {
        self.training.play() == Play::Playing
    }

    /// Whether the run plays as fast as the machine goes (the event loop
    /// then trains through most of each frame rather than waiting).
    #[must_use]
    pub fn full_speed(&self) -> bool {
        self.animating() && self.training.speed().is_infinite()
    }

    /// Acts on a key; returns what happened, for the header.
    pub fn key(&mut self, key: DashKey) -> Done {
        self.remember();
        let t = &mut self.training;
        let result = match key {
            DashKey::PlayPause => t.toggle_play().map(|toggle| match toggle {
                Toggle::Playing => Done::Play,
                Toggle::Paused => Done::Pause,
                Toggle::Finished => match t.run().trainer.stopped() {
                    Some(r) => Done::Finished(r.clone()),
                    None => Done::Pause,
                },
            }),
            DashKey::Epoch => t.step_epoch().map(|()| Done::Epoch),
            DashKey::Iteration => t.step_iteration().map(|()| Done::Iteration),
            DashKey::Faster => {
                t.faster();
                Ok(Done::Speed(t.speed()))
            }
            DashKey::Slower => {
                t.slower();
                Ok(Done::Speed(t.speed()))
            }
            DashKey::Restart => t.restart().map(|kept| Done::Restart {
                seed: t.spec().seed,
                kept,
            }),
            DashKey::Reset => {
                t.reset();
                Ok(Done::Reset {
                    seed: t.spec().seed,
                })
            }
            DashKey::NewSeed => {
                let seed = self.next_seed;
                self.next_seed = seed.wrapping_add(1);
                return match t.restart_with_seed(seed) {
                    Ok(()) => Done::NewSeed { seed },
                    Err(e) => e.into_iter().next().map_or_else(
                        || Done::Failed(String::new()),
                        |e| Done::SpecFailed(Box::new(e)),
                    ),
                };
            }
            DashKey::CyclePanel => {
                let panels = self.panels();
                let at = panels.iter().position(|p| *p == self.panel).unwrap_or(0);
                self.panel = panels[(at + 1) % panels.len()];
                return Done::Panel(self.panel);
            }
            DashKey::LearningRateUp => t
                .scale_learning_rate(2.0)
                .map(|()| Done::LearningRate(t.run().trainer.config().learning_rate)),
            DashKey::LearningRateDown => t
                .scale_learning_rate(0.5)
                .map(|()| Done::LearningRate(t.run().trainer.config().learning_rate)),
            DashKey::CycleBatch => t.cycle_batch().map(|b| Done::BatchSize(b.label())),
            DashKey::ScrubBack => {
                t.scrub_back();
                Ok(Done::History(t.viewing().unwrap_or(0)))
            }
            DashKey::ScrubForward => {
                t.scrub_forward();
                Ok(t.viewing().map_or(Done::Live, Done::History))
            }
            DashKey::ToggleLog => {
                self.log = !self.log;
                Ok(Done::LogScale(self.log))
            }
        };
        result.unwrap_or_else(|e| Done::EngineFailed(Box::new(e)))
    }

    /// Takes the instructor's seed, learning rate and batch size (a class
    /// learner following): back to epoch 0 when any differs; true then.
    pub fn follow_settings(
        &mut self,
        seed: u64,
        learning_rate: f64,
        batch: crate::engine::BatchSize,
    ) -> bool {
        self.remember();
        self.training
            .follow_settings(seed, learning_rate, batch)
            .unwrap_or(false)
    }

    fn remember(&mut self) {
        self.prev = Some(self.layers_shown());
    }

    /// Advances a playing run within `budget`; true when the screen changed.
    pub fn tick(&mut self, now: Instant, budget: Duration) -> bool {
        let before = self.layers_shown();
        match self.training.tick(now, budget) {
            Ok(true) => {
                self.prev = Some(before);
                true
            }
            Ok(false) => false,
            Err(_) => {
                self.training.pause();
                true
            }
        }
    }

    fn layers_shown(&self) -> Vec<Dense> {
        match (self.training.viewing(), self.training.shown()) {
            (Some(_), Some(rec)) => rec.layers(),
            _ => self.training.run().trainer.network().layers().to_vec(),
        }
    }
}

/// Below this many rows for charts and panels, the lower panel replaces the
/// charts instead of sharing the height with them.
const SPLIT_HEIGHT: u16 = 20;

/// Below this width the hidden-unit view takes the whole chart area.
const HIDDEN_WITH_LOSS: u16 = 110;

impl Dashboard {
    /// Draws the dashboard in `lang`.
    pub fn render(&self, area: Rect, buf: &mut Buffer, lang: Lang) {
        let look = self.formulas.look();
        let [status_area, shapes, body] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(area);
        Paragraph::new(status::status_line(&self.training, look, lang, area.width))
            .render(status_area, buf);
        Paragraph::new(status::second_line(&self.training, look, lang, area.width))
            .style(look.fg(Color::DarkGray))
            .render(shapes, buf);
        let lower = self.panels().len() > 1;
        let (top, bottom) = match (self.panel, lower && body.height >= SPLIT_HEIGHT) {
            // Room for both: charts above, the chosen panel (or all) below.
            (_, true) => {
                let [a, b] =
                    Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)])
                        .areas(body);
                (a, b)
            }
            (Panel::Charts, false) => (body, Rect::default()),
            (_, false) => (Rect::default(), body),
        };
        if top.height > 0 {
            self.render_charts(top, buf, look, lang);
        }
        if bottom.height > 0 {
            self.render_lower(bottom, buf, look, lang);
        }
        if look.ascii {
            asciify(area, buf);
        }
    }

    fn render_charts(&self, area: Rect, buf: &mut Buffer, look: Look, lang: Lang) {
        let wants = |s: Show| self.show.contains(&s);
        let data = wants(Show::Fit) || wants(Show::Boundary);
        let layers = self.layers_shown();
        let history = self.training.history_shown();
        let eps = self.training.spec().eps;
        if wants(Show::Hidden) {
            // The hidden view needs the width (two planes side by side): the
            // loss chart joins it only on a wide screen.
            let run = self.training.run();
            if wants(Show::Loss) && area.width >= HIDDEN_WITH_LOSS {
                let [l, r] =
                    Layout::horizontal([Constraint::Percentage(30), Constraint::Percentage(70)])
                        .areas(area);
                loss_chart::render(l, buf, history, eps, self.log, look, lang);
                hidden_view::render(r, buf, run, &layers, look, lang);
            } else {
                hidden_view::render(area, buf, run, &layers, look, lang);
            }
            return;
        }
        match (wants(Show::Loss), data) {
            (true, true) => {
                let [l, r] = Layout::horizontal([Constraint::Percentage(50); 2]).areas(area);
                loss_chart::render(l, buf, history, eps, self.log, look, lang);
                data_chart::render(r, buf, self.training.run(), &layers, look, lang);
            }
            (true, false) => loss_chart::render(area, buf, history, eps, self.log, look, lang),
            (false, _) => data_chart::render(area, buf, self.training.run(), &layers, look, lang),
        }
    }

    /// The lower panel: the chosen one full width, or (with the charts
    /// chosen and room below them) parameters beside formulas.
    fn render_lower(&self, area: Rect, buf: &mut Buffer, look: Look, lang: Lang) {
        let panels = self.panels();
        let has = |p: Panel| panels.contains(&p);
        match self.panel {
            Panel::Charts => {
                let (m_area, f_area) = match (has(Panel::Params), has(Panel::Formulas)) {
                    (true, true) => {
                        let [a, b] = Layout::horizontal([
                            Constraint::Percentage(55),
                            Constraint::Percentage(45),
                        ])
                        .areas(area);
                        (a, b)
                    }
                    (true, false) => (area, Rect::default()),
                    (false, _) => (Rect::default(), area),
                };
                if m_area.width > 0 {
                    self.render_matrices(m_area, buf, matrices::Which::Params, look, lang);
                }
                if f_area.width > 0 {
                    self.formulas.render(f_area, buf, &self.training, lang);
                }
            }
            Panel::Params => self.render_matrices(area, buf, matrices::Which::Params, look, lang),
            Panel::Grads => self.render_matrices(area, buf, matrices::Which::Grads, look, lang),
            Panel::Formulas => self.formulas.render(area, buf, &self.training, lang),
        }
    }

    fn render_matrices(
        &self,
        area: Rect,
        buf: &mut Buffer,
        which: matrices::Which,
        look: Look,
        lang: Lang,
    ) {
        let layers = self.layers_shown();
        let recorded = self.training.viewing().and(self.training.shown());
        let recorded_grads = recorded.and_then(|r| r.grads());
        let grads = match self.training.viewing() {
            Some(_) => recorded_grads.as_ref(),
            None => self.training.run().trainer.last_grads(),
        }
        .filter(|_| self.show.contains(&Show::Grads));
        let extra = self.closed_form_lines(&layers, lang);
        matrices::render(
            area,
            buf,
            which,
            &layers,
            grads,
            self.prev.as_deref(),
            &extra,
            look,
            lang,
        );
    }
}

/// A log-scale axis label as a real number: the value 10^`exp`, to two
/// significant digits (`0.0016`, `250`, `1.6e-7`), not `1e-2.8`.
#[must_use]
pub fn log_label(exp: f64) -> String {
    crate::text::number::plain(10f64.powf(exp), 2)
}

/// Replaces what the chart widgets draw with box-drawing, Braille and other
/// non-ASCII glyphs by ASCII stand-ins, for terminals and fonts without them.
pub fn asciify(area: Rect, buf: &mut Buffer) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let Some(cell) = buf.cell_mut((x, y)) else {
                continue;
            };
            let sym = cell.symbol();
            if sym.is_ascii() {
                continue;
            }
            let c = sym.chars().next().unwrap_or(' ');
            // Chinese words (two columns wide) are the learner's chosen
            // language, not glyphs the font may lack: they stay.
            if unicode_width::UnicodeWidthChar::width(c) == Some(2) {
                continue;
            }
            let rep = crate::tui::text_fit::ascii_cell(c).unwrap_or("?");
            cell.set_symbol(rep);
        }
    }
}

impl Dashboard {
    /// The normal-equation solution beside the trained parameters, both in
    /// original units, so the learner sees the two methods agree.
    fn closed_form_lines(&self, layers: &[Dense], lang: Lang) -> Vec<String> {
        let w = train_words(lang);
        let info = &self.training.run().info;
        let Some((cw, cb)) = &info.closed_form else {
            return Vec::new();
        };
        let fmt = |m: &ndarray::Array2<f64>| {
            m.iter()
                .map(|v| loss_chart::short(*v))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let colon = if lang == Lang::Zh { "：" } else { ": " };
        let mut out = vec![format!(
            "{}{colon}W = [{}]  B = [{}]",
            w.normal_equation,
            fmt(cw),
            fmt(cb)
        )];
        if let Some((tw, tb)) = info.real_units(layers) {
            out.push(format!(
                "{}{colon}W = [{}]  B = [{}]",
                w.trained_units,
                fmt(&tw),
                fmt(&tb)
            ));
        }
        out
    }
}
