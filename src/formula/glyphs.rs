//! The two glyph sets: which characters draw scripts, brackets, rules and
//! bold letters, in Unicode and in plain ASCII.

/// Which characters the renderer may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Glyphs {
    /// Math symbols, Greek letters, sub- and superscript digits, tall
    /// bracket pieces (`⎛⎜⎝`), box-drawing rules.
    #[default]
    Unicode,
    /// Printable ASCII only (Chinese text from `\text{}` is kept as written).
    Ascii,
}

/// A bracket that can grow with its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Delim {
    Paren,
    Bracket,
    Brace,
    Bar,
    DoubleBar,
    Angle,
    /// `\left.`: an invisible delimiter.
    None,
}

/// Which side of the content a delimiter stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Left,
    Right,
}

impl Glyphs {
    /// The horizontal rule of a fraction.
    pub(crate) fn rule(self) -> char {
        match self {
            Glyphs::Unicode => '─',
            Glyphs::Ascii => '-',
        }
    }

    /// The single-row form of a delimiter.
    pub(crate) fn delim(self, d: Delim, side: Side) -> &'static str {
        use Delim::*;
        use Side::*;
        match (d, side, self) {
            (Paren, Left, _) => "(",
            (Paren, Right, _) => ")",
            (Bracket, Left, _) => "[",
            (Bracket, Right, _) => "]",
            (Brace, Left, _) => "{",
            (Brace, Right, _) => "}",
            (Bar, _, _) => "|",
            (DoubleBar, _, Glyphs::Unicode) => "‖",
            (DoubleBar, _, Glyphs::Ascii) => "||",
            (Angle, Left, Glyphs::Unicode) => "⟨",
            (Angle, Right, Glyphs::Unicode) => "⟩",
            (Angle, Left, Glyphs::Ascii) => "<",
            (Angle, Right, Glyphs::Ascii) => ">",
            (None, _, _) => "",
        }
    }

    /// Row `row` (0-based) of a delimiter drawn `height` rows tall, `height >= 2`.
    pub(crate) fn tall_delim(
        self,
        d: Delim,
        side: Side,
        row: usize,
        height: usize,
    ) -> &'static str {
        let part = if row == 0 {
            Part::Top
        } else if row + 1 == height {
            Part::Bottom
        } else if row == (height - 1) / 2 {
            Part::Middle
        } else {
            Part::Extension
        };
        match self {
            Glyphs::Unicode => unicode_piece(d, side, part),
            Glyphs::Ascii => ascii_piece(d, side, part),
        }
    }

    /// The superscript form of a character, if this glyph set has one.
    pub(crate) fn superscript(self, c: char) -> Option<char> {
        match self {
            Glyphs::Unicode => unicode_superscript(c),
            Glyphs::Ascii => None,
        }
    }

    /// The subscript form of a character, if this glyph set has one.
    pub(crate) fn subscript(self, c: char) -> Option<char> {
        match self {
            Glyphs::Unicode => unicode_subscript(c),
            Glyphs::Ascii => None,
        }
    }

    /// The bold form of a letter or digit (`\mathbf`); other characters unchanged.
    pub(crate) fn bold(self, c: char) -> char {
        if self == Glyphs::Ascii {
            return c;
        }
        let shifted = match c {
            'A'..='Z' => 0x1D400 + (c as u32 - 'A' as u32),
            'a'..='z' => 0x1D41A + (c as u32 - 'a' as u32),
            '0'..='9' => 0x1D7CE + (c as u32 - '0' as u32),
            _ => return c,
        };
        char::from_u32(shifted).unwrap_or(c)
    }
}

#[derive(Clone, Copy)]
enum Part {
    Top,
    Middle,
    Extension,
    Bottom,
}

fn unicode_piece(d: Delim, side: Side, part: Part) -> &'static str {
    use Delim::*;
    use Part::*;
    use Side::*;
    match (d, side, part) {
        (Paren, Left, Top) => "⎛",
        (Paren, Left, Bottom) => "⎝",
        (Paren, Left, _) => "⎜",
        (Paren, Right, Top) => "⎞",
        (Paren, Right, Bottom) => "⎠",
        (Paren, Right, _) => "⎟",
        (Bracket, Left, Top) => "⎡",
        (Bracket, Left, Bottom) => "⎣",
        (Bracket, Left, _) => "⎢",
        (Bracket, Right, Top) => "⎤",
        (Bracket, Right, Bottom) => "⎦",
        (Bracket, Right, _) => "⎥",
        (Brace, Left, Top) => "⎧",
        (Brace, Left, Middle) => "⎨",
        (Brace, Left, Bottom) => "⎩",
        (Brace, Left, Extension) => "⎪",
        (Brace, Right, Top) => "⎫",
        (Brace, Right, Middle) => "⎬",
        (Brace, Right, Bottom) => "⎭",
        (Brace, Right, Extension) => "⎪",
        (Bar, _, _) => "│",
        (DoubleBar, _, _) => "‖",
        (Angle, Left, Top) => "╱",
        (Angle, Left, Bottom) => "╲",
        (Angle, Right, Top) => "╲",
        (Angle, Right, Bottom) => "╱",
        (Angle, _, _) => " ",
        (None, _, _) => "",
    }
}

