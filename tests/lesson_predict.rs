//! The `predict:` block of the lesson format: what `nnstep check` says
//! about bad ones (each at its line, with what was expected), and that
//! good ones load into the checked question the session grades.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use nnstep::diagnostic::Diagnostic;
use nnstep::lesson::predict::{Category, IsWord, Measure, PredictAnswer, WinBy};
use nnstep::lesson::{Lesson, load_str};

const TRAIN: &str = "
    train:
      data: {builtin: line}
      layers: [{units: 1, activation: identity}]
      loss: mse
      learning_rate: 0.1
      epochs: 3";

const COMPARE: &str = "
    compare:
      base:
        data: {builtin: line}
        layers: [{units: 1, activation: identity}]
        loss: mse
        learning_rate: 0.1
        epochs: 3
      runs:
        - {name: small, set: {learning_rate: 0.05}}
        - {name: large, set: {learning_rate: 0.5}}";

/// A lesson of one step: `content` (a kind key and its value) and
/// `predict` (the block's lines, indented under `predict:`).
fn lesson(content: &str, predict: &str) -> String {
    format!(
        "id: p\nchapter: 4\ntitle: T\nsummary: S\nsteps:\n  - id: s\n    title: S{content}\n    predict:\n{predict}\n"
    )
}

fn load(text: &str) -> Result<Lesson, Vec<Diagnostic>> {
    load_str("p.yaml", text, Path::new("."))
}

/// The problems of a lesson that must not load, as `line: message`.
fn problems(text: &str) -> Vec<String> {
    load(text)
        .expect_err("the lesson should not load")
        .iter()
        .map(|d| {
            format!(
                "{}: {} [{}]",
                d.line,
                d.message,
                d.hint.clone().unwrap_or_default()
            )
        })
        .collect()
}

fn has(problems: &[String], part: &str) {
    assert!(
        problems.iter().any(|p| p.contains(part)),
        "no problem says {part:?}: {problems:#?}"
    );
}

const TREND: &str = "      ask: What will the loss do?
      measure: trend
      options:
        - {text: fall, is: falls}
        - {text: blow up, is: diverges}";

#[test]
fn a_good_trend_prediction_loads_with_its_options_meaning_outcomes() {
    let l = load(&lesson(TRAIN, TREND)).unwrap();
    let p = l.steps[0].kind.predict().unwrap();
    assert_eq!(p.id, "predict");
    assert_eq!(p.measure, Measure::Trend);
    let PredictAnswer::Choice(o) = &p.answer else {
        panic!("a choice")
    };
    assert_eq!(o[0].is, Category::Word(IsWord::Falls));
    assert_eq!(o[1].is, Category::Word(IsWord::Diverges));
}

#[test]
fn a_winner_option_names_a_run_from_one() {
    let l = load(&lesson(
        COMPARE,
        "      ask: Which ends lower?\n      measure: winner\n      options:\n        - {text: small, is: 1}\n        - {text: large, is: 2}\n        - {text: neither, is: none}",
    ))
    .unwrap();
    let p = l.steps[0].kind.predict().unwrap();
    assert_eq!(p.by, WinBy::Loss);
    assert_eq!(p.options()[1].is, Category::Run(1));
    assert_eq!(p.options()[2].is, Category::Word(IsWord::None));
}

#[test]
fn predict_on_a_text_step_is_refused() {
    let p = problems(&lesson("\n    text: hello", TREND));
    has(
        &p,
        "`predict` belongs to train and compare steps, and this is a text step",
    );
}

#[test]
fn an_outcome_the_measure_cannot_produce_is_named_with_the_ones_it_can() {
    let p = problems(&lesson(
        TRAIN,
        "      ask: How will it end?\n      measure: stop\n      options:\n        - {text: fall, is: falls}\n        - {text: blow up, is: diverged}",
    ));
    has(&p, "`falls` is not an outcome of `stop`");
    has(&p, "choose from reached_eps, max_epochs, diverged");
}

