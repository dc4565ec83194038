//! Arbitrary input never panics and is handled in a few milliseconds.

use std::time::{Duration, Instant};

use nnstep::formula::{
    Bindings, BoundFormula, Glyphs, NumberFormat, RenderOptions, render_inline, render_or_source,
};
use proptest::prelude::*;

/// Fragments of the supported language, so the generator reaches deep into
/// the parser instead of failing on the first character.
const PIECES: &[&str] = &[
    r"\frac{",
    r"\sqrt{",
    r"\sqrt[",
    "]",
    "{",
    "}",
    "^",
    "_",
    "&",
    r"\\",
    r"\left(",
    r"\right)",
    r"\left.",
    r"\right|",
    r"\begin{pmatrix}",
    r"\end{pmatrix}",
    r"\begin{aligned}",
    r"\end{aligned}",
    r"\begin{cases}",
    r"\end{cases}",
    r"\sum",
    r"\prod",
    r"\max",
    r"\ln",
    r"\text{",
    r"\mathbf{",
    r"\hat{",
    r"\bar",
    r"\tag{",
    r"\quad",
    r"\,",
    r"\cdot",
    r"\partial",
    r"\alpha",
    r"\top",
    r"\dots",
    r"\vdots",
    r"\ddots",
    "x",
    "y_i",
    "2",
    "=",
    "+",
    "-",
    "(",
    ")",
    "[",
    "]",
    ",",
    "'",
    "偏",
    " ",
    r"\",
    "%",
    "$",
    r"\unknown",
    r"\underbrace{",
    r"\overbrace{",
    r"\boxed{",
    r"\color{red}",
    r"\textcolor{blue}{",
    r"\lVert",
    r"\rVert",
    r"\|",
];

fn formula() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn check(tex: &str) {
    let start = Instant::now();
    for glyphs in [Glyphs::Unicode, Glyphs::Ascii] {
        for width in [0, 1, 20, 80] {
            let r = render_or_source(tex, &RenderOptions { glyphs, width });
            for line in &r.lines {
                assert_eq!(
                    unicode_width::UnicodeWidthStr::width(line.as_str()),
                    r.width,
                    "{tex:?}"
                );
            }
            assert!(r.baseline < r.lines.len().max(1), "{tex:?}");
        }
        let _ = render_inline(tex, glyphs);
    }
    if let Ok(f) = BoundFormula::new(tex, &RenderOptions::default()) {
        let values = Bindings::new().with("x", -1.5).with("y_i", 2.0);
        let _ = f.render(&values, Some(1.0), NumberFormat::default());
    }
    // Debug build, two glyph sets, four widths: generous, but catches
    // anything worse than linear.
    assert!(
        start.elapsed() < Duration::from_millis(200),
        "{tex:?} took {:?}",
        start.elapsed()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn structured_input_never_panics_and_is_fast(tex in formula()) {
        check(&tex);
    }

    #[test]
    fn arbitrary_text_never_panics(tex in "\\PC{0,200}") {
        check(&tex);
    }
}

#[test]
fn deep_nesting_at_the_limit_is_fast() {
    for open in [r"\frac{", r"\left(", r"\sqrt{", "x^{", r"\begin{pmatrix}"] {
        let close = match open {
            r"\left(" => r"\right)",
            r"\begin{pmatrix}" => r"\end{pmatrix}",
            r"\frac{" => "}{y}",
            _ => "}",
        };
        for depth in [10, 39, 40, 41, 200] {
            check(&format!("{}x{}", open.repeat(depth), close.repeat(depth)));
        }
    }
}

#[test]
fn long_formula_is_fast() {
    let long = r"a_1x_1 + \frac{b}{c} = ".repeat(300);
    check(&long);
}
