//! The wrong answers that common slips give for a gradient case, computed
//! by re-running the backward pass with the slip put in: z where a was
//! needed (in the output delta, in σ', or as a layer's input), σ' left out,
//! the ½ of the squared error dropped, the 1/m left out or doubled.

use ndarray::{Array2, ArrayView2};

use super::case::Case;
use super::grade::Slip;
use super::gradient::derivative_uses_a;
use super::quantity::Quantity;
use crate::engine::{Activation, LayerGrads, Loss};

/// Where a slipped backward pass differs from the right one.
#[derive(Clone, Copy, Default)]
struct Variant {
    /// The output delta from Z instead of A (`dZ = Z − Y`).
    output_z: bool,
    /// σ'(·) written with A, evaluated at Z (`Z(1 − Z)`).
    derivative_z: bool,
    /// A layer's input taken as the previous Z instead of its A.
    input_z: bool,
    /// σ' left out of the hidden delta.
    no_derivative: bool,
}

/// The (slip, value) pairs for the asked quantity, most telling first.
pub(super) fn slips(case: &Case) -> Vec<(Slip, Array2<f64>)> {
    let v = case.answer();
    let m = case.samples();
    let mut out = Vec::new();
    let q = case.ask;
    let is_grad = matches!(q, Quantity::DZ(_) | Quantity::DW(_) | Quantity::DB(_));
    if case.network.loss() == Loss::Mse && (is_grad || q == Quantity::Loss) {
        out.push((Slip::ForgotHalf, v.mapv(|x| 2.0 * x)));
    }
    if m > 1 {
        if matches!(q, Quantity::DW(_) | Quantity::DB(_) | Quantity::Loss) {
            out.push((Slip::ForgotMean { m }, v.mapv(|x| x * m as f64)));
        }
        if is_grad {
            out.push((Slip::ExtraMean { m }, v.mapv(|x| x / m as f64)));
        }
    }
    let layers = case.network.layers();
    match q {
        Quantity::A(i) if layers[i].activation != Activation::Identity => {
            out.push((Slip::ZForA, case.forward.z[i].clone()));
        }
        Quantity::DZ(i) | Quantity::DW(i) | Quantity::DB(i) => {
            let pick = |g: &[LayerGrads]| match q {
                Quantity::DZ(_) => g[i].dz.clone(),
                Quantity::DW(_) => g[i].dw.clone(),
                _ => g[i].db.clone(),
            };
            for (slip, variant) in [
                (
                    Slip::ZForA,
                    Variant {
                        output_z: true,
                        ..Variant::default()
                    },
                ),
                (
                    Slip::ZForA,
                    Variant {
                        derivative_z: true,
                        ..Variant::default()
                    },
                ),
                (
                    Slip::ZForA,
                    Variant {
                        input_z: true,
                        ..Variant::default()
                    },
                ),
                (
                    Slip::ForgotDerivative,
                    Variant {
                        no_derivative: true,
                        ..Variant::default()
                    },
                ),
            ] {
                out.push((slip, pick(&backward_with(case, variant))));
            }
        }
        _ => {}
    }
    out.retain(|(_, v)| v.iter().all(|x| x.is_finite()));
    out
}

/// The backward pass of the case with one slip put in.
fn backward_with(case: &Case, v: Variant) -> Vec<LayerGrads> {
    let layers = case.network.layers();
    let (z, a) = (&case.forward.z, &case.forward.a);
    let n = layers.len();
    let last = &layers[n - 1];
    let out_a = if v.output_z { &z[n - 1] } else { &a[n - 1] };
    let mut dz = case.network.loss().output_delta(
        last.activation,
        z[n - 1].view(),
        out_a.view(),
        case.y.view(),
    );
    let mut grads = Vec::with_capacity(n);
    for i in (0..n).rev() {
        let input: ArrayView2<f64> = match i {
            0 => case.x.view(),
            _ if v.input_z => z[i - 1].view(),
            _ => a[i - 1].view(),
        };
        let next = (i > 0).then(|| {
            let da = dz.dot(&layers[i].w.t());
            let prev = layers[i - 1].activation;
            if v.no_derivative && prev != Activation::Identity {
                da
            } else if v.derivative_z && derivative_uses_a(prev) {
                prev.backward(z[i - 1].view(), z[i - 1].view(), da.view())
            } else {
                prev.backward(z[i - 1].view(), a[i - 1].view(), da.view())
            }
        });
        grads.push(layers[i].gradients(input, dz));
        match next {
            Some(d) => dz = d,
            None => break,
        }
    }
    grads.reverse();
    grads
}
