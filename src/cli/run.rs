//! `nnstep run LESSON --plain [--step N]`: the lesson as plain text, quiz
//! answers read from standard input.

use std::process::ExitCode;

use clap::Args;

use super::{GlobalArgs, Lang as CliLang};
use crate::lesson::{Catalog, Lang};
use crate::plain::runner::{self, Options};
use crate::progress::{Notice, Progress, Store, StoreError};
use crate::session::{self, Session};
use crate::words;

#[derive(Debug, Args)]
pub struct RunArgs {
    /// A lesson id (ch04) or the path of a lesson file
    pub lesson: String,
    /// Print the lesson as plain text (the default; `nnstep open` is the full-screen view)
    #[arg(long)]
    pub plain: bool,
    /// Start at step N (1-based)
    #[arg(long, value_name = "N")]
    pub step: Option<usize>,
    /// Print each step's state code after it (`nnstep open CODE` shows that screen)
    #[arg(long)]
    pub codes: bool,
}

/// The display language: `--lang`, else the locale.
#[must_use]
pub fn lang(global: &GlobalArgs) -> Lang {
    match global.lang {
        Some(CliLang::En) => Lang::En,
        Some(CliLang::Zh) => Lang::Zh,
        None => Lang::from_locale(|k| std::env::var(k).ok()),
    }
}

pub fn run(args: &RunArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let (cat, _) = Catalog::with_dir(global.lessons.as_deref());
    let lesson = match cat.find(&args.lesson) {
        Ok(l) => l,
        Err(diags) => {
            for d in diags {
                eprint!(
                    "{}",
                    crate::words::problems::file_diagnostic(lang(global), &d)
                );
            }
            return Ok(ExitCode::FAILURE);
        }
    };
    if !args.plain {
        eprintln!(
            "note: printing the lesson as plain text; `nnstep open LESSON` shows it full-screen"
        );
    }
    let mut store = Store::from_env(|k| std::env::var(k).ok());
    let progress = match store.as_ref().map(saved_progress) {
        Some(Ok((p, notice))) => {
            if let Some(n) = notice {
                eprintln!("note: {n}");
            }
            p
        }
        Some(Err(e)) => {
            eprintln!("note: {e}; this run's results are not saved");
            store = None;
            Progress::default()
        }
        None => Progress::default(),
    };
    // The plain runner prints from the step asked for (the first by
    // default), not from where the learner stopped in the full-screen view.
    let first = args.step.map_or(0, |n| n.saturating_sub(1));
    let mut session = match session::open(lesson, &progress, global.seed, Some(first)) {
        Ok(o) => o.session,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let opts = Options {
        lang: lang(global),
        ascii: global.ascii,
        ..Options::default()
    };
    // Ctrl-C during a run stops the run; elsewhere it quits (progress is
    // saved after every question).
    if let Err(e) = crate::plain::interrupt::arm() {
        eprintln!("note: Ctrl-C cannot stop a run here ({e})");
    }
    let id = session.lesson().id.clone();
    let stdin = std::io::stdin();
    let mut save = |s: &mut Session| {
        for change in s.take_changes() {
            let Some(store) = &store else { continue };
            if let Err(e) = store.apply(&change) {
                eprintln!("note: {e}");
            }
        }
    };
    runner::run_with_codes(
        &mut session,
        &mut stdin.lock(),
        &mut std::io::stdout().lock(),
        opts,
        &mut save,
        args.codes,
    )?;
    if let Some(lines) = next_line(&cat, &id, opts) {
        println!("{lines}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The last lines of a lesson, wrapped to the width: the next chapter of the catalog (the next
/// lesson that loads) and the command that prints it, or that this was the
/// last lesson. A lesson file from outside the catalog has no next.
fn next_line(cat: &Catalog, id: &str, opts: Options) -> Option<String> {
    let entries = cat.entries();
    let here = entries.iter().position(|e| e.id.as_deref() == Some(id));
    // Headers: a built-in lesson's is read at build time, so nothing is parsed.
    let next = here.and_then(|i| entries[i + 1..].iter().find_map(|e| e.header().ok()));
    let line = match (&next, here) {
        (Some(n), _) => {
            let (what, how) =
                words::course::next_plain(opts.lang, n.chapter, n.title.get(opts.lang), &n.id);
            let mut lines = crate::text::wrap(&what, opts.width, "", "  ");
            lines.push(how);
            lines.join("\n")
        }
        (None, Some(_)) => {
            crate::text::wrap(words::course::course_done(opts.lang), opts.width, "", "").join("\n")
        }
        (None, None) => return None,
    };
    Some(if opts.ascii {
        crate::text::ascii::fold(&line).into_owned()
    } else {
        line
    })
}

/// The learner's saved progress, with their identity made now if new (so
/// their generated numbers stay the same from now on).
/// Also what happened to a bad progress file on the way (moved aside or
/// repaired), for the learner to be told.
fn saved_progress(store: &Store) -> Result<(Progress, Option<Notice>), StoreError> {
    // The first load is the one that finds (and moves aside) a corrupt file.
    let first = store.load()?;
    store.learner()?;
    let loaded = store.load()?;
    Ok((loaded.progress, first.notice.or(loaded.notice)))
}
