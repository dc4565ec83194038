//! Quiz checks that run the engine: gradient questions are built and solved
//! once, and a number or matrix key that carries `check:` is recomputed; a
//! key that disagrees with the engine is reported (the course book itself
//! printed a few wrong figures).

use ndarray::Array2;

use super::{Checker, idx, key};
use crate::lesson::model::QuestionKind;
use crate::quiz::{Field, GradientSpec, RawGradient, Source, SpecProblem, Tolerance};
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
        let shown: Vec<String> = (engine.iter().zip(key_value))
            .map(|(e, k)| distinguishing(*e, *k))
            .collect();
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

/// Significant digits of `v` as the shortest decimal that reads back as it
/// (`0.0125` has 3).
fn significant_digits(v: f64) -> usize {
    let text = format!("{:e}", v.abs());
    let mantissa = text.split('e').next().unwrap_or("");
    mantissa.chars().filter(char::is_ascii_digit).count().max(1)
}

/// The engine's value with at least two more significant digits than the
/// key has, and more until the two read differently (at most 17, which
/// tells any two doubles apart).
fn distinguishing(engine: f64, key: f64) -> String {
    let mut digits = (significant_digits(key) + 2).max(6);
    loop {
        let e = format!("{:.*e}", digits - 1, engine);
        let k = format!("{:.*e}", digits - 1, key);
        if e != k || digits >= 17 {
            // A value that is exactly a short decimal is shown as it is.
            if significant_digits(engine) <= digits {
                return engine.to_string();
            }
            return plain_number(engine, digits);
        }
        digits += 1;
    }
}

/// `v` to `digits` significant digits, without an exponent for the sizes
/// answer keys have.
fn plain_number(v: f64, digits: usize) -> String {
    if v == 0.0 || !v.is_finite() {
        return v.to_string();
    }
    let magnitude = v.abs().log10().floor() as i64;
    if !(-6..=15).contains(&magnitude) {
        return format!("{:.*e}", digits - 1, v);
    }
    let decimals = (digits as i64 - 1 - magnitude).max(0) as usize;
    format!("{v:.decimals$}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_disagreeing_value_shows_two_digits_more_than_the_key() {
        // The book's slip: a key of 0.112 for −ln(1 − 0.1192) = 0.12692….
        let engine = -(1.0f64 - 0.1192).ln();
        assert_eq!(distinguishing(engine, 0.112), "0.126925");
        assert_eq!(significant_digits(0.112), 3);
        // A key of 7 digits gets 9.
        assert_eq!(distinguishing(engine, 0.1269251), "0.126924694");
    }

    #[test]
    fn digits_grow_until_engine_and_key_read_differently() {
        // A 6-digit key gets 8 digits, which read the same here; they
        // first differ at the 10th.
        assert_eq!(distinguishing(0.126_925_000_4, 0.126925), "0.1269250004");
        assert_eq!(distinguishing(0.126_925_000_43, 0.126925), "0.1269250004");
        assert_eq!(
            distinguishing(-1.25, 1.25),
            "-1.25",
            "exact values as they are"
        );
    }
}
