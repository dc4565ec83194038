//! Live numbers in a formula, for the training view: the formula once, then
//! its right-hand side with the current values substituted and the result.
//!
//! ```text
//! ∂loss
//! ───── = (zᵢ − yᵢ)xᵢ
//!  ∂w
//!       = (3.412 − 3.000)·0.346 = 0.1425
//! ```
//!
//! Design: [`BoundFormula::new`] parses and draws the formula once (the
//! costly part); each frame, [`BoundFormula::render`] only substitutes the
//! values of a [`Bindings`] map into the right-hand side (the part after the
//! last top-level `=`) and lays out that one line. The caller computes the
//! result (the engine knows it; re-evaluating LaTeX would duplicate it) and
//! passes it in; it is printed after a final `=`.

use super::ast::{List, Node, TableKind};
use super::block::{Align, Block, hcat, vstack};
use super::error::FormulaError;
use super::glyphs::Glyphs;
use super::inline::list_inline;
use super::layout::{Ctx, pieces};
use super::linebreak::fit;
use super::number::{fixed, significant};
use super::parser::parse;
use super::render::{RenderOptions, Rendered, layout_formula};
use super::substitute::{Lookup, Style, key_of, substitute};
use super::symbols::Class;

pub use super::number::NumberFormat;

/// Values of symbols, keyed by how the symbol is written in the formula.
///
/// Keys are LaTeX: `w`, `z_i`, `x_{i}` (same as `x_i`), `\sigma`, `dZ2`,
/// `w_{11}^2` (a superscript in the key is a layer index, not a power; a key
/// without one also matches `x_i^2`, which then shows as `0.346²`). Setting
/// a key parses it (about a microsecond), so set values in place each frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bindings {
    entries: Vec<(String, f64)>,
}

impl Bindings {
    #[must_use]
    pub fn new() -> Self {
        Bindings::default()
    }

    /// Sets (or replaces) the value of a symbol.
    pub fn set(&mut self, symbol: &str, value: f64) -> &mut Self {
        let key = canonical(symbol);
        match self.entries.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = value,
            None => self.entries.push((key, value)),
        }
        self
    }

    /// Builder form of [`set`](Self::set).
    #[must_use]
    pub fn with(mut self, symbol: &str, value: f64) -> Self {
        self.set(symbol, value);
        self
    }

    /// The value bound to a symbol, if any.
    #[must_use]
    pub fn get(&self, symbol: &str) -> Option<f64> {
        self.value(&canonical(symbol))
    }
}

impl Lookup for Bindings {
    fn value(&self, key: &str) -> Option<f64> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
    }
}

/// The key a symbol is stored under; unparseable text is kept as is (and
/// then matches nothing).
fn canonical(symbol: &str) -> String {
    parse(symbol)
        .ok()
        .and_then(|f| f.rows.first().and_then(|row| key_of(row, true)))
        .unwrap_or_else(|| symbol.to_string())
}

/// A formula drawn once, ready to show live values under it.
#[derive(Debug, Clone)]
pub struct BoundFormula {
    opts: RenderOptions,
    drawn: Rendered,
    rhs: List,
    /// Column of the formula's first relation, where the value line starts.
    column: usize,
}

impl BoundFormula {
    /// Parses and draws the formula.
    ///
    /// # Errors
    /// When the formula does not parse.
    pub fn new(tex: &str, opts: &RenderOptions) -> Result<Self, FormulaError> {
        let formula = parse(tex)?;
        let block = layout_formula(&formula, opts);
        let ctx = Ctx::display(opts.glyphs);
        let column = formula
            .rows
            .first()
            .map_or(0, |row| relation_column(row, &ctx));
        let rhs = formula.rows.last().map(right_hand_side).unwrap_or_default();
        Ok(BoundFormula {
            opts: *opts,
            drawn: Rendered {
                lines: block.rows,
                width: block.width,
                baseline: block.baseline,
                warnings: formula.warnings.clone(),
            },
            rhs,
            column: if column * 2 <= opts.width { column } else { 2 },
        })
    }

    /// The formula with its value line under it, `=` under `=`.
    #[must_use]
    pub fn render(&self, values: &Bindings, result: Option<f64>, format: NumberFormat) -> Rendered {
        let line = self.value_block(values, result, format);
        let top = Block {
            rows: self.drawn.lines.clone(),
            width: self.drawn.width,
            baseline: self.drawn.baseline,
        };
        let line = hcat(&[(self.column, line)]);
        let block = vstack(vec![top, line], Align::Left, 0, self.drawn.baseline);
        Rendered {
            lines: block.rows,
            width: block.width,
            baseline: block.baseline,
            warnings: self.drawn.warnings.clone(),
        }
    }

    /// The value line alone on one line of text: `= (3.412 − 3.000)·0.346 = 0.1425`.
    #[must_use]
    pub fn values_inline(
        &self,
        values: &Bindings,
        result: Option<f64>,
        format: NumberFormat,
    ) -> String {
        let list = self.value_list(values, result, format);
        list_inline(&list, &Ctx::display(self.opts.glyphs))
    }

    fn value_block(&self, values: &Bindings, result: Option<f64>, format: NumberFormat) -> Block {
        let list = self.value_list(values, result, format);
        let avail = self.opts.width.saturating_sub(self.column).max(1);
        fit(&list, &Ctx::display(self.opts.glyphs), avail)
    }

    fn value_list(&self, values: &Bindings, result: Option<f64>, format: NumberFormat) -> List {
        let unicode = self.opts.glyphs == Glyphs::Unicode;
        let number = move |v: f64| fixed(v, format.decimals, unicode);
        let style = Style {
            number: &number,
            times: if unicode { "·" } else { "*" },
        };
        let mut list = vec![Node::Char('=')];
        list.extend(substitute(&self.rhs, values, &style));
        if let Some(r) = result {
            list.push(Node::Char('='));
            list.push(Node::Number(significant(r, format.result_digits, unicode)));
        }
        list
    }
}

/// The column where the first relation of a row starts once laid out.
fn relation_column(row: &List, ctx: &Ctx) -> usize {
    let mut column = 0;
    for (i, (gap, piece)) in pieces(row, ctx).into_iter().enumerate() {
        if i > 0 && piece.class == Class::Rel {
            return column + gap;
        }
        column += gap + piece.block.width;
    }
    0
}

/// The nodes after the last top-level `=` (or `←`) up to the next relation (so the
/// `→ dZ2` of `= z_2 - y \rightarrow dZ2` is left out); the whole row if it
/// has no `=`. An `aligned` block contributes its last row.
fn right_hand_side(row: &List) -> List {
    let row: List = match row.as_slice() {
        [Node::Table(t)] if t.kind == TableKind::Aligned => t
            .rows
            .last()
            .map(|cells| cells.concat())
            .unwrap_or_default(),
        _ => row.clone(),
    };
    // `w ← w − η(z − y)x`: an update's right side is after the arrow.
    let gets = |n: &Node| matches!(n, Node::Symbol(s) if s.uni == "←");
    let Some(eq) = row.iter().rposition(|n| *n == Node::Char('=') || gets(n)) else {
        return row;
    };
    let rest = &row[eq + 1..];
    let end = rest
        .iter()
        .position(|n| n.class() == Class::Rel)
        .unwrap_or(rest.len());
    rest[..end].to_vec()
}
