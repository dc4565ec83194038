#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! The app's behaviour without a terminal: messages in, state out.

use nnstep::lesson::{Catalog, Lang};
use nnstep::progress::{Change, Progress};
use nnstep::quiz::Outcome;
use nnstep::tui::app::{Input, Origin, Overlay, Screen, StepState};
use nnstep::tui::keymap::{Context, Key, message_for};
use nnstep::tui::quiz_view::QuizKey;
use nnstep::tui::{self, App, Config, Message, Theme, update};
use nnstep::words::{Does, Done as Action};

fn config() -> Config {
    Config {
        lang: Lang::En,
        theme: Theme::new(false, None),
        seed: None,
    }
}

fn home() -> App {
    App::home(
        tui::entries(&Catalog::builtin()),
        Progress::default(),
        config(),
    )
}

/// Chapter 4 opened (at a 0-based step, or where progress says).
fn opened(step: Option<usize>) -> App {
    let entries = tui::entries(&Catalog::builtin());
    let ch04 = entries.iter().position(|e| e.id == "ch04").unwrap();
    App::open(entries, Progress::default(), config(), ch04, step)
}

/// Steps in chapter 4.
fn ch04_len() -> usize {
    Catalog::builtin()
        .get("ch04")
        .unwrap()
        .load()
        .unwrap()
        .steps
        .len()
}

/// The current step (1-based) and the last action.
fn at(app: &App) -> (usize, Action) {
    match &app.screen {
        Screen::Lesson(l) => (l.session.index() + 1, l.last.clone()),
        Screen::Home { .. } => panic!("not in a lesson"),
    }
}

fn send(app: &mut App, msgs: &[Message]) {
    for m in msgs {
        update(app, *m);
    }
}

fn press(app: &mut App, keys: &[Key]) {
    for k in keys {
        if let Some(m) = message_for(*k, app.context()) {
            update(app, m);
        }
    }
}

#[test]
fn next_and_previous_move_one_step_and_say_so() {
    let mut app = opened(None);
    assert_eq!(at(&app), (1, Action::Opened));
    send(&mut app, &[Message::Next, Message::Next]);
    assert_eq!(at(&app), (3, Action::Key(Does::Next)));
    send(&mut app, &[Message::Prev]);
    assert_eq!(at(&app), (2, Action::Key(Does::Prev)));
}

#[test]
fn moving_past_either_end_stays_and_says_why() {
    let mut app = opened(None);
    send(&mut app, &[Message::Prev]);
    assert_eq!(at(&app), (1, Action::AtStart));
    send(&mut app, &[Message::Last, Message::Next]);
    assert_eq!(at(&app), (ch04_len(), Action::OfferNext));
    send(&mut app, &[Message::StayInLesson, Message::First]);
    assert_eq!(at(&app), (1, Action::Key(Does::First)));
}

#[test]
fn colon_number_enter_jumps_to_that_step() {
    let mut app = opened(None);
    // Step 14 of ch04 is a table, so the context goes back to Lesson.
    press(&mut app, &[Key::Char(':'), Key::Char('1'), Key::Char('4')]);
    assert_eq!(app.context(), Context::Jump);
    press(&mut app, &[Key::Enter]);
    assert_eq!(at(&app), (14, Action::Jumped(14)));
    assert_eq!(app.context(), Context::Lesson);
}

#[test]
fn jumping_to_a_step_that_does_not_exist_stays_put() {
    let mut app = opened(Some(4));
    press(
        &mut app,
        &[Key::Char(':'), Key::Char('9'), Key::Char('9'), Key::Enter],
    );
    let len = ch04_len();
    assert_eq!(at(&app), (5, Action::NoSuchStep { asked: 99, len }));
    press(&mut app, &[Key::Char(':'), Key::Enter]);
    assert_eq!(at(&app).0, 5);
}

