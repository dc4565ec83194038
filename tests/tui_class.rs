#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! A class in the full-screen program, drawn on a `TestBackend` at 80×24 in
//! English and Chinese, with and without `--ascii`: the instructor's screen
//! with the class panel after a quiz (one right, one sign slip, one not
//! answered), and a learner's screens (waiting, following, away, the lock's
//! refusal, held, revealed), with what each key queues for the class.

use nnstep::class::protocol::ClassState;
use nnstep::class::tally::{Kept, LearnerInfo, tally};
use nnstep::class::{Answer, Mark, Notice, SlipKind, Snapshot};
use nnstep::lesson::{Catalog, Lang, Lesson};
use nnstep::progress::Progress;
use nnstep::session;
use nnstep::tui::class_ui::{
    self, ClassKey, ClassUi, LEARNER, LearnerCmd, LearnerEvent, TEACHER, TeacherCmd, TeacherUi,
};
use nnstep::tui::keymap::{self, Context};
use nnstep::tui::quiz_view::QuizKey;
use nnstep::tui::{App, Config, Entry, Message, Theme, update};
use nnstep::words::class_tally;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const W: u16 = 80;
const H: u16 = 24;

fn ch04() -> Lesson {
    Catalog::builtin().get("ch04").unwrap().load().unwrap()
}

fn own_case() -> usize {
    ch04().step_index("own-case").unwrap()
}

fn cfg(lang: Lang, ascii: bool) -> Config {
    Config {
        lang,
        theme: Theme::new(ascii, None),
        seed: None,
    }
}

/// The screen as text, a double-width character counted once.
fn draw(app: &App) -> String {
    draw_at(app, H)
}

