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

use std::path::Path;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::engine::{Dense, StopReason, Task};
use crate::lesson::{Show, TrainStep};
use crate::session::training::{Play, Training};
use crate::spec::SpecError;

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
            .title(title.to_string())
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

impl DashKey {
    /// The key table: Space play/pause, n epoch, i iteration, +/- speed,
    /// r restart, R new seed, [ ] learning rate, b batch size, , . (and the
    /// arrows, mapped by the caller) scrub, y log scale.
    #[must_use]
    pub fn from_char(c: char) -> Option<Self> {
        Some(match c {
            ' ' => DashKey::PlayPause,
            'n' => DashKey::Epoch,
            'i' => DashKey::Iteration,
            '+' | '=' => DashKey::Faster,
            '-' | '_' => DashKey::Slower,
            'r' => DashKey::Restart,
            'R' => DashKey::NewSeed,
            ']' => DashKey::LearningRateUp,
            '[' => DashKey::LearningRateDown,
            'b' => DashKey::CycleBatch,
            ',' | '<' => DashKey::ScrubBack,
            '.' | '>' => DashKey::ScrubForward,
            'y' => DashKey::ToggleLog,
            _ => return None,
        })
    }
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
    /// A dashboard for `step`, paused at epoch 0. `seed` overrides the spec's.
    pub fn new(
        step: &TrainStep,
        base_dir: &Path,
        seed: Option<u64>,
        look: Look,
    ) -> Result<Self, Vec<SpecError>> {
        let mut spec = step.spec.clone();
        if let Some(s) = seed {
            spec.seed = s;
        }
        let next_seed = spec.seed.wrapping_add(1);
        Ok(Self {
            training: Training::new(spec, base_dir.to_path_buf())?,
            show: step.show.clone(),
            formulas: formulas::Formulas::new(&step.formulas, look),
            prev: None,
            log: false,
            next_seed,
        })
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

    /// Acts on a key; returns what happened, in words, for the header.
    pub fn key(&mut self, key: DashKey) -> String {
        self.remember();
        let t = &mut self.training;
        let result = match key {
            DashKey::PlayPause => t.toggle_play().map(|()| {
                if t.play() == Play::Playing {
                    "play".into()
                } else {
                    "pause".into()
                }
            }),
            DashKey::Epoch => t.step_epoch().map(|()| "one epoch".into()),
            DashKey::Iteration => t.step_iteration().map(|()| "one iteration".into()),
            DashKey::Faster => {
                t.faster();
                Ok(format!("speed {}", speed_label(t.speed())))
            }
            DashKey::Slower => {
                t.slower();
                Ok(format!("speed {}", speed_label(t.speed())))
            }
            DashKey::Restart => {
                t.restart();
                Ok(format!("restart (seed {})", t.spec().seed))
            }
            DashKey::NewSeed => {
                let seed = self.next_seed;
                self.next_seed = seed.wrapping_add(1);
                return match t.restart_with_seed(seed) {
                    Ok(()) => format!("restart with new seed {seed}"),
                    Err(e) => e.first().map_or_else(String::new, |e| e.message.clone()),
                };
            }
            DashKey::LearningRateUp => t
                .scale_learning_rate(2.0)
                .map(|()| format!("η = {}", t.run().trainer.config().learning_rate)),
            DashKey::LearningRateDown => t
                .scale_learning_rate(0.5)
                .map(|()| format!("η = {}", t.run().trainer.config().learning_rate)),
            DashKey::CycleBatch => t.cycle_batch().map(|b| format!("batch size {}", b.label())),
            DashKey::ScrubBack => {
                t.scrub_back();
                Ok(format!("back to epoch {}", t.viewing().unwrap_or(0)))
            }
            DashKey::ScrubForward => {
                t.scrub_forward();
                Ok(t.viewing()
                    .map_or_else(|| "live".into(), |e| format!("forward to epoch {e}")))
            }
            DashKey::ToggleLog => {
                self.log = !self.log;
                Ok(if self.log {
                    "log scale".into()
                } else {
                    "linear scale".into()
                })
            }
        };
        result.unwrap_or_else(|e| e.to_string())
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
            (Some(_), Some(rec)) => rec.layers(),
            _ => self.training.run().trainer.network().layers().to_vec(),
        }
    }
}

