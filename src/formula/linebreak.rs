//! Fitting a top-level row into a width: break before relations (`=`, `→`),
//! and before `+`/`−` when a piece between relations is still too wide.
//! Continuation rows start under the first relation. What cannot be broken
//! is kept whole, so the result may be wider than asked, never cut.

use super::ast::List;
use super::block::{Align, Block, hcat, vstack};
use super::layout::{Ctx, Piece, pieces};
use super::symbols::Class;

type Part = (usize, Piece);

/// Lays out a top-level row within `avail` columns where possible.
pub(crate) fn fit(list: &List, ctx: &Ctx, avail: usize) -> Block {
    let parts = pieces(list, ctx);
    if parts.is_empty() {
        return Block::empty();
    }
    if width(&parts, true) <= avail {
        return join(parts);
    }
    let indent = relation_column(&parts, avail);
    let mut lines = Lines::new(avail);
    for chunk in split_before(parts, Class::Rel) {
        if lines.fits(&chunk) {
            lines.push_all(chunk);
        } else if lines.fits_fresh(&chunk, indent) {
            lines.new_line(indent);
            lines.push_all(chunk);
        } else {
            // Too wide for any row: fill on from here, breaking before `+`/`−`.
            for (k, sub) in split_before(chunk, Class::Bin).into_iter().enumerate() {
                if !lines.fits(&sub) && !lines.fresh {
                    lines.new_line(if k == 0 { indent } else { indent + 2 });
                }
                lines.push_all(sub);
            }
        }
    }
    lines.finish()
}

fn join(parts: Vec<Part>) -> Block {
    let blocks: Vec<(usize, Block)> = parts.into_iter().map(|(gap, p)| (gap, p.block)).collect();
    hcat(&blocks)
}

/// Total width; `lead` counts the space before the first part.
fn width(parts: &[Part], lead: bool) -> usize {
    let skip = if lead {
        0
    } else {
        parts.first().map_or(0, |(gap, _)| *gap)
    };
    parts
        .iter()
        .map(|(gap, p)| gap + p.block.width)
        .sum::<usize>()
        - skip
}

/// The column where the first relation starts, used to indent continuation
/// rows (at most half the width, so they keep room).
fn relation_column(parts: &[Part], avail: usize) -> usize {
    let Some(i) = parts
        .iter()
        .skip(1)
        .position(|(_, p)| p.class == Class::Rel)
    else {
        return 0;
    };
    let column = width(&parts[..=i], true) + parts[i + 1].0;
    if column <= avail / 2 { column } else { 2 }
}

/// Splits a row into chunks, each (but the first) starting with a part of
/// class `class`.
fn split_before(parts: Vec<Part>, class: Class) -> Vec<Vec<Part>> {
    let mut chunks: Vec<Vec<Part>> = vec![Vec::new()];
    for part in parts {
        let starts = part.1.class == class && chunks.last().is_some_and(|c| !c.is_empty());
        if starts {
            chunks.push(Vec::new());
        }
        if let Some(last) = chunks.last_mut() {
            last.push(part);
        }
    }
    chunks
}

/// Rows being filled, left to right.
struct Lines {
    avail: usize,
    done: Vec<Block>,
    current: Vec<(usize, Block)>,
    used: usize,
    /// The current row holds nothing yet but its indent.
    fresh: bool,
}

impl Lines {
    fn new(avail: usize) -> Lines {
        Lines {
            avail,
            done: Vec::new(),
            current: Vec::new(),
            used: 0,
            fresh: true,
        }
    }

    fn fits(&self, chunk: &[Part]) -> bool {
        self.used + width(chunk, !self.fresh) <= self.avail
    }

    fn fits_fresh(&self, chunk: &[Part], indent: usize) -> bool {
        indent + width(chunk, false) <= self.avail
    }

    fn push_all(&mut self, chunk: Vec<Part>) {
        for (gap, piece) in chunk {
            let gap = if self.fresh { self.used } else { gap };
            self.used += gap * usize::from(!self.fresh) + piece.block.width;
            self.current.push((gap, piece.block));
            self.fresh = false;
        }
    }

    fn new_line(&mut self, indent: usize) {
        if !self.current.is_empty() {
            self.done.push(hcat(&std::mem::take(&mut self.current)));
        }
        self.used = indent;
        self.fresh = true;
    }

    fn finish(mut self) -> Block {
        self.new_line(0);
        let tall = self.done.iter().any(|b| b.height() > 1);
        let baseline = self.done.first().map_or(0, |b| b.baseline);
        vstack(self.done, Align::Left, usize::from(tall), baseline)
    }
}
