//! A small expression language for formula answers: numbers, the question's
//! variables, `+ - * / ^` (also `·`, `×`), parentheses, unary minus, the
//! functions `exp`, `ln` (`log`), `sqrt`, `sigmoid` (`sigma`, `σ`), `tanh`,
//! `abs`, the constant `e`, and implicit multiplication (`2x`, `a(1-a)`,
//! `(z-y)x`; `xy` is `x·y` when both are variables).
//!
//! Parsing is recursive descent with a depth limit, so no input can
//! overflow the stack.

mod lexer;

use lexer::{Tok, lex};

/// A parsed expression over variables numbered by their place in the list
/// given to `parse`.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Num(f64),
    Var(usize),
    Neg(Box<Expr>),
    Bin(Op, Box<Expr>, Box<Expr>),
    Call(Func, Box<Expr>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Func {
    Exp,
    Ln,
    Sqrt,
    Sigmoid,
    Tanh,
    Abs,
}

/// What is wrong with an expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExprProblem {
    /// The expression stops where more was expected (`a *`).
    UnexpectedEnd,
    /// This text cannot come here.
    Unexpected(String),
    /// A name that is neither a variable nor a function.
    UnknownName { name: String, vars: Vec<String> },
    /// A `(` without its `)`.
    Unclosed,
    /// Nested deeper than `MAX_DEPTH`.
    TooDeep,
}

/// Parentheses and operators nest at most this deep.
pub const MAX_DEPTH: usize = 64;

/// Parses `src` with the variables `vars` (a name used that is not among them
/// is an error).
pub fn parse(src: &str, vars: &[String]) -> Result<Expr, (ExprProblem, usize)> {
    let toks = lex(src)?;
    let mut p = Parser {
        toks,
        pos: 0,
        vars,
        depth: 0,
        end: src.chars().count(),
    };
    let e = p.sum()?;
    match p.toks.get(p.pos) {
        None => Ok(e),
        Some((Tok::Close, at)) => Err((ExprProblem::Unexpected(")".into()), *at)),
        Some((t, at)) => Err((ExprProblem::Unexpected(describe(t)), *at)),
    }
}

fn describe(t: &Tok) -> String {
    match t {
        Tok::Num(v) => v.to_string(),
        Tok::Name(n) => n.clone(),
        Tok::Op(c) => c.to_string(),
        Tok::Open => "(".into(),
        Tok::Close => ")".into(),
    }
}

struct Parser<'a> {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    vars: &'a [String],
    depth: usize,
    end: usize,
}

type Parsed = Result<Expr, (ExprProblem, usize)>;

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }

    fn at(&self) -> usize {
        self.toks.get(self.pos).map_or(self.end, |(_, a)| *a)
    }

    fn deeper(&mut self) -> Result<(), (ExprProblem, usize)> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err((ExprProblem::TooDeep, self.at()));
        }
        Ok(())
    }

    fn sum(&mut self) -> Parsed {
        self.deeper()?;
        let mut left = self.product()?;
        while let Some(Tok::Op(c @ ('+' | '-'))) = self.peek() {
            let op = if *c == '+' { Op::Add } else { Op::Sub };
            self.pos += 1;
            left = Expr::Bin(op, Box::new(left), Box::new(self.product()?));
        }
        self.depth -= 1;
        Ok(left)
    }

    fn product(&mut self) -> Parsed {
        let mut left = self.unary()?;
        loop {
            let op = match self.peek() {
                Some(Tok::Op('*')) => Op::Mul,
                Some(Tok::Op('/')) => Op::Div,
                // Implicit multiplication: `2x`, `a(1-a)`, `(z-y)x`.
                Some(Tok::Num(_) | Tok::Name(_) | Tok::Open) => {
                    left = Expr::Bin(Op::Mul, Box::new(left), Box::new(self.power()?));
                    continue;
                }
                _ => return Ok(left),
            };
            self.pos += 1;
            left = Expr::Bin(op, Box::new(left), Box::new(self.unary()?));
        }
    }

    fn unary(&mut self) -> Parsed {
        match self.peek() {
            Some(Tok::Op('-')) => {
                self.pos += 1;
                self.deeper()?;
                let e = Expr::Neg(Box::new(self.unary()?));
                self.depth -= 1;
                Ok(e)
            }
            Some(Tok::Op('+')) => {
                self.pos += 1;
                self.deeper()?;
                let e = self.unary();
                self.depth -= 1;
                e
            }
            _ => self.power(),
        }
    }

    fn power(&mut self) -> Parsed {
        let base = self.primary()?;
        if let Some(Tok::Op('^')) = self.peek() {
            self.pos += 1;
            self.deeper()?;
            let exp = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Bin(Op::Pow, Box::new(base), Box::new(exp)));
        }
        Ok(base)
    }

    fn primary(&mut self) -> Parsed {
        let at = self.at();
        let Some((tok, _)) = self.toks.get(self.pos).cloned() else {
            return Err((ExprProblem::UnexpectedEnd, at));
        };
        self.pos += 1;
        match tok {
            Tok::Num(v) => Ok(Expr::Num(v)),
            Tok::Open => self.group(at),
            Tok::Name(name) => self.name(&name, at),
            other => Err((ExprProblem::Unexpected(describe(&other)), at)),
        }
    }

    fn group(&mut self, open_at: usize) -> Parsed {
        let e = self.sum()?;
        match self.peek() {
            Some(Tok::Close) => {
                self.pos += 1;
                Ok(e)
            }
            None => Err((ExprProblem::Unclosed, open_at)),
            Some(t) => Err((ExprProblem::Unexpected(describe(t)), self.at())),
        }
    }

    fn name(&mut self, name: &str, at: usize) -> Parsed {
        if let Some(i) = self.vars.iter().position(|v| v == name) {
            return Ok(Expr::Var(i));
        }
        if let Some(f) = function(name) {
            let arg_at = self.at();
            if self.peek() != Some(&Tok::Open) {
                return Err((
                    ExprProblem::Unexpected(format!("{name} without (…)")),
                    arg_at,
                ));
            }
            self.pos += 1;
            self.deeper()?;
            let arg = self.group(arg_at)?;
            self.depth -= 1;
            return Ok(Expr::Call(f, Box::new(arg)));
        }
        if name == "e" {
            return Ok(Expr::Num(std::f64::consts::E));
        }
        // `xy` for x·y when every letter is a variable.
        let letters: Option<Vec<Expr>> = name
            .chars()
            .map(|c| {
                let s = c.to_string();
                self.vars.iter().position(|v| *v == s).map(Expr::Var)
            })
            .collect();
        match letters {
            Some(mut parts) if parts.len() > 1 => {
                let first = parts.remove(0);
                Ok(parts.into_iter().fold(first, |acc, p| {
                    Expr::Bin(Op::Mul, Box::new(acc), Box::new(p))
                }))
            }
            _ => Err((
                ExprProblem::UnknownName {
                    name: name.to_string(),
                    vars: self.vars.to_vec(),
                },
                at,
            )),
        }
    }
}

