//! The lesson screen: a top bar that always says where we are (chapter,
//! lesson, step k/n, the step's title, the last action in words), the step
//! in a frame that shows when there is more to scroll, and a footer with the
//! keys that work here.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Input, LessonState};
use super::keymap;
use super::step_view::{self, ScrollMarks};
use super::text_fit::{footer_line, truncate};
use crate::words::{self, shell_words};

/// Where the parts of the lesson screen go.
#[derive(Clone, Copy, Debug)]
pub struct LessonLayout {
    pub header: Rect,
    pub frame: Rect,
    /// Inside the frame, with a column of padding on each side.
    pub body: Rect,
    pub footer: Rect,
}

/// Prose wider than this is hard to follow, so a wide window centres a
/// body of this width rather than stretching lines across it.
pub const MAX_BODY_WIDTH: u16 = 100;

#[must_use]
pub fn layout(area: Rect) -> LessonLayout {
    let [header, frame, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let [body] = Layout::horizontal([Constraint::Max(MAX_BODY_WIDTH)])
        .flex(Flex::Center)
        .areas(frame.inner(Margin::new(2, 1)));
    LessonLayout {
        header,
        frame,
        body,
        footer,
    }
}

pub fn render(app: &App, l: &LessonState, area: Rect, buf: &mut Buffer) {
    let parts = layout(area);
    render_header(app, l, parts.header, buf);
    let marks = step_view::render(app, l, parts.body, buf);
    render_frame(app, l, marks, parts.frame, buf);
    render_footer(app, l, parts.footer, buf);
}

/// The top bar. What a class needs most sits at the left end, which a
/// narrower client of a shared tmux window still sees: the step k/n and
/// the chapter on the first line, the last action on the second, then
/// the lesson's and the step's titles.
fn render_header(app: &App, l: &LessonState, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, app.theme);
    let lesson = l.session.lesson();
    let sep = theme.symbols().sep;
    let fold = |s: String| {
        if theme.ascii {
            crate::text::ascii::fold(&s).into_owned()
        } else {
            s
        }
    };
    let step_k = format!(
        " {} {}/{} ",
        shell_words(lang).step,
        l.session.index() + 1,
        l.session.len()
    );
    let rest = fold(format!(
        " {} {sep} {}",
        words::chapter(lang, lesson.chapter),
        lesson.title.get(lang)
    ));
    // A class's segment (learners, or following / away) goes with the step.
    let step_k = match super::class_view::header_segment(app) {
        Some(seg) => format!("{step_k}{sep} {seg} "),
        None => step_k,
    };
    let top = lead_line(&step_k, theme.bar_strong(), &rest, theme.bar(), area.width);
    let action = fold(format!(
        " {} {} ",
        theme.symbols().pointer,
        words::done(lang, &l.last)
    ));
    let title = fold(format!(" {}", l.session.step().title.get(lang)));
    let second = lead_line(&action, theme.key(), &title, theme.title(), area.width);
    Paragraph::new(vec![top, second]).render(area, buf);
}

/// A full-width line that starts with `lead` (cut with `…` only if it
/// alone is wider than the line) and goes on with `rest`, cut with `…` at
/// the edge; the rest of the line is blank in `rest_style`.
fn lead_line(
    lead: &str,
    lead_style: Style,
    rest: &str,
    rest_style: Style,
    width: u16,
) -> Line<'static> {
    let width = usize::from(width);
    let lead = truncate(lead, width);
    let rest = truncate(rest, width.saturating_sub(lead.width()));
    let gap = width.saturating_sub(lead.width() + rest.width());
    Line::from(vec![
        Span::styled(lead, lead_style),
        Span::styled(rest, rest_style),
        Span::styled(" ".repeat(gap), rest_style),
    ])
}

fn render_frame(app: &App, l: &LessonState, marks: ScrollMarks, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let sym = theme.symbols();
    let more = shell_words(app.lang).more;
    let mut block = Block::bordered()
        .border_set(theme.border())
        .border_style(theme.border_style())
        .title(Line::from(Span::styled(
            format!(
                " {} ",
                words::shell::step_kind(app.lang, &l.session.step().kind)
            ),
            theme.dim(),
        )));
    if marks.above > 0 {
        let t = format!(" {} {} {more} (k) ", sym.more_above, marks.above);
        block = block.title(Line::from(Span::styled(t, theme.key())).right_aligned());
    }
    if marks.below > 0 {
        let t = format!(" {} {} {more} (j) ", sym.more_below, marks.below);
        block = block.title_bottom(Line::from(Span::styled(t, theme.key())).right_aligned());
    }
    block.render(area, buf);
}

/// The footer's confirmation line at the end of a lesson: the next
/// chapter (its title cut with `…` if need be), then the keys.
fn next_offer(app: &App, entry: usize, width: u16) -> Line<'static> {
    let theme = app.theme;
    let keys = footer_line(keymap::CONFIRM, app, width);
    let Some(Ok(next)) = app.entries.get(entry).map(|e| &e.header) else {
        return keys;
    };
    let offer = words::course::next_offer(app.lang, next.chapter, next.title.get(app.lang));
    let offer = if theme.ascii {
        crate::text::ascii::fold(&offer).into_owned()
    } else {
        offer
    };
    let room = usize::from(width).saturating_sub(keys.width() + 2);
    let mut spans = vec![Span::styled(
        format!(" {} ", truncate(&offer, room)),
        theme.key(),
    )];
    spans.extend(keys.spans);
    Line::from(spans)
}

fn render_footer(app: &App, l: &LessonState, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, app.theme);
    let line = match &l.input {
        Input::Jump(typed) => {
            let lb = shell_words(lang);
            Line::from(vec![
                Span::styled(format!(" :{} ", lb.jump_prompt), theme.key()),
                Span::styled(format!("{typed}_"), theme.selected()),
                Span::styled(format!("   {}", lb.jump_hint), theme.dim()),
            ])
        }
        Input::Normal => {
            // A class's keys come first, so they stay when room is short.
            let mut all = super::class_ui::footer_bindings(app);
            all.extend_from_slice(keymap::bindings(app.screen_context()));
            footer_line(&all, app, area.width)
        }
        Input::NextLesson(i) => next_offer(app, *i, area.width),
    };
    Paragraph::new(line).render(area, buf);
}
