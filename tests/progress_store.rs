#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! Saved progress: atomic, versioned, merged between instances, and never
//! silently lost when the file is damaged.

mod common;

use std::path::Path;

use nnstep::progress::{Change, FORMAT_VERSION, Notice, Store, StoreError};

fn visit(lesson: &str, step: &str) -> Change {
    Change::Visit {
        lesson: lesson.into(),
        step: step.into(),
    }
}

fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn no_file_means_no_progress_and_no_folder_is_created() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path().join("nnstep"));
    let loaded = store.load().unwrap();
    assert!(loaded.progress.lessons.is_empty());
    assert!(!tmp.path().join("nnstep").exists());
}

#[test]
fn a_change_is_saved_with_the_format_version_and_read_back() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path());
    store.apply(&visit("ch04", "data")).unwrap();
    let text = std::fs::read_to_string(store.file()).unwrap();
    assert!(
        text.contains(&format!("\"version\": {FORMAT_VERSION}")),
        "{text}"
    );
    let p = store.load().unwrap().progress;
    assert_eq!(p.lesson("ch04").unwrap().current.as_deref(), Some("data"));
    assert_eq!(p.last_opened.as_deref(), Some("ch04"));
    // No temporary file is left behind; the lock file stays on purpose
    // (removing it would let two instances lock two different files).
    assert_eq!(files(tmp.path()), ["progress.json", "progress.lock"]);
}

#[test]
fn two_instances_do_not_lose_each_others_updates() {
    let tmp = tempfile::tempdir().unwrap();
    // Two programs, each with its own view of the store, writing in turns.
    let a = Store::new(tmp.path());
    let b = Store::new(tmp.path());
    a.apply(&visit("ch04", "problem")).unwrap();
    b.apply(&visit("ch05", "intro")).unwrap();
    a.apply(&visit("ch04", "data")).unwrap();
    let p = b.load().unwrap().progress;
    assert_eq!(p.seen_count("ch04", ["problem", "data"]), 2);
    assert_eq!(p.seen_count("ch05", ["intro"]), 1);
}

#[test]
fn concurrent_writers_are_serialised_by_the_lock() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let store = Store::new(dir);
                for s in 0..10 {
                    store
                        .apply(&visit(&format!("l{t}"), &format!("s{s}")))
                        .unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let p = Store::new(&dir).load().unwrap().progress;
    for t in 0..4 {
        assert_eq!(p.lesson(&format!("l{t}")).unwrap().seen.len(), 10, "{p:?}");
    }
}

#[test]
fn a_corrupt_file_is_moved_aside_with_a_notice_and_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path());
    std::fs::write(store.file(), "{\"version\": 1, \"lessons\": {").unwrap();
    let loaded = store.load().unwrap();
    let Some(Notice::MovedAside { to, .. }) = &loaded.notice else {
        panic!("no notice: {loaded:?}");
    };
    assert!(loaded.progress.lessons.is_empty());
    let name = to.file_name().unwrap().to_string_lossy();
    assert!(name.starts_with("progress.json.corrupt-"), "{name}");
    assert_eq!(
        std::fs::read_to_string(to).unwrap(),
        "{\"version\": 1, \"lessons\": {"
    );
    assert!(
        !store.file().exists(),
        "nothing is written until there is something to save"
    );
    assert!(
        loaded
            .notice
            .unwrap()
            .to_string()
            .contains("progress starts afresh")
    );
}

#[test]
fn a_file_that_is_not_progress_at_all_is_moved_aside_too() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path());
    std::fs::write(store.file(), "[1, 2, 3]").unwrap();
    let loaded = store.apply(&visit("ch04", "data")).unwrap();
    assert!(loaded.notice.is_some());
    // The new file, the one moved aside, and the lock file.
    assert_eq!(files(tmp.path()).len(), 3, "{:?}", files(tmp.path()));
    assert!(store.load().unwrap().progress.lesson("ch04").is_some());
}

#[test]
fn a_file_from_a_newer_version_is_left_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path());
    let newer = "{\"version\": 99, \"whatever\": true}";
    std::fs::write(store.file(), newer).unwrap();
    assert!(matches!(
        store.load(),
        Err(StoreError::Newer { found: 99, .. })
    ));
    let err = store.apply(&visit("ch04", "data")).unwrap_err();
    assert!(err.to_string().contains("newer nnstep"), "{err}");
    assert_eq!(std::fs::read_to_string(store.file()).unwrap(), newer);
}

#[test]
fn reset_forgets_one_lesson_or_all() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path());
    store.apply(&visit("ch04", "data")).unwrap();
    store.apply(&visit("ch05", "data")).unwrap();
    store.apply(&Change::Reset(Some("ch04".into()))).unwrap();
    let p = store.load().unwrap().progress;
    assert!(p.lesson("ch04").is_none() && p.lesson("ch05").is_some());
    store.apply(&Change::Reset(None)).unwrap();
    assert!(store.load().unwrap().progress.lessons.is_empty());
}

fn nnstep(data: &Path, args: &[&str]) -> std::process::Output {
    common::command(data)
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn progress_command_shows_lessons_seen_and_the_current_step() {
    let tmp = tempfile::tempdir().unwrap();
    let out = nnstep(tmp.path(), &["progress"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("no progress saved yet"));
    let store = Store::new(tmp.path());
    for s in ["problem", "data", "loss"] {
        store.apply(&visit("ch04", s)).unwrap();
    }
    store.apply(&visit("gone", "x")).unwrap();
    let out = nnstep(tmp.path(), &["progress"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    let steps = nnstep::lesson::Catalog::builtin()
        .get("ch04")
        .unwrap()
        .load()
        .unwrap()
        .steps
        .len();
    assert!(text.contains(&format!("3/{steps}")), "{text}");
    assert!(text.contains("3: Measuring the error"), "{text}");
    assert!(text.contains("(not in the catalog)"), "{text}");
}

#[test]
fn progress_reset_asks_first_and_refuses_without_a_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path());
    store.apply(&visit("ch04", "data")).unwrap();
    let out = nnstep(tmp.path(), &["progress", "reset", "ch04"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--yes"));
    assert!(store.load().unwrap().progress.lesson("ch04").is_some());
    let out = nnstep(tmp.path(), &["progress", "reset", "ch04", "--yes"]);
    assert!(out.status.success());
    assert!(store.load().unwrap().progress.lesson("ch04").is_none());
}

#[test]
fn the_full_screen_view_refuses_to_start_without_a_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [&[][..], &["open", "ch04"][..]] {
        let out = nnstep(tmp.path(), args);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("needs a terminal"), "{err}");
    }
}
