//! The key map: a table per context from keys to messages. The help overlay
//! and the footer are drawn from the same tables, so what the screen says
//! and what the keys do cannot drift apart. Pure: testable without a
//! terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::message::Message;

/// A key as the key map sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Left,
    Right,
    Up,
    Down,
    Enter,
    Esc,
    Backspace,
    Tab,
    BackTab,
    Home,
    End,
    PageUp,
    PageDown,
    /// Ctrl-C, which raw mode delivers as a key rather than a signal.
    Interrupt,
}

/// Which table applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Home,
    Lesson,
    /// Typing a step number after `:`.
    Jump,
    /// The help overlay is open.
    Help,
    /// A training step: the dashboard's controls.
    Train,
    /// A comparison step.
    Compare,
    /// A picture step (landscape or function plot): play, step, change η.
    Picture,
    /// A quiz step, choosing a question.
    Quiz,
    /// Typing an answer: every character goes to the answer line.
    Answer,
    /// A run that waits for the learner's prediction.
    Predict,
    /// The end of a lesson: the next chapter is offered.
    Confirm,
}

/// The contexts of a lesson's steps (what a step can show): every step
/// shares its keys to move through the lesson, and a class adds its keys to
/// them.
pub const STEP_CONTEXTS: [Context; 6] = [
    Context::Lesson,
    Context::Train,
    Context::Compare,
    Context::Picture,
    Context::Quiz,
    Context::Predict,
];

/// Keys that send one message.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    pub msg: Message,
    /// The keys named in the footer; empty when the footer leaves it out.
    pub footer: &'static [Key],
}

const fn bind(keys: &'static [Key], msg: Message, footer: &'static [Key]) -> Binding {
    Binding { keys, msg, footer }
}

use Key::*;

pub const HOME: &[Binding] = &[
    bind(&[Down, Char('j')], Message::SelectNext, &[Down, Up]),
    bind(&[Up, Char('k')], Message::SelectPrev, &[]),
    bind(&[Enter, Right, Char('l')], Message::Open, &[Enter]),
    bind(&[Char('c')], Message::Continue, &[Char('c')]),
    bind(&[Char('L')], Message::SwitchLang, &[Char('L')]),
    bind(&[Char('?')], Message::ToggleHelp, &[Char('?')]),
    bind(&[Char('q'), Esc], Message::Quit, &[Char('q')]),
];

pub const LESSON: &[Binding] = &[
    bind(
        &[Right, Char('l'), Char(' '), Enter],
        Message::Next,
        &[Right],
    ),
    bind(&[Left, Char('h')], Message::Prev, &[Left]),
    bind(&[Char('g'), Home], Message::First, &[]),
    bind(&[Char('G'), End], Message::Last, &[]),
    bind(&[Char(':')], Message::JumpStart, &[Char(':')]),
    bind(
        &[Char('j'), Down],
        Message::ScrollDown,
        &[Char('j'), Char('k')],
    ),
    bind(&[Char('k'), Up], Message::ScrollUp, &[]),
    bind(&[PageDown], Message::PageDown, &[]),
    bind(&[PageUp], Message::PageUp, &[]),
    bind(&[Char('C')], Message::ShowCode, &[]),
    bind(&[Char('L')], Message::SwitchLang, &[Char('L')]),
    bind(&[Char('?')], Message::ToggleHelp, &[Char('?')]),
    bind(&[Char('q'), Esc], Message::Back, &[Char('q')]),
];

use crate::tui::dashboard::DashKey as D;
use crate::tui::quiz_view::QuizKey as Q;

