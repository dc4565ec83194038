//! A class follower's pieces of a step, for steps that take time or wait
//! for the learner: the title alone, the prediction asked and taken from a
//! line typed whenever it comes, and a training run followed epoch by
//! epoch as the instructor's run advances (the engine is deterministic: the
//! same spec and seed give the learner the instructor's numbers at the
//! same epoch), and a comparison's runs likewise, their results printed
//! when they end.
//!
//! Progress lines are bounded so that a slow link is not flooded: at most
//! one a second, and only after a tenth of the run's epochs since the last
//! (or when the instructor pauses, or the run ends).

use std::io::Write;
use std::time::{Duration, Instant};

use super::Options;
use super::follow::with_printer;
use crate::engine::Every;
use crate::lesson::predict::PredictAnswer;
use crate::lesson::{Show, StepKind};
use crate::plain::train_text as tt;
use crate::session::{PickError, Session};
use crate::spec::Resolved;
use crate::text::wrap;
use crate::words::{self, predict_words};

/// At most one progress line this often.
pub const LINE_EVERY: Duration = Duration::from_secs(1);

/// Prints the step's title line.
pub fn print_title(s: &Session, out: &mut dyn Write, opts: Options) -> anyhow::Result<()> {
    with_printer(out, opts, |p| Ok(p.title(s)?))
}

/// Poses the step's prediction (the question, its options, how to answer,
/// the prompt) when it waits for one and returns true; otherwise says that
/// it was made earlier, if the step has one, and returns false.
pub fn pose_prediction(
    s: &mut Session,
    out: &mut dyn Write,
    opts: Options,
) -> anyhow::Result<bool> {
    with_printer(out, opts, |p| {
        let Some(q) = s.predict_question().cloned() else {
            return Ok(false);
        };
        if !s.awaits_prediction() {
            // Says "made earlier" and asks nothing.
            p.ask_prediction(s)?;
            return Ok(false);
        }
        let w = predict_words(p.opts.lang);
        writeln!(p.out, "-- {} --", w.heading)?;
        p.pose_prediction(&q)?;
        let how = match q.answer {
            PredictAnswer::Choice(_) => w.prompt_choice,
            PredictAnswer::Number(_) => w.prompt_number,
        };
        for line in wrap(how, p.opts.width, "", "") {
            writeln!(p.out, "{line}")?;
        }
        write!(p.out, "{}", w.prompt)?;
        p.out.flush()?;
        Ok(true)
    })
}

/// Takes a typed line as the current step's prediction. True when it was
/// taken, or skipped with an empty line; false after saying why it was not
/// read (the prompt is shown again).
pub fn take_prediction(
    s: &mut Session,
    line: &str,
    out: &mut dyn Write,
    opts: Options,
) -> anyhow::Result<bool> {
    let lang = opts.lang;
    match s.predict(line) {
        Ok(_) => {}
        Err(PickError::Empty | PickError::NotAsked) => s.skip_prediction(),
        Err(e) => {
            writeln!(out, "    {}", words::predict::pick_error(lang, &e))?;
            write!(out, "{}", predict_words(lang).prompt)?;
            out.flush()?;
            return Ok(false);
        }
    }
    writeln!(out)?;
    out.flush()?;
    Ok(true)
}

/// A step whose runs follow the instructor's.
pub enum Followed {
    Run(Box<FollowedRun>),
    Compare(FollowedComparison),
}

/// Prints the rest of the step (its note and content). With `follow_run`,
/// a training step's run is not run here but returned (with its setup and
/// first progress line printed), to be moved on with the instructor's run;
/// so is a comparison (its note printed, its results when it ends).
pub fn print_body(
    s: &mut Session,
    out: &mut dyn Write,
    opts: Options,
    follow_run: bool,
) -> anyhow::Result<Option<Followed>> {
    if follow_run
        && matches!(s.step().kind, StepKind::Compare(_))
        && let Some(Ok(c)) = s.comparison()
    {
        with_printer(out, opts, |p| Ok(p.note(s)?))?;
        return Ok(Some(Followed::Compare(FollowedComparison { c })));
    }
    let train = match &s.step().kind {
        StepKind::Train(t) if follow_run => Some(t.clone()),
        _ => None,
    };
    with_printer(out, opts, |p| {
        let Some(t) = train else {
            p.step_body(s, false)?;
            return Ok(None);
        };
        p.note(s)?;
        if !t.formulas.is_empty() {
            p.formulas(&t.formulas)?;
        }
        let r = match s.trainer() {
            Some(Ok(r)) => r,
            Some(Err(errors)) => {
                p.spec_errors(&errors)?;
                return Ok(None);
            }
            None => return Ok(None),
        };
        tt::write_setup(p.out, &r, p.opts.lang, p.opts.width)?;
        let run = FollowedRun::new(r, t.show.clone());
        run.heading(p.out, p.opts)?;
        Ok(Some(Followed::Run(Box::new(run))))
    })
}

