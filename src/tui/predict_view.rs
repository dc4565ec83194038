//! Predict-then-see in the full-screen program: while the current step
//! awaits a prediction, its run is locked and this view asks the question
//! (the step's note, which may tell what happens, waits too); afterwards a
//! band above the run puts the pick beside what the run did.
//!
//! The rules (what counts as a pick, when it is graded, what is saved) are
//! the session's; this view keeps the cursor and the typed number.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::app::{LessonState, StepState};
use super::dashboard::Look;
use crate::lesson::predict::PredictAnswer;
use crate::lesson::{Lang, StepKind, Text};
use crate::session::{PickError, Session};
use crate::text::wrap;
use crate::words::{self, Does, Done, predict_words};

/// Longest number line accepted.
const MAX_INPUT: usize = 40;

/// What a key asks of the prediction view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PredictKey {
    Up,
    Down,
    /// Lock in the chosen option or the typed number.
    Enter,
    /// Watch without predicting.
    Skip,
    /// A digit picks an option; in a number prediction, any number character.
    Char(char),
    Backspace,
}

/// The characters a number prediction takes (the rest are keys).
#[must_use]
pub fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E' | '/' | '−')
}

/// The cursor and the typed number of one step's question.
#[derive(Clone, Debug, Default)]
pub struct PredictView {
    selected: usize,
    input: String,
    error: Option<PickError>,
}

impl PredictView {
    /// Acts on a key; returns what happened, for the header. The caller
    /// starts the run once the session no longer awaits a prediction.
    pub fn key(&mut self, s: &mut Session, key: PredictKey) -> Option<Done> {
        let p = s.predict_question()?;
        let count = p.options().len();
        let number = matches!(p.answer, PredictAnswer::Number(_));
        match key {
            PredictKey::Up if count > 0 => self.selected = self.selected.saturating_sub(1),
            PredictKey::Down if count > 0 => self.selected = (self.selected + 1).min(count - 1),
            PredictKey::Char(c) if number => {
                if self.input.chars().count() < MAX_INPUT {
                    self.input.push(c);
                }
                self.error = None;
                return Some(Done::Key(Does::PredictType));
            }
            PredictKey::Char(c) => {
                let k = c.to_digit(10).map_or(0, |d| d as usize);
                if (1..=count).contains(&k) {
                    self.selected = k - 1;
                }
            }
            PredictKey::Backspace => {
                self.input.pop();
                self.error = None;
            }
            PredictKey::Skip => {
                s.skip_prediction();
                return Some(Done::Key(Does::PredictSkip));
            }
            PredictKey::Enter => {
                let typed = if number {
                    self.input.clone()
                } else {
                    (self.selected + 1).to_string()
                };
                return match s.predict(&typed) {
                    Ok(_) => Some(Done::Key(Does::PredictLockIn)),
                    Err(e) => {
                        self.error = Some(e);
                        None
                    }
                };
            }
            PredictKey::Up | PredictKey::Down => {}
        }
        Some(Done::Key(Does::PredictChoose))
    }

    /// The question, its options (or the number line) and what happens next.
    pub fn render(&self, s: &Session, area: Rect, buf: &mut Buffer, lang: Lang, look: Look) {
        let Some(p) = s.predict_question() else {
            return;
        };
        let w = predict_words(lang);
        let width = usize::from(area.width.saturating_sub(2)).max(1);
        let mut lines: Vec<Line<'static>> = Vec::new();
        for l in wrap(p.ask.get(lang), width, "", "") {
            lines.push(Line::from(l));
        }
        lines.push(Line::default());
        match &p.answer {
            PredictAnswer::Choice(options) => {
                for (i, o) in options.iter().enumerate() {
                    let here = i == self.selected;
                    let pointer = match (here, look.ascii) {
                        (true, false) => "▶",
                        (true, true) => ">",
                        (false, _) => " ",
                    };
                    let style = if here {
                        Style::default().add_modifier(Modifier::REVERSED)
                    } else {
                        Style::default()
                    };
                    let lead = format!("{pointer} {}) ", i + 1);
                    let rest = " ".repeat(lead.chars().count());
                    for l in wrap(o.text.get(lang), width, &lead, &rest) {
                        lines.push(Line::styled(l, style));
                    }
                }
            }
            PredictAnswer::Number(_) => {
                let meaning = words::predict::number_meaning(lang, p.measure);
                for l in wrap(meaning, width, "", "") {
                    lines.push(Line::styled(
                        l,
                        Style::default().add_modifier(Modifier::DIM),
                    ));
                }
                let cursor = if look.ascii { "_" } else { "▏" };
                let colon = if lang == Lang::Zh { "：" } else { ": " };
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("{}{colon}", w.your_number),
                        Style::default().add_modifier(Modifier::BOLD),
                    ),
                    Span::raw(format!("{}{cursor}", self.input)),
                ]));
            }
        }
        lines.push(Line::default());
        match &self.error {
            Some(e) => lines.push(Line::styled(
                words::predict::pick_error(lang, e),
                look.fg(ratatui::style::Color::Yellow)
                    .add_modifier(Modifier::BOLD),
            )),
            None => lines.push(Line::styled(
                w.before_run.to_string(),
                Style::default().add_modifier(Modifier::DIM),
            )),
        }
        let lines = super::text_fit::ascii_lines(lines, look.ascii);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(look.block(&format!(" {} ", w.heading)))
            .render(area, buf);
    }
}

/// The names of the current step's runs (empty for a train step).
fn run_names(s: &Session) -> Vec<Text> {
    match &s.step().kind {
        StepKind::Compare(c) => c.runs.iter().map(|r| r.name.clone()).collect(),
        _ => Vec::new(),
    }
}

/// Grades the current step's prediction once its run has stopped; true
/// when it was graded now (the caller saves the result).
pub fn settle(l: &mut LessonState) -> bool {
    match &l.step {
        StepState::Train(d) => l.session.settle_training(d.training()),
        StepState::Compare(c) => l.session.settle_comparison(c.comparison()),
        StepState::Page { .. }
        | StepState::Quiz(_)
        | StepState::Predict(_)
        | StepState::Landscape(_)
        | StepState::Plot(_) => false,
    }
}

/// Draws the line that puts the prediction beside the run at the top of
/// `area`, when the step has one in this sitting, and returns the rest.
pub fn verdict_band(s: &Session, area: Rect, buf: &mut Buffer, lang: Lang, look: Look) -> Rect {
    let (Some(p), Some(pred)) = (s.predict_question(), s.prediction()) else {
        return area;
    };
    let line = words::predict::verdict_line(lang, p, pred, &run_names(s), look.ascii);
    let style = match pred.verdict.as_ref().map(|v| v.right) {
        None => Style::default().add_modifier(Modifier::BOLD),
        Some(Some(true)) => look
            .fg(ratatui::style::Color::Green)
            .add_modifier(Modifier::BOLD),
        Some(Some(false)) => look
            .fg(ratatui::style::Color::Yellow)
            .add_modifier(Modifier::BOLD),
        Some(None) => Style::default(),
    };
    let lines: Vec<Line<'static>> = wrap(&line, usize::from(area.width).max(1), "", "  ")
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect();
    let h = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .min(2)
        .min(area.height.saturating_sub(6));
    if h == 0 {
        return area;
    }
    Paragraph::new(lines).render(Rect { height: h, ..area }, buf);
    Rect {
        y: area.y + h,
        height: area.height - h,
        ..area
    }
}
