//! Every word the full-screen views show around lesson content, in both
//! languages, in one place.

use super::app::Action;
use super::message::Message;
use crate::lesson::Lang;

/// The fixed words of the screens in one language.
#[derive(Debug)]
pub struct Labels {
    pub app_title: &'static str,
    pub lessons: &'static str,
    pub about: &'static str,
    pub steps: &'static str,
    pub last_opened: &'static str,
    /// Before a lesson's quiz score (`quiz 3/5`).
    pub quiz: &'static str,
    /// The legend of the `!n` mark: questions to review.
    pub to_review: &'static str,
    pub broken: &'static str,
    pub no_lessons: &'static str,
    pub step: &'static str,
    pub help_title: &'static str,
    pub help_panels: &'static [&'static str],
    pub help_close: &'static str,
    pub jump_prompt: &'static str,
    pub jump_hint: &'static str,
    pub more: &'static str,
    pub end_of_lesson: &'static str,
    pub later_title: &'static str,
    pub questions: &'static str,
    pub later_train: &'static str,
    pub later_quiz: &'static str,
    pub plain_hint: &'static str,
    pub data: &'static str,
    pub layers: &'static str,
    pub loss: &'static str,
    pub learning_rate: &'static str,
    pub batch: &'static str,
    pub epochs: &'static str,
    pub shuffle: &'static str,
    pub seed: &'static str,
    pub runs: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub shape: &'static str,
}

const EN: Labels = Labels {
    app_title: "nnstep: neural networks, step by step",
    lessons: "Lessons",
    about: "About this lesson",
    steps: "steps seen",
    last_opened: "opened last",
    quiz: "quiz",
    to_review: "to review",
    broken: "does not load: run nnstep check",
    no_lessons: "No lessons found.",
    step: "step",
    help_title: "Keys",
    help_panels: &[
        "Top bar: chapter and lesson, step k/n, the step's title, and the last key pressed in words.",
        "Body: the step. An arrow on its frame means more text below or above (j/k scroll).",
        "Bottom bar: the keys that work here. Progress is saved at every step.",
    ],
    help_close: "? or q closes this help",
    jump_prompt: "go to step",
    jump_hint: "Enter go, Esc cancel",
    more: "more",
    end_of_lesson: "End of the lesson.",
    later_title: "What will run here",
    questions: "The questions",
    later_train: "The live training dashboard comes in the next version of nnstep.",
    later_quiz: "Answering in the full-screen view comes in the next version of nnstep.",
    plain_hint: "Run this step now as text:",
    data: "data",
    layers: "layers",
    loss: "loss",
    learning_rate: "learning rate η",
    batch: "batch size",
    epochs: "epochs",
    shuffle: "shuffle",
    seed: "seed",
    runs: "runs",
    yes: "yes",
    no: "no",
    shape: "shape",
};

const ZH: Labels = Labels {
    app_title: "nnstep：一步一步学神经网络",
    lessons: "课程",
    about: "本课简介",
    steps: "已看步骤",
    last_opened: "上次打开",
    quiz: "测验",
    to_review: "待复习",
    broken: "无法加载：请运行 nnstep check",
    no_lessons: "没有找到课程。",
    step: "步骤",
    help_title: "按键",
    help_panels: &[
        "顶栏：章节与课程、第 k/n 步、本步标题，以及刚按下的键的作用。",
        "正文：当前这一步。边框上的箭头表示上方或下方还有内容（j/k 滚动）。",
        "底栏：此处可用的按键。每走一步都会保存进度。",
    ],
    help_close: "按 ? 或 q 关闭帮助",
    jump_prompt: "跳到第几步",
    jump_hint: "Enter 确定，Esc 取消",
    more: "更多",
    end_of_lesson: "本课结束。",
    later_title: "这里将要运行的内容",
    questions: "题目",
    later_train: "实时训练界面将在 nnstep 的下一个版本中提供。",
    later_quiz: "在全屏界面中作答将在 nnstep 的下一个版本中提供。",
    plain_hint: "现在以文本方式运行这一步：",
    data: "数据",
    layers: "网络层",
    loss: "损失函数",
    learning_rate: "学习率 η",
    batch: "批大小",
    epochs: "轮数",
    shuffle: "打乱顺序",
    seed: "随机种子",
    runs: "各次训练",
    yes: "是",
    no: "否",
    shape: "形状",
};

