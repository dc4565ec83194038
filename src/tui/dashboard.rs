//! The live training dashboard of a `train` step: the loss chart, the data
//! chart, the parameter and gradient matrices, the step's formulas with the
//! current numbers bound in, and a status line — driven by the keys of
//! [`DashKey`] and by [`Dashboard::tick`] between frames.
//!
//! All state lives in [`crate::session::training::Training`] (UI-free and
//! tested without a terminal); this module only draws it and maps keys.

mod data_chart;
mod formulas;
mod loss_chart;
mod matrices;

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::engine::{Dense, StopReason};
use crate::lesson::{Lang, Show, TrainStep};
use crate::session::training::{Play, Training};
use crate::words::train::{batch_label, diverged_advice};
use crate::words::{self, Done, metric_name, stop_reason, train_words};

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
    NewSeed,
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
    /// Seeds handed out by `R`, so new-seed restarts are reproducible too.
    next_seed: u64,
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
        }
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
            DashKey::PlayPause => t.toggle_play().map(|()| match t.play() {
                Play::Playing => Done::Play,
                Play::Paused => Done::Pause,
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
            DashKey::Restart => {
                t.restart();
                Ok(Done::Restart {
                    seed: t.spec().seed,
                })
            }
            DashKey::NewSeed => {
                let seed = self.next_seed;
                self.next_seed = seed.wrapping_add(1);
                return match t.restart_with_seed(seed) {
                    Ok(()) => Done::NewSeed { seed },
                    Err(e) => {
                        Done::Failed(e.first().map_or_else(String::new, |e| e.message.clone()))
                    }
                };
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
        result.unwrap_or_else(|e| Done::Failed(e.to_string()))
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
                let _ = self.training.toggle_play();
                true
            }
        }
    }

    fn layers_shown(&self) -> Vec<Dense> {
        match (self.training.viewing(), self.training.shown()) {
            (Some(_), Some(rec)) => rec.layers.clone(),
            _ => self.training.run().trainer.network().layers().to_vec(),
        }
    }
}

impl Dashboard {
    /// Draws the dashboard in `lang`.
    pub fn render(&self, area: Rect, buf: &mut Buffer, lang: Lang) {
        let look = self.formulas.look();
        let [status, shapes, body] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(area);
        Paragraph::new(self.status_line(lang)).render(status, buf);
        Paragraph::new(self.second_line(look, lang))
            .style(look.fg(Color::DarkGray))
            .render(shapes, buf);
        let wants = |s: Show| self.show.contains(&s);
        let data = wants(Show::Fit) || wants(Show::Boundary);
        let mats = wants(Show::Params) || wants(Show::Grads);
        let has_formulas = !self.formulas.is_empty();
        let [top, bottom] = if (mats || has_formulas) && body.height >= 14 {
            Layout::vertical([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(body)
        } else {
            [body, Rect::default()]
        };
        let layers = self.layers_shown();
        let history = self.training.history_shown();
        let eps = self.training.spec().eps;
        match (wants(Show::Loss), data) {
            (true, true) => {
                let [l, r] = Layout::horizontal([Constraint::Percentage(50); 2]).areas(top);
                loss_chart::render(l, buf, history, eps, self.log, look, lang);
                data_chart::render(r, buf, self.training.run(), &layers, look, lang);
            }
            (true, false) => loss_chart::render(top, buf, history, eps, self.log, look, lang),
            (false, _) => data_chart::render(top, buf, self.training.run(), &layers, look, lang),
        }
        if bottom.height == 0 {
            return;
        }
        let grads = match self.training.viewing() {
            Some(_) => self.training.shown().and_then(|r| r.grads.as_ref()),
            None => self.training.run().trainer.last_grads(),
        }
        .filter(|_| wants(Show::Grads));
        let (m_area, f_area) = match (mats, has_formulas) {
            (true, true) => {
                let [a, b] =
                    Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                        .areas(bottom);
                (a, b)
            }
            (true, false) => (bottom, Rect::default()),
            (false, _) => (Rect::default(), bottom),
        };
        if m_area.width > 0 {
            let extra = self.closed_form_lines(&layers, lang);
            matrices::render(
                m_area,
                buf,
                &layers,
                grads,
                self.prev.as_deref(),
                &extra,
                look,
                lang,
            );
        }
        if f_area.width > 0 {
            self.formulas.render(f_area, buf, &self.training, lang);
        }
        if look.ascii {
            asciify(area, buf);
        }
    }
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
            let rep = match c {
                '│' | '┃' | '║' => "|",
                '─' | '━' | '═' => "-",
                '└' | '┘' | '┌' | '┐' | '├' | '┤' | '┬' | '┴' | '┼' => "+",
                '\u{2800}' => " ",
                '\u{2801}'..='\u{28ff}' | '·' => ".",
                '•' => "*",
                '▶' => ">",
                '◀' => "<",
                '❚' => "|",
                '²' => "2",
                'η' => "eta",
                _ => "?",
            };
            cell.set_symbol(rep);
        }
    }
}

