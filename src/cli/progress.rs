//! `nnstep progress` shows the saved progress; `nnstep progress reset
//! [LESSON]` forgets it after confirming; `export` and `review` list the
//! quiz results (see [`super::results`]).

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::GlobalArgs;
use super::results;
use super::run::lang;
use crate::lesson::{Catalog, Lang, Lesson};
use crate::progress::{Change, Progress, Store};
use crate::text::table;

#[derive(Debug, Args)]
pub struct ProgressArgs {
    #[command(subcommand)]
    pub action: Option<ProgressAction>,
}

#[derive(Debug, Subcommand)]
pub enum ProgressAction {
    /// Forget the progress of one lesson, or of every lesson
    Reset {
        /// A lesson id; all lessons when left out
        lesson: Option<String>,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
    /// Write the quiz results as CSV (for an instructor collecting them)
    Export {
        /// Write to FILE instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// List the questions to go over again
    Review,
}

pub fn run(args: &ProgressArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let Some(store) = Store::from_env(|k| std::env::var(k).ok()) else {
        eprintln!("error: neither NNSTEP_DATA_DIR, XDG_DATA_HOME nor HOME is set");
        return Ok(ExitCode::FAILURE);
    };
    match &args.action {
        None => show(&store, global),
        Some(ProgressAction::Reset { lesson, yes }) => reset(&store, lesson.as_deref(), *yes),
        Some(ProgressAction::Export { out }) => results::export(&loaded(&store)?, out.as_deref()),
        Some(ProgressAction::Review) => {
            let (cat, _) = Catalog::with_dir(global.lessons.as_deref());
            Ok(results::review(&loaded(&store)?, &cat, lang(global))?)
        }
    }
}

/// The saved progress, with any notice about the file on standard error.
fn loaded(store: &Store) -> anyhow::Result<Progress> {
    let loaded = store.load()?;
    if let Some(n) = &loaded.notice {
        eprintln!("note: {n}");
    }
    Ok(loaded.progress)
}

fn show(store: &Store, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let loaded = store.load()?;
    if let Some(n) = &loaded.notice {
        eprintln!("note: {n}");
    }
    let p = &loaded.progress;
    let lang = lang(global);
    let w = crate::words::course::progress_words(lang);
    let sep = if w.file.ends_with('：') { "" } else { " " };
    say!("{}{sep}{}", w.file, store.file().display());
    if p.lessons.is_empty() {
        say!("{}", w.none_yet);
        return Ok(ExitCode::SUCCESS);
    }
    let (cat, _) = Catalog::with_dir(global.lessons.as_deref());
    let header: Vec<String> = (w.header.iter()).map(|s| (*s).to_string()).collect();
    let rows: Vec<Vec<String>> = (p.lessons.keys())
        .map(|id| {
            row(
                p,
                id,
                cat.get(id).and_then(|e| e.load().ok()).as_ref(),
                lang,
            )
        })
        .collect();
    say_part!("{}", table::render(&header, &rows, 80));
    say!("{}", w.opened_last);
    Ok(ExitCode::SUCCESS)
}

fn row(p: &Progress, id: &str, lesson: Option<&Lesson>, lang: Lang) -> Vec<String> {
    let mark = if p.last_opened.as_deref() == Some(id) {
        "*"
    } else {
        ""
    };
    let current = p.lesson(id).and_then(|l| l.current.clone());
    let Some(lesson) = lesson else {
        let seen = p.lesson(id).map_or(0, |l| l.seen.len());
        return vec![
            mark.into(),
            id.into(),
            crate::words::course::progress_words(lang)
                .not_in_catalog
                .into(),
            seen.to_string(),
            current.unwrap_or_default(),
        ];
    };
    let ids = lesson.steps.iter().map(|s| s.id.as_str());
    let seen = p.seen_count(id, ids);
    let at = (current.as_deref())
        .and_then(|c| lesson.step_index(c))
        .map_or(String::new(), |i| {
            crate::words::course::stopped_at(lang, i + 1, lesson.steps[i].title.get(lang))
        });
    vec![
        mark.into(),
        id.into(),
        lesson.title.get(lang).into(),
        format!("{seen}/{}", lesson.steps.len()),
        at,
    ]
}

fn reset(store: &Store, lesson: Option<&str>, yes: bool) -> anyhow::Result<ExitCode> {
    let what = lesson.map_or("the progress of every lesson".to_string(), |l| {
        format!("the progress of lesson {l}")
    });
    if !yes {
        if !std::io::stdin().is_terminal() {
            eprintln!("error: this would forget {what}; add --yes to confirm without a terminal");
            return Ok(ExitCode::FAILURE);
        }
        say_part!("Forget {what}? [y/N] ");
        std::io::stdout().flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            say!("nothing changed");
            return Ok(ExitCode::SUCCESS);
        }
    }
    let loaded = store.apply(&Change::Reset(lesson.map(str::to_string)))?;
    if let Some(n) = loaded.notice {
        eprintln!("note: {n}");
    }
    say!("forgot {what}");
    Ok(ExitCode::SUCCESS)
}
