#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! The hidden-unit view (ch09 unit curves, ch10 and ch11 input and hidden
//! space), the capacity step (ch09 overfitting) and a comparison with its
//! parameters opened, drawn on a `TestBackend` at 80×24 and 120×40, in
//! English and Chinese, Unicode and `--ascii`, at the lessons' fixed seeds;
//! and the same steps as the plain runner prints them.

mod common;

use common::screen::{config, draw, lang_name, lesson_at, text};
use nnstep::lesson::{Catalog, Lang, Lesson};
use nnstep::plain::runner::{self, Options};
use nnstep::progress::Progress;
use nnstep::session::Session;
use nnstep::tui::dashboard::DashKey;
use nnstep::tui::{App, Message, update};
use unicode_width::UnicodeWidthStr;

/// (snapshot name, lesson, step id, epochs to train before drawing, keys).
const VIEWS: [(&str, &str, &str, usize, &[DashKey]); 5] = [
    ("units", "ch09", "hidden-units", 1500, &[]),
    ("xor", "ch10", "xor-hidden", 1179, &[]),
    ("bank", "ch11", "hidden", 300, &[]),
    ("capacity", "ch09", "overfit", 0, &[]),
    (
        "compare_params",
        "ch11",
        "units",
        20,
        &[DashKey::CyclePanel],
    ),
];

fn lesson(id: &str) -> Lesson {
    Catalog::builtin().get(id).unwrap().load().unwrap()
}

fn app_at(id: &str, step: &str, lang: Lang, ascii: bool, size: (u16, u16)) -> App {
    lesson_at(
        id,
        step,
        Progress::default(),
        config(lang, ascii, false),
        size,
    )
}

#[test]
fn hidden_views_on_screen() {
    for (name, id, step, epochs, keys) in VIEWS {
        for (w, h) in [(80, 24), (120, 40)] {
            for lang in [Lang::En, Lang::Zh] {
                for ascii in [false, true] {
                    let mut app = app_at(id, step, lang, ascii, (w, h));
                    for _ in 0..epochs {
                        update(&mut app, Message::Dash(DashKey::Epoch));
                    }
                    for k in keys {
                        update(&mut app, Message::Dash(*k));
                    }
                    let screen = text(&draw(&app, w, h));
                    if ascii {
                        assert!(
                            screen.chars().all(|c| c.is_ascii()
                                || UnicodeWidthStr::width(c.to_string().as_str()) == 2),
                            "{name} {w}x{h}: a non-ASCII glyph in --ascii:\n{screen}"
                        );
                    }
                    let snap = format!(
                        "hidden_{name}_{}_{w}x{h}{}",
                        lang_name(lang),
                        if ascii { "_ascii" } else { "" }
                    );
                    insta::assert_snapshot!(snap, screen);
                }
            }
        }
    }
}

/// The lesson cut down to the step `step` alone, printed by the plain runner.
fn plain(id: &str, step: &str, lang: Lang, ascii: bool) -> String {
    let mut l = lesson(id);
    let i = l.step_index(step).unwrap();
    l.steps = vec![l.steps[i].clone()];
    let mut s = Session::new(l);
    let mut out = Vec::new();
    let opts = Options {
        lang,
        width: 80,
        ascii,
    };
    runner::run(&mut s, &mut std::io::empty(), &mut out, opts).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn hidden_views_in_plain_text() {
    for (name, id, step, _, _) in VIEWS {
        for lang in [Lang::En, Lang::Zh] {
            for ascii in [false, true] {
                let out = plain(id, step, lang, ascii);
                let snap = format!(
                    "plain_{name}_{}{}",
                    lang_name(lang),
                    if ascii { "_ascii" } else { "" }
                );
                insta::assert_snapshot!(snap, out);
            }
        }
    }
}

#[test]
fn plain_mode_draws_the_regions_it_used_to_defer() {
    // ch10's XOR run shows `boundary`: the plain runner now draws it.
    let out = plain("ch10", "train-xor", Lang::En, true);
    assert!(!out.contains("full-screen"), "{out}");
    let start = out.find("classes and model regions").unwrap();
    // The grid's rows: what follows the axis bar.
    let cells: String = (out[start..].lines())
        .take_while(|l| !l.trim_start().starts_with('+'))
        .filter_map(|l| l.split_once('|').map(|(_, row)| row.to_string()))
        .collect();
    // The four XOR corners: two o (class 0) and two x (class 1), over
    // both regions (class 1 shaded '.', class 0 blank).
    assert_eq!(cells.matches('o').count(), 2, "{out}");
    assert_eq!(cells.matches('x').count(), 2, "{out}");
    assert!(cells.contains('.') && cells.contains(' '), "{out}");
}

#[test]
fn plain_unit_table_sums_to_the_fit() {
    let out = plain("ch09", "hidden-units", Lang::En, false);
    let head = out.find("sum + b2 = fit").unwrap();
    let table = &out[head..];
    let mut rows = 0;
    for line in table.lines().skip(3).take_while(|l| !l.trim().is_empty()) {
        let v: Vec<f64> = line
            .split_whitespace()
            .filter_map(|c| c.parse().ok())
            .collect();
        if v.len() < 6 {
            continue;
        }
        // x, unit 1..3, b2, fit: the printed terms add up to the printed
        // fit within their rounding (4 significant digits each).
        let sum: f64 = v[1..5].iter().sum();
        assert!((sum - v[5]).abs() < 2e-3, "{line}");
        rows += 1;
    }
    assert_eq!(rows, 5, "{table}");
}
