//! From a [`TrainSpec`] to a ready [`Trainer`]: check every value, load and
//! transform the data, build the network. All problems are collected, each
//! with the key path of the value at fault.

mod build;
mod check;
mod load;
mod network;
mod run_info;

use std::path::Path;

use super::TrainSpec;
use super::locate::PathSeg;
use super::problem::{SpecHint, SpecProblem};
use crate::engine::Trainer;

pub use run_info::RunInfo;

/// One problem in a spec, at a key path (`layers[1].units`).
#[derive(Clone, Debug, PartialEq)]
pub struct SpecError {
    pub path: Vec<PathSeg>,
    /// What is wrong, as typed data (`crate::words::problems` has its words).
    pub problem: SpecProblem,
    /// What would be accepted, when that can be said.
    pub hint: Option<SpecHint>,
}

impl SpecError {
    pub(super) fn at(path: &[&str], problem: SpecProblem) -> Self {
        Self {
            path: parse_path(path),
            problem,
            hint: None,
        }
    }

    pub(super) fn hint(mut self, hint: SpecHint) -> Self {
        self.hint = Some(hint);
        self
    }
}

/// `["layers", "1", "units"]` → key, index, key.
fn parse_path(parts: &[&str]) -> Vec<PathSeg> {
    parts
        .iter()
        .map(|p| {
            p.parse::<usize>()
                .map_or_else(|_| PathSeg::key(p), PathSeg::Index)
        })
        .collect()
}

/// A resolved spec: the trainer at epoch 0 and the run's information.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub trainer: Trainer,
    pub info: RunInfo,
}

/// Checks `spec`, loads its data (paths relative to `base_dir`) and builds the
/// trainer. Returns every problem found.
pub fn resolve(spec: &TrainSpec, base_dir: &Path) -> Result<Resolved, Vec<SpecError>> {
    let mut errors = check::check_values(spec);
    let data = load::load_data(spec, base_dir)
        .map_err(|e| errors.push(e))
        .ok();
    let (Some(data), true) = (data, errors.is_empty()) else {
        return Err(errors);
    };
    build::build(spec, data).map_err(|e| vec![e])
}
