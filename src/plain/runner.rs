//! The plain lesson runner: a [`Session`] driven from first step to last,
//! printed as text. Training runs go to the end with progress lines; quizzes
//! read one answer per line from `input` (end of input leaves the remaining
//! questions unanswered).

use std::io::{BufRead, Write};

use ndarray::Array2;
use unicode_width::UnicodeWidthStr;

pub mod class_run;
pub mod follow;
mod predict_text;
mod quiz_text;
mod state_code;

pub use state_code::print_reproduced;
pub mod views_text;

use super::train_text as tt;
use crate::formula::{self, Glyphs, RenderOptions};
use crate::lesson::markup::{self, Block, Inline};
use crate::lesson::{Lang, Matrix, Show, StepKind, Text, TrainStep};
use crate::session::{Moved, RunRow, Session};
use crate::text::wrap::NO_BREAK_SPACE;
use crate::text::{table, wrap};
use crate::words::{self, QuizWords, quiz_words, shell_words, train_words};

/// How the lesson is printed.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub lang: Lang,
    /// Columns for prose (80 by default).
    pub width: usize,
    /// Plain ASCII formulas instead of Unicode math glyphs.
    pub ascii: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            lang: Lang::En,
            width: 80,
            ascii: false,
        }
    }
}

/// Matrices longer than this show their first rows only.
const MAX_MATRIX_ROWS: usize = 8;

/// A formula as 2-D text at most `width` columns wide (broken at `=` or
/// `+`/`−` when wider); a formula that does not parse shows its source with
/// a mark under the problem.
fn render_formula_plain(tex: &str, width: usize, ascii: bool) -> String {
    let glyphs = if ascii {
        Glyphs::Ascii
    } else {
        Glyphs::Unicode
    };
    formula::render_or_source(tex, &RenderOptions { glyphs, width }).to_text()
}

struct Printer<'a> {
    out: &'a mut dyn Write,
    input: &'a mut dyn BufRead,
    opts: Options,
    l: &'static QuizWords,
    /// Standard input has ended; later questions go unanswered.
    eof: bool,
    /// Called after each question (to save its result).
    after_question: &'a mut dyn FnMut(&mut Session),
    /// Print each step's state code after it (`nnstep run --codes`).
    codes: bool,
}

/// Prints the whole lesson of `session` from its current step to the end.
pub fn run(
    session: &mut Session,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    opts: Options,
) -> anyhow::Result<()> {
    run_saving(session, input, out, opts, &mut |_| {})
}

/// [`run`], calling `after_question` after each question so that its
/// result can be saved at once (an interrupted run keeps what was done).
pub fn run_saving(
    session: &mut Session,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    opts: Options,
    after_question: &mut dyn FnMut(&mut Session),
) -> anyhow::Result<()> {
    run_with_codes(session, input, out, opts, after_question, false)
}

/// [`run_saving`], printing each step's state code after the step when
/// `codes` is set: after its run for a training step (the run's end), for
/// `nnstep open CODE` to show that screen full-screen.
pub fn run_with_codes(
    session: &mut Session,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    opts: Options,
    after_question: &mut dyn FnMut(&mut Session),
    codes: bool,
) -> anyhow::Result<()> {
    let mut p = Printer {
        out,
        input,
        opts,
        l: quiz_words(opts.lang),
        eof: false,
        after_question,
        codes,
    };
    let lang = opts.lang;
    let lesson = session.lesson();
    let head = format!(
        "{} · {}",
        words::chapter(lang, lesson.chapter),
        lesson.title.get(lang)
    );
    writeln!(
        p.out,
        "{head}\n{}",
        "=".repeat(UnicodeWidthStr::width(head.as_str()))
    )?;
    p.prose(&lesson.summary)?;
    loop {
        p.step(session)?;
        if session.next() == Moved::AtEnd {
            break;
        }
    }
    let (right, answered, total) = session.score();
    if total > 0 {
        writeln!(p.out, "{}", words::score(lang, right, answered, total))?;
    }
    writeln!(p.out, "{}", shell_words(lang).end_of_lesson)?;
    Ok(())
}

