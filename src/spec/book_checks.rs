//! Checks of the keys that reproduce the course book's procedures: the stop
//! test's cadence and comparison, the last-batch loss, and which rows
//! validate. Each problem names its key.

use super::locate::PathSeg;
use super::problem::{SpecHint as H, SpecProblem as P};
use super::{SpecError, TrainSpec};
use crate::engine::{Every, StopOn, split::ValidationRows};

fn at(key: &str, problem: P, hint: Option<H>) -> SpecError {
    SpecError {
        path: vec![PathSeg::key(key)],
        problem,
        hint,
    }
}

/// Every problem with the book-procedure keys of `spec`.
pub(crate) fn check(spec: &TrainSpec) -> Vec<SpecError> {
    let mut errs = Vec::new();
    match spec.stop_every.map(super::EveryCount::to_engine) {
        Some(None) => errs.push(at(
            "stop_every",
            P::StopEveryOneOf,
            Some(H::StopEveryExample),
        )),
        Some(Some(Every::Epochs(0) | Every::Iterations(0))) => errs.push(at(
            "stop_every",
            P::StopEveryZero,
            Some(H::StopEveryExample),
        )),
        Some(_) if spec.eps.is_none() => errs.push(at(
            "stop_every",
            P::StopEveryWithoutEps,
            Some(H::AddEps { key: "stop_every" }),
        )),
        _ => {}
    }
    if spec.eps_compare.is_some() && spec.eps.is_none() {
        errs.push(at(
            "eps_compare",
            P::EpsCompareWithoutEps,
            Some(H::AddEps { key: "eps_compare" }),
        ));
    }
    if spec.stop_on == Some(StopOn::Batch) && spec.eps.is_none() {
        errs.push(at(
            "stop_on",
            P::StopOnWithoutEps,
            Some(H::AddEps { key: "stop_on" }),
        ));
    }
    if spec.validation_rows == ValidationRows::First && spec.validation == 0.0 {
        errs.push(at(
            "validation_rows",
            P::ValidationRowsFirstWithoutSet,
            Some(H::BookValidationRows),
        ));
    }
    errs
}
