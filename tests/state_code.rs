#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! State codes: for every step of every built-in lesson, in both languages,
//! a screen driven by keys (a run stepped, its η doubled, an iteration, the
//! batch size changed, another epoch, scrubbed back; a comparison run two
//! epochs) gives a code with `C`; the code read back and opened rebuilds the
//! same screen: the same lesson, step, language, seed, η, batch size,
//! gradient steps and epoch looked at, the same parameters bit for bit, and
//! the same cells at 80×24 (the top bar, which says what was pressed last, aside). Then the
//! command line: `open CODE --plain`, and malformed, mistyped, unknown and
//! stale codes, each with its message and a non-zero exit.

mod common;

use nnstep::lesson::{Catalog, Lang};
use nnstep::progress::Progress;
use nnstep::session::{Code, CodeError};
use nnstep::tui::app::{Screen, StepState};
use nnstep::tui::dashboard::DashKey;
use nnstep::tui::{self, App, Config, Message, Theme, update};

fn screen(app: &App) -> Vec<String> {
    common::screen::rows(&common::screen::draw(app, 80, 24))
}

/// The keys that make each kind of screen something a fresh one is not.
fn drive(app: &mut App) {
    let Screen::Lesson(l) = &app.screen else {
        panic!("not in a lesson");
    };
    let keys: &[DashKey] = match &l.step {
        StepState::Train(_) => &[
            DashKey::Epoch,
            DashKey::LearningRateUp,
            DashKey::Iteration,
            DashKey::CycleBatch,
            DashKey::Epoch,
            DashKey::ScrubBack,
        ],
        StepState::Compare(_) => &[DashKey::Epoch, DashKey::Epoch],
        // η halved (the runs restart), an epoch of every run, one more step.
        StepState::Landscape(_) => &[
            DashKey::LearningRateDown,
            DashKey::Epoch,
            DashKey::Iteration,
        ],
        StepState::Plot(_) => &[
            DashKey::LearningRateUp,
            DashKey::Iteration,
            DashKey::Iteration,
            DashKey::Iteration,
        ],
        StepState::Page { .. } | StepState::Quiz(_) | StepState::Predict(_) => &[],
    };
    for k in keys {
        update(app, Message::Dash(*k));
    }
}

/// What a training screen is made of, from the app.
fn run_facts(app: &App) -> Option<String> {
    let Screen::Lesson(l) = &app.screen else {
        return None;
    };
    match &l.step {
        StepState::Train(d) => {
            let t = d.training();
            let cfg = t.run().trainer.config();
            let params: Vec<u64> = (t.run().trainer.network().layers().iter())
                .flat_map(|layer| layer.w.iter().chain(layer.b.iter()).map(|v| v.to_bits()))
                .collect();
            Some(format!(
                "seed {} η {:e} batch {:?} state {:?} shown {:?} history {} params {params:?}",
                t.spec().seed,
                cfg.learning_rate,
                cfg.batch_size,
                t.state(),
                t.shown().map(|r| (r.epoch, r.train_loss.to_bits())),
                t.run().trainer.history().len(),
            ))
        }
        StepState::Compare(c) => Some(format!("{:?}", c.comparison().rows())),
        StepState::Landscape(v) => {
            let l = v.landscape();
            let params: Vec<Vec<u64>> = (l.runs().iter())
                .map(|r| {
                    (r.trainer.network().layers().iter())
                        .flat_map(|layer| layer.w.iter().chain(layer.b.iter()).map(|v| v.to_bits()))
                        .collect()
                })
                .collect();
            Some(format!(
                "scale {:e} steps {:?} params {params:?} paths {:?}",
                l.rate_scale(),
                l.iterations(),
                l.paths()
                    .iter()
                    .map(|p| p.points().to_vec())
                    .collect::<Vec<_>>(),
            ))
        }
        StepState::Plot(v) => {
            let p = v.plot();
            Some(format!(
                "rates {:?} shown {}",
                p.learning_rates(),
                p.shown()
            ))
        }
        StepState::Page { .. } | StepState::Quiz(_) | StepState::Predict(_) => None,
    }
}

fn place(app: &App) -> (String, usize) {
    let Screen::Lesson(l) = &app.screen else {
        panic!("not in a lesson");
    };
    (l.session.lesson().id.clone(), l.session.index())
}