impl Printer<'_> {
    fn text<'t>(&self, t: &'t Text) -> &'t str {
        t.get(self.opts.lang)
    }

    fn prose(&mut self, t: &Text) -> std::io::Result<()> {
        let w = self.opts.width;
        let mut after_bullet = false;
        for block in markup::parse(self.text(t)) {
            if after_bullet && matches!(block, Block::Paragraph(_)) {
                writeln!(self.out)?;
            }
            after_bullet = matches!(block, Block::Bullet(_));
            let (runs, first, rest) = match &block {
                Block::Paragraph(r) => (r, "", ""),
                Block::Bullet(r) => (r, "  • ", "    "),
            };
            let s: String = runs
                .iter()
                .map(|r| plain_inline(r, self.opts.ascii))
                .collect();
            for line in wrap(&s, w, first, rest) {
                writeln!(self.out, "{line}")?;
            }
            if matches!(block, Block::Paragraph(_)) {
                writeln!(self.out)?;
            }
        }
        if after_bullet {
            writeln!(self.out)?;
        }
        Ok(())
    }

    fn step(&mut self, s: &mut Session) -> anyhow::Result<()> {
        self.step_shown(s, true)
    }

    /// The step; its quiz questions asked and answered only when
    /// `questions` (a class follower asks them one at a time itself).
    fn step_shown(&mut self, s: &mut Session, questions: bool) -> anyhow::Result<()> {
        self.title(s)?;
        // Asked before the note, which may tell what the run will do.
        self.ask_prediction(s)?;
        self.step_body(s, questions)
    }

    /// The step after its title and prediction: its note and content.
    fn step_body(&mut self, s: &mut Session, questions: bool) -> anyhow::Result<()> {
        let step = s.step().clone();
        self.note(s)?;
        // A landscape's or a plot's state, for its code line.
        let mut picture = None;
        match &step.kind {
            StepKind::Text(t) => self.prose(t)?,
            StepKind::Formula { tex, caption } => {
                self.formulas(tex)?;
                if let Some(c) = caption {
                    self.prose(c)?;
                }
            }
            StepKind::Matrix(m) => self.matrix(m)?,
            StepKind::Table(t) => {
                let lang = self.opts.lang;
                let cells = |row: &[Text]| row.iter().map(|c| c.get(lang).to_string()).collect();
                let rows: Vec<Vec<String>> = t.rows.iter().map(|r| cells(r)).collect();
                write!(
                    self.out,
                    "{}",
                    table::render(&cells(&t.header), &rows, self.opts.width)
                )?;
                writeln!(self.out)?;
            }
            StepKind::Train(t) => self.train(s, t)?,
            StepKind::Compare(_) => self.compare(s)?,
            StepKind::Quiz(_) if !questions => {}
            StepKind::Capacity(c) => {
                super::pictures::write_capacity(
                    self.out,
                    c,
                    self.opts.lang,
                    self.opts.ascii,
                    self.opts.width,
                )?;
            }
            StepKind::Landscape(l) => match s.landscape() {
                Some(Ok(mut land)) => {
                    views_text::write_landscape(
                        self.out,
                        &mut land,
                        self.opts.lang,
                        self.opts.width,
                        self.opts.ascii,
                        l.fixed,
                    )?;
                    picture = Some(crate::session::Live::landscape(&land));
                }
                Some(Err(errors)) => self.spec_errors(&errors)?,
                None => {}
            },
            StepKind::Plot(_) => {
                if let Some(mut p) = s.plot() {
                    views_text::write_plot(
                        self.out,
                        &mut p,
                        self.opts.lang,
                        self.opts.width,
                        self.opts.ascii,
                    )?;
                    picture = Some(crate::session::Live::plot(&p));
                }
            }
            StepKind::Quiz(qs) => {
                for (i, q) in qs.iter().enumerate() {
                    self.question(s, i, q)?;
                    (self.after_question)(s);
                }
            }
        }
        if self.codes && !matches!(step.kind, StepKind::Train(_) | StepKind::Compare(_)) {
            let live = picture.unwrap_or(crate::session::Live::Still);
            self.code_line(s, &live)?;
        }
        Ok(())
    }

    /// `== Step k/n: title ==` and the step's note.
    /// The step's title line and its note.
    fn heading(&mut self, s: &Session) -> std::io::Result<()> {
        self.title(s)?;
        self.note(s)
    }

    fn title(&mut self, s: &Session) -> std::io::Result<()> {
        let step = s.step();
        writeln!(
            self.out,
            "== {} {}/{}{}{} ==\n",
            shell_words(self.opts.lang).step_heading,
            s.index() + 1,
            s.len(),
            if self.opts.lang == Lang::Zh {
                "："
            } else {
                ": "
            },
            self.text(&step.title)
        )
    }

    fn note(&mut self, s: &Session) -> std::io::Result<()> {
        match &s.step().note {
            Some(note) => self.prose(note),
            None => Ok(()),
        }
    }

    fn formulas(&mut self, tex: &[String]) -> std::io::Result<()> {
        for t in tex {
            for line in
                render_formula_plain(t, self.opts.width.saturating_sub(4), self.opts.ascii).lines()
            {
                writeln!(self.out, "    {line}")?;
            }
        }
        writeln!(self.out)
    }

    fn matrix(&mut self, m: &Matrix) -> std::io::Result<()> {
        let (r, c) = m.values.dim();
        writeln!(self.out, "{} ({r}×{c}) =", m.name)?;
        write!(
            self.out,
            "{}",
            matrix_rows(&m.values, MAX_MATRIX_ROWS, self.opts.lang)
        )?;
        writeln!(self.out)?;
        if let Some(cap) = &m.caption {
            self.prose(cap)?;
        }
        Ok(())
    }

    /// One `show` item of a training step, drawn after its run.
    fn show_item(&mut self, item: Show, r: &crate::spec::Resolved) -> anyhow::Result<()> {
        let (lang, ascii, width) = (self.opts.lang, self.opts.ascii, self.opts.width);
        match item {
            Show::Params => {}
            Show::Grads => tt::write_grads(self.out, r, lang)?,
            Show::Loss => tt::write_loss_chart(self.out, r, lang)?,
            Show::Fit => tt::write_fit_chart(self.out, r, lang)?,
            Show::Boundary => super::pictures::write_regions(self.out, r, lang, ascii, width)?,
            Show::Hidden => super::pictures::write_hidden(self.out, r, lang, ascii, width)?,
        }
        Ok(())
    }

    fn train(&mut self, s: &mut Session, t: &TrainStep) -> anyhow::Result<()> {
        let lang = self.opts.lang;
        if !t.formulas.is_empty() {
            self.formulas(&t.formulas)?;
        }
        let mut r = match s.trainer() {
            Some(Ok(r)) => r,
            Some(Err(errors)) => return self.spec_errors(&errors),
            None => return Ok(()),
        };
        let every = (r.trainer.config().max_epochs / 10).max(1);
        tt::write_setup(self.out, &r, lang, self.opts.width)?;
        tt::run_with_progress(self.out, &mut r, every, lang)?;
        if self.codes {
            self.code_line(s, &state_code::finished_run(s, t, &r))?;
        }
        tt::write_params(self.out, &r, lang)?;
        for item in &t.show {
            self.show_item(*item, &r)?;
        }
        tt::write_extras(self.out, &r, lang)?;
        writeln!(self.out)?;
        s.settle_prediction(&[&r.trainer]);
        self.show_verdict(s, &[])?;
        Ok(())
    }

    fn spec_errors(&mut self, errors: &[crate::spec::SpecError]) -> anyhow::Result<()> {
        for e in errors {
            let line = words::problems::spec_error(self.opts.lang, e);
            writeln!(self.out, "{line}")?;
        }
        Ok(())
    }

    fn compare(&mut self, s: &mut Session) -> anyhow::Result<()> {
        let mut c = match s.comparison() {
            Some(Ok(c)) => c,
            Some(Err(errors)) => return self.spec_errors(&errors),
            None => return Ok(()),
        };
        c.run_all()?;
        if self.codes {
            self.code_line(s, &crate::session::Live::Compare(&c))?;
        }
        self.compare_table(&c)?;
        s.settle_comparison(&c);
        let names: Vec<Text> = c.rows().into_iter().map(|r| r.name).collect();
        self.show_verdict(s, &names)
    }

    /// The comparison's results, one row per run.
    fn compare_table(&mut self, c: &crate::session::Comparison) -> anyhow::Result<()> {
        let lang = self.opts.lang;
        let w = train_words(lang);
        let runs = c.rows();
        let classify = runs.iter().any(|r| r.classify);
        let mut header: Vec<String> = [
            w.run,
            w.batch_size,
            "η",
            w.epochs,
            w.iters,
            w.final_loss,
            "W",
            "B",
        ]
        .iter()
        .map(|h| (*h).to_string())
        .collect();
        if classify {
            header.insert(6, w.accuracy.to_string());
        }
        // No run with one-cell W and B: the columns go; the parameters are
        // listed under the table.
        let one_cell = runs.iter().any(|r| r.real_units.is_some());
        if !one_cell {
            header.truncate(header.len() - 2);
        }
        let rows: Vec<Vec<String>> = (runs.iter())
            .map(|r| {
                let mut cells = compare_cells(r, lang);
                if classify {
                    cells.insert(6, r.metric.map_or(String::new(), |m| format!("{m:.4}")));
                }
                if !one_cell {
                    cells.truncate(cells.len() - 2);
                }
                cells
            })
            .collect();
        write!(
            self.out,
            "{}",
            table::render(&header, &rows, self.opts.width)
        )?;
        writeln!(self.out)?;
        super::pictures::write_run_params(self.out, &runs, lang, self.opts.width)?;
        Ok(())
    }
}

