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