fn ascii_piece(d: Delim, side: Side, part: Part) -> &'static str {
    use Delim::*;
    use Part::*;
    use Side::*;
    match (d, side, part) {
        (Paren, Left, Top) | (Paren, Right, Bottom) => "/",
        (Paren, Left, Bottom) | (Paren, Right, Top) => "\\",
        (Paren, _, _) => "|",
        (Bracket, Left, _) => "[",
        (Bracket, Right, _) => "]",
        (Brace, Left, Top) | (Brace, Right, Bottom) => "/",
        (Brace, Left, Bottom) | (Brace, Right, Top) => "\\",
        (Brace, Left, Middle) => "<",
        (Brace, Right, Middle) => ">",
        (Brace, _, Extension) => "|",
        (Bar, _, _) => "|",
        (DoubleBar, _, _) => "||",
        (Angle, Left, Top) | (Angle, Right, Bottom) => "/",
        (Angle, Left, Bottom) | (Angle, Right, Top) => "\\",
        (Angle, _, _) => " ",
        (None, _, _) => "",
    }
}

fn unicode_superscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        '+' => '⁺',
        '-' | '−' => '⁻',
        '=' => '⁼',
        '(' => '⁽',
        ')' => '⁾',
        'T' | '⊤' => 'ᵀ',
        'a' => 'ᵃ',
        'b' => 'ᵇ',
        'c' => 'ᶜ',
        'd' => 'ᵈ',
        'e' => 'ᵉ',
        'f' => 'ᶠ',
        'g' => 'ᵍ',
        'h' => 'ʰ',
        'i' => 'ⁱ',
        'j' => 'ʲ',
        'k' => 'ᵏ',
        'l' => 'ˡ',
        'm' => 'ᵐ',
        'n' => 'ⁿ',
        'o' => 'ᵒ',
        'p' => 'ᵖ',
        'r' => 'ʳ',
        's' => 'ˢ',
        't' => 'ᵗ',
        'u' => 'ᵘ',
        'v' => 'ᵛ',
        'w' => 'ʷ',
        'x' => 'ˣ',
        'y' => 'ʸ',
        'z' => 'ᶻ',
        '′' => '′',
        _ => return None,
    })
}

fn unicode_subscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '₀',
        '1' => '₁',
        '2' => '₂',
        '3' => '₃',
        '4' => '₄',
        '5' => '₅',
        '6' => '₆',
        '7' => '₇',
        '8' => '₈',
        '9' => '₉',
        '+' => '₊',
        '-' | '−' => '₋',
        '=' => '₌',
        '(' => '₍',
        ')' => '₎',
        'a' => 'ₐ',
        'e' => 'ₑ',
        'h' => 'ₕ',
        'i' => 'ᵢ',
        'j' => 'ⱼ',
        'k' => 'ₖ',
        'l' => 'ₗ',
        'm' => 'ₘ',
        'n' => 'ₙ',
        'o' => 'ₒ',
        'p' => 'ₚ',
        'r' => 'ᵣ',
        's' => 'ₛ',
        't' => 'ₜ',
        'u' => 'ᵤ',
        'v' => 'ᵥ',
        'x' => 'ₓ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tall_parenthesis_has_top_extension_and_bottom_pieces() {
        let g = Glyphs::Unicode;
        let rows: Vec<_> = (0..4)
            .map(|r| g.tall_delim(Delim::Paren, Side::Left, r, 4))
            .collect();
        assert_eq!(rows, ["⎛", "⎜", "⎜", "⎝"]);
    }

    #[test]
    fn ascii_set_has_no_script_glyphs_and_no_bold() {
        assert_eq!(Glyphs::Ascii.superscript('2'), None);
        assert_eq!(Glyphs::Ascii.bold('x'), 'x');
        assert_eq!(Glyphs::Unicode.bold('x'), '𝐱');
    }
}
