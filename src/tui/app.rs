//! The one state of the full-screen program. Screens and modes are enums,
//! so no two fields can contradict each other; `update` (in `update.rs`) is
//! the only code that changes it, and the views only borrow it.

use ratatui::layout::Size;

use super::compare::CompareView;
use super::dashboard::{Dashboard, Look};
use super::keymap::Context;
use super::predict_view::PredictView;
use super::quiz_view::QuizView;
use super::theme::Theme;
use crate::lesson::{Header, Lang, Lesson, StepKind, catalog};
use crate::progress::{Change, Progress};
use crate::session::{self, Session, Start};
use crate::words::Done;

/// Below this size the screens show a message instead of a squeezed layout.
pub const MIN_SIZE: Size = Size {
    width: 60,
    height: 20,
};

/// Settings from the command line and the environment.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    pub lang: Lang,
    pub theme: Theme,
    /// Replaces every training spec's seed (`--seed`).
    pub seed: Option<u64>,
}

/// One lesson of the catalog, as the list shows it.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The lesson id, or the file name when the file does not parse.
    pub id: String,
    /// What the list shows of the lesson, or how many problems `nnstep
    /// check` will report.
    pub header: Result<Header, usize>,
    /// The lesson, checked when it is first opened.
    pub lesson: Lazy,
}

/// A lesson parsed and checked only when it is opened.
#[derive(Clone, Debug)]
pub enum Lazy {
    /// The catalog's file, not parsed yet.
    Unread(catalog::Entry),
    Loaded(Box<Lesson>),
    /// The file does not load ([`Entry::header`] says how badly).
    Broken,
}

impl Entry {
    /// An entry for a lesson already checked.
    #[must_use]
    pub fn loaded(lesson: Lesson) -> Self {
        Self {
            id: lesson.id.clone(),
            header: Ok(Header::of(&lesson)),
            lesson: Lazy::Loaded(Box::new(lesson)),
        }
    }

    /// A file that does not load, with the number of its problems.
    #[must_use]
    pub fn broken(id: &str, problems: usize) -> Self {
        Self {
            id: id.to_string(),
            header: Err(problems),
            lesson: Lazy::Broken,
        }
    }

    /// The checked lesson, parsed now if it was not yet (and kept). A
    /// lesson that does not load is marked so on the list.
    pub fn load(&mut self) -> Option<&Lesson> {
        if self.header.is_err() {
            return None;
        }
        if let Lazy::Unread(file) = &self.lesson {
            match file.load() {
                Ok(l) => self.lesson = Lazy::Loaded(Box::new(l)),
                Err(problems) => {
                    self.header = Err(problems.len());
                    return None;
                }
            }
        }
        match &self.lesson {
            Lazy::Loaded(l) => Some(l),
            Lazy::Unread(_) | Lazy::Broken => None,
        }
    }
}

/// The whole state of the program.
#[derive(Debug)]
pub struct App {
    pub lang: Lang,
    pub theme: Theme,
    pub seed: Option<u64>,
    /// The terminal's size, kept so that scrolling can stop at the end.
    pub size: Size,
    pub entries: Vec<Entry>,
    /// The saved progress as last read or written.
    pub progress: Progress,
    pub screen: Screen,
    pub overlay: Overlay,
    /// How far the help overlay is scrolled, in lines (0 when it opens).
    pub help_scroll: u16,
    /// Where `q` from a lesson goes.
    pub origin: Origin,
    /// A message for the learner (a progress file moved aside, a failed save).
    pub notice: Option<String>,
    pub running: bool,
    /// Ended by Ctrl-C: the program exits as SIGINT would (status 130).
    pub interrupted: bool,
    /// Progress changes the event loop has not saved yet.
    pub(super) changes: Vec<Change>,
    /// The state code shown by [`Overlay::Code`].
    pub code: Option<String>,
    /// Text for the event loop to put on the clipboard (OSC 52).
    pub(super) to_copy: Option<String>,
    /// A class: the instructor's or a learner's side (`nnstep class`).
    pub class: Option<Box<super::class_ui::ClassUi>>,
}

