//! Drawing the app: `impl Widget for &App` picks the screen, adds the help
//! overlay, and shows a message instead of a squeezed layout when the
//! window is below the minimum size.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::app::{App, MIN_SIZE, Overlay, Screen};
use super::{help, home, lesson_view};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_SIZE.width || area.height < MIN_SIZE.height {
            render_too_small(self, area, buf);
            return;
        }
        match &self.screen {
            Screen::Home { selected } => home::render(self, *selected, area, buf),
            Screen::Lesson(l) => lesson_view::render(self, l, area, buf),
        }
        if self.overlay == Overlay::Help {
            help::render(self, area, buf);
        }
    }
}

fn render_too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let (w, h) = (MIN_SIZE.width, MIN_SIZE.height);
    let x = app.theme.symbols().times;
    let text = crate::words::shell::too_small(app.lang, &format!("{w}{x}{h}"));
    let now = format!("{}{x}{}", area.width, area.height);
    let lines = vec![Line::from(text).style(app.theme.warning()), Line::from(now)];
    let [row] = Layout::vertical([Constraint::Length(2)])
        .flex(Flex::Center)
        .areas(area);
    Paragraph::new(lines)
        .centered()
        .wrap(Wrap { trim: true })
        .render(row, buf);
}
