//! Sub- and superscripts: inline glyphs (`x₁²`) where the glyph set has them,
//! raised and lowered rows otherwise; limits above and below `Σ` in display.

use super::ast::{List, Node};
use super::block::{Align, Block, hcat, vstack};
use super::glyphs::Glyphs;
use super::layout::{Ctx, layout_list, layout_node};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Sub,
    Sup,
}

/// Lays out `base` with its scripts.
pub(crate) fn layout_scripts(
    base: &Node,
    sub: Option<&List>,
    sup: Option<&List>,
    ctx: &Ctx,
) -> Block {
    let base_block = layout_node(base, base.class(), ctx).block;
    if let Node::Operator(op) = base
        && op.limits
        && ctx.display
    {
        return limits(base_block, sub, sup, ctx);
    }
    let script = ctx.script();
    let sub_inline = sub.map(|s| inline_script(s, ctx.glyphs, Kind::Sub));
    if let (Some(sub), Some(None)) = (sub, &sub_inline) {
        // A subscript that needs its own row takes the superscript along, so
        // the two stay stacked at the same column.
        let sup = sup.map(|s| layout_list(s, &script));
        return attach_rows(base_block, sup, Some(layout_list(sub, &script)));
    }
    let mut block = match sub_inline.flatten() {
        Some(s) => attach_inline(base_block, None, Some(&s)),
        None => base_block,
    };
    if let Some(sup) = sup {
        block = match inline_script(sup, ctx.glyphs, Kind::Sup) {
            Some(s) => attach_inline(block, Some(&s), None),
            None => attach_rows(block, Some(layout_list(sup, &script)), None),
        };
    }
    block
}

/// A script as one string of script glyphs (`ᵢ₊₁`), or as `_11` / `^T` in
/// ASCII when it is a plain word; `None` when it needs rows of its own.
fn inline_script(list: &List, glyphs: Glyphs, kind: Kind) -> Option<String> {
    match glyphs {
        Glyphs::Unicode => {
            let mut out = String::new();
            push_mapped(list, glyphs, kind, &mut out)?;
            Some(out)
        }
        Glyphs::Ascii => {
            let (mark, extra) = match kind {
                Kind::Sub => ('_', ','),
                Kind::Sup => ('^', '-'),
            };
            let mut out = String::from(mark);
            for node in list {
                match node {
                    Node::Char(c) if c.is_ascii_alphanumeric() || *c == extra => out.push(*c),
                    Node::Symbol(s) if s.ascii == "T" => out.push('T'),
                    _ => return None,
                }
            }
            (out.len() > 1).then_some(out)
        }
    }
}

fn push_mapped(list: &List, glyphs: Glyphs, kind: Kind, out: &mut String) -> Option<()> {
    let map = |c: char| match kind {
        Kind::Sub => glyphs.subscript(c),
        Kind::Sup => glyphs.superscript(c),
    };
    for node in list {
        match node {
            // No script comma exists; a plain one reads well in `x₁,₁`.
            Node::Char(',') if kind == Kind::Sub => out.push(','),
            Node::Char(c) => out.push(map(*c)?),
            Node::Symbol(s) => {
                let mut chars = s.uni.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                out.push(map(c)?);
            }
            Node::Group(inner) => push_mapped(inner, glyphs, kind, out)?,
            _ => return None,
        }
    }
    Some(())
}

/// Script glyph strings beside the base: on its baseline row when the base is
/// one row tall, else the superscript at its top row and the subscript at
/// its bottom row.
fn attach_inline(mut base: Block, sup: Option<&str>, sub: Option<&str>) -> Block {
    if base.height() == 1 {
        for s in [sub, sup].into_iter().flatten() {
            base.push_on_baseline(s);
        }
        return base;
    }
    let h = base.height();
    let mut rows = vec![String::new(); h];
    if let Some(s) = sup {
        rows[0].push_str(s);
    }
    if let Some(s) = sub {
        rows[h - 1].push_str(s);
    }
    let width = rows
        .iter()
        .map(|r| super::error::display_width(r))
        .max()
        .unwrap_or(0);
    let column = Block {
        rows,
        width,
        baseline: base.baseline,
    }
    .pad_rows();
    hcat(&[(0, base), (0, column)])
}

/// Scripts on rows of their own: the superscript ends on the row above the
/// base, the subscript starts on the row below it.
fn attach_rows(base: Block, sup: Option<Block>, sub: Option<Block>) -> Block {
    let sup_h = sup.as_ref().map_or(0, Block::height);
    let mut parts = Vec::with_capacity(3);
    parts.extend(sup);
    parts.push(Block::blank(0, base.height(), 0));
    parts.extend(sub);
    let column = vstack(parts, Align::Left, 0, sup_h + base.baseline);
    hcat(&[(0, base), (0, column)])
}

/// Limits centred above and below a large operator or `max`.
fn limits(op: Block, sub: Option<&List>, sup: Option<&List>, ctx: &Ctx) -> Block {
    let script = ctx.script();
    let sup = sup.map(|s| layout_list(s, &script));
    let baseline = sup.as_ref().map_or(0, Block::height) + op.baseline;
    let mut parts = Vec::with_capacity(3);
    parts.extend(sup);
    parts.push(op);
    parts.extend(sub.map(|s| layout_list(s, &script)));
    vstack(parts, Align::Center, 0, baseline)
}

impl Block {
    /// Pads ragged rows with spaces to the block's width.
    fn pad_rows(mut self) -> Block {
        for row in &mut self.rows {
            let w = super::error::display_width(row);
            super::block::push_spaces(row, self.width.saturating_sub(w));
        }
        self
    }
}
