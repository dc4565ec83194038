//! The terminal's life: raw mode and the alternate screen on the way in,
//! and always the way back out — on a normal return (the guard's `Drop`), on
//! a panic (a hook that restores before the message prints), and from the
//! signal watcher's last resort.

use std::io::{self, Stdout, stdout};
use std::sync::Once;

use crossterm::cursor::{Hide, Show};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::palette::{ColorDepth, Sgr16};

/// The full-screen terminal; dropping it restores the terminal.
pub struct TerminalGuard {
    pub terminal: Terminal<CrosstermBackend<Sgr16<Stdout>>>,
}

impl TerminalGuard {
    /// Enters raw mode and the alternate screen, hides the cursor. Colours
    /// are written as the 16 standard codes unless `depth` allows more.
    pub fn enter(depth: ColorDepth) -> io::Result<Self> {
        install_panic_hook();
        enable_raw_mode()?;
        let entered = execute!(stdout(), EnterAlternateScreen, Hide)
            .and_then(|()| Terminal::new(CrosstermBackend::new(Sgr16::new(stdout(), depth))));
        match entered {
            Ok(terminal) => Ok(Self { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Leaves the alternate screen, shows the cursor and ends raw mode. Safe to
/// call more than once and from any thread; errors are ignored because there
/// is nothing better to do with them on the way out (the terminal may be
/// gone).
pub fn restore() {
    let _ = execute!(stdout(), LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
}

/// Restores the terminal before the default panic message prints, so the
/// message is readable and the shell is usable.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
