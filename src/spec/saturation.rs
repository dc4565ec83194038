//! The saturation exercise as a spec: one unit, one activation, a start,
//! a target for its output and η. `nnstep train` runs a file whose top key
//! is `saturation:`; a lesson's `table` can be generated from it.
//!
//! ```yaml
//! saturation:
//!   activation: sigmoid
//!   start: {a: 0.9}        # or {z: 2.2}
//!   target: 0.5            # stop once a reaches it
//!   learning_rate: 0.2
//!   max_steps: 1000        # default 10000
//! ```

use serde::{Deserialize, Serialize};

use super::locate::PathSeg;
use super::problem::{SpecHint as H, SpecProblem as P};
use super::resolve::SpecError;
use crate::engine::saturation::{Saturation, z_for};
use crate::engine::{Activation, EngineError};

/// A file holding one saturation exercise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaturationFile {
    pub saturation: SaturationSpec,
}

/// The exercise as written.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaturationSpec {
    /// The unit's activation (any but softmax).
    pub activation: Activation,
    /// Where z starts: given directly, or as the output a it gives.
    pub start: Start,
    /// The output a to reach; inside the activation's range.
    pub target: f64,
    /// η > 0: each step moves z by η·σ′(z).
    pub learning_rate: f64,
    /// The most steps to take.
    #[serde(default = "default_max_steps")]
    pub max_steps: usize,
}

/// The starting point: `{a: 0.9}` or `{z: 2.2}`, exactly one.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Start {
    /// The unit's output at the start; z is found by inverting σ.
    #[serde(default)]
    pub a: Option<f64>,
    /// z at the start.
    #[serde(default)]
    pub z: Option<f64>,
}

fn default_max_steps() -> usize {
    10_000
}

impl SaturationFile {
    /// Whether YAML text is a saturation file (its top-level mapping has
    /// the key `saturation`) rather than a training spec.
    #[must_use]
    pub fn is_one(text: &str) -> bool {
        serde_yaml::from_str::<serde_yaml::Value>(text)
            .ok()
            .and_then(|v| v.as_mapping().map(|m| m.contains_key("saturation")))
            .unwrap_or(false)
    }
}

impl SaturationSpec {
    /// The checked exercise, or every problem found, each at its key under
    /// `prefix` (`["saturation"]` in a file of its own).
    pub fn resolve(&self, prefix: &[PathSeg]) -> Result<Saturation, Vec<SpecError>> {
        let at = |keys: &[&str], e: EngineError, hint: Option<H>| SpecError {
            path: prefix
                .iter()
                .cloned()
                .chain(keys.iter().map(|k| PathSeg::key(k)))
                .collect(),
            problem: P::Engine(Box::new(e)),
            hint,
        };
        let z0 = match (self.start.a, self.start.z) {
            (None, Some(z)) => Ok(z),
            (Some(a), None) => z_for(self.activation, a).map_err(|e| {
                at(
                    &["start", "a"],
                    e,
                    Some(H::ActivationRange {
                        activation: self.activation,
                    }),
                )
            }),
            _ => Err(SpecError {
                path: prefix
                    .iter()
                    .cloned()
                    .chain([PathSeg::key("start")])
                    .collect(),
                problem: P::StartOneOf,
                hint: Some(H::StartExample),
            }),
        };
        let z0 = z0.map_err(|e| vec![e])?;
        Saturation::new(
            self.activation,
            z0,
            self.target,
            self.learning_rate,
            self.max_steps,
        )
        .map_err(|e| {
            let key = match &e {
                EngineError::InvalidValue { name, .. } => match *name {
                    "the activation" => "activation",
                    "the starting z" => "start",
                    "the target" => "target",
                    "the learning rate" => "learning_rate",
                    _ => "max_steps",
                },
                _ => "saturation",
            };
            let hint = (key == "target").then_some(H::ActivationRange {
                activation: self.activation,
            });
            vec![at(&[key], e, hint)]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(yaml: &str) -> SaturationSpec {
        serde_yaml::from_str::<SaturationFile>(yaml)
            .unwrap()
            .saturation
    }

    #[test]
    fn a_file_with_a_saturation_key_is_told_apart_from_a_training_spec() {
        assert!(SaturationFile::is_one("saturation: {}"));
        assert!(!SaturationFile::is_one("data: {builtin: line}"));
        assert!(!SaturationFile::is_one("- not a mapping"));
    }

    #[test]
    fn a_target_outside_the_range_is_named_at_its_key() {
        let s = spec(
            "saturation: {activation: sigmoid, start: {a: 0.9}, target: 1.5, learning_rate: 0.2}",
        );
        let errs = s.resolve(&[PathSeg::key("saturation")]).unwrap_err();
        assert_eq!(
            errs[0].path,
            vec![PathSeg::key("saturation"), PathSeg::key("target")]
        );
        let message = errs[0].problem.to_string();
        assert!(message.contains("1.5"), "{message}");
        let hint = errs[0].hint.as_ref().map(ToString::to_string);
        assert!(hint.unwrap_or_default().contains("(0, 1)"));
    }

    #[test]
    fn a_start_outside_the_range_is_named_at_start_a() {
        let s =
            spec("saturation: {activation: tanh, start: {a: 1}, target: 0.5, learning_rate: 0.2}");
        let errs = s.resolve(&[]).unwrap_err();
        assert_eq!(errs[0].path, vec![PathSeg::key("start"), PathSeg::key("a")]);
    }
}