/// A training step: → and `l` go to the next step as everywhere else;
/// `,` and `.` move through the recorded epochs.
pub const TRAIN: &[Binding] = &[
    bind(&[Right, Char('l'), Enter], Message::Next, &[Right]),
    bind(&[Char(' ')], Message::Dash(D::PlayPause), &[Char(' ')]),
    bind(&[Char('n')], Message::Dash(D::Epoch), &[Char('n')]),
    bind(
        &[Char(',')],
        Message::Dash(D::ScrubBack),
        &[Char(','), Char('.')],
    ),
    bind(&[Char('.')], Message::Dash(D::ScrubForward), &[]),
    bind(&[Char('p')], Message::Dash(D::CyclePanel), &[Char('p')]),
    bind(&[Char('r')], Message::Dash(D::Restart), &[Char('r')]),
    bind(&[Char('R')], Message::Dash(D::Reset), &[]),
    bind(&[Char('s')], Message::Dash(D::NewSeed), &[]),
    bind(&[Char('i')], Message::Dash(D::Iteration), &[]),
    bind(&[Char('+'), Char('=')], Message::Dash(D::Faster), &[]),
    bind(&[Char('-'), Char('_')], Message::Dash(D::Slower), &[]),
    bind(&[Char(']')], Message::Dash(D::LearningRateUp), &[]),
    bind(&[Char('[')], Message::Dash(D::LearningRateDown), &[]),
    bind(&[Char('b')], Message::Dash(D::CycleBatch), &[]),
    bind(&[Char('y')], Message::Dash(D::ToggleLog), &[]),
    bind(&[Char('j'), Down, PageDown], Message::NoteDown, &[]),
    bind(&[Char('k'), Up, PageUp], Message::NoteUp, &[]),
    bind(&[Left, Char('h')], Message::Prev, &[]),
    bind(&[Char('g'), Home], Message::First, &[]),
    bind(&[Char('G'), End], Message::Last, &[]),
    bind(&[Char(':')], Message::JumpStart, &[]),
    bind(&[Char('C')], Message::ShowCode, &[]),
    bind(&[Char('L')], Message::SwitchLang, &[]),
    bind(&[Char('?')], Message::ToggleHelp, &[Char('?')]),
    bind(&[Char('q'), Esc], Message::Back, &[Char('q')]),
];

/// A comparison step: the runs play, step and restart together.
pub const COMPARE: &[Binding] = &[
    bind(&[Right, Char('l'), Enter], Message::Next, &[Right]),
    bind(&[Char(' ')], Message::Dash(D::PlayPause), &[Char(' ')]),
    bind(&[Char('n')], Message::Dash(D::Epoch), &[Char('n')]),
    bind(&[Char('r')], Message::Dash(D::Restart), &[Char('r')]),
    bind(&[Char('p')], Message::Dash(D::CyclePanel), &[Char('p')]),
    bind(&[Left, Char('h')], Message::Prev, &[Left]),
    bind(&[Char('j'), Down, PageDown], Message::NoteDown, &[]),
    bind(&[Char('k'), Up, PageUp], Message::NoteUp, &[]),
    bind(&[Char('g'), Home], Message::First, &[]),
    bind(&[Char('G'), End], Message::Last, &[]),
    bind(&[Char(':')], Message::JumpStart, &[]),
    bind(&[Char('C')], Message::ShowCode, &[]),
    bind(&[Char('L')], Message::SwitchLang, &[Char('L')]),
    bind(&[Char('?')], Message::ToggleHelp, &[Char('?')]),
    bind(&[Char('q'), Esc], Message::Back, &[Char('q')]),
];

/// A landscape or a function plot: the runs (or the exercise) play, step
/// and restart; `]` and `[` change η and start again.
pub const PICTURE: &[Binding] = &[
    bind(&[Right, Char('l'), Enter], Message::Next, &[Right]),
    bind(&[Char(' ')], Message::Dash(D::PlayPause), &[Char(' ')]),
    bind(&[Char('n')], Message::Dash(D::Epoch), &[Char('n')]),
    bind(&[Char('i')], Message::Dash(D::Iteration), &[]),
    bind(
        &[Char(']')],
        Message::Dash(D::LearningRateUp),
        &[Char(']'), Char('[')],
    ),
    bind(&[Char('[')], Message::Dash(D::LearningRateDown), &[]),
    bind(&[Char('r')], Message::Dash(D::Restart), &[Char('r')]),
    bind(&[Char('R')], Message::Dash(D::Reset), &[]),
    bind(&[Left, Char('h')], Message::Prev, &[Left]),
    bind(&[Char('j'), Down, PageDown], Message::NoteDown, &[]),
    bind(&[Char('k'), Up, PageUp], Message::NoteUp, &[]),
    bind(&[Char('g'), Home], Message::First, &[]),
    bind(&[Char('G'), End], Message::Last, &[]),
    bind(&[Char(':')], Message::JumpStart, &[]),
    bind(&[Char('C')], Message::ShowCode, &[]),
    bind(&[Char('L')], Message::SwitchLang, &[Char('L')]),
    bind(&[Char('?')], Message::ToggleHelp, &[Char('?')]),
    bind(&[Char('q'), Esc], Message::Back, &[Char('q')]),
];

