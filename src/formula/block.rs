//! The box every layout step produces: rows of text of equal display width,
//! with one row marked as the baseline that neighbours line up on.

use super::error::display_width;

/// A rectangle of text. Every row is exactly `width` display columns wide
/// (padded with spaces); `baseline` is the index of the row that lines up
/// with the baseline of the boxes beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub rows: Vec<String>,
    pub width: usize,
    pub baseline: usize,
}

/// Horizontal placement of a narrower box in a wider column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

impl Block {
    /// One row of text.
    pub(crate) fn text(s: &str) -> Block {
        Block {
            rows: vec![s.to_string()],
            width: display_width(s),
            baseline: 0,
        }
    }

    /// One row, zero columns: the box of an empty list.
    pub(crate) fn empty() -> Block {
        Block::blank(0, 1, 0)
    }

    /// Spaces, `width` by `height`.
    pub(crate) fn blank(width: usize, height: usize, baseline: usize) -> Block {
        Block {
            rows: vec![" ".repeat(width); height.max(1)],
            width,
            baseline: baseline.min(height.saturating_sub(1)),
        }
    }

    pub(crate) fn height(&self) -> usize {
        self.rows.len()
    }

    /// Rows below the baseline.
    pub(crate) fn descent(&self) -> usize {
        self.height() - self.baseline - 1
    }

    /// Adds text at the right end of the baseline row (other rows get spaces).
    pub(crate) fn push_on_baseline(&mut self, s: &str) {
        let w = display_width(s);
        let baseline = self.baseline;
        for (i, row) in self.rows.iter_mut().enumerate() {
            if i == baseline {
                row.push_str(s);
            } else {
                push_spaces(row, w);
            }
        }
        self.width += w;
    }

    /// Widens the box to `width` columns, placing the content by `align`.
    pub(crate) fn pad_to(mut self, width: usize, align: Align) -> Block {
        if width <= self.width {
            return self;
        }
        let extra = width - self.width;
        let left = match align {
            Align::Left => 0,
            Align::Center => extra / 2,
            Align::Right => extra,
        };
        for row in &mut self.rows {
            let mut padded = String::with_capacity(row.len() + extra);
            push_spaces(&mut padded, left);
            padded.push_str(row);
            push_spaces(&mut padded, extra - left);
            *row = padded;
        }
        self.width = width;
        self
    }
}

pub(crate) fn push_spaces(s: &mut String, n: usize) {
    s.extend(std::iter::repeat_n(' ', n));
}

/// Places boxes side by side on a common baseline; each comes with the
/// number of spaces to leave before it.
pub(crate) fn hcat(parts: &[(usize, Block)]) -> Block {
    let ascent = parts.iter().map(|(_, b)| b.baseline).max().unwrap_or(0);
    let descent = parts.iter().map(|(_, b)| b.descent()).max().unwrap_or(0);
    let height = ascent + descent + 1;
    let width: usize = parts.iter().map(|(gap, b)| gap + b.width).sum();
    let bytes: usize = parts.iter().map(|(gap, b)| gap + b.rows[0].len()).sum();
    let mut rows = Vec::with_capacity(height);
    for r in 0..height {
        let mut row = String::with_capacity(bytes + 8);
        for (gap, b) in parts {
            push_spaces(&mut row, *gap);
            let top = ascent - b.baseline;
            match r.checked_sub(top).and_then(|i| b.rows.get(i)) {
                Some(line) => row.push_str(line),
                None => push_spaces(&mut row, b.width),
            }
        }
        rows.push(row);
    }
    Block {
        rows,
        width,
        baseline: ascent,
    }
}

/// Stacks boxes top to bottom, each placed in the common width by `align`,
/// with `gap` blank rows between them; `baseline` is the row index in the
/// result.
pub(crate) fn vstack(blocks: Vec<Block>, align: Align, gap: usize, baseline: usize) -> Block {
    let width = blocks.iter().map(|b| b.width).max().unwrap_or(0);
    let mut rows = Vec::new();
    for (i, b) in blocks.into_iter().enumerate() {
        if i > 0 {
            rows.extend(std::iter::repeat_n(" ".repeat(width), gap));
        }
        rows.extend(b.pad_to(width, align).rows);
    }
    if rows.is_empty() {
        return Block::empty();
    }
    let baseline = baseline.min(rows.len() - 1);
    Block {
        rows,
        width,
        baseline,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hcat_lines_up_baselines_and_pads_short_boxes() {
        let tall = vstack(
            vec![Block::text("a"), Block::text("-"), Block::text("b")],
            Align::Center,
            0,
            1,
        );
        let joined = hcat(&[(0, Block::text("x=")), (1, tall)]);
        assert_eq!(joined.rows, ["   a", "x= -", "   b"]);
        assert_eq!(joined.baseline, 1);
    }

    #[test]
    fn pad_to_centres_with_the_odd_column_on_the_right() {
        assert_eq!(Block::text("ab").pad_to(5, Align::Center).rows, [" ab  "]);
    }

    #[test]
    fn width_counts_chinese_characters_as_two_columns() {
        assert_eq!(Block::text("偏移b").width, 5);
    }
}
