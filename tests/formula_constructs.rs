//! The constructs added for the course's derivations and emphasis:
//! `\underbrace`/`\overbrace` with labels, `\lVert…\rVert` and `\|`,
//! `\boxed`, `\color`/`\textcolor` as glyph emphasis, and unknown commands
//! drawn as their source with a warning. Each in Unicode and ASCII, at 40
//! and 80 columns.

use nnstep::formula::{Glyphs, RenderOptions, Rendered, parse_check, render, render_inline};

fn draw(tex: &str, glyphs: Glyphs, width: usize) -> Rendered {
    match render(tex, &RenderOptions { glyphs, width }) {
        Ok(r) => r,
        Err(e) => panic!("{tex}: {e}"),
    }
}

/// The trimmed lines of `tex` at 40 and at 80 columns are both `want`.
fn same_at_40_and_80(tex: &str, glyphs: Glyphs, want: &[&str], baseline: usize) {
    for width in [40, 80] {
        let r = draw(tex, glyphs, width);
        let got: Vec<&str> = r.lines.iter().map(|l| l.trim_end()).collect();
        assert_eq!(got, want, "{tex} ({glyphs:?}, {width} columns)");
        assert_eq!(r.baseline, baseline, "{tex} ({glyphs:?}, {width} columns)");
        assert!(r.warnings.is_empty(), "{tex}: {:?}", r.warnings);
    }
}

#[test]
fn underbrace_stretches_under_the_body_with_the_label_centred_below() {
    let tex = r"\underbrace{a+b}_{x}";
    same_at_40_and_80(tex, Glyphs::Unicode, &["a + b", "╰─┬─╯", "  x"], 0);
    same_at_40_and_80(tex, Glyphs::Ascii, &["a + b", r"\_v_/", "  x"], 0);
}

#[test]
fn overbrace_stretches_over_the_body_with_the_label_centred_above() {
    let tex = r"\overbrace{a+b}^{n}";
    same_at_40_and_80(tex, Glyphs::Unicode, &["  n", "╭─┴─╮", "a + b"], 2);
    same_at_40_and_80(tex, Glyphs::Ascii, &["  n", r"/-^-\", "a + b"], 2);
}

#[test]
fn a_brace_without_a_label_is_just_the_brace() {
    same_at_40_and_80(r"\underbrace{xyz}", Glyphs::Unicode, &["xyz", "╰┬╯"], 0);
}

#[test]
fn braced_factors_of_the_chain_rule_sit_on_one_baseline() {
    let tex = r"\frac{\partial l}{\partial w} = \underbrace{\frac{\partial l}{\partial z}}_{z - y} \cdot \underbrace{\frac{\partial z}{\partial w}}_{x}";
    let want = [
        "∂l   ∂l    ∂z",
        "── = ──  · ──",
        "∂w   ∂z    ∂w",
        "     ╰┬╯   ╰┬╯",
        "     z−y    x",
    ];
    same_at_40_and_80(tex, Glyphs::Unicode, &want, 1);
    let ascii = [
        "dl   dl    dz",
        "-- = --  * --",
        "dw   dz    dw",
        r"     \v/   \v/",
        "     z-y    x",
    ];
    same_at_40_and_80(tex, Glyphs::Ascii, &ascii, 1);
}

#[test]
fn a_brace_keeps_its_label_when_a_long_formula_breaks() {
    let tex = r"J = \underbrace{(z_1 - y_1)^2}_{first} + \underbrace{(z_2 - y_2)^2}_{second} + \underbrace{(z_3 - y_3)^2}_{third}";
    for glyphs in [Glyphs::Unicode, Glyphs::Ascii] {
        let r = draw(tex, glyphs, 40);
        let text = r.to_text();
        for label in ["first", "second", "third"] {
            assert!(text.contains(label), "{text}");
        }
        assert!(r.width <= 40, "{text}");
        assert_eq!(draw(tex, glyphs, 80).lines.len(), 3, "one row at 80");
    }
}

#[test]
fn norms_are_drawn_with_double_bars() {
    let tex = r"\lVert x \rVert + \|y\|";
    same_at_40_and_80(tex, Glyphs::Unicode, &["‖x‖ + ‖y‖"], 0);
    same_at_40_and_80(tex, Glyphs::Ascii, &["||x|| + ||y||"], 0);
    assert_eq!(render_inline(r"\lVert w \rVert", Glyphs::Unicode), "‖w‖");
}

#[test]
fn boxed_draws_a_frame_around_the_body() {
    let tex = r"\boxed{x = 1}";
    same_at_40_and_80(
        tex,
        Glyphs::Unicode,
        &["┌───────┐", "│ x = 1 │", "└───────┘"],
        1,
    );
    same_at_40_and_80(
        tex,
        Glyphs::Ascii,
        &["+-------+", "| x = 1 |", "+-------+"],
        1,
    );
    assert_eq!(render_inline(r"\boxed{x}", Glyphs::Ascii), "[x]");
}

#[test]
fn colour_becomes_emphasis_made_of_glyphs_not_colour() {
    // Bold letters and a mark row in Unicode, a `~` row in ASCII: both
    // survive NO_COLOR and a plain pipe.
    let tex = r"\textcolor{red}{x} = 1";
    same_at_40_and_80(tex, Glyphs::Unicode, &["𝐱 = 1", "▔"], 0);
    same_at_40_and_80(tex, Glyphs::Ascii, &["x = 1", "~"], 0);
    // `\color` applies to the rest of its group, as in LaTeX.
    same_at_40_and_80(r"{\color{blue} a} + b", Glyphs::Ascii, &["a + b", "~"], 0);
    assert_eq!(render_inline(r"\color{red}{w}", Glyphs::Unicode), "𝐰");
}

#[test]
fn an_unknown_command_is_drawn_as_its_source_with_a_warning() {
    for glyphs in [Glyphs::Unicode, Glyphs::Ascii] {
        for width in [40, 80] {
            let r = draw(r"a + \foo{b}", glyphs, width);
            assert_eq!(r.to_text(), r"a + [?\foo]b");
            assert_eq!(r.warnings.len(), 1);
            assert_eq!(r.warnings[0].offset, 4);
            assert_eq!(r.warnings[0].found, r"`\foo`");
        }
    }
    // The checker still reports it.
    assert_eq!(parse_check(r"a + \foo{b}").map_err(|e| e.offset), Err(4));
    assert!(parse_check(r"\underbrace{a}_{b} + \boxed{c} + \lVert d \rVert").is_ok());
}
