//! A class in the full-screen program: the instructor's and the learner's
//! state (the panel, the tally as last read, the following rules of
//! [`crate::class::follow`]), their keys, and how keys and class events
//! change the app. No I/O here: what must go to the class is queued
//! ([`TeacherCmd`], [`LearnerCmd`]) for the event loop
//! ([`super::class_loop`]).

use std::collections::VecDeque;
use std::time::Instant;

use super::app::{App, Input, LessonState, Origin, Screen, StepState};
use super::keymap::{Binding, Context, Key};
use super::message::Message;
use crate::class::follow::{self, Follow, Link, Move, NotDone, Refused};
use crate::class::protocol::{Batch, RunState};
use crate::class::{Answer, ClassState, Notice, Snapshot};
use crate::engine::BatchSize;
use crate::session::Session;
use crate::session::training::Play;
use crate::words::Done;
use crate::words::class::ClassDone;

/// A class key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClassKey {
    Panel,
    Lock,
    Hold,
    Reveal,
    End,
    Rejoin,
    MarkDone,
    /// Scroll the class panel (while it is open and longer than the screen).
    PanelDown,
    PanelUp,
}

use Key::Char;

const fn bind(keys: &'static [Key], k: ClassKey, footer: &'static [Key]) -> Binding {
    Binding {
        keys,
        msg: Message::Class(k),
        footer,
    }
}

/// The instructor's class keys (on every lesson screen but while typing).
pub const TEACHER: &[Binding] = &[
    bind(&[Char('c')], ClassKey::Panel, &[Char('c')]),
    bind(&[Char('K')], ClassKey::Lock, &[]),
    bind(&[Char('H')], ClassKey::Hold, &[]),
    bind(&[Char('V')], ClassKey::Reveal, &[]),
    bind(&[Char('X')], ClassKey::End, &[]),
];

/// A learner's class keys.
pub const LEARNER: &[Binding] = &[
    bind(&[Char('F')], ClassKey::Rejoin, &[Char('F')]),
    bind(&[Char('D')], ClassKey::MarkDone, &[Char('D')]),
    bind(&[Char('c')], ClassKey::Panel, &[Char('c')]),
];

/// The panel's scroll keys, the help box's (while the panel is open and
/// longer than the screen; the panel covers the body then).
pub const PANEL_SCROLL: &[Binding] = &[
    bind(&[Char('j')], ClassKey::PanelDown, &[]),
    bind(&[Char('k')], ClassKey::PanelUp, &[]),
];

/// Notices kept for the panel.
pub const RECENT: usize = 4;

/// Something the instructor's keys ask of the class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeacherCmd {
    Lock(bool),
    Hold(bool),
    Reveal,
    End,
}

/// Something the learner's keys send to the instructor.
#[derive(Clone, Debug, PartialEq)]
pub enum LearnerCmd {
    Away(bool),
    Result(Answer),
    Done(String),
}

/// The instructor's side of a class.
#[derive(Clone, Debug, Default)]
pub struct TeacherUi {
    pub panel: bool,
    /// The tally and learners as last read from the class.
    pub snapshot: Option<Snapshot>,
    /// Joins, leaves and refusals, newest last.
    pub recent: VecDeque<Notice>,
    pub locked: bool,
    pub hold: bool,
    /// The end key was pressed once.
    pub end_asked: bool,
    /// q or Esc was pressed once: again ends the class.
    pub leave_asked: bool,
    /// The join code and what learners join (the class name or path).
    pub join: Option<(String, String)>,
    /// Lines of the panel scrolled past.
    pub panel_scroll: u16,
    pub out: Vec<TeacherCmd>,
}

/// A learner's side of a class.
#[derive(Clone, Debug)]
pub struct LearnerUi {
    pub follow: Follow,
    /// The panel with the class's revealed answers.
    pub panel: bool,
    /// Lines of the panel scrolled past.
    pub panel_scroll: u16,
    /// When the shown step was opened, and which (answer times count from it).
    pub since: (usize, Instant),
    /// Steps whose graded prediction was sent.
    pub predicted: Vec<String>,
    /// q or Esc was pressed once: again leaves the class.
    pub leave_asked: bool,
    pub out: Vec<LearnerCmd>,
}

