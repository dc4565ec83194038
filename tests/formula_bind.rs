//! Live values substituted into formulas (issue 4, item 4).

use nnstep::formula::{Bindings, BoundFormula, Glyphs, NumberFormat, RenderOptions};

fn unicode() -> RenderOptions {
    RenderOptions::default()
}

#[test]
fn deck_gradient_shows_values_under_the_formula_with_equals_aligned() {
    let f = BoundFormula::new(
        r"\frac{\partial loss}{\partial w} = (z_i - y_i)x_i",
        &unicode(),
    );
    let f = f.expect("parses");
    let values = Bindings::new()
        .with("z_i", 3.412)
        .with("y_i", 3.0)
        .with("x_i", 0.346);
    // (3.412 − 3.000) × 0.346 = 0.142552 → 0.1426 to four significant digits.
    let out = f.render(
        &values,
        Some((3.412 - 3.0) * 0.346),
        NumberFormat::default(),
    );
    insta::assert_snapshot!(out.to_text(), @r"
    ∂loss
    ───── = (zᵢ − yᵢ)xᵢ
     ∂w
          = (3.412 − 3.000)·0.346 = 0.1426
    ");
}

#[test]
fn values_inline_is_one_line_starting_with_equals() {
    let f = BoundFormula::new(
        r"\frac{\partial loss}{\partial w} = (z_i - y_i)x_i",
        &unicode(),
    )
    .expect("parses");
    let values = Bindings::new()
        .with("z_i", 3.412)
        .with("y_i", 3.0)
        .with("x_i", 0.346);
    let line = f.values_inline(&values, Some(0.1425), NumberFormat::default());
    assert_eq!(line, "= (3.412−3.000)·0.346 = 0.1425");
}

#[test]
fn ascii_value_line_uses_star_and_hyphen_minus() {
    let opts = RenderOptions {
        glyphs: Glyphs::Ascii,
        width: 80,
    };
    let f = BoundFormula::new(r"z = x \cdot w + b", &opts).expect("parses");
    let values = Bindings::new()
        .with("x", 2.0)
        .with("w", -0.5)
        .with("b", 0.25);
    let line = f.values_inline(&values, Some(-0.75), NumberFormat::default());
    assert_eq!(line, "= 2.000*(-0.500)+0.250 = -0.7500");
}

#[test]
fn negative_value_after_a_minus_is_parenthesised() {
    let f = BoundFormula::new(r"d = z - y", &unicode()).expect("parses");
    let values = Bindings::new().with("z", 1.0).with("y", -3.0);
    let out = f.render(&values, None, NumberFormat::default());
    assert_eq!(out.lines[1].trim_end(), "  = 1.000 − (−3.000)");
}

#[test]
fn unbound_symbols_stay_and_partly_bound_words_are_left_whole() {
    // `t` is bound but must not replace the `t` inside `Logistic`.
    let f = BoundFormula::new(r"a = Logistic(t) + s", &unicode()).expect("parses");
    let values = Bindings::new().with("t", 0.5);
    let line = f.values_inline(&values, None, NumberFormat::default());
    assert_eq!(line, "= Logistic(0.500)+s");
}

#[test]
fn a_power_stays_on_the_substituted_value() {
    let f = BoundFormula::new(r"y = 0.4x^2 + b", &unicode()).expect("parses");
    let values = Bindings::new().with("x", 0.5).with("b", 1.0);
    let line = f.values_inline(&values, None, NumberFormat::default());
    assert_eq!(line, "= 0.4·0.500²+1.000");
}

#[test]
fn a_layer_index_superscript_is_part_of_the_name() {
    let f = BoundFormula::new(r"z_1^2 = a_1^1 w_{11}^2 + b_1^2", &unicode()).expect("parses");
    let values = Bindings::new()
        .with("a_1^1", 0.2)
        .with("w_{11}^2", 0.3)
        .with("b_1^2", 0.1);
    let line = f.values_inline(&values, Some(0.16), NumberFormat::default());
    assert_eq!(line, "= 0.200·0.300+0.100 = 0.1600");
}

#[test]
fn fractions_in_the_right_hand_side_stay_stacked() {
    let f = BoundFormula::new(
        r"\frac{\partial loss}{\partial a} = \frac{a-y}{a(1-a)}",
        &unicode(),
    )
    .expect("parses");
    let values = Bindings::new().with("a", 0.8).with("y", 1.0);
    let out = f.render(&values, Some(-1.25), NumberFormat::default());
    insta::assert_snapshot!(out.to_text(), @r"
    ∂loss    a − y
    ───── = ────────
     ∂a     a(1 − a)
              0.800 − 1.000
          = ───────────────── = −1.250
            0.800·(1 − 0.800)
    ");
}

#[test]
fn keys_are_matched_however_the_braces_are_written() {
    let values = Bindings::new().with("x_{i}", 1.5);
    assert_eq!(values.get("x_i"), Some(1.5));
    assert_eq!(values.get("x_j"), None);
}

#[test]
fn setting_a_key_again_replaces_its_value() {
    let mut values = Bindings::new();
    values.set("w", 1.0).set("w", 2.0);
    assert_eq!(values.get("w"), Some(2.0));
}

#[test]
fn number_format_controls_decimals_and_result_digits() {
    let f = BoundFormula::new(r"y = w", &unicode()).expect("parses");
    let values = Bindings::new().with("w", 1.23456);
    let format = NumberFormat {
        decimals: 1,
        result_digits: 2,
    };
    assert_eq!(
        f.values_inline(&values, Some(1.23456), format),
        "= 1.2 = 1.2"
    );
}

#[test]
fn bad_formula_is_an_error_not_a_panic() {
    assert!(BoundFormula::new(r"\frac{a}", &unicode()).is_err());
}
