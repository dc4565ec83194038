//! The checks that need no data: every value in range, the layers fit
//! together and fit the loss.

use super::SpecError;
use crate::engine::{Activation, Loss, StopOn};
use crate::spec::TrainSpec;

/// Every problem with the spec's own values (the data is not read here).
pub(super) fn check_values(spec: &TrainSpec) -> Vec<SpecError> {
    let mut errs = Vec::new();
    if !(spec.learning_rate > 0.0 && spec.learning_rate.is_finite()) {
        errs.push(
            SpecError::at(
                &["learning_rate"],
                format!(
                    "the learning rate must be a number above 0, found {}",
                    spec.learning_rate
                ),
            )
            .hint("typical values are 0.01 to 0.5"),
        );
    }
    if spec.epochs == 0 {
        errs.push(SpecError::at(
            &["epochs"],
            "the number of epochs must be at least 1, found 0",
        ));
    }
    if spec.batch_size.to_engine().is_none() {
        errs.push(
            SpecError::at(
                &["batch_size"],
                "the batch size must be a positive number of rows",
            )
            .hint("write 1, 10, … or full"),
        );
    }
    if let Some(eps) = spec.eps.filter(|e| !(*e >= 0.0 && e.is_finite())) {
        errs.push(SpecError::at(
            &["eps"],
            format!("eps must be a number ≥ 0, found {eps}"),
        ));
    }
    if !(0.0..1.0).contains(&spec.validation) {
        errs.push(
            SpecError::at(
                &["validation"],
                format!(
                    "the validation fraction must be in [0, 1), found {}",
                    spec.validation
                ),
            )
            .hint("the book holds out 0.1"),
        );
    }
    if let Some(d) = spec.polynomial.filter(|d| !(1..=12).contains(d)) {
        errs.push(SpecError::at(
            &["polynomial"],
            format!("the polynomial degree must be 1 to 12, found {d}"),
        ));
    }
    if spec.stop_on == Some(StopOn::Validation) && spec.validation == 0.0 {
        errs.push(
            SpecError::at(&["stop_on"], "stop_on: validation needs a validation set")
                .hint("set validation: 0.1"),
        );
    }
    errs.extend(crate::spec::limits::check_shape(spec));
    errs.extend(check_layers(spec));
    errs
}

fn check_layers(spec: &TrainSpec) -> Vec<SpecError> {
    let mut errs = Vec::new();
    if spec.layers.is_empty() {
        errs.push(
            SpecError::at(&["layers"], "a network needs at least one layer")
                .hint("for example: - {units: 1, activation: identity}"),
        );
        return errs;
    }
    for (i, l) in spec.layers.iter().enumerate() {
        if l.units == 0 {
            errs.push(SpecError::at(
                &["layers", &i.to_string(), "units"],
                "a layer needs at least 1 unit",
            ));
        }
        if l.activation == Activation::Softmax && i + 1 < spec.layers.len() {
            errs.push(
                SpecError::at(
                    &["layers", &i.to_string(), "activation"],
                    "softmax belongs on the output layer only",
                )
                .hint("use sigmoid, tanh or relu in hidden layers"),
            );
        }
    }
    let last = spec.layers.len() - 1;
    let out = spec.layers[last];
    let needed = match spec.loss {
        Loss::Mse => None,
        Loss::BinaryCrossEntropy => (out.activation != Activation::Sigmoid || out.units != 1)
            .then_some("one unit with activation sigmoid"),
        Loss::SoftmaxCrossEntropy => (out.activation != Activation::Softmax)
            .then_some("activation softmax, one unit per class"),
    };
    if let Some(needed) = needed {
        errs.push(
            SpecError::at(
                &["layers", &last.to_string(), "activation"],
                format!(
                    "the loss {} needs an output layer with {needed}",
                    spec.loss.name()
                ),
            )
            .hint(format!(
                "the last layer here is {} unit(s) with {}",
                out.units,
                out.activation.name()
            )),
        );
    }
    if spec.closed_form
        && !(spec.layers.len() == 1
            && out.activation == Activation::Identity
            && spec.loss == Loss::Mse)
    {
        errs.push(SpecError::at(
            &["closed_form"],
            "the closed-form solution exists only for one linear layer with the mse loss",
        ));
    }
    errs
}
