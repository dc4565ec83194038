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

#[test]
fn a_learner_app_follows_the_instructor_app_over_a_real_socket() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("class.sock");
    let lesson = ch04();
    let own_case = lesson.step_index("own-case").unwrap();
    let train = lesson.step_index("train-sgd").unwrap();
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
                id: "ch04".into(),
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
    assert_eq!(
        l.app.learner().unwrap().follow.standing(),
        Standing::Following
    );

    // The instructor jumps to `own-case` with `:`; the learner follows.
    t.key(Message::JumpStart);
    for d in (own_case + 1).to_string().bytes() {
        t.key(Message::JumpDigit(d - b'0'));
    }
    t.key(Message::JumpConfirm);
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
    t.key(Message::JumpStart);
    for d in (train + 1).to_string().bytes() {
        t.key(Message::JumpDigit(d - b'0'));
    }
    t.key(Message::JumpConfirm);
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
