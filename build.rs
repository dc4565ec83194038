//! Reads the header of every built-in lesson (`lessons/*.yaml`) at build
//! time: id, chapter, title and summary in both languages, step ids and quiz
//! question ids. The lesson list and the home screen draw from this table,
//! so start-up parses no lesson; a lesson is parsed and checked in full only
//! when it is opened (`src/lesson/header.rs`).
//!
//! A file whose header cannot be read here (a YAML slip while editing) gets
//! no entry: the program then parses it at run time, which reports the
//! problem at its line and column. The build never fails because of a
//! lesson file. `tests` in `src/lesson/header.rs` check that the table
//! equals what the full parse gives for every built-in lesson.

use std::fmt::Write as _;
use std::path::Path;

use serde_yaml::Value;

fn main() {
    println!("cargo::rerun-if-changed=lessons");
    println!("cargo::rerun-if-changed=build.rs");
    let mut names: Vec<String> = std::fs::read_dir("lessons")
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".yaml"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from(
        "/// The headers of the built-in lessons, by file name (written by build.rs).\n\
         pub(crate) static BUILTIN_HEADERS: &[(&str, StaticHeader)] = &[\n",
    );
    for name in &names {
        let path = Path::new("lessons").join(name);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if let Some(h) = header(&text) {
            let _ = writeln!(out, "    ({name:?}, {h}),");
        }
    }
    out.push_str("];\n");
    let Some(dir) = std::env::var_os("OUT_DIR") else {
        return;
    };
    let _ = std::fs::write(Path::new(&dir).join("lesson_headers.rs"), out);
}

/// The header of one lesson as Rust source, or `None` if any part of it is
/// missing or not of the expected shape.
fn header(text: &str) -> Option<String> {
    let v: Value = serde_yaml::from_str(text).ok()?;
    let id = v.get("id")?.as_str()?;
    let chapter = u32::try_from(v.get("chapter")?.as_u64()?).ok()?;
    let (title_en, title_zh) = bilingual(v.get("title")?)?;
    let (sum_en, sum_zh) = bilingual(v.get("summary")?)?;
    let mut steps = Vec::new();
    let mut questions = Vec::new();
    for s in v.get("steps")?.as_sequence()? {
        let sid = s.get("id")?.as_str()?;
        steps.push(format!("{sid:?}"));
        if let Some(qs) = s.get("quiz") {
            for q in qs.as_sequence()? {
                questions.push(format!("({sid:?}, {:?})", q.get("id")?.as_str()?));
            }
        }
    }
    Some(format!(
        "StaticHeader {{ id: {id:?}, chapter: {chapter}, title: ({title_en:?}, {title_zh:?}), \
         summary: ({sum_en:?}, {sum_zh:?}), steps: &[{}], questions: &[{}] }}",
        steps.join(", "),
        questions.join(", ")
    ))
}

/// `{en: …, zh: …}`, or one string for both.
fn bilingual(v: &Value) -> Option<(String, String)> {
    if let Some(s) = v.as_str() {
        return Some((s.to_string(), s.to_string()));
    }
    let en = v.get("en")?.as_str()?;
    let zh = v.get("zh")?.as_str()?;
    Some((en.to_string(), zh.to_string()))
}
