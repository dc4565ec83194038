//! The full-screen program without a terminal: a lesson opened at a step,
//! drawn into ratatui's `TestBackend`, and read back as text.

use nnstep::lesson::{Catalog, Lang};
use nnstep::progress::Progress;
use nnstep::tui::{self, App, Config, Message, Theme, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// The settings of `--lang`, `--ascii` and `NO_COLOR`.
pub fn config(lang: Lang, ascii: bool, no_color: bool) -> Config {
    Config {
        lang,
        theme: Theme::new(ascii, no_color.then_some("1")),
        seed: None,
    }
}

/// Built-in lesson `id` opened at the step with id `step`, for a learner
/// with `progress`, in a `w`×`h` window.
pub fn lesson_at(id: &str, step: &str, progress: Progress, cfg: Config, (w, h): (u16, u16)) -> App {
    let entries = tui::entries(&Catalog::builtin());
    let at = entries.iter().position(|e| e.id == id).unwrap();
    let lesson = Catalog::builtin().get(id).unwrap().load().unwrap();
    let index = lesson.step_index(step).unwrap();
    let mut app = App::open(entries, progress, cfg, at, Some(index));
    update(&mut app, Message::Resize(w, h));
    app
}

/// One frame of `app` in a `w`×`h` window.
pub fn draw(app: &App, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    t.backend().buffer().clone()
}

/// The screen's rows as text, each as wide as the screen (a double-width
/// character's right half is not repeated).
pub fn rows(buf: &Buffer) -> Vec<String> {
    let w = usize::from(buf.area.width);
    (buf.content.chunks(w))
        .map(|row| {
            let mut s = String::new();
            let mut skip = 0;
            for c in row {
                // The cell after a double-width character is its right half.
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                s.push_str(c.symbol());
                skip = UnicodeWidthStr::width(c.symbol()).saturating_sub(1);
            }
            s
        })
        .collect()
}

/// The screen as text, one line per row, trailing spaces removed.
pub fn text(buf: &Buffer) -> String {
    let rows = rows(buf);
    let trimmed: Vec<&str> = rows.iter().map(|r| r.trim_end()).collect();
    trimmed.join("\n")
}

/// The language as snapshot names spell it.
pub fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}
