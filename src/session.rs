//! Where the learner is in a lesson and what "next", "back", "answer" and
//! "run" do. UI-free: the TUI and the plain runner both drive a [`Session`],
//! and tests drive it without a terminal.

pub mod code;
pub mod compare;
pub mod course;
pub mod grade;
pub mod hidden;
pub mod landscape;
mod open;
pub mod outcome;
pub mod plot;
pub mod predict;
mod questions;
pub mod training;
mod turn;

use std::collections::HashMap;

use thiserror::Error;

pub use code::{Code, CodeError, Live, Rebuilt, Reproduced, code_of};
pub use compare::{Comparison, RunRow, RunStatus};
pub use course::{LessonStatus, continue_at, first_unfinished, next_lesson};
pub use grade::{Grade, Nearly, Reason};
pub use open::{Opened, Start, open};
pub use outcome::{Detail, Ending, Observed};
pub use predict::{Pick, PickError, PredictVerdict, Prediction};
pub use questions::{Hint, SolutionAccess};
pub use turn::{Earlier, ExpectedAnswer, MAX_TRIES, Reply, Typed, Verdict, expected};

use crate::lesson::{Lesson, Question, Step, StepKind, Text};
use crate::quiz::{Outcome, QuestionState};
use crate::spec::{self, Resolved, SpecError, TrainSpec};
use training::Training;

/// The runs of a comparison: each name with its fresh trainer.
pub type Runs = Vec<(Text, Resolved)>;

/// A learner's pass through one lesson.
#[derive(Clone, Debug)]
pub struct Session {
    lesson: Lesson,
    current: usize,
    /// Attempts, hints and the latest grade of each question, by (step id,
    /// question id).
    quiz: HashMap<(String, String), QuestionState>,
    /// Counted answers per question in this sitting (the try limit counts
    /// these, not the saved attempts of earlier sittings).
    sitting: HashMap<(String, String), u32>,
    /// The saved state each question started this sitting with.
    restored: HashMap<(String, String), QuestionState>,
    /// Questions whose saved result changed since the last
    /// [`Session::take_results`], by (step id, question id).
    changed: Vec<(String, String)>,
    /// (attempts, hints) of each question as last saved or loaded, so that
    /// [`Session::take_updates`] hands the progress file increments.
    synced: HashMap<(String, String), (u32, u32)>,
    /// The learner's identity seed: their own numbers in generated questions.
    learner: u64,
    /// Replaces every spec's seed (the command line's `--seed`).
    seed: Option<u64>,
    /// Predictions made (or skipped) in this sitting, by step id.
    predictions: HashMap<String, Prediction>,
}

/// Where a move ended up.
#[must_use]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moved {
    /// Now at this step (0-based).
    To(usize),
    /// Already at the last step; nothing changed.
    AtEnd,
    /// Already at the first step; nothing changed.
    AtStart,
}

/// A request the session cannot carry out.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum SessionError {
    #[error("there is no step {step}; the lesson has steps 1 to {len}")]
    NoSuchStep { step: usize, len: usize },
    #[error("step '{step}' has no question '{question}'")]
    NoSuchQuestion { step: String, question: String },
}

impl Session {
    /// A session at the first step.
    #[must_use]
    pub fn new(lesson: Lesson) -> Self {
        Self {
            lesson,
            current: 0,
            quiz: HashMap::new(),
            sitting: HashMap::new(),
            restored: HashMap::new(),
            changed: Vec::new(),
            synced: HashMap::new(),
            learner: 0,
            seed: None,
            predictions: HashMap::new(),
        }
    }

    /// Replaces the seed of every training run.
    #[must_use]
    pub fn with_seed(mut self, seed: Option<u64>) -> Self {
        self.seed = seed;
        self
    }

    /// The seed that replaces every spec's own (the command line's `--seed`).
    #[must_use]
    pub fn seed_override(&self) -> Option<u64> {
        self.seed
    }

    #[must_use]
    pub fn lesson(&self) -> &Lesson {
        &self.lesson
    }

    /// The current step's index (0-based).
    #[must_use]
    pub fn index(&self) -> usize {
        self.current
    }

    /// The current step. A checked lesson has at least one step.
    #[must_use]
    pub fn step(&self) -> &Step {
        &self.lesson.steps[self.current.min(self.lesson.steps.len().saturating_sub(1))]
    }

    /// Number of steps.
    #[must_use]
    pub fn len(&self) -> usize {
        self.lesson.steps.len()
    }