/// One row of the plain comparison table.
fn compare_cells(r: &RunRow, lang: Lang) -> Vec<String> {
    // Without a one-cell form (several layers), W and B are listed in
    // full under the table.
    let (w, b) = r.real_units.as_ref().map_or_else(
        || (String::new(), String::new()),
        |(w, b)| (short_matrix(w), short_matrix(b)),
    );
    vec![
        r.name.get(lang).to_string(),
        words::train::batch_label(lang, &r.batch),
        r.learning_rate.to_string(),
        r.epoch.to_string(),
        r.iteration.to_string(),
        r.loss.map_or(String::new(), |l| format!("{l:.6}")),
        w,
        b,
    ]
}

/// An inline run as plain text: emphasis loses its stars (noise to a screen
/// reader); math is drawn on one line and kept on one line; code keeps its
/// markers.
fn plain_inline(i: &Inline, ascii: bool) -> String {
    match i {
        Inline::Emphasis(s) => s.clone(),
        // Glued so that the wrapper never splits a formula across lines.
        Inline::Math(m) => formula::render_inline(
            m,
            if ascii {
                Glyphs::Ascii
            } else {
                Glyphs::Unicode
            },
        )
        .replace(' ', &NO_BREAK_SPACE.to_string()),
        other => other.source(),
    }
}

