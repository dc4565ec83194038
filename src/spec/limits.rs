//! The largest run a spec may ask for, checked before anything is
//! allocated: a lesson from a stranger cannot exhaust memory or keep the
//! learner's machine busy for hours. Every limit is far above what teaching
//! needs (the built-in lessons stay below a hundredth of each) and is
//! documented for authors in `lessons/README.md`. Sizes are multiplied with
//! checked arithmetic, so a huge value is refused rather than wrapped.

use super::TrainSpec;
use super::problem::{SpecHint as H, SpecProblem as P};
use super::resolve::SpecError;

/// The most layers in a network.
pub const MAX_LAYERS: usize = 16;
/// The most units in one layer.
pub const MAX_UNITS: usize = 4_096;
/// The most inputs a network may have (after polynomial expansion).
pub const MAX_FEATURES: usize = 1_000;
/// The most weights and biases in a network.
pub const MAX_PARAMS: usize = 4_000_000;
/// The most samples (data rows) in a run.
pub const MAX_SAMPLES: usize = 1_000_000;
/// The most epochs a run may ask for.
pub const MAX_EPOCHS: usize = 1_000_000;
/// The most gradient steps in a whole run: epochs × batches per epoch.
pub const MAX_ITERATIONS: u64 = 10_000_000;
/// The most work in a whole run, in multiply-adds of the forward pass:
/// epochs × samples × parameters. About a minute of training on a laptop.
pub const MAX_WORK: u64 = 50_000_000_000;
/// The most work in one pass over the data (rows × weights): what
/// resolving a run costs (its epoch-0 losses), and so what `nnstep check`
/// spends per run.
pub const MAX_PASS_WORK: u64 = 200_000_000;
/// The most activations held for one pass (rows × units of all layers):
/// the memory of a forward pass over the whole data, 8 bytes each.
pub const MAX_ACTIVATIONS: u64 = 5_000_000;
/// The most inputs to predict at the end of a run.
pub const MAX_PREDICT: usize = 10_000;

/// The checks that need no data: layer count, units, parameters between
/// consecutive layers, epochs.
pub(super) fn check_shape(spec: &TrainSpec) -> Vec<SpecError> {
    let mut errs = Vec::new();
    if spec.layers.len() > MAX_LAYERS {
        errs.push(SpecError::at(
            &["layers"],
            P::TooManyLayers {
                found: spec.layers.len(),
                limit: MAX_LAYERS,
            },
        ));
    }
    for (i, l) in spec.layers.iter().enumerate() {
        if l.units > MAX_UNITS {
            errs.push(
                SpecError::at(
                    &["layers", &i.to_string(), "units"],
                    P::TooManyUnits {
                        found: l.units,
                        limit: MAX_UNITS,
                    },
                )
                .hint(H::LessonUnits),
            );
        }
    }
    if spec.epochs > MAX_EPOCHS {
        errs.push(SpecError::at(
            &["epochs"],
            P::TooManyEpochs {
                found: spec.epochs,
                limit: MAX_EPOCHS,
            },
        ));
    }
    if spec.predict.len() > MAX_PREDICT {
        errs.push(SpecError::at(
            &["predict"],
            P::TooManyPredict {
                found: spec.predict.len(),
                limit: MAX_PREDICT,
            },
        ));
    }
    errs
}

/// Weights and biases of a network with `inputs` inputs and the spec's
/// layers; `None` when the count overflows.
#[must_use]
pub fn parameter_count(spec: &TrainSpec, inputs: usize) -> Option<usize> {
    let mut n_in = inputs;
    let mut total: usize = 0;
    for l in &spec.layers {
        let layer = n_in.checked_add(1)?.checked_mul(l.units)?;
        total = total.checked_add(layer)?;
        n_in = l.units;
    }
    Some(total)
}

