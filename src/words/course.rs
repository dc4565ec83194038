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
