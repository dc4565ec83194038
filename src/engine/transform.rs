//! Transforms of the data: min-max and z-score normalisation (and their
//! inverse for a linear model's W and B), polynomial features and one-hot
//! labels.

use ndarray::{Array1, Array2, Axis};
use serde::{Deserialize, Serialize};

use super::error::EngineError;

/// Which normalisation, as written in a spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NormKind {
    /// (x − min) / (max − min), into [0, 1]: the course book's choice.
    MinMax,
    /// (x − mean) / std.
    ZScore,
}

/// A fitted per-column affine normalisation x' = (x − center) / scale.
#[derive(Clone, Debug, PartialEq)]
pub struct Normalizer {
    pub kind: NormKind,
    /// (n,) per-column centre: the minimum or the mean.
    pub center: Array1<f64>,
    /// (n,) per-column scale: the range or the standard deviation, never 0.
    pub scale: Array1<f64>,
}

impl Normalizer {
    /// Fits to the columns of `x` (m, n). A constant column cannot be
    /// normalised and is an error naming it (`names` label the columns).
    pub fn fit(kind: NormKind, x: &Array2<f64>, names: &[String]) -> Result<Self, EngineError> {
        let n = x.ncols();
        let mut center = Array1::zeros(n);
        let mut scale = Array1::zeros(n);
        for (j, col) in x.axis_iter(Axis(1)).enumerate() {
            let (c, s) = match kind {
                NormKind::MinMax => {
                    let min = col.fold(f64::INFINITY, |a, &b| a.min(b));
                    let max = col.fold(f64::NEG_INFINITY, |a, &b| a.max(b));
                    (min, max - min)
                }
                NormKind::ZScore => {
                    let mean = col.mean().unwrap_or(0.0);
                    let var = col.iter().map(|v| (v - mean).powi(2)).sum::<f64>()
                        / col.len().max(1) as f64;
                    (mean, var.sqrt())
                }
            };
            if !(s > 0.0 && s.is_finite()) {
                let name = names
                    .get(j)
                    .cloned()
                    .unwrap_or_else(|| format!("column {}", j + 1));
                return Err(EngineError::Transform(format!(
                    "cannot normalise '{name}': all its values are the same, so its spread is 0"
                )));
            }
            center[j] = c;
            scale[j] = s;
        }
        Ok(Self {
            kind,
            center,
            scale,
        })
    }

    /// x → (x − center) / scale, column by column; `x` is (m, n).
    #[must_use]
    pub fn apply(&self, x: &Array2<f64>) -> Array2<f64> {
        (x - &self.center) / &self.scale
    }

    /// The inverse: x' → x'·scale + center.
    #[must_use]
    pub fn invert(&self, x: &Array2<f64>) -> Array2<f64> {
        x * &self.scale + &self.center
    }
}

/// Turns a linear model learnt on normalised data back into original units.
///
/// With x' = (x − c)/s and z' = x'·W' + B' (and, if the label was normalised
/// too, y = z'·s_y + c_y): `W_j = W'_j / s_j`, `B = B' − Σ_j W'_j·c_j/s_j`,
/// then both are scaled by s_y and c_y is added to B.
/// `w` is (n, k), `b` (1, k).
#[must_use]
pub fn denormalise_linear(
    w: &Array2<f64>,
    b: &Array2<f64>,
    x_norm: &Normalizer,
    y_norm: Option<&Normalizer>,
) -> (Array2<f64>, Array2<f64>) {
    let scale_col = x_norm.scale.clone().insert_axis(Axis(1));
    let mut w_real = w / &scale_col;
    let shift = x_norm.center.view().insert_axis(Axis(0)).dot(&w_real);
    let mut b_real = b - &shift;
    if let Some(yn) = y_norm {
        w_real = &w_real * &yn.scale;
        b_real = &b_real * &yn.scale + &yn.center;
    }
    (w_real, b_real)
}

/// Polynomial features: each column x_j of `x` (m, n) becomes x_j, x_j², …,
/// x_j^degree, giving (m, n·degree) with a column's powers side by side.
/// There are no cross terms; the chapters use one input.
#[must_use]
pub fn polynomial(x: &Array2<f64>, degree: usize) -> Array2<f64> {
    let (m, n) = x.dim();
    let d = degree.max(1);
    Array2::from_shape_fn((m, n * d), |(i, c)| x[[i, c / d]].powi((c % d) as i32 + 1))
}

/// The distinct class ids in `labels`, sorted.
#[must_use]
pub fn class_ids(labels: &Array2<f64>) -> Vec<f64> {
    let mut ids: Vec<f64> = labels.iter().copied().collect();
    ids.sort_by(f64::total_cmp);
    ids.dedup();
    ids
}

/// One-hot rows (m, classes.len()) from a label column (m, 1). A label not in
/// `classes` is an error naming the row (1-based) and the value.
pub fn one_hot(labels: &Array2<f64>, classes: &[f64]) -> Result<Array2<f64>, EngineError> {
    let mut out = Array2::zeros((labels.nrows(), classes.len()));
    for (i, &label) in labels.column(0).iter().enumerate() {
        let Some(k) = classes.iter().position(|&c| c == label) else {
            return Err(EngineError::Transform(format!(
                "sample {}: label {label} is not one of the classes {classes:?}",
                i + 1
            )));
        };
        out[[i, k]] = 1.0;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn min_max_maps_to_unit_interval_and_inverts() {
        let x = array![[2.0, 40.0], [12.0, 80.0], [22.0, 120.0]];
        let n = Normalizer::fit(NormKind::MinMax, &x, &[]).unwrap();
        assert_eq!(n.apply(&x), array![[0.0, 0.0], [0.5, 0.5], [1.0, 1.0]]);
        assert_eq!(n.invert(&n.apply(&x)), x);
    }

    #[test]
    fn denormalised_weights_predict_the_same_in_real_units() {
        let x = array![[2.0, 40.0], [12.0, 90.0], [22.0, 119.0]];
        let y = array![[100.0], [300.0], [450.0]];
        let xn = Normalizer::fit(NormKind::MinMax, &x, &[]).unwrap();
        let yn = Normalizer::fit(NormKind::ZScore, &y, &[]).unwrap();
        let (w, b) = (array![[0.3], [-0.7]], array![[0.2]]);
        let z_norm = xn.apply(&x).dot(&w) + &b;
        let expected = yn.invert(&z_norm);
        let (wr, br) = denormalise_linear(&w, &b, &xn, Some(&yn));
        let z_real = x.dot(&wr) + &br;
        for (a, e) in z_real.iter().zip(expected.iter()) {
            assert!((a - e).abs() < 1e-9);
        }
    }

    #[test]
    fn polynomial_features_hold_powers_side_by_side() {
        assert_eq!(
            polynomial(&array![[2.0], [3.0]], 3),
            array![[2.0, 4.0, 8.0], [3.0, 9.0, 27.0]]
        );
    }

    #[test]
    fn one_hot_uses_sorted_class_ids_and_rejects_strangers() {
        let labels = array![[3.0], [1.0], [2.0]];
        let classes = class_ids(&labels);
        assert_eq!(
            one_hot(&labels, &classes).unwrap(),
            array![[0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]
        );
        assert!(
            one_hot(&array![[4.0]], &classes)
                .unwrap_err()
                .to_string()
                .contains("label 4")
        );
    }

    #[test]
    fn constant_column_cannot_be_normalised() {
        let err =
            Normalizer::fit(NormKind::MinMax, &array![[1.0], [1.0]], &["x".into()]).unwrap_err();
        assert!(err.to_string().contains("cannot normalise 'x'"));
    }
}