impl Default for LearnerUi {
    fn default() -> Self {
        Self {
            follow: Follow::new(),
            panel: false,
            panel_scroll: 0,
            since: (usize::MAX, Instant::now()),
            predicted: Vec::new(),
            leave_asked: false,
            out: Vec::new(),
        }
    }
}

/// The class side of the app.
#[derive(Clone, Debug)]
pub enum ClassUi {
    Teacher(TeacherUi),
    Learner(LearnerUi),
}

/// A class event for the learner, as the event loop hands it over.
#[derive(Debug)]
pub enum LearnerEvent {
    Joined,
    Waiting,
    /// The lesson, opened with the learner's own progress.
    Lesson(Box<Session>),
    State(ClassState),
}

impl App {
    /// The instructor's class state, if this is the instructor's app.
    #[must_use]
    pub fn teacher(&self) -> Option<&TeacherUi> {
        match self.class.as_deref() {
            Some(ClassUi::Teacher(t)) => Some(t),
            _ => None,
        }
    }

    pub fn teacher_mut(&mut self) -> Option<&mut TeacherUi> {
        match self.class.as_deref_mut() {
            Some(ClassUi::Teacher(t)) => Some(t),
            _ => None,
        }
    }

    /// The learner's class state, if this is a learner's app.
    #[must_use]
    pub fn learner(&self) -> Option<&LearnerUi> {
        match self.class.as_deref() {
            Some(ClassUi::Learner(l)) => Some(l),
            _ => None,
        }
    }

    pub fn learner_mut(&mut self) -> Option<&mut LearnerUi> {
        match self.class.as_deref_mut() {
            Some(ClassUi::Learner(l)) => Some(l),
            _ => None,
        }
    }

    /// Whether the class panel is open.
    #[must_use]
    pub fn class_panel(&self) -> bool {
        match self.class.as_deref() {
            Some(ClassUi::Teacher(t)) => t.panel,
            Some(ClassUi::Learner(l)) => l.panel,
            None => false,
        }
    }

    /// A learner's app waiting for the instructor's lesson: `q` quits.
    #[must_use]
    pub fn learner_waiting(progress: crate::progress::Progress, cfg: super::Config) -> Self {
        let mut app = App::home(Vec::new(), progress, cfg);
        app.origin = Origin::Direct;
        app.class = Some(Box::new(ClassUi::Learner(LearnerUi::default())));
        app
    }
}

/// The class keys of this app in `ctx`, if the class keys work there (not
/// while typing an answer or a step number, nor under the help): the
/// instructor's or the learner's, and the panel's scroll keys while the
/// open panel is longer than the screen.
#[must_use]
pub fn bindings(app: &App, ctx: Context) -> Vec<Binding> {
    let mut all = role_bindings(app, ctx).to_vec();
    if !all.is_empty() && app.class_panel() && super::class_view::panel_max_scroll(app) > 0 {
        all.extend_from_slice(PANEL_SCROLL);
    }
    all
}

fn role_bindings(app: &App, ctx: Context) -> &'static [Binding] {
    let on_lesson =
        super::keymap::STEP_CONTEXTS.contains(&ctx) && matches!(app.screen, Screen::Lesson(_));
    match app.class.as_deref() {
        Some(ClassUi::Teacher(_)) if on_lesson => TEACHER,
        Some(ClassUi::Learner(_)) if on_lesson => LEARNER,
        _ => &[],
    }
}

/// The class keys the footer names now (a learner's F only when away, D
/// only when held).
#[must_use]
pub fn footer_bindings(app: &App) -> Vec<Binding> {
    let all = bindings(app, app.screen_context());
    match app.learner() {
        Some(l) => (all.into_iter())
            .filter(|b| match b.msg {
                Message::Class(ClassKey::Rejoin) => l.follow.away(),
                Message::Class(ClassKey::MarkDone) => l.follow.held(),
                _ => true,
            })
            .collect(),
        None => all,
    }
}

