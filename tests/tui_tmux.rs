#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! End to end: the real binary in a real terminal (tmux, on a private
//! socket), driven by key presses at 80×24 with `TERM=screen`. Checks the
//! screens, resizing, that the terminal is restored after `q` and after
//! SIGTERM, and that progress is saved and resumed. Without tmux the tests
//! are skipped with a note, except under CI (`CI` set, as CI services and
//! `.ci/run` do), where a missing tmux fails them: a CI run that silently
//! skipped the only end-to-end test would pass without testing the TUI.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// Whether this runs under CI: `CI` is set to anything but empty, `0` or
/// `false` (CI services set `CI=true`).
fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

struct Tmux {
    socket: PathBuf,
    data: PathBuf,
    _tmp: tempfile::TempDir,
}

impl Tmux {
    fn new() -> Option<Self> {
        let ok = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            assert!(
                !under_ci(),
                "tmux is not installed, and CI is set: the end-to-end TUI test must run in CI \
                 (.ci/run installs tmux)"
            );
            eprintln!("note: tmux is not installed; skipping the end-to-end TUI test");
            return None;
        }
        let tmp = tempfile::tempdir().unwrap();
        Some(Self {
            socket: tmp.path().join("sock"),
            data: tmp.path().join("data"),
            _tmp: tmp,
        })
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Starts `nnstep ARGS` in session `name`; when it ends, the shell
    /// prints its exit code and whether the terminal is back in cooked mode.
    fn start(&self, name: &str, args: &str) {
        let cmd = format!(
            "env TERM=screen LANG=C.UTF-8 NNSTEP_DATA_DIR={} {} {args}; \
             echo EXIT=$?; stty -a | grep -o -- '-*icanon' | sed 's/^/MODE=/'; sleep 60",
            self.data.display(),
            env!("CARGO_BIN_EXE_nnstep"),
        );
        self.tmux(&[
            "new-session",
            "-d",
            "-x",
            "80",
            "-y",
            "24",
            "-s",
            name,
            &cmd,
        ]);
    }

    fn screen(&self, name: &str) -> String {
        self.tmux(&["capture-pane", "-p", "-t", name])
    }

    fn keys(&self, name: &str, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", name, k]);
        }
    }

    /// Waits until the screen contains `text`; returns the screen.
    fn wait_for(&self, name: &str, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen(name);
            if s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {text:?}; the screen is:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn progress(&self) -> String {
        std::fs::read_to_string(self.data.join("progress.json")).unwrap_or_default()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

fn assert_restored(screen: &str, code: i32) {
    assert!(screen.contains(&format!("EXIT={code}")), "{screen}");
    assert!(
        screen.contains("MODE=icanon"),
        "terminal left raw:\n{screen}"
    );
    assert!(
        !screen.contains("Chapter 4"),
        "still on the alternate screen:\n{screen}"
    );
}

#[test]
fn walk_a_lesson_quit_and_resume_where_we_stopped() {
    let Some(t) = Tmux::new() else { return };
    t.start("a", "open ch04");
    t.wait_for("a", "step 1/20");
    t.keys("a", &["Right", "l", "Space"]);
    let s = t.wait_for("a", "step 4/20");
    assert!(s.contains("Solving it directly"), "{s}");
    t.keys("a", &[":", "1", "4", "Enter"]);
    let s = t.wait_for("a", "step 14/20");
    assert!(s.contains("jumped to step 14"), "{s}");
    t.keys("a", &["?"]);
    t.wait_for("a", "Keys");
    t.keys("a", &["q", "L"]);
    t.wait_for("a", "第 4 章");
    t.keys("a", &["q"]);
    assert_restored(&t.wait_for("a", "MODE="), 0);
    let saved = t.progress();
    assert!(saved.contains("\"current\": \"three-ways\""), "{saved}");

    t.start("b", "open ch04 --lang en");
    let s = t.wait_for("b", "step 14/20");
    assert!(s.contains("resumed"), "{s}");
    t.keys("b", &["q"]);
    assert_restored(&t.wait_for("b", "MODE="), 0);
}

#[test]
fn resizing_below_the_minimum_shows_a_message_and_recovers() {
    let Some(t) = Tmux::new() else { return };
    t.start("r", "--lang en");
    t.wait_for("r", "Lessons");
    t.tmux(&["resize-window", "-t", "r", "-x", "59", "-y", "20"]);
    t.wait_for("r", "window too small (need 60×20)");
    t.tmux(&["resize-window", "-t", "r", "-x", "120", "-y", "40"]);
    t.wait_for("r", "Lessons");
    t.keys("r", &["Enter"]);
    t.wait_for("r", "step 1/");
    t.keys("r", &["q", "q"]);
    assert_restored(&t.wait_for("r", "MODE="), 0);
}

#[test]
fn sigterm_saves_progress_and_restores_the_terminal() {
    let Some(t) = Tmux::new() else { return };
    t.start("s", "open ch04 --step 3 --lang en");
    t.wait_for("s", "step 3/20");
    t.keys("s", &["l"]);
    t.wait_for("s", "step 4/20");
    let shell = t.tmux(&["list-panes", "-t", "s", "-F", "#{pane_pid}"]);
    let pid = child_of(shell.trim());
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert_restored(&t.wait_for("s", "MODE="), 143);
    assert!(t.progress().contains("least-squares"), "{}", t.progress());
}

/// The pid of the (only) child of process `parent`.
fn child_of(parent: &str) -> String {
    let start = Instant::now();
    loop {
        let out = Command::new("ps")
            .args(["-o", "pid=", "--ppid", parent])
            .output()
            .unwrap();
        let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if !pid.is_empty() {
            return pid;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "no child of {parent}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
