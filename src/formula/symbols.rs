//! The command tables: what each supported `\command` and character means,
//! its atom class (for spacing) and its glyphs in both sets.

/// TeX's atom classes; they decide the spacing between neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Ord,
    /// Operators such as `\ln` or `\sum`.
    Op,
    /// Binary operators: `+ − · × ⊙`.
    Bin,
    /// Relations: `= ≈ → ≥`.
    Rel,
    Open,
    Close,
    Punct,
    /// Fractions, matrices and `\left…\right` groups.
    Inner,
}

/// A symbol with a fixed glyph in each set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Symbol {
    pub uni: &'static str,
    pub ascii: &'static str,
    pub class: Class,
}

const fn sym(uni: &'static str, ascii: &'static str, class: Class) -> Symbol {
    Symbol { uni, ascii, class }
}

/// The symbol a command such as `\alpha` or `\cdot` stands for.
pub(crate) fn command_symbol(name: &str) -> Option<Symbol> {
    greek(name).or_else(|| operator_symbol(name))
}

fn greek(name: &str) -> Option<Symbol> {
    use Class::Ord;
    let s = match name {
        "alpha" => sym("α", "alpha", Ord),
        "beta" => sym("β", "beta", Ord),
        "gamma" => sym("γ", "gamma", Ord),
        "delta" => sym("δ", "delta", Ord),
        "epsilon" => sym("ϵ", "epsilon", Ord),
        "varepsilon" => sym("ε", "epsilon", Ord),
        "zeta" => sym("ζ", "zeta", Ord),
        "eta" => sym("η", "eta", Ord),
        "theta" => sym("θ", "theta", Ord),
        "vartheta" => sym("ϑ", "theta", Ord),
        "iota" => sym("ι", "iota", Ord),
        "kappa" => sym("κ", "kappa", Ord),
        "lambda" => sym("λ", "lambda", Ord),
        "mu" => sym("μ", "mu", Ord),
        "nu" => sym("ν", "nu", Ord),
        "xi" => sym("ξ", "xi", Ord),
        "pi" => sym("π", "pi", Ord),
        "rho" => sym("ρ", "rho", Ord),
        "sigma" => sym("σ", "sigma", Ord),
        "tau" => sym("τ", "tau", Ord),
        "upsilon" => sym("υ", "upsilon", Ord),
        "phi" => sym("ϕ", "phi", Ord),
        "varphi" => sym("φ", "phi", Ord),
        "chi" => sym("χ", "chi", Ord),
        "psi" => sym("ψ", "psi", Ord),
        "omega" => sym("ω", "omega", Ord),
        "Gamma" => sym("Γ", "Gamma", Ord),
        "Delta" => sym("Δ", "Delta", Ord),
        "Theta" => sym("Θ", "Theta", Ord),
        "Lambda" => sym("Λ", "Lambda", Ord),
        "Xi" => sym("Ξ", "Xi", Ord),
        "Pi" => sym("Π", "Pi", Ord),
        "Sigma" => sym("Σ", "Sigma", Ord),
        "Phi" => sym("Φ", "Phi", Ord),
        "Psi" => sym("Ψ", "Psi", Ord),
        "Omega" => sym("Ω", "Omega", Ord),
        _ => return None,
    };
    Some(s)
}

