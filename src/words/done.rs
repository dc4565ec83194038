//! The last thing the learner did, in words, for the top bar (useful to a
//! class watching a shared screen). Front ends record a typed [`Done`]; it
//! is put into words when drawn, so switching language redraws it too.

use super::keys::{Does, describe};
use super::train::speed;
use crate::lesson::Lang;

/// What just happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Done {
    Opened,
    Resumed,
    /// A key that does what its description says (next step, scroll…).
    Key(Does),
    Jumped(usize),
    AtEnd,
    AtStart,
    NoSuchStep {
        asked: usize,
        len: usize,
    },
    /// The language was switched (to the one now shown).
    Language,
    Play,
    Pause,
    Epoch,
    Iteration,
    /// The speed is now this many epochs per second (infinite: flat out).
    Speed(f64),
    /// Back to epoch 0; `kept` when the learner's η and batch size were
    /// kept (they differ from the lesson's).
    Restart {
        seed: u64,
        kept: bool,
    },
    /// Back to epoch 0 with the lesson's own η and batch size.
    Reset {
        seed: u64,
    },
    NewSeed {
        seed: u64,
    },
    /// Space on a run that has stopped for good: why, and how to restart.
    Finished(crate::engine::StopReason),
    /// The dashboard's lower panel now shows this.
    Panel(super::train::Panel),
    LearningRate(f64),
    BatchSize(String),
    /// Looking at a recorded epoch.
    History(usize),
    /// Back to the live run.
    Live,
    LogScale(bool),
    /// A comparison's parameters panel opened (true) or closed.
    RunParams(bool),
    PlayAll,
    EpochAll,
    RestartAll,
    /// Space on a comparison whose runs have all stopped.
    AllFinished,
    /// Answering question n (1-based).
    Answering(usize),
    Answered {
        question: usize,
        right: bool,
    },
    HintShown(usize),
    SolutionAsked(usize),
    /// An empty answer line was submitted.
    EmptyAnswer,
    /// An empty matrix was submitted in the cell editor.
    EmptyGrid,
    /// A training control failed (the engine's message, rarely seen).
    Failed(String),
    /// A run could not be set up again (a spec problem, in the learner's
    /// language when drawn).
    SpecFailed(Box<crate::spec::SpecError>),
    /// A training control the engine refused (in the learner's language
    /// when drawn).
    EngineFailed(Box<crate::engine::EngineError>),
    /// Something of a class (a refused key, following, the instructor's keys).
    Class(super::class::ClassDone),
    /// → on the last step: the next chapter is offered (the footer asks).
    OfferNext,
    /// → on the last step of the last lesson.
    LastLesson,
    /// `c` on the lesson list opened the first unfinished step (1-based).
    Continued(usize),
}

