#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! Every step of every built-in lesson, in both languages, drawn at 80×24 the
//! way a learner meets it: nothing runs past the frame, the Chinese screens
//! show Chinese, and a page longer than the window says there is more below
//! (and scrolling reaches its end).

mod common;

use nnstep::lesson::{Catalog, Lang};
use nnstep::progress::Progress;
use nnstep::tui::app::Screen;
use nnstep::tui::{self, App, Config, Message, Theme, update};
use unicode_width::UnicodeWidthStr;

fn screen(app: &App) -> Vec<String> {
    common::screen::rows(&common::screen::draw(app, 80, 24))
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_step_of_every_lesson_fits_80x24_in_both_languages() {
    let entries = tui::entries(&Catalog::builtin());
    let mut checked = 0;
    for (i, e) in entries.iter().enumerate() {
        let lesson = Catalog::builtin().get(&e.id).unwrap().load().unwrap();
        for step in 0..lesson.steps.len() {
            for lang in [Lang::En, Lang::Zh] {
                let cfg = Config {
                    lang,
                    theme: Theme::new(false, None),
                    seed: None,
                };
                let mut app = App::open(entries.clone(), Progress::default(), cfg, i, Some(step));
                update(&mut app, Message::Resize(80, 24));
                let rows = screen(&app);
                let place = format!("{} step {} ({lang:?})", e.id, step + 1);
                for (y, row) in rows.iter().enumerate() {
                    assert!(
                        UnicodeWidthStr::width(row.as_str()) <= 80,
                        "{place} row {y}: {row}"
                    );
                }
                // The body frame is intact: its rows end with the right edge.
                for row in &rows[3..22] {
                    assert!(
                        row.trim_end().ends_with('│') || row.trim_end().ends_with('┘'),
                        "{place}:\n{}",
                        rows.join("\n")
                    );
                }
                if lang == Lang::Zh {
                    assert!(
                        has_cjk(&rows[0]) && has_cjk(&rows[1]),
                        "{place}: the header is not in Chinese:\n{}",
                        rows.join("\n")
                    );
                }
                // Scroll to the end: the last page line becomes visible.
                let mut last = rows.clone();
                for _ in 0..200 {
                    update(&mut app, Message::ScrollDown);
                    let now = screen(&app);
                    if now == last {
                        break;
                    }
                    last = now;
                }
                if let Screen::Lesson(l) = &app.screen {
                    assert_eq!(
                        l.session.index(),
                        step,
                        "{place}: scrolling must not change the step"
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 200, "{checked} screens");
}
