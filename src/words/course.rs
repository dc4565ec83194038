//! The words of moving through the course: the offer of the next chapter
//! at the end of a lesson, and a lesson's progress on the lesson list.

use crate::lesson::Lang;
use crate::session::LessonStatus;

/// The confirmation line at the end of a lesson, before its keys: the
/// next chapter. `title` is the next lesson's title.
#[must_use]
pub fn next_offer(lang: Lang, chapter: u32, title: &str) -> String {
    let what = format!("{} · {title}", super::chapter(lang, chapter));
    match lang {
        Lang::En => format!("next: {what}"),
        Lang::Zh => format!("下一课：{what}"),
    }
}

/// The end of the plain runner: the next chapter, and (second) the
/// command that prints it.
#[must_use]
pub fn next_plain(lang: Lang, chapter: u32, title: &str, id: &str) -> (String, String) {
    let what = format!("{} · {title}", super::chapter(lang, chapter));
    match lang {
        Lang::En => (
            format!("Next: {what}"),
            format!("(nnstep run {id} --plain)"),
        ),
        Lang::Zh => (
            format!("下一课：{what}"),
            format!("（nnstep run {id} --plain）"),
        ),
    }
}

/// The note `nnstep run` prints (to standard error) when `--plain` was not
/// given: the lesson comes as text, and `open` shows it full-screen.
#[must_use]
pub fn plain_note(lang: Lang, id: &str) -> String {
    match lang {
        Lang::En => {
            format!(
                "note: printing the lesson as plain text; `nnstep open {id}` shows it full-screen"
            )
        }
        Lang::Zh => format!("提示：本课以纯文本输出；`nnstep open {id}` 可以全屏查看"),
    }
}

/// Why the full-screen view did not start: standard input or output is not
/// a terminal.
#[must_use]
pub fn needs_terminal(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "nnstep: the full-screen view needs a terminal; try `nnstep list` or `nnstep run LESSON --plain`"
        }
        Lang::Zh => {
            "nnstep：全屏界面需要在终端里运行；可以改用 `nnstep list` 或 `nnstep run 课程编号 --plain`"
        }
    }
}

/// A step asked for on the command line that the lesson does not have.
#[must_use]
pub fn no_such_step(lang: Lang, step: usize, len: usize) -> String {
    match lang {
        Lang::En => format!("error: there is no step {step}; the lesson has steps 1 to {len}"),
        Lang::Zh => format!("错误：没有第 {step} 步；本课的步骤是 1 到 {len}"),
    }
}

/// The end of the last lesson in the plain runner.
#[must_use]
pub fn course_done(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "This was the last lesson.",
        Lang::Zh => "这是最后一课。",
    }
}

/// A lesson's quiz progress, for the summary of the selected lesson:
/// right, unanswered and to review. Empty for a lesson without questions.
#[must_use]
pub fn quiz_progress(lang: Lang, s: &LessonStatus) -> String {
    if s.questions == 0 {
        return String::new();
    }
    let open = s.questions.saturating_sub(s.answered);
    match lang {
        Lang::En => format!(
            "quiz: {} of {} right, {open} unanswered, {} to review",
            s.right, s.questions, s.review
        ),
        Lang::Zh => format!(
            "测验：共 {} 题，答对 {} 题，未答 {open} 题，待复习 {} 题",
            s.questions, s.right, s.review
        ),
    }
}

/// The legend of ✓ on the lesson list.
#[must_use]
pub fn finished_legend(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "done",
        Lang::Zh => "已完成",
    }
}

/// What the finished mark (`✓`) means, for the help of the lesson list.
#[must_use]
pub fn finished_meaning(lang: Lang, mark: &str) -> String {
    match lang {
        Lang::En => format!("{mark} done: every step seen and every question answered."),
        Lang::Zh => format!("{mark} 已完成：每一步都看过，每道题都答过。"),
    }
}

/// The words of `nnstep progress`: the saved progress as a table.
#[derive(Debug)]
pub struct ProgressWords {
    /// Before the path of the progress file.
    pub file: &'static str,
    pub none_yet: &'static str,
    /// Column heads: mark, lesson id, title, steps seen, the step stopped on.
    pub header: [&'static str; 5],
    /// The legend of the `*` mark.
    pub opened_last: &'static str,
    /// In the title column of a lesson the catalog does not have.
    pub not_in_catalog: &'static str,
}

const PROGRESS_EN: ProgressWords = ProgressWords {
    file: "progress file:",
    none_yet: "no progress saved yet",
    header: ["", "lesson", "title", "seen", "at step"],
    opened_last: "(* opened last)",
    not_in_catalog: "(not in the catalog)",
};

const PROGRESS_ZH: ProgressWords = ProgressWords {
    file: "进度文件：",
    none_yet: "还没有保存任何进度",
    header: ["", "编号", "标题", "已看", "停在"],
    opened_last: "（* 上次打开）",
    not_in_catalog: "（课程目录中没有）",
};

/// The words of `nnstep progress` in `lang`.
#[must_use]
pub fn progress_words(lang: Lang) -> &'static ProgressWords {
    match lang {
        Lang::En => &PROGRESS_EN,
        Lang::Zh => &PROGRESS_ZH,
    }
}

/// The step a learner stopped on, in `nnstep progress`: `16: Title` /
/// `第 16 步：标题` (`n` is 1-based).
#[must_use]
pub fn stopped_at(lang: Lang, n: usize, title: &str) -> String {
    match lang {
        Lang::En => format!("{n}: {title}"),
        Lang::Zh => format!("第 {n} 步：{title}"),
    }
}

/// `nnstep progress review` with nothing to go over.
#[must_use]
pub fn review_nothing(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "nothing to review: no missed questions saved",
        Lang::Zh => "没有需要复习的题：没有保存答错的题目",
    }
}

/// The step a question to review is on (`n` is 1-based).
#[must_use]
pub fn review_step(lang: Lang, n: usize, title: &str) -> String {
    match lang {
        Lang::En => format!("step {n}: {title}"),
        Lang::Zh => format!("第 {n} 步：{title}"),
    }
}

/// How a question to review went: missed, or right only after the worked
/// solution was shown; with the tries and hints it took.
#[must_use]
pub fn review_tally(lang: Lang, after_solution: bool, attempts: u32, hints: u32) -> String {
    match (lang, after_solution) {
        (Lang::En, true) => {
            format!("(right after the solution; {attempts} attempt(s), {hints} hint(s))")
        }
        (Lang::En, false) => format!("(missed; {attempts} attempt(s), {hints} hint(s))"),
        (Lang::Zh, true) => {
            format!("（看过详细解答后才答对；作答 {attempts} 次，提示 {hints} 次）")
        }
        (Lang::Zh, false) => format!("（没有答对；作答 {attempts} 次，提示 {hints} 次）"),
    }
}

/// The count at the end of `nnstep progress review`.
#[must_use]
pub fn review_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("{n} question(s) to review"),
        Lang::Zh => format!("共 {n} 道题待复习"),
    }
}
