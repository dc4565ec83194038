//! What the hidden layer of a two-layer network does, as numbers a view can
//! draw.
//!
//! - One-input regression: the output is `Z2 = A1·W2 + B2` with an identity
//!   output layer, so it splits into one term per hidden unit,
//!   `w2ᵢ·aᵢ(x)`, plus `b2`. [`unit_contributions`] returns those terms.
//! - Classification: the last layer sees only the hidden activations `A1`
//!   (m, k). With two hidden units that is a plane, and the last layer's
//!   boundary in it is a straight line. With three or more units the view
//!   picks two axes ([`hidden_axes`]: the two units whose last-layer weights
//!   weigh most, measured by the norm of their row of `W2`) and holds the
//!   other units at a fixed value (their mean over the samples); in that
//!   plane the boundaries are still straight lines ([`boundary_lines`]).
//!
//! Shapes follow the deck: `X` (m, n), `W1` (n, k), `A1` (m, k), `W2` (k, c).

use ndarray::{Array2, ArrayView2, Axis};

use super::activation::Activation;
use super::error::EngineError;
use super::network::Network;

/// Each hidden unit's term of the output for every sample.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitCurves {
    /// (m, k): row r, column i holds `w2ᵢ·aᵢ(xᵣ)`.
    pub terms: Array2<f64>,
    /// The output layer's bias `b2`; `terms` summed along a row plus this
    /// is the network's output.
    pub bias: f64,
}

/// The two layers of `net`, or an error naming what the view needs.
fn two_layers(net: &Network) -> Result<(&super::Dense, &super::Dense), EngineError> {
    match net.layers() {
        [hidden, out] => Ok((hidden, out)),
        layers => Err(EngineError::InvalidValue {
            name: "the number of layers for the hidden-unit view",
            expected: "2 (one hidden layer and the output layer)",
            found: layers.len().to_string(),
        }),
    }
}

/// The hidden activations `A1` (m, k) for inputs `x` (m, n).
pub fn hidden_activations(net: &Network, x: ArrayView2<f64>) -> Result<Array2<f64>, EngineError> {
    two_layers(net)?;
    let mut fwd = net.forward(x)?;
    Ok(fwd.a.swap_remove(0))
}

/// Each hidden unit's contribution `w2ᵢ·aᵢ(x)` to the output of a network
/// with one hidden layer and one identity output unit, for inputs `x` (m, n).
pub fn unit_contributions(net: &Network, x: ArrayView2<f64>) -> Result<UnitCurves, EngineError> {
    let (_, out) = two_layers(net)?;
    if out.units() != 1 || out.activation != Activation::Identity {
        return Err(EngineError::InvalidValue {
            name: "the output layer for unit curves",
            expected: "one unit with the identity activation",
            found: format!("{} unit(s) with '{}'", out.units(), out.activation.name()),
        });
    }
    let a1 = hidden_activations(net, x)?;
    let w2 = out.w.column(0);
    let terms = &a1 * &w2.insert_axis(Axis(0));
    Ok(UnitCurves {
        terms,
        bias: out.b[[0, 0]],
    })
}

/// The two hidden units a plane view shows: for two units, both; for more,
/// the two whose rows of `W2` have the largest norms (ties go to the lower
/// index), in increasing order. `None` for a single hidden unit.
pub fn hidden_axes(net: &Network) -> Result<Option<[usize; 2]>, EngineError> {
    let (hidden, out) = two_layers(net)?;
    let k = hidden.units();
    if k < 2 {
        return Ok(None);
    }
    let norm = |i: usize| out.w.row(i).iter().map(|v| v * v).sum::<f64>();
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|a, b| norm(*b).total_cmp(&norm(*a)).then(a.cmp(b)));
    let (a, b) = (order[0].min(order[1]), order[0].max(order[1]));
    Ok(Some([a, b]))
}

/// A line `u·a + v·b + c = 0` in the plane of the two shown hidden units
/// (`a` along the first axis, `b` along the second), where the output
/// classes `classes.0` and `classes.1` tie. For a single sigmoid output,
/// the classes are 0 (output below ½) and 1, and the line is `z2 = 0`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    pub classes: (usize, usize),
    pub u: f64,
    pub v: f64,
    pub c: f64,
}

