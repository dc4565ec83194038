//! The largest lesson accepted, checked on the raw lesson before anything
//! is built, resolved or drawn: counts of steps, questions, hints, options
//! and runs, lengths of texts and formulas, and cells of matrices and
//! tables. Each limit is far above what a chapter needs and is listed for
//! authors in `lessons/README.md`; a value over one is reported at its
//! place with the limit.

use super::{Checker, idx, key};
use crate::lesson::raw::{RawLesson, RawQuestion, RawStep};
use crate::lesson::text::RawText;
use crate::spec::PathSeg;

/// The most steps in a lesson.
pub const MAX_STEPS: usize = 300;
/// The longest text (a title, prose, a hint, a table cell), in bytes per
/// language.
pub const MAX_TEXT_BYTES: usize = 16 * 1024;
/// The longest formula, in bytes of LaTeX.
pub const MAX_FORMULA_BYTES: usize = 2_000;
/// The most formulas in one step.
pub const MAX_FORMULAS: usize = 32;
/// The most cells in a matrix shown or asked for.
pub const MAX_MATRIX_CELLS: usize = 10_000;
/// The most cells in a table (header included).
pub const MAX_TABLE_CELLS: usize = 2_000;
/// The most questions in one quiz step.
pub const MAX_QUESTIONS: usize = 50;
/// The most options of a choice question, and hints of any question.
pub const MAX_OPTIONS: usize = 26;
/// The most training runs (train steps, comparison runs, closed forms) in a
/// lesson: each is resolved by `nnstep check`.
pub const MAX_RUNS: usize = 40;

/// Reports every value over a limit; true when none is.
pub(super) fn check(c: &mut Checker, raw: &RawLesson) -> bool {
    let before = c.problems.len();
    let root: Vec<PathSeg> = Vec::new();
    text(c, key(&root, "title"), &raw.title);
    text(c, key(&root, "summary"), &raw.summary);
    if raw.steps.len() > MAX_STEPS {
        c.report(
            key(&root, "steps"),
            format!(
                "the lesson has {} steps; the limit is {MAX_STEPS}",
                raw.steps.len()
            ),
            Some("split it into several lessons".into()),
        );
        return false;
    }
    let mut runs = 0;
    for (i, s) in raw.steps.iter().enumerate() {
        runs += step(c, &idx(&key(&root, "steps"), i), s);
    }
    if runs > MAX_RUNS {
        c.report(
            key(&root, "steps"),
            format!("the lesson has {runs} training runs; the limit is {MAX_RUNS}"),
            Some("split it into several lessons".into()),
        );
    }
    c.problems.len() == before
}

fn text(c: &mut Checker, path: Vec<PathSeg>, t: &RawText) {
    let longest = [&t.en, &t.zh]
        .into_iter()
        .flatten()
        .map(String::len)
        .max()
        .unwrap_or(0);
    if longest > MAX_TEXT_BYTES {
        c.report(
            path,
            format!("this text is {longest} bytes long; the limit is {MAX_TEXT_BYTES}"),
            Some("split it over several steps".into()),
        );
    }
}

fn formulas(c: &mut Checker, path: Vec<PathSeg>, list: &[String]) {
    if list.len() > MAX_FORMULAS {
        c.report(
            path.clone(),
            format!(
                "the step has {} formulas; the limit is {MAX_FORMULAS}",
                list.len()
            ),
            None,
        );
    }
    for (i, f) in list.iter().enumerate() {
        if f.len() > MAX_FORMULA_BYTES {
            c.report(
                idx(&path, i),
                format!(
                    "this formula is {} bytes long; the limit is {MAX_FORMULA_BYTES}",
                    f.len()
                ),
                None,
            );
        }
    }
}

/// Reports a matrix of rows over [`MAX_MATRIX_CELLS`].
fn cells(c: &mut Checker, path: Vec<PathSeg>, rows: &[Vec<f64>]) {
    let n: usize = rows.iter().map(Vec::len).fold(0, usize::saturating_add);
    if n > MAX_MATRIX_CELLS {
        c.report(
            path,
            format!("this matrix has {n} cells; the limit is {MAX_MATRIX_CELLS}"),
            None,
        );
    }
}

