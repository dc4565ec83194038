//! Recursive-descent parser: tokens → [`Formula`] tree, or an error that
//! names the byte offset and what was expected there.

use super::ast::{Formula, List, Node};
use super::error::FormulaError;
use super::glyphs::Delim;
use super::lexer::{Tok, Token, tokenize};
use super::symbols::{self, Accent};

mod environment;

/// Deepest nesting of groups and arguments accepted; keeps recursion bounded
/// for any input.
const MAX_DEPTH: usize = 40;

/// Parses a whole formula.
pub(crate) fn parse(src: &str) -> Result<Formula> {
    let mut p = Parser {
        toks: tokenize(src)?,
        pos: 0,
        depth: 0,
        tag: None,
        warnings: Vec::new(),
    };
    p.formula()
}

pub(super) struct Parser<'a> {
    toks: Vec<Token<'a>>,
    pos: usize,
    depth: usize,
    tag: Option<String>,
    /// Unknown commands met so far.
    warnings: Vec<FormulaError>,
}

type Result<T> = std::result::Result<T, FormulaError>;

fn err<T>(at: Token<'_>, expected: impl Into<String>) -> Result<T> {
    Err(FormulaError::new(at.start, expected, at.describe()))
}

impl<'a> Parser<'a> {
    pub(super) fn peek(&self) -> Token<'a> {
        let last = self.toks.len().saturating_sub(1);
        self.toks[self.pos.min(last)]
    }

    pub(super) fn bump(&mut self) -> Token<'a> {
        let t = self.peek();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    pub(super) fn skip_space(&mut self) {
        while self.peek().tok == Tok::Space {
            self.bump();
        }
    }

    /// Enters one level of nesting, refusing to go deeper than [`MAX_DEPTH`].
    pub(super) fn enter(&mut self, at: Token<'a>) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return err(at, format!("at most {MAX_DEPTH} levels of nesting"));
        }
        Ok(())
    }

    pub(super) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn formula(&mut self) -> Result<Formula> {
        let mut rows = Vec::new();
        loop {
            rows.push(self.list(false)?);
            let t = self.bump();
            match t.tok {
                Tok::End => break,
                Tok::NewRow => continue,
                Tok::Close => return err(t, "the end of the formula (this `}` closes no `{`)"),
                Tok::Amp => {
                    return err(
                        t,
                        "`&` only inside an environment such as aligned or pmatrix",
                    );
                }
                Tok::Command("right") => return err(t, "`\\right` only after a matching `\\left`"),
                Tok::Command("end") => return err(t, "`\\end` only after a matching `\\begin`"),
                _ => return err(t, "more formula"),
            }
        }
        let mut tag = self.tag.take();
        if tag.is_none() {
            tag = rows.last_mut().and_then(trailing_number);
        }
        Ok(Formula {
            rows,
            tag,
            warnings: std::mem::take(&mut self.warnings),
        })
    }

    /// Parses nodes up to the token that ends a list (`}`, `&`, `\\`,
    /// `\right`, `\end`, the end, or `]` when `bracket` is set).
    pub(super) fn list(&mut self, bracket: bool) -> Result<List> {
        let mut list = Vec::new();
        loop {
            let t = self.peek();
            match t.tok {
                Tok::End | Tok::Close | Tok::Amp | Tok::NewRow => return Ok(list),
                Tok::Command("right" | "end") => return Ok(list),
                Tok::Char(']') if bracket => return Ok(list),
                Tok::Space => {
                    self.bump();
                }
                Tok::Sup | Tok::Sub => self.script(&mut list)?,
                _ => list.extend(self.atom()?),
            }
        }
    }

    /// Attaches a `^` or `_` argument to the last node of `list`.
    fn script(&mut self, list: &mut List) -> Result<()> {
        let t = self.bump();
        let is_sup = t.tok == Tok::Sup;
        let arg = self.argument(if is_sup {
            "a superscript after `^`"
        } else {
            "a subscript after `_`"
        })?;
        if let Some(Node::Brace {
            over,
            label: label @ None,
            ..
        }) = list.last_mut()
        {
            // The label of a brace: `\underbrace{…}_{…}`, `\overbrace{…}^{…}`.
            if *over == is_sup {
                *label = Some(arg);
                return Ok(());
            }
        }
        let base = match list.pop() {
            Some(Node::Space(w)) => {
                list.push(Node::Space(w));
                Node::Group(Vec::new())
            }
            Some(node) => node,
            None => Node::Group(Vec::new()),
        };
        let (base, mut sub, mut sup) = match base {
            Node::Scripts { base, sub, sup } => (*base, sub, sup),
            other => (other, None, None),
        };
        let slot = if is_sup { &mut sup } else { &mut sub };
        if slot.is_some() {
            return err(
                t,
                "one script of each kind per base: use braces, e.g. `x^{ab}` or `{x^a}^b`",
            );
        }
        *slot = Some(arg);
        list.push(Node::Scripts {
            base: Box::new(base),
            sub,
            sup,
        });
        Ok(())
    }

    /// A command or script argument: a `{…}` group or a single token.
    pub(super) fn argument(&mut self, what: &str) -> Result<List> {
        self.skip_space();
        let t = self.peek();
        match t.tok {
            Tok::Open => {
                self.bump();
                self.group_body(t)
            }
            Tok::Char(_) | Tok::Command(_) if !matches!(t.tok, Tok::Command("right" | "end")) => {
                self.enter(t)?;
                let node = self.atom();
                self.leave();
                Ok(node?.into_iter().collect())
            }
            _ => err(t, what),
        }
    }

    /// The inside of a `{…}` group whose `{` was the token `open`.
    pub(super) fn group_body(&mut self, open: Token<'a>) -> Result<List> {
        self.enter(open)?;
        let list = self.list(false)?;
        let t = self.bump();
        if t.tok != Tok::Close {
            return err(t, format!("`}}` to close the `{{` at byte {}", open.start));
        }
        self.leave();
        Ok(list)
    }

    /// One node; `None` for commands that only change style (`\displaystyle`).
    fn atom(&mut self) -> Result<Option<Node>> {
        let t = self.bump();
        let node = match t.tok {
            Tok::Char('$') => return err(t, "formula text without `$` delimiters"),
            Tok::Char('~') => Node::Space(1),
            Tok::Char(c) => Node::Char(c),
            Tok::Open => Node::Group(self.group_body(t)?),
            Tok::Command(name) => return self.command(t, name),
            _ => return err(t, "a symbol, a group or a command"),
        };
        Ok(Some(node))
    }

    fn command(&mut self, t: Token<'a>, name: &'a str) -> Result<Option<Node>> {
        if let Some(w) = symbols::space_width(name) {
            return Ok(Some(Node::Space(w)));
        }
        if let Some(s) = symbols::command_symbol(name) {
            return Ok(Some(Node::Symbol(s)));
        }
        if let Some(op) = symbols::operator(name) {
            return Ok(Some(Node::Operator(op)));
        }
        if let Some(accent) = Accent::from_command(name) {
            let arg = self.argument(&format!("an argument for `\\{name}`"))?;
            return Ok(Some(Node::Accent(accent, arg)));
        }
        let node = match name {
            "frac" | "dfrac" | "tfrac" | "cfrac" => {
                let num = self.argument(&format!("the numerator of `\\{name}`"))?;
                let den = self.argument(&format!("the denominator of `\\{name}`"))?;
                Node::Frac(num, den)
            }
            "sqrt" => self.sqrt()?,
            "text" | "textrm" | "textit" | "textbf" | "textsf" | "texttt" | "mbox"
            | "operatorname" => Node::Text(self.text_arg(name)?),
            "mathbf" | "boldsymbol" | "bm" | "mathbfit" => {
                Node::Bold(self.argument(&format!("an argument for `\\{name}`"))?)
            }
            "mathrm" | "mathit" | "mathsf" | "mathtt" | "mathcal" | "mathbb" | "mathnormal" => {
                Node::Group(self.argument(&format!("an argument for `\\{name}`"))?)
            }
            "underbrace" | "overbrace" => Node::Brace {
                over: name == "overbrace",
                body: self.argument(&format!("an argument for `\\{name}`"))?,
                label: None,
            },
            "boxed" => Node::Boxed(self.argument("an argument for `\\boxed`")?),
            "textcolor" => {
                self.text_arg(name)?;
                Node::Emph(self.argument("the text after `\\textcolor{…}`")?)
            }
            "color" => {
                // Like LaTeX, `\color` applies to the rest of its group.
                self.text_arg(name)?;
                self.enter(t)?;
                let rest = self.list(false)?;
                self.leave();
                Node::Emph(rest)
            }
            "left" => self.delimited(t)?,
            "begin" => self.environment(t)?,
            "tag" => return self.tag(t).map(|()| None),
            "displaystyle" | "textstyle" | "scriptstyle" | "limits" | "nolimits" | "nonumber"
            | "notag" | "big" | "Big" | "bigg" | "Bigg" | "bigl" | "bigr" | "Bigl" | "Bigr"
            | "biggl" | "biggr" | "Biggl" | "Biggr" => return Ok(None),
            _ => {
                self.warnings.push(FormulaError::new(
                    t.start,
                    "a supported command such as `\\frac`, `\\sum`, `\\text` or a Greek letter",
                    t.describe(),
                ));
                Node::Unknown(name.to_string())
            }
        };
        Ok(Some(node))
    }

    fn sqrt(&mut self) -> Result<Node> {
        self.skip_space();
        let open = self.peek();
        let index = if open.tok == Tok::Char('[') {
            self.bump();
            self.enter(open)?;
            let index = self.list(true)?;
            let close = self.bump();
            if close.tok != Tok::Char(']') {
                return err(
                    close,
                    format!("`]` to close the `[` at byte {}", open.start),
                );
            }
            self.leave();
            Some(index)
        } else {
            None
        };
        let body = self.argument("an argument for `\\sqrt`")?;
        Ok(Node::Sqrt { index, body })
    }

    /// The raw text of a `\text{…}` argument; inner braces only group.
    pub(super) fn text_arg(&mut self, name: &str) -> Result<String> {
        self.skip_space();
        let open = self.bump();
        match open.tok {
            Tok::Open => {}
            Tok::Char(c) => return Ok(c.to_string()),
            _ => return err(open, format!("`{{` and text after `\\{name}`")),
        }
        let (mut out, mut depth) = (String::new(), 0usize);
        loop {
            let t = self.bump();
            match t.tok {
                Tok::Close if depth == 0 => return Ok(out),
                Tok::Close => depth -= 1,
                Tok::Open => depth += 1,
                Tok::Space => out.push(' '),
                Tok::Char(c) => out.push(c),
                Tok::Sup => out.push('^'),
                Tok::Sub => out.push('_'),
                Tok::Command(n) if symbols::space_width(n).is_some() => out.push(' '),
                Tok::Command(n) if n.len() == 1 && !n.chars().all(char::is_alphabetic) => {
                    out.push_str(n)
                }
                Tok::End => {
                    return err(t, format!("`}}` to close the `{{` at byte {}", open.start));
                }
                _ => return err(t, "plain text (write `\\&` for an ampersand)"),
            }
        }
    }

    fn tag(&mut self, t: Token<'a>) -> Result<()> {
        if self.depth > 0 {
            return err(t, "`\\tag` only at the top level of a formula");
        }
        if self.tag.is_some() {
            return err(t, "a single `\\tag` per formula");
        }
        self.tag = Some(self.text_arg("tag")?);
        Ok(())
    }

    fn delimited(&mut self, left_tok: Token<'a>) -> Result<Node> {
        let left =
            self.delimiter("a delimiter after `\\left`, such as `(` `[` `\\{` `|` or `.`")?;
        self.enter(left_tok)?;
        let body = self.list(false)?;
        let t = self.peek();
        if t.tok != Tok::Command("right") {
            return err(
                t,
                format!("`\\right` to match the `\\left` at byte {}", left_tok.start),
            );
        }
        self.bump();
        let right =
            self.delimiter("a delimiter after `\\right`, such as `)` `]` `\\}` `|` or `.`")?;
        self.leave();
        Ok(Node::Delimited { left, body, right })
    }

    fn delimiter(&mut self, expected: &str) -> Result<Delim> {
        self.skip_space();
        let t = self.bump();
        Ok(match t.tok {
            Tok::Char('(' | ')') => Delim::Paren,
            Tok::Char('[' | ']') | Tok::Command("lbrack" | "rbrack") => Delim::Bracket,
            Tok::Char('|') | Tok::Command("vert" | "lvert" | "rvert") => Delim::Bar,
            Tok::Char('<' | '>') | Tok::Command("langle" | "rangle") => Delim::Angle,
            Tok::Char('.') => Delim::None,
            Tok::Command("{" | "}" | "lbrace" | "rbrace") => Delim::Brace,
            Tok::Command("|" | "Vert" | "lVert" | "rVert") => Delim::DoubleBar,
            _ => return err(t, expected),
        })
    }
}

/// Removes a trailing `\quad (n)` equation number from a row and returns `n`.
fn trailing_number(row: &mut List) -> Option<String> {
    let n = row.len();
    if n < 4 || row[n - 1] != Node::Char(')') {
        return None;
    }
    let open = row.iter().rposition(|x| *x == Node::Char('('))?;
    if open < 2 || !matches!(row[open - 1], Node::Space(w) if w >= 2) {
        return None;
    }
    let text: String = row[open + 1..n - 1]
        .iter()
        .map(|x| match x {
            Node::Char(c) if c.is_ascii_alphanumeric() || *c == '.' => Some(*c),
            _ => None,
        })
        .collect::<Option<String>>()?;
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    row.truncate(open - 1);
    Some(text)
}
