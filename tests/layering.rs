#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! The dependency rule of `src/lib.rs`: the engine and the formula renderer
//! use no terminal crates and no module above them; only `tui` touches
//! ratatui and crossterm.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
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

fn files_of(module: &str) -> Vec<std::path::PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join(format!("{module}.rs"))];
    rust_files(&src.join(module), &mut files);
    files.into_iter().filter(|f| f.exists()).collect()
}

fn assert_no_use_of(module: &str, forbidden: &[&str]) {
    for file in files_of(module) {
        let text = std::fs::read_to_string(&file).expect("read source");
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

const TERMINAL: [&str; 2] = ["ratatui", "crossterm"];
const UPPER: [&str; 9] = [
    "crate::cli",
    "crate::tui",
    "crate::plain",
    "crate::session",
    "crate::lesson",
    "crate::quiz",
    "crate::progress",
    "crate::spec",
    "serde_yaml",
];

#[test]
fn engine_uses_no_terminal_no_yaml_no_files_and_no_upper_module() {
    assert_no_use_of("engine", &TERMINAL);
    assert_no_use_of("engine", &UPPER);
    assert_no_use_of("engine", &["std::fs", "std::io", "crate::dataset"]);
}

#[test]
fn formula_is_a_leaf() {
    assert_no_use_of("formula", &TERMINAL);
    assert_no_use_of(
        "formula",
        &[
            "crate::cli",
            "crate::engine",
            "crate::dataset",
            "crate::spec",
            "crate::rng",
            "crate::plain",
        ],
    );
    assert_no_use_of("formula", &UPPER);
}

#[test]
fn only_tui_touches_the_terminal_crates() {
    for module in [
        "cli",
        "dataset",
        "spec",
        "plain",
        "session",
        "lesson",
        "quiz",
        "progress",
        "rng",
        "diagnostic",
    ] {
        assert_no_use_of(module, &TERMINAL);
    }
}
