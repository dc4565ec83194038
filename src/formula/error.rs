//! The parse error: where (a byte offset into the source) and what was
//! expected, plus the source-with-a-caret view shown in place of a formula.

use unicode_width::UnicodeWidthChar;

/// A formula that cannot be parsed.
///
/// `offset` is a byte offset into the source given to [`render`](super::render)
/// or [`parse_check`](super::parse_check); the lesson checker adds it to the
/// formula's position in the lesson file to report a line and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("at byte {offset}: expected {expected}, found {found}")]
pub struct FormulaError {
    /// Byte offset of the offending token in the formula source.
    pub offset: usize,
    /// What would have been valid here, e.g. "`}` to close the `{` at byte 6".
    pub expected: String,
    /// What is there instead, e.g. "end of formula" or "`\\foo`".
    pub found: String,
}

impl FormulaError {
    pub(crate) fn new(
        offset: usize,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> Self {
        FormulaError {
            offset,
            expected: expected.into(),
            found: found.into(),
        }
    }

    /// The source on one row (line breaks and tabs shown as spaces), broken
    /// into pieces of at most `width` columns, with a `^` row under the piece
    /// that holds the error.
    #[must_use]
    pub fn snippet(&self, source: &str, width: usize) -> Vec<String> {
        let width = width.max(1);
        let target = floor_char_boundary(source, self.offset);
        let (mut lines, mut piece) = (Vec::new(), String::new());
        let (mut piece_width, mut caret) = (0, None);
        // A trailing space stands for "end of formula", so a caret can point there.
        let chars = source
            .char_indices()
            .chain(std::iter::once((source.len(), ' ')));
        for (at, c) in chars {
            let c = if c.is_whitespace() { ' ' } else { c };
            let w = c.width().unwrap_or(0);
            if piece_width + w > width && !piece.is_empty() && at < source.len() {
                flush(&mut lines, &mut piece, caret.take());
                piece_width = 0;
            }
            if at == target {
                caret = Some(piece_width);
            }
            piece.push(c);
            piece_width += w;
        }
        flush(&mut lines, &mut piece, caret);
        lines
    }
}

fn flush(lines: &mut Vec<String>, piece: &mut String, caret: Option<usize>) {
    lines.push(piece.trim_end().to_string());
    piece.clear();
    if let Some(col) = caret {
        lines.push(format!("{}^", " ".repeat(col)));
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Display columns of a string (Chinese characters count 2).
pub(crate) fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_puts_caret_under_offending_byte() {
        let err = FormulaError::new(4, "x", "y");
        assert_eq!(err.snippet("a + \\foo", 80), ["a + \\foo", "    ^"]);
    }

    #[test]
    fn snippet_counts_chinese_as_two_columns() {
        let err = FormulaError::new("偏移".len(), "x", "y");
        assert_eq!(err.snippet("偏移}", 80), ["偏移}", "    ^"]);
    }

    #[test]
    fn snippet_wraps_long_source_and_marks_the_right_piece() {
        let err = FormulaError::new(6, "x", "y");
        assert_eq!(err.snippet("abcdefgh", 4), ["abcd", "efgh", "  ^"]);
    }

    #[test]
    fn snippet_marks_end_of_source_for_missing_closer() {
        let err = FormulaError::new(2, "x", "y");
        assert_eq!(err.snippet("{a", 80), ["{a", "  ^"]);
    }
}
