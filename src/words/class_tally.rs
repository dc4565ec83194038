//! The class's tally rows named by their questions' own text (in the
//! language shown, from the lesson, cut to fit), where the class shows
//! them: the instructor's panel, the learner's revealed answers, `class
//! status`, `class report` and the plain instructor. A row whose question
//! the lesson at hand does not have keeps its ids.

use crate::class::QuestionTally;
use crate::lesson::{Lang, Lesson, StepKind};
use unicode_width::UnicodeWidthChar;

use crate::text::truncate;

/// Columns a question's text takes at most on a line of `class status`,
/// the report and the plain runners.
pub const LINE_LABEL: usize = 48;

/// The question's own text in `lang`, on one line, from `lesson`: a quiz
/// question or a step's prediction; `None` when there is no lesson, no
/// such question, or its text is empty.
#[must_use]
pub fn ask_of(lesson: Option<&Lesson>, lang: Lang, t: &QuestionTally) -> Option<String> {
    let step = lesson?.steps.iter().find(|s| s.id == t.step)?;
    let ask = match &step.kind {
        StepKind::Quiz(qs) => &qs.iter().find(|q| q.id == t.question)?.ask,
        k => &k.predict().filter(|p| p.id == t.question)?.ask,
    };
    let text = one_line(&ask.get(lang).split_whitespace().collect::<Vec<_>>());
    (!text.is_empty()).then_some(text)
}

