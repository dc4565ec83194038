//! Opening a lesson with the learner's saved progress, and the progress
//! changes a session makes: the same for the TUI and the plain runner.

use super::{Session, SessionError};
use crate::lesson::Lesson;
use crate::progress::{Change, LessonProgress, Progress};

/// A lesson opened for a learner, and where it starts.
#[derive(Debug)]
pub struct Opened {
    pub session: Session,
    /// Where the session starts and why.
    pub at: Start,
}

/// Why a session starts at its step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// At the first step: the lesson is new to the learner.
    First,
    /// At the step asked for (0-based).
    Asked(usize),
    /// At the step the learner stopped on last time (0-based).
    Resumed(usize),
}

/// Opens `lesson` for the learner of `progress`: their own numbers in
/// generated questions, their saved quiz results, `seed` (the command
/// line's `--seed`) in place of every run's seed, and the session at `step`
/// (0-based) when asked, else where the learner stopped.
pub fn open(
    lesson: Lesson,
    progress: &Progress,
    seed: Option<u64>,
    step: Option<usize>,
) -> Result<Opened, SessionError> {
    let saved = progress.lesson(&lesson.id);
    let resume = (saved.and_then(|p| p.current.as_deref())).and_then(|id| lesson.step_index(id));
    let mut session = Session::new(lesson)
        .with_seed(seed)
        .with_learner(progress.learner_seed())
        .with_results(&saved.map(LessonProgress::records).unwrap_or_default());
    let at = match (step, resume) {
        (Some(n), _) => {
            session.goto(n)?;
            Start::Asked(n)
        }
        (None, Some(n)) if n > 0 && session.goto(n).is_ok() => Start::Resumed(n),
        _ => Start::First,
    };
    Ok(Opened { session, at })
}

impl Session {
    /// The progress changes since the last call: each question whose
    /// result changed (an answer that counted, a hint, the solution), as
    /// increments on the saved result (see [`Session::take_updates`]).
    pub fn take_changes(&mut self) -> Vec<Change> {
        let lesson = self.lesson.id.clone();
        (self.take_updates().into_iter())
            .map(|record| Change::Quiz {
                lesson: lesson.clone(),
                record,
            })
            .collect()
    }

    /// The change that records the learner looking at the current step.
    #[must_use]
    pub fn visit(&self) -> Change {
        Change::Visit {
            lesson: self.lesson.id.clone(),
            step: self.step().id.clone(),
        }
    }
}
