#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! Progress is never lost between instances: separate processes save to
//! one progress file under the OS lock, one of them stopped (SIGSTOP) in
//! the middle of a save, two answering the same question through the
//! binary, and fifty saving fifty times each at once.
//!
//! The worker processes are this test binary itself, started with
//! `NNSTEP_TEST_WORKER` set, running one test function that then acts as
//! the worker.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use nnstep::progress::{Change, Store};
use nnstep::quiz::{Outcome, QuizUpdate};

const WORKER: &str = "NNSTEP_TEST_WORKER";

fn tried(step: &str, question: &str, n: u32) -> Change {
    Change::Quiz {
        lesson: "ch04".into(),
        record: QuizUpdate {
            step: step.into(),
            question: question.into(),
            attempts_added: n,
            hints_added: 0,
            solution_seen: false,
            outcome: Outcome::Missed,
        },
    }
}

fn attempts(dir: &Path, step: &str, question: &str) -> u32 {
    let p = Store::new(dir).load().unwrap().progress;
    p.lesson("ch04")
        .and_then(|l| l.quiz.get(step))
        .and_then(|s| s.get(question))
        .map_or(0, |r| r.attempts)
}

/// Starts this test binary as a worker running test `name` with `args`.
fn worker(name: &str, dir: &Path, args: &str) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([name, "--exact", "--nocapture", "--test-threads", "1"])
        .env(WORKER, args)
        .env("NNSTEP_DATA_DIR", dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

fn worker_args() -> Option<(String, Vec<String>)> {
    let v = std::env::var(WORKER).ok()?;
    let dir = std::env::var("NNSTEP_DATA_DIR").unwrap();
    Some((dir, v.split(',').map(str::to_string).collect()))
}

fn signal(child: &Child, sig: &str) {
    let ok = Command::new("kill")
        .args([sig, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
}

#[test]
fn a_save_stopped_in_the_middle_delays_the_others_and_loses_nothing() {
    if let Some((dir, args)) = worker_args() {
        // Worker: one save that announces itself with the lock held, then
        // takes a moment, so the parent can stop it right there.
        let store = Store::new(&dir);
        store
            .apply_with(&tried("s", &args[0], 1), || {
                println!("\nLOCK-HELD");
                std::io::stdout().flush().unwrap();
                std::thread::sleep(std::time::Duration::from_millis(300));
            })
            .unwrap();
        return;
    }
    if !cfg!(unix) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path());
    store.apply(&tried("s", "before", 1)).unwrap();
    let mut holder = worker(
        "a_save_stopped_in_the_middle_delays_the_others_and_loses_nothing",
        tmp.path(),
        "held",
    );
    // The test harness prints its own lines first; wait for the worker's.
    let mut out = BufReader::new(holder.stdout.take().unwrap());
    let mut line = String::new();
    while line.trim() != "LOCK-HELD" {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "the worker ended early"
        );
    }
    signal(&holder, "-STOP");
    // Another instance saves while the holder is stopped for 5 s.
    let tmp_path = tmp.path().to_path_buf();
    let other = std::thread::spawn(move || {
        Store::new(&tmp_path)
            .apply(&tried("s", "other", 1))
            .unwrap();
    });
    std::thread::sleep(std::time::Duration::from_secs(5));
    assert!(
        !other.is_finished(),
        "the other save must wait for the stopped holder"
    );
    signal(&holder, "-CONT");
    std::io::copy(&mut out, &mut std::io::sink()).unwrap();
    assert!(holder.wait().unwrap().success());
    other.join().unwrap();
    for q in ["before", "held", "other"] {
        assert_eq!(attempts(tmp.path(), "s", q), 1, "{q} was lost");
    }
}

#[test]
fn fifty_instances_saving_fifty_times_each_lose_no_update() {
    const PROCS: usize = 50;
    const ROUNDS: u32 = 50;
    if let Some((dir, args)) = worker_args() {
        let store = Store::new(&dir);
        for _ in 0..ROUNDS {
            store.apply(&tried("s", "shared", 1)).unwrap();
            store.apply(&tried("s", &args[0], 1)).unwrap();
        }
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut children: Vec<Child> = (0..PROCS)
        .map(|i| {
            worker(
                "fifty_instances_saving_fifty_times_each_lose_no_update",
                tmp.path(),
                &format!("p{i}"),
            )
        })
        .collect();
    // While they run, every read of the file finds a whole, valid file.
    let file = Store::new(tmp.path()).file();
    let mut reads = 0;
    while children.iter_mut().any(|c| c.try_wait().unwrap().is_none()) {
        if let Ok(bytes) = std::fs::read(&file) {
            nnstep::progress::store::parse_for_test(&bytes).unwrap();
            reads += 1;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    for c in &mut children {
        assert!(c.wait().unwrap().success());
    }
    assert!(reads > 0);
    assert_eq!(
        attempts(tmp.path(), "s", "shared"),
        PROCS as u32 * ROUNDS,
        "every increment of the shared question is counted"
    );
    for i in 0..PROCS {
        assert_eq!(attempts(tmp.path(), "s", &format!("p{i}")), ROUNDS);
    }
}

/// A lesson with one number question, answered wrong once per run.
const ONE_QUESTION: &str = "id: race
chapter: 4
title: Race
summary: One question.
steps:
  - id: q
    title: Quiz
    quiz:
      - id: n
        ask: 1 + 1?
        number: {answer: 2, abs: 0.1}
";

#[test]
fn two_instances_answering_the_same_question_in_a_loop_count_every_attempt() {
    const RUNS: u32 = 15;
    let tmp = tempfile::tempdir().unwrap();
    let lesson = tmp.path().join("race.yaml");
    std::fs::write(&lesson, ONE_QUESTION).unwrap();
    let data = tmp.path().join("data");
    let run_many = |data: std::path::PathBuf, lesson: std::path::PathBuf| {
        std::thread::spawn(move || {
            for _ in 0..RUNS {
                let mut child = Command::new(env!("CARGO_BIN_EXE_nnstep"))
                    .args(["run", lesson.to_str().unwrap(), "--plain"])
                    .env("NNSTEP_DATA_DIR", &data)
                    .env("LANG", "C")
                    .stdin(Stdio::piped())
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap();
                child.stdin.take().unwrap().write_all(b"5\n").unwrap();
                let out = child.wait_with_output().unwrap();
                assert!(out.status.success());
                assert!(
                    out.stderr.is_empty(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        })
    };
    let a = run_many(data.clone(), lesson.clone());
    let b = run_many(data.clone(), lesson.clone());
    a.join().unwrap();
    b.join().unwrap();
    let p = Store::new(&data).load().unwrap().progress;
    let r = &p.lesson("race").unwrap().quiz["q"]["n"];
    assert_eq!(r.attempts, 2 * RUNS, "every attempt of both instances");
}
