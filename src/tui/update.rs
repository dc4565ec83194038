//! `update`: the only function that changes the [`App`]. No terminal and
//! no file I/O here (progress changes are queued for the event loop), so
//! every behaviour is testable with plain messages.

use super::app::{App, Input, Origin, Overlay, Screen, StepState};
use super::message::Message;
use super::{help, step_view};
use crate::lesson::Lang;
use crate::session::{self, Moved};
use crate::words::{Does, Done};

/// Applies one message.
pub fn update(app: &mut App, msg: Message) {
    match msg {
        Message::Quit => app.running = false,
        Message::Interrupt => {
            app.running = false;
            app.interrupted = true;
        }
        Message::Resize(w, h) => {
            app.size = ratatui::layout::Size::new(w, h);
            clamp_scroll(app);
            app.help_scroll = app.help_scroll.min(help::max_scroll(app));
        }
        Message::Tick => tick(app),
        Message::SwitchLang => {
            app.lang = match app.lang {
                Lang::En => Lang::Zh,
                Lang::Zh => Lang::En,
            };
            if let Screen::Lesson(l) = &mut app.screen {
                l.last = Done::Language;
            }
            clamp_scroll(app);
        }
        Message::ToggleHelp => {
            app.overlay = match app.overlay {
                Overlay::None => Overlay::Help,
                Overlay::Help | Overlay::Code => Overlay::None,
            };
            app.help_scroll = 0;
        }
        _ if app.overlay == Overlay::Help => scroll_help(app, msg),
        _ if app.overlay == Overlay::Code => {}
        Message::ShowCode => show_code(app),
        Message::Class(k) => super::class_ui::key(app, k),
        _ => match app.screen {
            Screen::Home { .. } => home(app, msg),
            Screen::Lesson(_) => {
                // A class learner may be refused a key that steps away.
                if super::class_ui::allows(app, msg) {
                    lesson(app, msg);
                }
                super::class_ui::after(app, msg);
            }
        },
    }
}

/// Scrolls the help overlay within its length.
fn scroll_help(app: &mut App, msg: Message) {
    let page = i32::from(help::room(app.size.into()).height.saturating_sub(3)).max(1);
    let by = match msg {
        Message::ScrollDown => 1,
        Message::ScrollUp => -1,
        Message::PageDown => page,
        Message::PageUp => -page,
        _ => return,
    };
    let max = i32::from(help::max_scroll(app));
    let next = (i32::from(app.help_scroll) + by).clamp(0, max);
    app.help_scroll = u16::try_from(next).unwrap_or(0);
}

fn home(app: &mut App, msg: Message) {
    let Screen::Home { selected } = &mut app.screen else {
        return;
    };
    let last = app.entries.len().saturating_sub(1);
    match msg {
        Message::SelectNext => *selected = (*selected + 1).min(last),
        Message::SelectPrev => *selected = selected.saturating_sub(1),
        Message::Open => {
            let i = *selected;
            app.open_lesson(i, None);
        }
        Message::Continue => {
            let last_opened = (app.progress.last_opened.as_deref())
                .and_then(|id| app.entries.iter().position(|e| e.id == id));
            let from = last_opened.unwrap_or(*selected);
            continue_from(app, from);
        }
        _ => {}
    }
}

/// `c` on the lesson list: the first unfinished step of lesson `from` or
/// of a lesson after it; where the learner stopped once all are finished.
fn continue_from(app: &mut App, from: usize) {
    let lessons: Vec<_> = app.entries.iter().map(|e| e.header.as_ref().ok()).collect();
    match session::continue_at(&lessons, &app.progress, from) {
        Some((i, step)) => {
            app.open_lesson(i, Some(step));
            if let Screen::Lesson(l) = &mut app.screen {
                l.last = Done::Continued(step + 1);
            }
        }
        None => app.open_lesson(from, None),
    }
}

/// The entry of the lesson after the open one, if there is one.
fn next_entry(app: &App) -> Option<usize> {
    let Screen::Lesson(l) = &app.screen else {
        return None;
    };
    let id = &l.session.lesson().id;
    let current = app.entries.iter().position(|e| &e.id == id)?;
    let lessons: Vec<_> = app.entries.iter().map(|e| e.header.as_ref().ok()).collect();
    session::next_lesson(&lessons, current)
}

