//! The event loop: draw when the state changed, save progress changes,
//! wait for the next event, turn it into a message, update. It blocks on
//! input unless something animates (then it ticks), so an idle screen
//! writes nothing and uses no CPU.

use crossterm::event::{self, Event};

use super::app::App;
use super::class_loop::{CLASS_POLL, ClassLink, Ending};
use super::class_ui;
use super::keymap::{handle_key, key_of};
use super::message::Message;
use super::signals::SignalWatch;
use super::terminal::TerminalGuard;
use super::update::update;
use crate::progress::Store;

/// Runs `app` full-screen until the learner quits or a signal arrives,
/// saving progress to `store` (if any) after every change. Returns the
/// signal that ended it, if one did (Ctrl-C counts as SIGINT).
pub fn run(app: App, store: Option<&Store>) -> anyhow::Result<Option<i32>> {
    run_class(app, store, None).map(|(signal, _)| signal)
}

/// [`run`] beside a live class (`link`): class events wake the loop every
/// [`super::class_loop::CLASS_POLL`] while it waits for keys, and what the
/// keys queued for the class is sent after each update. Also returns why a
/// learner's class ended the program, if it did.
pub fn run_class(
    mut app: App,
    store: Option<&Store>,
    mut link: Option<&mut ClassLink>,
) -> anyhow::Result<(Option<i32>, Option<Ending>)> {
    let mut ending = None;
    let signals = SignalWatch::start()?;
    let depth = super::palette::ColorDepth::from_env(|k| std::env::var(k).ok());
    let mut guard = TerminalGuard::enter(depth)?;
    let size = guard.terminal.size()?;
    update(&mut app, Message::Resize(size.width, size.height));
    let mut dirty = true;
    while app.running {
        if let Some(link) = link.as_deref_mut() {
            dirty |= link.pump(&mut app, &mut ending);
            link.flush(&mut app);
            if !app.running {
                break;
            }
        }
        dirty |= save(&mut app, store);
        if dirty {
            guard.terminal.draw(|f| f.render_widget(&app, f.area()))?;
            dirty = false;
        }
        if signals.received().is_some() {
            break;
        }
        let msg = next_message(&app, link.is_some())?;
        if signals.received().is_some() {
            break;
        }
        if let Some(msg) = msg {
            update(&mut app, msg);
            if let Some(link) = link.as_deref_mut() {
                link.flush(&mut app);
            }
            if let Some(text) = app.to_copy.take() {
                // Drawn over by the next frame's cells only where they change;
                // the escape itself leaves no mark on the screen.
                super::clipboard::copy(&text)?;
            }
            // A tick redraws only when it moved something (a run at one
            // epoch per second changes the screen once a second).
            dirty |= msg != Message::Tick || app.take_tick_changed();
        }
    }
    save(&mut app, store);
    drop(guard);
    // Ctrl-C arrives as a key in raw mode; it ends the program as SIGINT would.
    Ok((signals.received().or(app.interrupted.then_some(2)), ending))
}

/// Waits for the next event (or the next tick while animating). With a
/// live class it waits at most [`CLASS_POLL`] (then `None`: the loop looks
/// at the class and draws only if that changed something).
fn next_message(app: &App, class: bool) -> std::io::Result<Option<Message>> {
    if app.animating() && !event::poll(app.tick_wait())? {
        return Ok(Some(Message::Tick));
    }
    if class && !event::poll(CLASS_POLL)? {
        return Ok(None);
    }
    Ok(match event::read()? {
        Event::Key(k) => (key_of(&k).and_then(|key| class_ui::message_for(key, app)))
            .or_else(|| handle_key(&k, app.context())),
        Event::Resize(w, h) => Some(Message::Resize(w, h)),
        _ => None,
    })
}

/// Saves the app's pending progress changes; true when the app changed
/// (fresh progress from disk, or a notice).
fn save(app: &mut App, store: Option<&Store>) -> bool {
    let changes = app.take_changes();
    let Some(store) = store else {
        return false;
    };
    let mut changed = false;
    for change in &changes {
        match store.apply(change) {
            Ok(loaded) => {
                app.saved(loaded.progress);
                if let Some(n) = loaded.notice {
                    app.notice = Some(n.to_string());
                }
            }
            Err(e) => {
                app.notice = Some(e.to_string());
                return true;
            }
        }
        changed = true;
    }
    changed
}