/// A comparison step's runs, moved on to the instructor's epochs; its
/// results (the table, the prediction's verdict) are printed when they end.
pub struct FollowedComparison {
    c: crate::session::Comparison,
}

impl FollowedComparison {
    /// Takes the runs on to the instructor's `epochs` (see
    /// [`crate::session::Comparison::follow`]).
    pub fn advance(&mut self, epochs: usize) -> anyhow::Result<()> {
        self.c.follow(epochs, false)?;
        Ok(())
    }

    /// Whether every run has stopped.
    #[must_use]
    pub fn finished(&self) -> bool {
        self.c.finished()
    }

    /// The results, as the plain runner prints a comparison (the same
    /// runs to their end: the engine gives the same numbers), and the
    /// prediction graded by them.
    pub fn finish(self, s: &mut Session, out: &mut dyn Write, opts: Options) -> anyhow::Result<()> {
        with_printer(out, opts, |p| p.compare(s))
    }
}

/// A training step's run, moved on as the instructor's run advances.
pub struct FollowedRun {
    r: Resolved,
    show: Vec<Show>,
    with_batch: bool,
    /// Epochs between progress lines at least.
    every: usize,
    /// The epoch reached.
    epoch: usize,
    /// The epoch of the last line printed.
    printed: usize,
    last_line: Option<Instant>,
}

impl FollowedRun {
    fn new(r: Resolved, show: Vec<Show>) -> Self {
        let every = (r.trainer.config().max_epochs / 10).max(1);
        let with_batch = tt::progress_with_batch(&r, Every::Epochs(every));
        Self {
            r,
            show,
            with_batch,
            every,
            epoch: 0,
            printed: 0,
            last_line: None,
        }
    }

    /// The progress heading and the line at epoch 0 (again, after the
    /// instructor restarted the run).
    fn heading(&self, out: &mut dyn Write, opts: Options) -> anyhow::Result<()> {
        tt::write_progress_heading(out, &self.r, self.with_batch, opts.lang)?;
        tt::write_progress_line(out, &self.r.trainer, self.with_batch)?;
        out.flush()?;
        Ok(())
    }

    /// The epoch reached.
    #[must_use]
    pub fn epoch(&self) -> usize {
        self.epoch
    }

    /// Whether the run has stopped (eps, its epoch limit, divergence).
    #[must_use]
    pub fn finished(&self) -> bool {
        self.r.trainer.stopped().is_some()
    }

    /// Trains on to `epoch` (not past the run's end; an earlier epoch is
    /// not gone back to) and prints a progress line when one is due at
    /// time `at`: a tenth of the run since the last line and
    /// [`LINE_EVERY`] since it, or at once with `paused` (the instructor
    /// paused here).
    pub fn advance(
        &mut self,
        epoch: usize,
        paused: bool,
        at: Instant,
        out: &mut dyn Write,
    ) -> anyhow::Result<()> {
        if epoch > self.epoch && !self.finished() {
            let snap = self.r.trainer.run_for(Every::Epochs(epoch - self.epoch))?;
            self.epoch = snap.epoch;
        }
        let due = self.epoch >= self.printed + self.every && self.second_since(at);
        if self.epoch > self.printed && (due || paused) && !self.finished() {
            self.line(at, out)?;
        }
        Ok(())
    }

    fn second_since(&self, at: Instant) -> bool {
        self.last_line
            .is_none_or(|t| at.saturating_duration_since(t) >= LINE_EVERY)
    }

    /// Whether a line for the epoch reached is owed and, at time `at`, a
    /// second has passed since the last one (the caller wakes up for it).
    #[must_use]
    pub fn owes_line(&self, at: Instant) -> bool {
        self.epoch > self.printed && !self.finished() && self.second_since(at)
    }

