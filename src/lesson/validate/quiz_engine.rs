//! Quiz checks that run the engine: gradient questions are built and solved
//! once, and a number or matrix key that carries `check:` is recomputed; a
//! key that disagrees with the engine is reported (the course book itself
//! printed a few wrong figures).

use ndarray::Array2;

use super::{Checker, idx, key};
use crate::lesson::model::QuestionKind;
use crate::quiz::{Field, GradientSpec, RawGradient, Source, SpecProblem, Tolerance, number};
use crate::spec::PathSeg;

/// Reports quiz-module problems below `path`.
pub(super) fn spec_problems(c: &mut Checker, path: &[PathSeg], problems: Vec<SpecProblem>) {
    for p in problems {
        let mut at = path.to_vec();
        for f in &p.at {
            at = match f {
                Field::Key(k) => key(&at, k),
                Field::Index(i) => idx(&at, *i),
            };
        }
        c.report(at, p.message, p.hint);
    }
}

pub(super) fn gradient(c: &mut Checker, path: &[PathSeg], g: &RawGradient) -> Option<QuestionKind> {
    match GradientSpec::check(g) {
        Ok(spec) => Some(QuestionKind::Gradient {
            spec: Box::new(spec),
            shared_seed: c.quiz_seed,
        }),
        Err(problems) => {
            spec_problems(c, path, problems);
            None
        }
    }
}

/// Recomputes a key (1×1 for a number question) from `check` and reports a
/// disagreement at `path`.answer.
pub(super) fn check_key(
    c: &mut Checker,
    path: &[PathSeg],
    check: &RawGradient,
    key_value: &Array2<f64>,
    tolerance: Tolerance,
) {
    let at = key(path, "check");
    if check.abs.is_some() || check.rel.is_some() {
        let hint = "the question's own abs and rel apply";
        c.report(
            key(&at, "ask"),
            "a check has no tolerance of its own",
            Some(hint.into()),
        );
    }
    let spec = match GradientSpec::check(check) {
        Ok(s) => s,
        Err(problems) => return spec_problems(c, &at, problems),
    };
    if !matches!(spec.source, Source::Fixed { .. }) {
        let hint = "give the numbers under check: fixed: {x, y, weights}";
        c.report(
            key(&at, "random"),
            "a fixed answer key can only be checked against fixed numbers",
            Some(hint.into()),
        );
        return;
    }
    let Ok(case) = spec.case(0) else { return };
    let engine = case.answer();
    let name = case.asked_name();
    if engine.dim() != key_value.dim() {
        let (r, c2) = engine.dim();
        c.report(
            key(path, "answer"),
            format!(
                "check computes {name} of shape {r}×{c2}, but the key is {}×{}",
                key_value.nrows(),
                key_value.ncols()
            ),
            None,
        );
        return;
    }
    let bad = (engine.iter().zip(key_value)).any(|(e, k)| !tolerance.accepts(*e, *k));
    if bad {
        let shown: Vec<String> = engine.iter().map(|v| number(*v)).collect();
        c.report(
            key(path, "answer"),
            format!(
                "the key disagrees with the engine, which computes {name} = {}",
                shown.join(", ")
            ),
            Some("fix the key, or the numbers under check if they are not the ones meant".into()),
        );
    }
}
