//! `nnstep` (the lesson list) and `nnstep open LESSON [--step N]`: start
//! the full-screen program.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Args;

use super::GlobalArgs;
use super::run::lang;
use crate::lesson::{Catalog, Lang};
use crate::progress::{Progress, Store};
use crate::tui::{self, App, Config, Entry, Theme};

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// A lesson id (ch04) or the path of a lesson file
    pub lesson: String,
    /// Start at step N (1-based); default: where you stopped
    #[arg(long, value_name = "N")]
    pub step: Option<usize>,
    /// Print the step as plain text instead (with a state code: that one step)
    #[arg(long)]
    pub plain: bool,
}

/// What to open: the list, or a lesson at a step.
pub enum Target<'a> {
    Home,
    Lesson(&'a OpenArgs),
}

/// The saved progress and where to save it; problems become a notice.
pub fn open_store() -> (Option<Store>, Progress, Option<String>) {
    let Some(store) = Store::from_env(|k| std::env::var(k).ok()) else {
        let note = "neither NNSTEP_DATA_DIR, XDG_DATA_HOME nor HOME is set: progress is not saved";
        return (None, Progress::default(), Some(note.into()));
    };
    match store.load() {
        Ok(mut loaded) => {
            // Made before the first lesson opens, so its numbers are the
            // learner's own from the start.
            if loaded.progress.learner.is_none() {
                loaded.progress.learner = store.learner().ok();
            }
            (
                Some(store),
                loaded.progress,
                loaded.notice.map(|n| n.to_string()),
            )
        }
        Err(e) => (None, Progress::default(), Some(e.to_string())),
    }
}

pub fn run(target: Target, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    if let Target::Lesson(args) = target {
        if super::code::looks_like_code(&args.lesson) {
            return super::code::open(args, global);
        }
        if args.plain {
            let run = super::run::RunArgs {
                lesson: args.lesson.clone(),
                plain: true,
                step: args.step,
                codes: false,
            };
            return super::run::run(&run, global);
        }
    }
    if !needs_terminal(lang(global)) {
        return Ok(ExitCode::FAILURE);
    }
    run_tui(target, global)
}

/// Whether the full-screen view can start; says why not when it cannot.
pub fn needs_terminal(lang: Lang) -> bool {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("{}", crate::words::course::needs_terminal(lang));
        return false;
    }
    true
}

fn run_tui(target: Target, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let (cat, errors) = Catalog::with_dir(global.lessons.as_deref());
    let mut entries = tui::entries(&cat);
    let (store, progress, mut notice) = open_store();
    if !errors.is_empty() {
        notice = Some(format!(
            "{} lesson file(s) could not be read: run nnstep check",
            errors.len()
        ));
    }
    let cfg = Config {
        lang: lang(global),
        theme: Theme::new(global.ascii, std::env::var("NO_COLOR").ok().as_deref()),
        seed: global.seed,
    };
    let mut app = match target {
        Target::Home => App::home(entries, progress, cfg),
        Target::Lesson(args) => {
            let Some(index) = find(&cat, &mut entries, args, cfg.lang)? else {
                return Ok(ExitCode::FAILURE);
            };
            App::open(entries, progress, cfg, index, args.step.map(|n| n - 1))
        }
    };
    app.notice = notice;
    let signal = tui::run(app, store.as_ref())?;
    Ok(signal.map_or(ExitCode::SUCCESS, |s| {
        ExitCode::from(u8::try_from(128 + s).unwrap_or(1))
    }))
}

/// The index of the lesson to open in `entries` (a lesson file outside the
/// catalog is added), after checking it loads and has the step asked for;
/// `None` after printing why not.
fn find(
    cat: &Catalog,
    entries: &mut Vec<Entry>,
    args: &OpenArgs,
    lang: Lang,
) -> anyhow::Result<Option<usize>> {
    let lesson = match cat.find(&args.lesson) {
        Ok(l) => l,
        Err(diags) => {
            for d in diags {
                eprint!("{d}");
            }
            return Ok(None);
        }
    };
    if let Some(n) = args.step.filter(|&n| n == 0 || n > lesson.steps.len()) {
        let len = lesson.steps.len();
        eprintln!("{}", crate::words::course::no_such_step(lang, n, len));
        return Ok(None);
    }
    let index = match entries.iter().position(|e| e.id == lesson.id) {
        Some(i) => {
            entries[i] = Entry::loaded(lesson);
            i
        }
        None => {
            entries.push(Entry::loaded(lesson));
            entries.len() - 1
        }
    };
    Ok(Some(index))
}
