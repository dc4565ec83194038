//! Reading what the learner typed: a number (`0.25`, `-1.5e-3`, `1/4`,
//! `−2` with a Unicode minus) or a matrix (`[[0.1, -0.2], [0.3, 0.4]]`, rows
//! separated by `;`, or a flat list for a vector). Every failure is an
//! [`InputError`] that says what is wrong; nothing here panics, whatever the
//! input.

use ndarray::Array2;

use super::expr::ExprProblem;

/// Longer answers are refused before any parsing (a pasted page, a stuck key).
pub const MAX_INPUT: usize = 4_000;

/// Why an answer could not be read. Reading failures never cost an attempt.
#[derive(Clone, Debug, PartialEq)]
pub enum InputError {
    /// Longer than [`MAX_INPUT`] characters.
    TooLong { len: usize, max: usize },
    /// Not a number at all (`abc`), shortened for display.
    NotANumber(String),
    /// A number too large to hold (`1e999`).
    TooLarge(String),
    /// `NaN` or `inf`.
    NotFinite(String),
    /// `1/0`.
    DivideByZero(String),
    /// Brackets that do not pair up, or text outside them.
    Brackets,
    /// Row `row` (1-based) has `len` values where the first row has `expected`.
    Ragged {
        row: usize,
        len: usize,
        expected: usize,
    },
    /// An expression that does not parse, with the character offset.
    Expression { problem: ExprProblem, at: usize },
}

impl std::fmt::Display for InputError {
    /// English wording for authors' diagnostics (views word it themselves).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::TooLong { len, max } => write!(f, "{len} characters, more than {max}"),
            InputError::NotANumber(s) => write!(f, "'{s}' is not a number"),
            InputError::TooLarge(s) => write!(f, "'{s}' is too large"),
            InputError::NotFinite(s) => write!(f, "'{s}' is not a finite number"),
            InputError::DivideByZero(s) => write!(f, "'{s}' divides by zero"),
            InputError::Brackets => write!(f, "the brackets do not pair up"),
            InputError::Ragged { row, len, expected } => {
                write!(f, "row {row} has {len} values, the first row {expected}")
            }
            InputError::Expression { problem, at } => {
                let at = at + 1;
                match problem {
                    ExprProblem::UnexpectedEnd => write!(f, "the expression stops too early"),
                    ExprProblem::Unexpected(t) => write!(f, "'{t}' cannot come at character {at}"),
                    ExprProblem::UnknownName { name, vars } => {
                        write!(
                            f,
                            "'{name}' is unknown; the variables are {}",
                            vars.join(", ")
                        )
                    }
                    ExprProblem::Unclosed => {
                        write!(f, "the parenthesis at character {at} is not closed")
                    }
                    ExprProblem::TooDeep => write!(f, "the parentheses nest too deep"),
                }
            }
        }
    }
}

/// A matrix as typed: its values and whether it was written as one flat
/// list (which may stand for a column vector).
#[derive(Clone, Debug, PartialEq)]
pub struct Typed {
    pub values: Array2<f64>,
    pub flat: bool,
}