/// The labels for `lang`.
#[must_use]
pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// The other language's own name (what `L` switches to).
#[must_use]
pub fn other_language(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "中文",
        Lang::Zh => "English",
    }
}

/// The number of steps of a lesson.
#[must_use]
pub fn step_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En if n == 1 => "1 step".into(),
        Lang::En => format!("{n} steps"),
        Lang::Zh => format!("共 {n} 步"),
    }
}

/// A chapter number in words (shared with the plain runner).
pub use crate::plain::labels::chapter;

/// What a message does, for the footer (`short`) and the help (long).
#[must_use]
pub fn describe(lang: Lang, msg: Message, short: bool) -> String {
    use Message::*;
    let (en, zh) = match (msg, short) {
        (Next, true) => ("next", "下一步"),
        (Next, false) => ("next step", "下一步"),
        (Prev, true) => ("previous", "上一步"),
        (Prev, false) => ("previous step", "上一步"),
        (First, _) => ("first step", "第一步"),
        (Last, _) => ("last step", "最后一步"),
        (JumpStart, true) => ("jump", "跳转"),
        (JumpStart, false) => (
            "go to step N (type the number, then Enter)",
            "跳到第 N 步（输入数字后按 Enter）",
        ),
        (ScrollDown, true) => ("scroll", "滚动"),
        (ScrollDown, false) => ("scroll down", "向下滚动"),
        (ScrollUp, _) => ("scroll up", "向上滚动"),
        (PageDown, _) => ("page down", "向下翻页"),
        (PageUp, _) => ("page up", "向上翻页"),
        (SelectNext, true) => ("choose", "选择"),
        (SelectNext, false) => ("next lesson", "下一课"),
        (SelectPrev, _) => ("previous lesson", "上一课"),
        (Open, _) => ("open", "打开"),
        (Continue, true) => ("continue", "继续"),
        (Continue, false) => ("continue where you stopped", "从上次停下的地方继续"),
        (ToggleHelp, true) => ("help", "帮助"),
        (ToggleHelp, false) => ("show or close this help", "打开或关闭帮助"),
        (SwitchLang, true) => return other_language(lang).to_string(),
        (SwitchLang, false) => {
            return match lang {
                Lang::En => "switch the language to 中文".into(),
                Lang::Zh => "切换语言为 English".into(),
            };
        }
        (Back, true) => ("back", "返回"),
        (Back, false) => ("back to the lesson list, or quit", "返回课程列表或退出"),
        (JumpConfirm, _) => ("go", "确定"),
        (JumpCancel, _) => ("cancel", "取消"),
        (JumpDigit(_) | JumpBack, _) => ("type the step number", "输入步骤编号"),
        (Quit, _) => ("quit", "退出"),
        (Resize(..) | Tick, _) => ("", ""),
        (Dash(k), short) => dash(k, short),
        (Quiz(k), short) => quiz(k, short),
    };
    match lang {
        Lang::En => en.to_string(),
        Lang::Zh => zh.to_string(),
    }
}

