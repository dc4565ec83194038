//! The parsed formula: a tree of math lists, independent of glyphs and width.

use super::error::FormulaError;
use super::glyphs::Delim;
use super::symbols::{Accent, Class, Operator, Symbol};

/// A horizontal list of nodes (the contents of a group, a cell, a script).
pub(crate) type List = Vec<Node>;

/// One item of a math list.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// A typed character: letter, digit, `+`, `(`, a Chinese character, …
    Char(char),
    /// A command with a fixed glyph: `\alpha`, `\cdot`, `\rightarrow`, …
    Symbol(Symbol),
    /// `\ln`, `\max`, `\sum`: an operator that may carry limits.
    Operator(Operator),
    /// A number substituted in by the binding code (kept apart from `Char`s
    /// so it is never split or re-matched).
    Number(String),
    /// `\text{…}`: shown as written.
    Text(String),
    /// `\mathbf{…}`
    Bold(List),
    /// `{…}`
    Group(List),
    Scripts {
        base: Box<Node>,
        sub: Option<List>,
        sup: Option<List>,
    },
    Frac(List, List),
    Sqrt {
        index: Option<List>,
        body: List,
    },
    Accent(Accent, List),
    /// `\left( … \right)`
    Delimited {
        left: Delim,
        body: List,
        right: Delim,
    },
    /// `pmatrix`, `aligned`, `cases`, …: rows of cells.
    Table(Table),
    /// Explicit space, in columns.
    Space(usize),
    /// `\underbrace{…}_{label}` (`over` false) or `\overbrace{…}^{label}`:
    /// a brace stretched along the body with the label centred beyond it.
    Brace {
        over: bool,
        body: List,
        label: Option<List>,
    },
    /// `\boxed{…}`: the body in a frame.
    Boxed(List),
    /// `\color{…}{…}`, `\textcolor{…}{…}`: emphasis drawn with glyphs (bold
    /// letters and a mark under the body), so that it survives a terminal
    /// without colour (`NO_COLOR`) and the ASCII glyph set. The colour name is
    /// not kept.
    Emph(List),
    /// A command the renderer does not know, drawn as its source with a
    /// mark; the parse also records a warning for it.
    Unknown(String),
}

/// A grid environment.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub kind: TableKind,
    pub rows: Vec<Vec<List>>,
}

/// How a grid environment aligns its columns and what encloses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TableKind {
    /// `matrix`, `pmatrix`, `bmatrix`, …: centred cells inside the delimiters.
    Matrix(Delim, Delim),
    /// `aligned`, `align*`, `split`: columns alternately right and left aligned.
    Aligned,
    /// `cases`: left-aligned columns after a brace.
    Cases,
    /// `gathered`: one centred column.
    Gathered,
}

/// A whole formula: top-level rows (split at `\\`) and an equation number.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Formula {
    pub rows: Vec<List>,
    /// The text of `\tag{…}` or of a trailing `\quad (n)`, without parentheses.
    pub tag: Option<String>,
    /// Unknown commands, drawn as their source: one error each, for the
    /// lesson checker to report.
    pub warnings: Vec<FormulaError>,
}

impl Node {
    /// The atom class that decides spacing around this node.
    pub(crate) fn class(&self) -> Class {
        match self {
            Node::Char(c) => super::symbols::char_class(*c),
            Node::Symbol(s) => s.class,
            Node::Operator(_) => Class::Op,
            Node::Scripts { base, .. } => base.class(),
            Node::Frac(..) | Node::Delimited { .. } | Node::Table(_) => Class::Inner,
            Node::Number(_)
            | Node::Text(_)
            | Node::Bold(_)
            | Node::Group(_)
            | Node::Sqrt { .. }
            | Node::Accent(..)
            | Node::Space(_)
            | Node::Brace { .. }
            | Node::Boxed(_)
            | Node::Emph(_)
            | Node::Unknown(_) => Class::Ord,
        }
    }
}