#[derive(Debug)]
pub enum Screen {
    /// The lesson list, with the selected row.
    Home {
        selected: usize,
    },
    Lesson(Box<LessonState>),
}

/// A lesson being read.
#[derive(Debug)]
pub struct LessonState {
    pub session: Session,
    /// The current step's own state (rebuilt when the step changes).
    pub step: StepState,
    /// Whether the last tick changed what is on screen.
    pub tick_changed: bool,
    pub input: Input,
    /// How far the note above a live step (training, comparison, quiz) is
    /// scrolled, in lines.
    pub note_scroll: u16,
    /// The last thing the learner did, shown in words in the top bar (a
    /// class watching a shared screen sees what the instructor pressed).
    pub last: Done,
}

/// The current step's view state. The training dashboard adds its variants
/// here (a running trainer, its charts), with `animating` true while it
/// plays, so that the event loop sends ticks.
pub enum StepState {
    /// A page of text, formulas, a matrix, a table or a placeholder,
    /// scrolled down by `scroll` lines.
    Page { scroll: u16 },
    /// A live training run.
    Train(Box<Dashboard>),
    /// Several runs side by side.
    Compare(Box<CompareView>),
    /// Questions with an answer line.
    Quiz(QuizView),
    /// A train or compare step whose run waits for the learner's
    /// prediction (see [`super::predict_view`]).
    Predict(PredictView),
    /// Runs' paths over the loss contours.
    Landscape(Box<super::landscape_view::LandscapeView>),
    /// Functions and their derivatives, with the saturation exercise.
    Plot(Box<super::plot_view::PlotView>),
}

impl std::fmt::Debug for StepState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StepState::Page { scroll } => write!(f, "Page {{ scroll: {scroll} }}"),
            StepState::Train(_) => write!(f, "Train"),
            StepState::Compare(_) => write!(f, "Compare"),
            StepState::Quiz(q) => write!(f, "Quiz {{ editing: {} }}", q.editing()),
            StepState::Predict(_) => write!(f, "Predict"),
            StepState::Landscape(_) => write!(f, "Landscape"),
            StepState::Plot(_) => write!(f, "Plot"),
        }
    }
}

impl StepState {
    /// The state the current step of `session` starts in: a page, or a
    /// paused run at epoch 0, or the questions. A run whose spec cannot be
    /// resolved (checked lessons never have one) falls back to the page,
    /// which describes it.
    #[must_use]
    pub fn start(session: &Session, theme: Theme) -> Self {
        let look = Look {
            color: theme.color,
            ascii: theme.ascii,
        };
        if session.awaits_prediction() {
            return StepState::Predict(PredictView::default());
        }
        if let Some(Ok(training)) = session.training()
            && let StepKind::Train(t) = &session.step().kind
        {
            return StepState::Train(Box::new(Dashboard::new(t, training, look)));
        }
        if let Some(Ok(c)) = session.comparison() {
            return StepState::Compare(Box::new(CompareView::new(c, look)));
        }
        if let Some(Ok(l)) = session.landscape()
            && let StepKind::Landscape(spec) = &session.step().kind
        {
            return StepState::Landscape(Box::new(super::landscape_view::LandscapeView::new(
                l, spec.fixed, look,
            )));
        }
        if let Some(p) = session.plot() {
            return StepState::Plot(Box::new(super::plot_view::PlotView::new(p, look)));
        }
        match &session.step().kind {
            StepKind::Quiz(_) => StepState::Quiz(QuizView::default()),
            // A run whose spec does not resolve shows its settings instead.
            StepKind::Text(_)
            | StepKind::Formula { .. }
            | StepKind::Matrix(_)
            | StepKind::Table(_)
            | StepKind::Train(_)
            | StepKind::Compare(_)
            | StepKind::Capacity(_)
            | StepKind::Landscape(_)
            | StepKind::Plot(_) => StepState::Page { scroll: 0 },
        }
    }

    /// Whether the step trains flat out: the event loop then waits only a
    /// moment for keys between frames instead of a whole tick.
    #[must_use]
    pub fn full_speed(&self) -> bool {
        match self {
            StepState::Train(d) => d.full_speed(),
            StepState::Compare(c) => c.animating(),
            StepState::Page { .. }
            | StepState::Quiz(_)
            | StepState::Predict(_)
            | StepState::Landscape(_)
            | StepState::Plot(_) => false,
        }
    }

