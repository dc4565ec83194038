#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! The colour codes that reach the terminal: real screens (home, a text
//! step, a training run, a comparison, a quiz after a wrong answer) drawn
//! through crossterm's backend into the writer the program uses, for a
//! 16-colour terminal and for one that advertises more.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use nnstep::lesson::{Catalog, Lang, StepKind};
use nnstep::progress::Progress;
use nnstep::tui::dashboard::DashKey;
use nnstep::tui::palette::{ColorDepth, Sgr16};
use nnstep::tui::{self, App, Config, Message, Theme, update};
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

fn screens() -> Vec<App> {
    let cfg = Config {
        lang: Lang::En,
        theme: Theme::new(false, None),
        seed: None,
    };
    let entries = tui::entries(&Catalog::builtin());
    let ch = |id: &str| entries.iter().position(|e| e.id == id).unwrap();
    let lesson = |id: &str, kind: &str| {
        let l = Catalog::builtin().find(id).unwrap();
        (l.steps.iter())
            .position(|s| match &s.kind {
                StepKind::Text(_) => kind == "text",
                StepKind::Train(_) => kind == "train",
                StepKind::Compare(_) => kind == "compare",
                StepKind::Quiz(_) => kind == "quiz",
                _ => false,
            })
            .unwrap()
    };
    let mut out = vec![App::home(entries.clone(), Progress::default(), cfg)];
    for (id, kind) in [
        ("ch04", "text"),
        ("ch04", "train"),
        ("ch04", "compare"),
        ("ch06", "quiz"),
    ] {
        let mut app = App::open(
            entries.clone(),
            Progress::default(),
            cfg,
            ch(id),
            Some(lesson(id, kind)),
        );
        update(&mut app, Message::Resize(80, 24));
        update(&mut app, Message::Dash(DashKey::Epoch));
        out.push(app);
    }
    out
}

/// What the program writes for `app` at 80×24 to a terminal of `depth`.
fn bytes(app: &App, depth: ColorDepth) -> String {
    let area = Rect::new(0, 0, 80, 24);
    let mut buf = Buffer::empty(area);
    app.render(area, &mut buf);
    let out = Shared::default();
    let mut backend = CrosstermBackend::new(Sgr16::new(out.clone(), depth));
    let cells = buf.content.iter().enumerate().map(|(i, c)| {
        let (x, y) = buf.pos_of(i);
        (x, y, c)
    });
    backend.draw(cells).unwrap();
    Backend::flush(&mut backend).unwrap();
    let bytes = out.0.borrow();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A writer whose bytes the test can read after the backend has them.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The parameter lists of every SGR sequence in `s`.
fn sgr_params(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find("\x1b[") {
        rest = &rest[i + 2..];
        let end = rest.find(|c: char| ('\x40'..='\x7e').contains(&c)).unwrap();
        if rest[end..].starts_with('m') {
            out.push(rest[..end].to_string());
        }
        rest = &rest[end + 1..];
    }
    out
}

#[test]
fn a_sixteen_colour_terminal_gets_only_the_standard_colour_codes() {
    let mut colours = std::collections::BTreeSet::new();
    for app in screens() {
        for p in sgr_params(&bytes(&app, ColorDepth::Sixteen)) {
            let codes: Vec<u32> = p.split(';').map(|c| c.parse().unwrap()).collect();
            for c in &codes {
                assert!(
                    !matches!(c, 38 | 48 | 58),
                    "a 256-colour or RGB code reached a 16-colour terminal: ESC[{p}m"
                );
                let standard = matches!(c, 30..=37 | 39 | 40..=47 | 49 | 90..=97 | 100..=107);
                // Attributes, and resetting the underline colour (59).
                let attribute = *c < 30 || *c == 59;
                assert!(standard || attribute, "ESC[{p}m");
                if standard {
                    colours.insert(*c);
                }
            }
        }
    }
    // The screens do use colour (cyan titles and keys, blue frames...).
    assert!(
        colours.contains(&36) && colours.contains(&34),
        "{colours:?}"
    );
}

#[test]
fn a_terminal_that_advertises_more_gets_crossterms_codes_unchanged() {
    let app = &screens()[1];
    let many = bytes(app, ColorDepth::Many);
    assert!(sgr_params(&many).iter().any(|p| p.contains("38;5;")));
    let sixteen = bytes(app, ColorDepth::Sixteen);
    assert_eq!(
        sgr_params(&many).len(),
        sgr_params(&sixteen).len(),
        "the same sequences, only the colour codes differ"
    );
}
