//! Everything that can happen to the app: the key map turns key presses
//! into these, the event loop adds resizes and ticks, and `update` is the
//! only place that acts on them.

use crate::lesson::Lang;
use crate::words::{self, Does};

/// One thing that happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Message {
    /// Next step (lesson).
    Next,
    /// Previous step.
    Prev,
    First,
    Last,
    /// Start typing a step number (`:`).
    JumpStart,
    /// A digit of the step number.
    JumpDigit(u8),
    /// Delete the last digit.
    JumpBack,
    JumpConfirm,
    JumpCancel,
    ScrollDown,
    ScrollUp,
    PageDown,
    PageUp,
    /// Move the selection down the lesson list (home).
    SelectNext,
    SelectPrev,
    /// Open the selected lesson.
    Open,
    /// Open the lesson opened last, at the step the learner stopped on.
    Continue,
    ToggleHelp,
    /// Switch between English and Chinese.
    SwitchLang,
    /// `q` / Esc: close the help, leave the lesson, or quit from home.
    Back,
    /// Quit from the lesson list.
    Quit,
    /// Ctrl-C: quit from anywhere, ending as SIGINT would (status 130).
    Interrupt,
    /// Scroll the note above a training, comparison or quiz step.
    NoteDown,
    NoteUp,
    /// The terminal has a new size (columns, rows).
    Resize(u16, u16),
    /// Time passed (only sent while something animates).
    Tick,
    /// A control of the training dashboard or the comparison view.
    Dash(crate::tui::dashboard::DashKey),
    /// A key of the quiz view.
    Quiz(crate::tui::quiz_view::QuizKey),
    /// Show the screen's state code (and copy it to the clipboard).
    ShowCode,
    /// A key of the prediction asked before a run.
    Predict(crate::tui::predict_view::PredictKey),
    /// Open the next chapter offered at the end of a lesson.
    OpenNextLesson,
    /// Decline the offer and stay on the last step.
    StayInLesson,
    /// Scroll the question box while answering (to the given matrices).
    QuestionDown,
    QuestionUp,
    /// A class key (the instructor's or a learner's).
    Class(crate::tui::class_ui::ClassKey),
}

impl Message {
    /// What the message does, as the footer and the help name it; `None`
    /// for what no key sends (resizes, ticks).
    #[must_use]
    pub fn does(self) -> Option<Does> {
        use crate::tui::dashboard::DashKey as D;
        use crate::tui::quiz_view::QuizKey as Q;
        Some(match self {
            Message::Next => Does::Next,
            Message::Prev => Does::Prev,
            Message::First => Does::First,
            Message::Last => Does::Last,
            Message::JumpStart => Does::JumpStart,
            Message::JumpDigit(_) | Message::JumpBack => Does::TypeStepNumber,
            Message::JumpConfirm => Does::JumpGo,
            Message::JumpCancel => Does::JumpCancel,
            Message::ScrollDown => Does::ScrollDown,
            Message::ScrollUp => Does::ScrollUp,
            Message::PageDown => Does::PageDown,
            Message::PageUp => Does::PageUp,
            Message::SelectNext => Does::SelectNext,
            Message::SelectPrev => Does::SelectPrev,
            Message::Open => Does::Open,
            Message::Continue => Does::Continue,
            Message::ToggleHelp => Does::Help,
            Message::SwitchLang => Does::SwitchLang,
            Message::Back => Does::Back,
            Message::Quit | Message::Interrupt => Does::Quit,
            Message::NoteDown | Message::NoteUp => Does::ScrollNote,
            Message::Resize(..) | Message::Tick => return None,
            Message::ShowCode => Does::ShowCode,
            Message::OpenNextLesson => Does::OpenNextLesson,
            Message::StayInLesson => Does::StayInLesson,
            Message::QuestionDown | Message::QuestionUp => Does::ScrollQuestion,
            Message::Class(k) => {
                use crate::tui::class_ui::ClassKey as K;
                match k {
                    K::Panel => Does::ClassPanel,
                    K::Lock => Does::ClassLock,
                    K::Hold => Does::ClassHold,
                    K::Reveal => Does::ClassReveal,
                    K::End => Does::ClassEnd,
                    K::Rejoin => Does::ClassRejoin,
                    K::MarkDone => Does::ClassMarkDone,
                    K::PanelDown => Does::ClassPanelDown,
                    K::PanelUp => Does::ClassPanelUp,
                }
            }
            Message::Dash(k) => match k {
                D::PlayPause => Does::PlayPause,
                D::Epoch => Does::Epoch,
                D::Iteration => Does::Iteration,
                D::Faster => Does::Faster,
                D::Slower => Does::Slower,
                D::Restart => Does::Restart,
                D::Reset => Does::Reset,
                D::NewSeed => Does::NewSeed,
                D::CyclePanel => Does::CyclePanel,
                D::LearningRateUp => Does::LearningRateUp,
                D::LearningRateDown => Does::LearningRateDown,
                D::CycleBatch => Does::CycleBatch,
                D::ScrubBack => Does::ScrubBack,
                D::ScrubForward => Does::ScrubForward,
                D::ToggleLog => Does::ToggleLog,
            },
            Message::Quiz(k) => match k {
                Q::Up => Does::PrevQuestion,
                Q::Down => Does::NextQuestion,
                Q::Enter => Does::Answer,
                Q::Cancel => Does::LeaveAnswer,
                Q::Char(_) => Does::TypeAnswer,
                Q::Backspace => Does::DeleteChar,
                Q::NextCell => Does::NextCell,
                Q::PrevCell => Does::PrevCell,
                Q::CellDown => Does::CellDown,
                Q::CellUp => Does::CellUp,
            },
            Message::Predict(k) => {
                use crate::tui::predict_view::PredictKey as P;
                match k {
                    P::Up | P::Down => Does::PredictChoose,
                    P::Enter => Does::PredictLockIn,
                    P::Skip => Does::PredictSkip,
                    P::Char(_) | P::Backspace => Does::PredictType,
                }
            }
        })
    }

    /// What the message does in words: `short` for the footer, else the
    /// help's sentence (empty for what no key sends).
    #[must_use]
    pub fn describe(self, lang: Lang, short: bool) -> &'static str {
        self.does().map_or("", |d| words::describe(lang, d, short))
    }
}