fn lesson(app: &mut App, msg: Message) {
    let Screen::Lesson(l) = &mut app.screen else {
        return;
    };
    if let Input::NextLesson(i) = l.input {
        match msg {
            Message::OpenNextLesson => {
                // Where the learner left that lesson, or its first step.
                let step = (app.entries[i].header.as_ref().ok())
                    .and_then(|h| session::first_unfinished(h, &app.progress))
                    .unwrap_or(0);
                app.open_lesson(i, Some(step));
                if let Screen::Lesson(l) = &mut app.screen {
                    l.last = if step == 0 {
                        Done::Opened
                    } else {
                        Done::Continued(step + 1)
                    };
                }
            }
            Message::StayInLesson => {
                l.input = Input::Normal;
                l.last = Done::Key(Does::StayInLesson);
            }
            _ => {}
        }
        return;
    }
    if let Input::Jump(typed) = &mut l.input {
        match msg {
            Message::JumpDigit(d) if typed.len() < 4 => typed.push(char::from(b'0' + d)),
            Message::JumpBack => {
                typed.pop();
            }
            Message::JumpCancel => l.input = Input::Normal,
            Message::JumpConfirm => {
                let asked = typed.parse::<usize>().unwrap_or(0);
                l.input = Input::Normal;
                go(app, Target::Step(asked));
            }
            _ => {}
        }
        return;
    }
    match msg {
        Message::Next => go(app, Target::Next),
        Message::Prev => go(app, Target::Prev),
        Message::First => go(app, Target::Step(1)),
        Message::Last => {
            let n = l.session.len();
            go(app, Target::Step(n));
        }
        Message::JumpStart => l.input = Input::Jump(String::new()),
        Message::ScrollDown => scroll(app, 1),
        Message::ScrollUp => scroll(app, -1),
        Message::PageDown => scroll(app, page(app)),
        Message::PageUp => scroll(app, -page(app)),
        Message::Back => leave_lesson(app),
        Message::NoteDown => scroll_note(app, 1),
        Message::NoteUp => scroll_note(app, -1),
        Message::QuestionDown => scroll_question(app, 1),
        Message::QuestionUp => scroll_question(app, -1),
        Message::Dash(k) => {
            let done = match &mut l.step {
                StepState::Train(d) => Some(d.key(k)),
                StepState::Compare(c) => c.key(k),
                StepState::Landscape(v) => v.key(k),
                StepState::Plot(v) => v.key(k),
                StepState::Page { .. } | StepState::Quiz(_) | StepState::Predict(_) => None,
            };
            if let Some(done) = done {
                l.last = done;
            }
            if super::predict_view::settle(l) {
                app.record_results();
            }
        }
        Message::Predict(k) => {
            if let StepState::Predict(p) = &mut l.step
                && let Some(done) = p.key(&mut l.session, k)
            {
                l.last = done;
            }
            if !l.session.awaits_prediction() && matches!(l.step, StepState::Predict(_)) {
                l.step = StepState::start(&l.session, app.theme);
            }
        }
        Message::Quiz(k) => {
            if let StepState::Quiz(q) = &mut l.step
                && let Some(done) = q.key(&mut l.session, k)
            {
                l.last = done;
            }
            app.record_results();
        }
        _ => {}
    }
}

/// Training advances between frames within this much wall time, so keys
/// are answered at once even at full speed.
const FRAME_BUDGET: std::time::Duration = std::time::Duration::from_millis(30);

fn tick(app: &mut App) {
    if let Screen::Lesson(l) = &mut app.screen {
        let now = std::time::Instant::now();
        l.tick_changed |= match &mut l.step {
            StepState::Train(d) => d.tick(now, FRAME_BUDGET),
            StepState::Compare(c) => c.tick(now, FRAME_BUDGET),
            StepState::Landscape(v) => v.tick(now),
            StepState::Plot(v) => v.tick(now),
            _ => false,
        };
        if super::predict_view::settle(l) {
            l.tick_changed = true;
            app.record_results();
        }
    }
}

enum Target {
    Next,
    Prev,
    /// A step number, 1-based as the learner types it.
    Step(usize),
}

