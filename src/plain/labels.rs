//! Every word the plain runner prints around lesson content, in both
//! languages, in one place.

use crate::lesson::Lang;
use crate::quiz::{ExprProblem, InputError, Slip};
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
    pub try_again: &'static str,
    pub skipped: &'static str,
    pub no_more_hints: &'static str,
    pub no_solution: &'static str,
    pub worked_solution: &'static str,
    pub commands: &'static str,
    pub model: &'static str,
    pub loss: &'static str,
    pub several: &'static str,
    pub variables: &'static str,
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
    try_again: "try again",
    skipped: "skipped",
    no_more_hints: "no more hints",
    no_solution: "this question has no worked solution; see the explanation",
    worked_solution: "worked solution:",
    commands: "(type `hint` for a hint, `solution` for the worked solution after two tries, an empty line to skip)",
    model: "model",
    loss: "loss",
    several: "(several may be right: type them all, for example 1, 3)",
    variables: "an expression in",
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
    try_again: "再试一次",
    skipped: "跳过",
    no_more_hints: "没有更多提示了",
    no_solution: "这道题没有详细解答，请看解释",
    worked_solution: "详细解答：",
    commands: "（输入 hint 查看提示；答两次后输入 solution 查看详细解答；空行跳过）",
    model: "模型",
    loss: "损失",
    several: "（可能有多个正确选项：全部写出，例如 1, 3）",
    variables: "用这些变量写出表达式：",
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
        (Lang::En, Nearly::Rounding) => "nearly; check your rounding",
        (Lang::Zh, Nearly::Rounding) => "很接近，检查一下舍入",
    }
}

/// A revealed hint's heading: `hint 2 of 3`.
#[must_use]
pub fn hint(lang: Lang, n: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("hint {n} of {total}"),
        Lang::Zh => format!("提示 {n}/{total}"),
    }
}

/// Why the worked solution is not shown yet.
#[must_use]
pub fn solution_not_yet(lang: Lang, tries: u32) -> String {
    match lang {
        Lang::En => format!(
            "the worked solution opens after {tries} more tr{}",
            if tries == 1 { "y" } else { "ies" }
        ),
        Lang::Zh => format!("再作答 {tries} 次后可以查看详细解答"),
    }
}

/// How to type a matrix answer of shape (r, c); empty for a number.
#[must_use]
pub fn shape_note(lang: Lang, (r, c): (usize, usize)) -> String {
    if (r, c) == (1, 1) {
        return String::new();
    }
    match lang {
        Lang::En => format!("{r}×{c}: type [[…], […]] or rows separated by ;"),
        Lang::Zh => format!("{r}×{c}：输入 [[…], […]]，或用 ; 分隔各行"),
    }
}

/// What to find in a generated question: `find dW2 (2×1: …)`.
#[must_use]
pub fn find(lang: Lang, name: &str, shape: (usize, usize)) -> String {
    let note = shape_note(lang, shape);
    match (lang, note.is_empty()) {
        (Lang::En, true) => format!("find {name}"),
        (Lang::En, false) => format!("find {name} ({note})"),
        (Lang::Zh, true) => format!("求 {name}"),
        (Lang::Zh, false) => format!("求 {name}（{note}）"),
    }
}

/// A recognised slip, in words.
#[must_use]
pub fn slip(lang: Lang, s: Slip) -> String {
    match (lang, s) {
        (Lang::En, Slip::Sign) => "the size is right, the sign is not".into(),
        (Lang::Zh, Slip::Sign) => "大小对了，符号不对".into(),
        (Lang::En, Slip::Transposed) => {
            "that is the transpose of the answer: check which way round the product goes".into()
        }
        (Lang::Zh, Slip::Transposed) => "这是答案的转置：检查乘积的顺序".into(),
        (Lang::En, Slip::ForgotHalf) => {
            "twice the answer: did the ½ of the squared error get lost?".into()
        }
        (Lang::Zh, Slip::ForgotHalf) => "是答案的两倍：平方误差前的 ½ 漏掉了吗？".into(),
        (Lang::En, Slip::ExtraHalf) => "half the answer: is there a ½ too many?".into(),
        (Lang::Zh, Slip::ExtraHalf) => "是答案的一半：是不是多乘了 ½？".into(),
        (Lang::En, Slip::ForgotMean { m }) => {
            format!("{m} times the answer: average over the {m} samples (the 1/m)")
        }
        (Lang::Zh, Slip::ForgotMean { m }) => {
            format!("是答案的 {m} 倍：要对 {m} 个样本取平均（乘 1/m）")
        }
        (Lang::En, Slip::ExtraMean { m }) => {
            format!("the answer divided by {m}: dZ is per sample, only dW and dB take the 1/m")
        }
        (Lang::Zh, Slip::ExtraMean { m }) => {
            format!("是答案除以 {m}：dZ 是逐样本的，只有 dW、dB 才乘 1/m")
        }
        (Lang::En, Slip::ZForA) => "that is what z gives where a = σ(z) was needed".into(),
        (Lang::Zh, Slip::ZForA) => "这是把 a = σ(z) 错用成 z 得到的结果".into(),
        (Lang::En, Slip::ForgotDerivative) => {
            "the activation's derivative σ'(Z) is missing from the hidden delta".into()
        }
        (Lang::Zh, Slip::ForgotDerivative) => "隐藏层的 dZ 漏乘了激活函数的导数 σ'(Z)".into(),
    }
}