fn dash(k: crate::tui::dashboard::DashKey, short: bool) -> (&'static str, &'static str) {
    use crate::tui::dashboard::DashKey::*;
    match (k, short) {
        (PlayPause, true) => ("play", "播放"),
        (PlayPause, false) => ("play or pause the training", "开始或暂停训练"),
        (Epoch, true) => ("epoch", "一轮"),
        (Epoch, false) => ("one epoch", "训练一轮"),
        (Iteration, true) => ("batch", "一批"),
        (Iteration, false) => ("one iteration (one mini-batch)", "一次迭代（一个小批量）"),
        (Faster, true) => ("faster", "加速"),
        (Faster, false) => (
            "faster (up to as fast as the machine goes)",
            "加速（最快到机器极限）",
        ),
        (Slower, true) => ("slower", "减速"),
        (Slower, false) => (
            "slower (down to one epoch per second)",
            "减速（最慢每秒一轮）",
        ),
        (ScrubBack, true) => ("history", "回看"),
        (ScrubBack, false) => ("back through the recorded epochs", "回看已记录的各轮"),
        (ScrubForward, _) => (
            "forward through the recorded epochs",
            "向前查看已记录的各轮",
        ),
        (Restart, true) => ("restart", "重来"),
        (Restart, false) => ("restart with the same seed", "用同一随机种子重新开始"),
        (NewSeed, _) => ("restart with a new seed", "换一个随机种子重新开始"),
        (LearningRateUp, _) => ("double the learning rate", "学习率加倍"),
        (LearningRateDown, _) => ("halve the learning rate", "学习率减半"),
        (CycleBatch, _) => ("batch size 1, 10, full", "批大小 1、10、全部"),
        (ToggleLog, _) => ("loss chart: log or linear scale", "损失图：对数或线性坐标"),
    }
}

fn quiz(k: crate::tui::quiz_view::QuizKey, short: bool) -> (&'static str, &'static str) {
    use crate::tui::quiz_view::QuizKey::*;
    match (k, short) {
        (Enter, true) => ("answer", "作答"),
        (Enter, false) => (
            "answer the question (then Enter submits)",
            "回答所选题目（再按 Enter 提交）",
        ),
        (Down, true) => ("choose", "选题"),
        (Down, false) => ("next question", "下一题"),
        (Up, _) => ("previous question", "上一题"),
        (Cancel, _) => ("leave the answer line", "离开作答行"),
        (NextCell, true) => ("next cell", "下一格"),
        (NextCell, false) => ("next cell of a matrix answer", "矩阵答案的下一格"),
        (PrevCell, _) => ("previous cell", "上一格"),
        (CellDown, _) => ("cell below", "下方一格"),
        (CellUp, _) => ("cell above", "上方一格"),
        (Backspace, _) => ("delete a character", "删除一个字符"),
        (Char(_), _) => (
            "type the answer; hint / solution",
            "输入答案；或输入 提示 / 解答",
        ),
    }
}

/// The last action in words, for the top bar.
#[must_use]
pub fn action(lang: Lang, a: &Action) -> String {
    match (lang, a) {
        (Lang::En, Action::Opened) => "opened".into(),
        (Lang::Zh, Action::Opened) => "已打开".into(),
        (Lang::En, Action::Resumed) => "resumed where you stopped".into(),
        (Lang::Zh, Action::Resumed) => "从上次停下处继续".into(),
        (_, Action::Moved(m)) => describe(lang, *m, false),
        (Lang::En, Action::Jumped(n)) => format!("jumped to step {n}"),
        (Lang::Zh, Action::Jumped(n)) => format!("跳到第 {n} 步"),
        (Lang::En, Action::AtEnd) => "already at the last step".into(),
        (Lang::Zh, Action::AtEnd) => "已经是最后一步".into(),
        (Lang::En, Action::AtStart) => "already at the first step".into(),
        (Lang::Zh, Action::AtStart) => "已经是第一步".into(),
        (Lang::En, Action::NoSuchStep { asked, len }) => {
            format!("no step {asked}: steps are 1 to {len}")
        }
        (Lang::Zh, Action::NoSuchStep { asked, len }) => {
            format!("没有第 {asked} 步：共 1 到 {len} 步")
        }
        (Lang::En, Action::Language) => "English".into(),
        (Lang::Zh, Action::Language) => "切换为中文".into(),
        (_, Action::Did(words)) => words.clone(),
    }
}
