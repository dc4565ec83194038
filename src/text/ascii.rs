//! Text for `--ascii`: the typographic and mathematical characters that
//! lesson prose, titles and questions use, spelt in ASCII (`η` → `eta`,
//! `≈` → `~=`, `x₁` → `x1`). Chinese text (two columns wide) is the
//! learner's chosen language and is kept as it is.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

/// The ASCII spelling of `c`, or `None` when it has none here.
#[must_use]
pub fn spell(c: char) -> Option<&'static str> {
    Some(match c {
        'η' => "eta",
        'σ' => "sigma",
        'Σ' | '∑' => "sum",
        'α' => "alpha",
        'β' => "beta",
        'γ' => "gamma",
        'δ' => "delta",
        'Δ' => "Delta",
        '⁽' => "^(",
        '⁾' => ")",
        'ε' => "eps",
        'θ' => "theta",
        'λ' => "lambda",
        'μ' => "mu",
        'π' => "pi",
        '∂' => "d",
        '·' | '•' | '⋅' | '∗' => "*",
        '×' => "x",
        '÷' => "/",
        '−' | '–' | '‐' => "-",
        '—' => "--",
        '…' | '⋯' => "...",
        '⋮' => ":",
        '²' => "^2",
        '³' => "^3",
        'ᵀ' => "^T",
        '⁻' => "^-",
        '¹' => "^1",
        '⁰' => "^0",
        '₀' => "0",
        '₁' => "1",
        '₂' => "2",
        '₃' => "3",
        '₄' => "4",
        '₅' => "5",
        '₆' => "6",
        '₇' => "7",
        '₈' => "8",
        '₉' => "9",
        'ᵢ' => "i",
        'ⱼ' => "j",
        '≈' => "~=",
        '≤' => "<=",
        '≥' => ">=",
        '≠' => "!=",
        '±' => "+/-",
        '→' | '⟶' => "->",
        '←' => "<-",
        '⇒' => "=>",
        '√' => "sqrt",
        '∞' => "inf",
        '∈' => " in ",
        '⊙' => "(*)",
        '½' => "1/2",
        '¼' => "1/4",
        '°' => " deg",
        '“' | '”' | '„' => "\"",
        '‘' | '’' | '′' => "'",
        '▶' => ">",
        '◀' => "<",
        '✓' => "+",
        '✗' => "x",
        '\u{a0}' => " ",
        _ => return None,
    })
}

/// `s` with every character [`spell`] knows spelt in ASCII; Chinese and
/// other double-width text stays.
#[must_use]
pub fn fold(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match spell(c) {
            Some(r) if c.width() != Some(2) => out.push_str(r),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn math_and_typography_are_spelt_and_chinese_stays() {
        assert_eq!(fold("η ≈ 0.1 · x₁ − “a”"), "eta ~= 0.1 * x1 - \"a\"");
        assert_eq!(fold("学习率 η，约 3…"), "学习率 eta，约 3...");
        assert_eq!(fold("plain"), "plain");
    }
}
