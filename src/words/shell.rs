//! The words around lesson content: the lesson list, the top bar, the help,
//! step and chapter labels, scores and the end of a lesson.

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
    /// The plain runner's step heading (`Step 3/12`).
    pub step_heading: &'static str,
    /// Before the count of matrix rows not shown.
    pub more_rows: &'static str,
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
        "Top bar: step k/n, chapter and lesson; below it, the last key pressed in words and the step's title.",
        "Body: the step. An arrow on its frame means more text below or above (j/k scroll).",
        "Bottom bar: the keys that work here. Progress is saved at every step.",
    ],
    help_close: "? or q closes this help",
    jump_prompt: "go to step",
    jump_hint: "Enter go, Esc cancel",
    more: "more",
    end_of_lesson: "End of the lesson.",
    step_heading: "Step",
    more_rows: "more rows",
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
        "顶栏：第 k/n 步、章节与课程；下一行是刚按下的键的作用和本步标题。",
        "正文：当前这一步。边框上的箭头表示上方或下方还有内容（j/k 滚动）。",
        "底栏：此处可用的按键。每走一步都会保存进度。",
    ],
    help_close: "按 ? 或 q 关闭帮助",
    jump_prompt: "跳到第几步",
    jump_hint: "Enter 确定，Esc 取消",
    more: "行",
    end_of_lesson: "本课结束。",
    step_heading: "步骤",
    more_rows: "行未显示",
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

/// A chapter number in words.
#[must_use]
pub fn chapter(lang: Lang, n: u32) -> String {
    match lang {
        Lang::En => format!("Chapter {n}"),
        Lang::Zh => format!("第 {n} 章"),
    }
}

/// The quiz score at the end of a lesson.
#[must_use]
pub fn score(lang: Lang, right: usize, answered: usize, total: usize) -> String {
    let unanswered = total - answered.min(total);
    match lang {
        Lang::En => format!("Quiz: {right} of {total} right, {unanswered} unanswered."),
        Lang::Zh => format!("测验：共 {total} 题，答对 {right} 题，未答 {unanswered} 题。"),
    }
}

/// A step kind's name, for the frame around the step.
#[must_use]
pub fn step_kind(lang: Lang, kind: &crate::lesson::StepKind) -> &'static str {
    use crate::lesson::StepKind as K;
    match (lang, kind) {
        (Lang::En, K::Text(_)) => "text",
        (Lang::Zh, K::Text(_)) => "文字",
        (Lang::En, K::Formula { .. }) => "formula",
        (Lang::Zh, K::Formula { .. }) => "公式",
        (Lang::En, K::Matrix(_)) => "matrix",
        (Lang::Zh, K::Matrix(_)) => "矩阵",
        (Lang::En, K::Table(_)) => "table",
        (Lang::Zh, K::Table(_)) => "表格",
        (Lang::En, K::Train(_)) => "training",
        (Lang::Zh, K::Train(_)) => "训练",
        (Lang::En, K::Compare(_)) => "comparison",
        (Lang::Zh, K::Compare(_)) => "对比",
        (Lang::En, K::Quiz(_)) => "quiz",
        (Lang::Zh, K::Quiz(_)) => "测验",
        (Lang::En, K::Capacity(_)) => "capacity",
        (Lang::Zh, K::Capacity(_)) => "模型容量",
        (Lang::En, K::Landscape(_)) => "loss landscape",
        (Lang::Zh, K::Landscape(_)) => "损失曲面",
        (Lang::En, K::Plot(_)) => "function plot",
        (Lang::Zh, K::Plot(_)) => "函数图像",
    }
}

/// The message shown instead of a squeezed screen.
#[must_use]
pub fn too_small(lang: Lang, need: &str) -> String {
    match lang {
        Lang::En => format!("window too small (need {need})"),
        Lang::Zh => format!("窗口太小（至少需要 {need}）"),
    }
}