/// The checks that need the data's size: samples, inputs, parameters, and
/// the run's total iterations and work.
pub(super) fn check_run(spec: &TrainSpec, samples: usize, inputs: usize) -> Result<(), SpecError> {
    if samples > MAX_SAMPLES {
        return Err(SpecError::at(
            &["data"],
            P::TooManyRows {
                found: samples,
                limit: MAX_SAMPLES,
            },
        ));
    }
    if inputs > MAX_FEATURES {
        return Err(SpecError::at(
            &["data", "features"],
            P::TooManyInputs {
                found: inputs,
                limit: MAX_FEATURES,
            },
        )
        .hint(H::FewerInputs));
    }
    let params = parameter_count(spec, inputs).filter(|&p| p <= MAX_PARAMS);
    let Some(params) = params else {
        return Err(
            SpecError::at(&["layers"], P::TooManyParams { limit: MAX_PARAMS }).hint(H::FewerLayers),
        );
    };
    let batch = spec
        .batch_size
        .to_engine()
        .and_then(|b| match b {
            crate::engine::BatchSize::Rows(r) => Some(r.clamp(1, samples.max(1))),
            _ => None,
        })
        .unwrap_or(samples.max(1));
    let per_epoch = samples.max(1).div_ceil(batch) as u64;
    let epochs = spec.epochs as u64;
    let iterations = epochs.checked_mul(per_epoch);
    if iterations.is_none_or(|n| n > MAX_ITERATIONS) {
        return Err(SpecError::at(
            &["epochs"],
            P::TooManySteps {
                epochs,
                per_epoch,
                limit: MAX_ITERATIONS,
            },
        )
        .hint(H::FewerEpochsOrLargerBatches));
    }
    let units: u64 = spec.layers.iter().map(|l| l.units as u64).sum();
    if (samples as u64).saturating_mul(units) > MAX_ACTIVATIONS {
        return Err(SpecError::at(
            &["layers"],
            P::TooManyActivations {
                rows: samples,
                units,
                limit: MAX_ACTIVATIONS,
            },
        )
        .hint(H::FewerRowsOrUnits));
    }
    if (samples as u64).saturating_mul(params as u64) > MAX_PASS_WORK {
        return Err(SpecError::at(
            &["layers"],
            P::PassTooLarge {
                rows: samples,
                params,
                limit: MAX_PASS_WORK,
            },
        )
        .hint(H::FewerRowsOrSmaller));
    }
    let work = epochs
        .checked_mul(samples as u64)
        .and_then(|w| w.checked_mul(params as u64));
    if work.is_none_or(|w| w > MAX_WORK) {
        return Err(SpecError::at(
            &["epochs"],
            P::RunTooLarge {
                epochs,
                rows: samples,
                params,
                limit: MAX_WORK,
            },
        )
        .hint(H::FewerEpochsRowsOrSmaller));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(text: &str) -> TrainSpec {
        TrainSpec::from_yaml(text).unwrap()
    }

    #[test]
    fn parameter_count_overflow_is_none_not_a_wrap() {
        let s = spec(&format!(
            "data: {{builtin: line}}\nlayers: [{{units: {}, activation: identity}}, {{units: {}, activation: identity}}]\nloss: mse\nlearning_rate: 0.1\nepochs: 1\n",
            usize::MAX,
            usize::MAX
        ));
        assert_eq!(parameter_count(&s, 3), None);
        assert!(!check_shape(&s).is_empty());
        // 3 inputs → 4 units → 1 unit: (3+1)·4 + (4+1)·1 = 21.
        let s = spec(
            "data: {builtin: line}\nlayers: [{units: 4, activation: relu}, {units: 1, activation: identity}]\nloss: mse\nlearning_rate: 0.1\nepochs: 1\n",
        );
        assert_eq!(parameter_count(&s, 3), Some(21));
    }

    #[test]
    fn a_run_of_a_billion_epochs_is_refused_with_the_limit() {
        let s = spec(
            "data: {builtin: line}\nlayers: [{units: 1, activation: identity}]\nloss: mse\nlearning_rate: 0.1\nepochs: 1000000000\n",
        );
        assert_eq!(
            check_shape(&s)[0].problem,
            P::TooManyEpochs {
                found: 1_000_000_000,
                limit: MAX_EPOCHS
            }
        );
        let s = spec(
            "data: {builtin: line}\nlayers: [{units: 1, activation: identity}]\nloss: mse\nlearning_rate: 0.1\nbatch_size: 1\nepochs: 100000\n",
        );
        let e = check_run(&s, 1000, 1).unwrap_err();
        assert!(
            matches!(
                e.problem,
                P::TooManySteps {
                    epochs: 100_000,
                    ..
                }
            ),
            "{:?}",
            e.problem
        );
    }
}
