#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! The training dashboard drawn on a TestBackend: a regression, a binary and
//! a three-class run at a fixed seed and epoch, at 80×24 and 160×48, in
//! Unicode and ASCII.

use std::path::PathBuf;

use nnstep::lesson::{Lang, Show, TrainStep};
use nnstep::session::Comparison;
use nnstep::session::training::Training;
use nnstep::spec::TrainSpec;
use nnstep::tui::dashboard::{DashKey, Dashboard, Look};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn step(yaml: &str, formulas: &[&str]) -> TrainStep {
    TrainStep {
        spec: TrainSpec::from_yaml(yaml).unwrap(),
        show: vec![
            Show::Loss,
            Show::Fit,
            Show::Boundary,
            Show::Params,
            Show::Grads,
        ],
        formulas: formulas.iter().map(ToString::to_string).collect(),
        predict: None,
    }
}

const LINE: &str = "data: {builtin: line}\nlayers: [{units: 1, activation: identity}]\nloss: mse\nlearning_rate: 0.1\nbatch_size: 10\nepochs: 100\nseed: 4\n";
const XOR: &str = "data: {builtin: xor}\nlayers: [{units: 2, activation: sigmoid}, {units: 1, activation: sigmoid}]\nloss: bce\nlearning_rate: 0.5\nbatch_size: 1\nepochs: 5000\nseed: 10\n";
const KINGDOMS: &str = "data: {builtin: kingdoms}\nnormalize: min_max\nlayers: [{units: 3, activation: softmax}]\nloss: ce\nlearning_rate: 0.1\nbatch_size: 10\nepochs: 500\nseed: 7\n";

fn draw(d: &Dashboard, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| d.render(f.area(), f.buffer_mut(), Lang::En))
        .unwrap();
    screen_text(term.backend().buffer(), w, h)
}

/// The screen as text; the cell after a double-width character is skipped,
/// as a terminal shows it.
fn screen_text(buf: &ratatui::buffer::Buffer, w: u16, h: u16) -> String {
    (0..h)
        .map(|y| {
            let mut line = String::new();
            let mut skip = false;
            for x in 0..w {
                if skip {
                    skip = false;
                    continue;
                }
                let s = buf[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(s) == 2;
                line.push_str(s);
            }
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn dashboard(yaml: &str, formulas: &[&str], ascii: bool, epochs: usize) -> Dashboard {
    let step = step(yaml, formulas);
    let training = Training::new(step.spec.clone(), PathBuf::from(".")).unwrap();
    let mut d = Dashboard::new(
        &step,
        training,
        Look {
            color: false,
            ascii,
        },
    );
    for _ in 0..epochs {
        d.key(DashKey::Epoch);
    }
    d.key(DashKey::Iteration);
    d
}

#[test]
fn regression_dashboard_snapshots() {
    let f = [r"\frac{\partial loss}{\partial w} = (z_i - y_i) x_i"];
    for ascii in [false, true] {
        let d = dashboard(LINE, &f, ascii, 5);
        for (w, h) in [(80, 24), (160, 48)] {
            insta::assert_snapshot!(
                format!("line_{w}x{h}_{}", if ascii { "ascii" } else { "unicode" }),
                draw(&d, w, h)
            );
        }
    }
}

#[test]
fn binary_dashboard_snapshots() {
    for ascii in [false, true] {
        let d = dashboard(XOR, &[], ascii, 800);
        for (w, h) in [(80, 24), (160, 48)] {
            insta::assert_snapshot!(
                format!("xor_{w}x{h}_{}", if ascii { "ascii" } else { "unicode" }),
                draw(&d, w, h)
            );
        }
    }
}

#[test]
fn three_class_dashboard_snapshots() {
    for ascii in [false, true] {
        let d = dashboard(KINGDOMS, &[], ascii, 50);
        for (w, h) in [(80, 24), (160, 48)] {
            insta::assert_snapshot!(
                format!(
                    "kingdoms_{w}x{h}_{}",
                    if ascii { "ascii" } else { "unicode" }
                ),
                draw(&d, w, h)
            );
        }
    }
}

#[test]
fn ascii_dashboard_has_no_braille_or_box_drawing() {
    let d = dashboard(KINGDOMS, &[], true, 5);
    let screen = draw(&d, 80, 24);
    assert!(screen.is_ascii(), "{screen}");
}

#[test]
fn tiny_areas_do_not_panic() {
    let d = dashboard(XOR, &[r"\frac{a}{b}"], false, 2);
    for (w, h) in [(1, 1), (10, 3), (30, 8), (60, 20)] {
        let _ = draw(&d, w, h);
    }
}

#[test]
fn the_bound_formula_shows_the_engine_gradient_of_the_sample() {
    let d = dashboard(
        LINE,
        &[r"\frac{\partial loss}{\partial w} = (z_i - y_i) x_i"],
        false,
        3,
    );
    let v = d.training().sample_values().unwrap();
    // The renderer writes a true minus sign; compare the digits of |dw|.
    let expected = format!("{:.4}", v.dw[0][[0, 0]].abs());
    let screen = draw(&d, 160, 48);
    // The result is printed with 4 significant digits; compare its leading part.
    let lead: String = expected.chars().take(5).collect();
    assert!(screen.contains(&lead), "{lead} not on screen:\n{screen}");
}

fn ch04_compare() -> (nnstep::lesson::Compare, std::path::PathBuf) {
    let lesson = nnstep::lesson::Catalog::builtin()
        .get("ch04")
        .unwrap()
        .load()
        .unwrap();
    let c = lesson
        .steps
        .iter()
        .find_map(|s| match &s.kind {
            nnstep::lesson::StepKind::Compare(c) => Some(c.clone()),
            _ => None,
        })
        .unwrap();
    (c, lesson.base_dir.clone())
}

#[test]
fn compare_view_fills_its_table_as_runs_finish() {
    use nnstep::tui::compare::CompareView;
    use std::time::{Duration, Instant};
    let (c, dir) = ch04_compare();
    for (lang, name) in [
        (nnstep::lesson::Lang::En, "en"),
        (nnstep::lesson::Lang::Zh, "zh"),
    ] {
        let runs = (c.runs.iter())
            .map(|r| {
                (
                    r.name.clone(),
                    nnstep::spec::resolve(&r.spec, &dir).unwrap(),
                )
            })
            .collect();
        let mut v = CompareView::new(
            Comparison::new(runs),
            Look {
                color: false,
                ascii: false,
            },
        );
        v.key(DashKey::PlayPause);
        for _ in 0..1000 {
            if !v.animating() {
                break;
            }
            v.tick(Instant::now(), Duration::from_millis(50));
        }
        assert!(v.comparison().finished());
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        term.draw(|f| v.render(f.area(), f.buffer_mut(), lang))
            .unwrap();
        let buf = term.backend().buffer().clone();
        let screen = screen_text(&buf, 80, 24);
        insta::assert_snapshot!(format!("compare_ch04_80x24_{name}"), screen);
    }
}

#[test]
fn closed_form_is_shown_beside_the_trained_parameters() {
    let d = dashboard(&format!("{LINE}closed_form: true\n"), &[], false, 20);
    let screen = draw(&d, 120, 40);
    assert!(screen.contains("normal equation: W = [2.0621]"), "{screen}");
    assert!(screen.contains("trained (units): W = ["), "{screen}");
}
