#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! Bad `landscape:` and `plot:` steps are refused by `nnstep check` with a
//! message at the place at fault, never a panic and never an unbounded run.

use std::path::Path;

use nnstep::lesson;

const HEAD: &str = "id: t\nchapter: 4\ntitle: t\nsummary: s\nsteps:\n  - id: s\n    title: s\n";

const LINE_BASE: &str = "      base:
        data: {builtin: line}
        layers: [{units: 1, activation: identity}]
        loss: mse
        learning_rate: 0.1
        epochs: 5
";

/// Every message for a lesson whose one step's content is `step`.
fn problems(step: &str) -> Vec<String> {
    let text = format!("{HEAD}{step}");
    match lesson::load_str("t.yaml", &text, Path::new(".")) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(d) => d.iter().map(ToString::to_string).collect(),
    }
}

fn landscape(rest: &str, runs: &str) -> String {
    format!("    landscape:\n{LINE_BASE}      runs:\n{runs}{rest}")
}

const ONE_RUN: &str = "        - name: a\n";

fn has(all: &[String], want: &str, line: usize) {
    assert!(
        all.iter()
            .any(|m| m.contains(want) && m.contains(&format!("t.yaml:{line}:"))),
        "no '{want}' at line {line} in {all:#?}"
    );
}

#[test]
fn an_unknown_parameter_is_named_with_the_choices() {
    let p = problems(&landscape("      x: w2\n      y: b\n", ONE_RUN));
    has(&p, "`w2` is not a parameter of this network", 17);
    assert!(p[0].contains("choose `w` or `b`"), "{p:?}");
}

#[test]
fn both_axes_on_one_parameter_is_refused() {
    let p = problems(&landscape("      x: b\n      y: b\n", ONE_RUN));
    has(&p, "both axes show `b`", 18);
}

#[test]
fn a_range_must_be_finite_and_ordered() {
    let p = problems(&landscape(
        "      x: w\n      y: b\n      x_range: [3, 1]\n",
        ONE_RUN,
    ));
    has(&p, "the range [3, 1] must be two finite numbers", 19);
    let p = problems(&landscape(
        "      x: w\n      y: b\n      y_range: [0, .inf]\n",
        ONE_RUN,
    ));
    has(&p, "must be two finite numbers", 19);
}

#[test]
fn too_many_runs_and_too_many_steps_are_refused_before_running() {
    let five = "        - name: a\n".repeat(5);
    let p = problems(&landscape("      x: w\n      y: b\n", &five));
    assert!(
        p.iter()
            .any(|m| m.contains("the landscape has 5 runs; the limit is 4")),
        "{p:?}"
    );
    // 201 epochs of 100 single-sample steps: 20 100 steps.
    let runs = "        - name: a\n          set: {batch_size: 1, epochs: 201}\n";
    let p = problems(&landscape("      x: w\n      y: b\n", runs));
    has(
        &p,
        "this run takes 20100 gradient steps; a landscape draws at most 20000",
        16,
    );
}

#[test]
fn runs_on_other_data_or_networks_are_refused() {
    let runs = "        - name: a\n        - name: b\n          set: {normalize: min_max}\n";
    let p = problems(&landscape("      x: w\n      y: b\n", runs));
    assert!(
        p.iter()
            .any(|m| m.contains("would be on another landscape")),
        "{p:?}"
    );
}

#[test]
fn a_network_without_an_optimum_needs_ranges_and_cannot_hold_at_the_optimum() {
    let step = "    landscape:
      base:
        data: {builtin: chuhan}
        layers: [{units: 1, activation: sigmoid}]
        loss: binary_cross_entropy
        learning_rate: 0.1
        epochs: 5
      runs:
        - name: a
      x: w1
      y: w2
      fixed: optimum
";
    let p = problems(step);
    assert!(
        p.iter()
            .any(|m| m.contains("`optimum` needs a least-squares network")),
        "{p:?}"
    );
    assert!(
        p.iter().any(|m| m.contains("give x_range and y_range")),
        "{p:?}"
    );
}

#[test]
fn a_plot_is_bounded_and_its_exercise_checked() {
    let p = problems("    plot:\n      functions: []\n");
    has(&p, "a plot shows 1 to 5 functions, found 0", 9);
    let p = problems("    plot:\n      functions: [cosine]\n");
    assert!(p[0].contains("cosine"), "{p:?}");
    let p = problems("    plot:\n      functions: [tanh]\n      marks: [.nan]\n");
    has(&p, "a mark must be a finite number", 10);
    let p = problems(
        "    plot:\n      functions: [sigmoid]\n      saturation: {activation: sigmoid, start: {a: 0.9}, target: 1.5, learning_rate: 0.2}\n",
    );
    assert!(p.iter().any(|m| m.contains("the target must be")), "{p:?}");
    // From a = 0.999 with a tiny η the exercise needs far more than 2 000 steps.
    let p = problems(
        "    plot:\n      functions: [sigmoid]\n      saturation: {activation: sigmoid, start: {a: 0.999}, target: 0.5, learning_rate: 0.001}\n",
    );
    assert!(
        p.iter()
            .any(|m| m.contains("does not end within 2000 steps")),
        "{p:?}"
    );
    // The documented form without max_steps (default 10 000) is accepted.
    let ok = format!(
        "{HEAD}    plot:\n      functions: [sigmoid]\n      saturation: {{activation: sigmoid, start: {{a: 0.9}}, target: 0.5, learning_rate: 0.2}}\n"
    );
    assert!(lesson::load_str("t.yaml", &ok, Path::new(".")).is_ok());
}
