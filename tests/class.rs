#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! A class over a real Unix socket in a temp dir, driving the real binary
//! with `--plain`: an instructor and three learners; a wrong code; follow,
//! lock and step away; each learner's own numbers; the tally of one right,
//! one wrong by sign and one unanswered; a learner and the instructor killed
//! and restarted; hostile clients. Every wait is for an expected line with a
//! generous time-out; nothing asserts on timing.

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_nnstep");
const WAIT: Duration = Duration::from_secs(60);
const CODE: &str = "TEST42";

/// A running nnstep with its output collected line by line.
struct Proc {
    child: Child,
    stdin: Option<ChildStdin>,
    out: Arc<Mutex<String>>,
    name: String,
}

fn collect(r: impl Read + Send + 'static, into: Arc<Mutex<String>>) {
    std::thread::spawn(move || {
        let mut r = BufReader::new(r);
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match r.read_until(b'\n', &mut buf) {
                Ok(0) | Err(_) => return,
                Ok(_) => into
                    .lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf)),
            }
        }
    });
}

impl Proc {
    fn spawn(name: &str, data: &Path, args: &[&str]) -> Proc {
        let mut child = Command::new(BIN)
            .args(args)
            .env("NNSTEP_DATA_DIR", data)
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = Arc::new(Mutex::new(String::new()));
        collect(child.stdout.take().unwrap(), Arc::clone(&out));
        collect(child.stderr.take().unwrap(), Arc::clone(&out));
        Proc {
            stdin: child.stdin.take(),
            child,
            out,
            name: name.into(),
        }
    }

    fn send(&mut self, line: &str) {
        let s = self.stdin.as_mut().unwrap();
        writeln!(s, "{line}").unwrap();
        s.flush().unwrap();
    }

    fn text(&self) -> String {
        self.out.lock().unwrap().clone()
    }

