//! Checks of a `predict:` block beside a `train` or `compare` step: the
//! measure fits the step (a winner needs several runs, `run` names one of
//! them), the options say which value of the measure each one means (every
//! value one the measure can take, no two the same), a number prediction
//! has a tolerance, and a measure about eps has an eps to reach.

use std::collections::HashMap;

use super::{Checker, check_id, idx, key, quiz};
use crate::lesson::predict::{
    Category, DEFAULT_ID, IsWord, Measure, Predict, PredictAnswer, PredictOption, RawIs,
    RawPredict, WinBy,
};
use crate::spec::{PathSeg, TrainSpec};

/// Checks `p` (at `path`, the `predict` key) for a step whose runs are
/// `runs` (one for a train step); `compare` says which kind it is.
pub(super) fn check_predict(
    c: &mut Checker,
    path: &[PathSeg],
    p: &RawPredict,
    runs: &[&TrainSpec],
    compare: bool,
) -> Option<Predict> {
    let before = c.problems.len();
    let id = p.id.clone().unwrap_or_else(|| DEFAULT_ID.to_string());
    check_id(c, key(path, "id"), &id, "prediction");
    let ask = c.text(key(path, "ask"), &p.ask);
    let explain = c.opt_text(key(path, "explain"), p.explain.as_ref());
    let run = check_run(c, path, p, runs.len(), compare);
    check_by(c, path, p);
    check_eps(c, path, p, runs);
    let answer = if p.measure.is_number() {
        if p.options.is_some() {
            c.report(
                key(path, "options"),
                format!(
                    "`{}` is a number the learner types, so it takes no options",
                    p.measure.name()
                ),
                Some("give abs: or rel: (how far off a prediction may be) instead".into()),
            );
        }
        if p.abs.is_none() && p.rel.is_none() {
            c.report(
                key(path, "measure"),
                format!(
                    "a `{}` prediction needs a tolerance: no one predicts a run to nine digits",
                    p.measure.name()
                ),
                Some(
                    "add abs: (a distance, e.g. 0.05) or rel: (a fraction, e.g. 0.2 = 20 %)".into(),
                ),
            );
        }
        quiz::tolerance(c, path, p.abs, p.rel).map(PredictAnswer::Number)
    } else {
        for (k, given) in [("abs", p.abs.is_some()), ("rel", p.rel.is_some())] {
            if given {
                c.report(
                    key(path, k),
                    format!(
                        "`{k}` is for number measures, and `{}` is answered by picking an option",
                        p.measure.name()
                    ),
                    None,
                );
            }
        }
        options(c, path, p, runs.len()).map(PredictAnswer::Choice)
    };
    check_expect(c, path, p, answer.as_ref());
    let answer = answer?;
    (c.problems.len() == before).then(|| Predict {
        id,
        ask,
        measure: p.measure,
        by: p.by.unwrap_or_default(),
        run: run.unwrap_or(0),
        answer,
        expect: p.expect,
        explain,
    })
}

/// The run a one-run measure looks at, 0-based.
fn check_run(
    c: &mut Checker,
    path: &[PathSeg],
    p: &RawPredict,
    runs: usize,
    compare: bool,
) -> Option<usize> {
    if p.measure == Measure::Winner {
        if !compare {
            c.report(
                key(path, "measure"),
                "`winner` picks the best of several runs, and a train step has one",
                Some("use it on a compare step, or measure this run: stop, trend, final_loss, epochs or metric".into()),
            );
        }
        if p.run.is_some() {
            c.report(
                key(path, "run"),
                "`winner` looks at every run, so it takes no `run`",
                None,
            );
        }
        return Some(0);
    }
    match (p.run, compare) {
        (None, false) => Some(0),
        (Some(_), false) => {
            c.report(
                key(path, "run"),
                "a train step has one run, so `run` has nothing to choose",
                Some("leave `run` out".into()),
            );
            None
        }
        (None, true) => {
            c.report(
                key(path, "measure"),
                format!(
                    "`{}` measures one run, and this comparison has {runs}",
                    p.measure.name()
                ),
                Some(format!("say which with run: N (1 to {runs})")),
            );
            None
        }
        (Some(n), true) if n == 0 || n > runs => {
            c.report(
                key(path, "run"),
                format!("there is no run {n}: the comparison has runs 1 to {runs}"),
                Some("runs are numbered from 1, in the order they are listed".into()),
            );
            None
        }
        (Some(n), true) => Some(n - 1),
    }
}

fn check_by(c: &mut Checker, path: &[PathSeg], p: &RawPredict) {
    if p.by.is_some() && p.measure != Measure::Winner {
        c.report(
            key(path, "by"),
            format!(
                "`by` says how a winner is chosen, and this measure is `{}`",
                p.measure.name()
            ),
            Some("leave `by` out, or use measure: winner".into()),
        );
    }
}

