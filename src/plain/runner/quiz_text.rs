//! A quiz question in the plain runner: the question (with a generated
//! case's numbers and shapes), then answer lines until right, skipped, or
//! out of tries. `hint` reveals the next hint, `solution` the worked
//! solution (after two tries); an unreadable answer costs no try.

use super::{Printer, matrix_rows, render_formula_plain};
use crate::lesson::{Lang, Question, QuestionKind};
use crate::quiz::{Case, SolutionLine};
use crate::session::{Reply, Session};
use crate::text::wrap;
use crate::words;

/// Longest echo of a typed line.
const ECHO: usize = 60;

impl Printer<'_> {
    pub(super) fn question(
        &mut self,
        s: &mut Session,
        i: usize,
        q: &Question,
    ) -> anyhow::Result<()> {
        self.ask(s, i, q)?;
        self.answer_loop(s, q)?;
        self.explain(q)
    }

    /// The question with what the learner needs to answer it, the commands,
    /// and what they did with it in an earlier sitting.
    pub(super) fn ask(&mut self, s: &Session, i: usize, q: &Question) -> anyhow::Result<()> {
        let w = self.opts.width;
        let first = words::quiz::question_label(self.opts.lang, i + 1);
        let ask = self.text(&q.ask).to_string();
        for line in wrap(&ask, w, &first, &" ".repeat(first.len())) {
            writeln!(self.out, "{line}")?;
        }
        let case = s.case(&q.id)?;
        self.pose(q, case.as_ref())?;
        if !q.hints.is_empty() || case.is_some() {
            for line in wrap(self.l.commands, w, "    ", "    ") {
                writeln!(self.out, "{line}")?;
            }
        }
        if let Some(e) = s.earlier(&q.id) {
            writeln!(self.out, "    {}", words::quiz::earlier(self.opts.lang, &e))?;
        }
        Ok(())
    }

    /// The question's explanation, once it is done.
    pub(super) fn explain(&mut self, q: &Question) -> anyhow::Result<()> {
        if let Some(e) = &q.explain {
            self.prose(e)?;
        } else {
            writeln!(self.out)?;
        }
        Ok(())
    }

    /// What the learner needs besides the question's text.
    fn pose(&mut self, q: &Question, case: Option<&Case>) -> anyhow::Result<()> {
        let w = self.opts.width;
        match &q.kind {
            QuestionKind::Choice { options, .. } | QuestionKind::Choices { options, .. } => {
                for (k, o) in options.iter().enumerate() {
                    let lead = format!("    {}) ", k + 1);
                    for line in wrap(self.text(o), w, &lead, "       ") {
                        writeln!(self.out, "{line}")?;
                    }
                }
                if matches!(q.kind, QuestionKind::Choices { .. }) {
                    writeln!(self.out, "    {}", self.l.several)?;
                }
            }
            QuestionKind::Matrix { answer, .. } => {
                writeln!(
                    self.out,
                    "    {}",
                    words::quiz::shape_note(self.opts.lang, answer.dim())
                )?;
            }
            QuestionKind::Formula(key) => {
                writeln!(self.out, "    {} {}", self.l.variables, key.vars.join(", "))?;
            }
            QuestionKind::Gradient { .. } => {
                if let Some(c) = case {
                    self.case(c)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn case(&mut self, c: &Case) -> std::io::Result<()> {
        writeln!(
            self.out,
            "    {}",
            words::quiz::model_line(self.opts.lang, &c.network)
        )?;
        for g in c.givens() {
            let (r, k) = g.value.dim();
            writeln!(self.out, "    {} ({r}×{k}) =", g.name)?;
            for line in matrix_rows(&g.value, 8, self.opts.lang).lines() {
                writeln!(self.out, "    {line}")?;
            }
        }
        let find = words::quiz::find(self.opts.lang, &c.asked_name(), c.answer().dim());
        writeln!(self.out, "    {find}")
    }

    fn read_answer(&mut self) -> std::io::Result<Option<String>> {
        write!(self.out, "{}", self.l.prompt)?;
        self.out.flush()?;
        let mut line = String::new();
        if self.eof || self.input.read_line(&mut line)? == 0 {
            self.eof = true;
            writeln!(self.out, "\n{}", self.l.no_answer)?;
            return Ok(None);
        }
        let shown: String = line.trim().chars().take(ECHO).collect();
        let more = if line.trim().chars().count() > ECHO {
            "…"
        } else {
            ""
        };
        writeln!(self.out, "{shown}{more}")?;
        Ok(Some(line))
    }

    fn answer_loop(&mut self, s: &mut Session, q: &Question) -> anyhow::Result<()> {
        loop {
            let Some(line) = self.read_answer()? else {
                return Ok(());
            };
            if self.show_reply(&s.respond(&q.id, &line)?)? {
                return Ok(());
            }
        }
    }

    /// Prints the session's reply to one typed line; true when the
    /// question is done (right, out of tries, or skipped).
    pub(super) fn show_reply(&mut self, reply: &Reply) -> anyhow::Result<bool> {
        let lang = self.opts.lang;
        match reply {
            Reply::Skipped => {
                writeln!(self.out, "→ {}", self.l.skipped)?;
                return Ok(true);
            }
            Reply::Hint(h) => {
                let head = words::quiz::hint(lang, h.number, h.total);
                let body = self.text(&h.text).to_string();
                let sep = if lang == Lang::Zh { "：" } else { ": " };
                for l in wrap(&body, self.opts.width, &format!("{head}{sep}"), "    ") {
                    writeln!(self.out, "{l}")?;
                }
            }
            Reply::NoMoreHints => writeln!(self.out, "{}", self.l.no_more_hints)?,
            Reply::Solution(lines) => self.solution(lines)?,
            Reply::SolutionNotYet { tries } => {
                writeln!(self.out, "{}", words::quiz::solution_not_yet(lang, *tries))?;
            }
            Reply::NoSolution => writeln!(self.out, "{}", self.l.no_solution)?,
            Reply::Verdict(v) => {
                let text = words::quiz::verdict(lang, v);
                for l in wrap(&format!("→ {text}"), self.opts.width, "", "  ") {
                    writeln!(self.out, "{l}")?;
                }
                if let Some(lines) = &v.solution {
                    self.solution(lines)?;
                }
                return Ok(v.finished());
            }
        }
        Ok(false)
    }

    fn solution(&mut self, lines: &[SolutionLine]) -> std::io::Result<()> {
        writeln!(self.out, "{}", self.l.worked_solution)?;
        let width = self.opts.width.saturating_sub(4);
        for line in lines {
            for row in render_formula_plain(&line.tex, width, self.opts.ascii).lines() {
                writeln!(self.out, "    {row}")?;
            }
        }
        Ok(())
    }
}
