//! Splits LaTeX source into tokens, each with its byte range in the source.

use super::error::FormulaError;

/// One lexical unit of a formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok<'a> {
    /// `\name` (letters) or a control symbol such as `\,` (`name` = ",").
    Command(&'a str),
    /// Any other character.
    Char(char),
    /// `{`
    Open,
    /// `}`
    Close,
    /// `^`
    Sup,
    /// `_`
    Sub,
    /// `&`, the column separator.
    Amp,
    /// `\\`, the row separator.
    NewRow,
    /// A run of whitespace (ignored in math, kept as one space in `\text`).
    Space,
    /// The end of the source.
    End,
}

/// A token and where it starts and ends (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    pub tok: Tok<'a>,
    pub start: usize,
    pub end: usize,
}

impl Token<'_> {
    /// How the token reads in an error message.
    pub(crate) fn describe(&self) -> String {
        match self.tok {
            Tok::Command(name) => format!("`\\{name}`"),
            Tok::Char(c) => format!("`{c}`"),
            Tok::Open => "`{`".into(),
            Tok::Close => "`}`".into(),
            Tok::Sup => "`^`".into(),
            Tok::Sub => "`_`".into(),
            Tok::Amp => "`&`".into(),
            Tok::NewRow => "`\\\\`".into(),
            Tok::Space => "a space".into(),
            Tok::End => "the end of the formula".into(),
        }
    }
}

/// Tokenizes the whole source; a trailing `End` token is always present.
/// Comments (`%` to the end of the line) are dropped.
pub(crate) fn tokenize(src: &str) -> Result<Vec<Token<'_>>, FormulaError> {
    let mut tokens = Vec::with_capacity(src.len() / 2 + 1);
    let mut chars = src.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let tok = match c {
            '\\' => command(src, start, &mut chars)?,
            '{' => Tok::Open,
            '}' => Tok::Close,
            '^' => Tok::Sup,
            '_' => Tok::Sub,
            '&' => Tok::Amp,
            '%' => {
                while chars.next_if(|&(_, c)| c != '\n').is_some() {}
                continue;
            }
            c if c.is_whitespace() => {
                while chars.next_if(|&(_, c)| c.is_whitespace()).is_some() {}
                Tok::Space
            }
            c => Tok::Char(c),
        };
        let end = chars.peek().map_or(src.len(), |&(i, _)| i);
        tokens.push(Token { tok, start, end });
    }
    tokens.push(Token {
        tok: Tok::End,
        start: src.len(),
        end: src.len(),
    });
    Ok(tokens)
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

fn command<'a>(src: &'a str, start: usize, chars: &mut Chars<'a>) -> Result<Tok<'a>, FormulaError> {
    let name_start = start + 1;
    match chars.next() {
        None => Err(FormulaError::new(
            start,
            "a command name after `\\`",
            "the end of the formula",
        )),
        Some((_, '\\')) => Ok(Tok::NewRow),
        Some((_, c)) if c.is_ascii_alphabetic() => {
            while chars.next_if(|&(_, c)| c.is_ascii_alphabetic()).is_some() {}
            let end = chars.peek().map_or(src.len(), |&(i, _)| i);
            Ok(Tok::Command(&src[name_start..end]))
        }
        Some((i, c)) => {
            let name = &src[i..i + c.len_utf8()];
            // `\ ` followed by more blanks is still a single control space.
            let name = if c.is_whitespace() { " " } else { name };
            Ok(Tok::Command(name))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok<'_>> {
        tokenize(src)
            .map(|v| v.into_iter().map(|t| t.tok).collect())
            .unwrap_or_default()
    }

    #[test]
    fn commands_scripts_and_groups_are_separate_tokens() {
        assert_eq!(
            toks(r"\frac{a}{b}^2_\,"),
            [
                Tok::Command("frac"),
                Tok::Open,
                Tok::Char('a'),
                Tok::Close,
                Tok::Open,
                Tok::Char('b'),
                Tok::Close,
                Tok::Sup,
                Tok::Char('2'),
                Tok::Sub,
                Tok::Command(","),
                Tok::End
            ]
        );
    }

    #[test]
    fn double_backslash_is_a_row_break_and_spaces_collapse() {
        assert_eq!(
            toks("a  \\\\ b"),
            [
                Tok::Char('a'),
                Tok::Space,
                Tok::NewRow,
                Tok::Space,
                Tok::Char('b'),
                Tok::End
            ]
        );
    }

    #[test]
    fn byte_offsets_account_for_multibyte_characters() {
        let t = tokenize("偏\\x").unwrap_or_default();
        assert_eq!((t[1].start, t[1].end), (3, 5));
    }

    #[test]
    fn lone_backslash_at_end_is_an_error_at_its_offset() {
        assert_eq!(tokenize("ab\\").map_err(|e| e.offset), Err(2));
    }
}