/// Pieces split at white space joined again with one space, but none
/// between two Chinese characters (a line break of the lesson file there
/// is no space).
fn one_line(pieces: &[&str]) -> String {
    let wide = |c: Option<char>| c.is_some_and(|c| c.width() == Some(2));
    let mut out = String::new();
    for p in pieces {
        let chinese_join = wide(out.chars().last()) && wide(p.chars().next());
        if !out.is_empty() && !chinese_join {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

/// The label of a tally row on a line of text: the question's text in
/// quotation marks, cut to [`LINE_LABEL`] columns; without it,
/// `step/question`.
#[must_use]
pub fn line_label(lesson: Option<&Lesson>, lang: Lang, t: &QuestionTally) -> String {
    match ask_of(lesson, lang, t) {
        // No blank left just before the dots of a cut.
        Some(text) => format!("“{}”", truncate(&text, LINE_LABEL).replace(" …", "…")),
        None => format!("{}/{}", t.step, t.question),
    }
}

/// One question's tally on one line, named by its text where the lesson
/// has it.
#[must_use]
pub fn tally_line(lesson: Option<&Lesson>, lang: Lang, t: &QuestionTally) -> String {
    super::class::tally_line_as(lang, &line_label(lesson, lang, t), t)
}

/// The step of the lesson a tally is of: its number (1-based) and title.
fn step_of<'a>(
    lesson: Option<&'a Lesson>,
    lang: Lang,
    t: &QuestionTally,
) -> Option<(usize, &'a str)> {
    let lesson = lesson?;
    let i = lesson.steps.iter().position(|s| s.id == t.step)?;
    Some((i + 1, lesson.steps[i].title.get(lang)))
}

/// The tallies of `class status`, in lesson order: under a heading per
/// step (its number and title) where the lesson has the step, each
/// question named by its text.
#[must_use]
pub fn status_rows(lesson: Option<&Lesson>, lang: Lang, tallies: &[QuestionTally]) -> Vec<String> {
    let mut out = Vec::new();
    let mut last = None;
    for t in tallies {
        let step = step_of(lesson, lang, t);
        let line = tally_line(lesson, lang, t);
        match step {
            Some((n, title)) => {
                if last != Some(n) {
                    out.push(super::class::panel_step(lang, n, title));
                    last = Some(n);
                }
                out.push(format!("  {line}"));
            }
            None => out.push(line),
        }
    }
    out
}

/// A tally on one line of the report (ranked over the whole lesson): its
/// question's text and the step's number, where the lesson has them.
#[must_use]
pub fn ranked_line(lesson: Option<&Lesson>, lang: Lang, t: &QuestionTally) -> String {
    let mut label = line_label(lesson, lang, t);
    if let (Some((n, _)), Some(_)) = (step_of(lesson, lang, t), ask_of(lesson, lang, t)) {
        label.push_str(&match lang {
            Lang::En => format!(" (step {n})"),
            Lang::Zh => format!("（第 {n} 步）"),
        });
    }
    super::class::tally_line_as(lang, &label, t)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::lesson::Catalog;

    fn tally(step: &str, question: &str) -> QuestionTally {
        QuestionTally {
            step: step.into(),
            question: question.into(),
            answered: 2,
            of: 3,
            right: 1,
            close: 0,
            wrong: 1,
            slips: Vec::new(),
            median_secs: None,
        }
    }

    #[test]
    fn a_row_is_named_by_its_question_in_the_language_shown_else_by_its_ids() {
        let ch04 = Catalog::builtin().find("ch04").unwrap();
        let t = tally("own-case", "own-dw");
        assert_eq!(
            ask_of(Some(&ch04), Lang::En, &t).as_deref(),
            Some("For this sample, what is dw?")
        );
        assert_eq!(
            ask_of(Some(&ch04), Lang::Zh, &t).as_deref(),
            Some("对这个样本，dw 是多少？")
        );
        assert!(
            tally_line(Some(&ch04), Lang::En, &t)
                .starts_with("“For this sample, what is dw?”: answered 2/3")
        );
        assert!(
            tally_line(Some(&ch04), Lang::Zh, &t)
                .starts_with("“对这个样本，dw 是多少？”：已答 2/3")
        );
        // A prediction is a question too.
        let p = tally("compare-batches", "sgd-curve");
        let en = ask_of(Some(&ch04), Lang::En, &p).unwrap();
        assert!(en.starts_with("Same data, same start"), "{en}");
        assert!(!en.contains('\n') && !en.contains("  "));
        let cut = line_label(Some(&ch04), Lang::En, &p);
        assert!(cut.ends_with("…”"), "{cut}");
        // No lesson, or no such question: the ids.
        let gone = tally("own-case", "gone");
        assert_eq!(ask_of(Some(&ch04), Lang::En, &gone), None);
        assert_eq!(line_label(Some(&ch04), Lang::En, &gone), "own-case/gone");
        assert_eq!(line_label(None, Lang::Zh, &t), "own-case/own-dw");
    }

    #[test]
    fn status_groups_rows_under_their_step_and_the_report_names_the_step() {
        let ch04 = Catalog::builtin().find("ch04").unwrap();
        let rows = [
            tally("own-case", "own-dw"),
            tally("own-case", "own-db"),
            tally("x", "y"),
        ];
        let lines = status_rows(Some(&ch04), Lang::En, &rows);
        assert_eq!(lines[0], "Step 10: Your own numbers");
        assert!(lines[1].starts_with("  “For this sample, what is dw?”: answered"));
        assert!(lines[2].starts_with("  “And db?”: answered"));
        assert!(lines[3].starts_with("x/y: answered"), "{lines:?}");
        assert_eq!(lines.len(), 4);
        let zh = status_rows(Some(&ch04), Lang::Zh, &rows);
        assert_eq!(zh[0], "第 10 步：你自己的数字");
        assert!(ranked_line(Some(&ch04), Lang::En, &rows[1]).starts_with("“And db?” (step 10): "));
        assert!(
            ranked_line(Some(&ch04), Lang::Zh, &rows[1])
                .starts_with("“那么 db 是多少？”（第 10 步）：")
        );
        assert!(ranked_line(None, Lang::En, &rows[1]).starts_with("own-case/own-db: "));
    }

    #[test]
    fn chinese_lines_join_without_spaces_and_latin_keeps_them() {
        assert_eq!(one_line(&["同样的数据，", "各训练"]), "同样的数据，各训练");
        assert_eq!(one_line(&["都用", "η", "=", "0.1，"]), "都用 η = 0.1，");
        assert_eq!(one_line(&["Same", "data,", "same"]), "Same data, same");
    }
}
