//! Checks of the keys that reproduce the course book's procedures: the stop
//! test's cadence and comparison, the last-batch loss, and which rows
//! validate. Each problem names its key.

use super::locate::PathSeg;
use super::{SpecError, TrainSpec};
use crate::engine::{Every, StopOn, split::ValidationRows};

fn at(key: &str, message: impl Into<String>, hint: Option<&str>) -> SpecError {
    SpecError {
        path: vec![PathSeg::key(key)],
        message: message.into(),
        hint: hint.map(str::to_string),
    }
}

/// Every problem with the book-procedure keys of `spec`.
pub(crate) fn check(spec: &TrainSpec) -> Vec<SpecError> {
    let mut errs = Vec::new();
    match spec.stop_every.map(super::EveryCount::to_engine) {
        Some(None) => errs.push(at(
            "stop_every",
            "give exactly one of epochs or iterations",
            Some("for example stop_every: {iterations: 10}"),
        )),
        Some(Some(Every::Epochs(0) | Every::Iterations(0))) => errs.push(at(
            "stop_every",
            "the stop test must run every 1 or more epochs or iterations, found 0",
            Some("for example stop_every: {iterations: 10}"),
        )),
        Some(_) if spec.eps.is_none() => errs.push(at(
            "stop_every",
            "stop_every says when to test eps, but the spec has no eps",
            Some("add eps: 0.01 (or remove stop_every)"),
        )),
        _ => {}
    }
    if spec.eps_compare.is_some() && spec.eps.is_none() {
        errs.push(at(
            "eps_compare",
            "eps_compare says how to test eps, but the spec has no eps",
            Some("add eps: 0.01 (or remove eps_compare)"),
        ));
    }
    if spec.stop_on == Some(StopOn::Batch) && spec.eps.is_none() {
        errs.push(at(
            "stop_on",
            "stop_on names the loss eps watches, but the spec has no eps",
            Some("add eps: 0.01 (or remove stop_on)"),
        ));
    }
    if spec.validation_rows == ValidationRows::First && spec.validation == 0.0 {
        errs.push(at(
            "validation_rows",
            "validation_rows: first needs a validation fraction",
            Some("the book holds out validation: 0.1"),
        ));
    }
    errs
}
