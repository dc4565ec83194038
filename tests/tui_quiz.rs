#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! The TUI quiz view of a generated gradient question: asked, wrong with a
//! reason, a hint, then right with the worked solution.

use nnstep::lesson::{Catalog, Lang};
use nnstep::session::Session;
use nnstep::tui::dashboard::Look;
use nnstep::tui::quiz_view::{QuizKey, QuizView};
use nnstep::words::Done;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn session_at_own_case() -> Session {
    let lesson = Catalog::builtin().get("ch04").unwrap().load().unwrap();
    let i = lesson.step_index("own-case").unwrap();
    let mut s = Session::new(lesson).with_seed(Some(7));
    s.goto(i).unwrap();
    s
}

fn screen(v: &QuizView, s: &Session, lang: Lang, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| {
        v.render(
            s,
            f.area(),
            f.buffer_mut(),
            lang,
            Look {
                color: false,
                ascii: false,
            },
        )
    })
    .unwrap();
    let buf = term.backend().buffer().clone();
    (0..h)
        .map(|y| {
            let mut line = String::new();
            let mut skip = false;
            for x in 0..w {
                if skip {
                    skip = false;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(sym) == 2;
                line.push_str(sym);
            }
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn type_line(v: &mut QuizView, s: &mut Session, text: &str) -> Option<Done> {
    for c in text.chars() {
        v.key(s, QuizKey::Char(c));
    }
    v.key(s, QuizKey::Enter)
}

#[test]
fn gradient_question_asked_wrong_hint_right_with_solution() {
    for (lang, name) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let mut s = session_at_own_case();
        let mut v = QuizView::default();
        insta::assert_snapshot!(format!("quiz_{name}_1_asked"), screen(&v, &s, lang, 80, 24));
        v.key(&mut s, QuizKey::Enter);
        assert!(v.editing());
        let case = s.case("own-dw").unwrap().unwrap();
        let right = case.answer()[[0, 0]];
        type_line(&mut v, &mut s, &format!("{}", -right));
        insta::assert_snapshot!(format!("quiz_{name}_2_wrong"), screen(&v, &s, lang, 80, 24));
        type_line(&mut v, &mut s, "hint");
        insta::assert_snapshot!(format!("quiz_{name}_3_hint"), screen(&v, &s, lang, 80, 24));
        type_line(&mut v, &mut s, &format!("{right:.4}"));
        assert!(!v.editing(), "a right answer closes the answer line");
        insta::assert_snapshot!(format!("quiz_{name}_4_right"), screen(&v, &s, lang, 80, 30));
    }
}

#[test]
fn garbage_answers_cost_no_try_and_never_panic() {
    let mut s = session_at_own_case();
    let mut v = QuizView::default();
    v.key(&mut s, QuizKey::Enter);
    for junk in ["abc", "1e999", "NaN", "[[1,2],[3]]", &"9".repeat(5000)] {
        type_line(&mut v, &mut s, junk);
    }
    let step = s.step().id.clone();
    assert_eq!(s.state_of(&step, "own-dw").attempts, 0);
    let _ = screen(&v, &s, Lang::En, 60, 20);
}

#[test]
fn a_matrix_answer_is_entered_cell_by_cell() {
    let lesson = Catalog::builtin().get("ch05").unwrap().load().unwrap();
    let i = lesson.step_index("batch-by-hand").unwrap();
    let mut s = Session::new(lesson).with_seed(Some(3));
    s.goto(i).unwrap();
    let q = s
        .questions()
        .iter()
        .position(|q| {
            s.case(&q.id)
                .unwrap()
                .is_some_and(|c| c.answer().dim() == (2, 1))
        })
        .unwrap();
    let id = s.questions()[q].id.clone();
    let mut v = QuizView::default();
    for _ in 0..q {
        v.key(&mut s, QuizKey::Down);
    }
    v.key(&mut s, QuizKey::Enter);
    let answer = s.case(&id).unwrap().unwrap().answer();
    for c in format!("{:.4}", answer[[0, 0]]).chars() {
        v.key(&mut s, QuizKey::Char(c));
    }
    v.key(&mut s, QuizKey::NextCell);
    for c in format!("{:.4}", answer[[1, 0]]).chars() {
        v.key(&mut s, QuizKey::Char(c));
    }
    let grid = screen(&v, &s, Lang::En, 80, 24);
    assert!(grid.contains("2×1 cell by cell"), "{grid}");
    v.key(&mut s, QuizKey::Enter);
    let step = s.step().id.clone();
    assert!(
        s.state_of(&step, &id)
            .last
            .as_ref()
            .is_some_and(|g| g.is_right()),
        "{}",
        screen(&v, &s, Lang::En, 80, 24)
    );
    assert!(!v.editing());
}