/// A measure about reaching eps needs runs that have one.
fn check_eps(c: &mut Checker, path: &[PathSeg], p: &RawPredict, runs: &[&TrainSpec]) {
    let about_eps = p.by == Some(WinBy::Epochs)
        || (p.options.iter().flatten()).any(|o| o.is == RawIs::Word(IsWord::ReachedEps));
    let without: Vec<usize> = (runs.iter().enumerate())
        .filter(|(_, s)| s.eps.is_none())
        .map(|(i, _)| i + 1)
        .collect();
    if about_eps && without.len() == runs.len() {
        c.report(
            path.to_vec(),
            "this prediction is about reaching eps, but no run has an `eps`",
            Some("give the runs eps: (the loss at which they stop)".into()),
        );
    }
}

fn options(
    c: &mut Checker,
    path: &[PathSeg],
    p: &RawPredict,
    runs: usize,
) -> Option<Vec<PredictOption>> {
    let words: Vec<&str> = p.measure.words().iter().map(|w| w.name()).collect();
    let Some(raw) = &p.options else {
        let what = if p.measure == Measure::Winner {
            format!("a run's number (1 to {runs}) or {}", words.join(", "))
        } else {
            words.join(", ")
        };
        c.report(
            key(path, "measure"),
            format!("a `{}` prediction needs options", p.measure.name()),
            Some(format!(
                "options: [{{text: …, is: …}}, …], where is: is one of {what}"
            )),
        );
        return None;
    };
    let op = key(path, "options");
    if raw.len() < 2 {
        c.report(
            op.clone(),
            format!(
                "a prediction needs at least two options, found {}",
                raw.len()
            ),
            None,
        );
    }
    let mut seen: HashMap<Category, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, o) in raw.iter().enumerate() {
        let at = idx(&op, i);
        let text = c.text(key(&at, "text"), &o.text);
        let Some(is) = category(c, &key(&at, "is"), p.measure, o.is, runs) else {
            continue;
        };
        if let Some(first) = seen.insert(is, i) {
            c.report(
                key(&at, "is"),
                format!(
                    "options {} and {} both mean the same outcome",
                    first + 1,
                    i + 1
                ),
                Some("each option stands for a different outcome, so the run picks one".into()),
            );
        }
        out.push(PredictOption { text, is });
    }
    Some(out)
}

/// What `is` means for `measure`, or a problem at `path`.
fn category(
    c: &mut Checker,
    path: &[PathSeg],
    measure: Measure,
    is: RawIs,
    runs: usize,
) -> Option<Category> {
    let words = measure.words();
    let list: Vec<&str> = words.iter().map(|w| w.name()).collect();
    match is {
        RawIs::Word(w) if words.contains(&w) => Some(Category::Word(w)),
        RawIs::Run(n) if measure == Measure::Winner && (1..=runs).contains(&n) => {
            Some(Category::Run(n - 1))
        }
        RawIs::Run(n) if measure == Measure::Winner => {
            c.report(
                path.to_vec(),
                format!("there is no run {n}: the comparison has runs 1 to {runs}"),
                Some(format!(
                    "a winner option is a run's number, or {}",
                    list.join(" or ")
                )),
            );
            None
        }
        RawIs::Run(_) | RawIs::Word(_) => {
            let found = match is {
                RawIs::Run(n) => n.to_string(),
                RawIs::Word(w) => w.name().to_string(),
            };
            c.report(
                path.to_vec(),
                format!("`{found}` is not an outcome of `{}`", measure.name()),
                Some(format!("choose from {}", list.join(", "))),
            );
            None
        }
    }
}

/// `expect` is an option's number for a choice, any finite value for a
/// number.
fn check_expect(c: &mut Checker, path: &[PathSeg], p: &RawPredict, answer: Option<&PredictAnswer>) {
    let Some(e) = p.expect else {
        return;
    };
    let at = key(path, "expect");
    match answer {
        Some(PredictAnswer::Choice(o)) => {
            let whole = e.fract() == 0.0 && e >= 1.0 && e <= o.len() as f64;
            if !whole {
                c.report(
                    at,
                    format!(
                        "`expect` is the option the run should pick, 1 to {}, found {e}",
                        o.len()
                    ),
                    None,
                );
            }
        }
        Some(PredictAnswer::Number(_)) if !e.is_finite() => {
            c.report(
                at,
                format!("`expect` must be a finite number, found {e}"),
                None,
            );
        }
        Some(PredictAnswer::Number(_)) | None => {}
    }
}
