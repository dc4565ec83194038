//! The body of the lesson screen, one file per step kind. A static step is
//! a page: the step's note, then its content, as styled lines that the
//! lesson screen scrolls. `train`, `compare` and `quiz` show a placeholder
//! describing what will run; the live dashboard replaces it by adding a
//! variant to [`StepState`] and a branch to
//! [`render`].

mod capacity;
mod formula;
mod matrix;
mod placeholder;
mod table;
mod text;

use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::app::{App, LessonState, StepState};
use super::dashboard::Look;
use super::lesson_view;
use super::prose;
use super::theme::Theme;
use crate::lesson::{Lang, StepKind};
use crate::session::Session;

/// What every step view needs to know besides its step.
#[derive(Clone, Copy, Debug)]
pub struct ViewCtx {
    pub lang: Lang,
    pub theme: Theme,
    /// The body's size in cells.
    pub width: u16,
    pub height: u16,
}

/// The current step of `session` as page lines.
#[must_use]
pub fn page_lines(session: &Session, ctx: &ViewCtx) -> Vec<Line<'static>> {
    let step = session.step();
    let width = usize::from(ctx.width);
    let mut out = Vec::new();
    if let Some(note) = &step.note {
        out.extend(prose::lines(note.get(ctx.lang), width, ctx.theme));
        out.push(Line::default());
    }
    let body = match &step.kind {
        StepKind::Text(t) => text::lines(t, ctx),
        StepKind::Formula { tex, caption } => formula::lines(tex, caption.as_ref(), ctx),
        StepKind::Matrix(m) => matrix::lines(m, ctx),
        StepKind::Table(t) => table::lines(t, ctx),
        StepKind::Capacity(c) => capacity::lines(c, ctx),
        StepKind::Train(_)
        | StepKind::Compare(_)
        | StepKind::Quiz(_)
        | StepKind::Landscape(_)
        | StepKind::Plot(_) => placeholder::lines(session, ctx),
    };
    out.extend(body);
    while out.last().is_some_and(|l| l.width() == 0) {
        out.pop();
    }
    if session.index() + 1 == session.len() {
        out.push(Line::default());
        let end = crate::words::shell_words(ctx.lang).end_of_lesson;
        out.push(Line::from(ratatui::text::Span::styled(
            end,
            ctx.theme.dim(),
        )));
    }
    out
}

/// The body's height on a terminal of `size`.
#[must_use]
pub fn body_height(size: Size) -> u16 {
    lesson_view::layout(Rect::new(0, 0, size.width, size.height))
        .body
        .height
}

fn ctx_for(app: &App, body: Rect) -> ViewCtx {
    ViewCtx {
        lang: app.lang,
        theme: app.theme,
        width: body.width,
        height: body.height,
    }
}

/// How far the current page can scroll at the app's size.
#[must_use]
pub fn max_scroll(app: &App, l: &LessonState) -> u16 {
    let body = lesson_view::layout(Rect::new(0, 0, app.size.width, app.size.height)).body;
    let n = page_lines(&l.session, &ctx_for(app, body)).len();
    u16::try_from(n.saturating_sub(usize::from(body.height))).unwrap_or(u16::MAX)
}

/// Where a page is scrolled: lines hidden above and below.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScrollMarks {
    pub above: usize,
    pub below: usize,
}

/// Draws the current step into `body` and says what is scrolled out of view.
pub fn render(app: &App, l: &LessonState, body: Rect, buf: &mut Buffer) -> ScrollMarks {
    match &l.step {
        StepState::Page { scroll } => {
            let lines = page_lines(&l.session, &ctx_for(app, body));
            let h = usize::from(body.height);
            let top = usize::from(*scroll).min(lines.len().saturating_sub(h));
            let marks = ScrollMarks {
                above: top,
                below: lines.len().saturating_sub(top + h),
            };
            let visible: Vec<Line> = lines.into_iter().skip(top).take(h).collect();
            Paragraph::new(visible).render(body, buf);
            marks
        }
        live => {
            let ctx = ctx_for(app, body);
            let keys = match live {
                // While answering, PgDn/PgUp scroll the question instead.
                StepState::Quiz(q) if q.editing() => ("Esc, PgDn", "Esc, PgUp"),
                StepState::Quiz(_) => ("PgDn", "PgUp"),
                _ => ("j", "k"),
            };
            let look = Look {
                color: app.theme.color,
                ascii: app.theme.ascii,
            };
            // The note waits with the run: it may tell what the run does.
            let area = if matches!(live, StepState::Predict(_)) {
                body
            } else {
                let area = note_above(&l.session, &ctx, l.note_scroll, keys, body, buf);
                super::predict_view::verdict_band(&l.session, area, buf, app.lang, look)
            };
            match live {
                StepState::Train(d) => d.render(area, buf, app.lang),
                StepState::Compare(c) => c.render(area, buf, app.lang),
                StepState::Landscape(v) => v.render(area, buf, app.lang),
                StepState::Plot(v) => v.render(area, buf, app.lang),
                StepState::Quiz(q) => q.render(&l.session, area, buf, app.lang, look),
                StepState::Predict(p) => p.render(&l.session, area, buf, app.lang, look),
                StepState::Page { .. } => {}
            }
            ScrollMarks::default()
        }
    }
}

