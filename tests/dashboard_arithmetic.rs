#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! The arithmetic the training dashboard prints under its formulas is true:
//! for every bound formula of every built-in lesson, at several recorded
//! epochs (live, and scrubbed back through the history), the printed value
//! line `= 0.807·2.067 + 2.999 = 4.662` is re-evaluated from the printed
//! numbers, and must give the printed result within what the rounding of
//! those numbers allows. A line that mixes one epoch's parameters with
//! another's sample fails.

use nnstep::lesson::{Catalog, StepKind};
use nnstep::progress::Progress;
use nnstep::session::training::Training;
use nnstep::tui::dashboard::formulas::value_lines;

/// A value and how far the true value may be from it, given the rounding
/// of the numbers it was computed from.
#[derive(Clone, Copy, Debug)]
struct Approx {
    v: f64,
    err: f64,
}

/// Half a unit in the last printed place of `s`.
fn rounding(s: &str) -> f64 {
    let mantissa = s.split(['e', 'E']).next().unwrap_or(s);
    let decimals = mantissa.split('.').nth(1).map_or(0, str::len);
    let exp: i32 = s
        .split(['e', 'E'])
        .nth(1)
        .and_then(|e| e.parse().ok())
        .unwrap_or(0);
    0.5 * 10f64.powi(exp - i32::try_from(decimals).unwrap())
}

/// A tiny evaluator of the printed value lines: numbers, + − · * /,
/// parentheses and the logistic function.
struct Eval<'a> {
    s: &'a [char],
    i: usize,
}

impl Eval<'_> {
    fn peek(&mut self) -> Option<char> {
        while self.s.get(self.i) == Some(&' ') {
            self.i += 1;
        }
        self.s.get(self.i).copied()
    }

    fn sum(&mut self) -> Option<Approx> {
        let mut acc = self.product()?;
        while let Some(c @ ('+' | '-' | '−')) = self.peek() {
            self.i += 1;
            let r = self.product()?;
            let v = if c == '+' { acc.v + r.v } else { acc.v - r.v };
            acc = Approx {
                v,
                err: acc.err + r.err,
            };
        }
        Some(acc)
    }

    fn product(&mut self) -> Option<Approx> {
        let mut acc = self.unary()?;
        loop {
            match self.peek() {
                Some('·' | '*') => self.i += 1,
                // Implicit product: `0.1(4.2 − 4.3)`.
                Some('(') => {}
                _ => return Some(acc),
            }
            let r = self.unary()?;
            acc = Approx {
                v: acc.v * r.v,
                err: acc.v.abs() * r.err + r.v.abs() * acc.err + acc.err * r.err,
            };
        }
    }

    fn unary(&mut self) -> Option<Approx> {
        match self.peek()? {
            '-' | '−' => {
                self.i += 1;
                let a = self.unary()?;
                Some(Approx { v: -a.v, ..a })
            }
            '(' => {
                self.i += 1;
                let a = self.sum()?;
                (self.peek()? == ')').then(|| self.i += 1)?;
                Some(a)
            }
            c if c.is_alphabetic() => {
                let start = self.i;
                while self.s.get(self.i).is_some_and(|c| c.is_alphabetic()) {
                    self.i += 1;
                }
                let name: String = self.s[start..self.i].iter().collect();
                let arg = self.unary()?;
                match name.as_str() {
                    // σ' ≤ 1/4.
                    "Logistic" | "sigmoid" => Some(Approx {
                        v: 1.0 / (1.0 + (-arg.v).exp()),
                        err: arg.err / 4.0,
                    }),
                    _ => None,
                }
            }
            _ => {
                let start = self.i;
                while self
                    .s
                    .get(self.i)
                    .is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E'))
                    || (self.i > start
                        && matches!(self.s.get(self.i), Some('-'))
                        && matches!(self.s.get(self.i - 1), Some('e' | 'E')))
                {
                    self.i += 1;
                }
                let text: String = self.s[start..self.i].iter().collect();
                let v: f64 = text.parse().ok()?;
                Some(Approx {
                    v,
                    err: rounding(&text),
                })
            }
        }
    }
}

/// Checks `= EXPR = RESULT`; `None` when the line is not plain arithmetic
/// (matrices, symbols left unbound).
fn check(line: &str) -> Option<Result<(), String>> {
    let parts: Vec<&str> = line.split('=').map(str::trim).collect();
    let [_, expr, result] = parts.as_slice() else {
        return None;
    };
    let chars: Vec<char> = expr.chars().collect();
    let mut e = Eval { s: &chars, i: 0 };
    let got = e.sum()?;
    if e.peek().is_some() {
        return None;
    }
    let printed: f64 = result.replace('−', "-").parse().ok()?;
    let allowed = got.err + rounding(result) + 1e-12;
    Some(if (got.v - printed).abs() <= allowed {
        Ok(())
    } else {
        Err(format!(
            "{line}: the numbers give {} (± {allowed:.2e})",
            got.v
        ))
    })
}

#[test]
fn printed_arithmetic_is_true_at_every_shown_epoch() {
    let catalog = Catalog::builtin();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for entry in catalog.entries() {
        let lesson = entry.load().unwrap();
        for (i, step) in lesson.steps.iter().enumerate() {
            let StepKind::Train(t) = &step.kind else {
                continue;
            };
            if t.formulas.is_empty() {
                continue;
            }
            let opened =
                nnstep::session::open(lesson.clone(), &Progress::default(), None, Some(i)).unwrap();
            let mut run: Training = opened.session.training().unwrap().unwrap();
            for _ in 0..6 {
                run.step_epoch().unwrap();
            }
            run.step_iteration().unwrap();
            // Live (mid-epoch), then back through the recorded epochs.
            for position in 0..5 {
                if position > 0 {
                    run.scrub_back();
                }
                let values = run.sample_values().unwrap();
                for ascii in [false, true] {
                    for (tex, line) in
                        t.formulas
                            .iter()
                            .zip(value_lines(&t.formulas, &values, ascii))
                    {
                        let Some(line) = line else { continue };
                        match check(&line) {
                            Some(Ok(())) => checked += 1,
                            Some(Err(e)) => wrong.push(format!(
                                "{} step {} ({tex}) at {:?}: {e}",
                                lesson.id,
                                i + 1,
                                run.viewing()
                            )),
                            None => {}
                        }
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // ch04's z and update rule and ch06's logistic, live and at 4 epochs,
    // Unicode and ASCII.
    assert!(checked >= 30, "only {checked} lines checked");
}

#[test]
fn the_checker_rejects_mixed_up_arithmetic() {
    // The example: parameters from one epoch, z from another.
    assert!(matches!(
        check("= 0.807·2.067 + 2.999 = 4.662"),
        Some(Err(_))
    ));
    assert!(matches!(
        check("= 0.807·2.067 + 2.999 = 4.667"),
        Some(Ok(()))
    ));
    assert!(matches!(
        check("= 2.011 − 0.1·(4.261 − 4.361)·0.622 = 2.017"),
        Some(Ok(()))
    ));
    assert!(matches!(
        check("= Logistic(0.5·1 + 0) = 0.6225"),
        Some(Ok(()))
    ));
    assert!(check("= Softmax(XW + B)").is_none());
}
