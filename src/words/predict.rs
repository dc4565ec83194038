//! The words of predict-then-see, in both front ends: the heading and the
//! prompt before a run, the learner's pick, what the run did (from the
//! measured outcome), and the verdict line that puts them side by side.

use crate::lesson::predict::{Measure, Predict, WinBy};
use crate::lesson::{Lang, Text};
use crate::session::{Detail, Ending, Pick, PickError, Prediction};

/// The fixed words of predictions, in one language.
#[derive(Debug)]
pub struct PredictWords {
    /// Above the question.
    pub heading: &'static str,
    /// Under the question, before any pick.
    pub before_run: &'static str,
    /// The plain runner's instructions for an option.
    pub prompt_choice: &'static str,
    /// The plain runner's instructions for a number.
    pub prompt_number: &'static str,
    /// The plain runner's input prompt (the typed line is echoed after it).
    pub prompt: &'static str,
    pub you_predicted: &'static str,
    pub the_run: &'static str,
    pub right: &'static str,
    pub wrong: &'static str,
    /// Watched without predicting.
    pub skipped: &'static str,
    /// After a pick, before the run has stopped (TUI).
    pub play_to_see: &'static str,
    /// Footer words (TUI): choosing, locking in, skipping.
    pub choose: &'static str,
    pub lock_in: &'static str,
    pub skip: &'static str,
    /// The TUI's number line label.
    pub your_number: &'static str,
    /// When no option means what the run did.
    pub no_option: &'static str,
    /// The hint under a number question: what the number is.
    pub final_loss: &'static str,
    pub epochs: &'static str,
    pub metric: &'static str,
    /// Not asked again: predicted in an earlier sitting.
    pub earlier: &'static str,
}

const EN: PredictWords = PredictWords {
    heading: "Predict, then see",
    before_run: "The run starts once you have predicted.",
    prompt_choice: "Type the number of your prediction; an empty line watches without predicting.",
    prompt_number: "Type your prediction, a number; an empty line watches without predicting.",
    prompt: "prediction> ",
    you_predicted: "you predicted",
    the_run: "the run",
    right: "right",
    wrong: "wrong",
    skipped: "no prediction",
    play_to_see: "run it to see (Space)",
    choose: "choose",
    lock_in: "lock in",
    skip: "skip: watch without predicting",
    your_number: "your number",
    no_option: "none of the options",
    final_loss: "the training loss after the last epoch",
    epochs: "the epochs the run takes before it stops",
    metric: "the final R² or accuracy, as a fraction (0.9 = 90 %)",
    earlier: "predicted in an earlier sitting",
};

const ZH: PredictWords = PredictWords {
    heading: "先预测，再观察",
    before_run: "做出预测后训练才会开始。",
    prompt_choice: "输入你预测的选项编号；空行表示不预测，直接观看。",
    prompt_number: "输入你预测的数值；空行表示不预测，直接观看。",
    prompt: "预测> ",
    you_predicted: "你的预测",
    the_run: "实际结果",
    right: "对",
    wrong: "不对",
    skipped: "未预测",
    play_to_see: "运行后揭晓（空格键）",
    choose: "选择",
    lock_in: "确定",
    skip: "跳过：不预测直接观看",
    your_number: "你的数值",
    no_option: "不是任何一个选项",
    final_loss: "最后一轮之后的训练损失",
    epochs: "训练停止前完成的轮数",
    metric: "最终的 R² 或准确率，用小数表示（0.9 即 90%）",
    earlier: "之前已经预测过",
};

/// The fixed words in `lang`.
#[must_use]
pub fn predict_words(lang: Lang) -> &'static PredictWords {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// What the number of a number prediction is.
#[must_use]
pub fn number_meaning(lang: Lang, m: Measure) -> &'static str {
    let w = predict_words(lang);
    match m {
        Measure::FinalLoss => w.final_loss,
        Measure::Epochs => w.epochs,
        Measure::Metric | Measure::Stop | Measure::Trend | Measure::Winner => w.metric,
    }
}

