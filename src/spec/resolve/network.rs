//! The network at epoch 0: drawn by the spec's initialiser, or set from the
//! explicit `weights`, each checked against the layer it belongs to.

use ndarray::Array2;

use super::SpecError;
use crate::engine::{Dense, Init, Network};
use crate::rng::SeededRng;
use crate::spec::TrainSpec;
use crate::spec::problem::{SpecHint as H, SpecProblem as P};

/// The network for `inputs` input columns, its weights from the spec.
pub(super) fn build_network(spec: &TrainSpec, inputs: usize) -> Result<Network, SpecError> {
    let Some(weights) = &spec.weights else {
        let init = spec.init.unwrap_or(if spec.layers.len() == 1 {
            Init::Zeros
        } else {
            Init::Xavier
        });
        let mut rng = SeededRng::derived(spec.seed, "init");
        return Network::new(inputs, &spec.layers, spec.loss, init, &mut rng)
            .map_err(|e| SpecError::at(&["layers"], P::Engine(Box::new(e))));
    };
    if weights.len() != spec.layers.len() {
        return Err(SpecError::at(
            &["weights"],
            P::WeightsLayers {
                found: weights.len(),
                layers: spec.layers.len(),
            },
        ));
    }
    let mut layers = Vec::with_capacity(weights.len());
    let mut n_in = inputs;
    for (i, (lw, ls)) in weights.iter().zip(&spec.layers).enumerate() {
        let idx = i.to_string();
        let rows = lw.w.len();
        let cols = lw.w.first().map_or(0, Vec::len);
        if rows != n_in || cols != ls.units || lw.w.iter().any(|r| r.len() != cols) {
            return Err(SpecError::at(
                &["weights", &idx, "w"],
                P::WShape {
                    layer: i + 1,
                    inputs: n_in,
                    units: ls.units,
                    found: (rows, cols),
                },
            )
            .hint(H::WRows));
        }
        let w = Array2::from_shape_fn((rows, cols), |(r, c)| lw.w[r][c]);
        let b = match &lw.b {
            Some(b) if b.len() != ls.units => {
                return Err(SpecError::at(
                    &["weights", &idx, "b"],
                    P::BLength {
                        layer: i + 1,
                        units: ls.units,
                        found: b.len(),
                    },
                ));
            }
            Some(b) => Array2::from_shape_fn((1, b.len()), |(_, c)| b[c]),
            None => Array2::zeros((1, ls.units)),
        };
        layers.push(
            Dense::new(w, b, ls.activation)
                .map_err(|e| SpecError::at(&["weights", &idx], P::Engine(Box::new(e))))?,
        );
        n_in = ls.units;
    }
    Network::from_layers(layers, spec.loss)
        .map_err(|e| SpecError::at(&["weights"], P::Engine(Box::new(e))))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::spec::{DisplayPath, TrainSpec};

    /// A two-input spec with a 2-unit tanh layer and a 1-unit output, plus
    /// the given `weights:` block.
    fn spec(weights: &str) -> TrainSpec {
        TrainSpec::from_yaml(&format!(
            "data: {{builtin: line}}\n\
             layers: [{{units: 2, activation: tanh}}, {{units: 1, activation: identity}}]\n\
             loss: mse\nlearning_rate: 0.1\nepochs: 1\n{weights}"
        ))
        .unwrap()
    }

    fn error(weights: &str) -> (String, String) {
        let e = build_network(&spec(weights), 2).unwrap_err();
        (DisplayPath(&e.path).to_string(), e.problem.to_string())
    }

    #[test]
    fn explicit_weights_are_used_as_written_and_a_missing_b_is_zeros() {
        let net = build_network(
            &spec("weights: [{w: [[1, 2], [3, 4]], b: [5, 6]}, {w: [[7], [8]]}]"),
            2,
        )
        .unwrap();
        let [l1, l2] = net.layers() else {
            panic!("two layers expected")
        };
        assert_eq!(l1.w, ndarray::array![[1.0, 2.0], [3.0, 4.0]]);
        assert_eq!(l1.b, ndarray::array![[5.0, 6.0]]);
        assert_eq!(l2.w, ndarray::array![[7.0], [8.0]]);
        assert_eq!(l2.b, ndarray::array![[0.0]]);
    }

    #[test]
    fn a_w_of_the_wrong_shape_names_both_shapes_at_its_key() {
        let (path, message) = error("weights: [{w: [[1, 2]]}, {w: [[7], [8]]}]");
        assert_eq!(path, "weights[0].w");
        assert!(
            message.contains("W1 must be 2×2") && message.contains("found 1×2"),
            "{message}"
        );
    }

    #[test]
    fn ragged_rows_of_w_are_refused() {
        let (path, _) = error("weights: [{w: [[1, 2], [3]]}, {w: [[7], [8]]}]");
        assert_eq!(path, "weights[0].w");
    }

    #[test]
    fn a_b_of_the_wrong_length_is_named() {
        let (path, message) = error("weights: [{w: [[1, 2], [3, 4]]}, {w: [[7], [8]], b: [1, 2]}]");
        assert_eq!(path, "weights[1].b");
        assert!(
            message.contains("B2 must have 1 value(s), found 2"),
            "{message}"
        );
    }

    #[test]
    fn one_entry_per_layer_is_required() {
        let (path, message) = error("weights: [{w: [[1, 2], [3, 4]]}]");
        assert_eq!(path, "weights");
        assert!(
            message.contains("1 layer(s), but layers has 2"),
            "{message}"
        );
    }

    #[test]
    fn without_weights_one_layer_starts_at_zero_by_default() {
        let s = TrainSpec::from_yaml(
            "data: {builtin: line}\nlayers: [{units: 1, activation: identity}]\n\
             loss: mse\nlearning_rate: 0.1\nepochs: 1\n",
        )
        .unwrap();
        let net = build_network(&s, 3).unwrap();
        assert!(net.layers()[0].w.iter().all(|v| *v == 0.0));
        assert_eq!(net.layers()[0].w.dim(), (3, 1));
    }
}