/// The class message of a key, if a class key applies (a digit-like
/// character of a prediction stays the prediction's).
#[must_use]
pub fn message_for(key: Key, app: &App) -> Option<Message> {
    let ctx = app.context();
    if let (Context::Predict, Char(c)) = (ctx, key)
        && super::predict_view::is_number_char(c)
    {
        return None;
    }
    bindings(app, ctx)
        .into_iter()
        .find(|b| b.keys.contains(&key))
        .map(|b| b.msg)
}

/// What a lesson message would do to a learner's place.
#[must_use]
pub fn move_of(msg: Message) -> Move {
    use super::dashboard::DashKey as D;
    match msg {
        Message::Next
        | Message::Prev
        | Message::First
        | Message::Last
        | Message::JumpStart
        | Message::JumpConfirm
        | Message::OpenNextLesson => Move::Step,
        Message::Dash(D::CyclePanel | D::ToggleLog) => Move::Look,
        Message::Dash(_) => Move::Run,
        _ => Move::Look,
    }
}

/// Whether a learner may do `msg` now; a refused key says why in the top
/// bar, and the first key that steps away tells the instructor.
pub fn allows(app: &mut App, msg: Message) -> bool {
    let Screen::Lesson(l) = &mut app.screen else {
        return true;
    };
    // Leaving a class is one slip of a finger away (Esc closes so much
    // else): q or Esc asks first, and only a second press in a row leaves.
    if let Some(class) = app.class.as_deref_mut() {
        let (asked, done) = match class {
            ClassUi::Teacher(t) => (&mut t.leave_asked, ClassDone::QuitAsk),
            ClassUi::Learner(c) => (&mut c.leave_asked, ClassDone::LeaveAsk),
        };
        match msg {
            Message::Back if !*asked => {
                *asked = true;
                l.last = Done::Class(done);
                return false;
            }
            Message::Back | Message::Tick | Message::Resize(..) => {}
            _ => *asked = false,
        }
    }
    let Some(ClassUi::Learner(c)) = app.class.as_deref_mut() else {
        return true;
    };
    // The offer of the next chapter: declining it is only looking.
    if matches!(l.input, Input::NextLesson(_)) && msg != Message::OpenNextLesson {
        return true;
    }
    match c.follow.attempt(move_of(msg)) {
        Ok(newly) => {
            if newly {
                c.out.push(LearnerCmd::Away(true));
            }
            true
        }
        Err(Refused::Locked) => {
            l.last = Done::Class(ClassDone::LockedRefusal);
            false
        }
    }
}

/// After a lesson message: a learner's graded answer goes to the class, a
/// run freed by the learner's prediction goes to the instructor's place;
/// the instructor's end key must be pressed twice in a row.
pub fn after(app: &mut App, msg: Message) {
    if let Some(t) = app.teacher_mut()
        && msg != Message::Class(ClassKey::End)
    {
        t.end_asked = false;
    }
    let Screen::Lesson(l) = &mut app.screen else {
        return;
    };
    let Some(ClassUi::Learner(c)) = app.class.as_deref_mut() else {
        return;
    };
    let index = l.session.index();
    if c.since.0 != index {
        c.since = (index, Instant::now());
    }
    // The prediction made, the step's runs start: at the instructor's
    // place when following there.
    let st = c.follow.instructor();
    if matches!(msg, Message::Predict(_))
        && !matches!(l.step, StepState::Predict(_))
        && !c.follow.away()
        && st.step == index
    {
        follow_run(l, &st.run);
    }
    if let StepState::Quiz(q) = &mut l.step
        && let Some((question, grade, tries)) = q.take_graded()
    {
        let step = l.session.step().id.clone();
        let hints = l.session.state_of(&step, &question).hints_used;
        let secs = c.since.1.elapsed().as_secs_f64();
        if let Some(a) = follow::result_of(&step, &question, &grade, tries, hints, secs) {
            c.out.push(LearnerCmd::Result(a));
        }
    }
}

