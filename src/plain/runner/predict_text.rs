//! Predict-then-see in the plain runner: the question is asked on stdin
//! before the run (an empty line or the end of input watches without
//! predicting; an unreadable line is explained and asked again), the run
//! is printed as usual, then the prediction beside what the run did.

use super::Printer;
use crate::lesson::predict::{Predict, PredictAnswer};
use crate::lesson::{Lang, Text};
use crate::session::{PickError, Session};
use crate::text::wrap;
use crate::words::{self, predict_words};

/// The heading as the start of a line: `Predict, then see: `.
pub(super) fn head(lang: Lang) -> String {
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    format!("{}{colon}", predict_words(lang).heading)
}

/// Longest echo of a typed line.
const ECHO: usize = 60;

/// Unreadable lines allowed before the run goes ahead without a prediction.
const MAX_UNREADABLE: usize = 5;

impl Printer<'_> {
    /// Asks the current step's prediction, if it has one and it is due.
    pub(super) fn ask_prediction(&mut self, s: &mut Session) -> anyhow::Result<()> {
        let lang = self.opts.lang;
        let Some(p) = s.predict_question().cloned() else {
            return Ok(());
        };
        let w = predict_words(lang);
        if !s.awaits_prediction() {
            writeln!(self.out, "{}{}\n", head(lang), w.earlier)?;
            return Ok(());
        }
        writeln!(self.out, "-- {} --", w.heading)?;
        self.pose_prediction(&p)?;
        let prompt = match p.answer {
            PredictAnswer::Choice(_) => w.prompt_choice,
            PredictAnswer::Number(_) => w.prompt_number,
        };
        for line in wrap(prompt, self.opts.width, "", "") {
            writeln!(self.out, "{line}")?;
        }
        for _ in 0..MAX_UNREADABLE {
            write!(self.out, "{}", w.prompt)?;
            self.out.flush()?;
            let mut line = String::new();
            if self.eof || self.input.read_line(&mut line)? == 0 {
                self.eof = true;
                writeln!(self.out)?;
                break;
            }
            let shown: String = line.trim().chars().take(ECHO).collect();
            writeln!(self.out, "{shown}")?;
            match s.predict(&line) {
                Ok(_) => break,
                Err(PickError::Empty) => break,
                Err(e) => writeln!(self.out, "    {}", words::predict::pick_error(lang, &e))?,
            }
        }
        s.skip_prediction();
        writeln!(self.out)?;
        Ok(())
    }

    pub(super) fn pose_prediction(&mut self, p: &Predict) -> std::io::Result<()> {
        let w = self.opts.width;
        let ask = self.text(&p.ask).to_string();
        for line in wrap(&ask, w, "", "") {
            writeln!(self.out, "{line}")?;
        }
        match &p.answer {
            PredictAnswer::Choice(options) => {
                for (k, o) in options.iter().enumerate() {
                    let lead = format!("    {}) ", k + 1);
                    for line in wrap(self.text(&o.text), w, &lead, "       ") {
                        writeln!(self.out, "{line}")?;
                    }
                }
            }
            PredictAnswer::Number(_) => {
                let meaning = words::predict::number_meaning(self.opts.lang, p.measure);
                for line in wrap(meaning, w, "    ", "    ") {
                    writeln!(self.out, "{line}")?;
                }
            }
        }
        Ok(())
    }

    /// The prediction beside what the run did, and the explanation.
    pub(super) fn show_verdict(&mut self, s: &Session, names: &[Text]) -> anyhow::Result<()> {
        let (Some(p), Some(pred)) = (s.predict_question(), s.prediction()) else {
            return Ok(());
        };
        if pred.verdict.is_none() {
            return Ok(());
        }
        let lang = self.opts.lang;
        let line = words::predict::verdict_line(lang, p, pred, names, self.opts.ascii);
        let line = if self.opts.ascii {
            crate::text::ascii::fold(&line).into_owned()
        } else {
            line
        };
        for l in wrap(&line, self.opts.width, &head(lang), "    ") {
            writeln!(self.out, "{l}")?;
        }
        writeln!(self.out)?;
        if let Some(e) = &p.explain {
            let e = e.clone();
            self.prose(&e)?;
        }
        Ok(())
    }
}