pub const QUIZ: &[Binding] = &[
    bind(&[Enter, Char('a')], Message::Quiz(Q::Enter), &[Enter]),
    bind(&[Down, Char('j')], Message::Quiz(Q::Down), &[Down, Up]),
    bind(&[Up, Char('k')], Message::Quiz(Q::Up), &[]),
    bind(&[Right, Char('l'), Char(' ')], Message::Next, &[Right]),
    bind(&[Left, Char('h')], Message::Prev, &[Left]),
    bind(&[PageDown], Message::NoteDown, &[]),
    bind(&[PageUp], Message::NoteUp, &[]),
    bind(&[Char('g'), Home], Message::First, &[]),
    bind(&[Char('G'), End], Message::Last, &[]),
    bind(&[Char(':')], Message::JumpStart, &[]),
    bind(&[Char('C')], Message::ShowCode, &[]),
    bind(&[Char('L')], Message::SwitchLang, &[Char('L')]),
    bind(&[Char('?')], Message::ToggleHelp, &[Char('?')]),
    bind(&[Char('q'), Esc], Message::Back, &[Char('q')]),
];

/// Typing an answer: characters are handled in [`handle_key`]; the table
/// names the keys that end the line.
pub const ANSWER: &[Binding] = &[
    bind(&[Enter], Message::Quiz(Q::Enter), &[Enter]),
    bind(&[Tab, Right], Message::Quiz(Q::NextCell), &[Tab]),
    bind(&[BackTab, Left], Message::Quiz(Q::PrevCell), &[]),
    bind(&[Down], Message::Quiz(Q::CellDown), &[]),
    bind(&[Up], Message::Quiz(Q::CellUp), &[]),
    bind(&[Backspace], Message::Quiz(Q::Backspace), &[]),
    bind(&[PageDown], Message::QuestionDown, &[]),
    bind(&[PageUp], Message::QuestionUp, &[]),
    bind(&[Esc], Message::Quiz(Q::Cancel), &[Esc]),
];

use crate::tui::predict_view::PredictKey as P;

/// A run that waits for a prediction: digits pick an option (or type a
/// number), Enter locks it in, Tab watches without predicting. The run's
/// own keys do nothing until then.
pub const PREDICT: &[Binding] = &[
    bind(&[Down, Char('j')], Message::Predict(P::Down), &[Down, Up]),
    bind(&[Up, Char('k')], Message::Predict(P::Up), &[]),
    bind(&[Enter], Message::Predict(P::Enter), &[Enter]),
    bind(&[Tab], Message::Predict(P::Skip), &[Tab]),
    bind(&[Backspace], Message::Predict(P::Backspace), &[]),
    bind(&[Right, Char('l')], Message::Next, &[Right]),
    bind(&[Left, Char('h')], Message::Prev, &[Left]),
    bind(&[Char('g'), Home], Message::First, &[]),
    bind(&[Char('G'), End], Message::Last, &[]),
    bind(&[Char(':')], Message::JumpStart, &[]),
    bind(&[Char('C')], Message::ShowCode, &[]),
    bind(&[Char('L')], Message::SwitchLang, &[Char('L')]),
    bind(&[Char('?')], Message::ToggleHelp, &[Char('?')]),
    bind(&[Char('q'), Esc], Message::Back, &[Char('q')]),
];

pub const HELP: &[Binding] = &[
    bind(
        &[Char('?'), Char('q'), Esc],
        Message::ToggleHelp,
        &[Char('q')],
    ),
    bind(&[Char('j'), Down], Message::ScrollDown, &[]),
    bind(&[Char('k'), Up], Message::ScrollUp, &[]),
    bind(&[PageDown], Message::PageDown, &[]),
    bind(&[PageUp], Message::PageUp, &[]),
];

/// The offer of the next chapter at the end of a lesson: → again opens it.
pub const CONFIRM: &[Binding] = &[
    bind(
        &[Right, Char('l'), Enter, Char(' '), Char('y')],
        Message::OpenNextLesson,
        &[Right],
    ),
    bind(
        &[Esc, Left, Char('h'), Char('q'), Char('n')],
        Message::StayInLesson,
        &[Esc],
    ),
];

