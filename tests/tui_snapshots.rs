#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! The screens on a `TestBackend`: the lesson list and every step kind of
//! chapter 4, at 80×24 and 120×40, in English and Chinese, with `--ascii`
//! and with `NO_COLOR`, plus the help overlay and the too-small message.

mod common;

use common::screen::{self, config, draw, lang_name, text};
use nnstep::lesson::{Catalog, Lang};
use nnstep::progress::{Change, Progress};
use nnstep::quiz::{Outcome, QuestionRecord};
use nnstep::tui::{self, App, Config, Message, update};
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

/// Steps of ch04 by kind (1-based).
/// A step of each kind in chapter 4, by step id (stable as steps are added).
const STEPS: [(&str, &str); 7] = [
    ("text", "problem"),
    ("matrix", "data"),
    ("formula", "least-squares"),
    ("quiz", "by-hand"),
    ("train", "train-sgd"),
    ("table", "three-ways"),
    ("compare", "compare-batches"),
];

fn entries() -> Vec<tui::Entry> {
    tui::entries(&Catalog::builtin())
}

fn some_progress() -> Progress {
    let mut p = Progress::default();
    for step in ["problem", "data", "loss"] {
        p.apply(
            &Change::Visit {
                lesson: "ch04".into(),
                step: step.into(),
            },
            0,
        );
    }
    // Two questions right, one missed: `quiz 2/9 !1` on chapter 4's row.
    for (question, outcome) in [
        ("z", Outcome::Right),
        ("dw", Outcome::Right),
        ("db", Outcome::Missed),
    ] {
        let record = QuestionRecord {
            step: "by-hand".into(),
            question: question.into(),
            attempts: 1,
            hints_used: 0,
            solution_seen: false,
            outcome,
        };
        let lesson = "ch04".into();
        let record = record.into();
        p.apply(&Change::Quiz { lesson, record }, 0);
    }
    p
}

/// Chapter 4 opened at the step with id `step`.
fn lesson_at(step: &str, cfg: Config, w: u16, h: u16) -> App {
    screen::lesson_at("ch04", step, Progress::default(), cfg, (w, h))
}

#[test]
fn home_screens() {
    for (lang, w, h, ascii) in [
        (Lang::En, 80, 24, false),
        (Lang::Zh, 80, 24, false),
        (Lang::En, 120, 40, false),
        (Lang::En, 80, 24, true),
    ] {
        let mut app = App::home(entries(), some_progress(), config(lang, ascii, false));
        update(&mut app, Message::Resize(w, h));
        let name = format!(
            "tui_home_{}_{w}x{h}{}",
            lang_name(lang),
            if ascii { "_ascii" } else { "" }
        );
        insta::assert_snapshot!(name, text(&draw(&app, w, h)));
    }
}

#[test]
fn every_step_kind_in_both_languages_and_two_sizes() {
    for (kind, step) in STEPS {
        for (lang, w, h) in [(Lang::En, 80, 24), (Lang::Zh, 80, 24), (Lang::En, 120, 40)] {
            let app = lesson_at(step, config(lang, false, false), w, h);
            let name = format!("tui_step_{kind}_{}_{w}x{h}", lang_name(lang));
            insta::assert_snapshot!(name, text(&draw(&app, w, h)));
        }
    }
}

#[test]
fn ascii_mode_draws_no_box_or_math_glyphs() {
    for (kind, step) in STEPS {
        let app = lesson_at(step, config(Lang::En, true, false), 80, 24);
        let screen = text(&draw(&app, 80, 24));
        insta::assert_snapshot!(format!("tui_step_{kind}_en_80x24_ascii"), &screen);
        for c in ['─', '│', '┌', '⎡', '∑', '→', '←', '•'] {
            assert!(!screen.contains(c), "{kind}: {c} in\n{screen}");
        }
    }
}

#[test]
fn no_color_screens_use_no_colour_at_all() {
    let mut screens = vec![App::home(
        entries(),
        some_progress(),
        config(Lang::En, false, true),
    )];
    for (_, step) in STEPS {
        screens.push(lesson_at(step, config(Lang::En, false, true), 80, 24));
    }
    for app in &screens {
        let buf = draw(app, 80, 24);
        for cell in &buf.content {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
        }
    }
    // The selection is still visible: reverse video on the selected row.
    let buf = draw(&screens[0], 80, 24);
    assert!(
        buf.content
            .iter()
            .any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
    );
}

#[test]
fn no_color_looks_the_same_in_text() {
    let plain = lesson_at("least-squares", config(Lang::En, false, true), 80, 24);
    let colour = lesson_at("least-squares", config(Lang::En, false, false), 80, 24);
    assert_eq!(text(&draw(&plain, 80, 24)), text(&draw(&colour, 80, 24)));
}

#[test]
fn only_the_sixteen_ansi_colours_are_used() {
    for (_, step) in STEPS {
        let buf = draw(
            &lesson_at(step, config(Lang::En, false, false), 80, 24),
            80,
            24,
        );
        for cell in &buf.content {
            for c in [cell.fg, cell.bg] {
                assert!(!matches!(c, Color::Rgb(..) | Color::Indexed(_)), "{cell:?}");
            }
        }
    }
}

#[test]
fn help_overlay() {
    for lang in [Lang::En, Lang::Zh] {
        let mut app = lesson_at("loss", config(lang, false, false), 80, 24);
        update(&mut app, Message::ToggleHelp);
        let name = format!("tui_help_{}_80x24", lang_name(lang));
        insta::assert_snapshot!(name, text(&draw(&app, 80, 24)));
    }
}

#[test]
fn below_the_minimum_size_a_message_replaces_the_layout() {
    let app = lesson_at("loss", config(Lang::En, false, false), 59, 20);
    let screen = text(&draw(&app, 59, 20));
    assert!(screen.contains("window too small (need 60×20)"), "{screen}");
    // The smallest size that is drawn in full.
    let app = lesson_at("loss", config(Lang::En, false, false), 60, 20);
    insta::assert_snapshot!("tui_step_formula_en_60x20", text(&draw(&app, 60, 20)));
    // And nothing panics down to a single cell.
    for (w, h) in [(1, 1), (10, 3), (59, 19), (200, 2)] {
        let _ = draw(
            &lesson_at("problem", config(Lang::Zh, false, false), w, h),
            w,
            h,
        );
    }
}

#[test]
fn chinese_text_keeps_within_the_frame() {
    for step in ["problem", "neuron", "recap"] {
        let app = lesson_at(step, config(Lang::Zh, false, false), 80, 24);
        let screen = text(&draw(&app, 80, 24));
        for line in screen.lines() {
            assert!(UnicodeWidthStr::width(line) <= 80, "{line}");
        }
        // Every body row ends with the frame's right edge.
        for line in screen.lines().skip(3).take(19) {
            assert!(line.ends_with('│'), "{line:?}");
        }
    }
}
