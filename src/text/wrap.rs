//! Wrapping prose to a width in terminal columns. Latin text breaks at
//! spaces; Chinese (double-width) text breaks between any two characters,
//! except that closing punctuation stays with the character before it.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Punctuation that must not start a line.
const NO_LINE_START: &str = "，。、；：？！）》」』】,.;:?!)";

/// Splits `text` into unbreakable pieces: words (with the spaces after
/// them) and single wide characters (with closing punctuation attached).
fn pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        let wide = c.width().unwrap_or(0) >= 2;
        if NO_LINE_START.contains(c) && !word.ends_with(' ') {
            if !word.is_empty() {
                word.push(c);
                continue;
            }
            if let Some(last) = out.last_mut().filter(|l| !l.ends_with(' ')) {
                last.push(c);
                continue;
            }
        }
        if c == ' ' {
            word.push(c);
            out.push(std::mem::take(&mut word));
        } else if wide {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        } else {
            if word.ends_with(' ') {
                out.push(std::mem::take(&mut word));
            }
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Wraps `text` into lines of at most `width` columns (a single word longer
/// than that gets a line of its own). The first line starts with `first`,
/// the others with `rest` (their widths count).
#[must_use]
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut empty = true;
    for p in pieces(text) {
        let trimmed_w = UnicodeWidthStr::width(p.trim_end());
        if !empty && UnicodeWidthStr::width(line.as_str()) + trimmed_w > width {
            lines.push(line.trim_end().to_string());
            line = rest.to_string();
        }
        line.push_str(&p);
        empty = false;
    }
    let last = line.trim_end().to_string();
    if !empty || lines.is_empty() {
        lines.push(last);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_text_breaks_at_spaces_within_the_width() {
        let lines = wrap("the quick brown fox jumps over the lazy dog", 15, "", "");
        assert_eq!(lines, ["the quick brown", "fox jumps over", "the lazy dog"]);
    }

    #[test]
    fn chinese_breaks_between_characters_counting_double_width() {
        let lines = wrap("梯度下降法和最小二乘法的模型相同", 10, "", "");
        assert!(
            lines
                .iter()
                .all(|l| UnicodeWidthStr::width(l.as_str()) <= 10),
            "{lines:?}"
        );
        assert_eq!(lines[0], "梯度下降法");
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        let lines = wrap("一二三四，五六", 8, "", "");
        assert!(lines.iter().all(|l| !l.starts_with('，')), "{lines:?}");
    }

    #[test]
    fn indents_count_toward_the_width() {
        let lines = wrap("aa bb cc", 6, "- ", "  ");
        assert_eq!(lines, ["- aa", "  bb", "  cc"]);
    }
}
