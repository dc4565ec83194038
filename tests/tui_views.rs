#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! The picture steps on a `TestBackend` and in the plain runner: a loss
//! landscape (ch04's batch sizes after a few epochs, ch05's raw valley) and
//! a function plot (ch08's curves, and the saturation exercise after three
//! steps), at 80×24 and 120×40, Unicode and `--ascii`, English and
//! Chinese, `NO_COLOR` too; every run at the lesson's fixed seed.

mod common;

use common::screen::{config, draw, lang_name, lesson_at, text};
use nnstep::lesson::{Catalog, Lang};
use nnstep::plain::runner::views_text;
use nnstep::progress::Progress;
use nnstep::session::Session;
use nnstep::tui::dashboard::DashKey;
use nnstep::tui::{App, Config, Message, update};
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

/// (name, lesson, step id, keys pressed after opening).
const VIEWS: [(&str, &str, &str, &[DashKey]); 4] = [
    (
        "landscape_batches",
        "ch04",
        "landscape-batches",
        &[DashKey::Epoch, DashKey::Epoch, DashKey::Epoch],
    ),
    (
        "landscape_raw",
        "ch05",
        "landscape-raw",
        &[
            DashKey::Epoch,
            DashKey::Epoch,
            DashKey::Epoch,
            DashKey::Epoch,
        ],
    ),
    ("plot_curves", "ch08", "curves-squashing", &[]),
    (
        "plot_saturation",
        "ch08",
        "saturation-run",
        &[DashKey::Epoch, DashKey::Epoch, DashKey::Iteration],
    ),
];

fn app_at(id: &str, step: &str, keys: &[DashKey], cfg: Config, w: u16, h: u16) -> App {
    let mut app = lesson_at(id, step, Progress::default(), cfg, (w, h));
    for k in keys {
        update(&mut app, Message::Dash(*k));
    }
    app
}

#[test]
fn picture_steps_at_two_sizes_both_languages_unicode_and_ascii() {
    for (name, id, step, keys) in VIEWS {
        for lang in [Lang::En, Lang::Zh] {
            for (w, h, ascii) in [
                (80, 24, false),
                (120, 40, false),
                (80, 24, true),
                (120, 40, true),
            ] {
                let app = app_at(id, step, keys, config(lang, ascii, false), w, h);
                let screen = text(&draw(&app, w, h));
                let snap = format!(
                    "tui_{name}_{}_{w}x{h}{}",
                    lang_name(lang),
                    if ascii { "_ascii" } else { "" }
                );
                insta::assert_snapshot!(snap.clone(), &screen);
                if ascii {
                    for c in ['─', '│', '┌', '●', '◆', '★', '━', '┄'] {
                        assert!(!screen.contains(c), "{snap}: {c} in\n{screen}");
                    }
                }
            }
        }
    }
}

#[test]
fn picture_steps_without_colour_still_tell_runs_and_levels_apart() {
    for (name, id, step, keys) in VIEWS {
        let app = app_at(id, step, keys, config(Lang::En, false, true), 80, 24);
        let buf = draw(&app, 80, 24);
        for cell in &buf.content {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{name}");
        }
        let screen = text(&buf);
        if name.starts_with("landscape") {
            // Levels by their numbers, runs by their marks, with a legend.
            for mark in ['1', '2', '●'] {
                assert!(screen.contains(mark), "{name}: no {mark}\n{screen}");
            }
        }
        if name == "landscape_batches" {
            for (mark, run) in [('●', "SGD"), ('◆', "mini-batch"), ('▲', "full batch")] {
                assert!(
                    screen.lines().any(|l| l.contains(mark) && l.contains(run)),
                    "legend line for {run}\n{screen}"
                );
            }
        }
    }
}

#[test]
fn changing_eta_in_the_landscape_restarts_and_redraws() {
    let mut app = app_at(
        "ch04",
        "landscape-too-large",
        &[],
        config(Lang::En, false, false),
        80,
        24,
    );
    for _ in 0..5 {
        update(&mut app, Message::Dash(DashKey::Epoch));
    }
    let before = text(&draw(&app, 80, 24));
    assert!(before.contains("epoch 5"), "{before}");
    update(&mut app, Message::Dash(DashKey::LearningRateDown));
    let after = text(&draw(&app, 80, 24));
    assert!(after.contains("η 0.7 · epoch 0"), "{after}");
    assert!(after.contains("η 0.825 · epoch 0"), "{after}");
    update(&mut app, Message::Dash(DashKey::Reset));
    let reset = text(&draw(&app, 80, 24));
    assert!(reset.contains("η 1.4 · epoch 0") && reset.contains("η 1.65 · epoch 0"));
}

fn plain(id: &str, step: &str, lang: Lang, ascii: bool) -> String {
    let lesson = Catalog::builtin().get(id).unwrap().load().unwrap();
    let mut s = Session::new(lesson);
    let i = s.lesson().step_index(step).unwrap();
    s.goto(i).unwrap();
    let mut out = Vec::new();
    if let Some(Ok(mut l)) = s.landscape() {
        let nnstep::lesson::StepKind::Landscape(spec) = &s.step().kind else {
            unreachable!()
        };
        views_text::write_landscape(&mut out, &mut l, lang, 80, ascii, spec.fixed).unwrap();
    } else if let Some(mut p) = s.plot() {
        views_text::write_plot(&mut out, &mut p, lang, 80, ascii).unwrap();
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn plain_forms_of_the_picture_steps() {
    for (name, id, step, _) in VIEWS {
        for lang in [Lang::En, Lang::Zh] {
            for ascii in [false, true] {
                let out = plain(id, step, lang, ascii);
                let snap = format!(
                    "plain_{name}_{}{}",
                    lang_name(lang),
                    if ascii { "_ascii" } else { "" }
                );
                insta::assert_snapshot!(snap.clone(), &out);
                if ascii {
                    for c in ['●', '◆', '★', '━', '┄', '─'] {
                        assert!(!out.contains(c), "{snap}: {c}");
                    }
                }
                assert!(out.lines().all(|l| l.width() <= 80), "{snap} wider than 80");
            }
        }
    }
}
