//! `nnstep formula` run as a process.

use std::process::Command;

fn nnstep(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_nnstep"))
        .args(args)
        .output()
        .expect("the binary runs");
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(out.stdout),
        text(out.stderr),
    )
}

#[test]
fn formula_command_prints_the_rendering() {
    let (code, out, _) = nnstep(&["formula", r"\frac{a}{b} = c"]);
    assert_eq!(code, 0);
    assert_eq!(out, "a\n─ = c\nb\n");
}

#[test]
fn formula_command_honours_global_ascii_and_width() {
    let (code, out, _) = nnstep(&["--ascii", "formula", "a = b + c = d", "--width", "9"]);
    assert_eq!(code, 0);
    assert_eq!(out, "a = b + c\n  = d\n");
}

#[test]
fn formula_command_reports_a_parse_error_with_a_caret_and_exit_1() {
    let (code, out, err) = nnstep(&["formula", r"\frac{a}{b"]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "\\frac{a}{b\n          ^\nerror: at byte 10: expected `}` to close the `{` at byte 8, found the end of the formula\n"
    );
}

#[test]
fn formula_command_takes_a_formula_that_starts_with_a_minus() {
    let (code, out, err) = nnstep(&["formula", r"- [y_2 \ln a_2 + (1 - y_2) \ln(1 - a_2)]"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.starts_with("−[y₂ ln a₂"), "{out}");
    let (code, out, _) = nnstep(&["--ascii", "formula", "-x", "--width", "40"]);
    assert_eq!((code, out.as_str()), (0, "-x\n"));
}

#[test]
fn formula_command_draws_an_unknown_command_as_source_and_warns() {
    let (code, out, err) = nnstep(&["formula", r"a + \foo{b}"]);
    assert_eq!(code, 0);
    assert_eq!(out, "a + [?\\foo]b\n");
    assert!(err.contains("^"), "{err}");
    assert!(
        err.contains("warning: at byte 4: expected a supported command"),
        "{err}"
    );
}
