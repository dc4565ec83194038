//! Tree → boxes: lays out each node as a [`Block`] and joins math lists with
//! TeX-like spacing. Scripts and tables have their own files.

use super::ast::{List, Node};
use super::block::{Align, Block, hcat, vstack};
use super::glyphs::{Delim, Glyphs, Side};
use super::scripts::layout_scripts;
use super::spacing::{resolve_binary, space_between};
use super::symbols::{self, Accent, Class};
use super::table::layout_table;

/// The style a list is laid out in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ctx {
    pub glyphs: Glyphs,
    /// Display style: large operators take their limits above and below.
    pub display: bool,
    /// Inside a sub- or superscript: binary and relation spacing is dropped.
    pub script: bool,
    /// Inside `\mathbf`.
    pub bold: bool,
}

impl Ctx {
    pub(crate) fn display(glyphs: Glyphs) -> Ctx {
        Ctx {
            glyphs,
            display: true,
            script: false,
            bold: false,
        }
    }

    /// Text style, as in the parts of a fraction or the cells of a matrix.
    pub(crate) fn text(self) -> Ctx {
        Ctx {
            display: false,
            ..self
        }
    }

    pub(crate) fn script(self) -> Ctx {
        Ctx {
            display: false,
            script: true,
            ..self
        }
    }

    pub(crate) fn unicode(self) -> bool {
        self.glyphs == Glyphs::Unicode
    }
}

/// A laid-out atom with what its neighbours need to know for spacing.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    pub block: Block,
    pub class: Class,
    /// An ASCII spelling such as `sigma` that must not run into a letter.
    pub word: bool,
    /// A large operator (`Σ`), always followed by a space.
    pub large: bool,
    /// Ends in an ASCII script such as `^T`, which must not run into the
    /// next letter (`W^T X`, not `W^TX`).
    pub script_tail: bool,
}

/// Lays out a math list as one box.
pub(crate) fn layout_list(list: &List, ctx: &Ctx) -> Block {
    let parts: Vec<(usize, Block)> = pieces(list, ctx)
        .into_iter()
        .map(|(gap, p)| (gap, p.block))
        .collect();
    if parts.is_empty() {
        return Block::empty();
    }
    hcat(&parts)
}

/// Lays out each atom of a list, with the spaces to leave before each one.
pub(crate) fn pieces(list: &List, ctx: &Ctx) -> Vec<(usize, Piece)> {
    let mut classes: Vec<Class> = list
        .iter()
        .filter(|n| !matches!(n, Node::Space(_)))
        .map(Node::class)
        .collect();
    resolve_binary(&mut classes);
    let mut classes = classes.into_iter();
    let mut out: Vec<(usize, Piece)> = Vec::with_capacity(list.len());
    let mut pending = 0;
    for node in list {
        if let Node::Space(w) = node {
            pending += w;
            continue;
        }
        let class = classes.next().unwrap_or(Class::Ord);
        let piece = layout_node(node, class, ctx);
        let gap = out
            .last()
            .map_or(pending, |(_, prev)| gap(prev, &piece, pending, ctx));
        out.push((gap, piece));
        pending = 0;
    }
    if pending > 0 {
        let blank = Piece {
            block: Block::blank(0, 1, 0),
            class: Class::Ord,
            word: false,
            large: false,
            script_tail: false,
        };
        out.push((pending, blank));
    }
    out
}

/// Columns between two atoms: TeX's spacing plus the explicit space
/// (`pending`) between them, or one column where an ASCII word or script
/// would otherwise run into the next letter.
fn gap(prev: &Piece, next: &Piece, pending: usize, ctx: &Ctx) -> usize {
    let space = space_between(prev.class, next.class, ctx.script) + pending;
    if space > 0 {
        return space;
    }
    let words_touch = (prev.word || prev.script_tail || next.word)
        && ends_alnum(&prev.block, false)
        && ends_alnum(&next.block, true);
    usize::from(words_touch || (prev.large && !ctx.script))
}

/// Whether the baseline row starts (`first`) or ends with a letter or digit.
fn ends_alnum(block: &Block, first: bool) -> bool {
    let row = block.rows.get(block.baseline).map_or("", String::as_str);
    let c = if first {
        row.chars().next()
    } else {
        row.chars().last()
    };
    c.is_some_and(char::is_alphanumeric)
}

