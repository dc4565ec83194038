//! SIGTERM, SIGHUP (a dropped SSH link), SIGINT and SIGQUIT: a watcher
//! thread records the signal and wakes the event loop, which saves progress
//! and restores the terminal on its normal way out.
//!
//! Waking works by raising SIGWINCH, which crossterm's event reader already
//! listens for (it answers with a resize event), so the loop can block on
//! input with no timeout and an idle screen costs no CPU. If the loop has
//! not finished half a second later — after a hang-up crossterm can be stuck
//! re-reading a dead terminal — the watcher restores what it can and exits
//! itself; progress is saved at every step, so nothing is lost.
//!
//! A hang-up does not always bring a SIGHUP (a parent that does not pass it
//! on, a tracer in between), and crossterm would then spin on the dead
//! terminal forever. So a second thread checks every two seconds that
//! standard input is still a terminal (a hung-up one no longer answers) and
//! raises SIGHUP itself when it is not: one cheap wake-up every two seconds
//! is the only cost of an idle screen.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};
use signal_hook::iterator::{Handle, Signals};

use super::terminal;

/// How long the loop has to finish after a signal before the watcher exits.
const GRACE: Duration = Duration::from_millis(500);
/// How often the terminal is checked for a silent hang-up.
const HANGUP_CHECK: Duration = Duration::from_secs(2);

/// Watches for termination signals while it lives.
pub struct SignalWatch {
    received: Arc<AtomicI32>,
    handle: Handle,
}

impl SignalWatch {
    /// Starts watching.
    pub fn start() -> io::Result<Self> {
        let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
        let handle = signals.handle();
        let received = Arc::new(AtomicI32::new(0));
        let flag = Arc::clone(&received);
        std::thread::Builder::new()
            .name("nnstep-signals".into())
            .spawn(move || {
                if let Some(sig) = signals.forever().next() {
                    flag.store(sig, Ordering::SeqCst);
                    let _ = signal_hook::low_level::raise(SIGWINCH);
                    std::thread::sleep(GRACE);
                    terminal::restore();
                    std::process::exit(128 + sig);
                }
            })?;
        std::thread::Builder::new()
            .name("nnstep-hangup".into())
            .spawn(watch_hangup)?;
        Ok(Self { received, handle })
    }

    /// The signal received, if any.
    #[must_use]
    pub fn received(&self) -> Option<i32> {
        match self.received.load(Ordering::SeqCst) {
            0 => None,
            s => Some(s),
        }
    }
}

/// Raises SIGHUP once standard input stops being a terminal.
fn watch_hangup() {
    use std::io::IsTerminal;
    while std::io::stdin().is_terminal() {
        std::thread::sleep(HANGUP_CHECK);
    }
    let _ = signal_hook::low_level::raise(SIGHUP);
}

impl Drop for SignalWatch {
    fn drop(&mut self) {
        self.handle.close();
    }
}
