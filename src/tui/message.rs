//! Everything that can happen to the app: the key map turns key presses
//! into these, the event loop adds resizes and ticks, and `update` is the
//! only place that acts on them.

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
    /// Ctrl-C or a termination signal: quit from anywhere.
    Quit,
    /// The terminal has a new size (columns, rows).
    Resize(u16, u16),
    /// Time passed (only sent while something animates).
    Tick,
    /// A control of the training dashboard or the comparison view.
    Dash(crate::tui::dashboard::DashKey),
    /// A key of the quiz view.
    Quiz(crate::tui::quiz_view::QuizKey),
}
