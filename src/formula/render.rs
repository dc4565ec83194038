//! The public entry points: check, render to a block of lines, or fall back
//! to the source with a mark when the formula does not parse.

use super::ast::Formula;
use super::block::{Align, Block, hcat, vstack};
use super::error::FormulaError;
use super::glyphs::Glyphs;
use super::layout::Ctx;
use super::linebreak::fit;
use super::parser::parse;

/// How to draw a formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RenderOptions {
    pub glyphs: Glyphs,
    /// Columns available. Wider formulas break at top-level `=` (then at
    /// `+`/`−`); an equation number is set flush right at this width.
    pub width: usize,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            glyphs: Glyphs::Unicode,
            width: 80,
        }
    }
}

/// A formula drawn as text.
///
/// Every line is padded with spaces to exactly `width` display columns (a
/// Chinese character counts 2), so the block can be placed as a rectangle;
/// trim the ends when printing to a plain terminal. `width` is at most the
/// requested width, except when a piece that cannot be broken (a wide
/// matrix, a long `\text{}`) is wider: then the block is wider than asked
/// rather than cut, and the caller sees it by comparing the widths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub lines: Vec<String>,
    /// Display columns of every line.
    pub width: usize,
    /// The row the formula's main axis sits on (the fraction rule of
    /// `a/b`, the row of `=`); line it up with surrounding text.
    pub baseline: usize,
    /// Unknown commands, drawn as their source (`[?\\foo]`) rather than
    /// failing the whole formula: one error each, to show as warnings.
    pub warnings: Vec<FormulaError>,
}

impl Rendered {
    fn from_block(block: Block) -> Rendered {
        Rendered {
            lines: block.rows,
            width: block.width,
            baseline: block.baseline,
            warnings: Vec::new(),
        }
    }

    /// The lines with trailing spaces removed, joined by newlines.
    #[must_use]
    pub fn to_text(&self) -> String {
        let lines: Vec<&str> = self.lines.iter().map(|l| l.trim_end()).collect();
        lines.join("\n")
    }
}

/// Checks that a formula parses and uses only known commands; used by the
/// lesson checker.
///
/// # Errors
/// The first unparseable spot, or else the first unknown command (which
/// [`render`] draws as its source): its byte offset and what was expected.
pub fn parse_check(tex: &str) -> Result<(), FormulaError> {
    let formula = parse(tex)?;
    match formula.warnings.into_iter().next() {
        Some(unknown) => Err(unknown),
        None => Ok(()),
    }
}

/// Renders a formula as a block of text lines.
///
/// An unknown command does not fail the formula: it is drawn as its source
/// and listed in [`Rendered::warnings`].
///
/// # Errors
/// When the formula does not parse (see [`FormulaError`]).
pub fn render(tex: &str, opts: &RenderOptions) -> Result<Rendered, FormulaError> {
    let formula = parse(tex)?;
    let mut rendered = Rendered::from_block(layout_formula(&formula, opts));
    rendered.warnings = formula.warnings;
    Ok(rendered)
}

/// Renders a formula, or on a parse error the source itself with a `^` under
/// the error offset (wrapped to the width). Never fails.
#[must_use]
pub fn render_or_source(tex: &str, opts: &RenderOptions) -> Rendered {
    match render(tex, opts) {
        Ok(rendered) => rendered,
        Err(err) => {
            let blocks = err
                .snippet(tex, opts.width)
                .iter()
                .map(|l| Block::text(l))
                .collect();
            Rendered::from_block(vstack(blocks, Align::Left, 0, 0))
        }
    }
}

/// Lays out a parsed formula: each top-level row fitted to the width, the
/// equation number flush right on the baseline row.
pub(crate) fn layout_formula(formula: &Formula, opts: &RenderOptions) -> Block {
    let ctx = Ctx::display(opts.glyphs);
    let tag = formula.tag.as_ref().map(|t| Block::text(&format!("({t})")));
    let tag_room = tag.as_ref().map_or(0, |t| t.width + 2);
    let avail = opts.width.saturating_sub(tag_room).max(1);
    let rows: Vec<Block> = formula
        .rows
        .iter()
        .map(|row| fit(row, &ctx, avail))
        .collect();
    let tall = rows.len() > 1 && rows.iter().any(|r| r.height() > 1);
    let baseline = rows.first().map_or(0, |r| r.baseline);
    let body = vstack(rows, Align::Left, usize::from(tall), baseline);
    match tag {
        Some(tag) => {
            let total = opts.width.max(body.width + tag_room);
            let gap = total - body.width - tag.width;
            hcat(&[(0, body), (gap, tag)])
        }
        None => body,
    }
}