#[test]
fn jump_can_be_corrected_and_cancelled() {
    let mut app = opened(None);
    press(
        &mut app,
        &[
            Key::Char(':'),
            Key::Char('9'),
            Key::Backspace,
            Key::Char('3'),
        ],
    );
    let Screen::Lesson(l) = &app.screen else {
        panic!()
    };
    assert_eq!(l.input, Input::Jump("3".into()));
    press(&mut app, &[Key::Char('q')]);
    assert_eq!(app.context(), Context::Lesson);
    assert_eq!(at(&app).0, 1);
    assert!(app.running, "q while typing a number only cancels it");
}

#[test]
fn q_leaves_a_lesson_for_the_list_then_quits() {
    let mut app = home();
    press(&mut app, &[Key::Enter]);
    assert!(matches!(app.screen, Screen::Lesson(_)));
    press(&mut app, &[Key::Char('q')]);
    assert!(matches!(app.screen, Screen::Home { selected: 0 }));
    assert!(app.running);
    press(&mut app, &[Key::Char('q')]);
    assert!(!app.running);
}

#[test]
fn q_in_a_lesson_opened_from_the_command_line_quits() {
    let mut app = opened(None);
    assert_eq!(app.origin, Origin::Direct);
    press(&mut app, &[Key::Char('q')]);
    assert!(!app.running);
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    for mut app in [home(), opened(None)] {
        update(&mut app, Message::ToggleHelp);
        press(&mut app, &[Key::Interrupt]);
        assert!(!app.running);
    }
}

#[test]
fn help_opens_and_closes_and_blocks_moves_while_open() {
    let mut app = opened(None);
    press(&mut app, &[Key::Char('?')]);
    assert_eq!(app.overlay, Overlay::Help);
    press(&mut app, &[Key::Right]);
    assert_eq!(at(&app).0, 1);
    press(&mut app, &[Key::Char('q')]);
    assert_eq!(app.overlay, Overlay::None);
    assert!(app.running, "q closes the help, it does not quit");
}

#[test]
fn l_switches_the_language_live() {
    let mut app = opened(None);
    press(&mut app, &[Key::Char('L')]);
    assert_eq!(app.lang, Lang::Zh);
    assert_eq!(at(&app).1, Action::Language);
    press(&mut app, &[Key::Char('L')]);
    assert_eq!(app.lang, Lang::En);
}

#[test]
fn scrolling_stops_at_the_end_of_the_page_and_resets_on_a_new_step() {
    let mut app = opened(Some(6));
    update(&mut app, Message::Resize(60, 20));
    send(&mut app, &[Message::PageDown; 10]);
    let scroll = |app: &App| match &app.screen {
        Screen::Lesson(l) => match l.step {
            StepState::Page { scroll } => scroll,
            _ => panic!("step {} is not a page", l.session.index() + 1),
        },
        Screen::Home { .. } => panic!(),
    };
    let bottom = scroll(&app);
    assert!(
        bottom > 0,
        "the gradient-descent step is longer than 15 rows at 60×20"
    );
    send(&mut app, &[Message::ScrollDown]);
    assert_eq!(scroll(&app), bottom);
    send(&mut app, &[Message::ScrollUp]);
    assert_eq!(scroll(&app), bottom - 1);
    // Growing the window pulls the page back so no empty rows show.
    update(&mut app, Message::Resize(200, 50));
    assert_eq!(scroll(&app), 0);
    send(&mut app, &[Message::ScrollDown, Message::Next]);
    assert_eq!(scroll(&app), 0);
}

