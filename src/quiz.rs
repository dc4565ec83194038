//! Quizzes: question kinds, reading answers, grading them with reasons,
//! gradient questions generated from the engine, and worked solutions.
//!
//! ```text
//! input (numbers, matrices) ─┐
//! expr ─▶ formula_answer ────┼─▶ grade (Grade, Reason, Slip, Expected)
//! gradient (spec) ─▶ case ─▶ slips, solution
//!                    └─ quantity (z, dW2, …)        record (attempts, hints, outcome)
//! ```
//!
//! This module knows nothing of lessons, YAML files, sessions or terminals:
//! the lesson module checks questions into these types, the session keeps
//! a [`QuestionState`] per question, and each view words the typed
//! [`Reason`]s in its language. It uses the engine (forward and backward
//! passes) and the seeded random stream.

mod case;
mod expr;
mod formula_answer;
mod grade;
mod gradient;
mod gradient_raw;
mod input;
mod quantity;
mod record;
mod slips;
mod solution;
mod tolerance;

pub use case::{Case, Given};
pub use expr::{Expr, ExprProblem};
pub use formula_answer::{DEFAULT_RANGE, FormulaKey};
pub use grade::{Expected, Grade, Nearly, Reason, Slip, grade_choice, grade_numbers, parse_choice};
pub use gradient::{
    Field, GradientSpec, MAX_SIZE, RawFixed, RawGradient, RawRandom, RawWeights, Source,
    SpecProblem, check_tolerance,
};
pub use input::{InputError, MAX_INPUT, parse_matrix, parse_number};
pub use quantity::Quantity;
pub use record::{Outcome, QuestionRecord, QuestionState, QuizUpdate, TRIES_BEFORE_SOLUTION};
pub use solution::{SolutionLine, matrix_tex, number, short_matrix};
pub use tolerance::Tolerance;

use crate::rng::SeededRng;

/// The seed of one question's numbers: from a base seed (the learner's
/// identity, or a seed everyone shares) and the question's stable key
/// (`step/question`), so the same learner sees the same numbers on every
/// restart and different questions get different numbers.
#[must_use]
pub fn question_seed(base: u64, key: &str) -> u64 {
    SeededRng::derived(base, key).next_u64()
}