/// The step's note above a live view gets at most this share of the body
/// (a quarter, at least two lines); the rest scrolls (j/k or PgDn/PgUp).
fn note_room(body_height: u16) -> usize {
    usize::from(body_height / 4).max(2)
}

/// The note's lines at `width`, or nothing when the step has none.
fn note_lines(session: &Session, ctx: &ViewCtx) -> Vec<Line<'static>> {
    session.step().note.as_ref().map_or_else(Vec::new, |note| {
        prose::lines(note.get(ctx.lang), usize::from(ctx.width), ctx.theme)
    })
}

/// How far the note above a live step can scroll at the app's size.
#[must_use]
pub fn max_note_scroll(app: &App, l: &LessonState) -> u16 {
    if matches!(l.step, StepState::Page { .. }) {
        return 0;
    }
    let body = lesson_view::layout(Rect::new(0, 0, app.size.width, app.size.height)).body;
    let n = note_lines(&l.session, &ctx_for(app, body)).len();
    let room = note_room(body.height);
    if n <= room {
        return 0;
    }
    // One row goes to the line that says there is more.
    u16::try_from(n - (room - 1)).unwrap_or(u16::MAX)
}

/// Rows the note above a live view takes in `body` (its "more" line
/// included): what [`note_above`] draws.
fn note_height(session: &Session, ctx: &ViewCtx, body: Rect) -> u16 {
    let n = note_lines(session, ctx).len().min(note_room(body.height));
    u16::try_from(n)
        .unwrap_or(0)
        .min(body.height.saturating_sub(4))
}

/// The area a live step's own view gets below its note, at the app's size.
#[must_use]
pub fn live_area(app: &App) -> Rect {
    let body = lesson_view::layout(Rect::new(0, 0, app.size.width, app.size.height)).body;
    let h = match &app.screen {
        super::app::Screen::Lesson(l) => note_height(&l.session, &ctx_for(app, body), body),
        super::app::Screen::Home { .. } => 0,
    };
    Rect {
        y: body.y + h,
        height: body.height - h,
        ..body
    }
}

/// Draws the step's note above a live view, scrolled by `scroll` lines,
/// and returns the area left for the view. A note longer than its room
/// shows what fits and a line saying how much more there is and which key
/// scrolls it, so no part of it is out of reach.
fn note_above(
    session: &Session,
    ctx: &ViewCtx,
    scroll: u16,
    keys: (&str, &str),
    body: Rect,
    buf: &mut Buffer,
) -> Rect {
    let mut lines = note_lines(session, ctx);
    if lines.is_empty() {
        return body;
    }
    let room = note_room(body.height);
    if lines.len() > room {
        let shown = room - 1;
        let top = usize::from(scroll).min(lines.len() - shown);
        let (above, below) = (top, lines.len() - top - shown);
        lines = lines.into_iter().skip(top).take(shown).collect();
        let sym = ctx.theme.symbols();
        let more = crate::words::shell_words(ctx.lang).more;
        let mut marks = Vec::new();
        if below > 0 {
            marks.push(format!("{} {below} {more} ({})", sym.more_below, keys.0));
        }
        if above > 0 {
            marks.push(format!("{} {above} ({})", sym.more_above, keys.1));
        }
        lines.push(Line::from(ratatui::text::Span::styled(
            format!("{} {}", sym.sep, marks.join("  ")),
            ctx.theme.key(),
        )));
    }
    let h = note_height(session, ctx, body);
    Paragraph::new(lines).render(Rect { height: h, ..body }, buf);
    Rect {
        y: body.y + h,
        height: body.height - h,
        ..body
    }
}
