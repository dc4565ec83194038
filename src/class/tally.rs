//! The class's aggregate per question: how many answered of how many, how
//! many right, close and wrong, which slips and how often, the median time.
//! Built from each learner's latest result; who answered what is not in it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::protocol::{Answer, ClassState, Mark, SlipKind};

/// The aggregate of one question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionTally {
    pub step: String,
    pub question: String,
    /// Learners with a result.
    pub answered: usize,
    /// Learners in the class (connected now, or with a result).
    pub of: usize,
    pub right: usize,
    pub close: usize,
    pub wrong: usize,
    /// Wrong answers by slip, most frequent first (ties in a fixed order).
    pub slips: Vec<(SlipKind, usize)>,
    /// The median seconds to the latest answer, when anyone answered.
    pub median_secs: Option<f64>,
}

impl QuestionTally {
    /// Learners who did not (yet) get it right: wrong, close, or no answer.
    #[must_use]
    pub fn struggled(&self) -> usize {
        self.of.saturating_sub(self.right)
    }
}

/// One learner's dealings with one question as the instructor keeps them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kept {
    /// The latest result.
    pub latest: Option<Answer>,
    /// The slip of every wrong answer with its try number, in order (at
    /// most [`MAX_SLIPS_KEPT`]).
    pub slips: Vec<(u32, SlipKind)>,
}

/// Slips kept per learner and question (a learner has a few tries).
pub const MAX_SLIPS_KEPT: usize = 16;

impl Kept {
    /// Takes a result: its slip is added once per try (results come again
    /// after a reconnect); the one with the most tries is the latest.
    /// Returns whether anything changed (a result sent again changes
    /// nothing).
    pub fn take(&mut self, a: Answer) -> bool {
        let mut changed = false;
        if let Some(s) = a.slip
            && self.slips.len() < MAX_SLIPS_KEPT
            && !self.slips.iter().any(|(t, _)| *t == a.tries)
        {
            self.slips.push((a.tries, s));
            changed = true;
        }
        if self.latest.as_ref().is_none_or(|l| a.tries >= l.tries) {
            changed |= self.latest.as_ref() != Some(&a);
            self.latest = Some(a);
        }
        changed
    }
}

/// Tallies one question over `kept` (one entry per learner who has one);
/// `class_size` is the number of learners counted in the class.
#[must_use]
pub fn tally<'a>(
    step: &str,
    question: &str,
    kept: impl Iterator<Item = &'a Kept>,
    class_size: usize,
) -> QuestionTally {
    let mut t = QuestionTally {
        step: step.to_string(),
        question: question.to_string(),
        answered: 0,
        of: class_size,
        right: 0,
        close: 0,
        wrong: 0,
        slips: Vec::new(),
        median_secs: None,
    };
    let mut slips: BTreeMap<SlipKind, usize> = BTreeMap::new();
    let mut times = Vec::new();
    for k in kept {
        for (_, s) in &k.slips {
            *slips.entry(*s).or_default() += 1;
        }
        let Some(a) = &k.latest else { continue };
        t.answered += 1;
        match a.mark {
            Mark::Right => t.right += 1,
            Mark::Close => t.close += 1,
            Mark::Wrong => t.wrong += 1,
        }
        if a.secs.is_finite() && a.secs >= 0.0 {
            times.push(a.secs);
        }
    }
    t.of = t.of.max(t.answered);
    t.slips = slips.into_iter().collect();
    t.slips.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    t.median_secs = median(&mut times);
    t
}

/// The median (the mean of the middle two for an even count).
fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        f64::midpoint(v[n / 2 - 1], v[n / 2])
    })
}

/// One learner as the instructor's panel lists them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LearnerInfo {
    /// The name given, if any.
    pub name: Option<String>,
    /// Stepped away from the instructor's place.
    pub away: bool,
    /// Marked the current held step done.
    pub done: bool,
}

/// Everything `nnstep class status` shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub class: String,
    pub lesson: String,
    pub state: ClassState,
    pub learners: Vec<LearnerInfo>,
    /// Every question of the lesson, in lesson order.
    pub questions: Vec<QuestionTally>,
    /// Connections refused for a wrong join code.
    pub wrong_codes: u64,
    /// Connections refused because the class was full.
    pub refused_full: u64,
    /// Connections dropped for garbage, oversized lines or stalling.
    pub dropped: u64,
}

impl Snapshot {
    /// The learners still working on a held step.
    #[must_use]
    pub fn working(&self) -> usize {
        self.learners.iter().filter(|l| !l.done).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(mark: Mark, slip: Option<SlipKind>, tries: u32, secs: f64) -> Answer {
        Answer {
            step: "s".into(),
            question: "q".into(),
            mark,
            slip,
            tries,
            hints: 0,
            secs,
        }
    }

    #[test]
    fn one_right_one_sign_slip_one_silent_tallies_exactly_that() {
        let mut a = Kept::default();
        a.take(answer(Mark::Right, None, 1, 10.0));
        let mut b = Kept::default();
        b.take(answer(Mark::Wrong, Some(SlipKind::Sign), 1, 20.0));
        let t = tally("s", "q", [&a, &b].into_iter(), 3);
        assert_eq!((t.answered, t.of), (2, 3));
        assert_eq!((t.right, t.close, t.wrong), (1, 0, 1));
        assert_eq!(t.slips, vec![(SlipKind::Sign, 1)]);
        // Median of 10 and 20.
        assert_eq!(t.median_secs, Some(15.0));
        assert_eq!(t.struggled(), 2);
    }

    #[test]
    fn the_latest_result_counts_and_every_slip_is_kept_once() {
        let mut k = Kept::default();
        assert!(k.take(answer(Mark::Wrong, Some(SlipKind::Sign), 1, 5.0)));
        // The same result sent again after a reconnect adds no slip.
        assert!(!k.take(answer(Mark::Wrong, Some(SlipKind::Sign), 1, 5.0)));
        assert!(k.take(answer(Mark::Wrong, Some(SlipKind::ForgotMean), 2, 8.0)));
        assert!(k.take(answer(Mark::Right, None, 3, 12.0)));
        // Every result again, in order, as after a reconnect: no change.
        assert!(!k.take(answer(Mark::Wrong, Some(SlipKind::Sign), 1, 5.0)));
        assert!(!k.take(answer(Mark::Wrong, Some(SlipKind::ForgotMean), 2, 8.0)));
        assert!(!k.take(answer(Mark::Right, None, 3, 12.0)));
        let t = tally("s", "q", std::iter::once(&k), 1);
        assert_eq!((t.right, t.wrong), (1, 0));
        assert_eq!(
            t.slips,
            vec![(SlipKind::Sign, 1), (SlipKind::ForgotMean, 1)]
        );
        assert_eq!(t.median_secs, Some(12.0));
    }

    #[test]
    fn nobody_answering_has_no_median() {
        let t = tally("s", "q", std::iter::empty(), 4);
        assert_eq!((t.answered, t.of, t.median_secs), (0, 4, None));
    }
}
