#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! Every step of every built-in lesson drawn at 80×24, in English and
//! Chinese, with and without `--ascii`, and for training, comparison and
//! quiz steps at several states (paused at 0, after some epochs, scrubbed
//! back, diverged, finished; answering). Each screen is checked for the
//! faults a learner at a small terminal meets:
//!
//! - with `--ascii`, a non-ASCII cell other than Chinese text;
//! - a number or label run into a panel's right edge (cut without `…`), or
//!   a number that ends in a bare decimal point (cut mid-digits);
//! - a training screen whose status line does not say the run state;
//! - a note above a live step whose end cannot be reached by scrolling.

use nnstep::lesson::{Lang, Lesson, StepKind};
use nnstep::progress::Progress;
use nnstep::tui::dashboard::DashKey;
use nnstep::tui::{self, App, Config, Message, Theme, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

const W: u16 = 80;
const H: u16 = 24;

fn app(index: usize, step: usize, ascii: bool) -> App {
    let cfg = Config {
        lang: Lang::En,
        theme: Theme::new(ascii, None),
        seed: None,
    };
    let entries = tui::entries(&nnstep::lesson::Catalog::builtin());
    let mut app = App::open(entries, Progress::default(), cfg, index, Some(step));
    update(&mut app, Message::Resize(W, H));
    app
}

fn draw(app: &App) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(W, H)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    t.backend().buffer().clone()
}

/// Rows of cells as strings (a wide character's right half is skipped).
fn rows(buf: &Buffer) -> Vec<Vec<String>> {
    buf.content
        .chunks(usize::from(buf.area.width))
        .map(|row| row.iter().map(|c| c.symbol().to_string()).collect())
        .collect()
}