/// Lays out one node as an atom of the given class.
pub(crate) fn layout_node(node: &Node, class: Class, ctx: &Ctx) -> Piece {
    let mut word = false;
    let mut large = false;
    let script_tail = !ctx.unicode() && matches!(node, Node::Scripts { .. });
    let block = match node {
        Node::Char(c) => Block::text(&char_text(*c, ctx)),
        Node::Symbol(s) => {
            let text = if ctx.unicode() { s.uni } else { s.ascii };
            word =
                !ctx.unicode() && text.len() > 1 && text.chars().all(|c| c.is_ascii_alphabetic());
            Block::text(text)
        }
        Node::Operator(op) => {
            large = op.large;
            Block::text(if ctx.unicode() { op.uni } else { op.ascii })
        }
        Node::Number(s) | Node::Text(s) => Block::text(s),
        Node::Bold(list) => layout_list(list, &Ctx { bold: true, ..*ctx }),
        Node::Group(list) => layout_list(list, ctx),
        Node::Scripts { base, sub, sup } => {
            large = matches!(**base, Node::Operator(op) if op.large);
            layout_scripts(base, sub.as_ref(), sup.as_ref(), ctx)
        }
        Node::Frac(num, den) => fraction(num, den, ctx),
        Node::Sqrt { index, body } => sqrt(index.as_ref(), body, ctx),
        Node::Accent(accent, body) => accented(*accent, body, ctx),
        Node::Delimited { left, body, right } => {
            let body = layout_list(body, ctx);
            // Tall brackets get a space inside, as matrices do.
            let pad = usize::from(body.height() > 1);
            let body = hcat(&[(pad, body), (pad, Block::blank(0, 1, 0))]);
            delimited(*left, body, *right, ctx.glyphs)
        }
        Node::Table(table) => layout_table(table, ctx),
        Node::Space(w) => Block::blank(*w, 1, 0),
        Node::Brace { over, body, label } => braced(*over, body, label.as_ref(), ctx),
        Node::Boxed(body) => framed(layout_list(body, ctx), ctx.glyphs),
        Node::Emph(body) => emphasised(body, ctx),
        Node::Unknown(name) => Block::text(&unknown_source(name)),
    };
    Piece {
        block,
        class,
        word,
        large,
        script_tail,
    }
}

/// The glyph of a typed character in the current style.
pub(crate) fn char_text(c: char, ctx: &Ctx) -> String {
    match symbols::char_glyph(c, ctx.unicode()) {
        Some(g) => g.to_string(),
        None if ctx.bold => ctx.glyphs.bold(c).to_string(),
        None => c.to_string(),
    }
}

/// A stacked fraction: the rule is as wide as the wider part, both parts
/// centred over it, and the rule row is the baseline.
fn fraction(num: &List, den: &List, ctx: &Ctx) -> Block {
    let inner = ctx.text();
    let num = layout_list(num, &inner);
    let den = layout_list(den, &inner);
    let width = num.width.max(den.width).max(1);
    let rule: String = std::iter::repeat_n(ctx.glyphs.rule(), width).collect();
    let baseline = num.height();
    vstack(
        vec![num, Block::text(&rule), den],
        Align::Center,
        0,
        baseline,
    )
}

/// `√` with a bar of underscores on the row above the radicand.
fn sqrt(index: Option<&List>, body: &List, ctx: &Ctx) -> Block {
    let body = layout_list(body, ctx);
    let h = body.height();
    let (sign, bar) = if ctx.unicode() {
        (["│", "√"], 1)
    } else {
        ([" |", "\\/"], 2)
    };
    let mut rows = vec![" ".repeat(bar)];
    rows.extend((0..h).map(|r| sign[usize::from(r + 1 == h)].to_string()));
    let sign = Block {
        rows,
        width: bar,
        baseline: 1 + body.baseline,
    };
    let over = Block::text(&"_".repeat(body.width));
    let top = body.baseline + 1;
    let radical = hcat(&[
        (0, sign),
        (0, vstack(vec![over, body], Align::Left, 0, top)),
    ]);
    let Some(index) = index else {
        return radical;
    };
    let index = layout_list(index, &ctx.script());
    let below = radical.height().saturating_sub(1);
    let baseline = index.height() - 1 + radical.baseline;
    let width = index.width;
    let column = vstack(
        vec![index, Block::blank(width, below, 0)],
        Align::Left,
        0,
        baseline,
    );
    hcat(&[(0, column), (0, radical)])
}

