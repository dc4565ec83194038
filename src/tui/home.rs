//! The home screen: the lesson list (chapter, title, steps seen out of all,
//! the quiz score with a `!n` mark for questions to review, a mark on the
//! lesson opened last), the selected lesson's summary, any notice about
//! saved progress, and the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Entry};
use super::keymap::{self, Context};
use super::prose;
use super::text_fit::{bar_line, footer_line, truncate};
use crate::lesson::Header;
use crate::session::LessonStatus;
use crate::words::{self, shell_words as labels};

pub fn render(app: &App, selected: usize, area: Rect, buf: &mut Buffer) {
    let notice_h = u16::from(app.notice.is_some()) * 2;
    let list_h = (u16::try_from(app.entries.len()).unwrap_or(u16::MAX))
        .saturating_add(2)
        .clamp(3, area.height / 2);
    let [bar, list, about, notice, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(list_h),
        Constraint::Min(3),
        Constraint::Length(notice_h),
        Constraint::Length(1),
    ])
    .areas(area);
    render_bar(app, bar, buf);
    render_list(app, selected, list, buf);
    render_about(app, selected, about, buf);
    if let Some(n) = &app.notice {
        Paragraph::new(Span::styled(format!(" ! {n}"), app.theme.warning()))
            .wrap(Wrap { trim: false })
            .render(notice, buf);
    }
    footer_line(keymap::bindings(Context::Home), app, footer.width).render(footer, buf);
}

fn render_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let l = labels(app.lang);
    bar_line(
        &format!(" {}", l.app_title),
        "",
        area.width,
        t.bar_strong(),
        t.bar(),
    )
    .render(area, buf);
}

fn frame<'a>(app: &App, title: &'a str) -> Block<'a> {
    Block::bordered()
        .border_set(app.theme.border())
        .border_style(app.theme.border_style())
        .title(Span::styled(format!(" {title} "), app.theme.title()))
}

fn render_list(app: &App, selected: usize, area: Rect, buf: &mut Buffer) {
    let (t, l) = (app.theme, labels(app.lang));
    let sym = t.symbols();
    let inner_w = area.width.saturating_sub(4);
    // The quiz column appears once some result is saved, as wide as needed,
    // and only when every title still fits whole beside it (the summary
    // below the list always shows the quiz progress).
    let quiz_w = (app.entries.iter())
        .filter_map(|e| e.header.as_ref().ok())
        .map(|l| quiz_cell(app, l).width())
        .max()
        .unwrap_or(0);
    let widest = (app.entries.iter())
        .map(|e| row(app, e, false, 0, u16::MAX).width())
        .max()
        .unwrap_or(0);
    let quiz_w = if quiz_w > 0 && widest + quiz_w + 2 <= usize::from(inner_w) {
        quiz_w
    } else {
        0
    };
    let review = if quiz_w > 0 {
        format!("   !n {}", l.to_review)
    } else {
        String::new()
    };
    let legend = format!(
        " {} {}   {} {}   n/m {}{review} ",
        sym.check,
        words::course::finished_legend(app.lang),
        sym.last_mark,
        l.last_opened,
        l.steps,
    );
    let block = frame(app, l.lessons)
        .title_bottom(Line::from(Span::styled(legend, t.dim())).right_aligned());
    let inner = block.inner(area).inner(Margin::new(1, 0));
    block.render(area, buf);
    if app.entries.is_empty() {
        Paragraph::new(l.no_lessons).render(inner, buf);
        return;
    }
    // Keep the selected row in view when the list is longer than the box.
    let h = usize::from(inner.height);
    let top = selected.saturating_sub(h.saturating_sub(1));
    let rows: Vec<Line> = (app.entries.iter().enumerate())
        .skip(top)
        .take(h)
        .map(|(i, e)| row(app, e, i == selected, quiz_w, inner.width))
        .collect();
    Paragraph::new(rows).render(inner, buf);
}

fn row(app: &App, e: &Entry, selected: bool, quiz_w: usize, width: u16) -> Line<'static> {
    let (t, l) = (app.theme, labels(app.lang));
    let sym = t.symbols();
    let pointer = if selected { sym.pointer } else { " " };
    let last = app.progress.last_opened.as_deref() == Some(e.id.as_str());
    let mark = if last { sym.last_mark } else { " " };
    let (chapter, title, count) = match &e.header {
        Ok(lesson) => {
            let status = LessonStatus::of(lesson, &app.progress);
            let seen = status.seen;
            let done = if status.finished() { sym.check } else { " " };
            let quiz = quiz_cell(app, lesson);
            let pad = " ".repeat(quiz_w.saturating_sub(quiz.width()));
            let quiz = if quiz_w > 0 {
                format!(" {quiz}{pad} ")
            } else {
                String::new()
            };
            (
                words::chapter(app.lang, lesson.chapter),
                lesson.title.get(app.lang).to_string(),
                format!("{quiz}{seen:>2}/{:<2} {done}", lesson.len()),
            )
        }
        Err(_) => ("?".into(), format!("{}: {}", e.id, l.broken), String::new()),
    };
    let left = format!("{pointer} {chapter:<10} {title}");
    let right = format!("{count} {mark} ");
    let style = if selected {
        t.selected()
    } else {
        ratatui::style::Style::new()
    };
    let room = usize::from(width).saturating_sub(right.width());
    let left = truncate(&left, room);
    let gap = if width == u16::MAX {
        1
    } else {
        room.saturating_sub(left.width())
    };
    Line::from(vec![
        Span::styled(left, style),
        Span::styled(" ".repeat(gap), style),
        Span::styled(right, style),
    ])
}

/// `quiz right/total` and `!n` questions to review, once the learner has a
/// saved result in the lesson; empty before that.
fn quiz_cell(app: &App, lesson: &Header) -> String {
    let total = lesson.quiz_questions().count();
    let saved = (app.progress.lesson(&lesson.id)).is_some_and(|l| !l.quiz.is_empty());
    if total == 0 || !saved {
        return String::new();
    }
    let (right, review) = app.progress.quiz_score(&lesson.id, lesson.quiz_questions());
    let flag = if review > 0 {
        format!(" !{review}")
    } else {
        String::new()
    };
    format!("{} {right}/{total}{flag}", labels(app.lang).quiz)
}

fn render_about(app: &App, selected: usize, area: Rect, buf: &mut Buffer) {
    let l = labels(app.lang);
    let block = frame(app, l.about);
    let inner = block.inner(area).inner(Margin::new(1, 0));
    block.render(area, buf);
    let Some(Entry {
        header: Ok(lesson), ..
    }) = app.entries.get(selected)
    else {
        return;
    };
    let mut lines = prose::lines(
        lesson.summary.get(app.lang),
        usize::from(inner.width),
        app.theme,
    );
    lines.push(Line::default());
    let status = LessonStatus::of(lesson, &app.progress);
    let quiz = words::course::quiz_progress(app.lang, &status);
    if !quiz.is_empty() {
        let quiz = if app.theme.ascii {
            crate::text::ascii::fold(&quiz).into_owned()
        } else {
            quiz
        };
        lines.push(Line::from(Span::styled(quiz, app.theme.dim())));
    }
    let steps = words::step_count(app.lang, lesson.len());
    lines.push(Line::from(Span::styled(
        format!("{}  {steps}", lesson.id),
        app.theme.dim(),
    )));
    Paragraph::new(lines).render(inner, buf);
}
