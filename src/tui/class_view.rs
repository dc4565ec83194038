//! Drawing a class: the top bar's segment (the instructor's learner count,
//! a learner's following / away / waiting), the class panel over the body
//! (per question of the step: answered n/N, right, close, wrong, the top
//! slips, the median time; who is still working on a held step; recent
//! joins and refusals), and a learner's screen before the lesson arrives.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Screen};
use super::class_ui::ClassUi;
use super::prose::wrap_styled;
use super::text_fit::truncate;
use crate::class::{Notice, QuestionTally};
use crate::lesson::Lang;
use crate::words::class::{self as cw, class_words};
use crate::words::class_tally;

fn fold(app: &App, s: String) -> String {
    if app.theme.ascii {
        crate::text::ascii::fold(&s).into_owned()
    } else {
        s
    }
}

/// The top bar's class segment, if this is a class.
#[must_use]
pub fn header_segment(app: &App) -> Option<String> {
    let lang = app.lang;
    let s = match app.class.as_deref()? {
        ClassUi::Teacher(t) => {
            let (n, away) = t.snapshot.as_ref().map_or((0, 0), |s| {
                (
                    s.learners.len(),
                    s.learners.iter().filter(|l| l.away).count(),
                )
            });
            cw::teacher_header(lang, n, away, t.locked, t.hold)
        }
        ClassUi::Learner(l) => {
            let f = &l.follow;
            cw::learner_header(lang, f.standing(), f.instructor().locked, f.held())
        }
    };
    Some(fold(app, s))
}

/// A question's two panel lines: its label (the question's text, or its
/// id) and counts, then its slips and median time under the counts.
fn question_lines(
    app: &App,
    (label, t): (&str, &QuestionTally),
    label_w: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let theme = app.theme;
    let label = truncate(&fold(app, label.to_string()), label_w);
    let pad = " ".repeat(label_w.saturating_sub(label.width()) + 2);
    let room = width.saturating_sub(label_w + 2);
    let counts = truncate(&fold(app, cw::panel_counts(app.lang, t)), room);
    let slips = truncate(&fold(app, cw::panel_slips(app.lang, t)), room);
    vec![
        Line::from(vec![
            Span::styled(format!("{label}{pad}"), theme.key()),
            Span::raw(counts),
        ]),
        Line::from(vec![
            Span::raw(" ".repeat(label_w + 2)),
            Span::styled(slips, theme.dim()),
        ]),
    ]
}

/// Columns a question's label may take at least, however long its counts.
const MIN_LABEL: usize = 12;

/// The step's tallies, each named by its question's text from the lesson
/// shown (cut to what the counts leave of `width`), else by its id.
fn tally_block(app: &App, tallies: &[&QuestionTally], width: usize) -> Vec<Line<'static>> {
    if tallies.is_empty() {
        let w = class_words(app.lang);
        return vec![Line::from(Span::styled(
            fold(app, w.no_step_questions.to_string()),
            app.theme.dim(),
        ))];
    }
    let lesson = match &app.screen {
        Screen::Lesson(l) => Some(l.session.lesson()),
        Screen::Home { .. } => None,
    };
    let labels: Vec<String> = (tallies.iter())
        .map(|t| class_tally::ask_of(lesson, app.lang, t).unwrap_or_else(|| t.question.clone()))
        .collect();
    let counts_w = (tallies.iter())
        .map(|t| fold(app, cw::panel_counts(app.lang, t)).width())
        .max()
        .unwrap_or(0);
    let room = width.saturating_sub(counts_w + 2).max(MIN_LABEL);
    let label_w = (labels.iter().map(|l| fold(app, l.clone()).width()).max())
        .unwrap_or(0)
        .clamp(4, room);
    (labels
        .iter()
        .map(String::as_str)
        .zip(tallies.iter().copied()))
    .flat_map(|row| question_lines(app, row, label_w, width))
    .collect()
}

fn notice_text(lang: Lang, n: &Notice) -> String {
    cw::notice(lang, n).unwrap_or_default()
}

fn wrapped(
    app: &App,
    text: String,
    width: usize,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    wrap_styled(&[(fold(app, text), style)], width, "", "")
}

