//! Replaces bound symbols in a math list by numbers, and writes the `·` that
//! an implicit product needs once both sides are numbers:
//! `(z_i - y_i)x_i` → `(3.412 − 3.000)·0.346`.
//!
//! Letters run together in TeX (`wx_i` is `w` times `x_i`, `dZ2` one name),
//! so each run of letters, digits and scripted letters is split into bound
//! names and numerals; a run is replaced only when the split uses every atom,
//! so a bound `t` never eats the `t` of `Logistic`.

use super::ast::{List, Node};
use super::symbols::Class;

/// Looks up a value by the canonical key of a symbol.
pub(crate) trait Lookup {
    fn value(&self, key: &str) -> Option<f64>;
}

/// How to write values and products.
pub(crate) struct Style<'a> {
    pub number: &'a dyn Fn(f64) -> String,
    pub times: &'a str,
}

/// The canonical key of a list of atoms (`x_{i}`, `dZ2`, `w_{11}^{2}`), or
/// `None` when something in it cannot be part of a name.
pub(crate) fn key_of(list: &[Node], with_last_sup: bool) -> Option<String> {
    let mut key = String::new();
    for (i, node) in list.iter().enumerate() {
        let keep_sup = with_last_sup || i + 1 < list.len();
        push_key(node, keep_sup, &mut key)?;
    }
    Some(key)
}

fn push_key(node: &Node, keep_sup: bool, key: &mut String) -> Option<()> {
    match node {
        Node::Char(c) if c.is_alphanumeric() || *c == '.' || *c == '\'' => key.push(*c),
        Node::Symbol(s) if s.class == Class::Ord => key.push_str(s.uni),
        Node::Group(list) => list.iter().try_for_each(|n| push_key(n, true, key))?,
        Node::Bold(list) => {
            key.push_str("\\mathbf{");
            list.iter().try_for_each(|n| push_key(n, true, key))?;
            key.push('}');
        }
        Node::Scripts { base, sub, sup } => {
            push_key(base, true, key)?;
            for (mark, script) in [("_{", Some(sub)), ("^{", keep_sup.then_some(sup))] {
                if let Some(Some(list)) = script {
                    key.push_str(mark);
                    list.iter().try_for_each(|n| push_key(n, true, key))?;
                    key.push('}');
                }
            }
        }
        _ => return None,
    }
    Some(())
}

/// The list with bound symbols replaced, recursively (but never inside
/// subscripts, which are indices).
pub(crate) fn substitute(list: &List, values: &dyn Lookup, style: &Style<'_>) -> List {
    let inner: List = list.iter().map(|n| descend(n, values, style)).collect();
    let mut out = Vec::with_capacity(inner.len());
    let mut i = 0;
    while i < inner.len() {
        let run = run_length(&inner[i..]);
        match (run > 0)
            .then(|| segment(&inner[i..i + run], values))
            .flatten()
        {
            Some(pieces) => replace_run(&inner[i..i + run], &pieces, style, &mut out),
            None => out.extend_from_slice(&inner[i..i + run.max(1)]),
        }
        i += run.max(1);
    }
    insert_products(out, style)
}

fn descend(node: &Node, values: &dyn Lookup, style: &Style<'_>) -> Node {
    let sub = |l: &List| substitute(l, values, style);
    match node {
        Node::Group(l) => Node::Group(sub(l)),
        Node::Frac(n, d) => Node::Frac(sub(n), sub(d)),
        Node::Sqrt { index, body } => Node::Sqrt {
            index: index.clone(),
            body: sub(body),
        },
        Node::Delimited { left, body, right } => Node::Delimited {
            left: *left,
            body: sub(body),
            right: *right,
        },
        // Exponents are substituted too (`e^{z_j}`); a bound name with its
        // superscript, like a layer index `w_{11}^2`, still matches later.
        Node::Scripts { base, sub: s, sup } => Node::Scripts {
            base: Box::new(descend(base, values, style)),
            sub: s.clone(),
            sup: sup.as_ref().map(sub),
        },
        other => other.clone(),
    }
}

/// Letters, digits, Greek and scripted letters can be (part of) a name.
fn is_name(node: &Node) -> bool {
    match node {
        Node::Char(c) => c.is_alphanumeric() || *c == '.',
        Node::Symbol(s) => s.class == Class::Ord,
        Node::Bold(_) => true,
        Node::Scripts { base, .. } => is_name(base),
        _ => false,
    }
}

fn run_length(nodes: &[Node]) -> usize {
    nodes.iter().take_while(|n| is_name(n)).count()
}

/// One piece of a run: atoms `len` long, bound (with or without the last
/// atom's superscript) or a literal numeral.
#[derive(Debug, Clone, Copy)]
enum Piece {
    Bound {
        len: usize,
        value: f64,
        kept_sup: bool,
    },
    Literal {
        len: usize,
    },
}

