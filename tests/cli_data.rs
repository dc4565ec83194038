#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! `nnstep data generate` run as a real process.

use std::process::Command;

#[test]
fn data_generate_writes_the_committed_files_and_reports_each() {
    let out = tempfile::tempdir().expect("tempdir");
    let target = out.path().join("fresh");
    let result = Command::new(env!("CARGO_BIN_EXE_nnstep"))
        .args(["data", "generate", "--out"])
        .arg(&target)
        .output()
        .expect("run nnstep");
    assert!(
        result.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&result.stderr)
    );
    let stdout = String::from_utf8_lossy(&result.stdout);

    let committed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut files: Vec<String> = std::fs::read_dir(&target)
        .expect("output folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    files.sort();
    assert_eq!(files.len(), 18, "{files:?}");
    assert_eq!(
        stdout.lines().count(),
        files.len(),
        "one line per file:\n{stdout}"
    );
    for file in &files {
        let fresh = std::fs::read(target.join(file)).expect("fresh file");
        let kept = std::fs::read(committed.join(file)).expect("committed file");
        assert!(fresh == kept, "{file} differs from data/{file}");
        assert!(
            stdout.contains(file.as_str()),
            "{file} not reported:\n{stdout}"
        );
    }
}

#[test]
fn data_generate_into_an_unwritable_place_fails_with_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "not a folder").expect("write");
    let result = Command::new(env!("CARGO_BIN_EXE_nnstep"))
        .args(["data", "generate", "--out"])
        .arg(blocker.join("sub"))
        .output()
        .expect("run nnstep");
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("cannot create folder") && stderr.contains("a-file"),
        "{stderr}"
    );
}
