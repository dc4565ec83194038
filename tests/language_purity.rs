#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! Chinese mode is Chinese and English mode is English, everywhere a
//! learner looks: every step of every built-in lesson, in the plain runner
//! (answers right, wrong, `hint`, `solution`, out of tries) and in the TUI at
//! 80×24 and 120×40 (each training and compare step at epoch 0, after some
//! epochs, scrubbed back and run to its end — diverged or finished — and
//! each quiz with a hint, wrong answers, the solution and the expected
//! answer shown). A Chinese screen may hold no Latin word of three or more
//! letters outside [`LATIN_OK`]; an English screen no Chinese character
//! outside the language key's own name.

use std::collections::BTreeMap;

use nnstep::lesson::{Catalog, Lang, StepKind};
use nnstep::plain::runner::{self, Options};
use nnstep::progress::Progress;
use nnstep::session::Session;
use nnstep::tui::app::{Screen, StepState};
use nnstep::tui::dashboard::DashKey;
use nnstep::tui::predict_view::PredictKey;
use nnstep::tui::quiz_view::QuizKey;
use nnstep::tui::{self, App, Config, Message, Theme, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

/// Latin words a Chinese screen may show: names of functions, methods and
/// data (as the book writes them), keys, and math inside formulas.
const LATIN_OK: &[&str] = &[
    // activation and loss functions, methods, as the Chinese book names them
    "sigmoid",
    "Sigmoid",
    "softmax",
    "Softmax",
    "tanh",
    "softplus",
    "ReLU",
    "Leaky",
    "Logistic",
    "logistic",
    "SGD",
    "Xavier",
    "MSE",
    "BCE",
    "XOR",
    "AND",
    "NAND",
    "NOR",
    "NOT",
    "one",
    "hot", // one-hot
    // keys and the program's own name
    "Tab",
    "Esc",
    "Enter",
    "PgUp",
    "PgDn",
    "Space",
    "Shift",
    "Ctrl",
    "Backspace",
    "Home",
    "End",
    "nnstep",
    "check",
    "run",
    "plain",
    "step",
    "CSV",
    "YAML",
    "English",
    // math inside formulas and code spans
    "loss",
    "exp",
    "max",
    "min",
    "arg",
    "argmax",
    "mean",
    "sum",
    "Loss",
    "grad",
    "cov",
    "var",
    "std",
    "lim",
    "log",
    "sgn",
    "relu",
    "eta",
    "cdots",
    "ldots",
    "sin",
    "cos",
    "eps",
    "inf",
    "Tanh",
    "leaky",
];

/// English phrases made of allowed words (`min`, `max`) or marked as
/// English by their punctuation, which a Chinese screen must still not show.
const NEVER_ZH: &[&str] = &["min-max", "z-score", "note:", "error:", "warning:"];

/// Names that come from data (dataset ids and column names) and may stand
/// in either language.
fn data_names() -> Vec<String> {
    let mut out = Vec::new();
    // Lesson ids and groups of datasets, as the catalog names them.
    for e in Catalog::builtin().entries() {
        out.extend(e.id.clone());
    }
    out.push("gates".into());
    for b in nnstep::dataset::builtin::generate_all() {
        out.push(b.name.to_string());
        out.extend(b.train.columns.iter().cloned());
    }
    out
}

fn latin_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in s.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_alphabetic() {
            word.push(c);
        } else {
            if word.len() >= 3 {
                out.push(std::mem::take(&mut word));
            }
            word.clear();
        }
    }
    out
}

