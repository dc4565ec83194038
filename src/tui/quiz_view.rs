//! The `quiz` step view: the questions as a list with their state, the
//! selected one in full (options, or a generated case's sample and weights
//! with shapes, and what to find), the feedback on the last answer, hints
//! revealed one at a time and the worked solution — and an answer line.
//!
//! The quiz rules (tries, hints, the solution, verdicts) are the session's
//! ([`Session::respond`]); this view keeps the replies as data and puts them
//! into words when drawn, so switching language redraws them too.

mod detail;
mod grid;

use std::collections::HashMap;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::lesson::{Lang, QuestionKind};
use crate::quiz::{Grade, Nearly, Outcome, Reason, SolutionLine};
use crate::session::{Hint, Reply, Session, Verdict};
use crate::tui::dashboard::Look;
use crate::words::{self, Done, quiz_words};
use grid::{Grid, tail};

/// Longest answer line accepted (the parser reports anything odd in it).
const MAX_INPUT: usize = 4000;

/// What a key asks of the quiz view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuizKey {
    Up,
    Down,
    /// Enter: start answering, or submit the answer line.
    Enter,
    /// Esc: leave the answer line.
    Cancel,
    Char(char),
    Backspace,
    /// Tab / →: the next cell of a matrix answer.
    NextCell,
    /// Shift-Tab / ←: the previous cell.
    PrevCell,
    CellDown,
    CellUp,
}

/// A reply that is not a verdict, kept until the next answer.
#[derive(Clone, Debug, PartialEq)]
enum Note {
    NoMoreHints,
    SolutionNotYet { tries: u32 },
    NoSolution,
}

/// What the learner sees under one question, as data.
#[derive(Clone, Debug, Default)]
struct Feedback {
    verdict: Option<Verdict>,
    hints: Vec<Hint>,
    solution: Vec<SolutionLine>,
    note: Option<Note>,
}

impl Feedback {
    /// Keeps what `reply` shows.
    fn take(&mut self, reply: Reply) {
        self.note = None;
        match reply {
            Reply::Skipped => {}
            Reply::Hint(h) => self.hints.push(h),
            Reply::NoMoreHints => self.note = Some(Note::NoMoreHints),
            Reply::Solution(lines) => self.solution = lines,
            Reply::SolutionNotYet { tries } => self.note = Some(Note::SolutionNotYet { tries }),
            Reply::NoSolution => self.note = Some(Note::NoSolution),
            Reply::Verdict(mut v) => {
                if let Some(lines) = v.solution.take() {
                    self.solution = lines;
                }
                self.verdict = Some(v);
            }
        }
    }
}

/// The state of the quiz view of one step.
#[derive(Clone, Debug, Default)]
pub struct QuizView {
    selected: usize,
    editing: bool,
    input: String,
    grid: Option<Grid>,
    feedback: HashMap<String, Feedback>,
    /// Lines the question box is scrolled from where it would show by
    /// itself (its top, or its newest lines after an answer): PgUp/PgDn
    /// while answering, so the given matrices stay within reach.
    detail_offset: i32,
    /// The last graded answer (question id, grade, tries), until taken: a
    /// class learner sends it to the instructor.
    graded: Option<(String, Grade, u32)>,
}

impl QuizView {
    /// Whether typed keys go to the answer line (the shell then passes them all here).
    #[must_use]
    pub fn editing(&self) -> bool {
        self.editing
    }

    /// Takes the last graded answer: (question id, grade, tries).
    pub fn take_graded(&mut self) -> Option<(String, Grade, u32)> {
        self.graded.take()
    }

    /// Acts on a key; returns what happened, for the header.
    pub fn key(&mut self, s: &mut Session, key: QuizKey) -> Option<Done> {
        let n = s.questions().len();
        if n == 0 {
            return None;
        }
        self.selected = self.selected.min(n - 1);
        if matches!(key, QuizKey::Up | QuizKey::Down | QuizKey::Enter) {
            self.detail_offset = 0;
        }
        match (self.editing, key) {
            (false, QuizKey::Up) => self.selected = self.selected.saturating_sub(1),
            (false, QuizKey::Down) => self.selected = (self.selected + 1).min(n - 1),
            (false, QuizKey::Enter) => {
                self.editing = true;
                self.grid = matrix_shape(s, self.selected).map(Grid::new);
                return Some(Done::Answering(self.selected + 1));
            }
            (true, QuizKey::Cancel) => self.editing = false,
            (true, k) if self.grid.is_some() => return self.grid_key(s, k),
            (true, QuizKey::Backspace) => {
                self.input.pop();
            }
            (true, QuizKey::Char(c)) if self.input.len() < MAX_INPUT => self.input.push(c),
            (true, QuizKey::Enter) => return Some(self.submit(s)),
            _ => return None,
        }
        None
    }

