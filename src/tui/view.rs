//! Drawing the app: `impl Widget for &App` picks the screen, adds the help
//! overlay, and shows a message instead of a squeezed layout when the
//! window is below the minimum size.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::app::{App, MIN_SIZE, Overlay, Screen};
use super::{code_box, help, home, lesson_view};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_SIZE.width || area.height < MIN_SIZE.height {
            render_too_small(self, area, buf);
            return;
        }
        match &self.screen {
            Screen::Home { .. } if self.learner().is_some() => {
                super::class_view::render_waiting(self, area, buf);
            }
            Screen::Home { selected } => home::render(self, *selected, area, buf),
            Screen::Lesson(l) => lesson_view::render(self, l, area, buf),
        }
        if self.class_panel() && matches!(self.screen, Screen::Lesson(_)) {
            super::class_view::render_panel(self, area, buf);
        }
        match self.overlay {
            Overlay::Help => help::render(self, area, buf),
            Overlay::Code => code_box::render(self, area, buf),
            Overlay::None => {}
        }
        if self.theme.ascii {
            ascii_pass(area, buf);
        }
    }
}

/// The last safety net of `--ascii`: a one-cell glyph that reached the
/// screen unspelt (a cut mark, a chart's) gets its ASCII stand-in.
fn ascii_pass(area: Rect, buf: &mut Buffer) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let Some(cell) = buf.cell_mut((x, y)) else {
                continue;
            };
            let Some(c) = cell.symbol().chars().next().filter(|c| !c.is_ascii()) else {
                continue;
            };
            if let Some(rep) = crate::tui::text_fit::ascii_cell(c) {
                cell.set_symbol(rep);
            }
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