/// The panel's lines for a text `width` columns wide.
#[must_use]
pub fn panel_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let (lang, theme) = (app.lang, app.theme);
    let w = class_words(lang);
    let Screen::Lesson(l) = &app.screen else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    match app.class.as_deref() {
        Some(ClassUi::Teacher(t)) => {
            let step = l.session.step();
            match &t.snapshot {
                Some(s) => {
                    lines.extend(wrapped(
                        app,
                        cw::panel_class_line(lang, s),
                        width,
                        theme.title(),
                    ));
                    let names: Vec<String> =
                        (s.learners.iter()).filter_map(|x| x.name.clone()).collect();
                    if !names.is_empty() {
                        let sep = if lang == Lang::Zh { "、" } else { ", " };
                        let line = truncate(&fold(app, names.join(sep)), width);
                        lines.push(Line::from(Span::styled(line, theme.dim())));
                    }
                }
                None => lines.push(Line::from(fold(app, w.no_learners.to_string()))),
            }
            if let Some((code, join)) = &t.join {
                let text = truncate(&fold(app, cw::panel_join(lang, code, join)), width);
                lines.push(Line::from(Span::styled(text, theme.key())));
            }
            let head = cw::panel_step(lang, l.session.index() + 1, step.title.get(lang));
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                truncate(&fold(app, head), width),
                theme.title(),
            )));
            let tallies: Vec<&QuestionTally> = (t.snapshot.iter())
                .flat_map(|s| s.questions.iter())
                .filter(|q| q.step == step.id)
                .collect();
            lines.extend(tally_block(app, &tallies, width));
            if !t.recent.is_empty() {
                lines.push(Line::default());
                lines.push(Line::from(Span::styled(
                    fold(app, w.recent.to_string()),
                    theme.title(),
                )));
                for n in &t.recent {
                    let text = truncate(&fold(app, notice_text(lang, n)), width);
                    lines.push(Line::from(Span::styled(text, theme.dim())));
                }
            }
        }
        Some(ClassUi::Learner(c)) => {
            let f = &c.follow;
            let st = f.instructor();
            let head = cw::learner_header(lang, f.standing(), st.locked, f.held());
            lines.push(Line::from(Span::styled(
                truncate(&fold(app, head), width),
                theme.title(),
            )));
            if let Some(step) = l.session.lesson().steps.get(st.step) {
                let head = cw::panel_step(lang, st.step + 1, step.title.get(lang));
                lines.push(Line::default());
                lines.push(Line::from(Span::styled(
                    truncate(&fold(app, head), width),
                    theme.title(),
                )));
            }
            match &st.reveal {
                Some(r) => {
                    let tallies: Vec<&QuestionTally> = r.iter().collect();
                    lines.extend(tally_block(app, &tallies, width));
                }
                None => lines.extend(wrapped(app, w.not_revealed.to_string(), width, theme.dim())),
            }
            lines.push(Line::default());
            lines.extend(wrapped(
                app,
                w.learner_panel_note.to_string(),
                width,
                theme.dim(),
            ));
        }
        None => {}
    }
    lines
}

/// Lines of the panel scrolled past, as kept (clamped when drawn).
fn panel_scroll(app: &App) -> u16 {
    match app.class.as_deref() {
        Some(ClassUi::Teacher(t)) => t.panel_scroll,
        Some(ClassUi::Learner(c)) => c.panel_scroll,
        None => 0,
    }
}

/// The panel's lines and how many of them it shows in `area` (the whole
/// screen), with the box they go in.
fn panel_layout(app: &App, area: Rect) -> (Vec<Line<'static>>, usize, Rect) {
    let area = super::help::room(area);
    let width = super::help::width(area);
    let lines = panel_lines(app, usize::from(width.saturating_sub(4)));
    let popup = super::help::centred(area, width, lines.len());
    let shown = usize::from(popup.height.saturating_sub(2));
    (lines, shown, popup)
}

/// How far the panel can scroll at the app's size (0: it fits).
#[must_use]
pub fn panel_max_scroll(app: &App) -> u16 {
    let area = Rect::new(0, 0, app.size.width, app.size.height);
    let (lines, shown, _) = panel_layout(app, area);
    u16::try_from(lines.len().saturating_sub(shown)).unwrap_or(u16::MAX)
}

/// The class panel over the body (below the top bar, above the footer),
/// scrolled with the help box's keys when longer than the screen: how
/// many lines are above and below, and the key, in its border.
pub fn render_panel(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let w = class_words(app.lang);
    let (lines, shown, popup) = panel_layout(app, area);
    let top = usize::from(panel_scroll(app)).min(lines.len().saturating_sub(shown));
    let below = lines.len().saturating_sub(top + shown);
    let close = fold(
        app,
        crate::words::describe(app.lang, crate::words::Does::ClassPanel, true).to_string(),
    );
    let more = crate::words::shell_words(app.lang).more;
    let sym = t.symbols();
    let mut block = Block::bordered()
        .border_set(t.border())
        .border_style(t.key())
        .title(Span::styled(format!(" {} ", w.panel_title), t.title()))
        .title_bottom(Line::from(Span::styled(format!(" c {close} "), t.dim())).right_aligned());
    if top > 0 {
        let m = format!(" {} {top} {more} (k) ", sym.more_above);
        block = block.title(Line::from(Span::styled(m, t.key())).right_aligned());
    }
    if below > 0 {
        let m = format!(" {} {below} {more} (j) ", sym.more_below);
        block = block.title_bottom(Line::from(Span::styled(m, t.key())).left_aligned());
    }
    super::help::clear(popup, buf);
    let inner = block.inner(popup).inner(Margin::new(1, 0));
    block.render(popup, buf);
    let visible: Vec<Line> = lines.into_iter().skip(top).take(shown).collect();
    Paragraph::new(visible).render(inner, buf);
}

/// A learner's screen before the instructor's lesson has arrived.
pub fn render_waiting(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(ClassUi::Learner(c)) = app.class.as_deref() else {
        return;
    };
    let t = app.theme;
    let w = class_words(app.lang);
    let head = cw::learner_header(app.lang, c.follow.standing(), false, false);
    let quit = crate::words::describe(app.lang, crate::words::Does::Quit, true);
    let lines = vec![
        Line::from(Span::styled(fold(app, head), t.title())),
        Line::default(),
        Line::from(Span::styled(fold(app, w.waiting.to_string()), t.dim())),
        Line::default(),
        Line::from(vec![
            Span::styled("q ", t.key()),
            Span::styled(fold(app, quit.to_string()), t.dim()),
        ]),
    ];
    let [row] = Layout::vertical([Constraint::Length(5)])
        .flex(Flex::Center)
        .areas(area);
    Paragraph::new(lines).centered().render(row, buf);
}
