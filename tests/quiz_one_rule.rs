#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! The quiz rules exist once: fed the same lines, the plain runner and the
//! TUI's quiz view leave the same attempts, hints, outcome and grade, and
//! show the same verdict words, in both languages.

use nnstep::lesson::{Catalog, Lang};
use nnstep::plain::runner::{self, Options};
use nnstep::quiz::QuestionState;
use nnstep::session::Session;
use nnstep::tui::dashboard::Look;
use nnstep::tui::quiz_view::{QuizKey, QuizView};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const STEP: &str = "own-case";
const QUESTION: &str = "own-dw";

fn session() -> Session {
    let lesson = Catalog::builtin().find("ch04").unwrap();
    let i = lesson.step_index(STEP).unwrap();
    let mut s = Session::new(lesson).with_seed(Some(7));
    s.goto(i).unwrap();
    s
}

fn right_answer() -> f64 {
    session().case(QUESTION).unwrap().unwrap().answer()[(0, 0)]
}

fn plain(lines: &[String], lang: Lang) -> (QuestionState, String) {
    let mut s = session();
    let mut input = lines.join("\n");
    input.push('\n');
    let mut out = Vec::new();
    let opts = Options {
        lang,
        width: 200,
        ..Options::default()
    };
    runner::run(&mut s, &mut input.as_bytes(), &mut out, opts).unwrap();
    (s.state_of(STEP, QUESTION), String::from_utf8(out).unwrap())
}

fn tui(lines: &[String], lang: Lang) -> (QuestionState, String) {
    let mut s = session();
    let mut v = QuizView::default();
    v.key(&mut s, QuizKey::Enter);
    let mut shown = String::new();
    for line in lines {
        if !v.editing() {
            break;
        }
        for c in line.chars() {
            v.key(&mut s, QuizKey::Char(c));
        }
        v.key(&mut s, QuizKey::Enter);
        let mut t = Terminal::new(TestBackend::new(200, 60)).unwrap();
        t.draw(|f| {
            let look = Look {
                color: false,
                ascii: false,
            };
            v.render(&s, f.area(), f.buffer_mut(), lang, look);
        })
        .unwrap();
        let buf = t.backend().buffer();
        shown = (0..60)
            .map(|y| {
                // The cell after a double-width character is its second half.
                let mut line = String::new();
                let mut skip = false;
                for x in 0..200 {
                    let sym = buf[(x, y)].symbol();
                    if !std::mem::take(&mut skip) {
                        line.push_str(sym);
                        skip = unicode_width::UnicodeWidthStr::width(sym) == 2;
                    }
                }
                line
            })
            .collect::<Vec<_>>()
            .join("\n");
    }
    (s.state_of(STEP, QUESTION), shown)
}

/// The verdict line of a TUI screen (in the question's panel, it starts
/// with its mark), without the mark and the frame.
fn verdict_of(screen: &str) -> String {
    (screen.lines())
        .map(|l| l.trim_matches([' ', '│']))
        .find(|l| l.starts_with(['✓', '✗']))
        .unwrap_or("")
        .trim_start_matches(['✓', '✗', ' '])
        .to_string()
}

#[test]
fn both_front_ends_judge_the_same_lines_the_same_way() {
    let right = right_answer();
    let cases: Vec<Vec<String>> = vec![
        // unreadable, a sign slip, a hint, a wrong number, the solution, right
        vec![
            "abc".into(),
            format!("{}", -right),
            "hint".into(),
            "0".into(),
            "solution".into(),
            format!("{right:.4}"),
        ],
        // three wrong answers: out of tries, the expected answer shown
        vec!["1".into(), "2".into(), "3".into()],
        // right at once
        vec![format!("{right:.4}")],
    ];
    for lang in [Lang::En, Lang::Zh] {
        for lines in &cases {
            let (p_state, p_out) = plain(lines, lang);
            let (t_state, t_screen) = tui(lines, lang);
            assert_eq!(p_state, t_state, "{lang:?} {lines:?}");
            let verdict = verdict_of(&t_screen);
            assert!(!verdict.is_empty(), "no verdict on screen:\n{t_screen}");
            assert!(
                p_out.contains(&format!("→ {verdict}")),
                "{lang:?} {lines:?}: the TUI says\n  {verdict}\nthe plain runner:\n{p_out}"
            );
        }
    }
}