/// Why a typed prediction was not taken.
#[must_use]
pub fn pick_error(lang: Lang, e: &PickError) -> String {
    let zh = lang == Lang::Zh;
    match (e, zh) {
        (PickError::NotAsked, false) => "this step asks no prediction now".into(),
        (PickError::NotAsked, true) => "这一步现在不需要预测".into(),
        (PickError::Empty, false) => "type your prediction first".into(),
        (PickError::Empty, true) => "请先输入你的预测".into(),
        (PickError::NotAnOption { count }, false) => {
            format!("that is not one of the options: type 1 to {count}")
        }
        (PickError::NotAnOption { count }, true) => format!("没有这个选项：请输入 1 到 {count}"),
        (PickError::NotANumber(_), false) => "that is not a number: type e.g. 0.05".into(),
        (PickError::NotANumber(_), true) => "这不是一个数：请输入例如 0.05".into(),
    }
}

/// The learner's pick in words: the option's text, or the number.
#[must_use]
pub fn pick(lang: Lang, p: &Predict, pick: Option<Pick>) -> String {
    match pick {
        None => predict_words(lang).skipped.to_string(),
        Some(Pick::Option(i)) => p
            .options()
            .get(i)
            .map_or_else(String::new, |o| o.text.get(lang).to_string()),
        Some(Pick::Number(x)) => short(x),
    }
}