/// Replaces look-alike characters a learner may paste (Unicode minus,
/// full-width punctuation) by their ASCII forms.
#[must_use]
pub fn normalise(input: &str) -> String {
    input
        .trim()
        .chars()
        .map(|c| match c {
            '−' | '–' | '—' => '-',
            '，' => ',',
            '；' => ';',
            '［' => '[',
            '］' => ']',
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

fn shorten(s: &str) -> String {
    const SHOWN: usize = 24;
    if s.chars().count() <= SHOWN {
        s.to_string()
    } else {
        s.chars().take(SHOWN).chain("…".chars()).collect()
    }
}

/// Checks the length of a raw answer.
pub fn check_length(input: &str) -> Result<(), InputError> {
    let len = input.chars().count();
    if len > MAX_INPUT {
        return Err(InputError::TooLong {
            len,
            max: MAX_INPUT,
        });
    }
    Ok(())
}

/// One number: a decimal, scientific notation or a fraction `a/b`.
pub fn parse_number(input: &str) -> Result<f64, InputError> {
    check_length(input)?;
    let s: String = normalise(input)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if let Some((a, b)) = s.split_once('/') {
        let (a, b) = (plain_number(a)?, plain_number(b)?);
        if b == 0.0 {
            return Err(InputError::DivideByZero(shorten(&s)));
        }
        return finite(a / b, &s);
    }
    plain_number(&s)
}

fn plain_number(s: &str) -> Result<f64, InputError> {
    let v: f64 = s.parse().map_err(|_| InputError::NotANumber(shorten(s)))?;
    finite(v, s)
}

fn finite(v: f64, s: &str) -> Result<f64, InputError> {
    if v.is_finite() {
        return Ok(v);
    }
    let lower = s.to_ascii_lowercase();
    if lower.contains("nan") || lower.contains("inf") {
        Err(InputError::NotFinite(shorten(s)))
    } else {
        Err(InputError::TooLarge(shorten(s)))
    }
}

/// A matrix: `[[a, b], [c, d]]`, `[a, b, c]`, `a, b; c, d`, or one number.
pub fn parse_matrix(input: &str) -> Result<Typed, InputError> {
    check_length(input)?;
    let s = normalise(input).replace(" /", "/").replace("/ ", "/");
    let (rows, flat) = if s.starts_with('[') || s.ends_with(']') {
        bracket_rows(&s)?
    } else {
        let rows: Vec<&str> = s.split([';', '\n']).map(str::trim).collect();
        let flat = rows.len() == 1;
        (rows, flat)
    };
    let mut values: Vec<Vec<f64>> = Vec::with_capacity(rows.len());
    for row in rows.iter().filter(|r| !r.is_empty() || rows.len() == 1) {
        let cells = row
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|c| !c.is_empty())
            .map(parse_number)
            .collect::<Result<Vec<f64>, _>>()?;
        values.push(cells);
    }
    let width = values.first().map_or(0, Vec::len);
    if width == 0 {
        return Err(InputError::NotANumber(shorten(&s)));
    }
    for (i, row) in values.iter().enumerate() {
        if row.len() != width {
            return Err(InputError::Ragged {
                row: i + 1,
                len: row.len(),
                expected: width,
            });
        }
    }
    let cells: Vec<f64> = values.iter().flatten().copied().collect();
    let values =
        Array2::from_shape_vec((values.len(), width), cells).map_err(|_| InputError::Brackets)?;
    Ok(Typed { values, flat })
}

/// The rows inside `[[…], […]]` (or the one row of `[…]`).
fn bracket_rows(s: &str) -> Result<(Vec<&str>, bool), InputError> {
    let inner = s
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .ok_or(InputError::Brackets)?
        .trim();
    if !inner.contains(['[', ']']) {
        return Ok((vec![inner], true));
    }
    let mut rows = Vec::new();
    let mut rest = inner;
    loop {
        rest = rest.trim_start_matches(|c: char| c == ',' || c == ';' || c.is_whitespace());
        if rest.is_empty() {
            break;
        }
        let body = rest.strip_prefix('[').ok_or(InputError::Brackets)?;
        let end = body.find(']').ok_or(InputError::Brackets)?;
        let row = &body[..end];
        if row.contains('[') {
            return Err(InputError::Brackets);
        }
        rows.push(row.trim());
        rest = &body[end + 1..];
    }
    Ok((rows, false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn numbers_in_every_written_form() {
        assert_eq!(parse_number("0.25"), Ok(0.25));
        assert_eq!(parse_number("-1.5e-3"), Ok(-0.0015));
        assert_eq!(parse_number("1/4"), Ok(0.25));
        assert_eq!(parse_number(" −2 "), Ok(-2.0));
        assert_eq!(parse_number("+3"), Ok(3.0));
    }

    #[test]
    fn garbage_numbers_say_what_is_wrong() {
        assert!(matches!(
            parse_number("abc"),
            Err(InputError::NotANumber(_))
        ));
        assert!(matches!(
            parse_number("1e999"),
            Err(InputError::TooLarge(_))
        ));
        assert!(matches!(parse_number("NaN"), Err(InputError::NotFinite(_))));
        assert!(matches!(
            parse_number("1/0"),
            Err(InputError::DivideByZero(_))
        ));
        assert!(matches!(parse_number(""), Err(InputError::NotANumber(_))));
    }

    #[test]
    fn matrices_pasted_or_with_semicolons() {
        let want = array![[0.1, -0.2], [0.3, 0.4]];
        for s in [
            "[[0.1, -0.2], [0.3, 0.4]]",
            "0.1, -0.2; 0.3, 0.4",
            "0.1 -0.2 ; 0.3 0.4",
        ] {
            let t = parse_matrix(s).unwrap();
            assert_eq!(t.values, want, "{s}");
            assert!(!t.flat);
        }
        let v = parse_matrix("[1, 2, 1/4]").unwrap();
        assert_eq!(v.values, array![[1.0, 2.0, 0.25]]);
        assert!(v.flat);
    }

    #[test]
    fn ragged_and_unbalanced_matrices_are_named() {
        assert_eq!(
            parse_matrix("[[1, 2], [3]]"),
            Err(InputError::Ragged {
                row: 2,
                len: 1,
                expected: 2
            })
        );
        assert_eq!(parse_matrix("[[1, 2], [3, 4]"), Err(InputError::Brackets));
        assert_eq!(parse_matrix("[[[1]]]"), Err(InputError::Brackets));
    }
}