fn operator_symbol(name: &str) -> Option<Symbol> {
    use Class::*;
    let s = match name {
        "cdot" => sym("·", "*", Bin),
        "times" => sym("×", "x", Bin),
        "odot" => sym("⊙", "(.)", Bin),
        "otimes" => sym("⊗", "(x)", Bin),
        "oplus" => sym("⊕", "(+)", Bin),
        "pm" => sym("±", "+/-", Bin),
        "mp" => sym("∓", "-/+", Bin),
        "div" => sym("÷", "/", Bin),
        "ast" => sym("∗", "*", Bin),
        "circ" => sym("∘", "o", Bin),
        "top" => sym("⊤", "T", Ord),
        "partial" => sym("∂", "d", Ord),
        "nabla" => sym("∇", "nabla", Ord),
        "infty" => sym("∞", "inf", Ord),
        "prime" => sym("′", "'", Ord),
        "ell" => sym("ℓ", "l", Ord),
        "forall" => sym("∀", "for all", Ord),
        "exists" => sym("∃", "exists", Ord),
        "dots" | "ldots" => sym("…", "...", Ord),
        "cdots" => sym("⋯", "...", Ord),
        "vdots" => sym("⋮", ":", Ord),
        "ddots" => sym("⋱", "\\", Ord),
        "rightarrow" | "to" => sym("→", "->", Rel),
        "leftarrow" | "gets" => sym("←", "<-", Rel),
        "Rightarrow" | "implies" => sym("⇒", "=>", Rel),
        "Leftarrow" => sym("⇐", "<=", Rel),
        "leftrightarrow" => sym("↔", "<->", Rel),
        "Leftrightarrow" | "iff" => sym("⇔", "<=>", Rel),
        "mapsto" => sym("↦", "|->", Rel),
        "approx" => sym("≈", "~=", Rel),
        "sim" => sym("∼", "~", Rel),
        "equiv" => sym("≡", "==", Rel),
        "propto" => sym("∝", "~", Rel),
        "geq" | "ge" => sym("≥", ">=", Rel),
        "leq" | "le" => sym("≤", "<=", Rel),
        "neq" | "ne" => sym("≠", "!=", Rel),
        "in" => sym("∈", "in", Rel),
        "notin" => sym("∉", "not in", Rel),
        "subset" => sym("⊂", "subset", Rel),
        "ll" => sym("≪", "<<", Rel),
        "gg" => sym("≫", ">>", Rel),
        "coloneqq" => sym("≔", ":=", Rel),
        "{" | "lbrace" => sym("{", "{", Open),
        "}" | "rbrace" => sym("}", "}", Close),
        "langle" => sym("⟨", "<", Open),
        "rangle" => sym("⟩", ">", Close),
        "|" | "Vert" => sym("‖", "||", Ord),
        "lVert" => sym("‖", "||", Open),
        "rVert" => sym("‖", "||", Close),
        "vert" => sym("|", "|", Ord),
        "lvert" => sym("|", "|", Open),
        "rvert" => sym("|", "|", Close),
        "_" => sym("_", "_", Ord),
        "%" => sym("%", "%", Ord),
        "&" => sym("&", "and", Ord),
        "#" => sym("#", "#", Ord),
        "$" => sym("$", "$", Ord),
        "mid" => sym("|", "|", Rel),
        _ => return None,
    };
    Some(s)
}

/// The class and glyphs of a plain character typed in math mode.
pub(crate) fn char_class(c: char) -> Class {
    match c {
        '+' | '-' | '*' => Class::Bin,
        '=' | '<' | '>' | ':' => Class::Rel,
        '(' | '[' => Class::Open,
        // A prime closes what it marks: `\tanh'(z)` keeps no operator
        // space before it, as TeX sets it as a superscript.
        ')' | ']' | '!' | '?' | '\'' => Class::Close,
        ',' | ';' => Class::Punct,
        _ => Class::Ord,
    }
}

/// How a typed character is drawn: only `-` and `'` change in Unicode.
pub(crate) fn char_glyph(c: char, unicode: bool) -> Option<&'static str> {
    match (c, unicode) {
        ('-', true) => Some("−"),
        ('\'', true) => Some("′"),
        _ => None,
    }
}

/// An operator such as `\ln` (a word) or `\sum` (a large symbol).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Operator {
    pub uni: &'static str,
    pub ascii: &'static str,
    /// In display style, scripts go above and below (`\sum`, `\max`).
    pub limits: bool,
    /// A large symbol rather than a word: always followed by a space.
    pub large: bool,
}

