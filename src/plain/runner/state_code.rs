//! State codes in the plain runner: the code line under a step
//! (`nnstep run LESSON --codes`), and one step printed as a state code
//! left it (`nnstep open CODE --plain`).

use std::io::{BufRead, Write};

use super::{Printer, tt, views_text};
use crate::lesson::{Lang, StepKind, TrainStep};
use crate::session::training::RunState;
use crate::session::{Live, Rebuilt, Reproduced, Session, code_of};
use crate::spec::Resolved;
use crate::text::table;
use crate::words::{code_words, metric_name, quiz_words, train_words};

/// The state of a run the plain runner trained to its end (the lesson's
/// settings throughout).
pub(super) fn finished_run(s: &Session, t: &TrainStep, r: &Resolved) -> Live<'static> {
    Live::Train {
        run: RunState {
            seed: s.seeded(&t.spec).seed,
            settings: Vec::new(),
            iterations: r.trainer.iteration(),
            viewing: None,
        },
        lesson_rate: r.trainer.config().learning_rate,
    }
}

impl Printer<'_> {
    /// `State code: ch04.…` and a blank line.
    pub(super) fn code_line(&mut self, s: &Session, live: &Live<'_>) -> std::io::Result<()> {
        let lang = self.opts.lang;
        let sep = if lang == Lang::Zh { "：" } else { ": " };
        let code = code_of(s, lang, live);
        writeln!(self.out, "{}{sep}{code}\n", code_words(lang).label)
    }

    /// A training step as the code left it: setup, the state reached,
    /// parameters and the step's charts, without training further.
    fn train_at(&mut self, t: &TrainStep, r: &Resolved) -> anyhow::Result<()> {
        let lang = self.opts.lang;
        if !t.formulas.is_empty() {
            self.formulas(&t.formulas)?;
        }
        tt::write_setup(self.out, r, lang, self.opts.width)?;
        let snap = r.trainer.snapshot()?;
        let w = train_words(lang);
        let m = metric_name(lang, r.trainer.network().task(), false);
        let header: Vec<String> = [w.epoch, w.iteration, w.train_loss, w.val_loss, m]
            .iter()
            .map(|h| (*h).to_string())
            .collect();
        let row = vec![
            snap.epoch.to_string(),
            snap.iteration.to_string(),
            format!("{:.8}", snap.train_loss),
            snap.val_loss.map_or("-".into(), |v| format!("{v:.8}")),
            format!("{:.6}", snap.metric),
        ];
        write!(
            self.out,
            "{}",
            table::render(&header, &[row], self.opts.width)
        )?;
        writeln!(self.out)?;
        tt::write_params(self.out, r, lang)?;
        for item in &t.show {
            self.show_item(*item, r)?;
        }
        writeln!(self.out)?;
        Ok(())
    }
}

/// Prints the step a state code names, as the code left it: a page or a
/// quiz as `nnstep run` prints it (quiz answers from `input`), a training
/// run at the code's epoch (the epoch looked at, when it was scrubbed
/// back), a comparison after the code's epochs. The code's line ends it.
pub fn print_reproduced(
    r: &mut Reproduced,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    lang: Lang,
    ascii: bool,
) -> anyhow::Result<()> {
    let opts = super::Options {
        lang,
        ascii,
        ..super::Options::default()
    };
    let mut nothing = |_: &mut Session| {};
    let mut p = Printer {
        out,
        input,
        opts,
        l: quiz_words(lang),
        eof: false,
        after_question: &mut nothing,
        codes: false,
    };
    let step = r.session.step().clone();
    match (&r.view, &step.kind) {
        (Rebuilt::Train(t), StepKind::Train(ts)) => {
            p.heading(&r.session)?;
            let mut shown = t.run().clone();
            if let Some(e) = t.viewing() {
                shown.trainer.rewind(e)?;
            }
            p.train_at(ts, &shown)?;
            p.code_line(&r.session, &Live::train(t))?;
        }
        (Rebuilt::Compare(c), _) => {
            p.heading(&r.session)?;
            p.compare_table(c)?;
            p.code_line(&r.session, &Live::Compare(c))?;
        }
        (Rebuilt::Landscape(l), StepKind::Landscape(spec)) => {
            p.heading(&r.session)?;
            views_text::write_landscape_now(p.out, l, lang, opts.width, ascii, spec.fixed)?;
            p.code_line(&r.session, &Live::landscape(l))?;
        }
        (Rebuilt::Plot(plot), _) => {
            p.heading(&r.session)?;
            views_text::write_plot_now(p.out, plot, lang, opts.width, ascii)?;
            p.code_line(&r.session, &Live::plot(plot))?;
        }
        _ => {
            p.codes = true;
            p.step(&mut r.session)?;
        }
    }
    Ok(())
}