pub const JUMP: &[Binding] = &[
    bind(&[Enter], Message::JumpConfirm, &[Enter]),
    bind(&[Backspace], Message::JumpBack, &[]),
    bind(&[Esc, Char('q')], Message::JumpCancel, &[Esc]),
];

/// The table of a context.
#[must_use]
pub fn bindings(ctx: Context) -> &'static [Binding] {
    match ctx {
        Context::Home => HOME,
        Context::Lesson => LESSON,
        Context::Jump => JUMP,
        Context::Help => HELP,
        Context::Train => TRAIN,
        Context::Compare => COMPARE,
        Context::Picture => PICTURE,
        Context::Quiz => QUIZ,
        Context::Answer => ANSWER,
        Context::Predict => PREDICT,
        Context::Confirm => CONFIRM,
    }
}

/// The key of a terminal event: presses only (no repeats from release
/// events on terminals that report them), and no Ctrl/Alt chords but Ctrl-C.
#[must_use]
pub fn key_of(ev: &KeyEvent) -> Option<Key> {
    if ev.kind != KeyEventKind::Press {
        return None;
    }
    if ev
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        let ctrl_c = ev.modifiers.contains(KeyModifiers::CONTROL)
            && matches!(ev.code, KeyCode::Char('c' | 'C'));
        return ctrl_c.then_some(Interrupt);
    }
    Some(match ev.code {
        KeyCode::Char(c) => Char(c),
        KeyCode::Left => Left,
        KeyCode::Right => Right,
        KeyCode::Up => Up,
        KeyCode::Down => Down,
        KeyCode::Enter => Enter,
        KeyCode::Esc => Esc,
        KeyCode::Backspace => Backspace,
        KeyCode::Tab => Tab,
        KeyCode::BackTab => BackTab,
        KeyCode::Home => Home,
        KeyCode::End => End,
        KeyCode::PageUp => PageUp,
        KeyCode::PageDown => PageDown,
        _ => return None,
    })
}

/// The message a key sends in a context, if any.
#[must_use]
pub fn message_for(key: Key, ctx: Context) -> Option<Message> {
    if key == Interrupt {
        return Some(Message::Interrupt);
    }
    if let (Context::Jump, Char(c @ '0'..='9')) = (ctx, key) {
        return Some(Message::JumpDigit(c as u8 - b'0'));
    }
    if let (Context::Answer, Char(c)) = (ctx, key) {
        return Some(Message::Quiz(crate::tui::quiz_view::QuizKey::Char(c)));
    }
    if let (Context::Predict, Char(c)) = (ctx, key)
        && crate::tui::predict_view::is_number_char(c)
    {
        return Some(Message::Predict(P::Char(c)));
    }
    bindings(ctx)
        .iter()
        .find(|b| b.keys.contains(&key))
        .map(|b| b.msg)
}

/// The message of a terminal key event in a context.
#[must_use]
pub fn handle_key(ev: &KeyEvent, ctx: Context) -> Option<Message> {
    message_for(key_of(ev)?, ctx)
}

/// A key's name on screen; arrows are spelled out in ASCII mode.
#[must_use]
pub fn key_name(key: Key, ascii: bool) -> String {
    let s = match (key, ascii) {
        (Char(' '), _) => "Space",
        (Char(c), _) => return c.to_string(),
        (Left, false) => "←",
        (Right, false) => "→",
        (Up, false) => "↑",
        (Down, false) => "↓",
        (Left, true) => "Left",
        (Right, true) => "Right",
        (Up, true) => "Up",
        (Down, true) => "Down",
        (Enter, _) => "Enter",
        (Esc, _) => "Esc",
        (Backspace, _) => "Backspace",
        (Tab, _) => "Tab",
        (BackTab, _) => "Shift-Tab",
        (Home, _) => "Home",
        (End, _) => "End",
        (PageUp, _) => "PgUp",
        (PageDown, _) => "PgDn",
        (Interrupt, _) => "Ctrl-C",
    };
    s.to_string()
}