/// Checks one step; returns how many training runs it has.
fn step(c: &mut Checker, path: &[PathSeg], s: &RawStep) -> usize {
    text(c, key(path, "title"), &s.title);
    for (k, t) in [
        ("note", &s.note),
        ("text", &s.text),
        ("caption", &s.caption),
    ] {
        if let Some(t) = t {
            text(c, key(path, k), t);
        }
    }
    for (k, list) in [("formula", &s.formula), ("formulas", &s.formulas)] {
        if let Some(list) = list {
            formulas(c, key(path, k), list);
        }
    }
    let mut runs = usize::from(s.train.is_some());
    if let Some(m) = &s.matrix {
        let mp = key(path, "matrix");
        if let Some(rows) = &m.rows {
            cells(c, key(&mp, "rows"), rows);
        }
        if let Some(t) = &m.caption {
            text(c, key(&mp, "caption"), t);
        }
        runs += usize::from(m.closed_form.is_some());
    }
    if let Some(t) = &s.table {
        let n = (t.rows.iter().map(Vec::len)).fold(t.header.len(), usize::saturating_add);
        let tp = key(path, "table");
        if n > MAX_TABLE_CELLS {
            c.report(
                tp,
                format!("this table has {n} cells; the limit is {MAX_TABLE_CELLS}"),
                None,
            );
        } else {
            for (i, h) in t.header.iter().enumerate() {
                text(c, idx(&key(&tp, "header"), i), h);
            }
            for (r, row) in t.rows.iter().enumerate() {
                for (i, cell) in row.iter().enumerate() {
                    text(c, idx(&idx(&key(&tp, "rows"), r), i), cell);
                }
            }
        }
    }
    if let Some(cmp) = &s.compare {
        runs += cmp.runs.len().max(1);
        for (i, r) in cmp.runs.iter().enumerate() {
            text(
                c,
                key(&idx(&key(&key(path, "compare"), "runs"), i), "name"),
                &r.name,
            );
        }
    }
    if let Some(l) = &s.landscape {
        runs += l.runs.len().max(1);
        let lp = key(path, "landscape");
        let most = crate::lesson::model_views::MAX_LANDSCAPE_RUNS;
        if l.runs.len() > most {
            c.report(
                key(&lp, "runs"),
                format!(
                    "the landscape has {} runs; the limit is {most}",
                    l.runs.len()
                ),
                Some("each run needs a mark of its own; split them over two steps".into()),
            );
        } else {
            for (i, r) in l.runs.iter().enumerate() {
                text(c, key(&idx(&key(&lp, "runs"), i), "name"), &r.name);
            }
        }
    }
    if let Some(qs) = &s.quiz {
        let qp = key(path, "quiz");
        if qs.len() > MAX_QUESTIONS {
            c.report(
                qp,
                format!(
                    "the quiz has {} questions; the limit is {MAX_QUESTIONS}",
                    qs.len()
                ),
                Some("split it over several steps".into()),
            );
        } else {
            for (i, q) in qs.iter().enumerate() {
                question(c, &idx(&qp, i), q);
            }
        }
    }
    runs
}

fn question(c: &mut Checker, path: &[PathSeg], q: &RawQuestion) {
    text(c, key(path, "ask"), &q.ask);
    if let Some(t) = &q.explain {
        text(c, key(path, "explain"), t);
    }
    let lists = [
        ("hints", q.hints.as_deref().unwrap_or_default()),
        (
            "choice",
            q.choice.as_ref().map_or(&[][..], |ch| &ch.options[..]),
        ),
    ];
    for (k, list) in lists {
        if list.len() > MAX_OPTIONS {
            c.report(
                key(path, k),
                format!("{} entries; the limit is {MAX_OPTIONS}", list.len()),
                None,
            );
            continue;
        }
        for (i, t) in list.iter().enumerate() {
            text(c, idx(&key(path, k), i), t);
        }
    }
    if let Some(m) = &q.matrix {
        cells(c, key(&key(path, "matrix"), "answer"), &m.answer);
    }
    if let Some(f) = &q.formula {
        let fp = key(path, "formula");
        formulas(c, fp.clone(), std::slice::from_ref(&f.answer));
        if f.vars.len() > MAX_OPTIONS {
            c.report(
                key(&fp, "vars"),
                format!("{} variables; the limit is {MAX_OPTIONS}", f.vars.len()),
                None,
            );
        }
    }
}