#[test]
fn a_winner_needs_a_comparison_and_a_run_that_exists() {
    let p = problems(&lesson(
        TRAIN,
        "      ask: Which?\n      measure: winner\n      options:\n        - {text: a, is: 1}\n        - {text: b, is: 2}",
    ));
    has(
        &p,
        "`winner` picks the best of several runs, and a train step has one",
    );
    let p = problems(&lesson(
        COMPARE,
        "      ask: Which?\n      measure: winner\n      options:\n        - {text: a, is: 1}\n        - {text: c, is: 3}",
    ));
    has(&p, "there is no run 3: the comparison has runs 1 to 2");
}

#[test]
fn a_one_run_measure_on_a_comparison_must_say_which_run() {
    let p = problems(&lesson(COMPARE, TREND));
    has(&p, "`trend` measures one run, and this comparison has 2");
    has(&p, "say which with run: N (1 to 2)");
    let p = problems(&lesson(COMPARE, &format!("{TREND}\n      run: 5")));
    has(&p, "there is no run 5");
    let p = problems(&lesson(TRAIN, &format!("{TREND}\n      run: 1")));
    has(
        &p,
        "a train step has one run, so `run` has nothing to choose",
    );
}

#[test]
fn two_options_meaning_the_same_outcome_are_refused() {
    let p = problems(&lesson(
        TRAIN,
        "      ask: Q\n      measure: trend\n      options:\n        - {text: fall, is: falls}\n        - {text: drop, is: falls}",
    ));
    has(&p, "options 1 and 2 both mean the same outcome");
}

#[test]
fn a_number_prediction_needs_a_tolerance_and_no_options() {
    let p = problems(&lesson(
        TRAIN,
        "      ask: Final loss?\n      measure: final_loss",
    ));
    has(&p, "a `final_loss` prediction needs a tolerance");
    let p = problems(&lesson(
        TRAIN,
        "      ask: Final loss?\n      measure: final_loss\n      abs: 0.1\n      options:\n        - {text: a, is: falls}\n        - {text: b, is: diverges}",
    ));
    has(
        &p,
        "`final_loss` is a number the learner types, so it takes no options",
    );
    let p = problems(&lesson(
        TRAIN,
        "      ask: Final loss?\n      measure: final_loss\n      rel: 2",
    ));
    has(&p, "the tolerance rel must be ≥ 0 and below 1, found 2");
}

#[test]
fn a_choice_needs_options_and_by_belongs_to_winner() {
    let p = problems(&lesson(
        TRAIN,
        "      ask: Q\n      measure: trend\n      by: loss",
    ));
    has(&p, "a `trend` prediction needs options");
    has(
        &p,
        "`by` says how a winner is chosen, and this measure is `trend`",
    );
}

#[test]
fn reaching_eps_needs_an_eps() {
    let p = problems(&lesson(
        TRAIN,
        "      ask: Q\n      measure: stop\n      options:\n        - {text: a, is: reached_eps}\n        - {text: b, is: max_epochs}",
    ));
    has(
        &p,
        "this prediction is about reaching eps, but no run has an `eps`",
    );
}

#[test]
fn expect_must_be_one_of_the_options() {
    let p = problems(&lesson(TRAIN, &format!("{TREND}\n      expect: 3")));
    has(
        &p,
        "`expect` is the option the run should pick, 1 to 2, found 3",
    );
}

#[test]
fn problems_point_at_the_line_of_the_bad_value() {
    let text = lesson(
        TRAIN,
        "      ask: Q\n      measure: trend\n      options:\n        - {text: fall, is: falls}\n        - {text: drop, is: falls}",
    );
    let d = load(&text).unwrap_err();
    let line = text.lines().position(|l| l.contains("drop")).unwrap() + 1;
    assert_eq!(d[0].line, line, "{d:?}");
}

#[test]
fn unknown_keys_and_measures_are_refused_by_the_parser() {
    let p = problems(&lesson(TRAIN, &format!("{TREND}\n      answer: 1")));
    has(&p, "unknown field `answer`");
    let p = problems(&lesson(
        TRAIN,
        "      ask: Q\n      measure: speed\n      abs: 1",
    ));
    has(&p, "unknown variant `speed`");
}
