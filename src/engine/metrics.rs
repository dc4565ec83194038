//! Metrics: MSE, R², accuracy and the confusion matrix.

use ndarray::{Array2, ArrayView1, ArrayView2, Axis};

use super::network::Task;

/// Mean of (a − y)² over every element (no ½).
#[must_use]
pub fn mse(a: ArrayView2<f64>, y: ArrayView2<f64>) -> f64 {
    let n = a.len().max(1) as f64;
    a.iter()
        .zip(y.iter())
        .map(|(a, y)| (a - y).powi(2))
        .sum::<f64>()
        / n
}

/// The course book's R² = 1 − mean((a − y)²) / var(y). A constant target
/// (variance 0) gives 1 for a perfect fit and −∞ otherwise.
#[must_use]
pub fn r_squared(a: ArrayView2<f64>, y: ArrayView2<f64>) -> f64 {
    let n = y.len().max(1) as f64;
    let mean = y.sum() / n;
    let var = y.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    let err = mse(a, y);
    if var == 0.0 {
        return if err == 0.0 { 1.0 } else { f64::NEG_INFINITY };
    }
    1.0 - err / var
}

/// Index of the largest value in a row (the first on ties).
#[must_use]
pub fn arg_max(row: ArrayView1<f64>) -> usize {
    let mut best = 0;
    for (i, v) in row.iter().enumerate() {
        if *v > row[best] {
            best = i;
        }
    }
    best
}

/// Predicted class indices: `a ≥ ½` for one output column, the arg-max otherwise.
#[must_use]
pub fn predicted_classes(a: ArrayView2<f64>) -> Vec<usize> {
    if a.ncols() == 1 {
        a.column(0).iter().map(|&p| usize::from(p >= 0.5)).collect()
    } else {
        a.axis_iter(Axis(0)).map(arg_max).collect()
    }
}

/// Fraction of samples classified correctly; `y` is a 0/1 column or one-hot rows.
#[must_use]
pub fn accuracy(a: ArrayView2<f64>, y: ArrayView2<f64>) -> f64 {
    let p = predicted_classes(a);
    let t = predicted_classes(y);
    let right = p.iter().zip(&t).filter(|(p, t)| p == t).count();
    right as f64 / p.len().max(1) as f64
}

/// The task's metric: R² for regression, accuracy for classification.
#[must_use]
pub fn metric(task: Task, a: ArrayView2<f64>, y: ArrayView2<f64>) -> f64 {
    match task {
        Task::Regression => r_squared(a, y),
        Task::Binary | Task::MultiClass => accuracy(a, y),
    }
}

/// The confusion matrix (classes, classes): entry (t, p) counts samples of
/// true class t predicted as p. Class indices ≥ `classes` are ignored.
#[must_use]
pub fn confusion_matrix(a: ArrayView2<f64>, y: ArrayView2<f64>, classes: usize) -> Array2<usize> {
    let mut cm = Array2::zeros((classes, classes));
    for (p, t) in predicted_classes(a).into_iter().zip(predicted_classes(y)) {
        if p < classes && t < classes {
            cm[[t, p]] += 1;
        }
    }
    cm
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn r_squared_of_perfect_fit_is_one_and_of_mean_is_zero() {
        let y = array![[1.0], [2.0], [3.0]];
        assert_eq!(r_squared(y.view(), y.view()), 1.0);
        let mean = array![[2.0], [2.0], [2.0]];
        assert!(r_squared(mean.view(), y.view()).abs() < 1e-12);
    }

    #[test]
    fn accuracy_counts_thresholded_and_argmax_predictions() {
        let a = array![[0.9], [0.4], [0.6]];
        let y = array![[1.0], [0.0], [0.0]];
        assert!((accuracy(a.view(), y.view()) - 2.0 / 3.0).abs() < 1e-12);
        let a = array![[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]];
        let y = array![[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
        assert_eq!(accuracy(a.view(), y.view()), 0.5);
    }

    #[test]
    fn confusion_matrix_rows_are_true_classes() {
        let a = array![[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]];
        let y = array![[0.0, 1.0], [0.0, 1.0], [1.0, 0.0]];
        assert_eq!(
            confusion_matrix(a.view(), y.view(), 2),
            array![[0, 1], [1, 1]]
        );
    }
}
