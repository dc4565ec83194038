//! A learner in a class, as plain text: the instructor's steps printed as
//! they come, quiz questions answered on standard input with the learner's
//! own numbers, results (never numbers) sent back. A training step's run
//! (and a comparison's, printed when it ends) follows the instructor's: the learner trains the same spec and seed
//! locally to the instructor's epoch and prints its own progress there (a
//! bounded number of lines), and the final figures when the run ends. A
//! step's prediction (predict-then-see) is asked before its run, graded by
//! the run, and sent as a result. Lines that start with `:` (or any line
//! while nothing waits for an answer) are commands: `next`, `back`, `goto
//! N` to step away, `follow` to rejoin, `done` on a held step. Stepping
//! away, rejoining, the lock and holding follow [`crate::class::follow`],
//! the rules the full-screen learner uses too.

use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::time::Instant;

use super::runner::class_run::{self, Followed, FollowedComparison, FollowedRun};
use super::runner::{Options, follow};
use crate::class::client::{self, Client, Event};
use crate::class::follow::{Follow, Link, Move, NotDone, Refused, prediction_result, result_of};
use crate::class::{ClassState, Refusal};
use crate::lesson::{Lang, StepKind};
use crate::session::{Reply, Session};
use crate::text::wrap;
use crate::words::class::{self as cw, ClassDone, class_words};
use crate::words::class_follow as class_follow_words;
use crate::words::class_tally;

/// Opens the lesson the instructor sends: a built-in id, or the text of
/// the instructor's own file (checked as `nnstep check` would). The error
/// is the diagnostics as text.
pub type OpenLesson = Box<dyn FnMut(&str, Option<&str>) -> Result<Session, String>>;

/// Called after each answer, hint or solution (to save the learner's
/// progress at once).
pub type Save = Box<dyn FnMut(&mut Session)>;

enum Ev {
    Class(Event),
    Line(String),
    Eof,
}

struct Learner<'a> {
    out: &'a mut dyn Write,
    opts: Options,
    client: Client,
    open: OpenLesson,
    save: Save,
    session: Option<Session>,
    /// The lesson as last received, to tell a changed one.
    lesson_key: Option<(String, Option<String>)>,
    /// The instructor's place and the learner's following of it.
    follow: Follow,
    /// The step printed last (0-based).
    shown: Option<usize>,
    /// The question waiting for an answer, and since when.
    asking: Option<(usize, Instant)>,
    /// The shown step's prediction waits for the learner, since when.
    predicting: Option<Instant>,
    /// Seconds the learner took to predict on the shown step.
    predict_secs: f64,
    /// The shown training step's run, following the instructor's.
    run: Option<FollowedRun>,
    /// The shown comparison, following the instructor's.
    compare: Option<FollowedComparison>,
    /// Said that the instructor's run waits for the prediction.
    said_run_waits: bool,
}

/// Follows the class at `cfg.path` until the instructor ends it; answers
/// and commands come from `input`. A wrong code or a lesson that fails its
/// checks ends with failure.
pub fn follow_class(
    cfg: client::Config,
    open: OpenLesson,
    save: Save,
    input: Box<dyn BufRead + Send>,
    out: &mut dyn Write,
    opts: Options,
) -> anyhow::Result<ExitCode> {
    let (tx, rx) = sync_channel::<Ev>(1024);
    let tx2 = tx.clone();
    let client = Client::start(cfg, move |e| {
        let _ = tx2.send(Ev::Class(e));
    });
    std::thread::Builder::new()
        .name("class-stdin".into())
        .spawn(move || {
            for line in input.lines() {
                let Ok(line) = line else { break };
                if tx.send(Ev::Line(line)).is_err() {
                    return;
                }
            }
            let _ = tx.send(Ev::Eof);
        })?;
    let mut l = Learner {
        out,
        opts,
        client,
        open,
        save,
        session: None,
        lesson_key: None,
        follow: Follow::new(),
        shown: None,
        asking: None,
        predicting: None,
        predict_secs: 0.0,
        run: None,
        compare: None,
        said_run_waits: false,
    };
    l.run(&rx)
}

fn lang_sep(lang: Lang) -> &'static str {
    if lang == Lang::Zh { "" } else { " " }
}

