//! `nnstep check [PATH…]`: validates lesson files (every built-in lesson,
//! and the `--lessons` folder's, when no path is given) and prints every
//! problem rustc-style. Exit 0 when all are clean, 1 otherwise.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::GlobalArgs;
use crate::diagnostic::Diagnostic;
use crate::lesson::{self, Catalog, catalog};
use crate::words::problems;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Lesson files or folders of them (default: all built-in lessons)
    pub paths: Vec<PathBuf>,
}

pub fn run(args: &CheckArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let lang = super::run::lang(global);
    let mut results: Vec<(String, Result<String, Vec<Diagnostic>>)> = Vec::new();
    let mut check = |name: String, r: Result<lesson::Lesson, Vec<Diagnostic>>| {
        results.push((name, r.map(|l| l.id)));
    };
    if args.paths.is_empty() {
        let (cat, errors) = Catalog::with_dir(global.lessons.as_deref());
        for d in errors {
            check(d.file.clone(), Err(vec![d]));
        }
        for e in cat.entries() {
            check(e.file(), e.load());
        }
    } else {
        for path in &args.paths {
            if path.is_dir() {
                match catalog::lesson_files(path) {
                    Ok(files) => files
                        .iter()
                        .for_each(|f| check(f.display().to_string(), lesson::load_file(f))),
                    Err(e) => check(
                        path.display().to_string(),
                        Err(vec![Diagnostic::new(
                            &path.display().to_string(),
                            "",
                            0,
                            0,
                            problems::folder_unreadable(lang, &e.to_string()),
                        )]),
                    ),
                }
            } else {
                check(path.display().to_string(), lesson::load_file(path));
            }
        }
    }
    let mut found = 0;
    let mut bad_files = 0;
    for (name, r) in &results {
        match r {
            Ok(id) => println!("{}", problems::check_ok(lang, name, id)),
            Err(diags) => {
                bad_files += 1;
                found += diags.len();
                for d in diags {
                    eprintln!("{}", problems::file_diagnostic(lang, d));
                }
            }
        }
    }
    let summary = problems::check_summary(lang, results.len(), found, bad_files);
    if found == 0 {
        println!("{summary}");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("{summary}");
        Ok(ExitCode::FAILURE)
    }
}
