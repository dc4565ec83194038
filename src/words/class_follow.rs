//! More words of a class, in English and Chinese: a restarted instructor's
//! results read back, the instructor's own run followed by a plain learner,
//! and predictions made in class.

use crate::class::Snapshot;
use crate::lesson::Lang;

/// A restarted instructor has the results it had received.
#[must_use]
pub fn resumed(lang: Lang, class: &str, s: &Snapshot) -> String {
    let answers: usize = s.questions.iter().map(|q| q.answered).sum();
    let learners = s.questions.iter().map(|q| q.of).max().unwrap_or(0);
    match lang {
        Lang::En => format!(
            "Class {class} restarted: {answers} results from {learners} learners received before are kept (start with --fresh for a new class)."
        ),
        Lang::Zh => format!(
            "课堂 {class} 已重新启动：保留了此前收到的 {learners} 名学员的 {answers} 个结果（如要开始新的课堂，请加 --fresh）。"
        ),
    }
}

/// The private file of results could not be written.
#[must_use]
pub fn tally_not_kept(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::En => format!(
            "The results can no longer be kept on disk ({reason}); a restart would lose them."
        ),
        Lang::Zh => format!("结果已无法保存到磁盘（{reason}），重新启动后会丢失。"),
    }
}

/// Said under a comparison's note: its results wait for the instructor's
/// runs.
#[must_use]
pub fn compare_follows(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "These runs follow the instructor's: their results show here when they end.",
        Lang::Zh => "这几组训练跟随讲师进行，结束后在这里显示结果。",
    }
}

/// Said once when the instructor's run has started while the learner's
/// prediction still waits.
#[must_use]
pub fn run_waits(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "The instructor's run has started; yours follows it once you have predicted (an empty line skips)."
        }
        Lang::Zh => "讲师的训练已经开始；你作出预测后，你的训练会跟上（空行表示跳过预测）。",
    }
}

/// `class report` when the class no longer runs.
#[must_use]
pub fn report_from_kept(lang: Lang, class: &str) -> String {
    match lang {
        Lang::En => format!(
            "Class {class} is not running: the report is made from the results its instructor kept."
        ),
        Lang::Zh => format!("课堂 {class} 没有在运行：报告根据讲师保存的结果生成。"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::class::ClassState;

    #[test]
    fn both_languages_say_how_many_results_came_back() {
        let s = Snapshot {
            class: "c".into(),
            lesson: "ch04".into(),
            state: ClassState::default(),
            learners: Vec::new(),
            questions: Vec::new(),
            wrong_codes: 0,
            refused_full: 0,
            dropped: 0,
        };
        assert!(resumed(Lang::En, "c", &s).contains("0 results from 0 learners"));
        assert!(resumed(Lang::Zh, "c", &s).contains("0 名学员的 0 个结果"));
        assert!(tally_not_kept(Lang::Zh, "x").contains("（x）"));
    }
}