/// The screen as text; the cell after a double-width character (its right
/// half) is left out.
fn text(buf: &Buffer) -> String {
    rows(buf)
        .iter()
        .map(|r| {
            let mut s = String::new();
            let mut skip = 0;
            for c in r {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                s.push_str(c);
                skip = c.width().saturating_sub(1);
            }
            s
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_wide(s: &str) -> bool {
    s.width() == 2
}

/// Right edges of panels (ASCII mode's `+` corners are left out: `+` is
/// also the plus of formulas in prose).
const RIGHT_EDGES: [&str; 6] = ["│", "┐", "┘", "┤", "|", "║"];

/// The faults of one screen; `what` names it in the messages.
fn faults(buf: &Buffer, ascii: bool, what: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (y, row) in rows(buf).iter().enumerate() {
        for (x, cell) in row.iter().enumerate() {
            if ascii && !cell.is_ascii() && !is_wide(cell) {
                out.push(format!("{what}: non-ASCII {cell:?} at {x},{y}"));
            }
            // Something drawn right up to a panel's inner right edge was cut
            // there (labels and numbers always leave a space before it). The
            // outer frame's own edges (columns 0 and 79) hold the body's
            // padding, so they are skipped.
            if x >= 2 && x + 1 < row.len() && RIGHT_EDGES.contains(&cell.as_str()) {
                let before = &row[x - 1];
                let inner = row[x + 1..]
                    .iter()
                    .any(|c| RIGHT_EDGES.contains(&c.as_str()));
                // Two letters or digits: a word or number (a single `o` or
                // `x` is a chart's point marker at the edge of its plot).
                let word = |c: &String| {
                    c.chars().all(char::is_alphanumeric) && !c.is_empty() && c != "o" && c != "x"
                };
                let alnum = word(before) && word(&row[x - 2]);
                // Inside a panel drawn in the body (its left edge in column
                // 2), not prose that happens to contain `|`.
                let in_panel = RIGHT_EDGES.contains(&row[2].as_str());
                if inner && alnum && in_panel && y > 1 && y + 1 < usize::from(H) {
                    out.push(format!(
                        "{what}: {before:?} runs into the edge at {x},{y}: {}",
                        row.concat()
                    ));
                }
            }
        }
        // A number cut after its decimal point: `393. ` inside a panel.
        let line = row.concat();
        let panel = line.matches('│').count() + line.matches('|').count() > 2;
        if panel {
            let chars: Vec<char> = line.chars().collect();
            for i in 1..chars.len().saturating_sub(1) {
                // A sentence's full stop is followed by a capital letter.
                let sentence = chars.get(i + 2).is_some_and(|c| c.is_uppercase());
                if chars[i] == '.'
                    && chars[i - 1].is_ascii_digit()
                    && (chars[i + 1] == ' '
                        || RIGHT_EDGES.contains(&chars[i + 1].to_string().as_str()))
                    && !sentence
                    && !line.contains("...")
                {
                    out.push(format!(
                        "{what}: number cut at its point in row {y}: {line}"
                    ));
                }
            }
        }
    }
    out
}

/// Words that say a run's state on the status line, in either language.
const RUN_STATES: [&str; 12] = [
    "paused",
    "finished",
    "stopped",
    "history",
    "epochs/s",
    "epoch/s",
    "full",
    "已暂停",
    "已结束",
    "已停止",
    "回看",
    "每秒",
];

fn has_run_state(screen: &str) -> bool {
    RUN_STATES.iter().any(|s| screen.contains(s))
}

/// The last few letters of the note as they appear on screen.
fn tail_word(note: &str) -> String {
    let words: Vec<&str> = note
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let last = words.last().copied().unwrap_or("");
    last.chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect()
}

struct Check {
    ascii: bool,
    found: Vec<String>,
    screens: usize,
}

impl Check {
    /// Checks the app's screen in both languages.
    fn both(&mut self, app: &mut App, what: &str, live_train: bool) {
        for _ in 0..2 {
            let buf = draw(app);
            let name = format!("{what} {:?}", app.lang);
            self.found.extend(faults(&buf, self.ascii, &name));
            if live_train && !has_run_state(&text(&buf)) {
                self.found
                    .push(format!("{name}: no run state\n{}", text(&buf)));
            }
            self.screens += 1;
            update(app, Message::SwitchLang);
        }
    }

    /// Scrolls the note of a live step to its end and back, checking that
    /// its last word is reachable.
    fn note(&mut self, app: &mut App, lesson: &Lesson, step: usize, what: &str) {
        let Some(note) = &lesson.steps[step].note else {
            return;
        };
        for _ in 0..2 {
            let note = note.get(app.lang);
            let want = if self.ascii {
                tail_word(&nnstep::text::ascii::fold(note))
            } else {
                tail_word(note)
            };
            let mut seen = text(&draw(app));
            for _ in 0..40 {
                update(app, Message::NoteDown);
                seen.push_str(&text(&draw(app)));
            }
            let flat: String = seen
                .chars()
                .filter(|c| !c.is_whitespace() && !matches!(c, '│' | '|'))
                .collect();
            if !flat.contains(&want) {
                self.found.push(format!(
                    "{what} {:?}: the note's end {want:?} cannot be scrolled to",
                    app.lang
                ));
            }
            for _ in 0..40 {
                update(app, Message::NoteUp);
            }
            update(app, Message::SwitchLang);
        }
    }
}

fn dash(app: &mut App, k: DashKey, times: usize) {
    for _ in 0..times {
        update(app, Message::Dash(k));
    }
}

/// Plays at full speed until the run (or every compared run) stops.
fn play_to_end(app: &mut App, what: &str) {
    dash(app, DashKey::Faster, 8);
    update(app, Message::Dash(DashKey::PlayPause));
    for _ in 0..100_000 {
        if !app.animating() {
            return;
        }
        update(app, Message::Tick);
    }
    panic!("{what}: the run did not finish");
}

#[test]
fn every_step_of_every_lesson_is_right_at_80x24() {
    let entries = tui::entries(&nnstep::lesson::Catalog::builtin());
    let mut checks = Vec::new();
    for ascii in [false, true] {
        let mut c = Check {
            ascii,
            found: Vec::new(),
            screens: 0,
        };
        for (index, entry) in entries.iter().enumerate() {
            let mut entry = entry.clone();
            let Some(lesson) = entry.load().cloned() else {
                continue;
            };
            let lesson = &lesson;
            for step in 0..lesson.steps.len() {
                let what = format!(
                    "{} step {}{}",
                    entry.id,
                    step + 1,
                    if ascii { " ascii" } else { "" }
                );
                let mut a = app(index, step, ascii);
                match &lesson.steps[step].kind {
                    StepKind::Train(_) => {
                        c.note(&mut a, lesson, step, &what);
                        c.both(&mut a, &format!("{what} paused at 0"), true);
                        for _ in 0..3 {
                            update(&mut a, Message::Dash(DashKey::CyclePanel));
                            c.both(&mut a, &format!("{what} panel"), true);
                        }
                        update(&mut a, Message::Dash(DashKey::CyclePanel));
                        dash(&mut a, DashKey::Epoch, 3);
                        c.both(&mut a, &format!("{what} after 3 epochs"), true);
                        dash(&mut a, DashKey::ScrubBack, 2);
                        c.both(&mut a, &format!("{what} scrubbed back"), true);
                        dash(&mut a, DashKey::ScrubForward, 5);
                        play_to_end(&mut a, &what);
                        c.both(&mut a, &format!("{what} finished"), true);
                        update(&mut a, Message::Dash(DashKey::CyclePanel));
                        c.both(&mut a, &format!("{what} finished, panel"), true);
                        update(&mut a, Message::Dash(DashKey::Reset));
                        dash(&mut a, DashKey::LearningRateUp, 10);
                        play_to_end(&mut a, &what);
                        c.both(&mut a, &format!("{what} large eta"), true);
                    }
                    StepKind::Compare(_) => {
                        c.note(&mut a, lesson, step, &what);
                        c.both(&mut a, &format!("{what} paused at 0"), false);
                        dash(&mut a, DashKey::Epoch, 2);
                        c.both(&mut a, &format!("{what} after 2 epochs"), false);
                        play_to_end(&mut a, &what);
                        c.both(&mut a, &format!("{what} finished"), false);
                    }
                    StepKind::Quiz(_) => {
                        c.note(&mut a, lesson, step, &what);
                        c.both(&mut a, &what, false);
                        use nnstep::tui::quiz_view::QuizKey as Q;
                        update(&mut a, Message::Quiz(Q::Enter));
                        for ch in "7".chars() {
                            update(&mut a, Message::Quiz(Q::Char(ch)));
                        }
                        update(&mut a, Message::Quiz(Q::Enter));
                        c.both(&mut a, &format!("{what} answered"), false);
                    }
                    StepKind::Text(_)
                    | StepKind::Formula { .. }
                    | StepKind::Matrix(_)
                    | StepKind::Table(_)
                    | StepKind::Capacity(_)
                    | StepKind::Landscape(_)
                    | StepKind::Plot(_) => {
                        c.both(&mut a, &what, false);
                        for _ in 0..3 {
                            update(&mut a, Message::PageDown);
                        }
                        c.both(&mut a, &format!("{what} scrolled"), false);
                    }
                }
            }
        }
        assert!(c.screens > 200, "only {} screens drawn", c.screens);
        checks.push(c);
    }
    let found: Vec<String> = checks.into_iter().flat_map(|c| c.found).collect();
    assert!(
        found.is_empty(),
        "{} faults:\n{}",
        found.len(),
        found
            .iter()
            .take(400)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_checks_catch_what_they_claim_to() {
    // A screen with the faults drawn into it by hand is caught.
    let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, W, H));
    buf.set_string(
        0,
        5,
        "│ ┌ results ┐                                                                  │",
        ratatui::style::Style::default(),
    );
    buf.set_string(
        0,
        6,
        "│ │ 393. max│                                                                  │",
        ratatui::style::Style::default(),
    );
    buf.set_string(
        0,
        7,
        "│ │ label cuts│ η                                                              │",
        ratatui::style::Style::default(),
    );
    let f = faults(&buf, true, "x");
    assert!(f.iter().any(|m| m.contains("cut at its point")), "{f:?}");
    assert!(f.iter().any(|m| m.contains("runs into the edge")), "{f:?}");
    assert!(f.iter().any(|m| m.contains("non-ASCII")), "{f:?}");
    assert!(!has_run_state("epoch 3 · loss 0.2"));
    assert_eq!(tail_word("keep four decimals."), "mals");
}

/// Saved progress with every step of ch04 seen and its questions answered,
/// some wrong, so the list shows ✓, the quiz column and the summary.
fn some_progress() -> Progress {
    use nnstep::progress::Change;
    let mut p = Progress::default();
    let ch04 = nnstep::lesson::Catalog::builtin()
        .get("ch04")
        .unwrap()
        .load()
        .unwrap();
    for s in &ch04.steps {
        let visit = Change::Visit {
            lesson: "ch04".into(),
            step: s.id.clone(),
        };
        p.apply(&visit, 1);
    }
    for (i, (step, q)) in ch04.quiz_questions().enumerate() {
        let record = nnstep::quiz::QuestionRecord {
            step: step.into(),
            question: q.into(),
            attempts: 1,
            hints_used: 0,
            solution_seen: false,
            outcome: if i % 2 == 0 {
                nnstep::quiz::Outcome::Right
            } else {
                nnstep::quiz::Outcome::Missed
            },
        };
        let change = Change::Quiz {
            lesson: "ch04".into(),
            record: record.into(),
        };
        p.apply(&change, 1);
    }
    p
}

/// Opens the help on `app`, checks it in both languages: the same faults
/// as every screen, the top bar and the footer left in view, and the
/// help's end reachable by scrolling (its closing line shows).
fn check_help(app: &mut App, ascii: bool, what: &str, found: &mut Vec<String>) -> usize {
    let mut screens = 0;
    for _ in 0..2 {
        let under = text(&draw(app));
        update(app, Message::ToggleHelp);
        let name = format!("{what} help {:?}", app.lang);
        let buf = draw(app);
        found.extend(faults(&buf, ascii, &name));
        let over = text(&buf);
        let lines = |s: &str| s.lines().map(str::to_string).collect::<Vec<_>>();
        let (u, o) = (lines(&under), lines(&over));
        if u[..2] != o[..2] || u.last() != o.last() {
            found.push(format!(
                "{name}: the help covers the top bar or the footer\n{over}"
            ));
        }
        let close = nnstep::words::shell_words(app.lang).help_close;
        let close = if ascii {
            nnstep::text::ascii::fold(close).into_owned()
        } else {
            close.to_string()
        };
        for _ in 0..40 {
            update(app, Message::ScrollDown);
        }
        let end = draw(app);
        found.extend(faults(&end, ascii, &format!("{name} scrolled")));
        if !text(&end).contains(&close) {
            found.push(format!(
                "{name}: the end of the help cannot be scrolled to\n{}",
                text(&end)
            ));
        }
        update(app, Message::ToggleHelp);
        update(app, Message::SwitchLang);
        screens += 2;
    }
    screens
}

#[test]
fn home_help_and_the_end_of_every_lesson_are_right_at_80x24() {
    let entries = tui::entries(&nnstep::lesson::Catalog::builtin());
    let mut found = Vec::new();
    let mut screens = 0;
    for ascii in [false, true] {
        let cfg = Config {
            lang: Lang::En,
            theme: Theme::new(ascii, None),
            seed: None,
        };
        // The lesson list, fresh and with progress, and its help.
        for progress in [Progress::default(), some_progress()] {
            let mut home = App::home(entries.clone(), progress, cfg);
            update(&mut home, Message::Resize(W, H));
            for _ in 0..2 {
                for _ in 0..entries.len() {
                    let name = format!("home ascii={ascii} {:?}", home.lang);
                    found.extend(faults(&draw(&home), ascii, &name));
                    update(&mut home, Message::SelectNext);
                    screens += 1;
                }
                update(&mut home, Message::SwitchLang);
            }
            screens += check_help(&mut home, ascii, "home", &mut found);
        }
        // The help over each kind of step.
        for (index, entry) in entries.iter().enumerate() {
            let Ok(lesson) = &entry.header else {
                continue;
            };
            if entry.id != "ch04" {
                continue;
            }
            for step in 0..lesson.len() {
                let mut a = app(index, step, ascii);
                let what = format!("{} step {} ascii={ascii}", entry.id, step + 1);
                screens += check_help(&mut a, ascii, &what, &mut found);
            }
        }
        // The end of every lesson: → on the last step offers the next one.
        for (index, entry) in entries.iter().enumerate() {
            let Ok(lesson) = &entry.header else {
                continue;
            };
            let mut a = app(index, lesson.len() - 1, ascii);
            update(&mut a, Message::Next);
            for _ in 0..2 {
                let buf = draw(&a);
                let name = format!("{} end ascii={ascii} {:?}", entry.id, a.lang);
                found.extend(faults(&buf, ascii, &name));
                let last = text(&buf).lines().last().unwrap_or("").to_string();
                let next = entries.get(index + 1).and_then(|e| e.header.as_ref().ok());
                if let Some(next) = next {
                    let chapter = nnstep::words::chapter(a.lang, next.chapter);
                    if !last.contains(&chapter) || !last.contains("Esc") {
                        found.push(format!(
                            "{name}: the footer does not offer {chapter}: {last}"
                        ));
                    }
                }
                update(&mut a, Message::SwitchLang);
                screens += 1;
            }
        }
    }
    assert!(screens > 100, "only {screens} screens drawn");
    assert!(
        found.is_empty(),
        "{} faults:\n{}",
        found.len(),
        found
            .iter()
            .take(200)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
