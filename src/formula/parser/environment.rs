//! `\begin{…} … \end{…}`: matrices, aligned blocks and cases.

use super::{Parser, Result, err};
use crate::formula::ast::{List, Node, Table, TableKind};
use crate::formula::glyphs::Delim;
use crate::formula::lexer::{Tok, Token};

const SUPPORTED: &str =
    "a supported environment: matrix, pmatrix, bmatrix, Bmatrix, vmatrix, Vmatrix, aligned, cases";

impl<'a> Parser<'a> {
    /// Parses an environment whose `\begin` was the token `begin`.
    pub(super) fn environment(&mut self, begin: Token<'a>) -> Result<Node> {
        let (name, name_tok) = self.env_name()?;
        let kind = match table_kind(&name) {
            Some(kind) => kind,
            None => return err(name_tok, SUPPORTED),
        };
        if name == "array" {
            self.argument("a column specification after `\\begin{array}`")?;
        }
        self.enter(begin)?;
        let rows = self.rows(&name, begin)?;
        self.leave();
        Ok(Node::Table(Table { kind, rows }))
    }

    /// Cells separated by `&`, rows by `\\`, up to the matching `\end`.
    fn rows(&mut self, name: &str, begin: Token<'a>) -> Result<Vec<Vec<List>>> {
        let (mut rows, mut row) = (Vec::new(), Vec::new());
        loop {
            row.push(self.list(false)?);
            let t = self.bump();
            match t.tok {
                Tok::Amp => {}
                Tok::NewRow => rows.push(std::mem::take(&mut row)),
                Tok::Command("end") => {
                    let (end_name, end_tok) = self.env_name()?;
                    if end_name != name {
                        return err(
                            end_tok,
                            format!("`{{{name}}}` to close `\\begin{{{name}}}`"),
                        );
                    }
                    rows.push(row);
                    break;
                }
                _ => {
                    let at = begin.start;
                    return err(
                        t,
                        format!("`\\end{{{name}}}` to close the `\\begin{{{name}}}` at byte {at}"),
                    );
                }
            }
        }
        // A `\\` just before `\end` leaves an empty last row.
        if rows.len() > 1 && rows.last().is_some_and(|r| r.len() == 1 && r[0].is_empty()) {
            rows.pop();
        }
        Ok(rows)
    }

    /// `{name}` after `\begin` or `\end`, and the token where it starts.
    fn env_name(&mut self) -> Result<(String, Token<'a>)> {
        self.skip_space();
        let open = self.bump();
        if open.tok != Tok::Open {
            return err(open, "an environment name in braces, e.g. `{pmatrix}`");
        }
        let mut name = String::new();
        loop {
            let t = self.bump();
            match t.tok {
                Tok::Close => break,
                Tok::Char(c) if c.is_ascii_alphabetic() || c == '*' => name.push(c),
                _ => return err(t, "an environment name in braces, e.g. `{pmatrix}`"),
            }
        }
        Ok((name, open))
    }
}

fn table_kind(name: &str) -> Option<TableKind> {
    use Delim::*;
    Some(match name {
        "matrix" | "smallmatrix" | "array" => TableKind::Matrix(None, None),
        "pmatrix" => TableKind::Matrix(Paren, Paren),
        "bmatrix" => TableKind::Matrix(Bracket, Bracket),
        "Bmatrix" => TableKind::Matrix(Brace, Brace),
        "vmatrix" => TableKind::Matrix(Bar, Bar),
        "Vmatrix" => TableKind::Matrix(DoubleBar, DoubleBar),
        "aligned" | "align" | "align*" | "split" | "alignedat" | "eqnarray" | "eqnarray*" => {
            TableKind::Aligned
        }
        "cases" => TableKind::Cases,
        "gathered" | "gather" | "gather*" => TableKind::Gathered,
        _ => return Option::None,
    })
}
