//! Least-squares polynomials of one variable, for the overfitting picture:
//! the same noisy sample fitted by degree 1, 2, … and each fit's loss on the
//! training and the validation points.
//!
//! The fit is exact least squares, not gradient descent, so a high degree
//! really reaches its smallest training loss. To stay well conditioned it
//! maps x onto [−1, 1] first and solves with Householder QR (never the
//! normal equation, whose condition number squares that of the Vandermonde
//! matrix and is hopeless by degree 10).

use super::error::EngineError;

/// A fitted polynomial in `t = (x − center)/half`, coefficients lowest power
/// first.
#[derive(Clone, Debug, PartialEq)]
pub struct Poly {
    pub degree: usize,
    center: f64,
    half: f64,
    coef: Vec<f64>,
}

impl Poly {
    /// The polynomial's value at `x`.
    #[must_use]
    pub fn at(&self, x: f64) -> f64 {
        let t = (x - self.center) / self.half;
        self.coef.iter().rev().fold(0.0, |acc, c| acc * t + c)
    }

    /// The deck's MSE, ½·mean (p(x) − y)², over the points.
    #[must_use]
    pub fn loss(&self, xs: &[f64], ys: &[f64]) -> f64 {
        let n = xs.len().max(1) as f64;
        xs.iter()
            .zip(ys)
            .map(|(x, y)| (self.at(*x) - y).powi(2))
            .sum::<f64>()
            / (2.0 * n)
    }
}

/// The least-squares polynomial of `degree` through the points (xs, ys).
/// Needs more points than the degree and at least two distinct x.
pub fn fit(xs: &[f64], ys: &[f64], degree: usize) -> Result<Poly, EngineError> {
    let m = xs.len();
    if ys.len() != m {
        return Err(EngineError::ShapeMismatch {
            what: "y (one target per x)".into(),
            expected: (m, 1),
            found: (ys.len(), 1),
        });
    }
    let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if m <= degree || !(hi > lo) {
        return Err(EngineError::Singular {
            reason: format!(
                "a polynomial of degree {degree} needs at least {} points with distinct x; \
                 there are {m}",
                degree + 1
            ),
        });
    }
    let (center, half) = ((hi + lo) / 2.0, (hi - lo) / 2.0);
    let p = degree + 1;
    // Vandermonde matrix in t, row-major (m, p), and the right-hand side.
    let mut a: Vec<f64> = xs
        .iter()
        .flat_map(|x| {
            let t = (x - center) / half;
            (0..p).scan(1.0, move |pow, _| {
                let v = *pow;
                *pow *= t;
                Some(v)
            })
        })
        .collect();
    let mut b = ys.to_vec();
    let coef = householder_solve(&mut a, &mut b, m, p).ok_or_else(|| EngineError::Singular {
        reason: format!("the points do not determine a polynomial of degree {degree}"),
    })?;
    Ok(Poly {
        degree,
        center,
        half,
        coef,
    })
}

