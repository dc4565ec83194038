//! The `quiz` step view: the questions as a list with their state, the
//! selected one in full (options, or a generated case's sample and weights
//! with shapes, and what to find), the feedback on the last answer, hints
//! revealed one at a time and the worked solution — and an answer line.
//!
//! Enter starts answering the selected question; in the answer line Enter
//! submits, Esc leaves, and the words `hint` and `solution` (提示, 解答) ask
//! for the next hint or the worked solution, as in the plain runner.
//! Matrices are typed as `[[0.1, -0.2], [0.3, 0.4]]` or `0.1, -0.2; 0.3, 0.4`.

use std::collections::HashMap;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::formula::{self, Glyphs, RenderOptions};
use crate::lesson::{Lang, Question, QuestionKind};
use crate::plain::labels;
use crate::quiz::Outcome;
use crate::session::{Grade, Session, SolutionAccess, grade};
use crate::tui::dashboard::Look;

/// Answers allowed before the expected answer is shown.
pub const MAX_TRIES: u32 = 3;

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

/// A matrix answer entered cell by cell; typing `[` switches to pasting the
/// whole matrix on one line.
#[derive(Clone, Debug, Default)]
struct Grid {
    rows: usize,
    cols: usize,
    cells: Vec<String>,
    at: usize,
}

impl Grid {
    fn new((rows, cols): (usize, usize)) -> Self {
        Self {
            rows,
            cols,
            cells: vec![String::new(); rows * cols],
            at: 0,
        }
    }

