#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! Predict-then-see in the full-screen program, driven by messages on a
//! `TestBackend` at 80×24: the question before the run (English, Chinese,
//! `--ascii`), the run locked until it is answered or skipped, the pick
//! beside the run while it plays, and the verdict once it has stopped.

mod common;

use common::screen;
use nnstep::lesson::Lang;
use nnstep::progress::{Change, Progress};
use nnstep::tui::dashboard::DashKey;
use nnstep::tui::keymap::Context;
use nnstep::tui::predict_view::PredictKey;
use nnstep::tui::{App, Config, Message, update};

fn config(lang: Lang, ascii: bool) -> Config {
    screen::config(lang, ascii, false)
}

/// Lesson `id` opened at the step with id `step`, at 80×24.
fn at(id: &str, step: &str, cfg: Config) -> App {
    screen::lesson_at(id, step, Progress::default(), cfg, (80, 24))
}

/// The screen as text, one line per row, trailing spaces removed.
fn screen(app: &App) -> String {
    screen::text(&screen::draw(app, 80, 24))
}

fn send(app: &mut App, msgs: &[Message]) {
    for m in msgs {
        update(app, *m);
    }
}

fn epochs(app: &mut App, n: usize) {
    for _ in 0..n {
        update(app, Message::Dash(DashKey::Epoch));
    }
}

#[test]
fn the_question_comes_first_and_locks_the_run() {
    for (lang, ascii, name) in [
        (Lang::En, false, "tui_predict_ask_en_80x24"),
        (Lang::Zh, false, "tui_predict_ask_zh_80x24"),
        (Lang::En, true, "tui_predict_ask_en_80x24_ascii"),
    ] {
        let mut app = at("ch04", "compare-batches", config(lang, ascii));
        assert_eq!(app.context(), Context::Predict);
        // Space, n and r do nothing to the run while it waits.
        send(&mut app, &[Message::Dash(DashKey::PlayPause)]);
        assert_eq!(app.context(), Context::Predict);
        let s = screen(&app);
        insta::assert_snapshot!(name, &s);
        if ascii {
            for c in ['─', '│', '▶', '·', '✓'] {
                assert!(!s.contains(c), "{c} in\n{s}");
            }
        }
    }
}

#[test]
fn a_pick_then_the_run_then_the_verdict_in_both_languages() {
    for (lang, ascii, name) in [
        (Lang::En, false, "tui_predict_verdict_en_80x24"),
        (Lang::Zh, false, "tui_predict_verdict_zh_80x24"),
        (Lang::En, true, "tui_predict_verdict_en_80x24_ascii"),
    ] {
        let mut app = at("ch04", "compare-batches", config(lang, ascii));
        // Pick option 3 (full batch) with the digit, lock it in.
        send(
            &mut app,
            &[
                Message::Predict(PredictKey::Char('3')),
                Message::Predict(PredictKey::Enter),
            ],
        );
        assert_eq!(app.context(), Context::Compare);
        let before = screen(&app);
        let pending = match lang {
            Lang::En => "run it to see (Space)",
            Lang::Zh => "运行后揭晓（空格键）",
        };
        assert!(before.contains(pending), "{before}");
        epochs(&mut app, 20);
        let after = screen(&app);
        let wrong = match (lang, ascii) {
            (Lang::En, false) => "✗ wrong",
            (Lang::En, true) => "x wrong",
            (Lang::Zh, _) => "✗ 不对",
        };
        assert!(after.contains(wrong), "{after}");
        insta::assert_snapshot!(name, &after);
    }
}

#[test]
fn the_verdict_is_saved_as_progress() {
    let mut app = at("ch04", "compare-batches", config(Lang::En, false));
    send(
        &mut app,
        &[
            Message::Predict(PredictKey::Down),
            Message::Predict(PredictKey::Enter),
        ],
    );
    let _ = app.take_changes();
    epochs(&mut app, 20);
    let changes = app.take_changes();
    let saved = changes.iter().any(|c| {
        matches!(c, Change::Quiz { lesson, record }
            if lesson == "ch04" && record.step == "compare-batches"
                && record.question == "sgd-curve" && record.attempts_added == 1
                && record.outcome == nnstep::quiz::Outcome::Right)
    });
    assert!(saved, "{changes:?}");
    assert!(screen(&app).contains("✓ right"));
}

#[test]
fn tab_watches_without_predicting_and_says_so() {
    let mut app = at("ch05", "train-raw", config(Lang::En, false));
    let asking = screen(&app);
    assert!(
        asking.contains("Tab"),
        "the footer names the skip key:\n{asking}"
    );
    assert!(asking.contains("skip, just watch"), "{asking}");
    send(&mut app, &[Message::Predict(PredictKey::Skip)]);
    assert_eq!(app.context(), Context::Train);
    update(&mut app, Message::Dash(DashKey::Epoch));
    let s = screen(&app);
    assert!(s.contains("no prediction"), "{s}");
    assert!(s.contains("diverged"), "{s}");
    assert!(
        app.take_changes()
            .iter()
            .all(|c| !matches!(c, Change::Quiz { .. }))
    );
}

#[test]
fn a_number_prediction_is_typed_and_a_bad_one_is_explained() {
    let mut app = at("ch11", "train", config(Lang::Zh, false));
    send(
        &mut app,
        &[
            Message::Predict(PredictKey::Char('.')),
            Message::Predict(PredictKey::Char('.')),
            Message::Predict(PredictKey::Enter),
        ],
    );
    assert_eq!(app.context(), Context::Predict);
    assert!(screen(&app).contains("这不是一个数"));
    send(
        &mut app,
        &[
            Message::Predict(PredictKey::Backspace),
            Message::Predict(PredictKey::Backspace),
            Message::Predict(PredictKey::Char('0')),
            Message::Predict(PredictKey::Char('.')),
            Message::Predict(PredictKey::Char('9')),
        ],
    );
    insta::assert_snapshot!("tui_predict_number_zh_80x24", screen(&app));
    update(&mut app, Message::Predict(PredictKey::Enter));
    assert_eq!(app.context(), Context::Train);
    assert!(screen(&app).contains("你的预测：0.9"));
}
