//! Classification sets: chapter 6's Chu/Han, chapter 7's three kingdoms,
//! chapter 10's double arc and chapter 11's coin ("bank"). Recipes from the
//! course book (its `ch06`, `ch07`, `ch10` and `ch11` data files).

use libm::sin;

use super::{Split, linspace, table};
use crate::rng::SeededRng;

/// The end of the arcs' x range: the book writes 3.14, not π, so the arcs end
/// just short of zero height.
#[expect(
    clippy::approx_constant,
    reason = "the book's rounded value, kept on purpose"
)]
const BOOK_PI: f64 = 3.14;

/// 200 rows of `x ~ U[0,1)²`, `y = 1` where `x2 > 2*x1 - 0.5`, else 0.
pub(super) fn chuhan(seed: u64) -> Split {
    let mut rng = SeededRng::derived(seed, "train");
    let rows: Vec<[f64; 3]> = (0..200)
        .map(|_| {
            let x1 = rng.uniform();
            let x2 = rng.uniform();
            [x1, x2, f64::from(u8::from(x2 > 2.0 * x1 - 0.5))]
        })
        .collect();
    (table(["x1", "x2", "y"], &rows), None)
}

/// The kingdom (1, 2 or 3) of a point whose height, blurred by the border
/// noise, is `h`; `None` for points in no kingdom, which are dropped.
fn kingdom(x1: f64, h: f64) -> Option<f64> {
    let above_f1 = h > 2.5 * x1 - 10.0;
    let above_f2 = h > 0.3 * x1 + 5.0;
    let above_f3 = h > -x1 + 10.0;
    match (above_f1, above_f2, above_f3) {
        (true, true, true) => Some(1.0),
        (true, false, false) => Some(2.0),
        (false, false, true) => Some(3.0),
        _ => None,
    }
}

/// 140 kept rows: candidates `x ~ U[0,10)²` with a border noise
/// `r ~ U(-1, 1)`; the class comes from `x2 + r` against the lines
/// f1 = 2.5x - 10, f2 = 0.3x + 5, f3 = -x + 10 (see [`kingdom`]), while the
/// row stores the unblurred `x2`, so the borders overlap a little.
pub(super) fn kingdoms(seed: u64) -> Split {
    const KEPT: usize = 140;
    let mut rng = SeededRng::derived(seed, "train");
    let mut rows: Vec<[f64; 3]> = Vec::with_capacity(KEPT);
    while rows.len() < KEPT {
        let x1 = rng.uniform_in(0.0, 10.0);
        let x2 = rng.uniform_in(0.0, 10.0);
        let r = rng.uniform_in(-1.0, 1.0);
        if let Some(class) = kingdom(x1, x2 + r) {
            rows.push([x1, x2, class]);
        }
    }
    (table(["x1", "x2", "y"], &rows), None)
}

/// Train 200 and test 50 points per class; class 0's rows first. Both classes
/// take `x1 = linspace(0, 3.14, n)`; class 0 has `x2 = sin(x1) + U(-0.125,
/// 0.125)`, class 1 the same raised by 0.65.
pub(super) fn arc(seed: u64) -> Split {
    let half = |rng: &mut SeededRng, n: usize| -> Vec<[f64; 3]> {
        let mut rows = Vec::with_capacity(2 * n);
        for (class, lift) in [(0.0, 0.0), (1.0, 0.65)] {
            for x1 in linspace(0.0, BOOK_PI, n) {
                rows.push([x1, sin(x1) + lift + rng.uniform_in(-0.125, 0.125), class]);
            }
        }
        rows
    };
    let train = half(&mut SeededRng::derived(seed, "train"), 200);
    let test = half(&mut SeededRng::derived(seed, "test"), 50);
    let columns = ["x1", "x2", "y"];
    (table(columns, &train), Some(table(columns, &test)))
}

/// The coin's class of a point: 1 in the square hole (|x1|, |x2| < 0.2), else
/// 2 inside the disc of radius 0.45, else 3.
fn coin_class(x1: f64, x2: f64) -> f64 {
    if x1.abs() < 0.2 && x2.abs() < 0.2 {
        1.0
    } else if x1 * x1 + x2 * x2 < 0.45 * 0.45 {
        2.0
    } else {
        3.0
    }
}

/// Train 1000 and test 500 rows of `x ~ U[-0.5, 0.5)²` labelled by
/// [`coin_class`]; the classes are not balanced (about 16%, 48%, 36%).
pub(super) fn bank(seed: u64) -> Split {
    let draw = |rng: &mut SeededRng, n: usize| -> Vec<[f64; 3]> {
        (0..n)
            .map(|_| {
                let x1 = rng.uniform_in(-0.5, 0.5);
                let x2 = rng.uniform_in(-0.5, 0.5);
                [x1, x2, coin_class(x1, x2)]
            })
            .collect()
    };
    let train = draw(&mut SeededRng::derived(seed, "train"), 1000);
    let test = draw(&mut SeededRng::derived(seed, "test"), 500);
    let columns = ["x1", "x2", "y"];
    (table(columns, &train), Some(table(columns, &test)))
}