impl Dashboard {
    fn status_line(&self, lang: Lang) -> Line<'static> {
        let w = train_words(lang);
        let t = &self.training;
        let tr = &t.run().trainer;
        let cfg = tr.config();
        let (epoch, iteration, loss, val, m) = match t.shown() {
            Some(r) if t.viewing().is_some() => {
                (r.epoch, r.iteration, r.train_loss, r.val_loss, r.metric)
            }
            _ => match t.live() {
                Some(Ok(s)) => (s.epoch, s.iteration, s.train_loss, s.val_loss, s.metric),
                _ => (0, 0, f64::NAN, None, f64::NAN),
            },
        };
        let ascii = self.formulas.look().ascii;
        let state = match (t.viewing(), t.play()) {
            (Some(_), _) => format!("{} {}", if ascii { "<<" } else { "◀" }, w.history),
            (None, Play::Playing) => format!("{} {}", if ascii { ">" } else { "▶" }, rate(t, lang)),
            (None, Play::Paused) if t.finished() => {
                format!("{} {}", if ascii { "[]" } else { "■" }, w.finished)
            }
            (None, Play::Paused) => format!("{} {}", if ascii { "||" } else { "❚❚" }, w.paused),
        };
        let (dot, eta) = if ascii { ("-", "lr") } else { ("·", "η") };
        let metric = metric_name(lang, tr.network().task(), true);
        let metric = if ascii {
            metric.replace('²', "2")
        } else {
            metric.to_string()
        };
        let val = val.map_or(String::new(), |v| {
            format!(" {} {}", w.val, loss_chart::short(v))
        });
        let m = if m.abs() < 1e3 {
            format!("{m:.3}")
        } else {
            loss_chart::short(m)
        };
        let text = format!(
            "{} {epoch} {dot} {} {iteration} {dot} {} {} {dot} {eta} {} {dot} {} {}{val} {dot} {metric} {m} {dot} {state}",
            w.epoch,
            w.it,
            w.batch,
            batch_label(lang, &cfg.batch_size.label()),
            cfg.learning_rate,
            w.loss,
            loss_chart::short(loss),
        );
        Line::styled(text, Style::default().add_modifier(Modifier::BOLD))
    }

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

    fn second_line(&self, look: Look, lang: Lang) -> String {
        let tr = &self.training.run().trainer;
        if let Some(stop) = tr.stopped().filter(|_| self.training.viewing().is_none()) {
            let eta = if look.ascii { "lr" } else { "η" };
            return match stop {
                // Short enough for 80 columns, with what to do about it.
                StopReason::Diverged {
                    epoch,
                    loss,
                    learning_rate,
                } => diverged_advice(lang, *epoch, &loss_chart::short(*loss), eta, *learning_rate),
                other => stop_reason(lang, other),
            };
        }
        let m = tr.config().batch_size.rows(tr.train_set().rows());
        matrices::shapes_line(tr.network().layers(), m, look.ascii)
    }
}

fn rate(t: &Training, lang: Lang) -> String {
    let r = t.measured_rate();
    if r >= 1.0 {
        words::train::rate(lang, r)
    } else {
        words::train::speed(lang, t.speed())
    }
}
