#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! Predict-then-see in the plain runner: the question is asked on stdin
//! before the run (an unreadable line is explained and asked again, an
//! empty line or the end of input watches without predicting), then the
//! run's table is printed and the prediction beside what the run did.

use std::path::Path;

use nnstep::lesson::{Lang, load_str};
use nnstep::plain::runner::{self, Options};
use nnstep::session::Session;

const LESSON: &str = r#"
id: pp
chapter: 4
title: {en: Predictions, zh: 预测}
summary: {en: Two runs and a guess each., zh: 两次训练，各猜一次。}
steps:
  - id: eta
    title: {en: Twice the step, zh: 步长加倍}
    note: {en: The larger step overshoots., zh: 步长大的会冲过头。}
    compare:
      base:
        data: {builtin: line}
        layers: [{units: 1, activation: identity}]
        loss: mse
        learning_rate: 0.1
        batch_size: full
        epochs: 5
      runs:
        - {name: {en: "η = 0.1", zh: "η = 0.1"}}
        - {name: {en: "η = 1.5", zh: "η = 1.5"}, set: {learning_rate: 1.5}}
    predict:
      ask: {en: Which run ends with the lower loss?, zh: 哪次训练的最终损失更低？}
      measure: winner
      options:
        - {text: {en: "η = 0.1", zh: "η = 0.1"}, is: 1}
        - {text: {en: "η = 1.5", zh: "η = 1.5"}, is: 2}
      explain: {en: Too long a step jumps past the bottom., zh: 步子太大会越过谷底。}
  - id: loss
    title: {en: The final loss, zh: 最终损失}
    train:
      data: {builtin: line}
      layers: [{units: 1, activation: identity}]
      loss: mse
      learning_rate: 0.1
      batch_size: full
      epochs: 5
    show: [loss]
    predict:
      ask: {en: What will the final loss be?, zh: 最终损失是多少？}
      measure: final_loss
      rel: 0.5
"#;

fn transcript(lang: Lang, stdin: &str) -> String {
    let lesson = load_str("pp.yaml", LESSON, Path::new(".")).unwrap();
    let mut s = Session::new(lesson);
    let mut out = Vec::new();
    let opts = Options {
        lang,
        ..Options::default()
    };
    runner::run(&mut s, &mut stdin.as_bytes(), &mut out, opts).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn a_wrong_line_is_explained_and_the_prediction_graded_by_the_run() {
    let t = transcript(Lang::En, "9\n2\nabc\n0.5\n");
    assert!(
        t.contains("that is not one of the options: type 1 to 2"),
        "{t}"
    );
    assert!(
        t.contains("you predicted: η = 1.5 · the run: η = 0.1 ended lowest"),
        "{t}"
    );
    assert!(t.contains("✗ wrong"), "{t}");
    assert!(t.contains("that is not a number"), "{t}");
    // The question comes before the note, which may give the answer away,
    // and the table before the verdict.
    let ask = t.find("Which run ends").unwrap();
    let note = t.find("The larger step overshoots").unwrap();
    let table = t.find("final loss").unwrap();
    let verdict = t.find("you predicted: η = 1.5").unwrap();
    assert!(ask < note && note < table && table < verdict, "{t}");
    insta::assert_snapshot!("plain_predict_en", t);
}

#[test]
fn the_transcript_in_chinese() {
    let t = transcript(Lang::Zh, "1\n\n");
    assert!(t.contains("你的预测：η = 0.1"), "{t}");
    assert!(t.contains("✓ 对"), "{t}");
    assert!(t.contains("未预测"), "{t}");
    insta::assert_snapshot!("plain_predict_zh", t);
}

#[test]
fn the_end_of_input_watches_without_predicting() {
    let t = transcript(Lang::En, "");
    assert_eq!(t.matches("no prediction · the run").count(), 2, "{t}");
    assert!(!t.contains("✓") && !t.contains("✗"), "{t}");
}
