//! Metrics: MSE, R², accuracy and the confusion matrix.

use ndarray::{Array2, ArrayView1, ArrayView2};

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
    r_squared_from(mse(a, y), target_variance(y))
}

/// The population variance of all elements of `y`: the denominator of R².
#[must_use]
pub fn target_variance(y: ArrayView2<f64>) -> f64 {
    let n = y.len().max(1) as f64;
    let mean = y.sum() / n;
    y.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n
}

/// R² from the mean squared error and the targets' variance.
#[must_use]
pub fn r_squared_from(mse: f64, variance: f64) -> f64 {
    if variance == 0.0 {
        return if mse == 0.0 { 1.0 } else { f64::NEG_INFINITY };
    }
    1.0 - mse / variance
}

/// Index of the largest value in a row (the first on ties).
#[must_use]
pub fn arg_max(row: ArrayView1<f64>) -> usize {
    arg_max_of(row.iter())
}

/// [`arg_max`] of a slice.
#[must_use]
pub fn arg_max_slice(row: &[f64]) -> usize {
    arg_max_of(row)
}

fn arg_max_of<'a>(values: impl IntoIterator<Item = &'a f64>) -> usize {
    let mut it = values.into_iter().enumerate();
    let Some((_, &first)) = it.next() else {
        return 0;
    };
    let (mut best, mut top) = (0, first);
    for (i, &v) in it {
        if v > top {
            best = i;
            top = v;
        }
    }
    best
}

/// The class a row of outputs (or of targets) stands for: `p ≥ ½` for one
/// column, the arg-max otherwise.
#[must_use]
pub fn class_of(row: ArrayView1<f64>) -> usize {
    if row.len() == 1 {
        usize::from(row[0] >= 0.5)
    } else {
        arg_max(row)
    }
}

/// Predicted class indices: `a ≥ ½` for one output column, the arg-max otherwise.
#[must_use]
pub fn predicted_classes(a: ArrayView2<f64>) -> Vec<usize> {
    a.rows().into_iter().map(class_of).collect()
}

/// Fraction of samples classified correctly; `y` is a 0/1 column or one-hot
/// rows. Counts without allocating.
#[must_use]
pub fn accuracy(a: ArrayView2<f64>, y: ArrayView2<f64>) -> f64 {
    let right = (a.rows().into_iter())
        .zip(y.rows())
        .filter(|(a, y)| class_of(a.view()) == class_of(y.view()))
        .count();
    right as f64 / a.nrows().max(1) as f64
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