const fn word(name: &'static str, limits: bool) -> Operator {
    Operator {
        uni: name,
        ascii: name,
        limits,
        large: false,
    }
}

/// The operator a command names, e.g. `\ln`, `\max`, `\sum`.
pub(crate) fn operator(name: &str) -> Option<Operator> {
    let large = |uni, ascii| Operator {
        uni,
        ascii,
        limits: true,
        large: true,
    };
    let op = match name {
        "sum" => large("Σ", "SUM"),
        "prod" => large("Π", "PROD"),
        "int" => Operator {
            limits: false,
            ..large("∫", "INT")
        },
        "ln" => word("ln", false),
        "log" => word("log", false),
        "lg" => word("lg", false),
        "exp" => word("exp", false),
        "sin" => word("sin", false),
        "cos" => word("cos", false),
        "tan" => word("tan", false),
        "tanh" => word("tanh", false),
        "sinh" => word("sinh", false),
        "cosh" => word("cosh", false),
        "det" => word("det", true),
        "dim" => word("dim", false),
        "max" => word("max", true),
        "min" => word("min", true),
        "arg" => word("arg", false),
        "lim" => word("lim", true),
        "sup" => word("sup", true),
        "inf" => word("inf", true),
        _ => return None,
    };
    Some(op)
}

/// Explicit horizontal space, in terminal columns (a column is about half an em).
pub(crate) fn space_width(name: &str) -> Option<usize> {
    match name {
        "quad" => Some(2),
        "qquad" => Some(4),
        "," | ":" | ";" | " " | "enspace" | "thinspace" => Some(1),
        "!" | "negthinspace" => Some(0),
        _ => None,
    }
}

/// An accent drawn over its argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Accent {
    Hat,
    Bar,
    Tilde,
    Vec,
    Dot,
}

impl Accent {
    pub(crate) fn from_command(name: &str) -> Option<Accent> {
        match name {
            "hat" | "widehat" => Some(Accent::Hat),
            "bar" | "overline" => Some(Accent::Bar),
            "tilde" | "widetilde" => Some(Accent::Tilde),
            "vec" => Some(Accent::Vec),
            "dot" => Some(Accent::Dot),
            _ => None,
        }
    }

    /// The combining character placed on a single Unicode letter.
    pub(crate) fn combining(self) -> char {
        match self {
            Accent::Hat => '\u{302}',
            Accent::Bar => '\u{304}',
            Accent::Tilde => '\u{303}',
            Accent::Vec => '\u{20D7}',
            Accent::Dot => '\u{307}',
        }
    }

    /// The character repeated on the row above a wider argument.
    pub(crate) fn over(self, unicode: bool) -> char {
        match (self, unicode) {
            (Accent::Hat, _) => '^',
            (Accent::Bar, true) => '‾',
            (Accent::Bar, false) => '_',
            (Accent::Tilde, _) => '~',
            (Accent::Vec, true) => '→',
            (Accent::Vec, false) => '>',
            (Accent::Dot, _) => '.',
        }
    }

    /// The word used in the linear ASCII form, e.g. `hat(x)`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Accent::Hat => "hat",
            Accent::Bar => "bar",
            Accent::Tilde => "tilde",
            Accent::Vec => "vec",
            Accent::Dot => "dot",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ascii_glyph_is_ascii() {
        let names = [
            "alpha",
            "varepsilon",
            "sigma",
            "cdot",
            "odot",
            "top",
            "partial",
            "nabla",
            "infty",
            "rightarrow",
            "Rightarrow",
            "approx",
            "geq",
            "leq",
            "neq",
            "dots",
            "vdots",
            "ddots",
        ];
        for name in names {
            let s = command_symbol(name).map(|s| s.ascii).unwrap_or("?");
            assert!(s.is_ascii() && s != "?", "{name}: {s}");
        }
    }
}