/// A learner's prediction graded by its run (between frames) goes to the
/// class once per step.
pub fn learner_poll(app: &mut App) {
    let Screen::Lesson(l) = &app.screen else {
        return;
    };
    let Some(ClassUi::Learner(c)) = app.class.as_deref_mut() else {
        return;
    };
    let s = &l.session;
    let (Some(q), Some(right)) = (
        s.predict_question(),
        (s.prediction())
            .and_then(|p| p.verdict.as_ref())
            .and_then(|v| v.right),
    ) else {
        return;
    };
    let step = &s.step().id;
    if c.predicted.contains(step) {
        return;
    }
    c.predicted.push(step.clone());
    let secs = c.since.1.elapsed().as_secs_f64();
    c.out.push(LearnerCmd::Result(follow::prediction_result(
        step, &q.id, right, secs,
    )));
}

/// A class key.
pub fn key(app: &mut App, k: ClassKey) {
    // Any key between two presses of q cancels leaving.
    match app.class.as_deref_mut() {
        Some(ClassUi::Teacher(t)) => t.leave_asked = false,
        Some(ClassUi::Learner(c)) => c.leave_asked = false,
        None => {}
    }
    if let ClassKey::PanelDown | ClassKey::PanelUp = k {
        scroll_panel(app, if k == ClassKey::PanelDown { 1 } else { -1 });
        return;
    }
    let teacher = app.teacher().is_some();
    let done = if teacher {
        teacher_key(app, k)
    } else {
        learner_key(app, k)
    };
    if let (Some(done), Screen::Lesson(l)) = (done, &mut app.screen) {
        l.last = Done::Class(done);
    }
}

fn teacher_key(app: &mut App, k: ClassKey) -> Option<ClassDone> {
    let t = app.teacher_mut()?;
    if k != ClassKey::End {
        t.end_asked = false;
    }
    Some(match k {
        ClassKey::Panel => {
            t.panel = !t.panel;
            t.panel_scroll = 0;
            if t.panel {
                ClassDone::PanelShown
            } else {
                ClassDone::PanelHidden
            }
        }
        ClassKey::Lock => {
            t.locked = !t.locked;
            t.out.push(TeacherCmd::Lock(t.locked));
            if t.locked {
                ClassDone::Locked
            } else {
                ClassDone::Freed
            }
        }
        ClassKey::Hold => {
            t.hold = !t.hold;
            t.out.push(TeacherCmd::Hold(t.hold));
            if t.hold {
                ClassDone::Holding
            } else {
                ClassDone::Released
            }
        }
        ClassKey::Reveal => {
            t.out.push(TeacherCmd::Reveal);
            t.panel = true;
            ClassDone::RevealSent
        }
        ClassKey::End if t.end_asked => {
            t.out.push(TeacherCmd::End);
            app.running = false;
            ClassDone::Ended
        }
        ClassKey::End => {
            t.end_asked = true;
            ClassDone::EndAsk
        }
        ClassKey::Rejoin | ClassKey::MarkDone | ClassKey::PanelDown | ClassKey::PanelUp => {
            return None;
        }
    })
}

fn learner_key(app: &mut App, k: ClassKey) -> Option<ClassDone> {
    let c = app.learner_mut()?;
    match k {
        ClassKey::Panel => {
            c.panel = !c.panel;
            c.panel_scroll = 0;
            Some(if c.panel {
                ClassDone::PanelShown
            } else {
                ClassDone::PanelHidden
            })
        }
        ClassKey::Rejoin => {
            if c.follow.rejoin() {
                c.out.push(LearnerCmd::Away(false));
            }
            go_to_instructor(app, true);
            Some(ClassDone::Rejoined)
        }
        ClassKey::MarkDone => Some(match c.follow.mark_done() {
            Ok(step) => {
                c.out.push(LearnerCmd::Done(step));
                ClassDone::MarkedDone
            }
            Err(NotDone::NotHeld) => ClassDone::NotHeld,
            Err(NotDone::Already) => ClassDone::AlreadyDone,
        }),
        ClassKey::Lock
        | ClassKey::Hold
        | ClassKey::Reveal
        | ClassKey::End
        | ClassKey::PanelDown
        | ClassKey::PanelUp => None,
    }
}

/// Scrolls the class panel by `by` lines within its length.
fn scroll_panel(app: &mut App, by: i32) {
    let max = i32::from(super::class_view::panel_max_scroll(app));
    let scroll = match app.class.as_deref_mut() {
        Some(ClassUi::Teacher(t)) => &mut t.panel_scroll,
        Some(ClassUi::Learner(c)) => &mut c.panel_scroll,
        None => return,
    };
    let next = (i32::from(*scroll).min(max) + by).clamp(0, max);
    *scroll = u16::try_from(next).unwrap_or(0);
}

