//! `nnstep check [PATH…]`: validates lesson files (every built-in lesson,
//! and the `--lessons` folder's, when no path is given) and prints every
//! problem rustc-style. Exit 0 when all are clean, 1 otherwise.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::GlobalArgs;
use crate::diagnostic::Diagnostic;
use crate::lesson::{self, Catalog, catalog};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Lesson files or folders of them (default: all built-in lessons)
    pub paths: Vec<PathBuf>,
}

pub fn run(args: &CheckArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
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
                            format!("cannot read the folder: {e}"),
                        )]),
                    ),
                }
            } else {
                check(path.display().to_string(), lesson::load_file(path));
            }
        }
    }
    let mut problems = 0;
    let mut bad_files = 0;
    for (name, r) in &results {
        match r {
            Ok(id) => println!("ok: {name} ({id})"),
            Err(diags) => {
                bad_files += 1;
                problems += diags.len();
                for d in diags {
                    eprintln!("{d}");
                }
            }
        }
    }
    if problems == 0 {
        println!("{} lesson file(s) checked: no problems", results.len());
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "{} lesson file(s) checked: {problems} problem(s) in {bad_files} file(s)",
            results.len()
        );
        Ok(ExitCode::FAILURE)
    }
}
