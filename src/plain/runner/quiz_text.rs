//! A quiz question in the plain runner: the question (with a generated
//! case's numbers and shapes), then answer lines until right, skipped, or
//! out of tries. `hint` reveals the next hint, `solution` the worked
//! solution (after two tries); an unreadable answer costs no try.

use super::{Printer, matrix_rows, render_formula_plain};
use crate::lesson::{Question, QuestionKind};
use crate::plain::labels;
use crate::plain::wrap::wrap;
use crate::quiz::{Case, SolutionLine};
use crate::session::{Grade, Session, SolutionAccess, grade};

/// Tries per question before the answer is shown and the runner moves on.
pub const MAX_TRIES: u32 = 3;

/// Longest echo of a typed line.
const ECHO: usize = 60;

impl Printer<'_> {
    pub(super) fn question(
        &mut self,
        s: &mut Session,
        i: usize,
        q: &Question,
    ) -> anyhow::Result<()> {
        let w = self.opts.width;
        let first = format!("Q{}. ", i + 1);
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
        self.answer_loop(s, q, case.as_ref())?;
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
                    labels::shape_note(self.opts.lang, answer.dim())
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
        let mut sizes = vec![format!("{}", c.network.inputs())];
        for l in c.network.layers() {
            sizes.push(format!("{} {}", l.units(), l.activation.name()));
        }
        writeln!(
            self.out,
            "    {}: {} · {}: {}",
            self.l.model,
            sizes.join(" → "),
            self.l.loss,
            c.network.loss().name()
        )?;
        for g in c.givens() {
            let (r, k) = g.value.dim();
            writeln!(self.out, "    {} ({r}×{k}) =", g.name)?;
            for line in matrix_rows(&g.value, 8, self.l).lines() {
                writeln!(self.out, "    {line}")?;
            }
        }
        let find = labels::find(self.opts.lang, &c.asked_name(), c.answer().dim());
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

    fn answer_loop(
        &mut self,
        s: &mut Session,
        q: &Question,
        case: Option<&Case>,
    ) -> anyhow::Result<()> {
        let lang = self.opts.lang;
        let step = s.step().id.clone();
        loop {
            let Some(line) = self.read_answer()? else {
                return Ok(());
            };
            match line.trim() {
                "" => {
                    writeln!(self.out, "→ {}", self.l.skipped)?;
                    return Ok(());
                }
                "hint" | "提示" => {
                    match s.hint(&q.id)? {
                        Some(h) => {
                            let head = labels::hint(lang, h.number, h.total);
                            let body = self.text(&h.text).to_string();
                            for l in wrap(&body, self.opts.width, &format!("{head}: "), "    ") {
                                writeln!(self.out, "{l}")?;
                            }
                        }
                        None => writeln!(self.out, "{}", self.l.no_more_hints)?,
                    }
                    continue;
                }
                "solution" | "解答" => {
                    match s.solution(&q.id)? {
                        SolutionAccess::Shown(lines) => self.solution(&lines)?,
                        SolutionAccess::NotYet { tries } => {
                            writeln!(self.out, "{}", labels::solution_not_yet(lang, tries))?;
                        }
                        SolutionAccess::NoneForThisKind => {
                            writeln!(self.out, "{}", self.l.no_solution)?
                        }
                    }
                    continue;
                }
                _ => {}
            }
            let g = s.answer(&q.id, &line)?;
            let tries = s.state_of(&step, &q.id).attempts;
            let out_of_tries = g.counts() && !g.is_right() && tries >= MAX_TRIES;
            let verdict = match &g {
                Grade::Right => self.l.right.to_string(),
                Grade::Close { nearly } => {
                    format!("{}: {}", self.l.close, labels::nearly(lang, *nearly))
                }
                Grade::Wrong { reason } => {
                    format!("{}: {}", self.l.wrong, labels::reason(lang, reason))
                }
            };
            let next = if g.is_right() {
                String::new()
            } else if out_of_tries {
                format!("; {}: {}", self.l.expected, grade::expected(q, lang, case))
            } else {
                format!("; {}", self.l.try_again)
            };
            for l in wrap(&format!("→ {verdict}{next}"), self.opts.width, "", "  ") {
                writeln!(self.out, "{l}")?;
            }
            if g.is_right() || out_of_tries {
                if let SolutionAccess::Shown(lines) = s.solution(&q.id)? {
                    self.solution(&lines)?;
                }
                return Ok(());
            }
        }
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
