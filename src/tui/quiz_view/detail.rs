//! The selected question in full: its text, what it gives (options, a
//! generated case's network and matrices), what to find, and the feedback
//! kept for it — verdict, hints and worked solution — in the current
//! language.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use super::{Feedback, Note};
use crate::formula::{self, Glyphs, RenderOptions};
use crate::lesson::{Lang, Question, QuestionKind};
use crate::quiz::number;
use crate::session::Session;
use crate::tui::dashboard::Look;
use crate::words::{self, quiz_words};

fn bold() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

/// The lines of question `q` with its feedback `fb`, `width` columns wide.
pub(super) fn lines(
    s: &Session,
    q: &Question,
    fb: Option<&Feedback>,
    lang: Lang,
    look: Look,
    width: usize,
) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(q.ask.get(lang).to_string(), bold())];
    out.extend(givens(s, q, lang, look));
    if let Some(fb) = fb {
        out.extend(feedback(fb, lang, look, width));
    }
    out
}

/// What the question gives besides its text.
fn givens(s: &Session, q: &Question, lang: Lang, look: Look) -> Vec<Line<'static>> {
    let w = quiz_words(lang);
    match &q.kind {
        QuestionKind::Choice { options, .. } | QuestionKind::Choices { options, .. } => {
            (options.iter().enumerate())
                .map(|(k, o)| Line::from(format!("  {}) {}", k + 1, o.get(lang))))
                .collect()
        }
        QuestionKind::Matrix { answer, .. } => {
            vec![Line::from(words::quiz::shape_note(lang, answer.dim()))]
        }
        QuestionKind::Formula(key) => vec![Line::from(format!(
            "{} {}",
            w.variables,
            key.vars.join(", ")
        ))],
        QuestionKind::Gradient { .. } => {
            let Ok(Some(c)) = s.case(&q.id) else {
                return Vec::new();
            };
            let times = if look.ascii { "x" } else { "×" };
            let mut out = vec![Line::from(words::quiz::model_line(lang, &c.network))];
            for g in c.givens() {
                let (r, k) = g.value.dim();
                let rows: Vec<String> = (g.value.rows().into_iter())
                    .map(|row| {
                        row.iter()
                            .map(|v| number(*v))
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .collect();
                out.push(Line::from(format!(
                    "{} ({r}{times}{k}) = [{}]",
                    g.name,
                    rows.join("; ")
                )));
            }
            out.push(Line::styled(
                words::quiz::find(lang, &c.asked_name(), c.answer().dim()),
                bold(),
            ));
            out
        }
        QuestionKind::Number { .. } => Vec::new(),
    }
}

/// The verdict, hints, note and worked solution kept for a question.
fn feedback(fb: &Feedback, lang: Lang, look: Look, width: usize) -> Vec<Line<'static>> {
    let w = quiz_words(lang);
    let mut out = Vec::new();
    if let Some(v) = &fb.verdict {
        let right = v.grade.is_right();
        let mark = match (right, look.ascii) {
            (true, true) => "+ ",
            (true, false) => "✓ ",
            (false, true) => "x ",
            (false, false) => "✗ ",
        };
        let color = if right { Color::Green } else { Color::Red };
        out.push(Line::styled(
            format!("{mark}{}", words::quiz::verdict(lang, v)),
            look.fg(color).add_modifier(Modifier::BOLD),
        ));
    }
    let sep = if lang == Lang::Zh { "：" } else { ": " };
    out.extend(fb.hints.iter().map(|h| {
        Line::styled(
            format!(
                "{}{sep}{}",
                words::quiz::hint(lang, h.number, h.total),
                h.text.get(lang)
            ),
            look.fg(Color::Yellow),
        )
    }));
    if let Some(n) = &fb.note {
        let text = match n {
            Note::NoMoreHints => w.no_more_hints.to_string(),
            Note::SolutionNotYet { tries } => words::quiz::solution_not_yet(lang, *tries),
            Note::NoSolution => w.no_solution.to_string(),
        };
        out.push(Line::from(text));
    }
    if !fb.solution.is_empty() {
        out.push(Line::styled(w.worked_solution.to_string(), bold()));
        let glyphs = if look.ascii {
            Glyphs::Ascii
        } else {
            Glyphs::Unicode
        };
        let opts = RenderOptions {
            glyphs,
            width: width.saturating_sub(4),
        };
        for line in &fb.solution {
            let r = formula::render_or_source(&line.tex, &opts);
            out.extend(
                (r.lines.into_iter()).map(|row| Line::from(format!("  {}", row.trim_end()))),
            );
        }
    }
    out
}
