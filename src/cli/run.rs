//! `nnstep run LESSON --plain [--step N]`: the lesson as plain text, quiz
//! answers read from standard input.

use std::process::ExitCode;

use clap::Args;

use super::{GlobalArgs, Lang as CliLang};
use crate::lesson::{Catalog, Lang};
use crate::plain::runner::{self, Options};
use crate::progress::{Change, FALLBACK_LEARNER, Notice, Store, StoreError};
use crate::quiz::QuestionRecord;
use crate::session::Session;

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
                eprint!("{d}");
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
    let (learner, saved) = match store.as_ref().map(|s| saved_state(s, &lesson.id)) {
        Some(Ok((learner, saved, notice))) => {
            if let Some(n) = notice {
                eprintln!("note: {n}");
            }
            (learner, saved)
        }
        Some(Err(e)) => {
            eprintln!("note: {e}; this run's results are not saved");
            store = None;
            (FALLBACK_LEARNER, Vec::new())
        }
        None => (FALLBACK_LEARNER, Vec::new()),
    };
    let mut session = Session::new(lesson)
        .with_seed(global.seed)
        .with_learner(learner)
        .with_results(&saved);
    if let Some(n) = args.step {
        if let Err(e) = session.goto(n.saturating_sub(1)) {
            eprintln!("error: {e}");
            return Ok(ExitCode::FAILURE);
        }
    }
    let opts = Options {
        lang: lang(global),
        ascii: global.ascii,
        ..Options::default()
    };
    let stdin = std::io::stdin();
    let mut save = |s: &mut Session| {
        let lesson = s.lesson().id.clone();
        for record in s.take_updates() {
            let Some(store) = &store else { continue };
            let change = Change::Quiz {
                lesson: lesson.clone(),
                record,
            };
            if let Err(e) = store.apply(&change) {
                eprintln!("note: {e}");
            }
        }
    };
    runner::run_saving(
        &mut session,
        &mut stdin.lock(),
        &mut std::io::stdout().lock(),
        opts,
        &mut save,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The learner's identity (made now if new), their saved quiz results in
/// lesson `id`, and what happened to a bad progress file on the way (moved
/// aside or repaired), for the learner to be told.
fn saved_state(
    store: &Store,
    id: &str,
) -> Result<(u64, Vec<QuestionRecord>, Option<Notice>), StoreError> {
    // The first load sees (and moves aside) a corrupt file; keep its notice.
    let first = store.load()?;
    let learner = store.learner()?;
    let loaded = store.load()?;
    let saved = loaded.progress.lesson(id).map(|l| l.records());
    Ok((
        learner,
        saved.unwrap_or_default(),
        first.notice.or(loaded.notice),
    ))
}
