//! `nnstep run LESSON --plain [--step N]`: the lesson as plain text, quiz
//! answers read from standard input.

use std::process::ExitCode;

use clap::Args;

use super::{GlobalArgs, Lang as CliLang};
use crate::lesson::{Catalog, Lang};
use crate::plain::runner::{self, Options};
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
    let mut session = Session::new(lesson).with_seed(global.seed);
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
    runner::run(
        &mut session,
        &mut stdin.lock(),
        &mut std::io::stdout().lock(),
        opts,
    )?;
    Ok(ExitCode::SUCCESS)
}
