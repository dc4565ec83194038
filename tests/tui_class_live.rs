#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! The full-screen instructor and learner apps joined over a real Unix
//! socket in a temp dir, driven by messages as the event loop drives them
//! (no terminal): the learner follows the instructor's step, the lock
//! refuses stepping away, the learner's own right answer reaches the
//! instructor's panel, a reveal reaches the learner, and the end frees them.
//! Every wait is for a state with a generous time-out; nothing asserts on
//! timing.

use std::sync::Arc;
use std::time::{Duration, Instant};

use nnstep::class::Snapshot;
use nnstep::class::client::{self, Client};
use nnstep::class::follow::Standing;
use nnstep::class::server::{self, LessonOffer, Server};
use nnstep::lesson::{Catalog, Lang, Lesson, StepKind};
use nnstep::progress::Progress;
use nnstep::session;
use nnstep::tui::app::{Screen, StepState};
use nnstep::tui::class_loop::{ClassLink, OpenLesson};
use nnstep::tui::class_ui::{ClassKey, ClassUi, TeacherUi};
use nnstep::tui::dashboard::DashKey;
use nnstep::tui::predict_view::PredictKey;
use nnstep::tui::quiz_view::QuizKey;
use nnstep::tui::{App, Config, Entry, Message, Theme, update};

const WAIT: Duration = Duration::from_secs(60);

fn ch04() -> Lesson {
    Catalog::builtin().get("ch04").unwrap().load().unwrap()
}

fn cfg() -> Config {
    Config {
        lang: Lang::En,
        theme: Theme::new(false, None),
        seed: None,
    }
}

struct Side {
    app: App,
    link: ClassLink,
}

impl Side {
    fn turn(&mut self) {
        let mut ending = None;
        self.link.flush(&mut self.app);
        self.link.pump(&mut self.app, &mut ending);
        self.link.flush(&mut self.app);
        assert_eq!(ending, None);
    }

    fn key(&mut self, msg: Message) {
        update(&mut self.app, msg);
        self.link.flush(&mut self.app);
    }
}

