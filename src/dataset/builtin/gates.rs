//! XOR and the logic gates: fixed truth tables, inputs in counting order
//! (0,0), (0,1), (1,0), (1,1), outputs 0 or 1.

use super::table;
use crate::dataset::Table;

fn gate(out: impl Fn(bool, bool) -> bool) -> Table {
    let rows: Vec<[f64; 3]> = [(false, false), (false, true), (true, false), (true, true)]
        .into_iter()
        .map(|(a, b)| [bit(a), bit(b), bit(out(a, b))])
        .collect();
    table(["x1", "x2", "y"], &rows)
}

fn bit(b: bool) -> f64 {
    f64::from(u8::from(b))
}

pub(super) fn xor() -> Table {
    gate(|a, b| a != b)
}

pub(super) fn and() -> Table {
    gate(|a, b| a && b)
}

pub(super) fn or() -> Table {
    gate(|a, b| a || b)
}

pub(super) fn nand() -> Table {
    gate(|a, b| !(a && b))
}

pub(super) fn nor() -> Table {
    gate(|a, b| !(a || b))
}

/// The one-input gate: columns `x,y`, rows x = 0 then x = 1.
pub(super) fn not() -> Table {
    table(["x", "y"], &[[0.0, 1.0], [1.0, 0.0]])
}
