//! Layout claims, one per test, on small formulas.

use nnstep::formula::{Glyphs, RenderOptions, Rendered, render, render_inline};

fn draw(tex: &str) -> Rendered {
    draw_in(tex, Glyphs::Unicode, 80)
}

fn draw_in(tex: &str, glyphs: Glyphs, width: usize) -> Rendered {
    match render(tex, &RenderOptions { glyphs, width }) {
        Ok(r) => r,
        Err(e) => panic!("{tex}: {e}"),
    }
}

#[test]
fn frac_is_stacked_with_rule_as_wide_as_wider_part() {
    let r = draw(r"\frac{a+b}{c}");
    assert_eq!(r.lines, ["a + b", "─────", "  c  "]);
    assert_eq!(r.baseline, 1);
}

#[test]
fn nested_fractions_stack_inside_each_other() {
    let r = draw(r"\frac{1}{1+\frac{1}{x}}");
    assert_eq!(r.to_text(), "  1\n─────\n    1\n1 + ─\n    x");
    assert_eq!(r.baseline, 1);
}

#[test]
fn digit_and_letter_scripts_use_inline_glyphs() {
    assert_eq!(draw(r"x_1^2 + w_{ij} + X^\top").lines, ["x₁² + wᵢⱼ + Xᵀ"]);
}

#[test]
fn scripts_without_glyphs_go_on_raised_and_lowered_rows() {
    let r = draw(r"e^{z_j} + C_N");
    assert_eq!(r.to_text(), " zⱼ\ne   + C\n       N");
    assert_eq!(r.baseline, 1);
}

#[test]
fn ascii_scripts_are_written_with_caret_and_underscore_when_plain() {
    let r = draw_in(r"x_1^2 + X^\top Y", Glyphs::Ascii, 80);
    assert_eq!(r.lines, ["x_1^2 + X^T Y"]);
}

#[test]
fn sum_has_limits_above_and_below_in_display() {
    let r = draw(r"\sum_{i=1}^m x_i");
    assert_eq!(r.to_text(), " m\n Σ  xᵢ\ni=1");
    assert_eq!(r.baseline, 1);
}

#[test]
fn sum_in_a_fraction_takes_its_limits_as_scripts() {
    let r = draw(r"\frac{1}{\sum_{i=1}^m x_i}");
    assert_eq!(r.lines[2].trim_end(), "Σᵢ₌₁ᵐ xᵢ");
}

#[test]
fn left_right_brackets_grow_with_their_content() {
    let r = draw(r"\left( \frac{a}{b} \right)");
    assert_eq!(r.lines, ["⎛ a ⎞", "⎜ ─ ⎟", "⎝ b ⎠"]);
}

#[test]
fn plain_parentheses_do_not_grow() {
    assert_eq!(draw(r"(a)").lines, ["(a)"]);
}

#[test]
fn pmatrix_is_bracketed_with_tall_parentheses_and_centred_cells() {
    let r = draw(r"\begin{pmatrix} 1 & 200 \\ 30 & 4 \end{pmatrix}");
    assert_eq!(r.lines, ["⎛ 1   200 ⎞", "⎝ 30   4  ⎠"]);
}

#[test]
fn bmatrix_and_vmatrix_use_square_brackets_and_bars() {
    assert_eq!(
        draw(r"\begin{bmatrix} a \\ b \end{bmatrix}").lines,
        ["⎡ a ⎤", "⎣ b ⎦"]
    );
    assert_eq!(
        draw(r"\begin{vmatrix} a \\ b \end{vmatrix}").lines,
        ["│ a │", "│ b │"]
    );
}

#[test]
fn one_row_matrix_uses_plain_brackets() {
    assert_eq!(
        draw(r"\begin{pmatrix} z_1 & z_2 \end{pmatrix}").lines,
        ["(z₁  z₂)"]
    );
}

#[test]
fn ascii_matrix_draws_brackets_from_slashes_and_bars() {
    let r = draw_in(
        r"\begin{pmatrix} a \\ b \\ c \end{pmatrix}",
        Glyphs::Ascii,
        80,
    );
    assert_eq!(r.lines, ["/ a \\", "| b |", "\\ c /"]);
}

#[test]
fn aligned_rows_line_up_on_the_ampersand() {
    let r = draw(r"\begin{aligned} loss &= a + b \\ &= c \end{aligned}");
    assert_eq!(r.lines, ["loss = a + b", "     = c    "]);
}

#[test]
fn tag_and_trailing_quad_number_are_set_flush_right() {
    let tagged = draw_in(r"z = x \tag{1}", Glyphs::Unicode, 20);
    assert_eq!(tagged.lines, ["z = x            (1)"]);
    let quad = draw_in(r"z = x \quad (12)", Glyphs::Unicode, 20);
    assert_eq!(quad.lines, ["z = x           (12)"]);
}

