//! `nnstep open CODE [--plain]`: the screen a state code names, rebuilt
//! full-screen, or that one step printed as plain text.

use std::path::Path;
use std::process::ExitCode;

use super::browse::{OpenArgs, needs_terminal, open_store};
use super::run::lang;
use super::{GlobalArgs, Lang as CliLang};
use crate::lesson::{Catalog, Lang};
use crate::session::{Code, CodeError};
use crate::tui::{self, App, Config, Theme};
use crate::words::{code_error, code_words};

/// Whether the argument of `open` is a state code rather than a lesson:
/// lesson ids have no dot, and a lesson file's path ends in `.yaml` or
/// `.yml` or names a file that exists.
#[must_use]
pub fn looks_like_code(arg: &str) -> bool {
    arg.contains('.')
        && !arg.contains('/')
        && !arg.ends_with(".yaml")
        && !arg.ends_with(".yml")
        && !Path::new(arg).is_file()
}

/// Rebuilds the screen of the code in `args.lesson`; a code that cannot be
/// opened is explained on standard error, with exit status 1.
pub fn open(args: &OpenArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let shown = lang(global);
    let fail = |e: &CodeError| {
        let error = crate::words::problems::frame(shown).error;
        let colon = if shown == Lang::Zh { "：" } else { ": " };
        eprintln!(
            "{error}{}{colon}{}",
            code_words(shown).title,
            code_error(shown, e)
        );
        Ok(ExitCode::FAILURE)
    };
    if args.step.is_some() {
        let error = crate::words::problems::frame(shown).error;
        eprintln!("{error}{}", code_words(shown).no_step_option);
        return Ok(ExitCode::FAILURE);
    }
    let code = match Code::parse(&args.lesson) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let (cat, _) = Catalog::with_dir(global.lessons.as_deref());
    let Some(entry) = cat.get(&code.lesson) else {
        return fail(&CodeError::UnknownLesson(code.lesson.clone()));
    };
    let lesson = match entry.load() {
        Ok(l) => l,
        Err(diags) => {
            for d in diags {
                eprint!("{}", crate::words::problems::file_diagnostic(shown, &d));
            }
            return Ok(ExitCode::FAILURE);
        }
    };
    let (store, progress, notice) = open_store();
    let mut rebuilt = match code.reproduce(lesson, &progress) {
        Ok(r) => r,
        Err(e) => return fail(&e),
    };
    // An explicit --lang wins over the code's language.
    let asked = global.lang.map(|l| match l {
        CliLang::En => Lang::En,
        CliLang::Zh => Lang::Zh,
    });
    if args.plain {
        let lang = asked.unwrap_or(rebuilt.lang);
        crate::plain::runner::print_reproduced(
            &mut rebuilt,
            &mut std::io::stdin().lock(),
            &mut std::io::stdout().lock(),
            lang,
            global.ascii,
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    if !needs_terminal() {
        return Ok(ExitCode::FAILURE);
    }
    let cfg = Config {
        lang: shown,
        theme: Theme::new(global.ascii, std::env::var("NO_COLOR").ok().as_deref()),
        seed: global.seed,
    };
    let mut app = App::reproduced(tui::entries(&cat), progress, cfg, asked, rebuilt);
    app.notice = notice;
    let signal = tui::run(app, store.as_ref())?;
    Ok(signal.map_or(ExitCode::SUCCESS, |s| {
        ExitCode::from(u8::try_from(128 + s).unwrap_or(1))
    }))
}