/// Runs both sides' loops until `done` holds (or fails after [`WAIT`]).
fn settle(t: &mut Side, l: &mut Side, what: &str, done: impl Fn(&App, &App) -> bool) {
    let start = Instant::now();
    while !done(&t.app, &l.app) {
        assert!(start.elapsed() < WAIT, "waited in vain for: {what}");
        t.turn();
        l.turn();
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn index(app: &App) -> Option<usize> {
    match &app.screen {
        Screen::Lesson(l) => Some(l.session.index()),
        Screen::Home { .. } => None,
    }
}

/// A training step's (epoch, seed, η, batch) on screen.
fn run_of(app: &App) -> Option<(usize, u64, f64, String)> {
    let Screen::Lesson(s) = &app.screen else {
        return None;
    };
    let StepState::Train(d) = &s.step else {
        return None;
    };
    let t = d.training();
    let cfg = t.run().trainer.config();
    Some((
        t.shown().map_or(0, |r| r.epoch),
        t.spec().seed,
        cfg.learning_rate,
        cfg.batch_size.label(),
    ))
}

fn snapshot(app: &App) -> Option<&Snapshot> {
    app.teacher()?.snapshot.as_ref()
}

/// An instructor app showing `lesson_id` and a learner app joined to it
/// over a socket in `dir`, and the class's server.
fn class_of(dir: &std::path::Path, lesson_id: &str) -> (Side, Side, Arc<Server>) {
    let path = dir.join("class.sock");
    let lesson = Catalog::builtin().get(lesson_id).unwrap().load().unwrap();
    let questions = (lesson.steps.iter())
        .filter_map(|s| match &s.kind {
            StepKind::Quiz(qs) => Some((s.id.clone(), qs.iter().map(|q| q.id.clone()).collect())),
            _ => None,
        })
        .collect();
    let server = Arc::new(
        Server::start(server::Config {
            path: path.clone(),
            class: "live".into(),
            code: "LIVE42".into(),
            lesson: LessonOffer {
                id: lesson_id.into(),
                text: None,
                questions,
            },
            max_connections: 8,
            group: None,
            notices: None,
            max_rate: server::MAX_RATE,
            key: "0123456789abcdef0123456789abcdef".into(),
            tally_file: None,
        })
        .unwrap(),
    );
    let notices = server.notices(64);
    let mut app = App::open(
        vec![Entry::loaded(lesson)],
        Progress::default(),
        cfg(),
        0,
        Some(0),
    );
    app.class = Some(Box::new(ClassUi::Teacher(TeacherUi::default())));
    let mut t = Side {
        app,
        link: ClassLink::teacher(Arc::clone(&server), notices),
    };
    let (tx, rx) = std::sync::mpsc::channel();
    let client = Client::start(
        client::Config {
            path,
            code: "LIVE42".into(),
            name: Some("ana".into()),
            token: 7,
        },
        move |e| {
            let _ = tx.send(e);
        },
    );
    let open: OpenLesson = Box::new(|id, _| {
        let lesson = Catalog::builtin().find(id).map_err(|_| id.to_string())?;
        session::open(lesson, &Progress::default(), None, Some(0))
            .map(|o| o.session)
            .map_err(|e| e.to_string())
    });
    let mut l = Side {
        app: App::learner_waiting(Progress::default(), cfg()),
        link: ClassLink::learner(client, rx, open),
    };
    settle(
        &mut t,
        &mut l,
        "the learner joins and gets the lesson",
        |t, l| index(l) == Some(0) && snapshot(t).is_some_and(|s| s.learners.len() == 1),
    );
    (t, l, server)
}

/// The instructor jumps to step `i` (0-based) with `:`.
fn jump(t: &mut Side, i: usize) {
    t.key(Message::JumpStart);
    for d in (i + 1).to_string().bytes() {
        t.key(Message::JumpDigit(d - b'0'));
    }
    t.key(Message::JumpConfirm);
}

#[test]
fn a_learner_app_follows_the_instructor_app_over_a_real_socket() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = ch04();
    let own_case = lesson.step_index("own-case").unwrap();
    let train = lesson.step_index("train-sgd").unwrap();
    let (mut t, mut l, server) = class_of(dir.path(), "ch04");
    assert_eq!(
        l.app.learner().unwrap().follow.standing(),
        Standing::Following
    );

    // The instructor jumps to `own-case` with `:`; the learner follows.
    jump(&mut t, own_case);
    settle(&mut t, &mut l, "the learner follows the jump", |_, l| {
        index(l) == Some(own_case)
    });

    // Locked: the learner's step away is refused and nothing moves.
    t.key(Message::Class(ClassKey::Lock));
    settle(&mut t, &mut l, "the lock arrives", |_, l| {
        l.learner().unwrap().follow.instructor().locked
    });
    l.key(Message::Prev);
    assert_eq!(index(&l.app), Some(own_case));

    // The learner's own right answer reaches the instructor's panel.
    let right = match &l.app.screen {
        Screen::Lesson(s) => s.session.case("own-dw").unwrap().unwrap().answer()[[0, 0]],
        Screen::Home { .. } => unreachable!(),
    };
    l.key(Message::Quiz(QuizKey::Enter));
    for c in format!("{right:.4}").chars() {
        l.key(Message::Quiz(QuizKey::Char(c)));
    }
    l.key(Message::Quiz(QuizKey::Enter));
    settle(&mut t, &mut l, "the answer is tallied", |t, _| {
        snapshot(t).is_some_and(|s| {
            s.questions
                .iter()
                .any(|q| q.question == "own-dw" && q.right == 1 && q.answered == 1)
        })
    });

    // A reveal opens the learner's panel with the class's counts.
    t.key(Message::Class(ClassKey::Reveal));
    settle(&mut t, &mut l, "the reveal arrives", |_, l| {
        l.class_panel()
            && (l.learner().unwrap().follow.instructor().reveal.as_ref())
                .is_some_and(|r| r.iter().any(|q| q.question == "own-dw" && q.right == 1))
    });
    let revealed = l.app.learner().unwrap().follow.instructor().reveal.clone();
    assert!(
        revealed
            .unwrap()
            .iter()
            .all(|q| q.step == "own-case" && q.wrong == 0),
        "only this step's questions"
    );
    assert_eq!(
        server
            .snapshot()
            .questions
            .iter()
            .find(|q| q.question == "own-dw")
            .map(|q| q.right),
        Some(1)
    );

    // On a training step the learner's run follows the instructor's seed,
    // η, batch size and epoch.
    jump(&mut t, train);
    for k in [
        DashKey::NewSeed,
        DashKey::LearningRateUp,
        DashKey::CycleBatch,
    ] {
        t.key(Message::Dash(k));
    }
    for _ in 0..3 {
        t.key(Message::Dash(DashKey::Epoch));
    }
    let teacher_run = run_of(&t.app).unwrap();
    assert_eq!(teacher_run.0, 3);
    settle(&mut t, &mut l, "the learner's run follows", |t, l| {
        run_of(l).is_some() && run_of(l) == run_of(t)
    });
    let loss = |app: &App| match &app.screen {
        Screen::Lesson(s) => match &s.step {
            StepState::Train(d) => d.training().shown().map(|r| r.train_loss),
            _ => None,
        },
        Screen::Home { .. } => None,
    };
    assert_eq!(
        loss(&l.app),
        loss(&t.app),
        "the same run gives the same loss"
    );

    // The end frees the learner, who stays where they are.
    t.key(Message::Class(ClassKey::End));
    t.key(Message::Class(ClassKey::End));
    assert!(!t.app.running);
    settle(&mut t, &mut l, "the end arrives", |_, l| {
        l.learner().unwrap().follow.standing() == Standing::Ended
    });
    l.key(Message::Prev);
    assert_eq!(index(&l.app), Some(train - 1), "free after the end");
}

/// A comparison's (epochs, playing, each run's last (epoch, loss)).
type CompareSeen = (usize, bool, Vec<Option<(usize, f64)>>);

fn compare_of(app: &App) -> Option<CompareSeen> {
    let Screen::Lesson(s) = &app.screen else {
        return None;
    };
    let StepState::Compare(v) = &s.step else {
        return None;
    };
    let c = v.comparison();
    let last = (c.runs().iter())
        .map(|r| r.trainer.history().last().map(|h| (h.epoch, h.train_loss)))
        .collect();
    Some((c.epochs(), c.playing(), last))
}

/// A landscape's (η scale, gradient steps per run, playing, each path's
/// last point).
type LandscapeSeen = (f64, Vec<u64>, bool, Vec<Option<(u64, f64, f64)>>);

fn landscape_of(app: &App) -> Option<LandscapeSeen> {
    let Screen::Lesson(s) = &app.screen else {
        return None;
    };
    let StepState::Landscape(v) = &s.step else {
        return None;
    };
    let land = v.landscape();
    let ends = (land.paths().iter())
        .map(|p| p.points().last().copied())
        .collect();
    Some((land.rate_scale(), land.iterations(), land.playing(), ends))
}

/// A plot's (exercise η, steps shown, playing).
fn plot_of(app: &App) -> Option<(f64, usize, bool)> {
    let Screen::Lesson(s) = &app.screen else {
        return None;
    };
    let StepState::Plot(v) = &s.step else {
        return None;
    };
    let p = v.plot();
    Some((p.learning_rates()?.1, p.shown(), p.playing()))
}

#[test]
fn a_learner_app_follows_comparisons_landscapes_and_plots() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = ch04();
    let compare = lesson.step_index("compare-batches").unwrap();
    let land = lesson.step_index("landscape-batches").unwrap();
    let (mut t, mut l, _server) = class_of(dir.path(), "ch04");

    // A comparison: the instructor skips the prediction and takes three
    // epochs; the learner, predicting meanwhile, starts at them once done.
    jump(&mut t, compare);
    t.key(Message::Predict(PredictKey::Skip));
    for _ in 0..3 {
        t.key(Message::Dash(DashKey::Epoch));
    }
    assert_eq!(compare_of(&t.app).unwrap().0, 3);
    settle(&mut t, &mut l, "the learner hears epoch 3", |_, l| {
        index(l) == Some(compare) && l.learner().unwrap().follow.instructor().run.epoch == 3
    });
    assert!(compare_of(&l.app).is_none(), "the prediction comes first");
    l.key(Message::Predict(PredictKey::Skip));
    assert_eq!(compare_of(&l.app), compare_of(&t.app));
    for _ in 0..2 {
        t.key(Message::Dash(DashKey::Epoch));
    }
    settle(&mut t, &mut l, "the comparison follows on", |t, l| {
        compare_of(l).is_some_and(|c| c.0 == 5) && compare_of(l) == compare_of(t)
    });
    t.key(Message::Dash(DashKey::Restart));
    settle(&mut t, &mut l, "the comparison starts again", |t, l| {
        compare_of(l).is_some_and(|c| c.0 == 0) && compare_of(l) == compare_of(t)
    });
    t.key(Message::Dash(DashKey::PlayPause));
    settle(&mut t, &mut l, "the comparison plays", |_, l| {
        compare_of(l).is_some_and(|c| c.1)
    });

    // A landscape: η doubled, five updates and an epoch; the same paths.
    jump(&mut t, land);
    t.key(Message::Dash(DashKey::LearningRateUp));
    for _ in 0..5 {
        t.key(Message::Dash(DashKey::Iteration));
    }
    t.key(Message::Dash(DashKey::Epoch));
    let seen = landscape_of(&t.app).unwrap();
    assert_eq!(seen.0, 2.0);
    assert!(seen.1.iter().all(|&n| n > 5), "{:?}", seen.1);
    settle(&mut t, &mut l, "the landscape follows", |t, l| {
        index(l) == Some(land) && landscape_of(l) == landscape_of(t)
    });
    // Started again by the instructor: the learner, ahead, starts again.
    t.key(Message::Dash(DashKey::Restart));
    settle(&mut t, &mut l, "the landscape starts again", |t, l| {
        landscape_of(l).is_some_and(|s| s.1.iter().all(|&n| n == 0))
            && landscape_of(l) == landscape_of(t)
    });
    t.key(Message::Dash(DashKey::PlayPause));
    settle(&mut t, &mut l, "the landscape plays", |_, l| {
        landscape_of(l).is_some_and(|s| s.2)
    });

    // A plot's exercise: η doubled, four steps.
    let dir = tempfile::tempdir().unwrap();
    let ch08 = Catalog::builtin().get("ch08").unwrap().load().unwrap();
    let plot = ch08.step_index("saturation-run").unwrap();
    let (mut t, mut l, _server) = class_of(dir.path(), "ch08");
    jump(&mut t, plot);
    t.key(Message::Dash(DashKey::LearningRateUp));
    for _ in 0..4 {
        t.key(Message::Dash(DashKey::Epoch));
    }
    let seen = plot_of(&t.app).unwrap();
    assert_eq!((seen.1, seen.2), (4, false));
    assert!(
        (seen.0 - 0.4).abs() < 1e-12,
        "η doubled from 0.2: {}",
        seen.0
    );
    settle(&mut t, &mut l, "the plot follows", |t, l| {
        index(l) == Some(plot) && plot_of(l) == plot_of(t)
    });
    t.key(Message::Dash(DashKey::Restart));
    settle(&mut t, &mut l, "the plot starts again", |t, l| {
        plot_of(l).is_some_and(|p| p.1 == 0) && plot_of(l) == plot_of(t)
    });
}