/// Least squares `min ‖A·c − b‖` for `a` (m, p) row-major with m ≥ p, by
/// Householder QR; `None` when a column is (nearly) dependent on the others.
fn householder_solve(a: &mut [f64], b: &mut [f64], m: usize, p: usize) -> Option<Vec<f64>> {
    let scale = a.iter().fold(0.0f64, |s, v| s.max(v.abs()));
    let mut diag = vec![0.0; p];
    for k in 0..p {
        let norm = (k..m).map(|i| a[i * p + k].powi(2)).sum::<f64>().sqrt();
        if norm <= 1e-12 * scale.max(1.0) {
            return None;
        }
        let alpha = if a[k * p + k] > 0.0 { -norm } else { norm };
        // v = column k below the diagonal minus alpha·e_k, stored in place.
        a[k * p + k] -= alpha;
        let vnorm2: f64 = (k..m).map(|i| a[i * p + k].powi(2)).sum();
        for j in k + 1..p {
            let dot: f64 = (k..m).map(|i| a[i * p + k] * a[i * p + j]).sum();
            let f = 2.0 * dot / vnorm2;
            for i in k..m {
                a[i * p + j] -= f * a[i * p + k];
            }
        }
        let dot: f64 = (k..m).map(|i| a[i * p + k] * b[i]).sum();
        let f = 2.0 * dot / vnorm2;
        for i in k..m {
            b[i] -= f * a[i * p + k];
        }
        diag[k] = alpha;
    }
    // Back substitution with R (diagonal in `diag`, above it in `a`).
    let mut c = vec![0.0; p];
    for k in (0..p).rev() {
        let s: f64 = (k + 1..p).map(|j| a[k * p + j] * c[j]).sum();
        c[k] = (b[k] - s) / diag[k];
    }
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::normal_equation;
    use ndarray::Array2;

    #[test]
    fn an_exact_cubic_is_recovered() {
        let f = |x: f64| 2.0 - 3.0 * x + 0.5 * x * x + 4.0 * x.powi(3);
        let xs: Vec<f64> = (0..9).map(|i| -1.0 + 0.37 * f64::from(i)).collect();
        let ys: Vec<f64> = xs.iter().map(|x| f(*x)).collect();
        let p = fit(&xs, &ys, 3).unwrap();
        for x in [-2.0, 0.0, 0.7, 3.0] {
            assert!((p.at(x) - f(x)).abs() < 1e-9, "{x}");
        }
        assert!(p.loss(&xs, &ys) < 1e-20);
    }

    #[test]
    fn a_line_agrees_with_the_normal_equation() {
        let xs = [0.1, 0.4, 0.5, 0.9, 1.3, 2.0];
        let ys = [1.0, 1.9, 2.2, 2.8, 4.1, 5.5];
        let p = fit(&xs, &ys, 1).unwrap();
        let x = Array2::from_shape_fn((6, 1), |(i, _)| xs[i]);
        let y = Array2::from_shape_fn((6, 1), |(i, _)| ys[i]);
        let (w, b) = normal_equation::solve(&x, &y, &[]).unwrap();
        for v in [0.0, 1.0, 3.0] {
            assert!((p.at(v) - (w[[0, 0]] * v + b[[0, 0]])).abs() < 1e-12);
        }
    }

    #[test]
    fn as_many_coefficients_as_points_interpolate() {
        let xs: Vec<f64> = (0..11).map(|i| f64::from(i) / 10.0).collect();
        let ys: Vec<f64> = xs
            .iter()
            .map(|x| (6.0 * x).sin() + 0.1 * (x * 37.0).cos())
            .collect();
        let p = fit(&xs, &ys, 10).unwrap();
        assert!(p.loss(&xs, &ys) < 1e-18, "{}", p.loss(&xs, &ys));
    }

    #[test]
    fn training_loss_never_rises_with_the_degree() {
        let xs: Vec<f64> = (0..15).map(|i| f64::from(i) / 14.0).collect();
        let ys: Vec<f64> = xs
            .iter()
            .map(|x| (6.3 * x).sin() + 0.2 * (x * 91.0).sin())
            .collect();
        let losses: Vec<f64> = (1..=10)
            .map(|d| fit(&xs, &ys, d).unwrap().loss(&xs, &ys))
            .collect();
        for w in losses.windows(2) {
            assert!(w[1] <= w[0] + 1e-12, "{losses:?}");
        }
    }

    #[test]
    fn too_few_points_are_an_error_that_says_how_many() {
        let e = fit(&[0.0, 1.0, 2.0], &[1.0, 2.0, 0.0], 3).unwrap_err();
        assert!(e.to_string().contains("at least 4 points"), "{e}");
        assert!(fit(&[1.0, 1.0, 1.0], &[1.0, 2.0, 0.0], 1).is_err());
    }
}