    /// Waits until `needle` occurs at least `n` times in the output.
    fn wait_count(&self, needle: &str, n: usize) -> String {
        let start = Instant::now();
        loop {
            let t = self.text();
            if t.matches(needle).count() >= n {
                return t;
            }
            assert!(
                start.elapsed() < WAIT,
                "{}: waited for {n}× {needle:?}; output:\n{t}",
                self.name
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_for(&self, needle: &str) -> String {
        self.wait_count(needle, 1)
    }

    /// Waits for the process to exit; its success.
    fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                return st.success();
            }
            assert!(
                start.elapsed() < WAIT,
                "{} did not exit:\n{}",
                self.name,
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        self.kill();
    }
}

struct Class {
    dir: tempfile::TempDir,
}

impl Class {
    fn new() -> Class {
        Class {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn socket(&self) -> PathBuf {
        self.dir.path().join("c.sock")
    }

    fn data(&self, who: &str) -> PathBuf {
        self.dir.path().join(who)
    }

    fn instructor(&self) -> Proc {
        self.instructor_of("ch04")
    }

    fn instructor_of(&self, lesson: &str) -> Proc {
        let sock = self.socket();
        let p = Proc::spawn(
            "instructor",
            &self.data("teacher"),
            &[
                "class",
                "start",
                lesson,
                "--plain",
                "--socket",
                sock.to_str().unwrap(),
                "--code",
                CODE,
            ],
        );
        p.wait_for("Join code: TEST42");
        p
    }

    fn learner(&self, who: &str, code: &str) -> Proc {
        let sock = self.socket();
        Proc::spawn(
            who,
            &self.data(who),
            &[
                "class",
                "join",
                sock.to_str().unwrap(),
                "--plain",
                "--code",
                code,
                "--name",
                who,
            ],
        )
    }

    /// `class status` as the user `who` (their data folder).
    fn status_as(&self, who: &str) -> std::process::Output {
        let sock = self.socket();
        Command::new(BIN)
            .args([
                "class",
                "status",
                sock.to_str().unwrap(),
                "--format",
                "json",
            ])
            .env("NNSTEP_DATA_DIR", self.data(who))
            .output()
            .unwrap()
    }

    /// The status as the instructor sees it (with the instructor key
    /// saved in their data folder).
    fn status(&self) -> serde_json::Value {
        let out = self.status_as("teacher");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

/// The value in brackets on the line after `name (1×1) =`, last shown.
fn given(text: &str, name: &str) -> f64 {
    let head = format!("    {name} (1×1) =");
    let at = text
        .rfind(&head)
        .unwrap_or_else(|| panic!("no {name} in:\n{text}"));
    let line = text[at..].lines().nth(1).unwrap();
    line.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim()
        .parse()
        .unwrap()
}

/// The learner's own case of step 10 of ch04: (x, y, w, b).
fn case(text: &str) -> (f64, f64, f64, f64) {
    (
        given(text, "x"),
        given(text, "y"),
        given(text, "w"),
        given(text, "b"),
    )
}

/// ch04's number of steps and the 1-based number of its step `own-case`
/// (generated gradient questions), read from the built-in lesson.
fn ch04() -> (usize, usize) {
    let lesson = nnstep::lesson::Catalog::builtin().find("ch04").unwrap();
    (
        lesson.steps.len(),
        lesson.step_index("own-case").unwrap() + 1,
    )
}

/// The plain heading of step `k` of ch04.
fn step(k: usize) -> String {
    format!("Step {k}/{}", ch04().0)
}

/// Learners the instructor counts as away.
fn away_count(c: &Class) -> usize {
    let st = c.status();
    st["learners"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["away"] == true)
        .count()
}

/// Waits until `ok` holds, for at most [`WAIT`].
fn wait_until(mut ok: impl FnMut() -> bool, what: &str) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < WAIT, "waited for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn question<'a>(status: &'a serde_json::Value, step: &str, q: &str) -> &'a serde_json::Value {
    status["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["step"] == step && t["question"] == q)
        .unwrap()
}

#[test]
fn a_class_follows_answers_with_own_numbers_and_survives_restarts() {
    let c = Class::new();
    let mut teacher = c.instructor();

    // A wrong code is refused and counted.
    let mut wrong = c.learner("wrong", "NOPE99");
    assert!(!wrong.wait_exit(), "a wrong code must fail");
    assert!(
        wrong.text().contains("The join code is wrong"),
        "{}",
        wrong.text()
    );
    teacher.wait_for("A wrong join code was refused.");

    let mut a = c.learner("ana", CODE);
    let mut b = c.learner("bo", CODE);
    let mut l3 = c.learner("cy", CODE);
    teacher.wait_for("(3 learners in class)");
    for l in [&a, &b, &l3] {
        l.wait_for(&step(1));
    }
    assert_eq!(c.status()["wrong_codes"], 1);

    // The learners follow goto and next.
    teacher.send(&format!("goto {}", ch04().1));
    let cases: Vec<_> = [&a, &b, &l3]
        .iter()
        .map(|l| case(&l.wait_for("find dw")))
        .collect();
    // Each learner has their own numbers.
    assert_ne!(cases[0], cases[1]);
    assert_ne!(cases[0], cases[2]);
    assert_ne!(cases[1], cases[2]);

    // One right, one wrong by sign, one unanswered. dw = (w·x + b − y)·x.
    let dw = |(x, y, w, b): (f64, f64, f64, f64)| (w * x + b - y) * x;
    a.send(&format!("{:.6}", dw(cases[0])));
    b.send(&format!("{:.6}", -dw(cases[1])));
    a.wait_for("→ right");
    b.wait_for("sign is not");
    teacher.wait_count("An answer to own-case/own-dw arrived.", 2);
    let st = c.status();
    let t = question(&st, "own-case", "own-dw");
    assert_eq!(t["answered"], 2);
    assert_eq!(t["of"], 3);
    assert_eq!(
        (t["right"].clone(), t["close"].clone(), t["wrong"].clone()),
        (1.into(), 0.into(), 1.into())
    );
    assert_eq!(t["slips"], serde_json::json!([["sign", 1]]));
    assert_eq!(question(&st, "own-case", "own-db")["answered"], 0);
    teacher.send("status");
    teacher.wait_for("“For this sample, what is dw?”: answered 2/3 · right 1 · close 0 · wrong 1 · slips: sign 1");

    teacher.send("next");
    for l in [&a, &b, &l3] {
        l.wait_for(&step(ch04().1 + 1));
    }

    // Locked: a learner cannot step away. Freed: they can, and F rejoins.
    teacher.send("lock");
    a.wait_for("The instructor has locked the class.");
    a.send(":back");
    a.wait_for("you follow along for now");
    assert!(!a.text().contains("[away"));
    teacher.send("free");
    a.wait_for("you may step away");
    a.send(":back");
    a.wait_for("[away");
    assert_eq!(a.text().matches(&step(ch04().1)).count(), 2);
    a.send(":follow");
    a.wait_for("Following the instructor again.");
    a.wait_count(&step(ch04().1 + 1), 2);
    assert_eq!(away_count(&c), 0, "rejoining tells the instructor");

    // The shared rules of following (class::follow): an away learner is
    // called back by a lock (and the instructor hears it), a held step is
    // marked done once.
    a.send(":next");
    a.wait_count("[away", 2);
    wait_until(|| away_count(&c) == 1, "ana away");
    teacher.send("lock");
    a.wait_for("The instructor locked the class: back at their place.");
    a.wait_count(&step(ch04().1 + 1), 3);
    wait_until(|| away_count(&c) == 0, "ana called back");
    a.send(":goto 1");
    a.wait_count("you follow along for now", 2);
    teacher.send("free");
    a.wait_count("you may step away", 2);
    teacher.send("hold");
    a.wait_for("The instructor holds the class here");
    a.send(":done");
    a.wait_for("Marked done.");
    a.send(":done");
    a.wait_for("Already marked done.");

    // A learner killed and restarted resumes following.
    b.kill();
    teacher.wait_for("(2 learners in class)");
    let mut b2 = c.learner("bo", CODE);
    b2.wait_for(&step(ch04().1 + 1));
    teacher.send("next");
    b2.wait_for(&step(ch04().1 + 2));
    a.wait_count(&step(ch04().1 + 2), 2);

    // A learner who knows the join code cannot read the tally.
    let out = c.status_as("cy");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no instructor key"), "{err}");
    let mut s = UnixStream::connect(c.socket()).unwrap();
    let hello = format!(
        "{{\"v\":1,\"type\":\"hello\",\"code\":\"{CODE}\",\"role\":\"status\",\"key\":\"{CODE}\"}}\n"
    );
    s.write_all(hello.as_bytes()).unwrap();
    let mut reply = String::new();
    BufReader::new(s).read_line(&mut reply).unwrap();
    assert!(reply.contains("\"reason\":\"instructor\""), "{reply}");
    assert!(!reply.contains("own-dw"), "{reply}");

    // Bo (who answered wrong by sign) is killed for good, then the
    // instructor is killed and restarted: the restarted instructor has
    // Bo's result from its private file, and Ana's again without doubling.
    b2.kill();
    teacher.wait_for("(2 learners in class)");
    teacher.kill();
    for l in [&a, &l3] {
        l.wait_for("Waiting for the instructor");
    }
    let mut teacher2 = c.instructor();
    teacher2.wait_for("Class ch04 restarted: 2 results from 2 learners");
    teacher2.wait_for("(2 learners in class)");
    teacher2.send("goto 5");
    for l in [&a, &l3] {
        l.wait_for(&step(5));
    }
    let st = c.status();
    let t = question(&st, "own-case", "own-dw");
    assert_eq!(
        (
            t["answered"].clone(),
            t["right"].clone(),
            t["wrong"].clone(),
            t["of"].clone()
        ),
        (2.into(), 1.into(), 1.into(), 3.into())
    );
    assert_eq!(t["slips"], serde_json::json!([["sign", 1]]));
    teacher2.send("status");
    teacher2.wait_for("“For this sample, what is dw?”: answered 2/3 · right 1 · close 0 · wrong 1");

    teacher2.send("end");
    for l in [&mut a, &mut l3] {
        l.wait_for("The instructor has ended the class.");
        assert!(l.wait_exit());
    }
    assert!(teacher2.wait_exit());
    assert!(!c.socket().exists(), "the socket is removed on end");

    // A class started after `end` is a new class: no results inherited.
    let mut teacher3 = c.instructor();
    assert!(!teacher3.text().contains("restarted"));
    let st = c.status();
    assert_eq!(question(&st, "own-case", "own-dw")["answered"], 0);
    teacher3.send("end");
    assert!(teacher3.wait_exit());
}

#[test]
fn garbage_and_a_thousand_connections_leave_the_class_working() {
    let c = Class::new();
    let mut teacher = c.instructor();
    let l = c.learner("ana", CODE);
    teacher.wait_for("(1 learner in class)");
    l.wait_for(&step(1));

    // 10 MB of garbage without a newline: dropped at the line limit.
    let mut g = UnixStream::connect(c.socket()).unwrap();
    let junk = vec![b'x'; 10 * 1024 * 1024];
    let _ = g.write_all(&junk);
    teacher.wait_for("A connection was dropped");
    drop(g);

    // A thousand connections at once: the excess is refused at once.
    let mut held = Vec::new();
    for _ in 0..1000 {
        if let Ok(s) = UnixStream::connect(c.socket()) {
            held.push(s);
        }
    }
    teacher.send("next");
    l.wait_for(&step(2));
    // The instructor's own commands are answered meanwhile, and the
    // excess is counted as refused (held open until it is).
    let start = Instant::now();
    loop {
        teacher.send("status");
        std::thread::sleep(Duration::from_millis(100));
        let t = teacher.text();
        let refused = t
            .lines()
            .filter(|l| l.starts_with("Refused:"))
            .any(|l| !l.contains(", 0 while full"));
        if refused {
            break;
        }
        assert!(start.elapsed() < WAIT, "no refusal counted:\n{t}");
    }
    drop(held);

    // The learner still follows and answers count.
    teacher.send(&format!("goto {}", ch04().1));
    let text = l.wait_for("find dw");
    let (x, y, w, b) = case(&text);
    let mut l = l;
    l.send(&format!("{:.6}", (w * x + b - y) * x));
    l.wait_for("→ right");
    teacher.wait_for("An answer to own-case/own-dw arrived.");
    let start = Instant::now();
    let st = loop {
        // Status connections may be refused while the flood's slots time out.
        let out = c.status_as("teacher");
        if out.status.success() {
            break serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap();
        }
        assert!(
            start.elapsed() < WAIT,
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(question(&st, "own-case", "own-dw")["right"], 1);
    assert!(st["refused_full"].as_u64().unwrap() > 0);
    assert!(st["dropped"].as_u64().unwrap() >= 1);
}

#[test]
fn a_live_class_is_not_overwritten_and_a_stale_socket_is_replaced() {
    let c = Class::new();
    let teacher = c.instructor();
    let sock = c.socket();
    let second = Command::new(BIN)
        .args([
            "class",
            "start",
            "ch04",
            "--plain",
            "--socket",
            sock.to_str().unwrap(),
            "--code",
            CODE,
        ])
        .env("NNSTEP_DATA_DIR", c.data("other"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("already running"));
    drop(teacher); // killed: the socket stays behind, stale
    assert!(sock.exists());
    let t2 = c.instructor();
    t2.wait_for(&step(1));
}

#[test]
fn an_instructors_own_lesson_reaches_the_learner_checked() {
    let c = Class::new();
    let lesson =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lessons/good/small.yaml");
    let sock = c.socket();
    let mut teacher = Proc::spawn(
        "instructor",
        &c.data("teacher"),
        &[
            "class",
            "start",
            lesson.to_str().unwrap(),
            "--plain",
            "--socket",
            sock.to_str().unwrap(),
            "--code",
            CODE,
        ],
    );
    teacher.wait_for("Join code: TEST42");
    // The learner has no such lesson: it comes as text over the socket.
    let l = c.learner("ana", CODE);
    teacher.wait_for("(1 learner in class)");
    let first = teacher.wait_for("Step 1/");
    let title_line = first.lines().find(|x| x.starts_with("Step 1/")).unwrap();
    let title = title_line.split(": ").nth(1).unwrap();
    l.wait_for(title);
    teacher.send("end");
    assert!(teacher.wait_exit());
}

#[test]
fn a_hostile_lesson_from_a_fake_instructor_is_refused_by_the_learner() {
    use std::os::unix::net::UnixListener;
    let c = Class::new();
    let listener = UnixListener::bind(c.socket()).unwrap();
    let server = std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        let mut hello = String::new();
        BufReader::new(s.try_clone().unwrap())
            .read_line(&mut hello)
            .unwrap();
        assert!(hello.contains("\"type\":\"hello\""), "{hello}");
        // A lesson whose title would clear the learner's screen.
        let text = "id: evil\nchapter: 1\ntitle: {en: \"\\e[2Jgone\", zh: x}\nsummary: {en: a, zh: b}\nsteps: []\n";
        let lesson = serde_json::json!({"v": 1, "type": "lesson", "id": "evil", "text": text});
        writeln!(
            s,
            "{}",
            serde_json::json!({"v": 1, "type": "welcome", "class": "x"})
        )
        .unwrap();
        writeln!(s, "{lesson}").unwrap();
        std::thread::sleep(Duration::from_secs(2));
    });
    let mut l = c.learner("ana", CODE);
    assert!(
        !l.wait_exit(),
        "a lesson that fails its checks must not be followed"
    );
    let out = l.text();
    assert!(out.contains("does not pass the checks"), "{out}");
    assert!(
        !out.contains('\u{1b}'),
        "no escape reaches the terminal: {out:?}"
    );
    server.join().unwrap();
}

/// The 1-based number of step `id` of built-in lesson `lesson`.
fn step_no(lesson: &str, id: &str) -> usize {
    let l = nnstep::lesson::Catalog::builtin().find(lesson).unwrap();
    l.step_index(id).unwrap() + 1
}

#[test]
fn a_plain_learner_follows_the_instructors_run_and_its_prediction_is_tallied() {
    let c = Class::new();
    let mut teacher = c.instructor_of("ch05");
    let mut a = c.learner("ana", CODE);
    let mut b = c.learner("bo", CODE);
    teacher.wait_for("(2 learners in class)");

    // ch05's raw-data run asks what the loss will do; it diverges (option 3).
    teacher.send(&format!("goto {}", step_no("ch05", "train-raw")));
    for l in [&a, &b] {
        l.wait_for("-- Predict, then see --");
    }
    a.send("3");
    b.send("1");
    for l in [&a, &b] {
        l.wait_for("epoch  iteration     train loss");
    }
    // The run waits for the instructor's: nothing has stopped yet.
    let before = a.text();
    assert!(!before.contains("stopped:"), "{before}");
    teacher.send("epoch 1");
    for l in [&a, &b] {
        l.wait_for("stopped: diverged");
        l.wait_for("Predict, then see: ");
    }
    teacher.wait_count("An answer to train-raw/raw-loss arrived.", 2);
    let st = c.status();
    let t = question(&st, "train-raw", "raw-loss");
    assert_eq!(
        (
            t["answered"].clone(),
            t["right"].clone(),
            t["wrong"].clone()
        ),
        (2.into(), 1.into(), 1.into())
    );
    teacher.send("status");
    // The status names the prediction by its text (cut to fit).
    let ch05 = nnstep::lesson::Catalog::builtin().find("ch05").unwrap();
    let label = nnstep::words::class_tally::line_label(
        Some(&ch05),
        nnstep::lesson::Lang::En,
        &serde_json::from_value(t.clone()).unwrap(),
    );
    assert!(label.starts_with('“') && label.len() > 20, "{label}");
    teacher.wait_for(&format!(
        "{label}: answered 2/2 · right 1 · close 0 · wrong 1"
    ));

    // The normalised run (100 epochs, no prediction): the learner follows
    // the instructor's epochs, a line where the instructor pauses, at most
    // a line a second while it plays, and the final figures at the end.
    teacher.send(&format!("goto {}", step_no("ch05", "train-normalised")));
    a.wait_count("epoch  iteration     train loss", 2);
    teacher.send("epoch 7");
    let t = a.wait_for("\n      7 ");
    let after_raw = t.rsplit("epoch  iteration     train loss").next().unwrap();
    assert!(!after_raw.contains("stopped:"), "{after_raw}");
    assert!(!after_raw.contains("\n     50 "), "{after_raw}");
    // The instructor plays the run on to its end: the class pauses there.
    teacher.send("play");
    teacher.wait_for("Instructor's run: epoch 100, paused.");
    a.wait_count("stopped:", 2);
    let t = a.wait_for("\n    100 ");
    let tail = t.rsplit("epoch  iteration     train loss").next().unwrap();
    // Lines where the instructor paused, and the end: not one per epoch.
    let lines = tail.lines().filter(|l| l.starts_with("    ")).count();
    assert!(lines < 20, "{tail}");

    teacher.send("end");
    for l in [&mut a, &mut b] {
        assert!(l.wait_exit());
    }
    assert!(teacher.wait_exit());
}

#[test]
fn a_comparisons_prediction_reaches_the_tally() {
    let c = Class::new();
    let mut teacher = c.instructor();
    let mut a = c.learner("ana", CODE);
    teacher.wait_for("(1 learner in class)");
    teacher.send(&format!("goto {}", step_no("ch04", "compare-batches")));
    a.wait_for("-- Predict, then see --");
    // A line that is no option is explained and asked again.
    a.send("7");
    a.wait_for("not one of the options");
    a.send("2");
    // The comparison follows the instructor's: no results until their runs
    // end (the plain instructor's `play` runs them).
    a.wait_for("These runs follow the instructor's");
    let before = a.text();
    assert!(!before.contains("final loss"), "{before}");
    assert_eq!(
        question(&c.status(), "compare-batches", "sgd-curve")["answered"],
        0
    );
    teacher.send("play");
    a.wait_for("final loss");
    a.wait_for("Predict, then see: ");
    teacher.wait_for("An answer to compare-batches/sgd-curve arrived.");
    let st = c.status();
    let t = question(&st, "compare-batches", "sgd-curve");
    assert_eq!(
        (t["answered"].clone(), t["of"].clone()),
        (1.into(), 1.into())
    );
    assert_eq!(
        t["right"].as_u64().unwrap() + t["wrong"].as_u64().unwrap(),
        1
    );
    teacher.send("end");
    assert!(a.wait_exit());
    assert!(teacher.wait_exit());
}

#[test]
fn a_report_after_the_instructor_died_comes_from_the_results_kept() {
    let c = Class::new();
    let mut teacher = c.instructor();
    let mut a = c.learner("ana", CODE);
    teacher.wait_for("(1 learner in class)");
    teacher.send(&format!("goto {}", ch04().1));
    let text = a.wait_for("find dw");
    let (x, y, w, b) = case(&text);
    a.send(&format!("{:.6}", -(w * x + b - y) * x));
    a.wait_for("sign is not");
    teacher.wait_for("An answer to own-case/own-dw arrived.");
    // The instructor dies for good, and so does the learner.
    teacher.kill();
    a.kill();
    let stem = c.dir.path().join("after");
    let sock = c.socket();
    let out = Command::new(BIN)
        .args([
            "class",
            "report",
            sock.to_str().unwrap(),
            "--out",
            stem.to_str().unwrap(),
        ])
        .env("NNSTEP_DATA_DIR", c.data("teacher"))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("is not running"), "{said}");
    let csv = std::fs::read_to_string(stem.with_extension("csv")).unwrap();
    let row = csv
        .lines()
        .find(|l| l.starts_with("own-case,own-dw,"))
        .unwrap();
    assert_eq!(
        row,
        "own-case,own-dw,1,1,0,0,1,1,sign:1,".to_string() + row.rsplit(',').next().unwrap()
    );
    // The summary names the question by its text in the lesson.
    let md = std::fs::read_to_string(stem.with_extension("md")).unwrap();
    assert!(
        md.contains(
            ". “For this sample, what is dw?” (step 10): answered 1/1 · right 0 · close 0 · wrong 1"
        ),
        "{md}"
    );
    // A learner's data folder has no results to report.
    let out = Command::new(BIN)
        .args([
            "class",
            "report",
            sock.to_str().unwrap(),
            "--out",
            stem.to_str().unwrap(),
        ])
        .env("NNSTEP_DATA_DIR", c.data("ana"))
        .output()
        .unwrap();
    assert!(!out.status.success());
}
