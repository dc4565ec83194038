//! `nnstep progress export [--out FILE]`: the learner's quiz results as CSV,
//! for an instructor collecting them; `nnstep progress review`: the
//! questions to go over again (missed, or right only after the solution).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::lesson::{Catalog, Lang, Lesson};
use crate::progress::store::utc_stamp;
use crate::progress::{Progress, SavedResult};
use crate::quiz::Outcome;
use crate::text::wrap::wrap;

/// The CSV's columns, in order.
pub const HEADER: [&str; 9] = [
    "learner",
    "lesson",
    "step",
    "question",
    "attempts",
    "hints",
    "solution_seen",
    "outcome",
    "updated",
];

/// Writes every saved result of `p` as CSV to `out`.
pub fn write_csv(p: &Progress, out: impl Write) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    // Hex, so a spreadsheet keeps all its digits.
    let learner = p.learner.map_or(String::new(), |id| format!("{id:016x}"));
    for r in p.results() {
        w.write_record([
            learner.as_str(),
            r.lesson,
            r.step,
            r.question,
            &r.result.attempts.to_string(),
            &r.result.hints_used.to_string(),
            &r.result.solution_seen.to_string(),
            outcome_name(r.result.outcome),
            &utc_stamp(r.result.updated),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// The outcome as the progress file spells it.
#[must_use]
pub fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::Unanswered => "unanswered",
        Outcome::Right => "right",
        Outcome::RightAfterSolution => "right_after_solution",
        Outcome::Missed => "missed",
    }
}

pub fn export(p: &Progress, to: Option<&Path>) -> anyhow::Result<ExitCode> {
    match to {
        None => write_csv(p, std::io::stdout().lock())?,
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            write_csv(p, file).with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "wrote {} result(s) to {}",
                p.results().count(),
                path.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the questions to review, by lesson, with the step's title and
/// the question's text from the catalog (ids when the catalog no longer
/// has them).
pub fn review(p: &Progress, cat: &Catalog, lang: Lang) -> std::io::Result<ExitCode> {
    let missed: Vec<SavedResult> = p
        .results()
        .filter(|r| r.result.outcome.needs_review())
        .collect();
    if missed.is_empty() {
        say!("{}", crate::words::course::review_nothing(lang));
        return Ok(ExitCode::SUCCESS);
    }
    let not_in_catalog = crate::words::course::progress_words(lang).not_in_catalog;
    let mut lesson: Option<(String, Option<Lesson>)> = None;
    for r in &missed {
        if lesson.as_ref().is_none_or(|(id, _)| id != r.lesson) {
            let loaded = cat.get(r.lesson).and_then(|e| e.load().ok());
            let title = loaded.as_ref().map_or(not_in_catalog.to_string(), |l| {
                l.title.get(lang).to_string()
            });
            say!("{} · {title}", r.lesson);
            lesson = Some((r.lesson.to_string(), loaded));
        }
        let (step, ask) = lesson
            .as_ref()
            .and_then(|(_, l)| l.as_ref())
            .map_or((r.step.to_string(), r.question.to_string()), |l| {
                texts(l, r, lang)
            });
        let after_solution = r.result.outcome == Outcome::RightAfterSolution;
        say!("  {step}");
        let lead = format!("    {}: ", r.question);
        for line in wrap(&ask, 80, &lead, "      ") {
            say!("{line}");
        }
        let (attempts, hints) = (r.result.attempts, r.result.hints_used);
        let tally = crate::words::course::review_tally(lang, after_solution, attempts, hints);
        say!("      {tally}");
    }
    say!("{}", crate::words::course::review_count(lang, missed.len()));
    Ok(ExitCode::SUCCESS)
}

/// "step N: title" and the question's text, or the ids when gone.
fn texts(l: &Lesson, r: &SavedResult, lang: Lang) -> (String, String) {
    let Some(i) = l.step_index(r.step) else {
        return (r.step.to_string(), r.question.to_string());
    };
    let step = &l.steps[i];
    let predict = (step.kind.predict())
        .filter(|p| p.id == r.question)
        .map(|p| &p.ask);
    let ask = (step.kind.questions().iter())
        .find(|q| q.id == r.question)
        .map(|q| &q.ask)
        .or(predict)
        .map_or(r.question.to_string(), |t| t.get(lang).to_string());
    let at = crate::words::course::review_step(lang, i + 1, step.title.get(lang));
    (at, ask)
}