/// `s` without the text inside “…” (learner input quoted back).
fn unquoted(s: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in s.chars() {
        match c {
            '“' => inside = true,
            '”' => inside = false,
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// Full-width punctuation that must not start a line.
const CLOSING: &str = "，。、；：！？」）";
/// Full-width punctuation that must not end a line.
const OPENING: &str = "「（";

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Lines of a Chinese screen that break the rules of Chinese typesetting: a
/// line starting with closing punctuation or ending with opening
/// punctuation, or a lone space inside full-width punctuation (`损失 ，`,
/// `（ 批`) or between it and a Chinese character (`， 梯度`, `的 （`).
/// Frames, bullets and the padding of tables and panels are not text, and
/// a table may set `小批量（10）` one space before its next column. A Latin
/// letter or digit never touches a Chinese character (`第 1 题`,
/// `tanh 的`), as everywhere in the lessons.
fn typesetting_faults(text: &str) -> Vec<String> {
    let frame = |c: char| {
        c.is_whitespace() || "│|┃║•*-+·>".contains(c) || ('\u{2500}'..='\u{257f}').contains(&c)
    };
    let mut out = Vec::new();
    for line in text.lines() {
        let inner = line.trim_matches(frame);
        if inner.starts_with(|c| CLOSING.contains(c)) {
            out.push(format!("starts with closing punctuation: {}", line.trim()));
        }
        if inner.ends_with(|c| OPENING.contains(c)) {
            out.push(format!("ends with opening punctuation: {}", line.trim()));
        }
        let chars: Vec<char> = inner.chars().collect();
        let latin = |c: char| c.is_ascii_alphanumeric();
        if (chars.windows(2)).any(|w| latin(w[0]) && is_cjk(w[1]) || is_cjk(w[0]) && latin(w[1])) {
            out.push(format!("Latin touching Chinese: {}", line.trim()));
        }
        for i in 1..chars.len().saturating_sub(1) {
            if chars[i] != ' ' {
                continue;
            }
            let (before, after) = (chars[i - 1], chars[i + 1]);
            let lone = !frame(before) && !frame(after);
            let inside = CLOSING.contains(after) || OPENING.contains(before);
            let beside = CLOSING.contains(before) && is_cjk(after)
                || OPENING.contains(after) && is_cjk(before);
            if lone && (inside || beside) {
                out.push(format!(
                    "space beside full-width punctuation: {}",
                    line.trim()
                ));
                break;
            }
        }
    }
    out
}

#[test]
fn the_typesetting_check_catches_what_it_claims_to() {
    assert_eq!(typesetting_faults("│，一二三    │").len(), 1);
    assert_eq!(typesetting_faults("一二三（\n四五）").len(), 1);
    assert_eq!(typesetting_faults("损失 ，梯度").len(), 1);
    assert_eq!(typesetting_faults("损失， 梯度").len(), 1);
    assert_eq!(typesetting_faults("（ 批大小）").len(), 1);
    assert_eq!(typesetting_faults("损失 （批大小）").len(), 1);
    assert_eq!(typesetting_faults("第1题").len(), 1);
    assert_eq!(typesetting_faults("tanh的损失").len(), 1);
    // Table padding, frames and spaced Latin are fine.
    assert!(typesetting_faults("│ 小批量（10）  10  │").is_empty());
    assert!(typesetting_faults("  • 损失，梯度。 ").is_empty());
    assert!(typesetting_faults("学习率 η = 0.1，批大小 10").is_empty());
    assert!(typesetting_faults("第 1 题 · tanh 的损失（W1、B1）").is_empty());
}

fn has_cjk(s: &str) -> bool {
    s.replace("中文", "")
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c))
}

/// The faults found, by word (or "CJK"), with the first place each was seen.
#[derive(Default)]
struct Faults {
    seen: BTreeMap<String, String>,
    ok: Vec<String>,
}

impl Faults {
    fn new() -> Self {
        let mut ok: Vec<String> = LATIN_OK.iter().map(|s| (*s).to_string()).collect();
        ok.extend(data_names());
        Self {
            seen: BTreeMap::new(),
            ok,
        }
    }

    fn check(&mut self, lang: Lang, text: &str, place: &str) {
        // What the learner typed is theirs: the plain runner echoes it, and
        // the matrix editor keeps it in its cells (`[ abc  ? ]`).
        let text: String = (text.lines())
            .filter(|l| !l.starts_with("答案> ") && !l.starts_with("answer> "))
            .filter(|l| !l.starts_with("预测> ") && !l.starts_with("prediction> "))
            .filter(|l| {
                let inner = l.trim_matches([' ', '│', '|']);
                !(inner.starts_with('[') && inner.ends_with(']'))
            })
            .collect::<Vec<_>>()
            .join("\n");
        // A verdict quotes what was typed: “abc” is not a number.
        let text = unquoted(&text);
        let text = text.as_str();
        match lang {
            Lang::Zh => {
                for phrase in NEVER_ZH.iter().filter(|p| text.contains(**p)) {
                    let line = text.lines().find(|l| l.contains(phrase)).unwrap_or("");
                    (self.seen.entry((*phrase).to_string()))
                        .or_insert_with(|| format!("{place}: {}", line.trim()));
                }
                // The help overlay cuts the lines under it mid-sentence; its
                // own lines are checked over the lesson list ("home help").
                let overlaid = place.contains(", help");
                for fault in typesetting_faults(text).into_iter().filter(|_| !overlaid) {
                    self.seen.entry(fault).or_insert_with(|| place.to_string());
                }
                for w in latin_words(text) {
                    // Chart marks (x, o) run together into "words".
                    let marks = w.chars().all(|c| c == 'x' || c == 'o');
                    // A name cut by an overlay's border or the window edge.
                    let cut = (self.ok.iter()).any(|ok| ok.starts_with(&w) || ok.ends_with(&w));
                    if !marks && !cut && !self.ok.contains(&w) {
                        let line = text.lines().find(|l| l.contains(&w)).unwrap_or("");
                        self.seen
                            .entry(w)
                            .or_insert_with(|| format!("{place}: {}", line.trim()));
                    }
                }
            }
            Lang::En => {
                if let Some(line) = text.lines().find(|l| has_cjk(l)) {
                    self.seen
                        .entry("CJK".into())
                        .or_insert_with(|| format!("{place}: {}", line.trim()));
                }
            }
        }
    }

    fn assert_none(&self, what: &str) {
        assert!(
            self.seen.is_empty(),
            "{what}: words outside the screen's language:\n{}",
            (self.seen.iter())
                .map(|(w, at)| format!("  {w:<14} first at {at}"))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// Answer lines that take each question through a hint, an unreadable and a
/// wrong answer, the solution request and more tries; an empty line skips
/// whatever is still open.
const ANSWERS: &str = "hint\nabc\n0\nsolution\n1\n2\n3\n\n";

#[test]
fn the_plain_runner_speaks_one_language() {
    for lang in [Lang::Zh, Lang::En] {
        let mut faults = Faults::new();
        for info in Catalog::builtin().entries() {
            let lesson = info.load().unwrap();
            let questions: usize = (lesson.steps.iter())
                .map(|s| match &s.kind {
                    StepKind::Quiz(q) => q.len(),
                    _ => 0,
                })
                .sum();
            let input = ANSWERS.repeat(questions + 1);
            let mut s = Session::new(lesson.clone()).with_seed(Some(3));
            let mut out = Vec::new();
            let opts = Options {
                lang,
                ..Options::default()
            };
            runner::run(&mut s, &mut input.as_bytes(), &mut out, opts).unwrap();
            let text = String::from_utf8(out).unwrap();
            faults.check(lang, &text, &format!("run {} --plain", lesson.id));
        }
        faults.assert_none(&format!("plain runner, {lang:?}"));
    }
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    update(app, Message::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(&*app, f.area())).unwrap();
    let buf = t.backend().buffer().clone();
    (0..h)
        .map(|y| {
            let mut line = String::new();
            let mut skip = false;
            for x in 0..w {
                let s = buf[(x, y)].symbol();
                // A wide character's right half is blank, unless an overlay's
                // frame was drawn over it: then the frame is what shows.
                if skip && s.trim().is_empty() {
                    skip = false;
                    continue;
                }
                skip = UnicodeWidthStr::width(s) == 2;
                line.push_str(s);
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Draws the app at both sizes and checks both screens.
fn look(app: &mut App, faults: &mut Faults, lang: Lang, place: &str) {
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(app, w, h);
        faults.check(lang, &text, &format!("{place} at {w}×{h}"));
    }
}

fn step_state(app: &App) -> Option<&StepState> {
    match &app.screen {
        Screen::Lesson(l) => Some(&l.step),
        Screen::Home { .. } => None,
    }
}

fn type_line(app: &mut App, line: &str) {
    for c in line.chars() {
        update(app, Message::Quiz(QuizKey::Char(c)));
    }
    update(app, Message::Quiz(QuizKey::Enter));
}

/// Plays the live run (or comparison) at full speed until it stops.
fn run_to_end(app: &mut App) {
    for _ in 0..10 {
        update(app, Message::Dash(DashKey::Faster));
    }
    update(app, Message::Dash(DashKey::PlayPause));
    for _ in 0..3000 {
        if !app.animating() {
            break;
        }
        update(app, Message::Tick);
    }
}

fn drive_step(app: &mut App, faults: &mut Faults, lang: Lang, place: &str) {
    look(app, faults, lang, place);
    match step_state(app) {
        Some(StepState::Train(_)) => {
            for _ in 0..3 {
                update(app, Message::Dash(DashKey::Epoch));
            }
            look(app, faults, lang, &format!("{place}, 3 epochs"));
            update(app, Message::Dash(DashKey::ScrubBack));
            look(app, faults, lang, &format!("{place}, scrubbed back"));
            run_to_end(app);
            look(app, faults, lang, &format!("{place}, at its end"));
        }
        Some(StepState::Compare(_)) => {
            update(app, Message::Dash(DashKey::Epoch));
            look(app, faults, lang, &format!("{place}, 1 epoch"));
            run_to_end(app);
            look(app, faults, lang, &format!("{place}, at its end"));
        }
        Some(StepState::Quiz(_)) => {
            let n = match &app.screen {
                Screen::Lesson(l) => l.session.questions().len(),
                Screen::Home { .. } => 0,
            };
            for q in 0..n {
                update(app, Message::Quiz(QuizKey::Enter));
                for line in ["hint", "abc", "0", "solution"] {
                    type_line(app, line);
                }
                look(app, faults, lang, &format!("{place}, Q{} tried", q + 1));
                for line in ["1", "2", "3"] {
                    type_line(app, line);
                }
                look(app, faults, lang, &format!("{place}, Q{} done", q + 1));
                update(app, Message::Quiz(QuizKey::Cancel));
                update(app, Message::Quiz(QuizKey::Down));
            }
        }
        Some(StepState::Predict(_)) => {
            // An empty number is explained; a choice takes its first option.
            update(app, Message::Predict(PredictKey::Enter));
            look(app, faults, lang, &format!("{place}, prediction"));
            for c in "0.5".chars() {
                update(app, Message::Predict(PredictKey::Char(c)));
            }
            update(app, Message::Predict(PredictKey::Enter));
            drive_step(app, faults, lang, &format!("{place}, predicted"));
        }
        Some(StepState::Landscape(_) | StepState::Plot(_)) => {
            for _ in 0..3 {
                update(app, Message::Dash(DashKey::Epoch));
            }
            look(app, faults, lang, &format!("{place}, 3 steps"));
            update(app, Message::Dash(DashKey::LearningRateDown));
            look(app, faults, lang, &format!("{place}, η halved"));
            for _ in 0..100 {
                update(app, Message::Dash(DashKey::Epoch));
            }
            look(app, faults, lang, &format!("{place}, at its end"));
        }
        Some(StepState::Page { .. }) | None => {}
    }
}

#[test]
fn the_full_screen_program_speaks_one_language() {
    let entries = tui::entries(&Catalog::builtin());
    for lang in [Lang::Zh, Lang::En] {
        let mut faults = Faults::new();
        let cfg = Config {
            lang,
            theme: Theme::new(false, None),
            seed: Some(3),
        };
        let mut home = App::home(entries.clone(), Progress::default(), cfg);
        look(&mut home, &mut faults, lang, "home");
        update(&mut home, Message::ToggleHelp);
        look(&mut home, &mut faults, lang, "home help");
        for (i, e) in entries.iter().enumerate() {
            let lesson = Catalog::builtin().get(&e.id).unwrap().load().unwrap();
            for step in 0..lesson.steps.len() {
                let mut app = App::open(entries.clone(), Progress::default(), cfg, i, Some(step));
                let place = format!("{} step {}", e.id, step + 1);
                drive_step(&mut app, &mut faults, lang, &place);
                update(&mut app, Message::ToggleHelp);
                look(&mut app, &mut faults, lang, &format!("{place}, help"));
            }
        }
        faults.assert_none(&format!("TUI, {lang:?}"));
    }
}
