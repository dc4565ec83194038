//! The instructor of a class, as plain text: line commands on standard
//! input move the class (`next`, `prev`, `goto N`), drive the shown run
//! (`play` trains the step's run and moves the class's epoch with it,
//! `pause`, `epoch [N]`), `lock`/`free` stepping away, `hold` a step,
//! `reveal` the step's tally, print the `status`, and `end` the class.
//! Joins, answers and refusals are printed as they happen.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::engine::Every;

use crate::class::{Notice, Server};
use crate::lesson::{Lang, Lesson};
use crate::session::{Moved, Session};
use crate::words::class::{self as cw, class_words};
use crate::words::{class_tally, shell_words};

/// Where the report goes when the class ends.
#[derive(Clone, Debug)]
pub struct ReportTo {
    pub csv: PathBuf,
    pub markdown: PathBuf,
}

/// Writes the class report (CSV and Markdown) from the server's snapshot;
/// its questions named by their text where `lesson` has them.
pub fn write_report(
    server: &Server,
    to: &ReportTo,
    lang: Lang,
    lesson: Option<&Lesson>,
) -> anyhow::Result<String> {
    let snap = server.snapshot();
    write_snapshot_report(&snap, to, lang, lesson)
}

/// Writes a snapshot's report; returns the line saying where.
pub fn write_snapshot_report(
    snap: &crate::class::Snapshot,
    to: &ReportTo,
    lang: Lang,
    lesson: Option<&Lesson>,
) -> anyhow::Result<String> {
    use anyhow::Context;
    let csv = crate::class::report::csv(snap)?;
    std::fs::write(&to.csv, csv).with_context(|| format!("writing {}", to.csv.display()))?;
    std::fs::write(&to.markdown, cw::report_markdown(lang, snap, lesson))
        .with_context(|| format!("writing {}", to.markdown.display()))?;
    Ok(cw::report_written(
        lang,
        &to.csv.display().to_string(),
        &to.markdown.display().to_string(),
    ))
}

/// Prints the server's notices (from `rx`) until it closes.
pub fn print_notices(rx: std::sync::mpsc::Receiver<Notice>, lang: Lang) {
    let _ = std::thread::Builder::new()
        .name("class-notices".into())
        .spawn(move || {
            while let Ok(n) = rx.recv() {
                let Some(text) = cw::notice(lang, &n) else {
                    continue;
                };
                let mut o = std::io::stdout().lock();
                let _ = writeln!(o, "{text}");
                let _ = o.flush();
            }
        });
}

/// Runs the class from `input` until `end` or the end of input.
pub fn teach(
    server: &Arc<Server>,
    session: &mut Session,
    input: &mut dyn BufRead,
    lang: Lang,
    report: Option<&ReportTo>,
) -> anyhow::Result<()> {
    let w = class_words(lang);
    sync(server, session, true);
    say(&step_line(session, lang))?;
    say(w.teacher_commands)?;
    let mut line = String::new();
    // The run played on a training step, if any.
    let mut player: Option<Player> = None;
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            break;
        }
        let mut parts = line.split_whitespace();
        let (word, arg) = (parts.next().unwrap_or(""), parts.next());
        let moved = match word {
            "" => continue,
            "next" | "n" => session.next() != Moved::AtEnd,
            "prev" | "p" | "back" => session.prev() != Moved::AtStart,
            "goto" | "g" => match arg.and_then(|a| a.parse::<usize>().ok()) {
                Some(n) if n >= 1 => match session.goto(n - 1) {
                    Ok(()) => true,
                    Err(e) => {
                        say(&e.to_string())?;
                        false
                    }
                },
                _ => {
                    say(w.teacher_commands)?;
                    false
                }
            },
            "play" => {
                server.update(|s| s.run.playing = true);
                drop(player.take());
                player = Player::start(server, session, lang);
                say(&cw::run_state(lang, server.state().run.epoch, true))?;
                continue;
            }
            "pause" => {
                player = None;
                server.update(|s| s.run.playing = false);
                say(&cw::run_state(lang, server.state().run.epoch, false))?;
                continue;
            }
            "epoch" => {
                // `epoch` steps one epoch; `epoch N` goes to epoch N.
                let to = arg.and_then(|a| a.parse::<u32>().ok());
                server.update(|s| s.run.epoch = to.unwrap_or(s.run.epoch.saturating_add(1)));
                let st = server.state();
                say(&cw::run_state(lang, st.run.epoch, st.run.playing))?;
                continue;
            }
            "lock" => ack(server, |s| s.locked = true, w.locked_ack)?,
            "free" => ack(server, |s| s.locked = false, w.freed_ack)?,
            "hold" => ack(server, |s| s.hold = true, w.hold_ack)?,
            "reveal" => {
                let step = session.step().id.clone();
                let tallies: Vec<_> = (server.snapshot().questions.into_iter())
                    .filter(|q| q.step == step)
                    .collect();
                for t in &tallies {
                    say(&class_tally::tally_line(Some(session.lesson()), lang, t))?;
                }
                ack(server, |s| s.reveal = Some(tallies), w.reveal_ack)?
            }
            "status" => {
                for l in cw::status_lines(lang, &server.snapshot(), Some(session.lesson())) {
                    say(&l)?;
                }
                continue;
            }
            "end" | "quit" => break,
            _ => {
                say(&format!(
                    "{} {}",
                    w.unknown_teacher_command, w.teacher_commands
                ))?;
                continue;
            }
        };
        if moved {
            player = None;
            sync(server, session, true);
            say(&step_line(session, lang))?;
        }
    }
    drop(player);
    if let Some(to) = report {
        match write_report(server, to, lang, Some(session.lesson())) {
            Ok(l) => say(&l)?,
            Err(e) => eprintln!("error: {e:#}"),
        }
    }
    server.end();
    say(w.ended)?;
    Ok(())
}

