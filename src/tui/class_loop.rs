//! The class's runtime in the full-screen program: the instructor's server
//! or the learner's client, read between frames. Class events wake the
//! event loop through a short poll while a class is live (the channels are
//! drained then; nothing is drawn unless something changed), and what the
//! keys queued ([`TeacherCmd`], [`LearnerCmd`]) is sent after each update.

use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use super::app::App;
use super::class_ui::{self, LearnerCmd, LearnerEvent, TeacherCmd};
use crate::class::client::{Client, Event};
use crate::class::protocol::RunState;
use crate::class::{Notice, Refusal, Server};
use crate::session::Session;
use crate::words::class::class_words;

/// How long the loop waits for a key before it looks at the class again.
pub const CLASS_POLL: Duration = Duration::from_millis(100);

/// While the instructor's run plays, its epoch is sent at most this often.
pub const PLAYING_EVERY: Duration = Duration::from_millis(250);

/// Opens the lesson the instructor sends (a built-in id, or the text of
/// their own file, checked as `nnstep check` would); the error is the
/// diagnostics as text.
pub type OpenLesson = Box<dyn FnMut(&str, Option<&str>) -> Result<Session, String>>;

/// The instructor's end of a class.
pub struct TeacherLink {
    pub server: Arc<Server>,
    pub notices: Receiver<Notice>,
    seen: u64,
    published: Option<(usize, String, RunState)>,
    at: Instant,
}

/// A learner's end of a class.
pub struct LearnerLink {
    pub client: Client,
    pub events: Receiver<Event>,
    pub open: OpenLesson,
    lesson: Option<(String, Option<String>)>,
}

/// A live class beside the app.
pub enum ClassLink {
    Teacher(TeacherLink),
    Learner(LearnerLink),
}

/// How a learner's class ended, when it ended the program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// A wrong code, another version: the message.
    Refused(String),
    /// The instructor's lesson cannot be used: the message and diagnostics.
    Lesson(String),
}

impl ClassLink {
    #[must_use]
    pub fn teacher(server: Arc<Server>, notices: Receiver<Notice>) -> Self {
        ClassLink::Teacher(TeacherLink {
            server,
            notices,
            seen: u64::MAX,
            published: None,
            at: Instant::now(),
        })
    }

    #[must_use]
    pub fn learner(client: Client, events: Receiver<Event>, open: OpenLesson) -> Self {
        ClassLink::Learner(LearnerLink {
            client,
            events,
            open,
            lesson: None,
        })
    }

    /// Takes what the class sent since the last call; true when the screen
    /// changed. A learner's refusal or unusable lesson ends the app with
    /// the reason.
    pub fn pump(&mut self, app: &mut App, ending: &mut Option<Ending>) -> bool {
        match self {
            ClassLink::Teacher(t) => t.pump(app),
            ClassLink::Learner(l) => l.pump(app, ending),
        }
    }

    /// Sends what the keys queued and, for the instructor, their place.
    pub fn flush(&mut self, app: &mut App) {
        match self {
            ClassLink::Teacher(t) => t.flush(app),
            ClassLink::Learner(l) => {
                class_ui::learner_poll(app);
                let Some(c) = app.learner_mut() else {
                    return;
                };
                for cmd in std::mem::take(&mut c.out) {
                    match cmd {
                        LearnerCmd::Away(a) => l.client.away(a),
                        LearnerCmd::Result(a) => l.client.result(a),
                        LearnerCmd::Done(step) => l.client.done(&step),
                    }
                }
            }
        }
    }
}

impl TeacherLink {
    fn pump(&mut self, app: &mut App) -> bool {
        let mut changed = false;
        while let Ok(n) = self.notices.try_recv() {
            changed |= class_ui::teacher_notice(app, n);
        }
        let now = self.server.changes();
        if now != self.seen {
            self.seen = now;
            if let Some(t) = app.teacher_mut() {
                t.snapshot = Some(self.server.snapshot());
            }
            changed = true;
        }
        changed
    }

    fn flush(&mut self, app: &mut App) {
        if let Some(place) = class_ui::teacher_place(app) {
            self.publish(app, place);
        }
        let Some(t) = app.teacher_mut() else {
            return;
        };
        let cmds = std::mem::take(&mut t.out);
        for cmd in cmds {
            match cmd {
                TeacherCmd::Lock(on) => self.server.update(|s| s.locked = on),
                TeacherCmd::Hold(on) => self.server.update(|s| s.hold = on),
                TeacherCmd::Reveal => {
                    let step = self.server.state().step_id;
                    let tallies: Vec<_> = (self.server.snapshot().questions.into_iter())
                        .filter(|q| q.step == step)
                        .collect();
                    self.server.update(|s| s.reveal = Some(tallies));
                }
                TeacherCmd::End => self.server.end(),
            }
        }
    }

    /// Sends the instructor's step and run when they changed; a new step
    /// starts with nothing held or revealed. While the run plays its epoch
    /// goes out at most every [`PLAYING_EVERY`].
    fn publish(&mut self, app: &mut App, place: (usize, String, RunState)) {
        if self.published.as_ref() == Some(&place) {
            return;
        }
        let (step, id, run) = place.clone();
        let new_step = self
            .published
            .as_ref()
            .is_none_or(|(s, i, _)| *s != step || *i != id);
        let was_playing = self.published.as_ref().is_some_and(|p| p.2.playing);
        if !new_step && run.playing && was_playing && self.at.elapsed() < PLAYING_EVERY {
            return;
        }
        self.published = Some(place);
        self.at = Instant::now();
        self.server.update(|s| {
            s.step = step;
            s.step_id = id;
            s.run = run;
            if new_step {
                s.hold = false;
                s.reveal = None;
            }
        });
        if new_step && let Some(t) = app.teacher_mut() {
            t.hold = false;
        }
    }
}

impl LearnerLink {
    fn pump(&mut self, app: &mut App, ending: &mut Option<Ending>) -> bool {
        let mut changed = false;
        let w = class_words(app.lang);
        while let Ok(ev) = self.events.try_recv() {
            changed = true;
            match ev {
                Event::Joined { .. } => class_ui::learner_event(app, LearnerEvent::Joined),
                Event::Waiting => class_ui::learner_event(app, LearnerEvent::Waiting),
                Event::Refused(r) => {
                    let msg = match r {
                        Refusal::Code => w.wrong_code,
                        Refusal::Version => w.other_version,
                        // Full, garbage, and any refusal a newer class adds.
                        _ => w.refused_garbage,
                    };
                    *ending = Some(Ending::Refused(msg.to_string()));
                    app.running = false;
                    return true;
                }
                Event::Lesson { id, text } => {
                    let key = (id, text);
                    if self.lesson.as_ref() == Some(&key) {
                        continue;
                    }
                    match (self.open)(&key.0, key.1.as_deref()) {
                        Ok(s) => {
                            class_ui::learner_event(app, LearnerEvent::Lesson(Box::new(s)));
                            self.lesson = Some(key);
                        }
                        Err(diags) => {
                            let head = if key.1.is_some() {
                                w.lesson_refused
                            } else {
                                w.lesson_missing
                            };
                            *ending = Some(Ending::Lesson(format!("{head}\n{diags}")));
                            app.running = false;
                            return true;
                        }
                    }
                }
                Event::State(st) => class_ui::learner_event(app, LearnerEvent::State(st)),
            }
        }
        changed
    }
}