    /// Whether the step wants ticks (something moves on screen).
    #[must_use]
    pub fn animating(&self) -> bool {
        match self {
            StepState::Train(d) => d.animating(),
            StepState::Compare(c) => c.animating(),
            StepState::Landscape(v) => v.animating(),
            StepState::Plot(v) => v.animating(),
            StepState::Page { .. } | StepState::Quiz(_) | StepState::Predict(_) => false,
        }
    }
}

/// What the keyboard is typing into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Normal,
    /// A step number after `:`.
    Jump(String),
    /// → on the last step: the footer offers lesson `.0` of the entries
    /// (the next chapter), which → opens and Esc declines.
    NextLesson(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    /// The screen's state code ([`App::code`]).
    Code,
}

/// Where the program started, which decides what `q` in a lesson does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The lesson list: `q` returns to it.
    Home,
    /// `nnstep open LESSON`: `q` quits.
    Direct,
}

impl App {
    /// The lesson list, with the lesson opened last selected, at 80×24
    /// until the first [`Message::Resize`](super::message::Message::Resize).
    #[must_use]
    pub fn home(entries: Vec<Entry>, progress: Progress, cfg: Config) -> Self {
        let selected = progress
            .last_opened
            .as_deref()
            .and_then(|id| entries.iter().position(|e| e.id == id))
            .unwrap_or(0);
        Self {
            lang: cfg.lang,
            theme: cfg.theme,
            seed: cfg.seed,
            size: Size::new(80, 24),
            entries,
            progress,
            screen: Screen::Home { selected },
            overlay: Overlay::None,
            help_scroll: 0,
            origin: Origin::Home,
            notice: None,
            running: true,
            interrupted: false,
            changes: Vec::new(),
            code: None,
            to_copy: None,
            class: None,
        }
    }

    /// Lesson `index` of `entries`, at `step` (0-based) or where the learner
    /// stopped; `q` quits. A lesson that does not load leaves the list open.
    #[must_use]
    pub fn open(
        entries: Vec<Entry>,
        progress: Progress,
        cfg: Config,
        index: usize,
        step: Option<usize>,
    ) -> Self {
        let mut app = Self::home(entries, progress, cfg);
        app.open_lesson(index, step);
        if matches!(app.screen, Screen::Lesson(_)) {
            app.origin = Origin::Direct;
        }
        app
    }

    /// A screen rebuilt from a state code (`nnstep open CODE`), in the
    /// code's language unless `lang` says otherwise; `q` quits.
    #[must_use]
    pub fn reproduced(
        entries: Vec<Entry>,
        progress: Progress,
        cfg: Config,
        lang: Option<Lang>,
        r: session::Reproduced,
    ) -> Self {
        let mut app = Self::home(entries, progress, cfg);
        app.lang = lang.unwrap_or(r.lang);
        let look = Look {
            color: cfg.theme.color,
            ascii: cfg.theme.ascii,
        };
        let session = r.session;
        let step = match (r.view, &session.step().kind) {
            (session::Rebuilt::Train(t), StepKind::Train(ts)) => {
                StepState::Train(Box::new(Dashboard::new(ts, *t, look)))
            }
            (session::Rebuilt::Compare(c), _) => {
                StepState::Compare(Box::new(CompareView::new(*c, look)))
            }
            (session::Rebuilt::Landscape(l), StepKind::Landscape(spec)) => {
                StepState::Landscape(Box::new(super::landscape_view::LandscapeView::new(
                    *l, spec.fixed, look,
                )))
            }
            (session::Rebuilt::Plot(p), _) => {
                StepState::Plot(Box::new(super::plot_view::PlotView::new(*p, look)))
            }
            _ => StepState::start(&session, cfg.theme),
        };
        app.screen = Screen::Lesson(Box::new(LessonState {
            session,
            step,
            tick_changed: false,
            input: Input::Normal,
            note_scroll: 0,
            last: Done::Opened,
        }));
        app.origin = Origin::Direct;
        app.record_visit();
        app
    }

