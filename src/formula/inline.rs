//! The one-line form for math inside prose: `∂loss/∂w = (z−y)·x`, `x₁²`.
//! Relations are spaced, binary operators are not, fractions become `a/b`
//! with parentheses where the reading would otherwise be ambiguous.

use super::ast::{Formula, List, Node, Table, TableKind};
use super::glyphs::{Delim, Glyphs, Side};
use super::layout::{Ctx, char_text, unknown_source};
use super::parser::parse;
use super::spacing::resolve_binary;
use super::symbols::Class;

/// Renders a formula on one line for running text. Never fails: a formula
/// that does not parse comes back as its source.
#[must_use]
pub fn render_inline(tex: &str, glyphs: Glyphs) -> String {
    match parse(tex) {
        Ok(formula) => formula_inline(&formula, glyphs),
        Err(_) => tex.to_string(),
    }
}

pub(crate) fn formula_inline(formula: &Formula, glyphs: Glyphs) -> String {
    let ctx = Ctx::display(glyphs);
    let rows: Vec<String> = formula.rows.iter().map(|r| list_inline(r, &ctx)).collect();
    let mut out = rows.join("; ");
    if let Some(tag) = &formula.tag {
        out.push_str(&format!("  ({tag})"));
    }
    out
}

/// A math list on one line.
pub(crate) fn list_inline(list: &List, ctx: &Ctx) -> String {
    let mut classes: Vec<Class> = list
        .iter()
        .filter(|n| !matches!(n, Node::Space(_)))
        .map(Node::class)
        .collect();
    resolve_binary(&mut classes);
    let mut classes = classes.into_iter();
    let mut out = String::new();
    let (mut prev, mut pending): (Option<Class>, usize) = (None, 0);
    for node in list {
        if let Node::Space(w) = node {
            pending += w;
            continue;
        }
        let class = classes.next().unwrap_or(Class::Ord);
        let text = node_inline(node, ctx);
        let auto = prev.map_or(0, |p| usize::from(spaced(p, class)));
        let touching = out.ends_with(|c: char| c.is_ascii_alphanumeric())
            && text.starts_with(|c: char| c.is_ascii_alphabetic())
            && is_word(node, ctx);
        let gap = if prev.is_some() {
            auto.max(pending).max(usize::from(touching))
        } else {
            0
        };
        out.extend(std::iter::repeat_n(' ', gap));
        out.push_str(&text);
        prev = Some(class);
        pending = 0;
    }
    out
}

fn spaced(left: Class, right: Class) -> bool {
    use Class::*;
    matches!(
        (left, right),
        (_, Rel) | (Rel, _) | (Punct, _) | (Op, Ord | Inner) | (Ord | Close, Op)
    )
}

fn is_word(node: &Node, ctx: &Ctx) -> bool {
    matches!(node, Node::Symbol(s) if !ctx.unicode() && s.ascii.len() > 1)
}

fn node_inline(node: &Node, ctx: &Ctx) -> String {
    match node {
        Node::Char(c) => char_text(*c, ctx),
        Node::Symbol(s) => (if ctx.unicode() { s.uni } else { s.ascii }).to_string(),
        Node::Operator(op) if ctx.unicode() => op.uni.to_string(),
        Node::Operator(op) => op.ascii.to_lowercase(),
        Node::Number(s) | Node::Text(s) => s.clone(),
        Node::Bold(list) => list_inline(list, &Ctx { bold: true, ..*ctx }),
        Node::Group(list) => list_inline(list, ctx),
        Node::Scripts { base, sub, sup } => {
            let mut out = node_inline(base, ctx);
            for (script, sup) in [(sub, false), (sup, true)] {
                if let Some(list) = script {
                    out.push_str(&script_inline(list, sup, ctx));
                }
            }
            out
        }
        Node::Frac(num, den) => {
            let (n, d) = (list_inline(num, ctx), list_inline(den, ctx));
            format!(
                "{}/{}",
                wrap_if(n, compound(num, false)),
                wrap_if(d, compound(den, true))
            )
        }
        Node::Sqrt { body, .. } if ctx.unicode() => {
            format!("√{}", wrap_if(list_inline(body, ctx), body.len() > 1))
        }
        Node::Sqrt { body, .. } => format!("sqrt({})", list_inline(body, ctx)),
        Node::Accent(accent, body) => {
            let inner = list_inline(body, ctx);
            if ctx.unicode() && inner.chars().count() == 1 {
                format!("{inner}{}", accent.combining())
            } else {
                format!("{}({inner})", accent.name())
            }
        }
        Node::Delimited { left, body, right } => {
            let g = ctx.glyphs;
            format!(
                "{}{}{}",
                g.delim(*left, Side::Left),
                list_inline(body, ctx),
                g.delim(*right, Side::Right)
            )
        }
        Node::Table(table) => table_inline(table, ctx),
        Node::Space(w) => " ".repeat(*w),
        // On one line a brace has no room for its label: the body alone.
        Node::Brace { body, .. } => list_inline(body, ctx),
        Node::Boxed(body) => format!("[{}]", list_inline(body, ctx)),
        Node::Emph(body) => list_inline(body, &Ctx { bold: true, ..*ctx }),
        Node::Unknown(name) => unknown_source(name),
    }
}

