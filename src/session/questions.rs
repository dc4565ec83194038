//! The quiz side of a session: the question asked, its generated case (per
//! learner, stable across restarts), hints one at a time, the worked
//! solution, and the results per question with the review list.

use super::{Session, SessionError};
use crate::lesson::{Question, QuestionKind, StepKind, Text};
use crate::quiz::{self, Case, QuestionRecord, QuestionState, QuizUpdate, SolutionLine};

/// A hint revealed: `number` of `total` (1-based).
#[derive(Clone, Debug, PartialEq)]
pub struct Hint {
    pub number: usize,
    pub total: usize,
    pub text: Text,
}

/// What asking for the worked solution gives.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum SolutionAccess {
    /// The solution's lines, in order.
    Shown(Vec<SolutionLine>),
    /// Not yet: this many more tries first.
    NotYet { tries: u32 },
    /// This kind of question has no worked solution (see its explanation).
    NoneForThisKind,
}

impl Session {
    /// The learner's identity seed: each learner gets their own numbers in
    /// generated questions, the same on every restart. `--seed` and a
    /// lesson's `quiz_seed` override it so a class shares one case.
    #[must_use]
    pub fn with_learner(mut self, identity_seed: u64) -> Self {
        self.learner = identity_seed;
        self
    }

    /// The question `id` of the current step.
    pub fn question(&self, id: &str) -> Result<&Question, SessionError> {
        self.questions()
            .iter()
            .find(|q| q.id == id)
            .ok_or_else(|| SessionError::NoSuchQuestion {
                step: self.step().id.clone(),
                question: id.to_string(),
            })
    }

    /// The seed of question `id`'s numbers: from `--seed`, else the
    /// lesson's `quiz_seed`, else the learner, with the lesson, step and
    /// question ids (or the shared `case` name in place of the question id).
    #[must_use]
    pub fn question_seed(&self, id: &str) -> u64 {
        let (lesson_seed, shared) = match self.question(id).map(|q| &q.kind) {
            Ok(QuestionKind::Gradient { shared_seed, spec }) => {
                (*shared_seed, spec.case.as_deref())
            }
            _ => (None, None),
        };
        let base = self.seed.or(lesson_seed).unwrap_or(self.learner);
        let key = format!(
            "{}/{}/{}",
            self.lesson.id,
            self.step().id,
            shared.unwrap_or(id)
        );
        quiz::question_seed(base, &key)
    }

    /// The generated case of a gradient question (`None` for other kinds).
    pub fn case(&self, id: &str) -> Result<Option<Case>, SessionError> {
        let q = self.question(id)?;
        let QuestionKind::Gradient { spec, .. } = &q.kind else {
            return Ok(None);
        };
        Ok(spec.case(self.question_seed(id)).ok())
    }

    /// The state of question `id` of step `step_id` (default if untouched).
    #[must_use]
    pub fn state_of(&self, step_id: &str, id: &str) -> QuestionState {
        self.quiz
            .get(&(step_id.to_string(), id.to_string()))
            .cloned()
            .unwrap_or_default()
    }

    /// The state of question `id` of the current step, for a change that
    /// is saved.
    fn state_mut(&mut self, id: &str) -> &mut QuestionState {
        let key = (self.step().id.clone(), id.to_string());
        self.mark_changed(key.clone());
        self.quiz.entry(key).or_default()
    }

    pub(super) fn mark_changed(&mut self, key: (String, String)) {
        if !self.changed.contains(&key) {
            self.changed.push(key);
        }
    }

    /// Starts from saved results (attempts, hints, solution seen, outcome),
    /// so answering again after a restart continues the count. Results of
    /// questions the lesson does not have are ignored.
    #[must_use]
    pub fn with_results(mut self, saved: &[QuestionRecord]) -> Self {
        for r in saved {
            let known = (self.lesson.steps.iter()).any(|s| {
                s.id == r.step
                    && (matches!(&s.kind, StepKind::Quiz(qs) if qs.iter().any(|q| q.id == r.question))
                        || s.kind.predict().is_some_and(|p| p.id == r.question))
            });
            if known {
                let state = QuestionState {
                    attempts: r.attempts,
                    hints_used: r.hints_used,
                    solution_seen: r.solution_seen,
                    outcome: r.outcome,
                    last: None,
                };
                let key = (r.step.clone(), r.question.clone());
                self.synced.insert(key.clone(), (r.attempts, r.hints_used));
                self.restored.insert(key.clone(), state.clone());
                self.quiz.insert(key, state);
            }
        }
        self
    }

    /// The results changed since the last call (an answer that counted, a
    /// hint, the solution), for saving.
    pub fn take_results(&mut self) -> Vec<QuestionRecord> {
        std::mem::take(&mut self.changed)
            .into_iter()
            .map(|(step, q)| QuestionRecord::of(&step, &q, &self.state_of(&step, &q)))
            .collect()
    }

    /// The changes since the last call as increments for the progress file
    /// (attempts and hints added since the results were loaded or last
    /// taken), so another instance's tries at the same question are kept.
    pub fn take_updates(&mut self) -> Vec<QuizUpdate> {
        self.take_results()
            .into_iter()
            .map(|r| {
                let key = (r.step.clone(), r.question.clone());
                let (a0, h0) = self
                    .synced
                    .insert(key, (r.attempts, r.hints_used))
                    .unwrap_or((0, 0));
                QuizUpdate {
                    attempts_added: r.attempts.saturating_sub(a0),
                    hints_added: r.hints_used.saturating_sub(h0),
                    ..QuizUpdate::from(r)
                }
            })
            .collect()
    }

    /// Reveals the next hint of question `id`; `None` when there are no more.
    pub fn hint(&mut self, id: &str) -> Result<Option<Hint>, SessionError> {
        let hints = self.question(id)?.hints.clone();
        let total = hints.len();
        let shown = self.state_mut(id).next_hint(total);
        Ok(shown.map(|number| Hint {
            number,
            total,
            text: hints[number - 1].clone(),
        }))
    }

    /// The worked solution of question `id`, once allowed (after a right
    /// answer, or after two tries); showing it is recorded.
    pub fn solution(&mut self, id: &str) -> Result<SolutionAccess, SessionError> {
        let Some(case) = self.case(id)? else {
            return Ok(SolutionAccess::NoneForThisKind);
        };
        let state = self.state_mut(id);
        if !state.may_see_solution() {
            return Ok(SolutionAccess::NotYet {
                tries: state.tries_before_solution(),
            });
        }
        state.solution_seen = true;
        Ok(SolutionAccess::Shown(case.solution()))
    }

    /// Every question's result, in lesson order (untouched ones included),
    /// predictions among them.
    #[must_use]
    pub fn records(&self) -> Vec<QuestionRecord> {
        let mut out = Vec::new();
        for step in &self.lesson.steps {
            if let Some(p) = step.kind.predict() {
                out.push(QuestionRecord::of(
                    &step.id,
                    &p.id,
                    &self.state_of(&step.id, &p.id),
                ));
            }
            if let StepKind::Quiz(qs) = &step.kind {
                for q in qs {
                    out.push(QuestionRecord::of(
                        &step.id,
                        &q.id,
                        &self.state_of(&step.id, &q.id),
                    ));
                }
            }
        }
        out
    }

    /// The questions to review: missed, or right only after the solution.
    #[must_use]
    pub fn review(&self) -> Vec<QuestionRecord> {
        let mut r = self.records();
        r.retain(|q| q.outcome.needs_review());
        r
    }
}
