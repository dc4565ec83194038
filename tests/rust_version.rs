//! `rust-version` in Cargo.toml is at least the highest `rust-version` that
//! any package in Cargo.lock declares, so the toolchain it promises can build
//! (and test) the crate. Only the installed toolchain exists here, so this
//! reads what the dependencies declare (`cargo metadata`) instead of
//! building with an old compiler; clippy's `incompatible_msrv` lint, which CI
//! runs, covers the standard-library APIs our own code uses.

#![allow(clippy::unwrap_used)] // a test: a failure should stop it

use std::process::Command;

/// `"1.86"` or `"1.85.0"` → (1, 86, 0).
fn parse(v: &str) -> (u32, u32, u32) {
    let mut parts = v.split('.').map(|p| {
        p.parse::<u32>()
            .unwrap_or_else(|_| panic!("rust-version {v:?} is not a version"))
    });
    let mut next = || parts.next().unwrap_or(0);
    (next(), next(), next())
}

#[test]
fn version_strings_compare_by_number_not_by_text() {
    assert!(parse("1.9") < parse("1.10"));
    assert_eq!(parse("1.88"), parse("1.88.0"));
    assert!(parse("1.88.1") > parse("1.88"));
}

#[test]
fn rust_version_covers_every_locked_dependency() {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let packages = meta["packages"].as_array().unwrap();
    let ours = packages
        .iter()
        .find(|p| p["name"] == env!("CARGO_PKG_NAME") && p["source"].is_null())
        .and_then(|p| p["rust_version"].as_str())
        .expect("Cargo.toml declares a rust-version");
    let mut needs: Vec<(&str, String)> = packages
        .iter()
        .filter(|p| !p["source"].is_null())
        .filter_map(|p| {
            let v = p["rust_version"].as_str()?;
            Some((
                v,
                format!("{} {}", p["name"].as_str()?, p["version"].as_str()?),
            ))
        })
        .collect();
    assert!(
        needs.len() > 10,
        "too few dependencies declare a rust-version: {needs:?}"
    );
    needs.sort_by_key(|(v, _)| std::cmp::Reverse(parse(v)));
    let above: Vec<String> = needs
        .iter()
        .filter(|(v, _)| parse(v) > parse(ours))
        .map(|(v, p)| format!("{p} needs {v}"))
        .collect();
    assert!(
        above.is_empty(),
        "Cargo.toml says rust-version = {ours}, but {}; raise it to {}",
        above.join(", "),
        needs[0].0
    );
}