fn speed_label(eps: f64) -> String {
    if eps.is_finite() {
        format!("{eps} epochs/s")
    } else {
        "full".into()
    }
}

impl Widget for &Dashboard {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let look = self.formulas.look();
        let [status, shapes, body] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(area);
        Paragraph::new(self.status_line()).render(status, buf);
        Paragraph::new(self.second_line(look))
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
                loss_chart::render(l, buf, history, eps, self.log, look);
                data_chart::render(r, buf, self.training.run(), &layers, look);
            }
            (true, false) => loss_chart::render(top, buf, history, eps, self.log, look),
            (false, _) => data_chart::render(top, buf, self.training.run(), &layers, look),
        }
        if bottom.height == 0 {
            return;
        }
        let recorded = self.training.viewing().and(self.training.shown());
        let recorded_grads = recorded.and_then(|r| r.grads());
        let grads = match self.training.viewing() {
            Some(_) => recorded_grads.as_ref(),
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
            let extra = self.closed_form_lines(&layers);
            matrices::render(
                m_area,
                buf,
                &layers,
                grads,
                self.prev.as_deref(),
                &extra,
                look,
            );
        }
        if f_area.width > 0 {
            self.formulas.render(f_area, buf, &self.training);
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
    fn status_line(&self) -> Line<'static> {
        let t = &self.training;
        let tr = &t.run().trainer;
        let cfg = tr.config();
        let metric = if tr.network().task() == Task::Regression {
            "R²"
        } else {
            "acc"
        };
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
            (Some(_), _) => format!("{} history", if ascii { "<<" } else { "◀" }),
            (None, Play::Playing) => format!("{} {}", if ascii { ">" } else { "▶" }, rate(t)),
            (None, Play::Paused) => format!("{} paused", if ascii { "||" } else { "❚❚" }),
        };
        let (dot, eta, r2) = if ascii {
            ("-", "lr", "R2")
        } else {
            ("·", "η", "R²")
        };
        let metric = if metric == "R²" { r2 } else { metric };
        let val = val.map_or(String::new(), |v| format!(" val {}", loss_chart::short(v)));
        let text = format!(
            "epoch {epoch} {dot} it {iteration} {dot} batch {} {dot} {eta} {} {dot} loss {}{val} {dot} {metric} {} {dot} {state}",
            cfg.batch_size.label(),
            cfg.learning_rate,
            loss_chart::short(loss),
            if m.abs() < 1e3 {
                format!("{m:.3}")
            } else {
                loss_chart::short(m)
            }
        );
        Line::styled(text, Style::default().add_modifier(Modifier::BOLD))
    }

    /// The normal-equation solution beside the trained parameters, both in
    /// original units, so the learner sees the two methods agree.
    fn closed_form_lines(&self, layers: &[Dense]) -> Vec<String> {
        let info = &self.training.run().info;
        let Some((w, b)) = &info.closed_form else {
            return Vec::new();
        };
        let fmt = |m: &ndarray::Array2<f64>| {
            m.iter()
                .map(|v| loss_chart::short(*v))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut out = vec![format!(
            "normal equation: W = [{}]  B = [{}]",
            fmt(w),
            fmt(b)
        )];
        if let Some((tw, tb)) = info.real_units(layers) {
            out.push(format!(
                "trained (units): W = [{}]  B = [{}]",
                fmt(&tw),
                fmt(&tb)
            ));
        }
        out
    }

    fn second_line(&self, look: Look) -> String {
        let tr = &self.training.run().trainer;
        if let Some(stop) = tr.stopped().filter(|_| self.training.viewing().is_none()) {
            let eta = if look.ascii { "lr" } else { "η" };
            return match stop {
                // Short enough for 80 columns, with what to do about it.
                StopReason::Diverged {
                    epoch,
                    loss,
                    learning_rate,
                } => format!(
                    "diverged at epoch {epoch} (loss {}): {eta} = {learning_rate} too large; [ halves {eta}, r restarts",
                    loss_chart::short(*loss)
                ),
                other => format!("stopped: {}", other.describe()),
            };
        }
        let m = tr.config().batch_size.rows(tr.train_set().rows());
        matrices::shapes_line(tr.network().layers(), m, look.ascii)
    }
}

fn rate(t: &Training) -> String {
    let r = t.measured_rate();
    if r >= 1.0 {
        format!("{r:.0} epochs/s")
    } else {
        speed_label(t.speed())
    }
}