/// A class event for a learner.
pub fn learner_event(app: &mut App, ev: LearnerEvent) {
    let Some(c) = app.learner_mut() else {
        return;
    };
    let said = match ev {
        LearnerEvent::Joined => {
            c.follow.set_link(Link::Joined);
            Some(ClassDone::Joined)
        }
        LearnerEvent::Waiting => {
            c.follow.set_link(Link::Waiting);
            Some(ClassDone::Waiting)
        }
        LearnerEvent::Lesson(session) => {
            let known = c.follow.known();
            let step = StepState::start(&session, app.theme);
            app.screen = Screen::Lesson(Box::new(LessonState {
                session: *session,
                step,
                tick_changed: false,
                input: Input::Normal,
                note_scroll: 0,
                last: Done::Class(ClassDone::Joined),
            }));
            app.record_visit();
            if let Some(c) = app.learner_mut() {
                c.since = (0, Instant::now());
            }
            if known {
                go_to_instructor(app, true);
            }
            None
        }
        LearnerEvent::State(st) => {
            let ch = c.follow.take(st);
            if ch.revealed {
                c.panel = true;
            }
            if ch.go {
                go_to_instructor(app, ch.called_back);
            }
            if ch.ended {
                Some(ClassDone::Ended)
            } else if ch.called_back {
                Some(ClassDone::CalledBack)
            } else if ch.revealed {
                Some(ClassDone::Revealed)
            } else if ch.held {
                Some(ClassDone::HeldNow)
            } else if ch.locked {
                Some(ClassDone::LockedNow)
            } else if ch.freed {
                Some(ClassDone::FreedNow)
            } else {
                None
            }
        }
    };
    if let (Some(said), Screen::Lesson(l)) = (said, &mut app.screen) {
        l.last = Done::Class(said);
    }
}

/// Shows the instructor's step and run; `fresh` rebuilds the step's view
/// even on the same step (a rejoin drops the learner's own replay).
fn go_to_instructor(app: &mut App, fresh: bool) {
    let Some(c) = app.learner() else {
        return;
    };
    let st = c.follow.instructor().clone();
    let theme = app.theme;
    let Screen::Lesson(l) = &mut app.screen else {
        return;
    };
    let moved = l.session.index() != st.step;
    if moved {
        if l.session.goto(st.step).is_err() {
            return;
        }
        if let Some(ClassUi::Learner(c)) = app.class.as_deref_mut() {
            c.since = (st.step, Instant::now());
        }
        l.last = Done::Class(ClassDone::Followed(st.step + 1));
    }
    let live = !matches!(l.step, StepState::Page { .. } | StepState::Quiz(_));
    if moved || (fresh && live) {
        l.step = StepState::start(&l.session, theme);
        l.note_scroll = 0;
        l.input = Input::Normal;
    }
    follow_run(l, &st.run);
    if moved {
        app.record_visit();
    }
}

/// Brings the step's runs to the instructor's: a training run, a
/// comparison, a landscape's runs or a plot's exercise. A place the
/// learner's copy cannot reach (a message from an instructor whose lesson
/// differs) leaves it where it is.
fn follow_run(l: &mut LessonState, run: &RunState) {
    let epoch = usize::try_from(run.epoch).unwrap_or(usize::MAX);
    match &mut l.step {
        StepState::Train(d) => follow_training(d, run),
        StepState::Compare(c) => {
            let _ = c.comparison_mut().follow(epoch, run.playing);
        }
        StepState::Landscape(v) => {
            if let (Some(scale), Some(steps)) = (run.rate_scale, &run.steps) {
                let _ = v.landscape_mut().follow(scale, steps, run.playing);
            }
        }
        StepState::Plot(p) => {
            // The plain instructor sends no η: the lesson's.
            let lesson = p.plot().learning_rates().map(|(lesson, _)| lesson);
            if let Some(rate) = run.learning_rate.or(lesson) {
                let _ = p.plot_mut().follow(rate, u64::from(run.epoch), run.playing);
            }
        }
        StepState::Page { .. } | StepState::Quiz(_) | StepState::Predict(_) => {}
    }
}

