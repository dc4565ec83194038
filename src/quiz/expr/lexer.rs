//! Tokens of a formula answer: numbers (with exponents), names, operators
//! (`·` and `×` read as `*`, `−` as `-`) and brackets.

use super::ExprProblem;

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok {
    Num(f64),
    Name(String),
    Op(char),
    Open,
    Close,
}

pub(super) fn lex(src: &str) -> Result<Vec<(Tok, usize)>, (ExprProblem, usize)> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) {
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            if matches!(chars.get(i), Some('e' | 'E')) {
                let sign = usize::from(matches!(chars.get(i + 1), Some('+' | '-')));
                if chars.get(i + 1 + sign).is_some_and(char::is_ascii_digit) {
                    i += 1 + sign;
                    while i < chars.len() && chars[i].is_ascii_digit() {
                        i += 1;
                    }
                }
            }
            let text: String = chars[start..i].iter().collect();
            let v = text
                .parse()
                .map_err(|_| (ExprProblem::Unexpected(text.clone()), start))?;
            out.push((Tok::Num(v), start));
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((Tok::Name(chars[start..i].iter().collect()), start));
            continue;
        }
        let tok = match c {
            '+' | '-' | '−' | '*' | '·' | '×' | '/' | '^' => Tok::Op(match c {
                '−' => '-',
                '·' | '×' => '*',
                other => other,
            }),
            '(' | '[' => Tok::Open,
            ')' | ']' => Tok::Close,
            other => return Err((ExprProblem::Unexpected(other.to_string()), start)),
        };
        out.push((tok, start));
        i += 1;
    }
    Ok(out)
}
