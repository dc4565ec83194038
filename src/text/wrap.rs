//! Wrapping prose to a width in terminal columns. Latin text breaks at
//! spaces; Chinese (double-width) text breaks between any two characters,
//! following the usual line-breaking rules of Chinese typesetting: closing
//! punctuation stays with the character before it (never starts a line),
//! opening punctuation with the character after it (never ends a line).
//!
//! A no-break space (U+00A0) glues two words together, so a run such as an
//! inline formula stays on one line; it is printed as an ordinary space.
//! Only a glued run wider than a whole line is broken at its no-break spaces.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Punctuation that must not start a line.
const NO_LINE_START: &str = "，。、；：？！）》」』】〉”’,.;:?!)";

/// Punctuation that must not end a line.
const NO_LINE_END: &str = "（《「『【〈“‘";

/// The space that glues the words on each side of it.
pub const NO_BREAK_SPACE: char = '\u{a0}';

/// Splits `text` into unbreakable pieces: words (with the spaces after
/// them) and single wide characters (with closing punctuation attached
/// after and opening punctuation attached before).
fn pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    // Opening punctuation waiting for the character it belongs to.
    let mut open = String::new();
    for c in text.chars() {
        let wide = c.width().unwrap_or(0) >= 2;
        if NO_LINE_START.contains(c) && !word.ends_with(' ') && open.is_empty() {
            if !word.is_empty() {
                word.push(c);
                // Chinese may break after its own punctuation: `z，loss`
                // is two pieces, `loss,` stays open for what follows.
                if wide {
                    out.push(std::mem::take(&mut word));
                }
                continue;
            }
            if let Some(last) = out.last_mut().filter(|l| !l.ends_with(' ')) {
                last.push(c);
                continue;
            }
        }
        if NO_LINE_END.contains(c) {
            if !word.is_empty() && (wide || word.ends_with(' ')) {
                out.push(std::mem::take(&mut word));
            }
            if wide || word.is_empty() {
                open.push(c);
                continue;
            }
        }
        // A no-break space glues wide characters too: `✓\u{a0}对` and
        // `对\u{a0}x` are single pieces.
        if c == NO_BREAK_SPACE
            && word.is_empty()
            && open.is_empty()
            && let Some(last) = out.pop()
        {
            word = last;
        }
        if wide && word.ends_with(NO_BREAK_SPACE) {
            word.push(c);
            continue;
        }
        if c == ' ' {
            word.insert_str(0, &std::mem::take(&mut open));
            word.push(c);
            out.push(std::mem::take(&mut word));
        } else if wide {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(std::mem::take(&mut open) + &c.to_string());
        } else {
            if word.ends_with(' ') {
                out.push(std::mem::take(&mut word));
            }
            word.insert_str(0, &std::mem::take(&mut open));
            word.push(c);
        }
    }
    word.insert_str(0, &open);
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Relations written with spaces around them (`a = 0.5`, `x ≤ 1`).
const RELATIONS: [char; 7] = ['=', '≈', '≠', '<', '>', '≤', '≥'];

/// `text` with the spaces around a relation glued, so `η = 0.4` is never
/// split over two lines (a formula broken at its `=` reads as two).
fn glue_relations(text: &str) -> std::borrow::Cow<'_, str> {
    let chars: Vec<char> = text.chars().collect();
    let spaced = |i: usize| {
        chars[i] == ' '
            && (chars.get(i + 1).is_some_and(|c| RELATIONS.contains(c))
                && chars.get(i + 2) == Some(&' ')
                || i >= 2 && RELATIONS.contains(&chars[i - 1]) && chars[i - 2] == ' ')
    };
    if !(0..chars.len()).any(spaced) {
        return std::borrow::Cow::Borrowed(text);
    }
    let glued: String = (0..chars.len())
        .map(|i| if spaced(i) { NO_BREAK_SPACE } else { chars[i] })
        .collect();
    std::borrow::Cow::Owned(glued)
}

/// Breaks a glued piece that is wider than `room` at its no-break spaces.
fn unglue(piece: String, room: usize) -> Vec<String> {
    let width = UnicodeWidthStr::width(piece.trim_end());
    if width <= room || !piece.contains(NO_BREAK_SPACE) {
        return vec![piece];
    }
    let parts: Vec<&str> = piece.split(NO_BREAK_SPACE).collect();
    let last = parts.len() - 1;
    parts
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            if i < last {
                format!("{p} ")
            } else {
                p.to_string()
            }
        })
        .collect()
}

