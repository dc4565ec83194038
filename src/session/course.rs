//! A learner's way through the lessons of a catalog: when a lesson counts
//! as finished, where "continue" goes, and which lesson comes after one.
//! The home list, the end of a lesson in the TUI and the end of the plain
//! runner all use these rules.

use crate::lesson::Outline;
use crate::progress::Progress;
use crate::quiz::Outcome;

/// How far a learner is through one lesson, from the saved progress.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LessonStatus {
    pub steps: usize,
    /// Steps the learner has looked at.
    pub seen: usize,
    pub questions: usize,
    /// Questions with a counted answer (right or not).
    pub answered: usize,
    pub right: usize,
    /// Questions to look at again (missed, or right only after the
    /// solution).
    pub review: usize,
}

impl LessonStatus {
    /// The status of `lesson` (a checked lesson, or the list's header of
    /// one) in `progress`.
    #[must_use]
    pub fn of(lesson: &impl Outline, progress: &Progress) -> Self {
        let id = lesson.lesson_id();
        let (right, review) = progress.quiz_score(id, lesson.questions());
        Self {
            steps: lesson.step_ids().count(),
            seen: progress.seen_count(id, lesson.step_ids()),
            questions: lesson.questions().count(),
            answered: (lesson.questions())
                .filter(|(s, q)| answered(progress, id, s, q))
                .count(),
            right,
            review,
        }
    }

    /// Every step seen and every question answered: what ✓ on the lesson
    /// list means.
    #[must_use]
    pub fn finished(&self) -> bool {
        self.seen >= self.steps && self.answered >= self.questions
    }
}

fn answered(progress: &Progress, lesson: &str, step: &str, question: &str) -> bool {
    (progress.lesson(lesson))
        .and_then(|l| l.quiz.get(step))
        .and_then(|qs| qs.get(question))
        .is_some_and(|r| r.outcome != Outcome::Unanswered)
}

/// The first step (0-based) of `lesson` that the learner has not seen, or
/// whose questions are not all answered; `None` when the lesson is finished.
#[must_use]
pub fn first_unfinished(lesson: &impl Outline, progress: &Progress) -> Option<usize> {
    let id = lesson.lesson_id();
    let saved = progress.lesson(id);
    let mut step_ids = lesson.step_ids();
    step_ids.position(|s| {
        let seen = saved.is_some_and(|l| l.seen.contains(s));
        let open_question = (lesson.questions())
            .filter(|(step, _)| *step == s)
            .any(|(_, q)| !answered(progress, id, s, q));
        !seen || open_question
    })
}

/// The lesson after `current` in `lessons` (the catalog's order, `None`
/// for a file that does not load): the next one that loads.
#[must_use]
pub fn next_lesson<L: Outline>(lessons: &[Option<&L>], current: usize) -> Option<usize> {
    (current + 1..lessons.len()).find(|&i| lessons[i].is_some())
}

/// Where "continue" goes from lesson `from`: its first unfinished step,
/// else the first unfinished step of a later lesson (then of an earlier
/// one). `None` when every lesson is finished.
#[must_use]
pub fn continue_at<L: Outline>(
    lessons: &[Option<&L>],
    progress: &Progress,
    from: usize,
) -> Option<(usize, usize)> {
    let n = lessons.len();
    (0..n)
        .map(|k| (from + k) % n.max(1))
        .find_map(|i| Some((i, first_unfinished(lessons[i]?, progress)?)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::{Catalog, Lesson};
    use crate::progress::Change;
    use crate::quiz::QuestionRecord;

    fn lessons() -> Vec<Lesson> {
        let cat = Catalog::builtin();
        let mut out: Vec<Lesson> = (cat.entries().iter())
            .filter_map(|e| e.load().ok())
            .collect();
        out.truncate(3);
        out
    }

    fn see_all(p: &mut Progress, l: &Lesson) {
        for s in &l.steps {
            p.apply(
                &Change::Visit {
                    lesson: l.id.clone(),
                    step: s.id.clone(),
                },
                1,
            );
        }
    }

    fn answer_all(p: &mut Progress, l: &Lesson, outcome: Outcome) {
        for (step, q) in l.quiz_questions() {
            let record = QuestionRecord {
                step: step.into(),
                question: q.into(),
                attempts: 1,
                hints_used: 0,
                solution_seen: false,
                outcome,
            };
            let change = Change::Quiz {
                lesson: l.id.clone(),
                record: record.into(),
            };
            p.apply(&change, 1);
        }
    }

    #[test]
    fn a_lesson_is_finished_only_when_every_step_is_seen_and_every_question_answered() {
        let ls = lessons();
        let quiz = ls.iter().find(|l| l.quiz_questions().count() > 0);
        let l = quiz.expect("a built-in lesson with questions");
        let mut p = Progress::default();
        assert!(!LessonStatus::of(l, &p).finished());
        see_all(&mut p, l);
        let s = LessonStatus::of(l, &p);
        assert_eq!(s.seen, s.steps);
        assert!(!s.finished(), "seen but questions unanswered: {s:?}");
        let first_quiz = l.steps.iter().position(|s| !s.kind.questions().is_empty());
        assert_eq!(first_unfinished(l, &p), first_quiz);
        answer_all(&mut p, l, Outcome::Missed);
        let s = LessonStatus::of(l, &p);
        assert!(s.finished(), "a missed answer is an answer: {s:?}");
        assert_eq!((s.right, s.review), (0, s.questions));
        assert_eq!(first_unfinished(l, &p), None);
    }

    #[test]
    fn continue_goes_to_the_first_unseen_step_then_to_the_next_lesson() {
        let ls = lessons();
        let refs: Vec<Option<&Lesson>> = ls.iter().map(Some).collect();
        let mut p = Progress::default();
        assert_eq!(continue_at(&refs, &p, 1), Some((1, 0)));
        p.apply(
            &Change::Visit {
                lesson: ls[1].id.clone(),
                step: ls[1].steps[0].id.clone(),
            },
            1,
        );
        assert_eq!(continue_at(&refs, &p, 1), Some((1, 1)));
        see_all(&mut p, &ls[1]);
        answer_all(&mut p, &ls[1], Outcome::Right);
        assert_eq!(continue_at(&refs, &p, 1), Some((2, 0)));
        // The last lesson finished: back round to the first unfinished one.
        for l in &ls[1..] {
            see_all(&mut p, l);
            answer_all(&mut p, l, Outcome::Right);
        }
        assert_eq!(continue_at(&refs, &p, 2), Some((0, 0)));
        see_all(&mut p, &ls[0]);
        answer_all(&mut p, &ls[0], Outcome::Right);
        assert_eq!(continue_at(&refs, &p, 2), None);
    }

    #[test]
    fn the_next_lesson_skips_files_that_do_not_load() {
        let ls = lessons();
        let refs = [Some(&ls[0]), None, Some(&ls[1])];
        assert_eq!(next_lesson(&refs, 0), Some(2));
        assert_eq!(next_lesson(&refs, 2), None);
    }
}