#[test]
fn every_step_of_every_lesson_comes_back_from_its_code() {
    let cat = Catalog::builtin();
    let entries = tui::entries(&cat);
    let mut codes = 0;
    for (i, e) in entries.iter().enumerate() {
        let lesson = cat.get(&e.id).unwrap().load().unwrap();
        for step in 0..lesson.steps.len() {
            for lang in [Lang::En, Lang::Zh] {
                let cfg = Config {
                    lang,
                    theme: Theme::new(false, None),
                    seed: None,
                };
                let mut app = App::open(entries.clone(), Progress::default(), cfg, i, Some(step));
                drive(&mut app);
                update(&mut app, Message::ShowCode);
                let code = app.code.clone().unwrap();
                let where_ = format!("{} step {} {lang:?}: {code}", e.id, step + 1);
                update(&mut app, Message::ToggleHelp); // closes the code box
                let parsed = Code::parse(&code).unwrap_or_else(|err| panic!("{where_}: {err:?}"));
                assert_eq!(
                    (parsed.lesson.as_str(), parsed.step, parsed.lang),
                    (e.id.as_str(), step, lang)
                );
                let rebuilt = parsed
                    .reproduce(lesson.clone(), &Progress::default())
                    .unwrap_or_else(|err| panic!("{where_}: {err:?}"));
                let other = Config {
                    lang: Lang::En,
                    ..cfg
                };
                let again =
                    App::reproduced(entries.clone(), Progress::default(), other, None, rebuilt);
                assert_eq!(again.lang, lang, "{where_}");
                assert_eq!(place(&again), place(&app), "{where_}");
                assert_eq!(run_facts(&again), run_facts(&app), "{where_}");
                let (a, b) = (screen(&app), screen(&again));
                assert_eq!(
                    a[2..],
                    b[2..],
                    "{where_}\n{}\n---\n{}",
                    a.join("\n"),
                    b.join("\n")
                );
                codes += 1;
            }
        }
    }
    assert!(codes > 200, "{codes} codes");
}

#[test]
fn a_stale_code_names_the_lesson_that_changed() {
    let cat = Catalog::builtin();
    let entries = tui::entries(&cat);
    let cfg = Config {
        lang: Lang::En,
        theme: Theme::new(false, None),
        seed: None,
    };
    let mut app = App::open(entries, Progress::default(), cfg, 1, Some(2));
    update(&mut app, Message::ShowCode);
    let code = Code::parse(app.code.as_deref().unwrap()).unwrap();
    let mut lesson = cat.get(&code.lesson).unwrap().load().unwrap();
    lesson.fingerprint ^= 1;
    let err = code.reproduce(lesson.clone(), &Progress::default()).err();
    assert_eq!(err, Some(CodeError::Stale(lesson.id.clone())));
}

#[test]
fn malformed_codes_say_what_is_wrong() {
    let cases = [
        ("ch04", CodeError::NoDot),
        ("ch 04.0000", CodeError::BadLessonId),
        (".06CT", CodeError::BadLessonId),
        (
            "ch04.06CT-WBR0-03BK-G!",
            CodeError::BadCharacter {
                character: '!',
                position: 22,
            },
        ),
        (
            "ch04.06CU",
            CodeError::BadCharacter {
                character: 'U',
                position: 9,
            },
        ),
        ("ch04.06", CodeError::Checksum),
        ("ch04.0000-0000-0000-0", CodeError::Checksum),
    ];
    for (text, want) in cases {
        assert_eq!(Code::parse(text).err(), Some(want), "{text}");
    }
    let long = format!("ch04.{}", "0".repeat(3000));
    assert_eq!(Code::parse(&long).err(), Some(CodeError::TooLong));
}

fn nnstep(args: &[&str], dir: &std::path::Path) -> std::process::Output {
    common::nnstep_in(dir, args, "")
}

/// A step's code as `nnstep run --codes` prints it.
fn code_of_step(lesson: &str, step: usize, dir: &std::path::Path) -> String {
    let out = nnstep(
        &[
            "run",
            lesson,
            "--plain",
            "--codes",
            "--step",
            &step.to_string(),
        ],
        dir,
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("State code: "))
        .unwrap();
    line.trim_start_matches("State code: ").to_string()
}