fn num(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// A matrix as aligned rows in brackets, at most `max` rows.
fn matrix_rows(m: &Array2<f64>, max: usize, lang: Lang) -> String {
    let cells: Vec<Vec<String>> = m
        .rows()
        .into_iter()
        .take(max)
        .map(|r| r.iter().map(|v| num(*v)).collect())
        .collect();
    let widths: Vec<usize> = (0..m.ncols())
        .map(|j| cells.iter().map(|r| r[j].len()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &cells {
        let body: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:>w$}"))
            .collect();
        out.push_str(&format!("  [ {} ]\n", body.join("  ")));
    }
    if m.nrows() > max {
        out.push_str(&format!(
            "  … ({} {})\n",
            m.nrows() - max,
            shell_words(lang).more_rows
        ));
    }
    out
}

/// A small matrix on one line: `[[2.01]]` → `2.01`, else `[a, b; c, d]`.
fn short_matrix(m: &Array2<f64>) -> String {
    if m.len() == 1 {
        return m.iter().next().map_or(String::new(), |v| num(*v));
    }
    let rows: Vec<String> = m
        .rows()
        .into_iter()
        .map(|r| r.iter().map(|v| num(*v)).collect::<Vec<_>>().join(", "))
        .collect();
    format!("[{}]", rows.join("; "))
}