/// `d` in words.
#[must_use]
pub fn done(lang: Lang, d: &Done) -> String {
    let zh = lang == Lang::Zh;
    match d {
        Done::Key(k) => describe(lang, *k, false).to_string(),
        Done::Opened if zh => "已打开".into(),
        Done::Opened => "opened".into(),
        Done::Resumed if zh => "从上次停下处继续".into(),
        Done::Resumed => "resumed where you stopped".into(),
        Done::Jumped(n) if zh => format!("跳到第 {n} 步"),
        Done::Jumped(n) => format!("jumped to step {n}"),
        Done::AtEnd if zh => "已经是最后一步".into(),
        Done::AtEnd => "already at the last step".into(),
        Done::AtStart if zh => "已经是第一步".into(),
        Done::AtStart => "already at the first step".into(),
        Done::NoSuchStep { asked, len } if zh => format!("没有第 {asked} 步：共 1 到 {len} 步"),
        Done::NoSuchStep { asked, len } => format!("no step {asked}: steps are 1 to {len}"),
        Done::Language if zh => "切换为中文".into(),
        Done::Language => "English".into(),
        Done::Play if zh => "播放".into(),
        Done::Play => "play".into(),
        Done::Pause if zh => "暂停".into(),
        Done::Pause => "pause".into(),
        Done::Epoch if zh => "训练一轮".into(),
        Done::Epoch => "one epoch".into(),
        Done::Iteration if zh => "一次迭代".into(),
        Done::Iteration => "one iteration".into(),
        Done::Speed(s) if zh => format!("速度：{}", speed(lang, *s)),
        Done::Speed(s) => format!("speed {}", speed(lang, *s)),
        Done::Restart { seed, kept: false } if zh => format!("重新开始（随机种子 {seed}）"),
        Done::Restart { seed, kept: false } => format!("restart (seed {seed})"),
        Done::Restart { seed, kept: true } if zh => {
            format!("重新开始（种子 {seed}，保留你的 η 和批大小；R 恢复本课设置）")
        }
        Done::Restart { seed, kept: true } => {
            format!("restart (seed {seed}), your η and batch kept; R resets")
        }
        Done::Reset { seed } if zh => format!("按本课的 η 和批大小重新开始（种子 {seed}）"),
        Done::Reset { seed } => format!("restart with the lesson's η and batch (seed {seed})"),
        Done::Finished(r) => super::train::finished_how_to_restart(lang, r),
        Done::Panel(p) if zh => format!("下方面板：{}", super::train::panel_name(lang, *p)),
        Done::Panel(p) => format!("panel: {}", super::train::panel_name(lang, *p)),
        Done::NewSeed { seed } if zh => format!("换随机种子 {seed} 重新开始"),
        Done::NewSeed { seed } => format!("restart with new seed {seed}"),
        Done::LearningRate(eta) => format!("η = {eta}"),
        Done::BatchSize(b) if zh => format!("批大小 {}", super::train::batch_label(lang, b)),
        Done::BatchSize(b) => format!("batch size {b}"),
        Done::History(e) if zh => format!("回看第 {e} 轮"),
        Done::History(e) => format!("showing epoch {e}"),
        Done::Live if zh => "回到实时训练".into(),
        Done::Live => "live".into(),
        Done::LogScale(true) if zh => "对数坐标".into(),
        Done::LogScale(true) => "log scale".into(),
        Done::LogScale(false) if zh => "线性坐标".into(),
        Done::LogScale(false) => "linear scale".into(),
        Done::RunParams(true) => super::hidden::hidden_words(lang).show_params.into(),
        Done::RunParams(false) => super::hidden::hidden_words(lang).hide_params.into(),
        Done::PlayAll if zh => "全部开始".into(),
        Done::PlayAll => "play all runs".into(),
        Done::EpochAll if zh => "每个训练各走一轮".into(),
        Done::EpochAll => "one epoch of every run".into(),
        Done::RestartAll if zh => "全部重新开始".into(),
        Done::RestartAll => "restart all runs".into(),
        Done::AllFinished if zh => "所有训练都已结束；按 r 重来".into(),
        Done::AllFinished => "every run has finished; r restarts them".into(),
        Done::Answering(q) if zh => format!("回答第 {q} 题"),
        Done::Answering(q) => format!("answer Q{q}"),
        Done::Answered { question, right } if zh => {
            format!("第 {question} 题：{}", if *right { "正确" } else { "不对" })
        }
        Done::Answered { question, right } => {
            format!(
                "answer Q{question}: {}",
                if *right { "right" } else { "not right" }
            )
        }
        Done::HintShown(q) if zh => format!("第 {q} 题的提示"),
        Done::HintShown(q) => format!("hint for Q{q}"),
        Done::SolutionAsked(q) if zh => format!("第 {q} 题的详细解答"),
        Done::SolutionAsked(q) => format!("worked solution of Q{q}"),
        Done::EmptyAnswer if zh => "先输入答案，或输入 提示 / 解答".into(),
        Done::EmptyAnswer => "type an answer first, or hint / solution".into(),
        Done::EmptyGrid if zh => "先逐格填入数字（Tab 换格），或在一格中输入 提示 / 解答".into(),
        Done::EmptyGrid => "fill the cells (Tab moves), or type hint / solution in one".into(),
        Done::Failed(m) if zh => format!("无法执行：{m}"),
        Done::Failed(m) => m.clone(),
        Done::SpecFailed(e) if zh => format!("无法执行：{}", super::problems::spec_error(lang, e)),
        Done::SpecFailed(e) => super::problems::spec_error(lang, e),
        Done::EngineFailed(e) if zh => {
            format!("无法执行：{}", super::problems::engine_error(lang, e))
        }
        Done::EngineFailed(e) => super::problems::engine_error(lang, e),
        Done::Class(c) => super::class::class_done(lang, c),
        Done::OfferNext if zh => "本课结束；再按 → 进入下一课".into(),
        Done::OfferNext => "end of the lesson; → again opens the next".into(),
        Done::LastLesson if zh => "最后一课已结束；q 返回".into(),
        Done::LastLesson => "end of the last lesson; q goes back".into(),
        Done::Continued(n) if zh => format!("从第 {n} 步继续"),
        Done::Continued(n) => format!("continued at step {n}"),
    }
}
