//! Parse errors: the byte offset and what was expected, and the source with
//! a caret shown in place of a formula that does not parse.

use nnstep::formula::{FormulaError, Glyphs, RenderOptions, parse_check, render_or_source};

fn error(tex: &str) -> FormulaError {
    match parse_check(tex) {
        Err(e) => e,
        Ok(()) => panic!("{tex} parsed"),
    }
}

/// The diagnostic as the CLI prints it.
fn diagnostic(tex: &str) -> String {
    let e = error(tex);
    let mut out = e.snippet(tex, 80).join("\n");
    out.push_str(&format!("\nerror: {e}"));
    out
}

#[test]
fn unclosed_brace_points_at_the_end_and_names_the_opening_brace() {
    let e = error(r"\frac{a}{b");
    assert_eq!(e.offset, 10);
    assert_eq!(e.expected, "`}` to close the `{` at byte 8");
    assert_eq!(e.found, "the end of the formula");
}

#[test]
fn stray_closing_brace_is_reported_where_it_stands() {
    assert_eq!(error("a}b").offset, 1);
}

#[test]
fn unknown_command_is_reported_at_its_backslash() {
    let e = error(r"a + \foo{b}");
    assert_eq!((e.offset, e.found.as_str()), (4, r"`\foo`"));
}

#[test]
fn missing_argument_names_the_command() {
    let e = error(r"\frac{a}");
    assert_eq!(e.offset, 8);
    assert!(
        e.expected.contains(r"denominator of `\frac`"),
        "{}",
        e.expected
    );
}

#[test]
fn left_without_right_and_mismatched_end_are_errors() {
    assert!(error(r"\left( a").expected.contains(r"`\right`"));
    assert!(
        error(r"\begin{pmatrix} a \end{bmatrix}")
            .expected
            .contains("pmatrix")
    );
    assert!(
        error(r"\begin{foo} a \end{foo}")
            .expected
            .contains("supported environment")
    );
}

#[test]
fn double_superscript_is_an_error() {
    assert_eq!(error("x^2^3").offset, 3);
}

#[test]
fn ampersand_outside_an_environment_is_an_error() {
    assert!(error("a &= b").expected.contains("environment"));
}

#[test]
fn nesting_is_bounded() {
    let deep = format!("{}x{}", "{".repeat(100), "}".repeat(100));
    assert!(error(&deep).expected.contains("levels of nesting"));
}

#[test]
fn dollar_delimiters_are_refused_with_a_hint() {
    assert!(error("$x$").expected.contains("without `$`"));
}

#[test]
fn diagnostics_read_well() {
    let all = [
        r"\frac{\partial loss}{\partial w",
        r"a = \sigmoid(z)",
        r"J = \sum_{i=1}^",
        r"\text{偏移}} + b",
        r"\begin{aligned} a &= b \\ &= c",
    ]
    .map(diagnostic)
    .join("\n\n");
    insta::assert_snapshot!(all);
}

#[test]
fn render_or_source_shows_the_source_with_a_caret_under_the_error() {
    let opts = RenderOptions {
        glyphs: Glyphs::Unicode,
        width: 80,
    };
    let r = render_or_source(r"a + } + b", &opts);
    assert_eq!(r.lines, ["a + } + b", "    ^    "]);
    // An unknown command is no parse error: it is drawn as its source.
    assert_eq!(render_or_source(r"a + \foo", &opts).lines, ["a + [?\\foo]"]);
}

#[test]
fn render_or_source_renders_good_formulas() {
    let opts = RenderOptions::default();
    assert_eq!(render_or_source(r"x^2", &opts).lines, ["x²"]);
}