    /// Whether the lesson has no steps (a checked lesson never has none).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.lesson.steps.is_empty()
    }

    /// Moves to the next step.
    #[expect(
        clippy::should_implement_trait,
        reason = "a session is not an iterator; next/prev mirror the learner's keys"
    )]
    pub fn next(&mut self) -> Moved {
        if self.current + 1 >= self.len() {
            return Moved::AtEnd;
        }
        self.current += 1;
        Moved::To(self.current)
    }

    /// Moves to the previous step.
    pub fn prev(&mut self) -> Moved {
        if self.current == 0 {
            return Moved::AtStart;
        }
        self.current -= 1;
        Moved::To(self.current)
    }

    /// Goes to step `n` (0-based).
    pub fn goto(&mut self, n: usize) -> Result<(), SessionError> {
        if n >= self.len() {
            return Err(SessionError::NoSuchStep {
                step: n.saturating_add(1),
                len: self.len(),
            });
        }
        self.current = n;
        Ok(())
    }

    /// The current step's questions (empty unless it is a quiz).
    #[must_use]
    pub fn questions(&self) -> &[Question] {
        self.step().kind.questions()
    }

    /// Grades `input` for question `question_id` of the current step and
    /// records it: a counted attempt, or (for input that cannot be read) only
    /// the latest grade, so a typing slip never costs an attempt.
    pub fn answer(&mut self, question_id: &str, input: &str) -> Result<Grade, SessionError> {
        let step = self.step().id.clone();
        let q = self.question(question_id)?;
        let case = self.case(question_id)?;
        let g = grade::grade(q, input, case.as_ref(), self.question_seed(question_id));
        let key = (step, question_id.to_string());
        self.quiz.entry(key.clone()).or_default().record(&g);
        if g.counts() {
            self.mark_changed(key);
        }
        Ok(g)
    }

    /// The latest grade of a question.
    #[must_use]
    pub fn grade_of(&self, step_id: &str, question_id: &str) -> Option<&Grade> {
        self.quiz
            .get(&(step_id.to_string(), question_id.to_string()))
            .and_then(|s| s.last.as_ref())
    }

    /// (right, answered, total) over every quiz question of the lesson.
    /// Predictions are saved with the answers but kept out of this score,
    /// as out of the lesson list's: they may be skipped, and a wrong guess
    /// before a run is part of learning, not a missed question.
    #[must_use]
    pub fn score(&self) -> (usize, usize, usize) {
        let mut total = 0;
        let (mut right, mut answered) = (0, 0);
        for (step, q) in self.lesson.quiz_questions() {
            total += 1;
            if let Some(s) = self.quiz.get(&(step.to_string(), q.to_string())) {
                right += usize::from(matches!(
                    s.outcome,
                    Outcome::Right | Outcome::RightAfterSolution
                ));
                // A question answered in an earlier sitting counts as
                // answered, as its saved outcome counts as right.
                answered += usize::from(s.last.is_some() || s.outcome != Outcome::Unanswered);
            }
        }
        (right, answered, total)
    }

    /// `spec` with the command line's seed in place of its own: the one
    /// place where `--seed` reaches a run.
    #[must_use]
    pub fn seeded(&self, spec: &TrainSpec) -> TrainSpec {
        let mut s = spec.clone();
        if let Some(seed) = self.seed {
            s.seed = seed;
        }
        s
    }

    /// A fresh trainer (at epoch 0) for the current step, if it is a
    /// training step.
    #[must_use]
    pub fn trainer(&self) -> Option<Result<Resolved, Vec<SpecError>>> {
        let t = self.step().kind.train()?;
        Some(spec::resolve(&self.seeded(&t.spec), &self.lesson.base_dir))
    }

    /// The live run of the current step, paused at epoch 0, if it is a
    /// training step.
    #[must_use]
    pub fn training(&self) -> Option<Result<Training, Vec<SpecError>>> {
        let t = self.step().kind.train()?;
        Some(Training::new(
            self.seeded(&t.spec),
            self.lesson.base_dir.clone(),
        ))
    }

    /// The live landscape of the current step, paused at the start, if it
    /// is a landscape step.
    #[must_use]
    pub fn landscape(&self) -> Option<Result<landscape::Landscape, Vec<SpecError>>> {
        let StepKind::Landscape(l) = &self.step().kind else {
            return None;
        };
        let runs: Result<Runs, Vec<SpecError>> = (l.runs.iter())
            .map(|r| {
                spec::resolve(&self.seeded(&r.spec), &self.lesson.base_dir)
                    .map(|res| (r.name.clone(), res))
            })
            .collect();
        Some(runs.and_then(|runs| {
            let (names, runs) = runs.into_iter().unzip();
            landscape::Landscape::new(l, names, runs).map_err(|e| {
                vec![SpecError {
                    path: Vec::new(),
                    problem: spec::SpecProblem::Engine(Box::new(e)),
                    hint: None,
                }]
            })
        }))
    }

    /// The plot of the current step, if it is a plot step.
    #[must_use]
    pub fn plot(&self) -> Option<plot::PlotState> {
        let StepKind::Plot(p) = &self.step().kind else {
            return None;
        };
        Some(plot::PlotState::new(p.clone()))
    }

    /// The runs of the current step, paused at epoch 0, if it is a
    /// comparison.
    #[must_use]
    pub fn comparison(&self) -> Option<Result<Comparison, Vec<SpecError>>> {
        let StepKind::Compare(c) = &self.step().kind else {
            return None;
        };
        let runs: Result<Runs, Vec<SpecError>> = (c.runs.iter())
            .map(|r| {
                spec::resolve(&self.seeded(&r.spec), &self.lesson.base_dir)
                    .map(|res| (r.name.clone(), res))
            })
            .collect();
        Some(runs.map(Comparison::new))
    }
}
