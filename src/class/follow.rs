//! The rules of following the instructor, the same for every front end: a
//! learner follows until they step away (another step, or the shown run
//! played, scrubbed or changed); a key brings them back to the instructor's
//! place; while the instructor locks the class, stepping away is refused
//! with the reason, and a learner who was away is called back. A held step
//! is marked done once. UI-free: the TUI and the plain learner only show it.

use super::protocol::{Answer, ClassState, Mark, SlipKind};

/// The connection to the instructor's instance, as the learner sees it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Link {
    /// Not joined yet.
    #[default]
    Joining,
    Joined,
    /// The instructor's instance is gone; the client tries again by itself.
    Waiting,
    /// The instructor ended the class.
    Ended,
}

/// What the learner's header says about following.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    Following,
    /// Stepped away; a key rejoins.
    Away,
    /// Not connected (joining, or the instructor is gone for now).
    Waiting,
    Ended,
}

/// What a learner's action would do to their place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Another step: next, back, a step number, first, last.
    Step,
    /// The shown run: play, pause, an epoch, scrub, restart, η, batch,
    /// seed, speed.
    Run,
    /// Only looking or answering: scrolling, panels, language, help, the
    /// learner's own answers and predictions.
    Look,
}

/// Why an action is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The instructor has locked the class: the learner follows for now.
    Locked,
}

/// Why a held step cannot be marked done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotDone {
    /// The instructor is not holding the class.
    NotHeld,
    /// Already marked.
    Already,
}

/// What a new instructor state changed for the learner.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changed {
    /// The instructor's step (its number or id) changed.
    pub step: bool,
    /// The instructor's run (epoch, playing) changed.
    pub run: bool,
    /// The class was locked just now.
    pub locked: bool,
    /// The class was freed just now.
    pub freed: bool,
    /// The instructor started holding the class (on this step).
    pub held: bool,
    /// A new aggregate was revealed.
    pub revealed: bool,
    /// The learner was away and the lock called them back.
    pub called_back: bool,
    /// The class has ended.
    pub ended: bool,
    /// Where the learner should show now: the instructor's place when
    /// following and something of it changed.
    pub go: bool,
}

/// A learner's following state.
#[derive(Clone, Debug, Default)]
pub struct Follow {
    instr: ClassState,
    /// At least one state has arrived.
    known: bool,
    away: bool,
    link: Link,
    /// Step ids of held steps marked done.
    done: Vec<String>,
}

impl Follow {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The instructor's place as last heard.
    #[must_use]
    pub fn instructor(&self) -> &ClassState {
        &self.instr
    }

    /// Whether any state has arrived yet.
    #[must_use]
    pub fn known(&self) -> bool {
        self.known
    }

    #[must_use]
    pub fn away(&self) -> bool {
        self.away
    }

    #[must_use]
    pub fn link(&self) -> Link {
        self.link
    }

    /// The connection changed (joined, waiting). An ended class stays ended.
    pub fn set_link(&mut self, link: Link) {
        if self.link != Link::Ended {
            self.link = link;
        }
    }

    /// What the header says.
    #[must_use]
    pub fn standing(&self) -> Standing {
        match self.link {
            Link::Ended => Standing::Ended,
            Link::Joining | Link::Waiting => Standing::Waiting,
            Link::Joined if self.away => Standing::Away,
            Link::Joined => Standing::Following,
        }
    }

    /// Takes the instructor's new state and says what it changed. A lock
    /// calls an away learner back (`called_back`, and `go`).
    pub fn take(&mut self, st: ClassState) -> Changed {
        let prev = std::mem::replace(&mut self.instr, st);
        let first = !self.known;
        self.known = true;
        let st = &self.instr;
        let mut c = Changed {
            step: first || prev.step != st.step || prev.step_id != st.step_id,
            run: first || prev.run != st.run,
            locked: st.locked && !prev.locked,
            freed: !st.locked && prev.locked,
            ..Changed::default()
        };
        c.held = st.hold && (!prev.hold || c.step);
        c.revealed = st.reveal.is_some() && st.reveal != prev.reveal;
        c.ended = st.ended;
        if st.ended {
            self.link = Link::Ended;
        }
        if st.locked && self.away {
            self.away = false;
            c.called_back = true;
        }
        c.go = !self.away && (c.step || c.run || c.called_back);
        c
    }

