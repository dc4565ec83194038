//! The checks that need no data: every value in range, the layers fit
//! together and fit the loss.

use super::SpecError;
use crate::engine::{Activation, Loss, StopOn};
use crate::spec::TrainSpec;
use crate::spec::problem::{SpecHint as H, SpecProblem as P};

/// Every problem with the spec's own values (the data is not read here).
pub(super) fn check_values(spec: &TrainSpec) -> Vec<SpecError> {
    let mut errs = Vec::new();
    if !(spec.learning_rate > 0.0 && spec.learning_rate.is_finite()) {
        errs.push(
            SpecError::at(
                &["learning_rate"],
                P::LearningRateNotPositive {
                    found: spec.learning_rate,
                },
            )
            .hint(H::TypicalLearningRate),
        );
    }
    if spec.batch_size.to_engine().is_none() {
        errs.push(SpecError::at(&["batch_size"], P::BatchSizeNotPositive).hint(H::BatchSizeForms));
    }
    if let Some(eps) = spec.eps.filter(|e| !(*e >= 0.0 && e.is_finite())) {
        errs.push(SpecError::at(&["eps"], P::EpsNegative { found: eps }));
    }
    if !(0.0..1.0).contains(&spec.validation) {
        errs.push(
            SpecError::at(
                &["validation"],
                P::ValidationOutOfRange {
                    found: spec.validation,
                },
            )
            .hint(H::BookHoldsOut),
        );
    }
    if let Some(d) = spec.polynomial.filter(|d| !(1..=12).contains(d)) {
        errs.push(SpecError::at(
            &["polynomial"],
            P::PolynomialDegree { found: d },
        ));
    }
    if spec.stop_on == Some(StopOn::Validation) && spec.validation == 0.0 {
        errs.push(
            SpecError::at(&["stop_on"], P::StopOnValidationWithoutSet).hint(H::SetValidation),
        );
    }
    errs.extend(crate::spec::limits::check_shape(spec));
    errs.extend(check_layers(spec));
    errs.extend(crate::spec::book_checks::check(spec));
    errs
}

fn check_layers(spec: &TrainSpec) -> Vec<SpecError> {
    let mut errs = Vec::new();
    if spec.layers.is_empty() {
        errs.push(SpecError::at(&["layers"], P::NoLayers).hint(H::LayerExample));
        return errs;
    }
    for (i, l) in spec.layers.iter().enumerate() {
        if l.units == 0 {
            errs.push(SpecError::at(
                &["layers", &i.to_string(), "units"],
                P::NoUnits,
            ));
        }
        if l.activation == Activation::Softmax && i + 1 < spec.layers.len() {
            errs.push(
                SpecError::at(&["layers", &i.to_string(), "activation"], P::SoftmaxNotLast)
                    .hint(H::HiddenActivations),
            );
        }
    }
    let last = spec.layers.len() - 1;
    let out = spec.layers[last];
    let wrong = match spec.loss {
        Loss::Mse => false,
        Loss::BinaryCrossEntropy => out.activation != Activation::Sigmoid || out.units != 1,
        Loss::SoftmaxCrossEntropy => out.activation != Activation::Softmax,
    };
    if wrong {
        errs.push(
            SpecError::at(
                &["layers", &last.to_string(), "activation"],
                P::LossNeedsOutput { loss: spec.loss },
            )
            .hint(H::LastLayerIs {
                units: out.units,
                activation: out.activation,
            }),
        );
    }
    if spec.closed_form
        && !(spec.layers.len() == 1
            && out.activation == Activation::Identity
            && spec.loss == Loss::Mse)
    {
        errs.push(SpecError::at(&["closed_form"], P::ClosedFormNeedsLinear));
    }
    errs
}