    /// A key while a matrix answer is entered cell by cell.
    fn grid_key(&mut self, s: &mut Session, key: QuizKey) -> Option<Done> {
        let grid = self.grid.as_mut()?;
        match key {
            QuizKey::Char('[') if grid.is_empty() => {
                // Pasting a whole matrix: back to the one-line answer.
                self.grid = None;
                self.input = "[".into();
            }
            QuizKey::Char('\t') | QuizKey::NextCell => grid.step(1),
            QuizKey::Char(c) => grid.push(c),
            QuizKey::Backspace => grid.pop(),
            QuizKey::PrevCell => grid.step(-1),
            QuizKey::CellDown => grid.step(grid.cols as isize),
            QuizKey::CellUp => grid.step(-(grid.cols as isize)),
            QuizKey::Enter => {
                // `hint` or `solution` typed into a cell (the others empty)
                // asks for it, as on the one-line answer.
                let command = grid.command();
                self.input = match &command {
                    Some(c) => c.clone(),
                    None if grid.is_empty() => String::new(),
                    None => grid.text(),
                };
                let done = self.submit(s);
                let wrong = self.last_wrong_cells(s);
                let Some(grid) = self.grid.as_mut() else {
                    return Some(done);
                };
                if command.is_some() {
                    grid.clear_current();
                }
                // A wrong matrix keeps what was typed, with the wrong cells
                // marked, so one cell can be corrected.
                grid.wrong = wrong;
                if !self.editing {
                    self.grid = None;
                }
                return Some(match done {
                    Done::EmptyAnswer => Done::EmptyGrid,
                    other => other,
                });
            }
            _ => {}
        }
        None
    }

    /// The cells the last verdict on the selected question found wrong.
    fn last_wrong_cells(&self, s: &Session) -> Vec<(usize, usize)> {
        let Some(q) = s.questions().get(self.selected) else {
            return Vec::new();
        };
        let verdict = self.feedback.get(&q.id).and_then(|f| f.verdict.as_ref());
        match verdict.map(|v| &v.grade) {
            Some(Grade::Wrong {
                reason: Reason::CellsWrong { cells, .. },
            }) => cells.clone(),
            Some(Grade::Close {
                nearly: Nearly::Rounding { cell: Some(c) },
            }) => vec![*c],
            _ => Vec::new(),
        }
    }

    /// Sends the answer line to the session and keeps its reply.
    fn submit(&mut self, s: &mut Session) -> Done {
        let Some(q) = s.questions().get(self.selected).cloned() else {
            return Done::EmptyAnswer;
        };
        let line = std::mem::take(&mut self.input);
        let n = self.selected + 1;
        let Ok(reply) = s.respond(&q.id, &line) else {
            return Done::EmptyAnswer;
        };
        let done = match &reply {
            Reply::Skipped => Done::EmptyAnswer,
            Reply::Hint(_) | Reply::NoMoreHints => Done::HintShown(n),
            Reply::Solution(_) | Reply::SolutionNotYet { .. } | Reply::NoSolution => {
                Done::SolutionAsked(n)
            }
            Reply::Verdict(v) => {
                self.graded = Some((q.id.clone(), v.grade.clone(), v.tries));
                if v.finished() {
                    self.editing = false;
                }
                Done::Answered {
                    question: n,
                    right: v.grade.is_right(),
                }
            }
        };
        self.feedback.entry(q.id.clone()).or_default().take(reply);
        done
    }

    /// Draws the view of the current quiz step.
    /// The list, the question box and the answer line in `area`. While a
    /// matrix is typed cell by cell, the list keeps only the selected
    /// question, to leave the box room for the given matrices.
    fn areas(&self, questions: usize, area: Rect) -> [Rect; 3] {
        let list_h = if self.editing && self.grid.is_some() {
            1
        } else {
            (questions as u16).min(area.height / 3).max(1)
        };
        let input_h = match (&self.grid, self.editing) {
            (Some(g), true) => u16::try_from(g.rows + 1)
                .unwrap_or(u16::MAX)
                .min(area.height / 3)
                .max(1),
            _ => 1,
        };
        Layout::vertical([
            Constraint::Length(list_h),
            Constraint::Fill(1),
            Constraint::Length(input_h),
        ])
        .areas(area)
    }

    /// The question box's lines for a box `detail`, with the row it shows
    /// by itself and the last row it can start at.
    fn detail(
        &self,
        s: &Session,
        detail: Rect,
        lang: Lang,
        look: Look,
    ) -> Option<(Vec<Line<'static>>, usize, usize)> {
        let qs = s.questions();
        let q = qs.get(self.selected.min(qs.len().checked_sub(1)?))?;
        let fb = self.feedback.get(&q.id);
        let body = detail::lines(s, q, fb, lang, look, usize::from(detail.width));
        let body = crate::tui::text_fit::ascii_lines(body, look.ascii);
        let inner_w = usize::from(detail.width.saturating_sub(2)).max(1);
        let rows: usize = (body.iter())
            .map(|l| l.width().div_ceil(inner_w).max(1))
            .sum();
        let last = rows.saturating_sub(usize::from(detail.height.saturating_sub(2)));
        // When the feedback does not fit under the question, the newest
        // lines (verdict, hints, solution) are in view.
        let auto = if fb.is_some() { last } else { 0 };
        Some((body, auto, last))
    }