/// Brings a training step's run to the instructor's: the same epoch when
/// paused (trained up to it, or started again when past it), playing when
/// they play (never ahead of them by stepping).
fn follow_training(d: &mut super::dashboard::Dashboard, run: &RunState) {
    use super::dashboard::DashKey;
    let epoch_of = |d: &super::dashboard::Dashboard| d.training().shown().map_or(0, |r| r.epoch);
    if let (Some(seed), Some(rate), Some(batch)) = (run.seed, run.learning_rate, run.batch) {
        let batch = match batch {
            Batch::Rows(n) => BatchSize::Rows(usize::try_from(n).unwrap_or(usize::MAX)),
            Batch::Full => BatchSize::FULL,
        };
        d.follow_settings(seed, rate, batch);
    }
    let target = usize::try_from(run.epoch).unwrap_or(usize::MAX);
    if !run.playing && epoch_of(d) > target {
        d.key(DashKey::Restart);
    }
    // At most this many epochs at once, so a far-off epoch cannot stall.
    for _ in 0..2000 {
        let now = epoch_of(d);
        if now >= target {
            break;
        }
        d.key(DashKey::Epoch);
        if epoch_of(d) == now {
            break;
        }
    }
    let playing = d.training().play() == Play::Playing;
    if playing != run.playing {
        d.key(DashKey::PlayPause);
    }
}

/// The instructor's place to publish: step, step id and run.
#[must_use]
pub fn teacher_place(app: &App) -> Option<(usize, String, RunState)> {
    let Screen::Lesson(l) = &app.screen else {
        return None;
    };
    Some((
        l.session.index(),
        l.session.step().id.clone(),
        run_of(&l.step),
    ))
}

/// The run a step shows, as the class sends it.
fn run_of(step: &StepState) -> RunState {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    match step {
        StepState::Train(d) => {
            let t = d.training();
            let cfg = t.run().trainer.config();
            RunState {
                epoch: t.shown().map_or(0, |r| count(r.epoch)),
                playing: t.play() == Play::Playing,
                seed: Some(t.spec().seed),
                learning_rate: Some(cfg.learning_rate),
                batch: Some(match cfg.batch_size {
                    BatchSize::Rows(n) => Batch::Rows(u64::try_from(n).unwrap_or(u64::MAX)),
                    BatchSize::Full(_) => Batch::Full,
                }),
                ..RunState::default()
            }
        }
        StepState::Compare(c) => {
            let c = c.comparison();
            RunState {
                epoch: count(c.epochs()),
                playing: c.playing(),
                ..RunState::default()
            }
        }
        StepState::Landscape(v) => {
            let land = v.landscape();
            let epochs = (land.runs().iter())
                .filter_map(|r| r.trainer.history().last().map(|h| h.epoch))
                .max();
            RunState {
                epoch: count(epochs.unwrap_or(0)),
                playing: land.playing(),
                rate_scale: Some(land.rate_scale()),
                steps: Some(land.iterations()),
                ..RunState::default()
            }
        }
        StepState::Plot(p) => {
            let p = p.plot();
            RunState {
                epoch: count(p.shown()),
                playing: p.playing(),
                learning_rate: p.learning_rates().map(|(_, now)| now),
                ..RunState::default()
            }
        }
        StepState::Page { .. } | StepState::Quiz(_) | StepState::Predict(_) => RunState::default(),
    }
}

/// Keeps a class notice for the instructor's panel; true when the panel
/// lists it.
pub fn teacher_notice(app: &mut App, n: Notice) -> bool {
    let Some(t) = app.teacher_mut() else {
        return false;
    };
    match n {
        Notice::Joined { .. }
        | Notice::Left { .. }
        | Notice::WrongCode
        | Notice::Dropped { .. }
        | Notice::TallyNotKept { .. } => {
            if t.recent.len() >= RECENT {
                t.recent.pop_front();
            }
            t.recent.push_back(n);
            true
        }
        Notice::Answered { .. } | Notice::Done { .. } => false,
    }
}
