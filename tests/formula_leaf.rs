//! The formula module is a leaf: no other module of the crate, no terminal
//! crate.

use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn formula_uses_no_other_crate_module_and_no_terminal_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join("formula.rs")];
    sources(&root.join("formula"), &mut files);
    let mut bad = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        for line in text.lines() {
            let forbidden = ["ratatui", "crossterm", "anyhow", "clap"]
                .iter()
                .any(|c| line.contains(c));
            let upward = line.contains("crate::") && !line.contains("crate::formula");
            if forbidden || upward {
                bad.push(format!("{}: {}", file.display(), line.trim()));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
