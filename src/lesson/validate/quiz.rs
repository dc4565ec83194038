//! Checks of quiz questions: unique ids, exactly one kind, an answer that
//! exists among the options, tolerances that make sense, formulas that
//! parse; engine-computed kinds are checked in [`super::quiz_engine`].

use std::collections::HashSet;

use ndarray::Array2;

use super::quiz_engine::{check_key, gradient, spec_problems};
use super::{Checker, check_id, idx, key};
use crate::lesson::model::{Question, QuestionKind, Tolerance};
use crate::lesson::raw::{RawChoice, RawFormula, RawMatrixAnswer, RawNumber, RawQuestion};
use crate::quiz::{self, FormulaKey};
use crate::spec::PathSeg;

/// The tolerance when a number question gives neither `abs` nor `rel`.
pub const EXACT: f64 = 1e-9;

const KINDS: [&str; 5] = ["choice", "number", "matrix", "formula", "gradient"];

pub(super) fn check_quiz(c: &mut Checker, path: &[PathSeg], qs: &[RawQuestion]) -> Vec<Question> {
    if qs.is_empty() {
        c.report(path.to_vec(), "a quiz needs at least one question", None);
    }
    let mut ids = HashSet::new();
    let mut out = Vec::new();
    for (i, q) in qs.iter().enumerate() {
        let qp = idx(path, i);
        check_id(c, key(&qp, "id"), &q.id, "question");
        if !ids.insert(q.id.as_str()) {
            c.report(
                key(&qp, "id"),
                format!("the question id '{}' is used twice in this quiz", q.id),
                None,
            );
        }
        let ask = c.text(key(&qp, "ask"), &q.ask);
        let explain = c.opt_text(key(&qp, "explain"), q.explain.as_ref());
        let hints = (q.hints.iter().flatten().enumerate())
            .map(|(k, h)| c.text(idx(&key(&qp, "hints"), k), h))
            .collect();
        if let Some(kind) = kind(c, &qp, q) {
            out.push(Question {
                id: q.id.clone(),
                ask,
                kind,
                hints,
                explain,
            });
        }
    }
    out
}

fn kind(c: &mut Checker, qp: &[PathSeg], q: &RawQuestion) -> Option<QuestionKind> {
    let given = [
        q.choice.is_some(),
        q.number.is_some(),
        q.matrix.is_some(),
        q.formula.is_some(),
        q.gradient.is_some(),
    ];
    let present: Vec<&str> = (KINDS.iter().zip(given))
        .filter_map(|(k, g)| g.then_some(*k))
        .collect();
    if let [first, second, ..] = present.as_slice() {
        c.report(
            key(qp, second),
            format!("a question has one kind, but this one has both {first} and {second}"),
            None,
        );
        return None;
    }
    if let Some(ch) = &q.choice {
        return choice(c, &key(qp, "choice"), ch);
    }
    if let Some(n) = &q.number {
        return number(c, &key(qp, "number"), n);
    }
    if let Some(m) = &q.matrix {
        return matrix(c, &key(qp, "matrix"), m);
    }
    if let Some(f) = &q.formula {
        return formula(c, &key(qp, "formula"), f);
    }
    if let Some(g) = &q.gradient {
        return gradient(c, &key(qp, "gradient"), g);
    }
    c.report(
        key(qp, "id"),
        format!("question '{}' has no answer", q.id),
        Some(format!(
            "give it one of: {} (see lessons/README.md)",
            KINDS.join(", ")
        )),
    );
    None
}

fn choice(c: &mut Checker, path: &[PathSeg], ch: &RawChoice) -> Option<QuestionKind> {
    let options: Vec<_> = (ch.options.iter().enumerate())
        .map(|(i, o)| c.text(idx(&key(path, "options"), i), o))
        .collect();
    if options.len() < 2 {
        c.report(
            key(path, "options"),
            format!(
                "a choice needs at least two options, found {}",
                options.len()
            ),
            None,
        );
        return None;
    }
    let (name, given) = match (ch.answer, &ch.answers) {
        (Some(a), None) => ("answer", vec![a]),
        (None, Some(list)) if !list.is_empty() => ("answers", list.clone()),
        (Some(_), Some(_)) => {
            let hint = "answer: N for one right option, answers: [N, M] for several";
            c.report(
                key(path, "answers"),
                "give answer or answers, not both",
                Some(hint.into()),
            );
            return None;
        }
        _ => {
            let hint = "answer: N for one right option, answers: [N, M] for several";
            c.report(
                key(path, "options"),
                "the choice has no answer",
                Some(hint.into()),
            );
            return None;
        }
    };
    if let Some(bad) = given.iter().find(|a| !(1..=options.len()).contains(a)) {
        c.report(
            key(path, name),
            format!(
                "the answer is option {bad}, but there are only options 1 to {}",
                options.len()
            ),
            Some("options are numbered from 1, as the learner sees them".into()),
        );
        return None;
    }
    let mut answers: Vec<usize> = given.iter().map(|a| a - 1).collect();
    answers.sort_unstable();
    answers.dedup();
    Some(match ch.answer {
        Some(a) => QuestionKind::Choice {
            options,
            answer: a - 1,
        },
        None => QuestionKind::Choices { options, answers },
    })
}