fn function(name: &str) -> Option<Func> {
    Some(match name {
        "exp" => Func::Exp,
        "ln" | "log" => Func::Ln,
        "sqrt" => Func::Sqrt,
        "sigmoid" | "sigma" | "σ" => Func::Sigmoid,
        "tanh" => Func::Tanh,
        "abs" => Func::Abs,
        _ => return None,
    })
}

impl Expr {
    /// The value with variable i set to `values[i]` (NaN where undefined).
    #[must_use]
    pub fn eval(&self, values: &[f64]) -> f64 {
        match self {
            Expr::Num(v) => *v,
            Expr::Var(i) => values.get(*i).copied().unwrap_or(f64::NAN),
            Expr::Neg(e) => -e.eval(values),
            Expr::Bin(op, a, b) => {
                let (a, b) = (a.eval(values), b.eval(values));
                match op {
                    Op::Add => a + b,
                    Op::Sub => a - b,
                    Op::Mul => a * b,
                    Op::Div => a / b,
                    Op::Pow => a.powf(b),
                }
            }
            Expr::Call(f, e) => {
                let x = e.eval(values);
                match f {
                    Func::Exp => x.exp(),
                    Func::Ln => x.ln(),
                    Func::Sqrt => x.sqrt(),
                    Func::Sigmoid => 1.0 / (1.0 + (-x).exp()),
                    Func::Tanh => x.tanh(),
                    Func::Abs => x.abs(),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_string()).collect()
    }

    fn eval(src: &str, names: &[&str], at: &[f64]) -> f64 {
        parse(src, &vars(names)).unwrap().eval(at)
    }

    #[test]
    fn precedence_powers_and_unary_minus() {
        assert_eq!(eval("1 + 2*3^2", &[], &[]), 19.0);
        assert_eq!(eval("-2^2", &[], &[]), -4.0);
        assert_eq!(eval("2^-1", &[], &[]), 0.5);
        assert_eq!(eval("(z - y)*x", &["z", "y", "x"], &[3.0, 1.0, 2.0]), 4.0);
    }

    #[test]
    fn implicit_multiplication_and_functions() {
        assert_eq!(eval("a(1-a)", &["a"], &[0.5]), 0.25);
        assert_eq!(eval("(z-y)x", &["z", "y", "x"], &[3.0, 1.0, 2.0]), 4.0);
        assert_eq!(eval("2xy", &["x", "y"], &[3.0, 5.0]), 30.0);
        assert_eq!(eval("sigmoid(0) + ln(e) + exp(0)", &[], &[]), 2.5);
        assert_eq!(eval("σ(0)·2", &[], &[]), 1.0);
    }

    #[test]
    fn problems_are_typed_with_their_place() {
        assert_eq!(
            parse("a *", &vars(&["a"])),
            Err((ExprProblem::UnexpectedEnd, 3))
        );
        assert_eq!(parse("(a", &vars(&["a"])), Err((ExprProblem::Unclosed, 0)));
        assert!(matches!(
            parse("q + 1", &vars(&["a"])),
            Err((ExprProblem::UnknownName { .. }, 0))
        ));
        assert!(matches!(
            parse("a $ 1", &vars(&["a"])),
            Err((ExprProblem::Unexpected(_), 2))
        ));
        let deep = "(".repeat(10_000) + "1" + &")".repeat(10_000);
        assert_eq!(
            parse(&deep, &[]).map_err(|e| e.0),
            Err(ExprProblem::TooDeep)
        );
    }
}