/// The last layer's boundaries in the plane of the hidden units `axes`,
/// with every other unit `j` held at `fixed[j]` (`fixed` has one value per
/// hidden unit; the values at `axes` are ignored). One line for a single
/// output unit; one per pair of classes for softmax.
pub fn boundary_lines(
    net: &Network,
    axes: [usize; 2],
    fixed: &[f64],
) -> Result<Vec<Line>, EngineError> {
    let (hidden, out) = two_layers(net)?;
    let k = hidden.units();
    if fixed.len() != k || axes.iter().any(|a| *a >= k) {
        return Err(EngineError::InvalidValue {
            name: "the fixed hidden values",
            expected: "one per hidden unit, with both axes among them",
            found: format!("{} values, axes {axes:?} of {k} units", fixed.len()),
        });
    }
    // z_c(a, b) = W2[ax0, c]·a + W2[ax1, c]·b + (B2[c] + Σ_other W2[j, c]·fixed[j]).
    let coef = |c: usize| {
        let rest: f64 = (0..k)
            .filter(|j| !axes.contains(j))
            .map(|j| out.w[[j, c]] * fixed[j])
            .sum();
        (
            out.w[[axes[0], c]],
            out.w[[axes[1], c]],
            out.b[[0, c]] + rest,
        )
    };
    let outputs = out.units();
    if outputs == 1 {
        let (u, v, c) = coef(0);
        return Ok(vec![Line {
            classes: (0, 1),
            u,
            v,
            c,
        }]);
    }
    let mut lines = Vec::new();
    for i in 0..outputs {
        for j in i + 1..outputs {
            let (ui, vi, ci) = coef(i);
            let (uj, vj, cj) = coef(j);
            lines.push(Line {
                classes: (i, j),
                u: ui - uj,
                v: vi - vj,
                c: ci - cj,
            });
        }
    }
    Ok(lines)
}

/// The last layer's output for points of the hidden plane: `plane` (g, 2)
/// holds values of the units `axes`; every other unit `j` is `fixed[j]`.
/// Returns (g, c), as [`Network::predict`] would for those hidden values.
pub fn classify_plane(
    net: &Network,
    axes: [usize; 2],
    fixed: &[f64],
    plane: ArrayView2<f64>,
) -> Result<Array2<f64>, EngineError> {
    let (hidden, out) = two_layers(net)?;
    let k = hidden.units();
    if fixed.len() != k || axes.iter().any(|a| *a >= k) || plane.ncols() != 2 {
        return Err(EngineError::InvalidValue {
            name: "the hidden plane",
            expected: "two columns, and one fixed value per hidden unit",
            found: format!("{} columns, {} fixed values", plane.ncols(), fixed.len()),
        });
    }
    let mut a1 = Array2::from_shape_fn((plane.nrows(), k), |(_, j)| fixed[j]);
    a1.column_mut(axes[0]).assign(&plane.column(0));
    a1.column_mut(axes[1]).assign(&plane.column(1));
    let last = Network::from_layers(vec![out.clone()], net.loss())?;
    last.predict(a1.view())
}

