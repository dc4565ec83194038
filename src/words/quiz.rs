//! The words of quizzes, the same in both front ends: verdicts and their
//! reasons, recognised slips, unreadable input, hints, the worked solution,
//! the expected answer and what a learner did in an earlier sitting.

use crate::lesson::Lang;
use crate::quiz::{self, ExprProblem, InputError, Outcome, Slip};
use crate::session::{Earlier, ExpectedAnswer, Grade, MAX_TRIES, Nearly, Reason, Verdict};

/// The runner's fixed words in one language.
#[derive(Clone, Copy, Debug)]
pub struct QuizWords {
    pub right: &'static str,
    pub close: &'static str,
    pub wrong: &'static str,
    pub expected: &'static str,
    pub prompt: &'static str,
    pub no_answer: &'static str,
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

const EN: QuizWords = QuizWords {
    right: "right",
    close: "close",
    wrong: "wrong",
    expected: "expected",
    prompt: "answer> ",
    no_answer: "no answer (end of input)",
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

const ZH: QuizWords = QuizWords {
    right: "正确",
    close: "接近",
    wrong: "不对",
    expected: "正确答案",
    prompt: "答案> ",
    no_answer: "未作答（输入已结束）",
    try_again: "再试一次",
    skipped: "跳过",
    no_more_hints: "没有更多提示了",
    no_solution: "这道题没有详细解答，请看解释",
    worked_solution: "详细解答：",
    commands: "（输入“提示”查看提示；答两次后输入“解答”查看详细解答；空行跳过）",
    model: "模型",
    loss: "损失",
    several: "（可能有多个正确选项：全部写出，例如 1, 3）",
    variables: "用这些变量写出表达式：",
};

/// The quiz words for `lang`.
#[must_use]
pub fn quiz_words(lang: Lang) -> &'static QuizWords {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// How a close answer missed, in words.
#[must_use]
pub fn nearly(lang: Lang, n: Nearly) -> String {
    match (lang, n) {
        (Lang::En, Nearly::Rounding { cell: None }) => "nearly; check your rounding".into(),
        (Lang::Zh, Nearly::Rounding { cell: None }) => "很接近，检查一下舍入".into(),
        (Lang::En, Nearly::Rounding { cell: Some((r, c)) }) => format!(
            "nearly; check the rounding at row {}, column {}",
            r + 1,
            c + 1
        ),
        (Lang::Zh, Nearly::Rounding { cell: Some((r, c)) }) => {
            format!("很接近，检查一下第 {} 行第 {} 列的舍入", r + 1, c + 1)
        }
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
        (Lang::Zh, Slip::ForgotDerivative) => "隐藏层的 dZ 漏乘了激活函数的导数 σ′(Z)".into(),
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
        // Neither the tolerance nor the answer's size is told: it would
        // give the answer away by bisection.
        Reason::OutsideTolerance { given, .. } if zh => {
            format!("{} 与答案相差太远", crate::text::number::plain(*given, 8))
        }
        Reason::OutsideTolerance { given, .. } => {
            format!(
                "{} is too far from the answer",
                crate::text::number::plain(*given, 8)
            )
        }
        Reason::CellsWrong {
            wrong,
            total,
            first,
            ..
        } if zh => format!(
            "{total} 个数中有 {wrong} 个不对（第一个在第 {} 行第 {} 列）",
            first.0 + 1,
            first.1 + 1
        ),
        Reason::CellsWrong {
            wrong,
            total,
            first,
            ..
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
            let point: Vec<String> = (at.iter())
                .map(|(n, v)| format!("{n} = {}", crate::text::number::plain(*v, 4)))
                .collect();
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

/// A verdict in one line: what was wrong, then what next (try again, or
/// the expected answer once the tries are spent).
#[must_use]
pub fn verdict(lang: Lang, v: &Verdict) -> String {
    let w = quiz_words(lang);
    let head = match &v.grade {
        Grade::Right => w.right.to_string(),
        Grade::Close { nearly: n } => format!("{}: {}", w.close, nearly(lang, *n)),
        Grade::Wrong { reason: r } => format!("{}: {}", w.wrong, reason(lang, r)),
    };
    let sep = if lang == Lang::Zh { "；" } else { "; " };
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    let head = if lang == Lang::Zh {
        head.replacen(": ", "：", 1)
    } else {
        head
    };
    match (&v.expected, v.grade.is_right()) {
        (_, true) => head,
        (Some(e), false) => format!("{head}{sep}{}{colon}{}", w.expected, expected(lang, e)),
        (None, false) => format!("{head}{sep}{}", tries_left(lang, v.tries)),
    }
}

/// "try again", with the tries left when the learner is near the limit.
fn tries_left(lang: Lang, tries: u32) -> String {
    let left = MAX_TRIES.saturating_sub(tries);
    match (lang, left) {
        (Lang::En, 1) => "try again (last try)".into(),
        (Lang::Zh, 1) => "再试一次（最后一次）".into(),
        _ => quiz_words(lang).try_again.to_string(),
    }
}

/// The expected answer as text.
#[must_use]
pub fn expected(lang: Lang, e: &ExpectedAnswer) -> String {
    match e {
        ExpectedAnswer::Options(opts) => (opts.iter())
            .map(|(i, t)| format!("{}) {}", i + 1, t.get(lang)))
            .collect::<Vec<_>>()
            .join(", "),
        ExpectedAnswer::Number { value, allowed } if *allowed > 1e-9 => format!(
            "{} (± {})",
            crate::text::number::plain(*value, 8),
            crate::text::number::plain(*allowed, 2)
        ),
        ExpectedAnswer::Number { value, .. } => quiz::number(*value),
        ExpectedAnswer::Matrix(m) => quiz::short_matrix(m),
        ExpectedAnswer::Formula(src) => src.clone(),
        ExpectedAnswer::Named { name, value } => format!("{name} = {}", quiz::short_matrix(value)),
    }
}

/// What the learner did with a question in an earlier sitting.
#[must_use]
pub fn earlier(lang: Lang, e: &Earlier) -> String {
    let right = matches!(e.outcome, Outcome::Right | Outcome::RightAfterSolution);
    match lang {
        Lang::En => format!(
            "(answered before: {} {}, {}; this sitting has {MAX_TRIES} tries of its own)",
            e.attempts,
            if e.attempts == 1 { "try" } else { "tries" },
            if right { "right" } else { "not right yet" }
        ),
        Lang::Zh => format!(
            "（以前答过：{} 次，{}；这次重新有 {MAX_TRIES} 次机会）",
            e.attempts,
            if right { "答对了" } else { "还没答对" }
        ),
    }
}

/// The label before a question in the plain runner: `Q2. `.
#[must_use]
pub fn question_label(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("Q{n}. "),
        Lang::Zh => format!("第 {n} 题  "),
    }
}

/// A question's short tag in a list: `Q2`.
#[must_use]
pub fn question_tag(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("Q{n}"),
        Lang::Zh => format!("第 {n} 题"),
    }
}

/// A generated question's network: `model: 1 → 3 sigmoid → 1 identity ·
/// loss: MSE`.
#[must_use]
pub fn model_line(lang: Lang, net: &crate::engine::Network) -> String {
    let w = quiz_words(lang);
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    format!(
        "{}{colon}{} · {}{colon}{}",
        w.model,
        super::train::network(lang, net),
        w.loss,
        super::train::loss_name(lang, net.loss())
    )
}

/// The heading of the cell-by-cell matrix editor.
#[must_use]
pub fn grid_head(lang: Lang, rows: usize, cols: usize, times: &str) -> String {
    match lang {
        Lang::Zh => format!("逐格输入 {rows}{times}{cols}：Tab 下一格，Enter 提交，[ 粘贴整行"),
        Lang::En => {
            format!("{rows}{times}{cols} cell by cell: Tab next, Enter submits, [ to paste")
        }
    }
}

/// The line under a question while no answer is being typed.
#[must_use]
pub fn idle_prompt(lang: Lang, arrows: &str) -> String {
    match lang {
        Lang::Zh => format!("Enter 作答 · {arrows} 选题 · 输入“提示”或“解答”"),
        Lang::En => format!("Enter answer · {arrows} choose · type hint / solution"),
    }
}