fn go(app: &mut App, target: Target) {
    let next = next_entry(app);
    let Screen::Lesson(l) = &mut app.screen else {
        return;
    };
    let before = l.session.index();
    let len = l.session.len();
    l.last = match target {
        Target::Next => match l.session.next() {
            Moved::To(_) => Done::Key(Does::Next),
            _ => match next {
                Some(i) => {
                    l.input = Input::NextLesson(i);
                    Done::OfferNext
                }
                None => Done::LastLesson,
            },
        },
        Target::Prev => match l.session.prev() {
            Moved::To(_) => Done::Key(Does::Prev),
            _ => Done::AtStart,
        },
        Target::Step(n) => match n.checked_sub(1).map(|i| l.session.goto(i)) {
            Some(Ok(())) if n == 1 => Done::Key(Does::First),
            Some(Ok(())) if n == len => Done::Key(Does::Last),
            Some(Ok(())) => Done::Jumped(n),
            _ => Done::NoSuchStep { asked: n, len },
        },
    };
    if l.session.index() != before {
        l.step = StepState::start(&l.session, app.theme);
        l.note_scroll = 0;
        app.record_visit();
    }
}

fn leave_lesson(app: &mut App) {
    match app.origin {
        Origin::Direct => app.running = false,
        Origin::Home => {
            let id = match &app.screen {
                Screen::Lesson(l) => l.session.lesson().id.clone(),
                Screen::Home { .. } => return,
            };
            let selected = app.entries.iter().position(|e| e.id == id).unwrap_or(0);
            app.screen = Screen::Home { selected };
        }
    }
}

/// Lines that fit the body, less one so a page turn keeps a line of context.
fn page(app: &App) -> i32 {
    i32::from(step_view::body_height(app.size))
        .saturating_sub(1)
        .max(1)
}

fn scroll(app: &mut App, by: i32) {
    let max = max_scroll(app);
    if let Screen::Lesson(l) = &mut app.screen {
        let StepState::Page { scroll } = &mut l.step else {
            return;
        };
        let next = (i32::from(*scroll) + by).clamp(0, i32::from(max));
        *scroll = u16::try_from(next).unwrap_or(0);
    }
}

fn clamp_scroll(app: &mut App) {
    scroll(app, 0);
    scroll_note(app, 0);
}

/// Scrolls the question box of a quiz being answered by `by` lines.
fn scroll_question(app: &mut App, by: i32) {
    let area = step_view::live_area(app);
    let look = super::dashboard::Look {
        color: app.theme.color,
        ascii: app.theme.ascii,
    };
    let lang = app.lang;
    if let Screen::Lesson(l) = &mut app.screen
        && let StepState::Quiz(q) = &mut l.step
    {
        q.scroll_detail(&l.session, area, lang, look, by);
        l.last = Done::Key(Does::ScrollQuestion);
    }
}

/// Scrolls the note above a live step by `by` lines, within its length.
fn scroll_note(app: &mut App, by: i32) {
    let Screen::Lesson(l) = &app.screen else {
        return;
    };
    let max = step_view::max_note_scroll(app, l);
    if let Screen::Lesson(l) = &mut app.screen {
        let next = (i32::from(l.note_scroll) + by).clamp(0, i32::from(max));
        l.note_scroll = u16::try_from(next).unwrap_or(0);
        if by != 0 {
            l.last = Done::Key(Does::ScrollNote);
        }
    }
}

fn max_scroll(app: &App) -> u16 {
    match &app.screen {
        Screen::Lesson(l) => step_view::max_scroll(app, l),
        Screen::Home { .. } => 0,
    }
}

/// Opens the box with the screen's state code and asks the event loop to
/// copy it to the clipboard.
fn show_code(app: &mut App) {
    use crate::session::{Live, code_of};
    let Screen::Lesson(l) = &app.screen else {
        return;
    };
    let live = match &l.step {
        StepState::Train(d) => Live::train(d.training()),
        StepState::Compare(c) => Live::Compare(c.comparison()),
        StepState::Landscape(v) => Live::landscape(v.landscape()),
        StepState::Plot(v) => Live::plot(v.plot()),
        StepState::Page { .. } | StepState::Quiz(_) | StepState::Predict(_) => Live::Still,
    };
    let code = code_of(&l.session, app.lang, &live);
    app.to_copy = Some(code.clone());
    app.code = Some(code);
    app.overlay = Overlay::Code;
}
