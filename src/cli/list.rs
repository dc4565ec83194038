//! `nnstep list`: the lessons of the catalog, one per line: id, chapter,
//! title in the chosen language, number of steps.
//! For a built-in lesson all of it comes from the table `build.rs` makes.

use std::process::ExitCode;

use super::GlobalArgs;
use super::run::lang;
use crate::lesson::Catalog;
use crate::text::table;

pub fn run(global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let lang = lang(global);
    let (cat, errors) = Catalog::with_dir(global.lessons.as_deref());
    for d in &errors {
        eprint!("{d}");
    }
    let mut rows = Vec::new();
    // Built-in lessons come from the build-time header table: nothing is
    // parsed here (a lesson is checked in full when it is opened).
    for e in cat.entries() {
        rows.push(match e.header() {
            Ok(h) => vec![
                h.id.clone(),
                h.chapter.to_string(),
                h.title.get(lang).to_string(),
                h.len().to_string(),
            ],
            Err(d) => vec![
                e.id.clone().unwrap_or_else(|| "?".into()),
                String::new(),
                format!("{}: {} problem(s); run nnstep check", e.file(), d.len()),
                String::new(),
            ],
        });
    }
    let header = match lang {
        crate::lesson::Lang::En => ["id", "chapter", "title", "steps"],
        crate::lesson::Lang::Zh => ["编号", "章", "标题", "步数"],
    };
    let header: Vec<String> = header.iter().map(|h| (*h).to_string()).collect();
    say_part!("{}", table::render(&header, &rows, 80));
    Ok(ExitCode::SUCCESS)
}