/// The column means of `a1` (m, k): the values the units not shown are held
/// at.
#[must_use]
pub fn means(a1: &Array2<f64>) -> Vec<f64> {
    a1.mean_axis(Axis(0))
        .map_or_else(|| vec![0.0; a1.ncols()], |m| m.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Dense, Loss};
    use ndarray::array;

    fn net_131() -> Network {
        let hidden = Dense::new(
            array![[3.0, -2.0, 7.5]],
            array![[-1.0, 0.5, -4.0]],
            Activation::Sigmoid,
        )
        .unwrap();
        let out = Dense::new(
            array![[0.8], [-1.3], [0.45]],
            array![[0.2]],
            Activation::Identity,
        )
        .unwrap();
        Network::from_layers(vec![hidden, out], Loss::Mse).unwrap()
    }

    #[test]
    fn unit_terms_sum_with_the_bias_to_the_output_at_every_x() {
        let net = net_131();
        let x = Array2::from_shape_fn((201, 1), |(i, _)| -1.0 + 3.0 * i as f64 / 200.0);
        let curves = unit_contributions(&net, x.view()).unwrap();
        let out = net.predict(x.view()).unwrap();
        for r in 0..x.nrows() {
            let sum: f64 = curves.terms.row(r).sum() + curves.bias;
            assert!((sum - out[[r, 0]]).abs() <= 1e-12, "x = {}", x[[r, 0]]);
        }
    }

    #[test]
    fn one_unit_term_is_its_weight_times_its_sigmoid() {
        // Unit 3 at x = 0.5: z = 7.5·0.5 − 4 = −0.25, a = σ(−0.25) = 0.4378235,
        // term = 0.45·a = 0.1970206 (by hand with a calculator).
        let curves = unit_contributions(&net_131(), array![[0.5]].view()).unwrap();
        assert!((curves.terms[[0, 2]] - 0.45 / (1.0 + 0.25f64.exp())).abs() < 1e-15);
        assert!((curves.terms[[0, 2]] - 0.197_020_6).abs() < 1e-7);
        assert_eq!(curves.bias, 0.2);
    }

    #[test]
    fn unit_curves_need_an_identity_output_and_two_layers() {
        let one = Network::from_layers(
            vec![Dense::new(array![[1.0]], array![[0.0]], Activation::Identity).unwrap()],
            Loss::Mse,
        )
        .unwrap();
        assert!(unit_contributions(&one, array![[0.0]].view()).is_err());
        let (h, _) = (net_131().layers()[0].clone(), ());
        let out = Dense::new(
            array![[1.0], [1.0], [1.0]],
            array![[0.0]],
            Activation::Sigmoid,
        )
        .unwrap();
        let clf = Network::from_layers(vec![h, out], Loss::BinaryCrossEntropy).unwrap();
        assert!(unit_contributions(&clf, array![[0.0]].view()).is_err());
    }

    fn xor_net(out_w: Array2<f64>, out_b: Array2<f64>, act: Activation, loss: Loss) -> Network {
        let hidden = Dense::new(
            array![[2.0, -1.0, 0.5], [1.5, 3.0, -0.5]],
            array![[0.1, -0.2, 0.3]],
            Activation::Sigmoid,
        )
        .unwrap();
        let out = Dense::new(out_w, out_b, act).unwrap();
        Network::from_layers(vec![hidden, out], loss).unwrap()
    }

    #[test]
    fn axes_are_the_two_units_with_the_heaviest_last_layer_weights() {
        let net = xor_net(
            array![[0.1], [-4.0], [2.0]],
            array![[0.0]],
            Activation::Sigmoid,
            Loss::BinaryCrossEntropy,
        );
        assert_eq!(hidden_axes(&net).unwrap(), Some([1, 2]));
    }

    #[test]
    fn points_on_the_binary_line_have_output_one_half() {
        let net = xor_net(
            array![[0.7], [-4.0], [2.0]],
            array![[0.3]],
            Activation::Sigmoid,
            Loss::BinaryCrossEntropy,
        );
        let fixed = [0.25, 0.0, 0.0];
        let [line] = boundary_lines(&net, [1, 2], &fixed).unwrap()[..] else {
            panic!("one line expected")
        };
        // Solve for b at a few a: b = −(u·a + c)/v.
        let plane = Array2::from_shape_fn((5, 2), |(i, j)| {
            let a = 0.2 * i as f64;
            if j == 0 {
                a
            } else {
                -(line.u * a + line.c) / line.v
            }
        });
        let p = classify_plane(&net, [1, 2], &fixed, plane.view()).unwrap();
        for v in &p {
            assert!((v - 0.5).abs() < 1e-12, "{v}");
        }
    }

    #[test]
    fn softmax_pair_lines_are_where_two_classes_tie() {
        let net = xor_net(
            array![[1.0, -1.0, 0.5], [2.0, 0.0, -2.0], [-1.0, 3.0, 0.2]],
            array![[0.1, 0.2, -0.3]],
            Activation::Softmax,
            Loss::SoftmaxCrossEntropy,
        );
        let fixed = [0.0, 0.0, 0.6];
        let lines = boundary_lines(&net, [0, 1], &fixed).unwrap();
        assert_eq!(lines.len(), 3);
        for line in &lines {
            let (i, j) = line.classes;
            let plane = array![[0.3, -(line.u * 0.3 + line.c) / line.v]];
            let p = classify_plane(&net, [0, 1], &fixed, plane.view()).unwrap();
            assert!((p[[0, i]] - p[[0, j]]).abs() < 1e-12);
        }
    }

    #[test]
    fn the_plane_reproduces_the_network_when_every_unit_is_shown() {
        // With two hidden units the plane holds all of A1: classifying the
        // samples' hidden points gives the network's own outputs.
        let hidden = Dense::new(
            array![[2.0, -1.0], [1.5, 3.0]],
            array![[0.1, -0.2]],
            Activation::Sigmoid,
        )
        .unwrap();
        let out = Dense::new(array![[5.0], [-6.0]], array![[0.4]], Activation::Sigmoid).unwrap();
        let net = Network::from_layers(vec![hidden, out], Loss::BinaryCrossEntropy).unwrap();
        let x = array![[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]];
        let a1 = hidden_activations(&net, x.view()).unwrap();
        let via_plane = classify_plane(&net, [0, 1], &means(&a1), a1.view()).unwrap();
        let direct = net.predict(x.view()).unwrap();
        for (a, b) in via_plane.iter().zip(&direct) {
            assert!((a - b).abs() < 1e-12);
        }
    }
}