/// `²`, `ᵢ₊₁`, or `^(…)` / `_(…)` when there are no script glyphs.
fn script_inline(list: &List, sup: bool, ctx: &Ctx) -> String {
    let text = list_inline(list, &ctx.script());
    let map = |c: char| {
        if sup {
            ctx.glyphs.superscript(c)
        } else {
            ctx.glyphs.subscript(c)
        }
    };
    if let Some(mapped) = text.chars().map(map).collect::<Option<String>>() {
        return mapped;
    }
    let mark = if sup { '^' } else { '_' };
    let single = text.chars().count() == 1 || text.chars().all(|c| c.is_ascii_alphanumeric());
    format!("{mark}{}", wrap_if(text, !single))
}

/// Whether a fraction part needs parentheses in `a/b` form. Any operator
/// does; a denominator also does when it holds brackets or a product such
/// as `a(1−a)`.
fn compound(list: &List, denominator: bool) -> bool {
    let mut depth = 0i32;
    let atoms = list.iter().filter(|n| !matches!(n, Node::Space(_))).count();
    for node in list {
        match node {
            Node::Char('(' | '[') => depth += 1,
            Node::Char(')' | ']') => depth -= 1,
            _ => {}
        }
        let class = node.class();
        let operator = matches!(class, Class::Bin | Class::Rel | Class::Punct) && atoms > 1;
        if (operator && (depth == 0 || denominator))
            || matches!(node, Node::Frac(..) | Node::Space(_))
        {
            return true;
        }
        if denominator && matches!(class, Class::Open | Class::Op | Class::Inner) {
            return true;
        }
    }
    false
}

fn wrap_if(text: String, wrap: bool) -> String {
    if wrap { format!("({text})") } else { text }
}

fn table_inline(table: &Table, ctx: &Ctx) -> String {
    let cells = |row: &Vec<List>, sep: &str| {
        let texts: Vec<String> = row
            .iter()
            .map(|c| list_inline(c, ctx))
            .filter(|t| !t.is_empty())
            .collect();
        texts.join(sep)
    };
    match table.kind {
        TableKind::Aligned => {
            let rows: Vec<String> = table.rows.iter().map(|r| cells(r, " ")).collect();
            rows.join(" ")
        }
        TableKind::Matrix(left, right) => {
            let rows: Vec<String> = table.rows.iter().map(|r| cells(r, ", ")).collect();
            let (left, right) = if left == Delim::None {
                (Delim::Bracket, Delim::Bracket)
            } else {
                (left, right)
            };
            let g = ctx.glyphs;
            format!(
                "{}{}{}",
                g.delim(left, Side::Left),
                rows.join("; "),
                g.delim(right, Side::Right)
            )
        }
        TableKind::Cases | TableKind::Gathered => {
            let rows: Vec<String> = table.rows.iter().map(|r| cells(r, " ")).collect();
            rows.join("; ")
        }
    }
}
