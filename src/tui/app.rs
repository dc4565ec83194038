//! The one state of the full-screen program. Screens and modes are enums,
//! so no two fields can contradict each other; `update` (in `update.rs`) is
//! the only code that changes it, and the views only borrow it.

use ratatui::layout::Size;

use super::keymap::Context;
use super::theme::Theme;
use crate::lesson::{Lang, Lesson};
use crate::progress::{Change, Progress};
use crate::session::Session;

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
    /// The checked lesson, or how many problems `nnstep check` will report.
    pub lesson: Result<Lesson, usize>,
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
    /// Where `q` from a lesson goes.
    pub origin: Origin,
    /// A message for the learner (a progress file moved aside, a failed save).
    pub notice: Option<String>,
    pub running: bool,
    /// Progress changes the event loop has not saved yet.
    pub(super) changes: Vec<Change>,
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
    pub input: Input,
    /// The last thing the learner did, shown in the top bar.
    pub last: Action,
}

/// The current step's view state. The training dashboard adds its variants
/// here (a running trainer, its charts), with `animating` true while it
/// plays, so that the event loop sends ticks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepState {
    /// A page of text, formulas, a matrix, a table or a placeholder,
    /// scrolled down by `scroll` lines.
    Page { scroll: u16 },
}

impl StepState {
    /// The state a step starts in.
    #[must_use]
    pub fn start() -> Self {
        StepState::Page { scroll: 0 }
    }

    /// Whether the step wants ticks (something moves on screen).
    #[must_use]
    pub fn animating(&self) -> bool {
        match self {
            StepState::Page { .. } => false,
        }
    }
}

/// What the keyboard is typing into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Normal,
    /// A step number after `:`.
    Jump(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
}

/// Where the program started, which decides what `q` in a lesson does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The lesson list: `q` returns to it.
    Home,
    /// `nnstep open LESSON`: `q` quits.
    Direct,
}

/// The last thing that happened in a lesson, shown in words in the top bar
/// (a class watching a shared screen sees what the instructor pressed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Opened,
    Resumed,
    Moved(super::message::Message),
    /// To step n (1-based).
    Jumped(usize),
    AtEnd,
    AtStart,
    NoSuchStep {
        asked: usize,
        len: usize,
    },
    Language,
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
            origin: Origin::Home,
            notice: None,
            running: true,
            changes: Vec::new(),
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

    /// Which key table applies now.
    #[must_use]
    pub fn context(&self) -> Context {
        match (&self.overlay, &self.screen) {
            (Overlay::Help, _) => Context::Help,
            (_, Screen::Home { .. }) => Context::Home,
            (_, Screen::Lesson(l)) if matches!(l.input, Input::Jump(_)) => Context::Jump,
            (_, Screen::Lesson(_)) => Context::Lesson,
        }
    }

    /// Whether something on screen moves, so the loop must send ticks.
    #[must_use]
    pub fn animating(&self) -> bool {
        matches!(&self.screen, Screen::Lesson(l) if l.step.animating())
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
        let Some(Entry {
            lesson: Ok(lesson), ..
        }) = self.entries.get(index)
        else {
            return;
        };
        let mut session = Session::new(lesson.clone()).with_seed(self.seed);
        let resume = (self.progress.lesson(&lesson.id))
            .and_then(|p| p.current.as_deref())
            .and_then(|id| lesson.step_index(id));
        let last = match (step, resume) {
            (Some(n), _) if session.goto(n).is_ok() => Action::Jumped(n + 1),
            (_, Some(n)) if n > 0 && session.goto(n).is_ok() => Action::Resumed,
            _ => Action::Opened,
        };
        self.screen = Screen::Lesson(Box::new(LessonState {
            session,
            step: StepState::start(),
            input: Input::Normal,
            last,
        }));
        self.record_visit();
    }

    /// Records that the current step is being looked at.
    pub(super) fn record_visit(&mut self) {
        let Screen::Lesson(l) = &self.screen else {
            return;
        };
        let change = Change::Visit {
            lesson: l.session.lesson().id.clone(),
            step: l.session.step().id.clone(),
        };
        // Shown at once; the loop saves it (and reloads what others saved).
        self.progress.apply(&change, 0);
        self.changes.push(change);
    }
}
