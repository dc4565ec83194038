#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! The hidden-unit view (ch09 unit curves, ch10 and ch11 input and hidden
//! space), the capacity step (ch09 overfitting) and a comparison with its
//! parameters opened, drawn on a `TestBackend` at 80×24 and 120×40, in
//! English and Chinese, Unicode and `--ascii`, at the lessons' fixed seeds;
//! and the same steps as the plain runner prints them.

use nnstep::lesson::{Catalog, Lang, Lesson};
use nnstep::plain::runner::{self, Options};
use nnstep::progress::Progress;
use nnstep::session::Session;
use nnstep::tui::dashboard::DashKey;
use nnstep::tui::{self, App, Config, Message, Theme, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// (snapshot name, lesson, step id, epochs to train before drawing, keys).
const VIEWS: [(&str, &str, &str, usize, &[DashKey]); 5] = [
    ("units", "ch09", "hidden-units", 1500, &[]),
    ("xor", "ch10", "xor-hidden", 1179, &[]),
    ("bank", "ch11", "hidden", 300, &[]),
    ("capacity", "ch09", "overfit", 0, &[]),
    (
        "compare_params",
        "ch10",
        "one-vs-two",
        50,
        &[DashKey::CyclePanel],
    ),
];

fn lesson(id: &str) -> Lesson {
    Catalog::builtin().get(id).unwrap().load().unwrap()
}

fn app_at(id: &str, step: &str, lang: Lang, ascii: bool, (w, h): (u16, u16)) -> App {
    let entries = tui::entries(&Catalog::builtin());
    let at = entries.iter().position(|e| e.id == id).unwrap();
    let index = lesson(id).step_index(step).unwrap();
    let cfg = Config {
        lang,
        theme: Theme::new(ascii, None),
        seed: None,
    };
    let mut app = App::open(entries, Progress::default(), cfg, at, Some(index));
    update(&mut app, Message::Resize(w, h));
    app
}

fn draw(app: &App, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    t.backend().buffer().clone()
}

/// The screen as text, one line per row, trailing spaces removed.
fn text(buf: &Buffer) -> String {
    let w = usize::from(buf.area.width);
    let rows: Vec<String> = (buf.content.chunks(w))
        .map(|row| {
            let mut s = String::new();
            let mut skip = 0;
            for c in row {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                s.push_str(c.symbol());
                skip = UnicodeWidthStr::width(c.symbol()).saturating_sub(1);
            }
            s.trim_end().to_string()
        })
        .collect();
    rows.join("\n")
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
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
    let picture = &out[start..];
    // The four XOR corners: two o (class 0) and two x (class 1).
    assert_eq!(
        picture.matches('o').count() - picture.matches("model").count(),
        2
    );
    assert!(picture.contains('x'));
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