impl Learner<'_> {
    fn say(&mut self, text: &str) -> anyhow::Result<()> {
        writeln!(self.out, "{text}")?;
        self.out.flush()?;
        Ok(())
    }

    /// A message from the class that arrives while the learner may be
    /// typing: on its own line, with the answer prompt again after it.
    fn interject(&mut self, lines: &[String]) -> anyhow::Result<()> {
        if lines.is_empty() {
            return Ok(());
        }
        if self.asking.is_some() || self.predicting.is_some() {
            writeln!(self.out)?;
        }
        for l in lines {
            writeln!(self.out, "{l}")?;
        }
        if self.asking.is_some() {
            write!(
                self.out,
                "{}",
                crate::words::quiz_words(self.opts.lang).prompt
            )?;
        } else if self.predicting.is_some() {
            write!(
                self.out,
                "{}",
                crate::words::predict_words(self.opts.lang).prompt
            )?;
        }
        self.out.flush()?;
        Ok(())
    }

    fn run(&mut self, rx: &Receiver<Ev>) -> anyhow::Result<ExitCode> {
        let w = class_words(self.opts.lang);
        loop {
            // A followed run wakes up once a second to print a line it owes.
            let ev = if self.run.is_some() {
                match rx.recv_timeout(class_run::LINE_EVERY) {
                    Ok(ev) => ev,
                    Err(RecvTimeoutError::Timeout) => {
                        self.owed_line()?;
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            } else {
                match rx.recv() {
                    Ok(ev) => ev,
                    Err(_) => break,
                }
            };
            match ev {
                Ev::Class(Event::Joined { class }) => {
                    self.follow.set_link(Link::Joined);
                    self.interject(&[cw::joined_class(self.opts.lang, &class)])?;
                }
                Ev::Class(Event::Waiting) => {
                    self.follow.set_link(Link::Waiting);
                    self.interject(&[w.waiting.into()])?;
                }
                Ev::Class(Event::Refused(r)) => {
                    let msg = match r {
                        Refusal::Code => w.wrong_code,
                        Refusal::Version => w.other_version,
                        Refusal::Full | Refusal::Garbage | Refusal::Instructor => w.refused_garbage,
                    };
                    eprintln!("{msg}");
                    return Ok(ExitCode::FAILURE);
                }
                Ev::Class(Event::Lesson { id, text }) => {
                    if !self.lesson(id, text)? {
                        return Ok(ExitCode::FAILURE);
                    }
                }
                Ev::Class(Event::State(st)) => {
                    if self.state(st)? {
                        self.say(w.ended)?;
                        return Ok(ExitCode::SUCCESS);
                    }
                }
                Ev::Line(line) => self.line(&line)?,
                Ev::Eof => {}
            }
        }
        Ok(ExitCode::SUCCESS)
    }

    /// Takes the lesson; false when it cannot be used.
    fn lesson(&mut self, id: String, text: Option<String>) -> anyhow::Result<bool> {
        let key = (id, text);
        if self.lesson_key.as_ref() == Some(&key) && self.session.is_some() {
            return Ok(true);
        }
        match (self.open)(&key.0, key.1.as_deref()) {
            Ok(s) => {
                self.session = Some(s);
                self.lesson_key = Some(key);
                self.shown = None;
                self.asking = None;
                Ok(true)
            }
            Err(diags) => {
                let w = class_words(self.opts.lang);
                eprintln!(
                    "{}",
                    if key.1.is_some() {
                        w.lesson_refused
                    } else {
                        w.lesson_missing
                    }
                );
                eprint!("{diags}");
                Ok(false)
            }
        }
    }

    /// Takes the instructor's new state; true when it ends the class.
    fn state(&mut self, st: ClassState) -> anyhow::Result<bool> {
        let lang = self.opts.lang;
        let w = class_words(lang);
        let prev_run = self.follow.instructor().run.clone();
        let ch = self.follow.take(st);
        if ch.ended {
            return Ok(true);
        }
        let st = self.follow.instructor().clone();
        let mut said: Vec<String> = Vec::new();
        if ch.called_back {
            self.client.away(false);
            said.push(cw::class_done(lang, &ClassDone::CalledBack));
        } else if ch.locked {
            said.push(w.locked_now.into());
        } else if ch.freed {
            said.push(w.freed_now.into());
        }
        let away = self.follow.away();
        let moved = self.shown != Some(st.step) || ch.step;
        if !away && moved {
            self.interject(&said)?;
            said.clear();
            self.show(st.step)?;
        }
        // A step whose runs follow the instructor's.
        let on_train = self.session.as_ref().is_some_and(|s| {
            s.step().kind.train().is_some() || matches!(s.step().kind, StepKind::Compare(_))
        });
        if on_train && !away && !moved && st.run.playing != prev_run.playing {
            said.push(cw::run_state(lang, st.run.epoch, st.run.playing));
        }
        if on_train && !away && self.predicting.is_some() && st.run.epoch > 0 {
            if !self.said_run_waits {
                said.push(class_follow_words::run_waits(lang).into());
            }
            self.said_run_waits = true;
        }
        if ch.held {
            said.push(w.hold.into());
        }
        if ch.revealed
            && let Some(r) = &st.reveal
        {
            said.push(w.reveal_head.into());
            let lesson = self.session.as_ref().map(Session::lesson);
            for t in r {
                let line = class_tally::tally_line(lesson, lang, t);
                said.extend(wrap(&line, self.opts.width, "  ", "    "));
            }
        }
        self.interject(&said)?;
        self.follow_run()?;
        Ok(false)
    }

    /// Prints step `n`: its title, then its prediction if it asks one (the
    /// rest waits for it), else the rest of it.
    fn show(&mut self, n: usize) -> anyhow::Result<()> {
        self.leave_run()?;
        let Some(s) = self.session.as_mut() else {
            return Ok(());
        };
        if s.goto(n).is_err() {
            return Ok(());
        }
        if self.asking.is_some() || self.predicting.is_some() {
            // The prompt left waiting ends its line.
            writeln!(self.out)?;
        }
        self.shown = Some(n);
        self.asking = None;
        self.predicting = None;
        self.said_run_waits = false;
        class_run::print_title(s, self.out, self.opts)?;
        if class_run::pose_prediction(s, self.out, self.opts)? {
            self.predicting = Some(Instant::now());
            return Ok(());
        }
        self.body()
    }

    /// The shown step after its title and prediction: a training run
    /// follows the instructor's (or, stepped away, runs at once); a quiz
    /// asks its first question.
    fn body(&mut self) -> anyhow::Result<()> {
        let Some(s) = self.session.as_mut() else {
            return Ok(());
        };
        match class_run::print_body(s, self.out, self.opts, true)? {
            Some(Followed::Run(mut run)) if self.follow.away() => {
                run.run_to_end(self.out)?;
                run.finish(s, self.out, self.opts)?;
                self.send_prediction();
            }
            Some(Followed::Run(run)) => {
                self.run = Some(*run);
                self.follow_run()?;
            }
            Some(Followed::Compare(c)) if self.follow.away() => {
                c.finish(s, self.out, self.opts)?;
                self.send_prediction();
            }
            Some(Followed::Compare(c)) => {
                self.compare = Some(c);
                writeln!(
                    self.out,
                    "{}",
                    class_follow_words::compare_follows(self.opts.lang)
                )?;
                self.follow_run()?;
            }
            // A comparison ran and graded its prediction.
            None => self.send_prediction(),
        }
        let Some(s) = self.session.as_mut() else {
            return Ok(());
        };
        if !s.questions().is_empty() {
            self.asking = Some((0, Instant::now()));
            follow::ask(s, 0, self.out, self.opts)?;
        }
        self.out.flush()?;
        Ok(())
    }

    /// Moves the shown run on to the instructor's epoch (when following
    /// the instructor there); at its end prints the final figures and
    /// sends the prediction's result.
    fn follow_run(&mut self) -> anyhow::Result<()> {
        let here = self.shown == Some(self.follow.instructor().step) && !self.follow.away();
        if !here {
            return Ok(());
        }
        let instr = self.follow.instructor().run.clone();
        let epoch = usize::try_from(instr.epoch).unwrap_or(usize::MAX);
        if let Some(c) = self.compare.as_mut() {
            c.advance(epoch)?;
            if c.finished() {
                self.end_compare()?;
            }
        }
        let Some(run) = self.run.as_mut() else {
            return Ok(());
        };
        run.advance(epoch, !instr.playing, Instant::now(), self.out)?;
        if run.finished() {
            self.end_run()?;
        }
        Ok(())
    }

    /// The comparison's end: its results, the prediction graded and sent.
    fn end_compare(&mut self) -> anyhow::Result<()> {
        let (Some(c), Some(s)) = (self.compare.take(), self.session.as_mut()) else {
            return Ok(());
        };
        c.finish(s, self.out, self.opts)?;
        self.send_prediction();
        Ok(())
    }

    /// The run's end: final figures, the prediction graded and sent.
    fn end_run(&mut self) -> anyhow::Result<()> {
        let (Some(run), Some(s)) = (self.run.take(), self.session.as_mut()) else {
            return Ok(());
        };
        run.finish(s, self.out, self.opts)?;
        self.send_prediction();
        Ok(())
    }

    /// Leaving the shown step: a run whose prediction was made runs to its
    /// end at once, so the prediction is graded (and the learner sees it);
    /// any other unfinished run is left.
    fn leave_run(&mut self) -> anyhow::Result<()> {
        let picked = (self.session.as_ref())
            .and_then(|s| s.prediction())
            .is_some_and(|p| p.pick.is_some() && p.verdict.is_none());
        if picked && self.compare.is_some() {
            self.end_compare()?;
        }
        self.compare = None;
        match self.run.as_mut() {
            Some(run) if picked => {
                run.run_to_end(self.out)?;
                self.end_run()
            }
            _ => {
                self.run = None;
                Ok(())
            }
        }
    }

    /// A progress line the followed run owes, once a second has passed.
    fn owed_line(&mut self) -> anyhow::Result<()> {
        let now = Instant::now();
        if let Some(run) = self.run.as_mut()
            && run.owes_line(now)
        {
            run.line(now, self.out)?;
        }
        Ok(())
    }

    /// Sends the shown step's graded prediction as a result (none when
    /// skipped): right or wrong, one try, no hints.
    fn send_prediction(&mut self) {
        let Some(s) = self.session.as_mut() else {
            return;
        };
        let Some(q) = s.predict_question() else {
            return;
        };
        let right = (s.prediction())
            .and_then(|p| p.verdict.as_ref())
            .and_then(|v| v.right);
        let Some(right) = right else {
            return;
        };
        let answer = prediction_result(&s.step().id, &q.id, right, self.predict_secs);
        (self.save)(s);
        self.client.result(answer);
    }

    /// A line typed while the prediction waits.
    fn predicted(&mut self, at: Instant, line: &str) -> anyhow::Result<()> {
        let Some(s) = self.session.as_mut() else {
            return Ok(());
        };
        if !class_run::take_prediction(s, line, self.out, self.opts)? {
            return Ok(());
        }
        self.predicting = None;
        self.predict_secs = at.elapsed().as_secs_f64();
        self.body()
    }

    fn line(&mut self, line: &str) -> anyhow::Result<()> {
        if let Some((i, at)) = self.asking
            && !line.trim_start().starts_with(':')
        {
            return self.answer(i, at, line);
        }
        if let Some(at) = self.predicting
            && !line.trim_start().starts_with(':')
        {
            return self.predicted(at, line);
        }
        let cmd = line.trim().trim_start_matches(':').trim();
        let w = class_words(self.opts.lang);
        let mut parts = cmd.split_whitespace();
        let (word, arg) = (parts.next().unwrap_or(""), parts.next());
        match word {
            "" => Ok(()),
            "next" | "back" | "prev" | "goto" => {
                let Some(s) = self.session.as_ref() else {
                    return Ok(());
                };
                let here = self.shown.unwrap_or(0);
                let to = match (word, arg.and_then(|a| a.parse::<usize>().ok())) {
                    ("next", _) => (here + 1).min(s.len().saturating_sub(1)),
                    ("goto", Some(n)) if n >= 1 && n <= s.len() => n - 1,
                    ("goto", _) => return self.say(w.learner_commands),
                    _ => here.saturating_sub(1),
                };
                match self.follow.attempt(Move::Step) {
                    Err(Refused::Locked) => self.say(w.locked),
                    Ok(newly) => {
                        if newly {
                            self.client.away(true);
                        }
                        self.say(&format!("[{}]", w.away_plain))?;
                        self.show(to)
                    }
                }
            }
            "follow" | "f" | "F" => {
                if self.follow.rejoin() {
                    self.client.away(false);
                }
                self.say(w.back_following)?;
                let n = self.follow.instructor().step;
                self.show(n)
            }
            "done" => match self.follow.mark_done() {
                Ok(step) => {
                    self.client.done(&step);
                    self.say(w.marked_done)
                }
                Err(NotDone::NotHeld) => self.say(w.not_held),
                Err(NotDone::Already) => {
                    let t = cw::class_done(self.opts.lang, &ClassDone::AlreadyDone);
                    self.say(&t)
                }
            },
            _ => {
                let t = format!(
                    "{}{}{}",
                    w.unknown_learner_command,
                    lang_sep(self.opts.lang),
                    w.learner_commands
                );
                self.say(&t)
            }
        }
    }

    fn answer(&mut self, i: usize, at: Instant, line: &str) -> anyhow::Result<()> {
        let Some(s) = self.session.as_mut() else {
            return Ok(());
        };
        let Some((reply, done)) = follow::answer(s, i, line, self.out, self.opts)? else {
            return Ok(());
        };
        (self.save)(s);
        if let Reply::Verdict(v) = &reply {
            let step = s.step().id.clone();
            let question = s.questions()[i].id.clone();
            let hints = s.state_of(&step, &question).hints_used;
            let secs = at.elapsed().as_secs_f64();
            if let Some(a) = result_of(&step, &question, &v.grade, v.tries, hints, secs) {
                self.client.result(a);
            }
        }
        if done {
            let next = i + 1;
            if next < s.questions().len() {
                self.asking = Some((next, Instant::now()));
                follow::ask(s, next, self.out, self.opts)?;
            } else {
                self.asking = None;
            }
        }
        self.out.flush()?;
        Ok(())
    }
}