/// Wraps `text` into lines of at most `width` columns (a single word longer
/// than that gets a line of its own). The first line starts with `first`,
/// the others with `rest` (their widths count).
#[must_use]
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let room = width.saturating_sub(UnicodeWidthStr::width(rest)).max(1);
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut empty = true;
    let text = glue_relations(text);
    for p in pieces(&text).into_iter().flat_map(|p| unglue(p, room)) {
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
        .into_iter()
        .map(|l| l.replace(NO_BREAK_SPACE, " "))
        .collect()
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
    fn a_relation_is_never_split_from_its_sides() {
        let lines = wrap("a step moves z by η times the slope, η = 0.4", 42, "", "");
        assert_eq!(lines, ["a step moves z by η times the slope,", "η = 0.4"]);
        let lines = wrap("沿斜率对 z 做梯度下降，η = 0.4", 26, "", "");
        assert_eq!(
            lines.last().map(String::as_str),
            Some("η = 0.4"),
            "{lines:?}"
        );
        // Not a relation: a lone `<` in words, or `=` without spaces.
        assert_eq!(wrap("x=1 and y", 5, "", ""), ["x=1", "and y"]);
    }

    #[test]
    fn chinese_text_may_break_after_a_full_width_comma_before_a_latin_word() {
        // `W，loss` and `x、y` were single pieces, so the break fell before
        // `W` and left the line short.
        let text = "先算出权重W，loss随之下降";
        let lines = wrap(text, 16, "", "");
        assert_eq!(lines, ["先算出权重W，", "loss随之下降"]);
        let lines = wrap("比较一二x、y", 11, "", "");
        assert_eq!(lines, ["比较一二x、", "y"]);
        // The comma itself still never starts a line.
        for width in 2..20 {
            for l in wrap(text, width, "", "") {
                assert!(!l.starts_with('，'), "{width}: {l:?}");
            }
        }
        // A Latin comma without a space still joins its neighbours (`1,5`).
        assert_eq!(wrap("aa bb,cc", 6, "", ""), ["aa", "bb,cc"]);
    }

    #[test]
    fn a_no_break_space_glues_wide_characters_too() {
        // The mark of a verdict stays with its Chinese word, and a Chinese
        // word with the number glued after it.
        for width in 5..14 {
            let lines = wrap("一二三四五 ✓\u{a0}对 六", width, "", "");
            assert!(
                lines.iter().any(|l| l.contains("✓ 对")),
                "{width}: {lines:?}"
            );
            let lines = wrap("一二三四五共\u{a0}12 六", width, "", "");
            assert!(
                lines.iter().any(|l| l.contains("共 12")),
                "{width}: {lines:?}"
            );
        }
    }

    #[test]
    fn indents_count_toward_the_width() {
        let lines = wrap("aa bb cc", 6, "- ", "  ");
        assert_eq!(lines, ["- aa", "  bb", "  cc"]);
    }

    #[test]
    fn opening_punctuation_never_ends_a_line() {
        // Without the rule the break would fall right after `（`.
        let lines = wrap("一二三（四五）六", 8, "", "");
        assert!(lines.iter().all(|l| !l.ends_with('（')), "{lines:?}");
        assert_eq!(lines.concat(), "一二三（四五）六");
    }

    #[test]
    fn glued_words_stay_on_one_line_and_print_as_spaces() {
        let text = "aa bb\u{a0}=\u{a0}cc dd";
        let lines = wrap(text, 8, "", "");
        assert_eq!(lines, ["aa", "bb = cc", "dd"]);
    }

    #[test]
    fn a_glued_run_wider_than_a_line_breaks_at_its_glue() {
        let lines = wrap("x\u{a0}=\u{a0}aaaa\u{a0}+\u{a0}bbbb", 8, "", "");
        assert!(lines.iter().all(|l| l.len() <= 8), "{lines:?}");
        assert!(lines.iter().all(|l| !l.contains('\u{a0}')), "{lines:?}");
    }
}