#[test]
fn quad_is_two_columns_and_thin_spaces_one() {
    assert_eq!(draw(r"a \quad b \qquad c \, d").lines, ["a  b    c d"]);
}

#[test]
fn binary_operators_and_relations_are_spaced_but_unary_minus_is_not() {
    assert_eq!(draw(r"y=-x+1").lines, ["y = −x + 1"]);
}

#[test]
fn operator_names_are_upright_words_with_a_space_before_their_argument() {
    assert_eq!(draw(r"y\ln a + \sin(x)").lines, ["y ln a + sin(x)"]);
}

#[test]
fn chinese_text_keeps_its_double_width() {
    let r = draw(r"\frac{\text{偏移}}{b}");
    assert_eq!(r.width, 4);
    assert_eq!(r.lines, ["偏移", "────", " b  "]);
}

#[test]
fn sqrt_draws_a_bar_over_its_argument() {
    assert_eq!(draw(r"\sqrt{x+1}").lines, [" _____", "√x + 1"]);
}

#[test]
fn accent_on_one_letter_is_a_combining_mark() {
    assert_eq!(draw(r"\hat{y} = \bar{x}").lines, ["y\u{302} = x\u{304}"]);
}

#[test]
fn greek_letters_and_arrows_have_ascii_spellings() {
    let r = draw_in(
        r"\sigma \cdot \eta \rightarrow \infty \approx \alpha",
        Glyphs::Ascii,
        80,
    );
    assert_eq!(r.lines, ["sigma * eta -> inf ~= alpha"]);
}

#[test]
fn ascii_greek_name_does_not_run_into_a_letter() {
    assert_eq!(draw_in(r"\eta x", Glyphs::Ascii, 80).lines, ["eta x"]);
}

#[test]
fn mathbf_uses_bold_letters_in_unicode_only() {
    assert_eq!(draw(r"\mathbf{x}").lines, ["𝐱"]);
    assert_eq!(draw_in(r"\mathbf{x}", Glyphs::Ascii, 80).lines, ["x"]);
}

#[test]
fn wide_formula_breaks_at_equals_with_continuation_under_first_equals() {
    let r = draw_in(r"a = b + c + d = e + f + g", Glyphs::Unicode, 14);
    assert_eq!(r.to_text(), "a = b + c + d\n  = e + f + g");
}

#[test]
fn too_wide_piece_between_equals_breaks_before_plus() {
    let r = draw_in(r"y = a + b + c + d + e", Glyphs::Unicode, 13);
    assert_eq!(r.to_text(), "y = a + b + c\n    + d + e");
    assert!(r.width <= 13);
}

#[test]
fn unbreakable_piece_is_kept_whole_and_reported_by_width() {
    let r = draw_in(r"\text{a long unbreakable label}", Glyphs::Unicode, 10);
    assert_eq!(r.width, 24);
    assert_eq!(r.lines, ["a long unbreakable label"]);
}

#[test]
fn every_line_is_padded_to_the_block_width() {
    let r = draw(r"\frac{a}{bbbb} + c");
    assert!(
        r.lines
            .iter()
            .all(|l| unicode_width::UnicodeWidthStr::width(l.as_str()) == r.width)
    );
}

#[test]
fn inline_form_is_one_line_with_fraction_slash() {
    let tex = r"\frac{\partial loss}{\partial w} = (z-y) \cdot x";
    assert_eq!(render_inline(tex, Glyphs::Unicode), "∂loss/∂w = (z−y)·x");
    assert_eq!(render_inline(tex, Glyphs::Ascii), "dloss/dw = (z-y)*x");
}

#[test]
fn inline_form_parenthesises_compound_fraction_parts() {
    let tex = r"\frac{a-y}{a(1-a)} + \frac{1}{1+e^{-z}}";
    assert_eq!(
        render_inline(tex, Glyphs::Unicode),
        "(a−y)/(a(1−a))+1/(1+e⁻ᶻ)"
    );
}

#[test]
fn inline_form_uses_script_glyphs_or_caret_groups() {
    assert_eq!(render_inline(r"x_1^2", Glyphs::Unicode), "x₁²");
    assert_eq!(render_inline(r"e^{z_j}", Glyphs::Unicode), "e^(zⱼ)");
    assert_eq!(render_inline(r"e^{z_j}", Glyphs::Ascii), "e^(z_j)");
}

#[test]
fn inline_form_of_a_bad_formula_is_its_source() {
    assert_eq!(render_inline(r"\frac{a", Glyphs::Unicode), r"\frac{a");
}

#[test]
fn a_prime_sits_right_after_a_function_name() {
    assert_eq!(draw(r"\tanh'(z) = 1 - a^2").lines, ["tanh′(z) = 1 − a²"]);
    assert_eq!(draw(r"\sigma'(z) + f'(x)").lines, ["σ′(z) + f′(x)"]);
}
