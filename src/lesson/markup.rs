//! The small markup of lesson prose: paragraphs separated by blank lines,
//! bullet items starting with `- `, and inline `*emphasis*`, `` `code` `` and
//! `$math$`. Anything else is plain text, so a stray `*` never fails a lesson.

/// A block of prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// One paragraph, its lines joined.
    Paragraph(Vec<Inline>),
    /// A bullet item.
    Bullet(Vec<Inline>),
}

/// A run of text within a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Plain(String),
    Emphasis(String),
    Code(String),
    /// LaTeX, without the dollars.
    Math(String),
}

impl Inline {
    /// The run's text as written, with its markers (for plain output).
    #[must_use]
    pub fn source(&self) -> String {
        match self {
            Inline::Plain(s) => s.clone(),
            Inline::Emphasis(s) => format!("*{s}*"),
            Inline::Code(s) => format!("`{s}`"),
            Inline::Math(s) => format!("${s}$"),
        }
    }
}

/// Splits prose into blocks.
#[must_use]
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let flush = |para: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(inline(&tidy_cjk_spaces(&join_lines(
                para,
            )))));
            para.clear();
        }
    };
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            flush(&mut para, &mut blocks);
        } else if let Some(item) = t.strip_prefix("- ") {
            flush(&mut para, &mut blocks);
            blocks.push(Block::Bullet(inline(item.trim())));
        } else if let Some(Block::Bullet(prev)) = blocks
            .last_mut()
            .filter(|_| para.is_empty() && line.starts_with("  "))
        {
            // An indented line continues the bullet above it.
            let s: String = prev.iter().map(Inline::source).collect();
            *prev = inline(&tidy_cjk_spaces(&join_lines(&[&s, t])));
        } else {
            para.push(t);
        }
    }
    flush(&mut para, &mut blocks);
    blocks
}

/// Joins a paragraph's lines: with a space between Latin words, with nothing
/// between Chinese characters or next to full-width punctuation.
fn join_lines(lines: &[&str]) -> String {
    let mut out = String::new();
    for l in lines {
        if !out.is_empty() && !needs_no_space(out.chars().last(), l.chars().next()) {
            out.push(' ');
        }
        out.push_str(l);
    }
    out
}

fn is_cjk(c: char) -> bool {
    c as u32 >= 0x2E80
}

/// Full-width punctuation carries its own spacing: no space goes next to it.
fn is_full_width_punct(c: char) -> bool {
    "，。、；：？！（）《》「」『』【】〈〉".contains(c)
}

/// Whether two neighbours stand without a space between them in Chinese
/// typesetting: two Chinese characters, or full-width punctuation on
/// either side.
fn needs_no_space(before: Option<char>, after: Option<char>) -> bool {
    let (Some(b), Some(a)) = (before, after) else {
        return false;
    };
    (is_cjk(b) && is_cjk(a)) || is_full_width_punct(b) || is_full_width_punct(a)
}

/// Drops a single space between two Chinese characters, or next to
/// full-width punctuation, which YAML's folded scalars (`>`) put where a
/// line broke.
fn tidy_cjk_spaces(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        let extra =
            c == ' ' && before != Some(' ') && after != Some(' ') && needs_no_space(before, after);
        if !extra {
            out.push(c);
        }
    }
    out
}

/// Splits one line into runs. An unmatched marker is plain text.
#[must_use]
pub fn inline(s: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let close = match c {
            '*' | '`' | '$' => rest[1..].find(c).filter(|&n| n > 0),
            _ => None,
        };
        if let Some(n) = close {
            if !plain.is_empty() {
                out.push(Inline::Plain(std::mem::take(&mut plain)));
            }
            let body = rest[1..=n].to_string();
            out.push(match c {
                '*' => Inline::Emphasis(body),
                '`' => Inline::Code(body),
                _ => Inline::Math(body),
            });
            rest = &rest[n + 2..];
        } else {
            plain.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    if !plain.is_empty() {
        out.push(Inline::Plain(plain));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_bullets_are_separate_blocks() {
        let b = parse("one\ntwo\n\n- a\n- b *c*\n");
        assert_eq!(b.len(), 3);
        assert_eq!(
            b[0],
            Block::Paragraph(vec![Inline::Plain("one two".into())])
        );
        assert_eq!(
            b[2],
            Block::Bullet(vec![
                Inline::Plain("b ".into()),
                Inline::Emphasis("c".into())
            ])
        );
    }

    #[test]
    fn inline_math_and_code_keep_their_content() {
        assert_eq!(
            inline("z = $wx+b$ in `run`"),
            vec![
                Inline::Plain("z = ".into()),
                Inline::Math("wx+b".into()),
                Inline::Plain(" in ".into()),
                Inline::Code("run".into())
            ]
        );
    }

    #[test]
    fn an_unmatched_marker_is_plain_text() {
        assert_eq!(inline("2 * 3"), vec![Inline::Plain("2 * 3".into())]);
    }

    #[test]
    fn folded_chinese_loses_the_space_at_the_fold() {
        assert_eq!(
            parse("直线（最小二乘法）， 一步"),
            vec![Block::Paragraph(vec![Inline::Plain(
                "直线（最小二乘法），一步".into()
            )])]
        );
    }

    #[test]
    fn chinese_lines_join_without_a_space() {
        assert_eq!(
            parse("梯度\n下降"),
            vec![Block::Paragraph(vec![Inline::Plain("梯度下降".into())])]
        );
    }

    #[test]
    fn no_space_is_kept_next_to_full_width_punctuation_at_a_fold() {
        assert_eq!(
            parse("它的损失：\ndw = 1，\n- 一\n  二： x"),
            vec![
                Block::Paragraph(vec![Inline::Plain("它的损失：dw = 1，".into())]),
                Block::Bullet(vec![Inline::Plain("一二：x".into())]),
            ]
        );
        // Latin words next to Chinese keep their space.
        assert_eq!(
            parse("有\n1000 套"),
            vec![Block::Paragraph(vec![Inline::Plain("有 1000 套".into())])]
        );
    }
}