/// Why typed text could not be read, in words.
#[must_use]
pub fn input_error(lang: Lang, e: &InputError) -> String {
    let zh = lang == Lang::Zh;
    match e {
        InputError::TooLong { len, max } if zh => {
            format!("输入太长（{len} 个字符，最多 {max} 个）")
        }
        InputError::TooLong { len, max } => {
            format!("the answer is too long ({len} characters, at most {max})")
        }
        InputError::NotANumber(s) if zh => format!("“{s}”不是数字"),
        InputError::NotANumber(s) => format!("'{s}' is not a number"),
        InputError::TooLarge(s) if zh => format!("“{s}”太大了"),
        InputError::TooLarge(s) => format!("'{s}' is too large to be an answer here"),
        InputError::NotFinite(s) if zh => format!("“{s}”不是有限的数"),
        InputError::NotFinite(s) => format!("'{s}' is not a finite number"),
        InputError::DivideByZero(s) if zh => format!("“{s}”除以了零"),
        InputError::DivideByZero(s) => format!("'{s}' divides by zero"),
        InputError::Brackets if zh => "方括号不配对；例如 [[0.1, -0.2], [0.3, 0.4]]".into(),
        InputError::Brackets => {
            "the brackets do not pair up; for example [[0.1, -0.2], [0.3, 0.4]]".into()
        }
        InputError::Ragged { row, len, expected } if zh => {
            format!("第 {row} 行有 {len} 个数，第一行有 {expected} 个")
        }
        InputError::Ragged { row, len, expected } => {
            format!("row {row} has {len} values, but the first row has {expected}")
        }
        InputError::Expression { problem, at } => expr_problem(lang, problem, at + 1),
    }
}

fn expr_problem(lang: Lang, p: &ExprProblem, col: usize) -> String {
    let zh = lang == Lang::Zh;
    match p {
        ExprProblem::UnexpectedEnd if zh => "表达式在结尾处不完整".into(),
        ExprProblem::UnexpectedEnd => "the expression stops too early".into(),
        ExprProblem::Unexpected(t) if zh => format!("第 {col} 个字符处不应出现“{t}”"),
        ExprProblem::Unexpected(t) => format!("'{t}' cannot come there (character {col})"),
        ExprProblem::UnknownName { name, vars } if zh => {
            format!("不认识“{name}”；可用的变量：{}", vars.join(", "))
        }
        ExprProblem::UnknownName { name, vars } => {
            format!("'{name}' is unknown; the variables are {}", vars.join(", "))
        }
        ExprProblem::Unclosed if zh => format!("第 {col} 个字符处的括号没有闭合"),
        ExprProblem::Unclosed => format!("the parenthesis at character {col} is not closed"),
        ExprProblem::TooDeep if zh => "括号嵌套太深".into(),
        ExprProblem::TooDeep => "the parentheses nest too deep".into(),
    }
}

/// Why an answer is wrong, in words.
#[must_use]
pub fn reason(lang: Lang, r: &Reason) -> String {
    let zh = lang == Lang::Zh;
    match r {
        Reason::NoAnswer if zh => "没有作答".into(),
        Reason::NoAnswer => "no answer given".into(),
        Reason::Unreadable(e) => input_error(lang, e),
        Reason::NotAnOption { input, count } if zh => {
            format!("“{input}”不是选项 1 到 {count} 之一")
        }
        Reason::NotAnOption { input, count } => {
            format!("'{input}' is none of the options 1 to {count}")
        }
        Reason::WrongOption(i) if zh => format!("选项 {} 不对", i + 1),
        Reason::WrongOption(i) => format!("option {} is not the right one", i + 1),
        Reason::WrongOptions { wrong, missing } => {
            let list: Vec<String> = wrong.iter().map(|i| (i + 1).to_string()).collect();
            match (zh, wrong.is_empty()) {
                (true, true) => format!("还少了 {missing} 个正确选项"),
                (true, false) => {
                    format!("选项 {} 不对；还少了 {missing} 个正确选项", list.join(", "))
                }
                (false, true) => format!("{missing} right option(s) are missing"),
                (false, false) => format!(
                    "option(s) {} are not right; {missing} right one(s) missing",
                    list.join(", ")
                ),
            }
        }
        Reason::WrongShape { expected, given } if zh => format!(
            "形状不对：应为 {}×{}，输入的是 {}×{}（这次不计入作答次数）",
            expected.0, expected.1, given.0, given.1
        ),
        Reason::WrongShape { expected, given } => format!(
            "wrong shape: {}×{} was asked, this is {}×{} (this try is not counted)",
            expected.0, expected.1, given.0, given.1
        ),
        Reason::Slip(s) => slip(lang, *s),
        Reason::OutsideTolerance { given, allowed } if zh => {
            format!("{given} 与答案相差超过 {allowed}")
        }
        Reason::OutsideTolerance { given, allowed } => {
            format!("{given} is not within {allowed} of the answer")
        }
        Reason::CellsWrong {
            wrong,
            total,
            first,
        } if zh => format!(
            "{total} 个数中有 {wrong} 个不对（第一个在第 {} 行第 {} 列）",
            first.0 + 1,
            first.1 + 1
        ),
        Reason::CellsWrong {
            wrong,
            total,
            first,
        } => format!(
            "{wrong} of the {total} values are off (the first at row {}, column {})",
            first.0 + 1,
            first.1 + 1
        ),
        Reason::NotEquivalent {
            at,
            given,
            expected,
        } => {
            let point: Vec<String> = at.iter().map(|(n, v)| format!("{n} = {v:.3}")).collect();
            if zh {
                format!(
                    "与正确表达式不等价：在 {} 处，你的式子得 {given:.4}，应为 {expected:.4}",
                    point.join(", ")
                )
            } else {
                format!(
                    "not the same function: at {}, yours gives {given:.4} but it should be {expected:.4}",
                    point.join(", ")
                )
            }
        }
    }
}
