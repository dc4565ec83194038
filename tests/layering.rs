#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! The module map of `src/lib.rs`, enforced: every module may use only the
//! modules listed for it below, and only `tui` touches ratatui and
//! crossterm; the engine reads no files and no YAML. A `use` of a module
//! not on the list — upward (the engine reaching for lessons) or sideways
//! (the TUI reaching into the plain runner) — fails with the file and line.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each module with the modules it may use. Lower layers first; nothing
/// may use a module that comes after it in this list except `cli`.
const ALLOWED: &[(&str, &[&str])] = &[
    ("rng", &[]),
    ("untrusted", &[]),
    ("formula", &[]),
    ("text", &[]),
    ("diagnostic", &["untrusted"]),
    ("dataset", &["rng", "untrusted"]),
    ("engine", &["rng"]),
    (
        "spec",
        &["engine", "dataset", "rng", "diagnostic", "untrusted"],
    ),
    ("quiz", &["engine", "rng", "formula"]),
    ("progress", &["quiz", "rng", "untrusted"]),
    (
        "lesson",
        &[
            "quiz",
            "spec",
            "engine",
            "dataset",
            "rng",
            "formula",
            "diagnostic",
            "text",
            "untrusted",
        ],
    ),
    (
        "session",
        &[
            "lesson", "quiz", "progress", "spec", "engine", "dataset", "rng", "text",
        ],
    ),
    ("class", &["quiz", "rng", "untrusted"]),
    (
        "words",
        &[
            "session",
            "lesson",
            "quiz",
            "engine",
            "progress",
            "text",
            "class",
            "spec",
            "dataset",
            "diagnostic",
        ],
    ),
    (
        "plain",
        &[
            "words", "text", "formula", "session", "lesson", "quiz", "spec", "engine", "dataset",
            "class",
        ],
    ),
    (
        "tui",
        &[
            "words", "text", "formula", "session", "lesson", "quiz", "progress", "spec", "engine",
            "dataset", "class",
        ],
    ),
    (
        "cli",
        &[
            "tui",
            "plain",
            "class",
            "words",
            "text",
            "formula",
            "session",
            "lesson",
            "quiz",
            "progress",
            "spec",
            "engine",
            "dataset",
            "rng",
            "diagnostic",
            "untrusted",
        ],
    ),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn files_of(module: &str) -> Vec<PathBuf> {
    let mut files = vec![src().join(format!("{module}.rs"))];
    rust_files(&src().join(module), &mut files);
    files.into_iter().filter(|f| f.exists()).collect()
}

/// Every `crate::NAME` a line of `text` mentions, with its line number;
/// comment lines are skipped (docs may name any module).
fn crate_uses(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            if rest.starts_with('{') {
                // `crate::{a, b}`: every name in the braces.
                let end = rest.find('}').unwrap_or(rest.len());
                for part in rest[1..end].split(',') {
                    let name: String = (part.trim().chars())
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    out.push((n + 1, name));
                }
                continue;
            }
            let name: String = (rest.chars())
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.push((n + 1, name));
        }
    }
    out
}

/// The violations of `module`: uses of modules it may not use.
fn violations(module: &str, allowed: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for file in files_of(module) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (line, used) in crate_uses(&text) {
            if used != module && !allowed.contains(&used.as_str()) {
                out.push(format!(
                    "{}:{line}: `{module}` may not use `crate::{used}` (allowed: {})",
                    file.display(),
                    allowed.join(", ")
                ));
            }
        }
    }
    out
}

#[test]
fn every_module_uses_only_the_modules_below_it() {
    let mut all = Vec::new();
    for (module, allowed) in ALLOWED {
        all.extend(violations(module, allowed));
    }
    assert!(all.is_empty(), "layering broken:\n{}", all.join("\n"));
}

#[test]
fn the_map_names_every_module_of_the_crate() {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let declared: BTreeSet<String> = (lib.lines())
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_string())
        .collect();
    let mapped: BTreeSet<String> = ALLOWED.iter().map(|(m, _)| m.to_string()).collect();
    assert_eq!(
        declared, mapped,
        "lib.rs modules and the layering map differ"
    );
}

#[test]
fn the_map_has_no_cycles() {
    // Each module may only use modules listed before it.
    for (i, (module, allowed)) in ALLOWED.iter().enumerate() {
        for a in *allowed {
            let j = ALLOWED.iter().position(|(m, _)| m == a).unwrap();
            assert!(j < i, "`{module}` may use `{a}`, which comes after it");
        }
    }
}

#[test]
fn the_checker_catches_a_sideways_import() {
    // The check itself must see a forbidden use, grouped or not.
    let uses = crate_uses(
        "use crate::plain::runner;\nuse crate::{words, tui::app};\n// crate::cli in a comment\n",
    );
    let names: Vec<&str> = uses.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["plain", "words", "tui"]);
}

fn assert_no_text(module: &str, forbidden: &[&str]) {
    for file in files_of(module) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for f in forbidden {
                assert!(
                    !line.contains(f),
                    "{}:{}: {module} must not use `{f}`: {line}",
                    file.display(),
                    n + 1
                );
            }
        }
    }
}

#[test]
fn only_tui_touches_the_terminal_crates() {
    for (module, _) in ALLOWED.iter().filter(|(m, _)| *m != "tui") {
        assert_no_text(module, &["ratatui", "crossterm"]);
    }
}

#[test]
fn the_engine_reads_no_files_and_no_yaml() {
    assert_no_text("engine", &["std::fs", "std::io", "serde_yaml"]);
    assert_no_text("formula", &["std::fs", "serde_yaml"]);
}
