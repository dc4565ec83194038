//! Regression sets: chapter 4's line, chapter 5's house prices, chapter 9's
//! sine and complex curves. Recipes from the course book (its `ch04`, `ch05`,
//! `ch08` and `ch09` data files).

use libm::{cos, sin};

use super::{Split, linspace, table};
use crate::rng::SeededRng;

/// The sine's angular factor: the book writes 6.28, not 2π, so the test curve
/// ends just below zero at x = 1.
#[expect(
    clippy::approx_constant,
    reason = "the book's rounded value, kept on purpose"
)]
const BOOK_TAU: f64 = 6.28;

/// 100 rows of `x ~ U[0,1)`, `y = 2x + 3 + N(0, 0.2)`.
pub(super) fn line(seed: u64) -> Split {
    let mut rng = SeededRng::derived(seed, "train");
    let rows: Vec<[f64; 2]> = (0..100)
        .map(|_| {
            let x = rng.uniform();
            [x, 2.0 * x + 3.0 + rng.normal(0.0, 0.2)]
        })
        .collect();
    (table(["x", "y"], &rows), None)
}

/// 1000 rows of distance `x1 ~ U[2,22)` km, area `x2` an integer in 40..=119
/// m², price `y = -2*x1 + 5*x2 + 50 + e` (10k CNY) with `e` an integer in
/// -49..=49.
pub(super) fn house(seed: u64) -> Split {
    let mut rng = SeededRng::derived(seed, "train");
    let rows: Vec<[f64; 3]> = (0..1000)
        .map(|_| {
            let x1 = rng.uniform_in(2.0, 22.0);
            let x2 = rng.int_in(40, 119) as f64;
            let noise = rng.int_in(-49, 49) as f64;
            [x1, x2, -2.0 * x1 + 5.0 * x2 + 50.0 + noise]
        })
        .collect();
    (table(["x1", "x2", "y"], &rows), None)
}

/// Train: 500 rows of `x ~ U[0,1)`, `y = sin(6.28x) + U(-0.1, 0.1)`.
/// Test: 100 rows at `linspace(0, 1, 100)`, no noise.
pub(super) fn sine(seed: u64) -> Split {
    let curve = |x: f64| sin(BOOK_TAU * x);
    noisy_curve(seed, curve, 0.1, 500, 100)
}

/// Train: 1000 rows of `x ~ U[0,1)`,
/// `y = 0.4x² + 0.3x*sin(15x) + 0.01*cos(50x) - 0.3 + U(-0.05, 0.05)`.
/// Test: 200 rows at `linspace(0, 1, 200)`, no noise.
pub(super) fn complex(seed: u64) -> Split {
    let curve = |x: f64| 0.4 * x * x + 0.3 * x * sin(15.0 * x) + 0.01 * cos(50.0 * x) - 0.3;
    noisy_curve(seed, curve, 0.05, 1000, 200)
}

/// Noisy training samples of `curve` at uniform x, and a noiseless test curve
/// at evenly spaced x.
fn noisy_curve(
    seed: u64,
    curve: impl Fn(f64) -> f64,
    noise: f64,
    n_train: usize,
    n_test: usize,
) -> Split {
    let mut rng = SeededRng::derived(seed, "train");
    let train: Vec<[f64; 2]> = (0..n_train)
        .map(|_| {
            let x = rng.uniform();
            [x, curve(x) + rng.uniform_in(-noise, noise)]
        })
        .collect();
    let test: Vec<[f64; 2]> = linspace(0.0, 1.0, n_test)
        .into_iter()
        .map(|x| [x, curve(x)])
        .collect();
    (table(["x", "y"], &train), Some(table(["x", "y"], &test)))
}
