//! Grid environments: matrices with tall brackets, `aligned` rows lined up
//! on `&`, `cases` with a brace.

use super::ast::{List, Node, Table, TableKind};
use super::block::{Align, Block, hcat, vstack};
use super::glyphs::Delim;
use super::layout::{Ctx, delimited, layout_list};
use super::symbols::Class;

/// Lays out a grid environment, vertically centred on its baseline.
pub(crate) fn layout_table(table: &Table, ctx: &Ctx) -> Block {
    let cell_ctx = match table.kind {
        TableKind::Aligned | TableKind::Gathered => Ctx {
            display: true,
            ..*ctx
        },
        TableKind::Matrix(..) | TableKind::Cases => ctx.text(),
    };
    let grid: Vec<Vec<Block>> = table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(col, cell)| lay_cell(cell, col, table.kind, &cell_ctx))
                .collect()
        })
        .collect();
    let body = join_grid(grid, table.kind);
    match table.kind {
        TableKind::Matrix(Delim::None, Delim::None) | TableKind::Aligned | TableKind::Gathered => {
            body
        }
        TableKind::Matrix(left, right) => {
            let pad = usize::from(body.height() > 1);
            let padded = hcat(&[(pad, body), (pad, Block::blank(0, 1, 0))]);
            delimited(left, padded, right, ctx.glyphs)
        }
        TableKind::Cases => {
            let padded = hcat(&[(1, body)]);
            delimited(Delim::Brace, padded, Delim::None, ctx.glyphs)
        }
    }
}

/// A cell; in `aligned`, a right-hand cell that starts with `=` (or `+`)
/// keeps the space TeX puts before it.
fn lay_cell(cell: &List, col: usize, kind: TableKind, ctx: &Ctx) -> Block {
    let block = layout_list(cell, ctx);
    let first = cell
        .iter()
        .find(|n| !matches!(n, Node::Space(_)))
        .map(Node::class);
    let lead = kind == TableKind::Aligned
        && col % 2 == 1
        && matches!(first, Some(Class::Rel | Class::Bin));
    if lead { hcat(&[(1, block)]) } else { block }
}

/// Column alignment and the spaces before each column.
fn column_style(kind: TableKind, col: usize) -> (Align, usize) {
    let gap = usize::from(col > 0);
    match kind {
        TableKind::Matrix(..) => (Align::Center, 2 * gap),
        TableKind::Cases => (Align::Left, 2 * gap),
        TableKind::Gathered => (Align::Center, 2 * gap),
        TableKind::Aligned if col % 2 == 1 => (Align::Left, 0),
        TableKind::Aligned => (Align::Right, 3 * gap),
    }
}

fn join_grid(grid: Vec<Vec<Block>>, kind: TableKind) -> Block {
    let ncols = grid.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; ncols];
    for row in &grid {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width);
        }
    }
    let tall = grid.iter().flatten().any(|c| c.height() > 1);
    let rows: Vec<Block> = grid
        .into_iter()
        .map(|row| {
            let mut cells = row.into_iter();
            let parts: Vec<(usize, Block)> = (0..ncols)
                .map(|col| {
                    let (align, gap) = column_style(kind, col);
                    let cell = cells.next().unwrap_or_else(Block::empty);
                    (gap, cell.pad_to(widths[col], align))
                })
                .collect();
            if parts.is_empty() {
                Block::empty()
            } else {
                hcat(&parts)
            }
        })
        .collect();
    // Matrices centre on their middle row; aligned derivations sit on the
    // baseline of their middle row, so an equation number lands on text.
    let middle = (rows.len().saturating_sub(1)) / 2;
    let gap = usize::from(tall);
    let middle_baseline: usize = rows
        .iter()
        .take(middle)
        .map(|r| r.height() + gap)
        .sum::<usize>()
        + rows.get(middle).map_or(0, |r| r.baseline);
    let mut block = vstack(rows, Align::Left, gap, 0);
    block.baseline = match kind {
        TableKind::Aligned | TableKind::Gathered => middle_baseline,
        _ => (block.height() - 1) / 2,
    };
    block
}
