//! The words of state codes: the box that shows a screen's code, the plain
//! runner's code line, and what is wrong with a code that cannot be opened.

use crate::lesson::Lang;
use crate::session::CodeError;
use crate::session::training::ReplayError;

/// The fixed words around a state code.
#[derive(Debug)]
pub struct CodeWords {
    /// The box's title.
    pub title: &'static str,
    /// Under the code: how to come back to this screen.
    pub reopen: &'static str,
    /// Under the code, when it was sent to the clipboard.
    pub copied: &'static str,
    /// How to close the box.
    pub close: &'static str,
    /// The plain runner's label before a step's code.
    pub label: &'static str,
    /// `--step` given with a code.
    pub no_step_option: &'static str,
}

const EN: CodeWords = CodeWords {
    title: "State code",
    reopen: "nnstep open CODE shows this screen again: the same step, run, seed, η, batch size, epoch and language.",
    copied: "Also sent to the clipboard through the terminal, if it allows that (in tmux: set-clipboard on).",
    close: "q, Esc or ? closes this",
    label: "State code",
    no_step_option: "--step cannot go with a state code: the code names its own step",
};

const ZH: CodeWords = CodeWords {
    title: "状态码",
    reopen: "运行 nnstep open 状态码 可以回到这个画面：同一步、同一次训练、同样的随机种子、η、批大小、轮数和语言。",
    copied: "也已经由终端发送到剪贴板（需终端允许；在 tmux 中要开启 set-clipboard）。",
    close: "按 q、Esc 或 ? 关闭",
    label: "状态码",
    no_step_option: "--step 不能与状态码同用：状态码本身已指明是哪一步",
};

/// The words of state codes in `lang`.
#[must_use]
pub fn code_words(lang: Lang) -> &'static CodeWords {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// What is wrong with a state code, in a sentence that names the part.
#[must_use]
pub fn code_error(lang: Lang, e: &CodeError) -> String {
    let zh = lang == Lang::Zh;
    match e {
        CodeError::NoDot => pick(
            zh,
            "this is not a state code: a code is a lesson id, a dot and letters and digits, like ch04.0ABC-…".into(),
            "这不是状态码：状态码由课程编号、一个点和字母数字组成，例如 ch04.0ABC-…".into(),
        ),
        CodeError::BadLessonId => pick(
            zh,
            "the part before the dot is not a lesson id (letters, digits, - and _)".into(),
            "点号之前的部分不是课程编号（只能含字母、数字、- 和 _）".into(),
        ),
        CodeError::BadCharacter { character, position } => pick(
            zh,
            format!(
                "character {position} ('{}') cannot appear in a state code: it uses digits and the letters A–Z without U",
                character.escape_debug()
            ),
            format!(
                "第 {position} 个字符（“{}”）不会出现在状态码中：状态码只用数字和除 U 以外的字母",
                character.escape_debug()
            ),
        ),
        CodeError::TooShort | CodeError::Truncated => pick(
            zh,
            "the code is incomplete or damaged: copy it again in full".into(),
            "状态码不完整或已损坏：请重新完整复制".into(),
        ),
        CodeError::TooLong => pick(
            zh,
            format!("the code is longer than {} characters: this is not a state code", crate::session::code::MAX_CHARS),
            format!("状态码超过 {} 个字符：这不是状态码", crate::session::code::MAX_CHARS),
        ),
        CodeError::Checksum => pick(
            zh,
            "the code's check characters do not match: a character was mistyped or left out; copy it again".into(),
            "状态码的校验字符不匹配：有字符输错或漏掉了，请重新复制".into(),
        ),
        CodeError::Version(v) => pick(
            zh,
            format!("the code is of format version {v}, which this nnstep does not know; update nnstep"),
            format!("状态码的格式版本为 {v}，此版本的 nnstep 无法识别，请更新 nnstep"),
        ),
        CodeError::UnknownLesson(id) => pick(
            zh,
            format!("there is no lesson '{id}' here (see nnstep list; a lesson of your own needs --lessons DIR)"),
            format!("这里没有课程“{id}”（见 nnstep list；自己的课程需要加 --lessons 目录）"),
        ),
        CodeError::Stale(id) => pick(
            zh,
            format!("the lesson '{id}' has changed since this code was made, so the code is stale; open the lesson instead: nnstep open {id}"),
            format!("课程“{id}”在生成这个状态码之后已经改动，状态码已过期；请直接打开课程：nnstep open {id}"),
        ),
        CodeError::NoSuchStep { step, len } => pick(
            zh,
            format!("the code names step {step}, but the lesson has steps 1 to {len}"),
            format!("状态码指向第 {step} 步，但这一课只有第 1 到第 {len} 步"),
        ),
        CodeError::WrongKind { step } => pick(
            zh,
            format!("the code does not fit step {step} of the lesson (it was made for another kind of step)"),
            format!("状态码与这一课的第 {step} 步不符（它是为另一种步骤生成的）"),
        ),
        CodeError::Replay(r) => replay(zh, r),
    }
}

fn replay(zh: bool, r: &ReplayError) -> String {
    match r {
        ReplayError::StopsEarly { wanted, stopped } => pick(
            zh,
            format!("the code asks for {wanted} gradient steps, but the run stops after {stopped}"),
            format!("状态码要求 {wanted} 次梯度更新，但训练在 {stopped} 次后就停止了"),
        ),
        ReplayError::Settings(why) => pick(
            zh,
            format!("the run in the code cannot be rebuilt: {why}"),
            format!("无法重建状态码中的训练：{why}"),
        ),
        ReplayError::NoSuchEpoch(e) => pick(
            zh,
            format!("the code looks at epoch {e}, which the run does not record"),
            format!("状态码查看的是第 {e} 轮，但训练没有记录这一轮"),
        ),
        ReplayError::RunCount { code, step } => pick(
            zh,
            format!("the code has {code} runs, but this step draws {step}"),
            format!("状态码里有 {code} 条训练，但这一步画的是 {step} 条"),
        ),
    }
}

fn pick(zh: bool, en: String, zh_text: String) -> String {
    if zh { zh_text } else { en }
}