/// Plays a training step's run (or a comparison's runs) for the class: a
/// thread trains the step's run (the same spec and seed as every learner's) on from the class's
/// epoch, a fiftieth of its epochs every tenth of a second, and moves the
/// class's epoch with it; at the run's end the class pauses there.
struct Player {
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// Time between the played run's steps.
const TICK: std::time::Duration = std::time::Duration::from_millis(100);

impl Player {
    /// Starts playing the current step's run; `None` when the step has no
    /// run (the class's state says playing all the same).
    fn start(server: &Arc<Server>, session: &mut Session, lang: Lang) -> Option<Player> {
        let step_id = session.step().id.clone();
        let mut played = Played::of(session)?;
        let stop = Arc::new(AtomicBool::new(false));
        let (server, halt) = (Arc::clone(server), Arc::clone(&stop));
        let per_tick = (played.max_epochs() / 50).max(1);
        let thread = std::thread::Builder::new()
            .name("class-play".into())
            .spawn(move || {
                let mut epoch = 0usize;
                while !halt.load(Ordering::Acquire) {
                    let class = usize::try_from(server.state().run.epoch).unwrap_or(usize::MAX);
                    let target = class.max(epoch).saturating_add(per_tick);
                    let Ok((reached, finished)) = played.go_to(epoch, target) else {
                        return;
                    };
                    epoch = reached;
                    let shown = u32::try_from(epoch).unwrap_or(u32::MAX);
                    server.update(|s| {
                        if s.step_id == step_id {
                            s.run.epoch = shown;
                            s.run.playing &= !finished;
                        }
                    });
                    if finished {
                        let _ = say(&cw::run_state(lang, shown, false));
                        return;
                    }
                    std::thread::sleep(TICK);
                }
            })
            .ok()?;
        Some(Player {
            stop,
            thread: Some(thread),
        })
    }
}

/// What the plain instructor's `play` moves: a training step's run or a
/// comparison's runs.
enum Played {
    Run(Box<crate::spec::Resolved>),
    Compare(Box<crate::session::Comparison>),
}

impl Played {
    fn of(session: &Session) -> Option<Played> {
        if let Some(r) = session.trainer() {
            return Some(Played::Run(Box::new(r.ok()?)));
        }
        Some(Played::Compare(Box::new(session.comparison()?.ok()?)))
    }

    /// The longest run's epoch limit.
    fn max_epochs(&self) -> usize {
        match self {
            Played::Run(r) => r.trainer.config().max_epochs,
            Played::Compare(c) => (c.runs().iter())
                .map(|r| r.trainer.config().max_epochs)
                .max()
                .unwrap_or(1),
        }
    }

    /// From epoch `from` on to `to`: the epoch reached and whether it ended.
    fn go_to(
        &mut self,
        from: usize,
        to: usize,
    ) -> Result<(usize, bool), crate::engine::EngineError> {
        match self {
            Played::Run(r) => {
                let snap = r.trainer.run_for(Every::Epochs(to.saturating_sub(from)))?;
                Ok((snap.epoch, r.trainer.stopped().is_some()))
            }
            Played::Compare(c) => {
                c.follow(to, false)?;
                Ok((c.epochs(), c.finished()))
            }
        }
    }
}

impl Drop for Player {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn ack(
    server: &Server,
    f: impl FnOnce(&mut crate::class::ClassState),
    text: &str,
) -> anyhow::Result<bool> {
    server.update(f);
    say(text)?;
    Ok(false)
}

/// Sends the session's step to the class; a new step starts its run at
/// epoch 0, paused, with nothing held or revealed.
pub fn sync(server: &Server, session: &Session, new_step: bool) {
    let (step, id) = (session.index(), session.step().id.clone());
    server.update(|s| {
        s.step = step;
        s.step_id = id;
        if new_step {
            s.run = crate::class::protocol::RunState::default();
            s.hold = false;
            s.reveal = None;
        }
    });
}

fn step_line(s: &Session, lang: Lang) -> String {
    let sep = if lang == Lang::Zh { "：" } else { ": " };
    format!(
        "{} {}/{}{sep}{}",
        shell_words(lang).step_heading,
        s.index() + 1,
        s.len(),
        s.step().title.get(lang)
    )
}

fn say(text: &str) -> anyhow::Result<()> {
    let mut o = std::io::stdout().lock();
    writeln!(o, "{text}")?;
    o.flush()?;
    Ok(())
}