/// Checks a tolerance and reports problems at `path`.`abs`/`rel`.
pub(super) fn tolerance(
    c: &mut Checker,
    path: &[PathSeg],
    abs: Option<f64>,
    rel: Option<f64>,
) -> Option<Tolerance> {
    let mut problems = Vec::new();
    let exact = Tolerance {
        abs: EXACT,
        rel: 0.0,
    };
    let t = quiz::check_tolerance(abs, rel, exact, &mut problems);
    let ok = problems.is_empty();
    spec_problems(c, path, problems);
    ok.then_some(t)
}

fn number(c: &mut Checker, path: &[PathSeg], n: &RawNumber) -> Option<QuestionKind> {
    let mut ok = true;
    if !n.answer.is_finite() {
        c.report(
            key(path, "answer"),
            "the answer must be a finite number",
            None,
        );
        ok = false;
    }
    let tolerance = tolerance(c, path, n.abs, n.rel)?;
    let answer = Array2::from_elem((1, 1), n.answer);
    if let Some(check) = &n.check {
        check_key(c, path, check, &answer, tolerance);
    }
    ok.then_some(QuestionKind::Number {
        answer: n.answer,
        tolerance,
    })
}

fn matrix(c: &mut Checker, path: &[PathSeg], m: &RawMatrixAnswer) -> Option<QuestionKind> {
    let rows = m.answer.len();
    let cols = m.answer.first().map_or(0, Vec::len);
    if rows == 0 || cols == 0 || m.answer.iter().any(|r| r.len() != cols) {
        c.report(
            key(path, "answer"),
            "the answer must be rows of numbers, all of the same length",
            Some("for example [[0.1, -0.2], [0.3, 0.4]]; a vector is one row or one column".into()),
        );
        return None;
    }
    if m.answer.iter().flatten().any(|v| !v.is_finite()) {
        c.report(
            key(path, "answer"),
            "every value must be a finite number",
            None,
        );
        return None;
    }
    let tolerance = tolerance(c, path, m.abs, m.rel)?;
    let answer = Array2::from_shape_vec((rows, cols), m.answer.concat()).ok()?;
    if let Some(check) = &m.check {
        check_key(c, path, check, &answer, tolerance);
    }
    Some(QuestionKind::Matrix { answer, tolerance })
}

fn formula(c: &mut Checker, path: &[PathSeg], f: &RawFormula) -> Option<QuestionKind> {
    let bad_var = f.vars.iter().find(|v| {
        v.is_empty()
            || !v.chars().all(|ch| ch.is_alphanumeric() || ch == '_')
            || v.starts_with(|ch: char| ch.is_ascii_digit())
    });
    if f.vars.is_empty() || bad_var.is_some() {
        c.report(
            key(path, "vars"),
            "name the variables the learner may use: a list of names such as [z, y, x]",
            None,
        );
        return None;
    }
    let range = f.range.map_or(quiz::DEFAULT_RANGE, |r| (r[0], r[1]));
    if !(range.0.is_finite() && range.1.is_finite() && range.0 < range.1) {
        c.report(
            key(path, "range"),
            "a range is [low, high] with low < high",
            None,
        );
        return None;
    }
    match FormulaKey::new(f.vars.clone(), &f.answer, range) {
        Ok(k) => Some(QuestionKind::Formula(k)),
        Err(e) => {
            c.report(
                key(path, "answer"),
                format!("the answer does not work as a formula key: {e}"),
                Some(format!(
                    "write an expression in {} with + - * / ^, parentheses, exp, ln, sqrt, sigmoid, tanh",
                    f.vars.join(", ")
                )),
            );
            None
        }
    }
}