#[test]
fn open_code_plain_prints_the_step_with_its_code() {
    let dir = tempfile::tempdir().unwrap();
    let code = code_of_step("ch04", 13, dir.path());
    let out = nnstep(&["open", &code, "--plain"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("== Step 13/"), "{text}");
    assert!(text.contains(&format!("State code: {code}")), "{text}");
    // A trained-to-the-end run: the epoch reached is in the state table.
    assert!(text.contains("epoch"), "{text}");
}

#[test]
fn bad_codes_fail_with_a_message_naming_the_fault() {
    let dir = tempfile::tempdir().unwrap();
    let good = code_of_step("ch05", 2, dir.path());
    let last = good.chars().last().unwrap();
    let slip = format!(
        "{}{}",
        &good[..good.len() - 1],
        if last == '0' { '1' } else { '0' }
    );
    let cases = [
        (slip.as_str(), "check characters do not match"),
        ("ch05.06CU-AAAA", "cannot appear in a state code"),
        ("ch05.", "incomplete"),
    ];
    for (code, says) in cases {
        let out = nnstep(&["open", code, "--plain"], dir.path());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{code}: {err}");
        assert!(err.contains(says), "{code}: {err}");
        assert!(out.stdout.is_empty(), "{code}");
    }
    let out = nnstep(&["open", &good, "--plain", "--step", "2"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--step"));
}

#[test]
fn unknown_and_stale_lessons_fail_with_their_own_messages() {
    let dir = tempfile::tempdir().unwrap();
    let lessons = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("lessons/ch04.yaml").unwrap();
    let mine = text.replacen("id: ch04", "id: mine", 1);
    let file = lessons.path().join("mine.yaml");
    std::fs::write(&file, &mine).unwrap();
    let folder = lessons.path().to_str().unwrap();
    let out = nnstep(
        &[
            "--lessons",
            folder,
            "run",
            "mine",
            "--plain",
            "--codes",
            "--step",
            "3",
        ],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let code = stdout
        .lines()
        .find_map(|l| l.strip_prefix("State code: "))
        .unwrap()
        .to_string();
    // The lesson's own folder opens it.
    let out = nnstep(&["--lessons", folder, "open", &code, "--plain"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Without the folder there is no such lesson.
    let out = nnstep(&["open", &code, "--plain"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("there is no lesson 'mine'"), "{err}");
    // A changed lesson makes the code stale.
    std::fs::write(
        &file,
        mine.replacen("chapter: 4", "chapter: 4\n# changed", 1),
    )
    .unwrap();
    let out = nnstep(&["--lessons", folder, "open", &code, "--plain"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("'mine' has changed") && err.contains("stale"),
        "{err}"
    );
    // In Chinese too.
    let out = nnstep(
        &[
            "--lang",
            "zh",
            "--lessons",
            folder,
            "open",
            &code,
            "--plain",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("已过期"));
}

/// A code is untrusted: a picture's code that asks for more steps than a
/// run takes, or another number of runs than the step draws, is refused
/// with its reason (and never trains without bound).
#[test]
fn a_picture_code_asking_too_much_is_refused() {
    use nnstep::session::training::ReplayError;
    use nnstep::session::{Live, Session, code_of};
    let lesson = Catalog::builtin().get("ch04").unwrap().load().unwrap();
    let at = (lesson.steps.iter())
        .position(|s| matches!(s.kind, nnstep::lesson::StepKind::Landscape(_)))
        .unwrap();
    let mut session = Session::new(lesson.clone());
    session.goto(at).unwrap();
    let runs = match session.landscape() {
        Some(Ok(l)) => l.runs().len(),
        _ => panic!("the landscape does not build"),
    };
    let code = |steps: Vec<u64>| {
        let live = Live::Picture {
            lesson_rate: 1.0,
            rate: 1.0,
            steps,
        };
        Code::parse(&code_of(&session, Lang::En, &live)).unwrap()
    };
    let err = code(vec![u64::MAX / 2; runs])
        .reproduce(lesson.clone(), &Progress::default())
        .err();
    assert!(
        matches!(err, Some(CodeError::Replay(ReplayError::StopsEarly { .. }))),
        "{err:?}"
    );
    let err = code(vec![1; runs + 1])
        .reproduce(lesson.clone(), &Progress::default())
        .err();
    assert_eq!(
        err,
        Some(CodeError::Replay(ReplayError::RunCount {
            code: runs + 1,
            step: runs
        }))
    );
    let nine = Live::Picture {
        lesson_rate: 1.0,
        rate: 1.0,
        steps: vec![0; 9],
    };
    let text = code_of(&session, Lang::En, &nine);
    assert_eq!(
        Code::parse(&text).err(),
        Some(CodeError::Truncated),
        "more runs than a code may name"
    );
}