/// The screen drawn `h` rows high (80 wide).
fn draw_at(app: &App, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(W, h)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buf = t.backend().buffer().clone();
    (0..h)
        .map(|y| {
            let mut line = String::new();
            let mut skip = false;
            for x in 0..W {
                if skip {
                    skip = false;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                skip = sym.width() == 2;
                line.push_str(sym);
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn fold(s: &str, ascii: bool) -> String {
    if ascii {
        nnstep::text::ascii::fold(s).into_owned()
    } else {
        s.to_string()
    }
}

/// Every row is exactly the width (nothing spills), and with `--ascii`
/// nothing but Chinese text is outside ASCII.
fn check_screen(screen: &str, ascii: bool, what: &str) {
    for (i, row) in screen.lines().enumerate() {
        assert_eq!(
            row.width(),
            usize::from(W),
            "{what}: row {i} is not 80 wide:\n{screen}"
        );
        if ascii {
            for c in row.chars() {
                assert!(
                    c.is_ascii() || c.width() == Some(2) || c == '…',
                    "{what}: {c:?} in --ascii:\n{screen}"
                );
            }
        }
    }
}

fn answer(mark: Mark, slip: Option<SlipKind>, secs: f64) -> Answer {
    Answer {
        step: "own-case".into(),
        question: "own-dw".into(),
        mark,
        slip,
        tries: 1,
        hints: 0,
        secs,
    }
}

/// Three learners on `own-case`: one right, one wrong by sign, one silent.
fn snapshot() -> Snapshot {
    let mut right = Kept::default();
    right.take(answer(Mark::Right, None, 20.0));
    let mut sign = Kept::default();
    sign.take(answer(Mark::Wrong, Some(SlipKind::Sign), 30.0));
    let kept = [right, sign];
    let questions = vec![
        tally("own-case", "own-dw", kept.iter(), 3),
        tally("own-case", "own-db", std::iter::empty(), 3),
    ];
    let learner = |name: Option<&str>, away| LearnerInfo {
        name: name.map(str::to_string),
        away,
        done: false,
    };
    Snapshot {
        class: "demo".into(),
        lesson: "ch04".into(),
        state: ClassState {
            step: own_case(),
            step_id: "own-case".into(),
            learners: 3,
            ..ClassState::default()
        },
        learners: vec![
            learner(Some("ana"), false),
            learner(Some("小明"), false),
            learner(None, true),
        ],
        questions,
        wrong_codes: 1,
        refused_full: 0,
        dropped: 0,
    }
}

fn teacher(lang: Lang, ascii: bool) -> App {
    let entries = vec![Entry::loaded(ch04())];
    let mut app = App::open(
        entries,
        Progress::default(),
        cfg(lang, ascii),
        0,
        Some(own_case()),
    );
    let mut recent = std::collections::VecDeque::new();
    recent.push_back(Notice::Joined { learners: 3 });
    recent.push_back(Notice::WrongCode);
    app.class = Some(Box::new(ClassUi::Teacher(TeacherUi {
        panel: true,
        snapshot: Some(snapshot()),
        recent,
        join: Some(("ABCDEF".into(), "demo".into())),
        ..TeacherUi::default()
    })));
    update(&mut app, Message::Resize(W, H));
    app
}

#[test]
fn the_instructor_sees_the_tally_of_the_step_in_the_class_panel() {
    for lang in [Lang::En, Lang::Zh] {
        for ascii in [false, true] {
            let app = teacher(lang, ascii);
            let screen = draw(&app);
            let what = format!("{lang:?} ascii={ascii}");
            check_screen(&screen, ascii, &what);
            let expect: &[&str] = match lang {
                Lang::En => &[
                    "3 learners, 1 away",
                    "For this sample, what is dw?  answered 2/3 · right 1 · close 0 · wrong 1",
                    "slips: sign 1 · median 25 s",
                    "And db?                       answered 0/3 · right 0 · close 0 · wrong 0",
                    "slips: none yet",
                    "Step 10: Your own numbers",
                    "Code ABCDEF",
                    "A wrong join code was refused.",
                    "c class",
                ],
                Lang::Zh => &[
                    "3 名学员，1 人离开",
                    "对这个样本，dw 是多少？  已答 2/3 · 对 1 · 接近 0 · 错 1",
                    "失误：符号 1 · 用时中位数 25 秒",
                    "失误：暂无",
                    "第 10 步：你自己的数字",
                    "加入码 ABCDEF",
                    "拒绝了一个错误的加入码。",
                    "c 课堂",
                ],
            };
            for e in expect {
                assert!(
                    screen.contains(&fold(e, ascii)),
                    "{what}: {e:?} not on\n{screen}"
                );
            }
            if lang == Lang::En && !ascii {
                insta::assert_snapshot!("class_teacher_panel_en", screen);
            }
            if lang == Lang::Zh && !ascii {
                insta::assert_snapshot!("class_teacher_panel_zh", screen);
            }
        }
    }
}

#[test]
fn the_instructor_keys_queue_lock_hold_reveal_and_end_twice() {
    let mut app = teacher(Lang::En, false);
    update(&mut app, Message::Class(ClassKey::Panel));
    assert!(!app.class_panel());
    let screen = draw(&app);
    assert!(screen.contains("class panel hidden"), "{screen}");
    for k in [ClassKey::Lock, ClassKey::Hold, ClassKey::Reveal] {
        update(&mut app, Message::Class(k));
    }
    assert!(app.class_panel(), "reveal shows the panel");
    let screen = draw(&app);
    assert!(
        screen.contains("3 learners, 1 away · locked · holding"),
        "{screen}"
    );
    update(&mut app, Message::Class(ClassKey::End));
    assert!(app.running, "one press only asks");
    assert!(draw(&app).contains("press X again to end the class"));
    update(&mut app, Message::Next);
    update(&mut app, Message::Class(ClassKey::End));
    assert!(app.running, "another key in between cancels the question");
    update(&mut app, Message::Class(ClassKey::End));
    assert!(!app.running);
    assert_eq!(
        app.teacher().unwrap().out,
        vec![
            TeacherCmd::Lock(true),
            TeacherCmd::Hold(true),
            TeacherCmd::Reveal,
            TeacherCmd::End
        ]
    );
}

#[test]
fn the_instructor_publishes_the_step_and_the_run() {
    let mut app = teacher(Lang::En, false);
    let (step, id, run) = class_ui::teacher_place(&app).unwrap();
    assert_eq!((step, id.as_str(), run.epoch), (own_case(), "own-case", 0));
    update(&mut app, Message::Next);
    let (step, ..) = class_ui::teacher_place(&app).unwrap();
    assert_eq!(step, own_case() + 1);
}

#[test]
fn class_keys_clash_with_no_screen_key_and_are_in_the_help_in_both_languages() {
    for ctx in keymap::STEP_CONTEXTS {
        for b in TEACHER.iter().chain(LEARNER) {
            for k in b.keys {
                assert!(
                    keymap::message_for(*k, ctx).is_none()
                        || matches!((ctx, k), (Context::Predict, keymap::Key::Char('E'))),
                    "{k:?} is already a key in {ctx:?}"
                );
            }
        }
    }
    for (lang, words) in [
        (
            Lang::En,
            [
                "class panel",
                "lock the class",
                "hold the class",
                "show the class",
                "end the class",
            ],
        ),
        (
            Lang::Zh,
            ["课堂面板", "锁定课堂", "停在这一步", "公布", "结束课堂"],
        ),
    ] {
        let mut app = teacher(lang, false);
        update(&mut app, Message::ToggleHelp);
        let mut seen = String::new();
        for _ in 0..40 {
            seen.push_str(&draw(&app));
            update(&mut app, Message::ScrollDown);
        }
        for w in words {
            assert!(seen.contains(w), "{lang:?}: {w:?} not in the help");
        }
    }
}

/// A learner's app with the lesson arrived and the instructor at `own-case`.
fn learner(lang: Lang, ascii: bool) -> App {
    let mut app = App::learner_waiting(Progress::default(), cfg(lang, ascii));
    update(&mut app, Message::Resize(W, H));
    class_ui::learner_event(&mut app, LearnerEvent::Joined);
    let s = session::open(ch04(), &Progress::default(), None, Some(0)).unwrap();
    class_ui::learner_event(&mut app, LearnerEvent::Lesson(Box::new(s.session)));
    class_ui::learner_event(&mut app, LearnerEvent::State(at_own_case()));
    app
}

fn at_own_case() -> ClassState {
    ClassState {
        step: own_case(),
        step_id: "own-case".into(),
        learners: 2,
        ..ClassState::default()
    }
}

fn header(screen: &str) -> String {
    screen.lines().take(2).collect::<Vec<_>>().join("\n")
}

fn out(app: &mut App) -> Vec<LearnerCmd> {
    std::mem::take(&mut app.learner_mut().unwrap().out)
}

#[test]
fn a_learner_waits_follows_steps_away_and_rejoins() {
    for lang in [Lang::En, Lang::Zh] {
        for ascii in [false, true] {
            let what = format!("{lang:?} ascii={ascii}");
            let (waiting, following, away, rejoin, step_now) = match lang {
                Lang::En => (
                    "waiting for the instructor",
                    "following",
                    "away — press F to rejoin",
                    "F rejoin",
                    "step 10/20",
                ),
                Lang::Zh => (
                    "正在等待讲师",
                    "跟随中",
                    "已离开——按 F 回到讲师处",
                    "F 回到讲师处",
                    "步骤 10/20",
                ),
            };
            let mut app = App::learner_waiting(Progress::default(), cfg(lang, ascii));
            update(&mut app, Message::Resize(W, H));
            let screen = draw(&app);
            check_screen(&screen, ascii, &what);
            assert!(screen.contains(&fold(waiting, ascii)), "{what}:\n{screen}");

            let mut app = learner(lang, ascii);
            let screen = draw(&app);
            check_screen(&screen, ascii, &what);
            let top = header(&screen);
            assert!(top.contains(&fold(step_now, ascii)), "{what}:\n{top}");
            assert!(top.contains(&fold(following, ascii)), "{what}:\n{top}");
            assert!(out(&mut app).is_empty());

            update(&mut app, Message::Prev);
            let screen = draw(&app);
            check_screen(&screen, ascii, &what);
            assert!(
                header(&screen).contains(&fold(away, ascii)),
                "{what}:\n{screen}"
            );
            let footer = screen.lines().last().unwrap();
            assert!(footer.contains(&fold(rejoin, ascii)), "{what}: {footer}");
            assert_eq!(out(&mut app), vec![LearnerCmd::Away(true)]);
            if lang == Lang::En && !ascii {
                insta::assert_snapshot!("class_learner_away_en", screen);
            }

            // The instructor moves on; the away learner stays.
            let mut next = at_own_case();
            next.step += 1;
            next.step_id = "neuron".into();
            class_ui::learner_event(&mut app, LearnerEvent::State(next));
            assert!(header(&draw(&app)).contains(&fold(away, ascii)));

            update(&mut app, Message::Class(ClassKey::Rejoin));
            let top = header(&draw(&app));
            assert!(top.contains(&fold(following, ascii)), "{what}:\n{top}");
            let step11 = step_now.replace("10/", "11/");
            assert!(top.contains(&fold(&step11, ascii)), "{what}:\n{top}");
            assert_eq!(out(&mut app), vec![LearnerCmd::Away(false)]);

            class_ui::learner_event(&mut app, LearnerEvent::Waiting);
            let screen = draw(&app);
            check_screen(&screen, ascii, &what);
            assert!(
                header(&screen).contains(&fold(waiting, ascii)),
                "{what}:\n{screen}"
            );
        }
    }
}

#[test]
fn a_locked_class_refuses_stepping_away_with_the_reason() {
    for lang in [Lang::En, Lang::Zh] {
        for ascii in [false, true] {
            let what = format!("{lang:?} ascii={ascii}");
            let mut app = learner(lang, ascii);
            update(&mut app, Message::Next);
            assert_eq!(out(&mut app), vec![LearnerCmd::Away(true)]);
            let locked = ClassState {
                locked: true,
                ..at_own_case()
            };
            class_ui::learner_event(&mut app, LearnerEvent::State(locked));
            // The lock called the learner back.
            let top = header(&draw(&app));
            let (step_now, reason, locked_word) = match lang {
                Lang::En => (
                    "step 10/20",
                    "Locked by the instructor: you follow along for now.",
                    "following (locked)",
                ),
                Lang::Zh => (
                    "步骤 10/20",
                    "讲师已锁定课堂：现在请跟随讲师。",
                    "跟随中（已锁定）",
                ),
            };
            assert!(top.contains(&fold(step_now, ascii)), "{what}:\n{top}");
            assert!(top.contains(&fold(locked_word, ascii)), "{what}:\n{top}");
            for msg in [
                Message::Next,
                Message::Prev,
                Message::Last,
                Message::JumpStart,
            ] {
                update(&mut app, msg);
                let screen = draw(&app);
                check_screen(&screen, ascii, &what);
                let top = header(&screen);
                assert!(
                    top.contains(&fold(step_now, ascii)),
                    "{what} {msg:?} moved:\n{top}"
                );
                assert!(top.contains(&fold(reason, ascii)), "{what} {msg:?}:\n{top}");
                if lang == Lang::Zh && !ascii && msg == Message::Next {
                    insta::assert_snapshot!("class_learner_locked_zh", screen);
                }
            }
            assert!(
                out(&mut app).is_empty(),
                "nothing is sent for a refused key"
            );
            // Looking is still allowed.
            update(&mut app, Message::Class(ClassKey::Panel));
            assert!(app.class_panel());
            assert!(!header(&draw(&app)).contains(&fold(reason, ascii)));
        }
    }
}

#[test]
fn a_learner_answers_with_their_own_numbers_and_the_results_go_out() {
    let mut app = learner(Lang::En, false);
    let (right, case_seed) = {
        let nnstep::tui::app::Screen::Lesson(l) = &app.screen else {
            panic!("no lesson")
        };
        let case = l.session.case("own-dw").unwrap().unwrap();
        (case.answer()[[0, 0]], l.session.question_seed("own-dw"))
    };
    // Another learner (another identity) gets other numbers.
    let other = Progress {
        learner: Some(42),
        ..Progress::default()
    };
    let s = session::open(ch04(), &other, None, Some(own_case()))
        .unwrap()
        .session;
    assert_ne!(s.question_seed("own-dw"), case_seed);

    let typed = |app: &mut App, text: &str| {
        for c in text.chars() {
            update(app, Message::Quiz(QuizKey::Char(c)));
        }
        update(app, Message::Quiz(QuizKey::Enter));
    };
    update(&mut app, Message::Quiz(QuizKey::Enter));
    typed(&mut app, &format!("{}", -right));
    typed(&mut app, &format!("{right:.4}"));
    let sent = out(&mut app);
    let marks: Vec<_> = sent
        .iter()
        .map(|c| match c {
            LearnerCmd::Result(a) => (a.question.as_str(), a.mark, a.slip, a.tries),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        marks,
        vec![
            ("own-dw", Mark::Wrong, Some(SlipKind::Sign), 1),
            ("own-dw", Mark::Right, None, 2)
        ]
    );
    assert!(
        !app.take_changes().is_empty(),
        "the answers are saved to progress"
    );
}

#[test]
fn a_held_step_is_marked_done_and_a_reveal_shows_the_class() {
    for lang in [Lang::En, Lang::Zh] {
        for ascii in [false, true] {
            let what = format!("{lang:?} ascii={ascii}");
            let mut app = learner(lang, ascii);
            let held = ClassState {
                hold: true,
                ..at_own_case()
            };
            class_ui::learner_event(&mut app, LearnerEvent::State(held.clone()));
            let (ask, counts) = match lang {
                Lang::En => ("D when done", "answered 2/3 · right 1 · close 0 · wrong 1"),
                Lang::Zh => ("完成后按 D", "已答 2/3 · 对 1 · 接近 0 · 错 1"),
            };
            let screen = draw(&app);
            check_screen(&screen, ascii, &what);
            assert!(
                header(&screen).contains(&fold(ask, ascii)),
                "{what}:\n{screen}"
            );
            update(&mut app, Message::Class(ClassKey::MarkDone));
            assert_eq!(out(&mut app), vec![LearnerCmd::Done("own-case".into())]);
            assert!(!header(&draw(&app)).contains(&fold(ask, ascii)));
            update(&mut app, Message::Class(ClassKey::MarkDone));
            assert!(out(&mut app).is_empty(), "marked once");

            let revealed = ClassState {
                reveal: Some(snapshot().questions),
                ..held
            };
            class_ui::learner_event(&mut app, LearnerEvent::State(revealed));
            assert!(app.class_panel(), "a reveal opens the panel");
            let screen = draw(&app);
            check_screen(&screen, ascii, &what);
            assert!(screen.contains(&fold(counts, ascii)), "{what}:\n{screen}");
            assert!(!screen.contains("ana"), "no names reach learners");
        }
    }
}

#[test]
fn a_step_of_four_questions_with_notices_and_a_hold_still_fits_80_by_24() {
    let lesson = ch04();
    let by_hand = lesson.step_index("by-hand").unwrap();
    let ids: Vec<String> = match &lesson.steps[by_hand].kind {
        nnstep::lesson::StepKind::Quiz(qs) => qs.iter().map(|q| q.id.clone()).collect(),
        _ => panic!("by-hand is a quiz"),
    };
    assert_eq!(ids.len(), 4);
    for lang in [Lang::En, Lang::Zh] {
        for ascii in [false, true] {
            let what = format!("{lang:?} ascii={ascii}");
            let mut app = teacher(lang, ascii);
            update(&mut app, Message::First);
            for _ in 0..by_hand {
                update(&mut app, Message::Next);
            }
            let t = app.teacher_mut().unwrap();
            let snap = t.snapshot.as_mut().unwrap();
            snap.state.hold = true;
            snap.questions = (ids.iter())
                .map(|q| tally("by-hand", q, std::iter::empty(), 3))
                .collect();
            for n in [1, 2, 3] {
                t.recent.push_back(Notice::Left { learners: n });
            }
            while t.recent.len() > class_ui::RECENT {
                t.recent.pop_front();
            }
            t.hold = true;
            let screen = draw(&app);
            check_screen(&screen, ascii, &what);
            // Each row is named by the start of its question's own text.
            let lesson = ch04();
            for q in &ids {
                let t = tally("by-hand", q, std::iter::empty(), 3);
                let ask = class_tally::ask_of(Some(&lesson), lang, &t).unwrap();
                let start = fold(&nnstep::text::truncate(&ask, 11), ascii);
                let start = start.trim_end_matches('…').trim_end_matches("...");
                assert!(screen.contains(start), "{what}: {start:?} not on\n{screen}");
            }
            let working = match lang {
                Lang::En => "Still working: 3 of 3.",
                Lang::Zh => "仍在做：3 人中的 3 人。",
            };
            assert!(screen.contains(&fold(working, ascii)), "{what}:\n{screen}");
            let last = match lang {
                Lang::En => "A learner left (3 learners in class).",
                Lang::Zh => "一名学员离开（现有 3 名学员）。",
            };
            assert!(screen.contains(&fold(last, ascii)), "{what}:\n{screen}");
        }
    }
}

/// The instructor's app on `by-hand` (four questions), holding, with four
/// notices: the longest panel of ch04.
fn teacher_on_by_hand(lang: Lang, ascii: bool) -> App {
    let lesson = ch04();
    let by_hand = lesson.step_index("by-hand").unwrap();
    let ids: Vec<String> = match &lesson.steps[by_hand].kind {
        nnstep::lesson::StepKind::Quiz(qs) => qs.iter().map(|q| q.id.clone()).collect(),
        _ => panic!("by-hand is a quiz"),
    };
    let mut app = teacher(lang, ascii);
    update(&mut app, Message::First);
    for _ in 0..by_hand {
        update(&mut app, Message::Next);
    }
    let t = app.teacher_mut().unwrap();
    let snap = t.snapshot.as_mut().unwrap();
    snap.state.hold = true;
    snap.questions = (ids.iter())
        .map(|q| tally("by-hand", q, std::iter::empty(), 3))
        .collect();
    for n in [1, 2, 3] {
        t.recent.push_back(Notice::Left { learners: n });
    }
    while t.recent.len() > class_ui::RECENT {
        t.recent.pop_front();
    }
    t.hold = true;
    app
}

#[test]
fn a_panel_longer_than_the_screen_scrolls_with_j_and_k_and_says_so() {
    use nnstep::tui::keymap::Key;
    let panel_down = Some(Message::Class(ClassKey::PanelDown));
    for lang in [Lang::En, Lang::Zh] {
        for ascii in [false, true] {
            let what = format!("{lang:?} ascii={ascii}");
            let mut app = teacher_on_by_hand(lang, ascii);
            // At 80×24 it fits: j and k stay the screen's.
            assert_eq!(class_ui::message_for(Key::Char('j'), &app), None, "{what}");
            // 20 rows (the least the program draws in): the panel is cut,
            // and its border says how to see more.
            let h = 20;
            update(&mut app, Message::Resize(W, h));
            assert_eq!(class_ui::message_for(Key::Char('j'), &app), panel_down);
            // The words of the help box's own "↓ N more" (zh: "↓ N 行").
            let more = match lang {
                Lang::En => "more",
                Lang::Zh => "行",
            };
            let (down, up) = if ascii { ("v", "^") } else { ("↓", "↑") };
            let screen = draw_at(&app, h);
            let first = match lang {
                Lang::En => "Still working: 3 of 3.",
                Lang::Zh => "仍在做：3 人中的 3 人。",
            };
            let last = match lang {
                Lang::En => "A learner left (3 learners in class).",
                Lang::Zh => "一名学员离开（现有 3 名学员）。",
            };
            assert!(screen.contains(&fold(first, ascii)), "{what}:\n{screen}");
            assert!(!screen.contains(&fold(last, ascii)), "{what}:\n{screen}");
            let hint = format!(" {more} (j) ");
            assert!(screen.contains(&hint), "{what}: no {hint:?} on\n{screen}");
            assert!(screen.contains(&format!("{down} ")), "{what}:\n{screen}");
            // j to the end: the last notice shows, the top says what is above.
            for _ in 0..40 {
                update(&mut app, Message::Class(ClassKey::PanelDown));
            }
            let screen = draw_at(&app, h);
            assert!(screen.contains(&fold(last, ascii)), "{what}:\n{screen}");
            assert!(!screen.contains(&fold(first, ascii)), "{what}:\n{screen}");
            assert!(!screen.contains("(j)"), "{what}: at the end\n{screen}");
            let hint = format!(" {more} (k) ");
            assert!(screen.contains(&hint), "{what}: no {hint:?} on\n{screen}");
            assert!(screen.contains(&format!("{up} ")), "{what}:\n{screen}");
            for row in screen.lines() {
                assert_eq!(row.width(), usize::from(W), "{what}:\n{screen}");
            }
            // One k shows the line above again.
            let max = usize::from(nnstep::tui::class_view::panel_max_scroll(&app));
            assert!(max > 0 && max < 40);
            update(&mut app, Message::Class(ClassKey::PanelUp));
            assert!(draw_at(&app, h).contains("(j)"), "{what}");
            for _ in 0..40 {
                update(&mut app, Message::Class(ClassKey::PanelUp));
            }
            assert!(draw_at(&app, h).contains(&fold(first, ascii)), "{what}");
            // The help names the keys while the panel is cut.
            update(&mut app, Message::ToggleHelp);
            let mut seen = String::new();
            for _ in 0..40 {
                seen.push_str(&draw_at(&app, h));
                update(&mut app, Message::ScrollDown);
            }
            let (d, u) = match lang {
                Lang::En => ("scroll the class panel down", "scroll the class panel up"),
                Lang::Zh => ("向下滚动课堂面板", "向上滚动课堂面板"),
            };
            let flat = seen.replace('\n', " ");
            assert!(flat.contains(d) && flat.contains(u), "{what}:\n{seen}");
        }
    }
}

#[test]
fn a_learner_prediction_graded_by_its_run_is_sent_once() {
    use nnstep::tui::dashboard::DashKey;
    use nnstep::tui::predict_view::PredictKey;
    let mut app = learner(Lang::En, false);
    let lesson = ch04();
    let at = lesson.step_index("compare-batches").unwrap();
    let predict_id = lesson.steps[at].kind.predict().unwrap().id.clone();
    class_ui::learner_event(
        &mut app,
        LearnerEvent::State(ClassState {
            step: at,
            step_id: "compare-batches".into(),
            ..ClassState::default()
        }),
    );
    for m in [
        Message::Predict(PredictKey::Char('3')),
        Message::Predict(PredictKey::Enter),
    ] {
        update(&mut app, m);
    }
    class_ui::learner_poll(&mut app);
    assert!(out(&mut app).is_empty(), "not graded before the run");
    for _ in 0..20 {
        update(&mut app, Message::Dash(DashKey::Epoch));
    }
    class_ui::learner_poll(&mut app);
    class_ui::learner_poll(&mut app);
    let sent: Vec<_> = out(&mut app)
        .into_iter()
        .filter_map(|c| match c {
            LearnerCmd::Result(a) => Some((a.step, a.question, a.mark)),
            LearnerCmd::Away(_) | LearnerCmd::Done(_) => None,
        })
        .collect();
    assert_eq!(
        sent,
        vec![("compare-batches".to_string(), predict_id, Mark::Wrong)]
    );
}

/// q or Esc in a class asks first: one slip does not drop a learner out
/// of the class, nor end the class for everyone; any other key between
/// the two presses cancels the question.
#[test]
fn leaving_a_class_takes_q_or_esc_twice_in_a_row() {
    for lang in [Lang::En, Lang::Zh] {
        let (leave, quit) = match lang {
            Lang::En => (
                "q or Esc again leaves the class",
                "q or Esc again ends the class",
            ),
            Lang::Zh => ("再按一次 q 或 Esc 离开课堂", "再按一次 q 或 Esc 结束课堂"),
        };
        let mut app = learner(lang, false);
        update(&mut app, Message::Back);
        assert!(app.running, "{lang:?}: one Esc keeps the learner in");
        assert!(header(&draw(&app)).contains(leave), "{}", draw(&app));
        update(&mut app, Message::Tick);
        update(&mut app, Message::ScrollDown);
        update(&mut app, Message::Back);
        assert!(app.running, "{lang:?}: another key between cancels");
        update(&mut app, Message::Back);
        assert!(!app.running, "{lang:?}: twice in a row leaves");

        let mut app = teacher(lang, false);
        update(&mut app, Message::Back);
        assert!(app.running, "{lang:?}: one q keeps the class");
        assert!(header(&draw(&app)).contains(quit), "{}", draw(&app));
        update(&mut app, Message::Tick);
        update(&mut app, Message::Back);
        assert!(!app.running, "{lang:?}: twice in a row ends it");
    }
}