/// Keys joined for display: `→ l Space Enter`.
#[must_use]
pub fn keys_label(keys: &[Key], ascii: bool) -> String {
    let names: Vec<String> = keys.iter().map(|k| key_name(*k, ascii)).collect();
    names.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn every_documented_next_key_goes_to_the_next_step() {
        for code in [
            KeyCode::Right,
            KeyCode::Char('l'),
            KeyCode::Char(' '),
            KeyCode::Enter,
        ] {
            assert_eq!(
                handle_key(&press(code), Context::Lesson),
                Some(Message::Next)
            );
        }
    }

    #[test]
    fn lesson_keys_map_as_the_help_says() {
        let cases = [
            (KeyCode::Left, Message::Prev),
            (KeyCode::Char('h'), Message::Prev),
            (KeyCode::Char('g'), Message::First),
            (KeyCode::Char('G'), Message::Last),
            (KeyCode::Char(':'), Message::JumpStart),
            (KeyCode::Char('j'), Message::ScrollDown),
            (KeyCode::Up, Message::ScrollUp),
            (KeyCode::Char('L'), Message::SwitchLang),
            (KeyCode::Char('?'), Message::ToggleHelp),
            (KeyCode::Char('q'), Message::Back),
            (KeyCode::Esc, Message::Back),
        ];
        for (code, msg) in cases {
            assert_eq!(
                handle_key(&press(code), Context::Lesson),
                Some(msg),
                "{code:?}"
            );
        }
    }

    /// The keys every step has, whatever its kind: the tables are written
    /// out per context, so a new one must not forget any (the picture and
    /// prediction tables once lacked `C`).
    #[test]
    fn every_step_context_has_the_keys_every_step_has() {
        let common = [
            (KeyCode::Right, Message::Next),
            (KeyCode::Left, Message::Prev),
            (KeyCode::Char('g'), Message::First),
            (KeyCode::Char('G'), Message::Last),
            (KeyCode::Char(':'), Message::JumpStart),
            (KeyCode::Char('C'), Message::ShowCode),
            (KeyCode::Char('L'), Message::SwitchLang),
            (KeyCode::Char('?'), Message::ToggleHelp),
            (KeyCode::Char('q'), Message::Back),
        ];
        for ctx in STEP_CONTEXTS {
            for (code, msg) in common {
                assert_eq!(handle_key(&press(code), ctx), Some(msg), "{ctx:?} {code:?}");
            }
        }
    }

    #[test]
    fn release_and_repeat_events_are_ignored() {
        let mut ev = press(KeyCode::Right);
        ev.kind = KeyEventKind::Release;
        assert_eq!(handle_key(&ev, Context::Lesson), None);
        ev.kind = KeyEventKind::Repeat;
        assert_eq!(handle_key(&ev, Context::Lesson), None);
    }

    #[test]
    fn ctrl_c_quits_from_every_context_and_other_chords_do_nothing() {
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        for ctx in [Context::Home, Context::Lesson, Context::Jump, Context::Help] {
            assert_eq!(handle_key(&ctrl('c'), ctx), Some(Message::Interrupt));
            assert_eq!(handle_key(&ctrl('l'), ctx), None);
        }
    }

    #[test]
    fn jump_mode_takes_digits_enter_and_escape() {
        let ctx = Context::Jump;
        assert_eq!(
            handle_key(&press(KeyCode::Char('7')), ctx),
            Some(Message::JumpDigit(7))
        );
        assert_eq!(
            handle_key(&press(KeyCode::Enter), ctx),
            Some(Message::JumpConfirm)
        );
        assert_eq!(
            handle_key(&press(KeyCode::Esc), ctx),
            Some(Message::JumpCancel)
        );
        assert_eq!(handle_key(&press(KeyCode::Char('l')), ctx), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for ctx in [Context::Home, Context::Lesson, Context::Jump, Context::Help] {
            let keys: Vec<Key> = bindings(ctx).iter().flat_map(|b| b.keys).copied().collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{k:?} twice in {ctx:?}");
            }
        }
    }

    #[test]
    fn quitting_never_needs_escape_alone() {
        // Older tmux delays Esc; every context must also close with q.
        for ctx in [Context::Home, Context::Lesson, Context::Help, Context::Jump] {
            assert!(message_for(Char('q'), ctx).is_some(), "{ctx:?}");
        }
    }
}