fn accented(accent: Accent, body: &List, ctx: &Ctx) -> Block {
    let mut block = layout_list(body, ctx);
    if ctx.unicode() && block.height() == 1 && block.width == 1 {
        block.rows[0].push(accent.combining());
        return block;
    }
    let mark = accent.over(ctx.unicode());
    let over = match accent {
        Accent::Bar | Accent::Tilde => std::iter::repeat_n(mark, block.width.max(1)).collect(),
        _ => mark.to_string(),
    };
    let baseline = block.baseline + 1;
    vstack(vec![Block::text(&over), block], Align::Center, 0, baseline)
}

/// Encloses a box in delimiters that grow to its height.
pub(crate) fn delimited(left: Delim, body: Block, right: Delim, glyphs: Glyphs) -> Block {
    let h = body.height();
    let side = |d: Delim, s: Side| {
        let rows: Vec<String> = if h == 1 {
            vec![glyphs.delim(d, s).to_string()]
        } else {
            (0..h)
                .map(|r| glyphs.tall_delim(d, s, r, h).to_string())
                .collect()
        };
        let width = rows.first().map_or(0, |r| super::error::display_width(r));
        Block {
            rows,
            width,
            baseline: body.baseline,
        }
    };
    let (l, r) = (side(left, Side::Left), side(right, Side::Right));
    hcat(&[(0, l), (0, body), (0, r)])
}

/// How an unknown command is drawn: its source, marked so that it is not
/// read as math.
pub(crate) fn unknown_source(name: &str) -> String {
    format!("[?\\{name}]")
}

/// A brace stretched under (or over) the body, with the label centred
/// beyond it in script style. The body keeps its baseline.
fn braced(over: bool, body: &List, label: Option<&List>, ctx: &Ctx) -> Block {
    let body = layout_list(body, ctx);
    // At least three columns, so that a brace always has two ends and a tip.
    let brace = Block::text(&brace_row(body.width.max(3), over, ctx.glyphs));
    let label = label.map(|l| layout_list(l, &ctx.script()));
    if over {
        let mut parts: Vec<Block> = label.into_iter().collect();
        let top = parts.iter().map(Block::height).sum::<usize>() + 1;
        let baseline = top + body.baseline;
        parts.extend([brace, body]);
        vstack(parts, Align::Center, 0, baseline)
    } else {
        let baseline = body.baseline;
        let mut parts = vec![body, brace];
        parts.extend(label);
        vstack(parts, Align::Center, 0, baseline)
    }
}

/// One row of a stretched brace `width` columns wide, its tip in the
/// middle pointing towards the label.
fn brace_row(width: usize, over: bool, glyphs: Glyphs) -> String {
    let (left, fill, tip, right) = match (glyphs, over) {
        (Glyphs::Unicode, false) => ('╰', '─', '┬', '╯'),
        (Glyphs::Unicode, true) => ('╭', '─', '┴', '╮'),
        (Glyphs::Ascii, false) => ('\\', '_', 'v', '/'),
        (Glyphs::Ascii, true) => ('/', '-', '^', '\\'),
    };
    let mid = (width - 1) / 2;
    (0..width)
        .map(|i| match i {
            0 => left,
            i if i + 1 == width => right,
            i if i == mid => tip,
            _ => fill,
        })
        .collect()
}

/// A frame around a box (`\boxed`), one space of padding left and right.
fn framed(body: Block, glyphs: Glyphs) -> Block {
    let (tl, tr, bl, br, h, v) = match glyphs {
        Glyphs::Unicode => ("┌", "┐", "└", "┘", "─", "│"),
        Glyphs::Ascii => ("+", "+", "+", "+", "-", "|"),
    };
    let inner = body.width + 2;
    let mut rows = vec![format!("{tl}{}{tr}", h.repeat(inner))];
    rows.extend(body.rows.iter().map(|r| format!("{v} {r} {v}")));
    rows.push(format!("{bl}{}{br}", h.repeat(inner)));
    Block {
        rows,
        width: inner + 2,
        baseline: body.baseline + 1,
    }
}

/// Emphasis that needs no colour: bold letters (Unicode) and a mark row
/// under the body (`▔` or `~`).
fn emphasised(body: &List, ctx: &Ctx) -> Block {
    let body = layout_list(body, &Ctx { bold: true, ..*ctx });
    let mark = if ctx.unicode() { "▔" } else { "~" };
    let under = Block::text(&mark.repeat(body.width));
    let baseline = body.baseline;
    vstack(vec![body, under], Align::Left, 0, baseline)
}
