//! Ctrl-C during a training run in plain mode: the run stops where it is,
//! says so, and the lesson (or `nnstep train`) goes on to its end; outside a
//! run Ctrl-C ends the program at once, as usual (status 130).
//!
//! The command line arms it ([`arm`]); without arming (tests, library use)
//! nothing is ever interrupted.

use std::io;
use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use signal_hook::consts::SIGINT;

struct Flags {
    /// No run is training: Ctrl-C ends the program.
    idle: Arc<AtomicBool>,
    /// Ctrl-C arrived during a run.
    hit: Arc<AtomicBool>,
}

static FLAGS: OnceLock<Flags> = OnceLock::new();

/// Installs the Ctrl-C handling for plain output (once per process).
pub fn arm() -> io::Result<()> {
    if FLAGS.get().is_some() {
        return Ok(());
    }
    let flags = Flags {
        idle: Arc::new(AtomicBool::new(true)),
        hit: Arc::new(AtomicBool::new(false)),
    };
    signal_hook::flag::register_conditional_shutdown(SIGINT, 130, Arc::clone(&flags.idle))?;
    signal_hook::flag::register(SIGINT, Arc::clone(&flags.hit))?;
    let _ = FLAGS.set(flags);
    Ok(())
}

/// A training run in progress: Ctrl-C now stops the run instead of the
/// program, until the guard is dropped.
pub struct Running(());

impl Running {
    #[must_use]
    pub fn start() -> Self {
        if let Some(f) = FLAGS.get() {
            f.hit.store(false, Ordering::SeqCst);
            f.idle.store(false, Ordering::SeqCst);
        }
        Running(())
    }

    /// Whether Ctrl-C was pressed since the run started.
    #[must_use]
    pub fn interrupted(&self) -> bool {
        FLAGS.get().is_some_and(|f| f.hit.load(Ordering::SeqCst))
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(f) = FLAGS.get() {
            f.idle.store(true, Ordering::SeqCst);
        }
    }
}