    /// Asks to do something of kind `m`: `Ok(true)` when it takes the
    /// learner away just now (tell the instructor), `Ok(false)` when it is
    /// allowed and changes nothing, the reason when refused. After the
    /// class ended the learner is on their own: everything is allowed.
    pub fn attempt(&mut self, m: Move) -> Result<bool, Refused> {
        if m == Move::Look || self.link == Link::Ended {
            return Ok(false);
        }
        if self.instr.locked && self.link != Link::Waiting {
            return Err(Refused::Locked);
        }
        let newly = !self.away;
        self.away = true;
        Ok(newly)
    }

    /// Back to the instructor's place: returns whether the learner was
    /// away (then tell the instructor). The caller goes to
    /// [`Follow::instructor`]'s step and run.
    pub fn rejoin(&mut self) -> bool {
        std::mem::take(&mut self.away)
    }

    /// Whether the learner has marked the current held step done.
    #[must_use]
    pub fn marked_done(&self) -> bool {
        self.done.contains(&self.instr.step_id)
    }

    /// Whether the learner, following, is held on the instructor's step and
    /// has not marked it done (what the header asks for).
    #[must_use]
    pub fn held(&self) -> bool {
        self.instr.hold && !self.marked_done() && self.link == Link::Joined && !self.away
    }

    /// Marks the held step done: the step id to send.
    pub fn mark_done(&mut self) -> Result<String, NotDone> {
        if !self.instr.hold {
            return Err(NotDone::NotHeld);
        }
        if self.marked_done() {
            return Err(NotDone::Already);
        }
        self.done.push(self.instr.step_id.clone());
        Ok(self.instr.step_id.clone())
    }
}

/// The result sent for one graded answer, or `None` when the answer did
/// not count (an unreadable answer is not a try). Carries no numbers and
/// nothing the learner typed.
#[must_use]
pub fn result_of(
    step: &str,
    question: &str,
    grade: &crate::quiz::Grade,
    tries: u32,
    hints: u32,
    secs: f64,
) -> Option<Answer> {
    use crate::quiz::{Grade, Reason};
    if !grade.counts() {
        return None;
    }
    let (mark, slip) = match grade {
        Grade::Right => (Mark::Right, None),
        Grade::Close { .. } => (Mark::Close, None),
        Grade::Wrong { reason } => (
            Mark::Wrong,
            match reason {
                Reason::Slip(s) => Some(SlipKind::of(*s)),
                _ => None,
            },
        ),
    };
    Some(Answer {
        step: step.to_string(),
        question: question.to_string(),
        mark,
        slip,
        tries,
        hints,
        secs,
    })
}

