//! Spacing between neighbouring atoms, after TeX's table (The TeXbook,
//! chapter 18), with every non-zero space rounded to one terminal column.

use super::symbols::Class;

/// 0: no space; 1: a space in every style; 2: a space except inside scripts.
const TABLE: [[u8; 8]; 8] = [
    // Ord Op Bin Rel Open Close Punct Inner   (right-hand neighbour)
    [0, 1, 2, 2, 0, 0, 0, 2], // Ord
    [1, 1, 0, 2, 0, 0, 0, 2], // Op
    [2, 2, 0, 0, 2, 0, 0, 2], // Bin
    [2, 2, 0, 0, 2, 0, 0, 2], // Rel
    [0, 0, 0, 0, 0, 0, 0, 0], // Open
    [0, 1, 2, 2, 0, 0, 0, 2], // Close
    [2, 2, 0, 2, 2, 2, 2, 2], // Punct
    [2, 1, 2, 2, 2, 0, 2, 2], // Inner
];

fn index(c: Class) -> usize {
    match c {
        Class::Ord => 0,
        Class::Op => 1,
        Class::Bin => 2,
        Class::Rel => 3,
        Class::Open => 4,
        Class::Close => 5,
        Class::Punct => 6,
        Class::Inner => 7,
    }
}

/// Columns of space between an atom of class `left` and one of class `right`.
pub(crate) fn space_between(left: Class, right: Class, script: bool) -> usize {
    match TABLE[index(left)][index(right)] {
        1 => 1,
        2 if !script => 1,
        _ => 0,
    }
}

/// Turns binary operators that have no left operand (or no right one) into
/// ordinary atoms, as TeX does: the minus of `-x`, `(-\infty` or `= -[…]`.
pub(crate) fn resolve_binary(classes: &mut [Class]) {
    let mut prev: Option<Class> = None;
    for i in 0..classes.len() {
        let next = classes.get(i + 1).copied();
        if classes[i] == Class::Bin {
            let no_left = matches!(
                prev,
                None | Some(Class::Bin | Class::Op | Class::Rel | Class::Open | Class::Punct)
            );
            let no_right = matches!(next, None | Some(Class::Rel | Class::Close | Class::Punct));
            if no_left || no_right {
                classes[i] = Class::Ord;
            }
        }
        prev = Some(classes[i]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Class::*;

    #[test]
    fn minus_after_relation_or_at_start_is_unary() {
        let mut c = [Bin, Ord, Rel, Bin, Open, Bin, Ord, Close];
        resolve_binary(&mut c);
        assert_eq!(c, [Ord, Ord, Rel, Ord, Open, Ord, Ord, Close]);
    }

    #[test]
    fn binary_and_relation_spacing_disappears_inside_scripts() {
        assert_eq!(space_between(Ord, Bin, false), 1);
        assert_eq!(space_between(Ord, Bin, true), 0);
        assert_eq!(space_between(Ord, Op, true), 1);
        assert_eq!(space_between(Ord, Ord, false), 0);
    }
}
