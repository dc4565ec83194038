//! The finite-difference gradient check: every parameter nudged by ±h, the
//! loss's central difference compared with the backward pass.

use ndarray::ArrayView2;

use super::error::EngineError;
use super::network::Network;

/// The worst disagreement found, with where it was.
#[derive(Clone, Debug, PartialEq)]
pub struct GradCheck {
    /// max over parameters of |analytic − numeric| / max(|analytic| + |numeric|, 1e-8).
    pub max_relative_error: f64,
    /// Which parameter, as `dW2[1,0]`.
    pub worst: String,
    pub analytic: f64,
    pub numeric: f64,
}

/// Compares the backward pass's dW, dB with central differences of the batch
/// loss on `x` (m, n), `y` (m, k), step `h` (1e-5 is a good choice).
pub fn check(
    net: &Network,
    x: ArrayView2<f64>,
    y: ArrayView2<f64>,
    h: f64,
) -> Result<GradCheck, EngineError> {
    let fwd = net.forward(x)?;
    let grads = net.backward(x, &fwd, y);
    let mut probe = net.clone();
    let mut result = GradCheck {
        max_relative_error: 0.0,
        worst: String::new(),
        analytic: 0.0,
        numeric: 0.0,
    };
    for (li, g) in grads.layers.iter().enumerate() {
        let suffix = net.param_suffix(li);
        for (which, analytic_grad) in [("W", &g.dw), ("B", &g.db)] {
            for ((r, c), &analytic) in analytic_grad.indexed_iter() {
                let numeric = central_difference(&mut probe, li, which, (r, c), x, y, h)?;
                let rel = (analytic - numeric).abs() / (analytic.abs() + numeric.abs()).max(1e-8);
                if rel >= result.max_relative_error {
                    result = GradCheck {
                        max_relative_error: rel,
                        worst: format!("d{which}{suffix}[{r},{c}]"),
                        analytic,
                        numeric,
                    };
                }
            }
        }
    }
    Ok(result)
}

fn central_difference(
    probe: &mut Network,
    layer: usize,
    which: &str,
    at: (usize, usize),
    x: ArrayView2<f64>,
    y: ArrayView2<f64>,
    h: f64,
) -> Result<f64, EngineError> {
    let original = get(probe, layer, which, at);
    set(probe, layer, which, at, original + h);
    let plus = probe.evaluate(x, y)?;
    set(probe, layer, which, at, original - h);
    let minus = probe.evaluate(x, y)?;
    set(probe, layer, which, at, original);
    Ok((plus - minus) / (2.0 * h))
}

fn get(net: &mut Network, layer: usize, which: &str, at: (usize, usize)) -> f64 {
    let l = &net.layers_mut()[layer];
    if which == "W" { l.w[at] } else { l.b[at] }
}

fn set(net: &mut Network, layer: usize, which: &str, at: (usize, usize), value: f64) {
    let l = &mut net.layers_mut()[layer];
    if which == "W" {
        l.w[at] = value;
    } else {
        l.b[at] = value;
    }
}