/// The result sent for a step's prediction once its run graded it: right
/// or wrong, one try, no hints.
#[must_use]
pub fn prediction_result(step: &str, question: &str, right: bool, secs: f64) -> Answer {
    Answer {
        step: step.to_string(),
        question: question.to_string(),
        mark: if right { Mark::Right } else { Mark::Wrong },
        slip: None,
        tries: 1,
        hints: 0,
        secs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(step: usize) -> ClassState {
        ClassState {
            step,
            step_id: format!("s{step}"),
            ..ClassState::default()
        }
    }

    fn joined() -> Follow {
        let mut f = Follow::new();
        f.set_link(Link::Joined);
        let c = f.take(at(0));
        assert!(c.go && c.step);
        f
    }

    #[test]
    fn a_learner_follows_until_they_step_away_and_rejoin() {
        let mut f = joined();
        assert_eq!(f.standing(), Standing::Following);
        assert_eq!(f.attempt(Move::Look), Ok(false));
        assert_eq!(f.standing(), Standing::Following);
        assert_eq!(f.attempt(Move::Step), Ok(true), "first step away is news");
        assert_eq!(f.attempt(Move::Run), Ok(false), "already away");
        assert_eq!(f.standing(), Standing::Away);
        let c = f.take(at(3));
        assert!(c.step && !c.go, "an away learner stays where they are");
        assert!(f.rejoin());
        assert!(!f.rejoin(), "rejoining twice is not news");
        assert_eq!(f.instructor().step, 3);
        assert_eq!(f.standing(), Standing::Following);
        assert!(f.take(at(4)).go);
    }

    #[test]
    fn a_lock_refuses_stepping_away_and_calls_the_away_back() {
        let mut f = joined();
        f.attempt(Move::Step).unwrap();
        let c = f.take(ClassState {
            locked: true,
            ..at(0)
        });
        assert!(c.locked && c.called_back && c.go);
        assert!(!f.away());
        assert_eq!(f.attempt(Move::Step), Err(Refused::Locked));
        assert_eq!(f.attempt(Move::Run), Err(Refused::Locked));
        assert_eq!(f.attempt(Move::Look), Ok(false), "looking is always fine");
        assert_eq!(f.standing(), Standing::Following);
        let c = f.take(at(0));
        assert!(c.freed && !c.locked);
        assert_eq!(f.attempt(Move::Step), Ok(true));
    }

    #[test]
    fn waiting_and_ended_free_the_learner() {
        let mut f = joined();
        f.take(ClassState {
            locked: true,
            ..at(0)
        });
        f.set_link(Link::Waiting);
        assert_eq!(f.standing(), Standing::Waiting);
        assert_eq!(f.attempt(Move::Step), Ok(true), "no instructor to follow");
        f.set_link(Link::Joined);
        f.rejoin();
        let c = f.take(ClassState {
            ended: true,
            locked: true,
            ..at(0)
        });
        assert!(c.ended);
        assert_eq!(f.standing(), Standing::Ended);
        f.set_link(Link::Waiting);
        assert_eq!(f.standing(), Standing::Ended, "an ended class stays ended");
        assert_eq!(f.attempt(Move::Step), Ok(false));
    }

    #[test]
    fn a_held_step_is_marked_done_once_and_a_new_step_clears_it() {
        let mut f = joined();
        assert_eq!(f.mark_done(), Err(NotDone::NotHeld));
        let c = f.take(ClassState {
            hold: true,
            ..at(0)
        });
        assert!(c.held);
        assert!(f.held());
        f.attempt(Move::Step).unwrap();
        assert!(!f.held(), "away, the header does not ask for it");
        f.rejoin();
        assert_eq!(f.mark_done(), Ok("s0".to_string()));
        assert_eq!(f.mark_done(), Err(NotDone::Already));
        assert!(!f.held());
        let c = f.take(ClassState {
            hold: true,
            ..at(1)
        });
        assert!(c.held && f.held(), "another held step starts undone");
    }

    #[test]
    fn reveal_and_run_changes_are_reported_once() {
        let mut f = joined();
        let mut st = at(0);
        st.run.epoch = 5;
        let c = f.take(st.clone());
        assert!(c.run && c.go && !c.step);
        assert!(!f.take(st.clone()).run);
        st.reveal = Some(Vec::new());
        assert!(f.take(st.clone()).revealed);
        assert!(!f.take(st).revealed);
    }

    #[test]
    fn a_result_carries_the_mark_and_slip_but_no_numbers() {
        use crate::quiz::{Grade, Reason, Slip};
        let wrong = Grade::Wrong {
            reason: Reason::Slip(Slip::Sign),
        };
        let a = result_of("s", "q", &wrong, 1, 0, 2.0).unwrap();
        assert_eq!((a.mark, a.slip), (Mark::Wrong, Some(SlipKind::Sign)));
        let a = result_of("s", "q", &Grade::Right, 2, 1, 9.0).unwrap();
        assert_eq!(
            (a.mark, a.slip, a.tries, a.hints),
            (Mark::Right, None, 2, 1)
        );
    }
}
