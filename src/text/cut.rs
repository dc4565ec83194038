//! One line of text cut to a width in terminal columns (Chinese counts as
//! two), with `…` where it was cut.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `s` cut to at most `width` columns, with `…` when cut.
#[must_use]
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_line_ends_in_an_ellipsis_within_the_width() {
        assert_eq!(truncate("abcdef", 6), "abcdef");
        assert_eq!(truncate("abcdef", 4), "abc…");
        // 对 and 这 are two columns each: 4 columns hold one and the dots.
        assert_eq!(truncate("对这个样本", 4), "对…");
        assert_eq!(truncate("对这个样本", 5), "对这…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("ab cd", 4), "ab …");
    }
}
