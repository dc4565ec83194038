//! Checks of quiz questions: unique ids, exactly one kind, an answer that
//! exists among the options, tolerances that make sense.

use std::collections::HashSet;

use super::{Checker, check_id, idx, key};
use crate::lesson::model::{Question, QuestionKind, Tolerance};
use crate::lesson::raw::{RawChoice, RawNumber, RawQuestion};
use crate::spec::PathSeg;

/// The tolerance when a number question gives neither `abs` nor `rel`.
pub const EXACT: f64 = 1e-9;

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
        let kind = match (&q.choice, &q.number) {
            (Some(ch), None) => choice(c, &key(&qp, "choice"), ch),
            (None, Some(n)) => number(c, &key(&qp, "number"), n),
            (Some(_), Some(_)) => {
                c.report(
                    key(&qp, "number"),
                    "a question has one kind, but this one has both choice and number",
                    None,
                );
                None
            }
            (None, None) => {
                c.report(
                    key(&qp, "id"),
                    format!("question '{}' has no answer", q.id),
                    Some(
                        "give it choice: {options: […], answer: N} or number: {answer: X, abs: …}"
                            .into(),
                    ),
                );
                None
            }
        };
        if let Some(kind) = kind {
            out.push(Question {
                id: q.id.clone(),
                ask,
                kind,
                explain,
            });
        }
    }
    out
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
    if !(1..=options.len()).contains(&ch.answer) {
        c.report(
            key(path, "answer"),
            format!(
                "the answer is option {}, but there are only options 1 to {}",
                ch.answer,
                options.len()
            ),
            Some("options are numbered from 1, as the learner sees them".into()),
        );
        return None;
    }
    Some(QuestionKind::Choice {
        options,
        answer: ch.answer - 1,
    })
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
    for (name, v, max) in [("abs", n.abs, f64::INFINITY), ("rel", n.rel, 1.0)] {
        if let Some(v) = v.filter(|v| !(*v >= 0.0 && *v < max)) {
            c.report(
                key(path, name),
                format!(
                    "the tolerance {name} must be ≥ 0{}, found {v}",
                    if max < f64::INFINITY {
                        " and below 1"
                    } else {
                        ""
                    }
                ),
                Some("abs is a distance (0.01); rel a fraction of the answer (0.01 = 1 %)".into()),
            );
            ok = false;
        }
    }
    let tolerance = match (n.abs, n.rel) {
        (None, None) => Tolerance {
            abs: EXACT,
            rel: 0.0,
        },
        (a, r) => Tolerance {
            abs: a.unwrap_or(0.0),
            rel: r.unwrap_or(0.0),
        },
    };
    ok.then_some(QuestionKind::Number {
        answer: n.answer,
        tolerance,
    })
}
