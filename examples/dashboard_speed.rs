//! Epochs per second of a lesson's training run played flat out on the
//! dashboard (ticks of the event loop's 30 ms budget, each followed by a
//! frame drawn at 80×24 into ratatui's test backend, with the event loop's
//! 1 ms wait for keys), against the same run trained headless (the
//! trainer's fast path in a loop). Not a test: figures for the notes.
//!
//!     cargo run --release --example dashboard_speed -- [LESSON STEP EPOCHS]
//!
//! defaults: ch09 13 3000 (the complex curve, 1-3-1).

use std::time::{Duration, Instant};

use nnstep::lesson::Catalog;
use nnstep::progress::Progress;
use nnstep::tui::app::{Screen, StepState};
use nnstep::tui::dashboard::DashKey;
use nnstep::tui::{self, App, Config, Message, Theme, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lesson = args.first().map_or("ch09", String::as_str);
    let step: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(14);
    let epochs: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3000);
    let cat = Catalog::builtin();
    let entries = tui::entries(&cat);
    let index = entries
        .iter()
        .position(|e| e.id == lesson)
        .expect("a built-in lesson");
    let cfg = Config {
        lang: nnstep::lesson::Lang::En,
        theme: Theme::new(false, None),
        seed: None,
    };
    for round in 0..5 {
        let cpu0 = cpu_seconds();
        let headless = headless(&entries, cfg, index, step, epochs);
        let cpu1 = cpu_seconds();
        let (dash, done, frames) = dashboard(&entries, cfg, index, step, epochs);
        let cpu2 = cpu_seconds();
        let (h, d) = (
            epochs as f64 / headless.as_secs_f64(),
            done as f64 / dash.as_secs_f64(),
        );
        let (hc, dc) = (epochs as f64 / (cpu1 - cpu0), done as f64 / (cpu2 - cpu1));
        println!(
            "round {round}: wall: headless {h:.0} epochs/s, dashboard {d:.0} epochs/s ({done} epochs, {frames} frames): {:.1} %; \
             CPU: headless {hc:.0}, dashboard {dc:.0} epochs per CPU second: {:.1} %",
            100.0 * d / h,
            100.0 * dc / hc
        );
    }
}

/// CPU time of this thread so far (Linux: /proc, 10 ms ticks); NaN elsewhere.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/thread-self/stat") else {
        return f64::NAN;
    };
    // Fields after the command name (which is in parentheses): utime and
    // stime are the 12th and 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok());
    match (tick(11), tick(12)) {
        (Some(u), Some(s)) => (u + s) / 100.0,
        _ => f64::NAN,
    }
}

fn open(entries: &[tui::Entry], cfg: Config, index: usize, step: usize) -> App {
    let mut app = App::open(
        entries.to_vec(),
        Progress::default(),
        cfg,
        index,
        Some(step - 1),
    );
    update(&mut app, Message::Resize(80, 24));
    app
}

fn epoch_of(app: &App) -> usize {
    match &app.screen {
        Screen::Lesson(l) => match &l.step {
            StepState::Train(d) => d.training().run().trainer.history().len() - 1,
            _ => panic!("not a training step"),
        },
        Screen::Home { .. } => panic!("not in a lesson"),
    }
}

fn headless(
    entries: &[tui::Entry],
    cfg: Config,
    index: usize,
    step: usize,
    epochs: usize,
) -> Duration {
    let app = open(entries, cfg, index, step);
    let Screen::Lesson(l) = &app.screen else {
        panic!("not in a lesson")
    };
    let mut run = l
        .session
        .trainer()
        .expect("a train step")
        .expect("resolves");
    let start = Instant::now();
    while run.trainer.history().len() <= epochs && run.trainer.stopped().is_none() {
        run.trainer.advance().expect("trains");
    }
    start.elapsed()
}

fn dashboard(
    entries: &[tui::Entry],
    cfg: Config,
    index: usize,
    step: usize,
    epochs: usize,
) -> (Duration, usize, usize) {
    let mut app = open(entries, cfg, index, step);
    for _ in 0..10 {
        update(&mut app, Message::Dash(DashKey::Faster));
    }
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    term.draw(|f| f.render_widget(&app, f.area()))
        .expect("draw");
    update(&mut app, Message::Dash(DashKey::PlayPause));
    let start = Instant::now();
    let mut frames = 0;
    while epoch_of(&app) < epochs && app.animating() {
        // The event loop's wait for a key between flat-out ticks.
        std::thread::sleep(app.tick_wait());
        update(&mut app, Message::Tick);
        if app.take_tick_changed() {
            term.draw(|f| f.render_widget(&app, f.area()))
                .expect("draw");
            frames += 1;
        }
    }
    (start.elapsed(), epoch_of(&app), frames)
}