/// A number as shown in a verdict: up to four significant digits.
fn short(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    if x != 0.0 && (x.abs() < 1e-3 || x.abs() >= 1e6) {
        return format!("{x:.3e}");
    }
    let digits = (4 - (x.abs().max(1e-300).log10().floor() as i32) - 1).clamp(0, 6) as usize;
    let s = format!("{x:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Run `i`'s name (0-based), or its number when unnamed.
fn run_name(lang: Lang, names: &[Text], i: usize) -> String {
    names
        .get(i)
        .map_or_else(|| format!("{}", i + 1), |n| n.get(lang).to_string())
}

/// What the run did, from the measured outcome; `names` are the runs'
/// names (empty for a train step).
#[must_use]
pub fn observed(lang: Lang, d: &Detail, names: &[Text]) -> String {
    let zh = lang == Lang::Zh;
    let who = |run: usize| {
        if names.len() > 1 {
            let n = run_name(lang, names, run);
            if zh {
                format!("{n}：")
            } else {
                format!("{n}: ")
            }
        } else {
            String::new()
        }
    };
    match d {
        Detail::Stop { run, ending } => {
            let what = match (ending, zh) {
                (Ending::ReachedEps { epoch }, false) => format!("reached eps at epoch {epoch}"),
                (Ending::ReachedEps { epoch }, true) => format!("第 {epoch} 轮达到目标"),
                (Ending::MaxEpochs { epoch }, false) => {
                    format!("used all {epoch} epochs without reaching eps")
                }
                (Ending::MaxEpochs { epoch }, true) => format!("用完全部 {epoch} 轮仍未达到目标"),
                (Ending::Diverged { epoch }, false) => format!("diverged at epoch {epoch}"),
                (Ending::Diverged { epoch }, true) => format!("在第 {epoch} 轮发散"),
            };
            format!("{}{what}", who(*run))
        }
        Detail::Trend {
            run,
            first,
            last,
            epochs,
            rises,
            diverged,
        } => {
            let (a, b) = (short(*first), short(*last));
            let what = match (*diverged, *rises, zh) {
                (true, _, false) => format!("the loss blew up (from {a}) and the run diverged"),
                (true, _, true) => format!("损失（从 {a} 起）急剧增大，训练发散"),
                (false, 0, false) => format!("the loss fell at every epoch, {a} → {b}"),
                (false, 0, true) => format!("损失每一轮都在下降，{a} → {b}"),
                (false, n, false) => {
                    format!("the loss rose at {n} of {epochs} epochs, {a} → {b}")
                }
                (false, n, true) => format!("{epochs} 轮中有 {n} 轮损失上升，{a} → {b}"),
            };
            format!("{}{what}", who(*run))
        }
        Detail::Winner { by, best, tied } => match (best, zh) {
            (Some((i, v)), false) => {
                let n = run_name(lang, names, *i);
                match by {
                    WinBy::Loss => format!("{n} ended lowest, loss {}", short(*v)),
                    WinBy::Epochs => format!("{n} reached eps first, at epoch {v}"),
                    WinBy::Metric => format!("{n} ended highest, {}", short(*v)),
                }
            }
            (Some((i, v)), true) => {
                let n = spaced_before_chinese(&run_name(lang, names, *i));
                match by {
                    WinBy::Loss => format!("{n}的最终损失最低：{}", short(*v)),
                    WinBy::Epochs => format!("{n}最先达到目标：第 {v} 轮"),
                    WinBy::Metric => format!("{n}的最终指标最高：{}", short(*v)),
                }
            }
            (None, _) if !tied.is_empty() => {
                let list: Vec<String> = tied.iter().map(|i| run_name(lang, names, *i)).collect();
                if zh {
                    format!("{}打成平手", spaced_before_chinese(&list.join("、")))
                } else {
                    format!("a tie between {}", list.join(", "))
                }
            }
            (None, false) if *by == WinBy::Epochs => "no run reached eps".into(),
            (None, true) if *by == WinBy::Epochs => "没有一次训练达到目标".into(),
            (None, false) => "every run diverged".into(),
            (None, true) => "每次训练都发散了".into(),
        },
        Detail::Number {
            run,
            measure,
            value,
        } => {
            let what = match (measure, zh) {
                (Measure::FinalLoss, false) => format!("final loss {}", short(*value)),
                (Measure::FinalLoss, true) => format!("最终损失 {}", short(*value)),
                (Measure::Epochs, false) => format!("stopped after {value} epochs"),
                (Measure::Epochs, true) => format!("训练了 {value} 轮后停止"),
                (_, false) => format!("final R² or accuracy {}", short(*value)),
                (_, true) => format!("最终 R² 或准确率 {}", short(*value)),
            };
            format!("{}{what}", who(*run))
        }
    }
}

/// The verdict's mark: ✓ right, ✗ wrong (ASCII: `+`, `x`), or nothing
/// when the learner watched without predicting.
#[must_use]
pub fn mark(lang: Lang, right: Option<bool>, ascii: bool) -> String {
    let w = predict_words(lang);
    match (right, ascii) {
        // A no-break space keeps the mark on the line of its word.
        (Some(true), false) => format!("✓\u{a0}{}", w.right),
        (Some(false), false) => format!("✗\u{a0}{}", w.wrong),
        (Some(true), true) => format!("+\u{a0}{}", w.right),
        (Some(false), true) => format!("x\u{a0}{}", w.wrong),
        (None, _) => String::new(),
    }
}

/// The line that puts the pick beside the run: `you predicted X · the run:
/// Y · ✓ right`, or, before the run has stopped, the pick and how to see.
#[must_use]
pub fn verdict_line(
    lang: Lang,
    p: &Predict,
    pred: &Prediction,
    names: &[Text],
    ascii: bool,
) -> String {
    let w = predict_words(lang);
    let zh = lang == Lang::Zh;
    let colon = if zh { "：" } else { ": " };
    let sep = if ascii { " - " } else { " · " };
    let picked = pick(lang, p, pred.pick);
    let first = if pred.pick.is_some() {
        format!("{}{colon}{picked}", w.you_predicted)
    } else {
        picked
    };
    let Some(v) = &pred.verdict else {
        return format!("{first}{sep}{}", w.play_to_see);
    };
    let did = observed(lang, &v.observed.detail, names);
    let mut line = format!("{first}{sep}{}{colon}{did}", w.the_run);
    if v.observed.category.is_some() && v.observed.option(p).is_none() {
        line.push_str(&format!(" ({})", w.no_option));
    }
    let m = mark(lang, v.right, ascii);
    if !m.is_empty() {
        line.push_str(sep);
        line.push_str(&m);
    }
    line
}

/// `name` ready to stand before Chinese words: a space after a name that
/// ends in anything narrower than a Chinese character (`tanh 的`,
/// `η 1.4 的`), as Chinese typesetting sets Latin apart; none after Chinese
/// or full-width punctuation (`全批量的`, `小批量（10）的`).
fn spaced_before_chinese(name: &str) -> String {
    match name.chars().last() {
        Some(c) if c.len_utf8() < 3 && !c.is_whitespace() => format!("{name} "),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_latin_run_name_stands_apart_from_the_chinese_after_it() {
        assert_eq!(spaced_before_chinese("tanh"), "tanh ");
        assert_eq!(spaced_before_chinese("η 1.4"), "η 1.4 ");
        assert_eq!(spaced_before_chinese("全批量"), "全批量");
        assert_eq!(spaced_before_chinese("小批量（10）"), "小批量（10）");
    }

    #[test]
    fn short_numbers_keep_four_significant_digits() {
        assert_eq!(short(0.012_345_6), "0.01235");
        assert_eq!(short(392.123), "392.1");
        assert_eq!(short(2.0), "2");
        assert_eq!(short(0.000_12), "1.200e-4");
    }
}