    /// The answer as the parser reads it: `a, b; c, d`.
    fn text(&self) -> String {
        self.cells
            .chunks(self.cols.max(1))
            .map(|row| {
                row.iter()
                    .map(|c| if c.trim().is_empty() { "?" } else { c.trim() })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn step(&mut self, by: isize) {
        let n = self.cells.len() as isize;
        self.at = (self.at as isize + by).rem_euclid(n.max(1)) as usize;
    }
}

/// What the learner sees under one question.
#[derive(Clone, Debug, Default)]
struct Feedback {
    verdict: Option<(String, bool)>,
    hints: Vec<String>,
    solution: Vec<String>,
    note: Option<String>,
}

/// The state of the quiz view of one step.
#[derive(Clone, Debug, Default)]
pub struct QuizView {
    selected: usize,
    editing: bool,
    input: String,
    grid: Option<Grid>,
    feedback: HashMap<String, Feedback>,
}

impl QuizView {
    /// Whether typed keys go to the answer line (the shell then passes them all here).
    #[must_use]
    pub fn editing(&self) -> bool {
        self.editing
    }

    /// Acts on a key; returns what happened, in words, for the header.
    pub fn key(&mut self, s: &mut Session, key: QuizKey, lang: Lang) -> Option<String> {
        let n = s.questions().len();
        if n == 0 {
            return None;
        }
        self.selected = self.selected.min(n - 1);
        match (self.editing, key) {
            (false, QuizKey::Up) => self.selected = self.selected.saturating_sub(1),
            (false, QuizKey::Down) => self.selected = (self.selected + 1).min(n - 1),
            (false, QuizKey::Enter) => {
                self.editing = true;
                self.grid = matrix_shape(s, self.selected).map(Grid::new);
                return Some(format!("answer Q{}", self.selected + 1));
            }
            (true, QuizKey::Cancel) => self.editing = false,
            (true, k) if self.grid.is_some() => return self.grid_key(s, k, lang),
            (true, QuizKey::Backspace) => {
                self.input.pop();
            }
            (true, QuizKey::Char(c)) if self.input.len() < MAX_INPUT => self.input.push(c),
            (true, QuizKey::Enter) => return Some(self.submit(s, lang)),
            _ => return None,
        }
        None
    }

    /// A key while a matrix answer is entered cell by cell.
    fn grid_key(&mut self, s: &mut Session, key: QuizKey, lang: Lang) -> Option<String> {
        let grid = self.grid.as_mut()?;
        let empty = grid.cells.iter().all(String::is_empty);
        let at = grid.at;
        match key {
            QuizKey::Char('[') if empty => {
                // Pasting a whole matrix: back to the one-line answer.
                self.grid = None;
                self.input = "[".into();
            }
            QuizKey::Char('\t') => grid.step(1),
            QuizKey::Char(c) if grid.cells[at].len() < 64 => grid.cells[at].push(c),
            QuizKey::Backspace => {
                grid.cells[at].pop();
            }
            QuizKey::NextCell => grid.step(1),
            QuizKey::PrevCell => grid.step(-1),
            QuizKey::CellDown => grid.step(grid.cols as isize),
            QuizKey::CellUp => grid.step(-(grid.cols as isize)),
            QuizKey::Enter => {
                let text = grid.text();
                let shape = (grid.rows, grid.cols);
                self.input = text;
                let words = self.submit(s, lang);
                if self.editing {
                    self.grid = Some(Grid::new(shape));
                } else {
                    self.grid = None;
                }
                return Some(words);
            }
            _ => {}
        }
        None
    }

    fn submit(&mut self, s: &mut Session, lang: Lang) -> String {
        let Some(q) = s.questions().get(self.selected).cloned() else {
            return String::new();
        };
        let line = std::mem::take(&mut self.input);
        let l = labels::labels(lang);
        let fb = self.feedback.entry(q.id.clone()).or_default();
        match line.trim() {
            "hint" | "提示" => {
                fb.note = None;
                match s.hint(&q.id) {
                    Ok(Some(h)) => fb.hints.push(format!(
                        "{}: {}",
                        labels::hint(lang, h.number, h.total),
                        h.text.get(lang)
                    )),
                    _ => fb.note = Some(l.no_more_hints.to_string()),
                }
                return "hint".into();
            }
            "solution" | "解答" => {
                fb.note = None;
                match s.solution(&q.id) {
                    Ok(SolutionAccess::Shown(lines)) => {
                        fb.solution = lines.into_iter().map(|l| l.tex).collect()
                    }
                    Ok(SolutionAccess::NotYet { tries }) => {
                        fb.note = Some(labels::solution_not_yet(lang, tries))
                    }
                    _ => fb.note = Some(l.no_solution.to_string()),
                }
                return "solution".into();
            }
            "" => return String::new(),
            _ => {}
        }
        let Ok(g) = s.answer(&q.id, &line) else {
            return String::new();
        };
        let step = s.step().id.clone();
        let tries = s.state_of(&step, &q.id).attempts;
        let out_of_tries = g.counts() && !g.is_right() && tries >= MAX_TRIES;
        let verdict = match &g {
            Grade::Right => l.right.to_string(),
            Grade::Close { nearly } => format!("{}: {}", l.close, labels::nearly(lang, *nearly)),
            Grade::Wrong { reason } => format!("{}: {}", l.wrong, labels::reason(lang, reason)),
        };
        let case = s.case(&q.id).ok().flatten();
        let tail = if g.is_right() {
            String::new()
        } else if out_of_tries {
            format!(
                "; {}: {}",
                l.expected,
                grade::expected(&q, lang, case.as_ref())
            )
        } else {
            format!("; {}", l.try_again)
        };
        fb.verdict = Some((format!("{verdict}{tail}"), g.is_right()));
        fb.note = None;
        if g.is_right() || out_of_tries {
            self.editing = false;
            if let Ok(SolutionAccess::Shown(lines)) = s.solution(&q.id) {
                fb.solution = lines.into_iter().map(|l| l.tex).collect();
            }
        }
        format!(
            "answer Q{}: {}",
            self.selected + 1,
            if g.is_right() { "right" } else { "not right" }
        )
    }

    /// Draws the view of the current quiz step.
    pub fn render(&self, s: &Session, area: Rect, buf: &mut Buffer, lang: Lang, look: Look) {
        let qs = s.questions();
        if qs.is_empty() {
            return;
        }
        let list_h = (qs.len() as u16).min(area.height / 3).max(1);
        let input_h = match (&self.grid, self.editing) {
            (Some(g), true) => u16::try_from(g.rows + 1)
                .unwrap_or(u16::MAX)
                .min(area.height / 3)
                .max(1),
            _ => 1,
        };
        let [list, detail, input] = Layout::vertical([
            Constraint::Length(list_h),
            Constraint::Fill(1),
            Constraint::Length(input_h),
        ])
        .areas(area);
        let step = &s.step().id;
        let lines: Vec<Line> = qs
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let mark = match s.state_of(step, &q.id).outcome {
                    Outcome::Right | Outcome::RightAfterSolution => {
                        if look.ascii {
                            "+"
                        } else {
                            "✓"
                        }
                    }
                    Outcome::Missed => {
                        if look.ascii {
                            "x"
                        } else {
                            "✗"
                        }
                    }
                    Outcome::Unanswered => {
                        if look.ascii {
                            "."
                        } else {
                            "·"
                        }
                    }
                };
                let pointer = if i == self.selected {
                    if look.ascii { ">" } else { "▶" }
                } else {
                    " "
                };
                let style = if i == self.selected {
                    Style::default().add_modifier(Modifier::REVERSED)
                } else {
                    Style::default()
                };
                Line::styled(
                    format!("{pointer} Q{} {mark} {}", i + 1, q.ask.get(lang)),
                    style,
                )
            })
            .collect();
        let first = self
            .selected
            .saturating_sub(usize::from(list_h).saturating_sub(1));
        Paragraph::new(lines)
            .scroll((first as u16, 0))
            .render(list, buf);
        let q = &qs[self.selected.min(qs.len() - 1)];
        let body = self.detail(s, q, lang, look, usize::from(detail.width));
        // When the feedback does not fit under the question, scroll so the
        // newest lines (verdict, hints, solution) are in view.
        let inner_w = usize::from(detail.width.saturating_sub(2)).max(1);
        let rows: usize = body
            .iter()
            .map(|l| l.width().div_ceil(inner_w).max(1))
            .sum();
        let inner_h = usize::from(detail.height.saturating_sub(2));
        let top = if self.feedback.contains_key(&q.id) {
            rows.saturating_sub(inner_h)
        } else {
            0
        };
        Paragraph::new(body)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(top).unwrap_or(u16::MAX), 0))
            .block(look.block(&format!(" Q{} ", self.selected + 1)))
            .render(detail, buf);
        let l = labels::labels(lang);
        if let (true, Some(g)) = (self.editing, &self.grid) {
            render_grid(g, input, buf, lang, look);
            return;
        }
        let prompt = if self.editing {
            Line::from(vec![
                Span::styled(
                    l.prompt.to_string(),
                    Style::default().add_modifier(Modifier::BOLD),
                ),
                Span::raw(format!(
                    "{}_",
                    tail(&self.input, usize::from(input.width).saturating_sub(12))
                )),
            ])
        } else {
            Line::styled(
                if lang == Lang::Zh {
                    "Enter 作答 · ↑↓ 选题 · 输入 提示 / 解答"
                } else {
                    "Enter answer · ↑↓ choose · type hint / solution"
                }
                .to_string(),
                look.fg(Color::DarkGray),
            )
        };
        Paragraph::new(prompt).render(input, buf);
    }

    fn detail(
        &self,
        s: &Session,
        q: &Question,
        lang: Lang,
        look: Look,
        width: usize,
    ) -> Vec<Line<'static>> {
        let l = labels::labels(lang);
        let mut out = vec![Line::styled(
            q.ask.get(lang).to_string(),
            Style::default().add_modifier(Modifier::BOLD),
        )];
        match &q.kind {
            QuestionKind::Choice { options, .. } | QuestionKind::Choices { options, .. } => {
                out.extend(
                    options
                        .iter()
                        .enumerate()
                        .map(|(k, o)| Line::from(format!("  {}) {}", k + 1, o.get(lang)))),
                );
            }
            QuestionKind::Matrix { answer, .. } => {
                out.push(Line::from(labels::shape_note(lang, answer.dim())))
            }
            QuestionKind::Formula(key) => out.push(Line::from(format!(
                "{} {}",
                l.variables,
                key.vars.join(", ")
            ))),
            QuestionKind::Gradient { .. } => {
                if let Ok(Some(c)) = s.case(&q.id) {
                    let sizes: Vec<String> = std::iter::once(c.network.inputs().to_string())
                        .chain(
                            c.network
                                .layers()
                                .iter()
                                .map(|x| format!("{} {}", x.units(), x.activation.name())),
                        )
                        .collect();
                    out.push(Line::from(format!(
                        "{}: {} · {}: {}",
                        l.model,
                        sizes.join(" → "),
                        l.loss,
                        c.network.loss().name()
                    )));
                    for g in c.givens() {
                        let (r, k) = g.value.dim();
                        let rows: Vec<String> = g
                            .value
                            .rows()
                            .into_iter()
                            .map(|row| {
                                row.iter()
                                    .map(|v| format!("{v:.3}"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            })
                            .collect();
                        out.push(Line::from(format!(
                            "{} ({r}×{k}) = [{}]",
                            g.name,
                            rows.join("; ")
                        )));
                    }
                    out.push(Line::styled(
                        labels::find(lang, &c.asked_name(), c.answer().dim()),
                        Style::default().add_modifier(Modifier::BOLD),
                    ));
                }
            }
            _ => {}
        }
        let Some(fb) = self.feedback.get(&q.id) else {
            return out;
        };
        if let Some((v, right)) = &fb.verdict {
            let mark = match (right, look.ascii) {
                (true, true) => "+ ",
                (true, false) => "✓ ",
                (false, true) => "x ",
                (false, false) => "✗ ",
            };
            let color = if *right { Color::Green } else { Color::Red };
            out.push(Line::styled(
                format!("{mark}{v}"),
                look.fg(color).add_modifier(Modifier::BOLD),
            ));
        }
        out.extend(
            fb.hints
                .iter()
                .map(|h| Line::styled(h.clone(), look.fg(Color::Yellow))),
        );
        if let Some(n) = &fb.note {
            out.push(Line::from(n.clone()));
        }
        if !fb.solution.is_empty() {
            out.push(Line::styled(
                l.worked_solution.to_string(),
                Style::default().add_modifier(Modifier::BOLD),
            ));
            let glyphs = if look.ascii {
                Glyphs::Ascii
            } else {
                Glyphs::Unicode
            };
            for tex in &fb.solution {
                let r = formula::render_or_source(
                    tex,
                    &RenderOptions {
                        glyphs,
                        width: width.saturating_sub(4),
                    },
                );
                out.extend(
                    r.lines
                        .into_iter()
                        .map(|row| Line::from(format!("  {}", row.trim_end()))),
                );
            }
        }
        out
    }
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

/// The cells of a matrix answer, the current one in reverse video.
fn render_grid(g: &Grid, area: Rect, buf: &mut Buffer, lang: Lang, look: Look) {
    let head = match (lang, look.ascii) {
        (Lang::Zh, _) => format!(
            "逐格输入 {}×{}：Tab 下一格，Enter 提交，[ 粘贴整行",
            g.rows, g.cols
        ),
        (_, true) => format!(
            "{}x{} cell by cell: Tab next, Enter submits, [ to paste",
            g.rows, g.cols
        ),
        (_, false) => format!(
            "{}×{} cell by cell: Tab next, Enter submits, [ to paste",
            g.rows, g.cols
        ),
    };
    let mut lines = vec![Line::styled(
        head,
        Style::default().add_modifier(Modifier::BOLD),
    )];
    for r in 0..g.rows {
        let mut spans = vec![Span::raw("  [")];
        for c in 0..g.cols {
            let i = r * g.cols + c;
            let text = format!(" {:<8}", tail(&g.cells[i], 8));
            let style = if i == g.at {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            };
            spans.push(Span::styled(text, style));
        }
        spans.push(Span::raw(" ]"));
        lines.push(Line::from(spans));
    }
    Paragraph::new(lines).render(area, buf);
}

/// The end of `s` that fits in `width` characters.
fn tail(s: &str, width: usize) -> String {
    let n = s.chars().count();
    s.chars().skip(n.saturating_sub(width)).collect()
}