    /// Which key table applies now.
    #[must_use]
    pub fn context(&self) -> Context {
        match self.overlay {
            // The code box closes with the help's keys.
            Overlay::Help | Overlay::Code => Context::Help,
            Overlay::None => self.screen_context(),
        }
    }

    /// The key table of the screen under any overlay: what the footer and
    /// the help list.
    #[must_use]
    pub fn screen_context(&self) -> Context {
        match &self.screen {
            Screen::Home { .. } => Context::Home,
            Screen::Lesson(l) if matches!(l.input, Input::Jump(_)) => Context::Jump,
            Screen::Lesson(l) if matches!(l.input, Input::NextLesson(_)) => Context::Confirm,
            Screen::Lesson(l) => match &l.step {
                StepState::Train(_) => Context::Train,
                StepState::Compare(_) => Context::Compare,
                StepState::Landscape(_) | StepState::Plot(_) => Context::Picture,
                StepState::Quiz(q) if q.editing() => Context::Answer,
                StepState::Quiz(_) => Context::Quiz,
                StepState::Predict(_) => Context::Predict,
                StepState::Page { .. } => Context::Lesson,
            },
        }
    }

    /// Whether something on screen moves, so the loop must send ticks.
    #[must_use]
    pub fn animating(&self) -> bool {
        matches!(&self.screen, Screen::Lesson(l) if l.step.animating())
    }

    /// How long the event loop waits for a key before the next tick: a whole
    /// frame (33 ms) normally, a moment when training flat out (each tick
    /// then trains for most of a frame itself).
    #[must_use]
    pub fn tick_wait(&self) -> std::time::Duration {
        let flat_out = matches!(&self.screen, Screen::Lesson(l) if l.step.full_speed());
        std::time::Duration::from_millis(if flat_out { 1 } else { 33 })
    }

    /// Whether a tick changed the screen since the last call.
    pub fn take_tick_changed(&mut self) -> bool {
        match &mut self.screen {
            Screen::Lesson(l) => std::mem::take(&mut l.tick_changed),
            Screen::Home { .. } => false,
        }
    }

    /// Takes the progress changes made since the last call, for saving.
    pub fn take_changes(&mut self) -> Vec<Change> {
        std::mem::take(&mut self.changes)
    }

    /// Shows the progress as saved (which includes other instances' changes).
    pub fn saved(&mut self, progress: Progress) {
        self.progress = progress;
    }

    /// Opens lesson `index` at `step` (0-based), or where the learner stopped.
    pub(super) fn open_lesson(&mut self, index: usize, step: Option<usize>) {
        let Some(lesson) = self.entries.get_mut(index).and_then(Entry::load) else {
            return;
        };
        // A step the lesson does not have opens where the learner stopped.
        let opened = session::open(lesson.clone(), &self.progress, self.seed, step)
            .or_else(|_| session::open(lesson.clone(), &self.progress, self.seed, None));
        let Ok(opened) = opened else {
            return;
        };
        let session = opened.session;
        let last = match opened.at {
            Start::Asked(n) => Done::Jumped(n + 1),
            Start::Resumed(_) => Done::Resumed,
            Start::First => Done::Opened,
        };
        let step = StepState::start(&session, self.theme);
        self.screen = Screen::Lesson(Box::new(LessonState {
            session,
            step,
            tick_changed: false,
            input: Input::Normal,
            note_scroll: 0,
            last,
        }));
        self.record_visit();
    }

    /// Queues the quiz results the session changed (an answer that
    /// counted, a hint, the solution) for saving.
    pub(super) fn record_results(&mut self) {
        let Screen::Lesson(l) = &mut self.screen else {
            return;
        };
        for change in l.session.take_changes() {
            self.progress.apply(&change, 0);
            self.changes.push(change);
        }
    }

    /// Records that the current step is being looked at.
    pub(super) fn record_visit(&mut self) {
        let Screen::Lesson(l) = &self.screen else {
            return;
        };
        let change = l.session.visit();
        // Shown at once; the loop saves it (and reloads what others saved).
        self.progress.apply(&change, 0);
        self.changes.push(change);
    }
}
