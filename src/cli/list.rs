//! `nnstep list`: the lessons of the catalog, one per line: id, chapter,
//! title in the chosen language, number of steps.

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
    for e in cat.entries() {
        rows.push(match e.load() {
            Ok(l) => vec![
                l.id.clone(),
                l.chapter.to_string(),
                l.title.get(lang).to_string(),
                l.steps.len().to_string(),
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
    print!("{}", table::render(&header, &rows, 80));
    Ok(ExitCode::SUCCESS)
}