    /// Prints the line for the epoch reached.
    pub fn line(&mut self, at: Instant, out: &mut dyn Write) -> anyhow::Result<()> {
        tt::write_progress_line(out, &self.r.trainer, self.with_batch)?;
        out.flush()?;
        self.printed = self.epoch;
        self.last_line = Some(at);
        Ok(())
    }

    /// Runs on to the end at once, printing a line every tenth of the run
    /// (the learner's own run, away from the instructor's).
    pub fn run_to_end(&mut self, out: &mut dyn Write) -> anyhow::Result<()> {
        while !self.finished() {
            let to = self.epoch + self.every;
            self.advance(to, true, Instant::now(), out)?;
        }
        Ok(())
    }

    /// The run's end: its last line, why it stopped, the parameters and
    /// pictures the step shows, and the prediction graded by this run.
    pub fn finish(
        mut self,
        s: &mut Session,
        out: &mut dyn Write,
        opts: Options,
    ) -> anyhow::Result<()> {
        if self.epoch > self.printed || self.printed == 0 {
            self.line(Instant::now(), out)?;
        }
        with_printer(out, opts, |p| {
            let lang = p.opts.lang;
            tt::write_stopped(p.out, &self.r, lang)?;
            tt::write_params(p.out, &self.r, lang)?;
            for item in &self.show {
                p.show_item(*item, &self.r)?;
            }
            tt::write_extras(p.out, &self.r, lang)?;
            writeln!(p.out)?;
            s.settle_prediction(&[&self.r.trainer]);
            p.show_verdict(s, &[])?;
            p.out.flush()?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::lesson::Catalog;

    /// ch04's first training step (10 epochs), opened in a session.
    fn on_train_step() -> Session {
        let lesson = Catalog::builtin().find("ch04").unwrap();
        let i = lesson.step_index("train-sgd").unwrap();
        let mut s = Session::new(lesson);
        s.goto(i).unwrap();
        s
    }

    #[test]
    fn a_followed_run_prints_no_more_lines_than_due_and_ends_as_the_full_run() {
        let opts = Options::default();
        let mut s = on_train_step();
        let mut out = Vec::new();
        let Some(Followed::Run(mut run)) = print_body(&mut s, &mut out, opts, true).unwrap() else {
            panic!("a training step's run follows");
        };
        let start = out.len();
        let t0 = Instant::now();
        let ms = |m: u64| t0 + Duration::from_millis(m);
        // The instructor's run moves one epoch at a time, ten times a
        // second: a line only once a tenth of the run has passed, and at
        // most one a second.
        let epochs = run.every * 3;
        for e in 1..=epochs {
            run.advance(e, false, ms(e as u64 * 100), &mut out).unwrap();
        }
        let printed = String::from_utf8_lossy(&out[start..]).lines().count();
        let secs = epochs / 10 + 1;
        assert!(printed >= 1 && printed <= 3.min(secs), "{printed} lines");
        // Many epochs at once within a second: no more lines.
        let before = out.len();
        run.advance(
            epochs + run.every * 2,
            false,
            ms(epochs as u64 * 100 + 1),
            &mut out,
        )
        .unwrap();
        assert_eq!(out.len(), before);
        assert!(!run.owes_line(ms(epochs as u64 * 100 + 2)));
        assert!(run.owes_line(ms(epochs as u64 * 100 + 1500)));
        // The instructor pauses: the line of the epoch reached is printed.
        run.advance(run.epoch(), true, ms(epochs as u64 * 100 + 3), &mut out)
            .unwrap();
        let shown = String::from_utf8_lossy(&out).into_owned();
        let last = shown
            .lines()
            .last()
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap();
        assert_eq!(last, run.epoch().to_string());
        // Run to the end: the same final parameters as the full runner.
        run.run_to_end(&mut Vec::new()).unwrap();
        let mut end = Vec::new();
        run.finish(&mut s, &mut end, opts).unwrap();
        let end = String::from_utf8_lossy(&end).into_owned();
        let mut full = Vec::new();
        let mut s2 = on_train_step();
        with_printer(&mut full, opts, |p| p.step_body(&mut s2, false)).unwrap();
        let full = String::from_utf8_lossy(&full).into_owned();
        let params = |t: &str| {
            let w = crate::words::train_words(Lang::En);
            t.lines()
                .skip_while(|l| !l.contains(w.stopped))
                .take(6)
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert!(!params(&end).is_empty(), "{end}");
        assert_eq!(params(&end), params(&full));
    }

    use crate::lesson::Lang;
}
