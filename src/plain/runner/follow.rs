//! The plain runner one piece at a time, for a class follower: a step
//! printed without its questions, then each question asked, each typed
//! line answered, and the explanation once it is done.

use std::io::Write;

use super::{Options, Printer};
use crate::session::{Reply, Session};
use crate::words::quiz_words;

pub(super) fn with_printer<R>(
    out: &mut dyn Write,
    opts: Options,
    f: impl FnOnce(&mut Printer<'_>) -> anyhow::Result<R>,
) -> anyhow::Result<R> {
    let mut empty: &[u8] = &[];
    let mut nothing = |_: &mut Session| {};
    let mut p = Printer {
        out,
        input: &mut empty,
        opts,
        l: quiz_words(opts.lang),
        eof: true,
        after_question: &mut nothing,
        codes: false,
    };
    f(&mut p)
}

/// Prints the current step (a training run to its end), without asking
/// its questions.
pub fn print_step(s: &mut Session, out: &mut dyn Write, opts: Options) -> anyhow::Result<()> {
    with_printer(out, opts, |p| p.step_shown(s, false))
}

/// Asks question `i` (0-based) of the current step: its text, the
/// learner's own numbers, the commands.
pub fn ask(s: &Session, i: usize, out: &mut dyn Write, opts: Options) -> anyhow::Result<()> {
    let Some(q) = s.questions().get(i).cloned() else {
        return Ok(());
    };
    with_printer(out, opts, |p| {
        p.ask(s, i, &q)?;
        write!(p.out, "{}", p.l.prompt)?;
        p.out.flush()?;
        Ok(())
    })
}

/// Answers one typed line for question `i` of the current step and prints
/// the reply; the reply is returned with whether the question is done.
pub fn answer(
    s: &mut Session,
    i: usize,
    line: &str,
    out: &mut dyn Write,
    opts: Options,
) -> anyhow::Result<Option<(Reply, bool)>> {
    let Some(q) = s.questions().get(i).cloned() else {
        return Ok(None);
    };
    let reply = s.respond(&q.id, line)?;
    with_printer(out, opts, |p| {
        let done = p.show_reply(&reply)?;
        if done {
            p.explain(&q)?;
        } else {
            write!(p.out, "{}", p.l.prompt)?;
        }
        p.out.flush()?;
        Ok(Some((reply, done)))
    })
}