#[test]
fn every_step_shown_is_recorded_for_saving_by_id() {
    let mut app = opened(None);
    send(&mut app, &[Message::Next, Message::Next, Message::Next]);
    let changes = app.take_changes();
    let steps: Vec<&str> = changes
        .iter()
        .map(|c| match c {
            Change::Visit { step, .. } => step.as_str(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(steps, ["problem", "data", "loss", "least-squares"]);
    assert!(app.take_changes().is_empty());
    assert_eq!(
        app.progress.seen_count("ch04", ["problem", "data", "loss"]),
        3
    );
}

#[test]
fn opening_a_lesson_resumes_at_the_saved_step() {
    let mut p = Progress::default();
    p.apply(
        &Change::Visit {
            lesson: "ch04".into(),
            step: "update".into(),
        },
        0,
    );
    let mut app = App::home(tui::entries(&Catalog::builtin()), p, config());
    // The list selects the lesson opened last; Enter opens it where the
    // learner stopped (c goes to the first unfinished step instead).
    press(&mut app, &[Key::Enter]);
    assert_eq!(at(&app), (8, Action::Resumed));
}

#[test]
fn a_saved_step_id_the_lesson_no_longer_has_starts_at_the_beginning() {
    let mut p = Progress::default();
    p.apply(
        &Change::Visit {
            lesson: "ch04".into(),
            step: "renamed-long-ago".into(),
        },
        0,
    );
    let app = App::open(tui::entries(&Catalog::builtin()), p, config(), 0, None);
    assert_eq!(at(&app), (1, Action::Opened));
}

#[test]
fn a_lesson_that_does_not_load_is_listed_but_does_not_open() {
    let entries = vec![tui::Entry::broken("broken.yaml", 3)];
    let mut app = App::home(entries, Progress::default(), config());
    press(&mut app, &[Key::Enter, Key::Char('c'), Key::Down, Key::Up]);
    assert!(matches!(app.screen, Screen::Home { selected: 0 }));
}

#[test]
fn a_graded_answer_is_queued_for_saving_and_restored_on_reopening() {
    let by_hand = Catalog::builtin().get("ch04").unwrap().load().unwrap();
    let by_hand = by_hand.step_index("by-hand").unwrap();
    let mut app = opened(Some(by_hand));
    app.take_changes();
    let mut msgs = vec![Message::Quiz(QuizKey::Enter)];
    msgs.extend("999".chars().map(|c| Message::Quiz(QuizKey::Char(c))));
    msgs.push(Message::Quiz(QuizKey::Enter));
    send(&mut app, &msgs);
    let changes = app.take_changes();
    let [Change::Quiz { lesson, record }] = changes.as_slice() else {
        panic!("{changes:?}");
    };
    assert_eq!(lesson, "ch04");
    assert_eq!(
        (record.step.as_str(), record.question.as_str()),
        ("by-hand", "z")
    );
    assert_eq!(
        (record.attempts_added, record.outcome),
        (1, Outcome::Missed)
    );
    assert_eq!(app.progress.lesson("ch04").unwrap().quiz.len(), 1);

    let entries = tui::entries(&Catalog::builtin());
    let ch04 = entries.iter().position(|e| e.id == "ch04").unwrap();
    let again = App::open(entries, app.progress.clone(), config(), ch04, Some(by_hand));
    let Screen::Lesson(l) = &again.screen else {
        panic!("not in a lesson");
    };
    assert_eq!(l.session.state_of("by-hand", "z").attempts, 1);
}

fn lesson_id(app: &App) -> &str {
    match &app.screen {
        Screen::Lesson(l) => &l.session.lesson().id,
        Screen::Home { .. } => panic!("not in a lesson"),
    }
}

fn input(app: &App) -> Input {
    match &app.screen {
        Screen::Lesson(l) => l.input.clone(),
        Screen::Home { .. } => panic!("not in a lesson"),
    }
}

#[test]
fn right_arrow_alone_goes_from_the_last_step_to_the_next_chapter_after_a_confirmation() {
    let mut app = opened(Some(ch04_len() - 1));
    press(&mut app, &[Key::Right]);
    assert_eq!(at(&app), (ch04_len(), Action::OfferNext));
    assert!(matches!(input(&app), Input::NextLesson(_)));
    assert_eq!(app.context(), Context::Confirm);
    press(&mut app, &[Key::Right]);
    assert_eq!(lesson_id(&app), "ch05");
    assert_eq!(at(&app), (1, Action::Opened));
    assert_eq!(input(&app), Input::Normal);
    // Right alone walks on through ch05 (training steps included) to ch06.
    let ch05 = Catalog::builtin().get("ch05").unwrap().load().unwrap();
    for _ in 0..ch05.steps.len() + 1 {
        press(&mut app, &[Key::Right]);
    }
    assert_eq!(lesson_id(&app), "ch06");
    assert_eq!(app.origin, Origin::Direct, "q still quits as before");
}

#[test]
fn the_next_chapter_opens_where_the_learner_left_it() {
    let ch05 = Catalog::builtin().get("ch05").unwrap().load().unwrap();
    let mut p = Progress::default();
    for s in &ch05.steps[..3] {
        p.apply(
            &Change::Visit {
                lesson: "ch05".into(),
                step: s.id.clone(),
            },
            1,
        );
    }
    let entries = tui::entries(&Catalog::builtin());
    let ch04 = entries.iter().position(|e| e.id == "ch04").unwrap();
    let mut app = App::open(entries, p, config(), ch04, Some(ch04_len() - 1));
    press(&mut app, &[Key::Right, Key::Right]);
    assert_eq!(lesson_id(&app), "ch05");
    assert_eq!(at(&app), (4, Action::Continued(4)));
}

#[test]
fn esc_declines_the_next_chapter_and_stays_on_the_last_step() {
    let mut app = opened(Some(ch04_len() - 1));
    press(&mut app, &[Key::Right, Key::Esc]);
    assert_eq!(lesson_id(&app), "ch04");
    assert_eq!(at(&app), (ch04_len(), Action::Key(Does::StayInLesson)));
    assert_eq!(input(&app), Input::Normal);
    assert!(app.running, "Esc in the offer does not leave the lesson");
}

#[test]
fn the_last_lesson_says_it_is_the_last() {
    let entries = tui::entries(&Catalog::builtin());
    let last = entries.len() - 1;
    let n = entries[last].header.as_ref().unwrap().len();
    let mut app = App::open(entries, Progress::default(), config(), last, Some(n - 1));
    press(&mut app, &[Key::Right]);
    assert_eq!(at(&app), (n, Action::LastLesson));
    assert_eq!(input(&app), Input::Normal);
}

#[test]
fn c_on_the_list_opens_the_first_unseen_step_then_the_next_lesson() {
    let ch04 = Catalog::builtin().get("ch04").unwrap().load().unwrap();
    let mut p = Progress::default();
    p.apply(
        &Change::Visit {
            lesson: "ch04".into(),
            step: ch04.steps[0].id.clone(),
        },
        1,
    );
    let mut app = App::home(tui::entries(&Catalog::builtin()), p.clone(), config());
    press(&mut app, &[Key::Char('c')]);
    assert_eq!(lesson_id(&app), "ch04");
    assert_eq!(at(&app), (2, Action::Continued(2)));
    // Every step seen: the first quiz step with an open question is next.
    for s in &ch04.steps {
        p.apply(
            &Change::Visit {
                lesson: "ch04".into(),
                step: s.id.clone(),
            },
            1,
        );
    }
    let quiz = ch04
        .steps
        .iter()
        .position(|s| !s.kind.questions().is_empty());
    let mut app = App::home(tui::entries(&Catalog::builtin()), p.clone(), config());
    press(&mut app, &[Key::Char('c')]);
    assert_eq!(lesson_id(&app), "ch04");
    assert_eq!(at(&app).0, quiz.unwrap() + 1);
    // Every question answered too: the lesson is done, c opens ch05.
    for (step, q) in ch04.quiz_questions() {
        let record = nnstep::quiz::QuestionRecord {
            step: step.into(),
            question: q.into(),
            attempts: 1,
            hints_used: 0,
            solution_seen: false,
            outcome: Outcome::Missed,
        };
        p.apply(
            &Change::Quiz {
                lesson: "ch04".into(),
                record: record.into(),
            },
            1,
        );
    }
    let mut app = App::home(tui::entries(&Catalog::builtin()), p, config());
    press(&mut app, &[Key::Char('c')]);
    assert_eq!(lesson_id(&app), "ch05");
    assert_eq!(at(&app), (1, Action::Continued(1)));
}
