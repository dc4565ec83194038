//! Every word the plain runner prints around lesson content, in both
//! languages, in one place.

use crate::lesson::Lang;
use crate::session::{Nearly, Reason};

/// The runner's fixed words in one language.
#[derive(Clone, Copy, Debug)]
pub struct Labels {
    pub step: &'static str,
    pub right: &'static str,
    pub close: &'static str,
    pub wrong: &'static str,
    pub expected: &'static str,
    pub prompt: &'static str,
    pub no_answer: &'static str,
    pub run: &'static str,
    pub final_loss: &'static str,
    pub boundary_elsewhere: &'static str,
    pub more_rows: &'static str,
    pub end: &'static str,
}

const EN: Labels = Labels {
    step: "Step",
    right: "right",
    close: "close",
    wrong: "wrong",
    expected: "expected",
    prompt: "answer> ",
    no_answer: "no answer (end of input)",
    run: "run",
    final_loss: "final loss",
    boundary_elsewhere: "(the decision boundary is drawn in the full-screen view)",
    more_rows: "more rows",
    end: "End of the lesson.",
};

const ZH: Labels = Labels {
    step: "步骤",
    right: "正确",
    close: "接近",
    wrong: "错误",
    expected: "正确答案",
    prompt: "答案> ",
    no_answer: "未作答（输入已结束）",
    run: "训练",
    final_loss: "最终损失",
    boundary_elsewhere: "（分类边界在全屏界面中显示）",
    more_rows: "行未显示",
    end: "本课结束。",
};

/// The labels for `lang`.
#[must_use]
pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// The lesson heading's chapter part.
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

/// How a close answer missed, in words.
#[must_use]
pub fn nearly(lang: Lang, n: Nearly) -> &'static str {
    match (lang, n) {
        (Lang::En, Nearly::Sign) => "the size is right, the sign is not",
        (Lang::En, Nearly::Rounding) => "nearly; check the rounding",
        (Lang::Zh, Nearly::Sign) => "大小对了，符号不对",
        (Lang::Zh, Nearly::Rounding) => "很接近，检查一下舍入",
    }
}

/// Why an answer is wrong, in words.
#[must_use]
pub fn reason(lang: Lang, r: &Reason) -> String {
    match (lang, r) {
        (Lang::En, Reason::NoAnswer) => "no answer given".into(),
        (Lang::Zh, Reason::NoAnswer) => "没有作答".into(),
        (Lang::En, Reason::NotANumber(s)) => format!("'{s}' is not a number"),
        (Lang::Zh, Reason::NotANumber(s)) => format!("“{s}”不是数字"),
        (Lang::En, Reason::NotAnOption { input, count }) => {
            format!("'{input}' is none of the options 1 to {count}")
        }
        (Lang::Zh, Reason::NotAnOption { input, count }) => {
            format!("“{input}”不是选项 1 到 {count} 之一")
        }
        (Lang::En, Reason::WrongOption(i)) => format!("option {} is not the right one", i + 1),
        (Lang::Zh, Reason::WrongOption(i)) => format!("选项 {} 不对", i + 1),
        (Lang::En, Reason::OutsideTolerance { given, allowed }) => {
            format!("{given} is not within {allowed} of the answer")
        }
        (Lang::Zh, Reason::OutsideTolerance { given, allowed }) => {
            format!("{given} 与答案相差超过 {allowed}")
        }
    }
}
