//! The closed-form least-squares solution (the normal equation).
//!
//! The lessons show `W = (XᵀX)⁻¹XᵀY`; the engine never forms the inverse.
//! It appends a column of ones to X (so the last row of the solution is B)
//! and solves `(XᵀX)·θ = XᵀY` by Gaussian elimination with partial pivoting,
//! which is both cheaper and more accurate.

use ndarray::{Array2, Axis, concatenate};

use super::error::EngineError;

/// Relative pivot size below which the system counts as singular.
const SINGULAR_TOLERANCE: f64 = 1e-10;

/// Least squares for `x` (m, n) and `y` (m, k): returns `W` (n, k) and `B`
/// (1, k) minimising Σ(X·W + B − Y)². `names` label the features in the error
/// when a column is constant or a combination of others.
pub fn solve(
    x: &Array2<f64>,
    y: &Array2<f64>,
    names: &[String],
) -> Result<(Array2<f64>, Array2<f64>), EngineError> {
    let (m, n) = x.dim();
    if y.nrows() != m {
        return Err(EngineError::ShapeMismatch {
            what: "Y (one target row per sample of X)".into(),
            expected: (m, y.ncols()),
            found: y.dim(),
        });
    }
    let label = |j: usize| {
        names
            .get(j)
            .cloned()
            .unwrap_or_else(|| format!("feature {}", j + 1))
    };
    for (j, col) in x.axis_iter(Axis(1)).enumerate() {
        let first = col.first().copied().unwrap_or_default();
        if col.iter().all(|v| *v == first) {
            return Err(EngineError::Singular {
                reason: format!(
                    "'{}' is constant, so it cannot be told apart from the bias B",
                    label(j)
                ),
            });
        }
    }
    if m < n + 1 {
        return Err(EngineError::Singular {
            reason: format!(
                "{m} samples cannot determine {} unknowns (n weights and a bias)",
                n + 1
            ),
        });
    }
    let xa = concatenate(Axis(1), &[x.view(), Array2::ones((m, 1)).view()])
        .map_err(|e| EngineError::Transform(e.to_string()))?;
    let a = xa.t().dot(&xa);
    let b = xa.t().dot(y);
    let theta = gaussian_solve(a, b).map_err(|col| EngineError::Singular {
        reason: if col < n {
            format!(
                "'{}' is a copy or a combination of other features (or of the bias)",
                label(col)
            )
        } else {
            "the features together reproduce the bias column".into()
        },
    })?;
    Ok((
        theta.slice_axis(Axis(0), (..n).into()).to_owned(),
        theta.slice_axis(Axis(0), (n..).into()).to_owned(),
    ))
}

/// Solves `a·θ = b` for square `a` (p, p) and `b` (p, k). On a (near-)zero
/// pivot returns the index of the column that is not independent.
fn gaussian_solve(mut a: Array2<f64>, mut b: Array2<f64>) -> Result<Array2<f64>, usize> {
    let p = a.nrows();
    let scale = a
        .iter()
        .fold(0.0f64, |m, v| m.max(v.abs()))
        .max(f64::MIN_POSITIVE);
    for col in 0..p {
        let pivot = (col..p)
            .max_by(|&i, &j| a[[i, col]].abs().total_cmp(&a[[j, col]].abs()))
            .unwrap_or(col);
        if a[[pivot, col]].abs() <= SINGULAR_TOLERANCE * scale {
            return Err(col);
        }
        if pivot != col {
            for c in 0..p {
                a.swap([pivot, c], [col, c]);
            }
            for c in 0..b.ncols() {
                b.swap([pivot, c], [col, c]);
            }
        }
        for row in col + 1..p {
            let f = a[[row, col]] / a[[col, col]];
            for c in col..p {
                a[[row, c]] -= f * a[[col, c]];
            }
            for c in 0..b.ncols() {
                b[[row, c]] -= f * b[[col, c]];
            }
        }
    }
    for col in (0..p).rev() {
        for c in 0..b.ncols() {
            let mut v = b[[col, c]];
            for k in col + 1..p {
                v -= a[[col, k]] * b[[k, c]];
            }
            b[[col, c]] = v / a[[col, col]];
        }
    }
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn exact_plane_is_recovered() {
        // y = 2·x1 − 3·x2 + 5 exactly, so the solution is exact.
        let x = array![[1.0, 0.0], [0.0, 1.0], [2.0, 1.0], [3.0, 5.0]];
        let y = x
            .map_axis(Axis(1), |r| 2.0 * r[0] - 3.0 * r[1] + 5.0)
            .insert_axis(Axis(1));
        let (w, b) = solve(&x, &y, &[]).unwrap();
        assert!((w[[0, 0]] - 2.0).abs() < 1e-10 && (w[[1, 0]] + 3.0).abs() < 1e-10);
        assert!((b[[0, 0]] - 5.0).abs() < 1e-10);
    }

    #[test]
    fn line_matches_the_textbook_formula() {
        // w = (mΣxy − ΣxΣy)/(mΣx² − (Σx)²), b = (Σy − wΣx)/m for x = 1..4, y = 2, 3, 5, 4:
        // Σx = 10, Σy = 14, Σxy = 39, Σx² = 30: w = (156 − 140)/(120 − 100) = 0.8, b = (14 − 8)/4 = 1.5.
        let x = array![[1.0], [2.0], [3.0], [4.0]];
        let y = array![[2.0], [3.0], [5.0], [4.0]];
        let (w, b) = solve(&x, &y, &[]).unwrap();
        assert!((w[[0, 0]] - 0.8).abs() < 1e-12 && (b[[0, 0]] - 1.5).abs() < 1e-12);
    }

    #[test]
    fn constant_feature_is_named_in_the_error() {
        let x = array![[1.0, 7.0], [2.0, 7.0], [3.0, 7.0]];
        let y = array![[1.0], [2.0], [3.0]];
        let err = solve(&x, &y, &["dist".into(), "rooms".into()]).unwrap_err();
        assert!(err.to_string().contains("'rooms' is constant"), "{err}");
    }

    #[test]
    fn duplicated_feature_is_singular() {
        let x = array![[1.0, 2.0], [2.0, 4.0], [3.0, 6.0], [5.0, 10.0]];
        let y = array![[1.0], [2.0], [3.0], [4.0]];
        let err = solve(&x, &y, &["a".into(), "b".into()]).unwrap_err();
        assert!(
            err.to_string().contains("'b' is a copy or a combination"),
            "{err}"
        );
    }
}