    /// Scrolls the question box by `by` lines, for the view in `area`.
    pub fn scroll_detail(&mut self, s: &Session, area: Rect, lang: Lang, look: Look, by: i32) {
        let [_, detail, _] = self.areas(s.questions().len(), area);
        let Some((_, auto, last)) = self.detail(s, detail, lang, look) else {
            return;
        };
        let (auto, last) = (to_i32(auto), to_i32(last));
        let top = (auto + self.detail_offset + by).clamp(0, last);
        self.detail_offset = top - auto;
    }

    pub fn render(&self, s: &Session, area: Rect, buf: &mut Buffer, lang: Lang, look: Look) {
        let qs = s.questions();
        if qs.is_empty() {
            return;
        }
        let [list, detail, input] = self.areas(qs.len(), area);
        self.render_list(s, list, buf, lang, look);
        let Some((body, auto, last)) = self.detail(s, detail, lang, look) else {
            return;
        };
        let top = (to_i32(auto) + self.detail_offset).clamp(0, to_i32(last));
        let top = usize::try_from(top).unwrap_or(0);
        let title = format!(" {} ", words::quiz::question_tag(lang, self.selected + 1));
        let mut block = look.block(&title);
        if self.editing {
            // While answering, PgUp/PgDn scroll this box (the given
            // matrices), and its edges say so.
            let more = words::shell_words(lang).more;
            let (up, down) = if look.ascii {
                ("^", "v")
            } else {
                ("↑", "↓")
            };
            if top > 0 {
                let m = format!(" {up} {top} {more} (PgUp) ");
                block = block.title(Line::from(m).right_aligned());
            }
            if last > top {
                let m = format!(" {down} {} {more} (PgDn) ", last - top);
                block = block.title_bottom(Line::from(m).right_aligned());
            }
        }
        Paragraph::new(body)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(top).unwrap_or(u16::MAX), 0))
            .block(block)
            .render(detail, buf);
        if let (true, Some(g)) = (self.editing, &self.grid) {
            g.render(input, buf, lang, look);
            return;
        }
        Paragraph::new(self.prompt(usize::from(input.width), lang, look)).render(input, buf);
    }

    fn render_list(&self, s: &Session, area: Rect, buf: &mut Buffer, lang: Lang, look: Look) {
        let step = &s.step().id;
        let lines: Vec<Line> = (s.questions().iter().enumerate())
            .map(|(i, q)| {
                let mark = match (s.state_of(step, &q.id).outcome, look.ascii) {
                    (Outcome::Right | Outcome::RightAfterSolution, false) => "✓",
                    (Outcome::Right | Outcome::RightAfterSolution, true) => "+",
                    (Outcome::Missed, false) => "✗",
                    (Outcome::Missed, true) => "x",
                    (Outcome::Unanswered, false) => "·",
                    (Outcome::Unanswered, true) => ".",
                };
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
                let tag = words::quiz::question_tag(lang, i + 1);
                let text = format!("{pointer} {tag} {mark} {}", q.ask.get(lang));
                // A question longer than the line ends in `…` (the box
                // below shows it whole).
                let text = crate::tui::text_fit::truncate(&text, usize::from(area.width));
                Line::styled(text, style)
            })
            .collect();
        let lines = crate::tui::text_fit::ascii_lines(lines, look.ascii);
        let first = (self.selected).saturating_sub(usize::from(area.height).saturating_sub(1));
        Paragraph::new(lines)
            .scroll((u16::try_from(first).unwrap_or(u16::MAX), 0))
            .render(area, buf);
    }

    /// The answer line while typing, else what the keys do.
    fn prompt(&self, width: usize, lang: Lang, look: Look) -> Line<'static> {
        if self.editing {
            return Line::from(vec![
                Span::styled(
                    quiz_words(lang).prompt.to_string(),
                    Style::default().add_modifier(Modifier::BOLD),
                ),
                Span::raw(format!("{}_", tail(&self.input, width.saturating_sub(12)))),
            ]);
        }
        let arrows = if look.ascii { "Up/Down" } else { "↑↓" };
        Line::styled(
            words::quiz::idle_prompt(lang, arrows),
            look.fg(Color::DarkGray),
        )
    }
}

fn to_i32(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// The expected (rows, cols) of the selected question when it is a matrix
/// with more than one value, for the cell-by-cell editor.
fn matrix_shape(s: &Session, selected: usize) -> Option<(usize, usize)> {
    let q = s.questions().get(selected)?;
    let shape = match &q.kind {
        QuestionKind::Matrix { answer, .. } => answer.dim(),
        QuestionKind::Gradient { .. } => s.case(&q.id).ok().flatten()?.answer().dim(),
        _ => return None,
    };
    (shape.0 * shape.1 > 1).then_some(shape)
}