/// Splits a run into bound names and numerals, longest names first;
/// `None` if some atom fits neither or nothing is bound.
fn segment(run: &[Node], values: &dyn Lookup) -> Option<Vec<Piece>> {
    const LONGEST_RUN: usize = 16;
    let n = run.len();
    if n > LONGEST_RUN {
        return None;
    }
    // best[i]: a split of run[i..], found from the end.
    let mut best: Vec<Option<Vec<Piece>>> = vec![None; n + 1];
    best[n] = Some(Vec::new());
    for i in (0..n).rev() {
        for j in (i + 1..=n).rev() {
            let Some(rest) = &best[j] else { continue };
            if let Some(piece) = piece_at(&run[i..j], values) {
                let mut split = vec![piece];
                split.extend_from_slice(rest);
                best[i] = Some(split);
                break;
            }
        }
    }
    best[0]
        .take()
        .filter(|s| s.iter().any(|p| matches!(p, Piece::Bound { .. })))
}

fn piece_at(atoms: &[Node], values: &dyn Lookup) -> Option<Piece> {
    let len = atoms.len();
    let has_sup = matches!(atoms.last(), Some(Node::Scripts { sup: Some(_), .. }));
    for keep in [true, false].into_iter().filter(|k| *k || has_sup) {
        if let Some(value) = key_of(atoms, keep).and_then(|k| values.value(&k)) {
            return Some(Piece::Bound {
                len,
                value,
                kept_sup: keep || !has_sup,
            });
        }
    }
    let numeral = atoms
        .iter()
        .all(|a| matches!(a, Node::Char(c) if c.is_ascii_digit() || *c == '.'));
    numeral.then_some(Piece::Literal { len })
}

fn replace_run(run: &[Node], pieces: &[Piece], style: &Style<'_>, out: &mut List) {
    let mut at = 0;
    for piece in pieces {
        match *piece {
            Piece::Literal { len } => {
                out.extend_from_slice(&run[at..at + len]);
                at += len;
            }
            Piece::Bound {
                len,
                value,
                kept_sup,
            } => {
                at += len;
                let sup = match (&run[at - 1], kept_sup) {
                    (Node::Scripts { sup: Some(sup), .. }, false) => Some(sup.clone()),
                    _ => None,
                };
                let first = out.iter().rev().find(|n| !matches!(n, Node::Space(_)));
                let bare = first.is_none_or(|n| matches!(n.class(), Class::Open | Class::Rel))
                    && sup.is_none();
                let number = number_node(value, style, bare);
                out.push(match sup {
                    Some(sup) => Node::Scripts {
                        base: Box::new(number),
                        sub: None,
                        sup: Some(sup),
                    },
                    None => number,
                });
            }
        }
    }
}

/// A number; negative ones are parenthesised unless `bare` is allowed.
fn number_node(value: f64, style: &Style<'_>, bare: bool) -> Node {
    let text = (style.number)(value);
    if value < 0.0 && !bare {
        Node::Group(vec![Node::Char('('), Node::Number(text), Node::Char(')')])
    } else {
        Node::Number(text)
    }
}

fn numeric_start(node: &Node) -> bool {
    match node {
        Node::Number(_) => true,
        Node::Group(l) => matches!(l.as_slice(), [Node::Char('('), Node::Number(_), ..]),
        Node::Scripts { base, .. } => numeric_start(base),
        _ => false,
    }
}

fn numeric_end(node: &Node) -> bool {
    match node {
        Node::Char(c) => c.is_ascii_digit(),
        Node::Number(_) => true,
        Node::Scripts { base, .. } => numeric_end(base) || numeric_start(base),
        Node::Group(_) => numeric_start(node),
        _ => false,
    }
}

fn closes(node: &Node) -> bool {
    matches!(
        node,
        Node::Char(')' | ']') | Node::Delimited { .. } | Node::Frac(..)
    ) || matches!(node, Node::Scripts { base, .. } if closes(base))
}

fn opens(node: &Node) -> bool {
    matches!(
        node,
        Node::Char('(' | '[') | Node::Delimited { .. } | Node::Frac(..)
    )
}

/// Writes `·` between neighbours that would otherwise read as one number.
fn insert_products(list: List, style: &Style<'_>) -> List {
    let mut out: List = Vec::with_capacity(list.len() + 2);
    for node in list {
        if let Some(prev) = out.last() {
            let numbers = numeric_end(prev) && numeric_start(&node);
            let brackets =
                (numeric_end(prev) && opens(&node)) || (closes(prev) && numeric_start(&node));
            if numbers || brackets {
                out.push(Node::Text(style.times.to_string()));
            }
        }
        out.push(node);
    }
    out
}
