//! Rustc-style diagnostics for the files authors write (specs and lessons):
//! the file, line and column, the offending line with a caret under the
//! value, and a hint naming what was expected.
//!
//! ```text
//! error: the learning rate must be a number above 0, found -0.1
//!   --> specs/bad.yaml:7:16
//!    |
//!  7 | learning_rate: -0.1
//!    |                ^^^^
//!    = hint: typical values are 0.01 to 0.5
//! ```

use std::fmt;

use unicode_width::UnicodeWidthStr;

use crate::untrusted::{visible, visible_line};

/// One problem in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user named it.
    pub file: String,
    /// 1-based line and column (bytes); 0 when unknown.
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
    /// The text of `line`, if known, for the snippet.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// A diagnostic at `line`:`column` of `text` (both 1-based; 0 = unknown).
    #[must_use]
    pub fn new(
        file: &str,
        text: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        let source_line = line
            .checked_sub(1)
            .and_then(|l| text.lines().nth(l))
            .map(str::to_string);
        Self {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
            hint: None,
            source_line,
        }
    }

    /// Adds a hint.
    #[must_use]
    pub fn with_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    /// From a serde_yaml error: its position and its message without the
    /// trailing "at line L column C", which the header shows instead.
    #[must_use]
    pub fn from_yaml(file: &str, text: &str, err: &serde_yaml::Error) -> Self {
        let (line, column) = err.location().map_or((0, 0), |l| (l.line(), l.column()));
        let mut message = err.to_string();
        if let Some(i) = message.find(" at line ") {
            message.truncate(i);
        }
        Self::new(file, text, line, column, message)
    }
}

/// The words around a diagnostic: what comes before its message and
/// before its hint, each with its own separator (`"error: "`, `"错误："`).
/// The words module has them in every language; this module knows none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame<'a> {
    pub error: &'a str,
    pub hint: &'a str,
}

/// The frame [`Diagnostic`]'s `Display` uses: the rustc-style English
/// one, for messages made below the words module.
pub const PLAIN_FRAME: Frame<'static> = Frame {
    error: "error: ",
    hint: "hint: ",
};

impl Diagnostic {
    /// The diagnostic as printed, in `frame`'s words.
    #[must_use]
    pub fn framed(&self, frame: &Frame<'_>) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_framed(&mut out, frame);
        out
    }

    fn write_framed(&self, f: &mut dyn fmt::Write, frame: &Frame<'_>) -> fmt::Result {
        writeln!(f, "{}{}", frame.error, visible(&self.message))?;
        let file = visible_line(&self.file);
        if self.line == 0 {
            writeln!(f, "  --> {file}")?;
        } else {
            let num = self.line.to_string();
            let pad = " ".repeat(num.len());
            writeln!(f, "{pad}--> {file}:{}:{}", self.line, self.column.max(1))?;
            if let Some(src) = &self.source_line {
                let src = src.replace('\t', " ");
                let col0 = self.column.saturating_sub(1).min(src.len());
                let lead = src
                    .get(..col0)
                    .map_or(col0, |s| UnicodeWidthStr::width(&*visible_line(s)));
                let rest = src.get(col0..).unwrap_or("");
                writeln!(f, "{pad} |")?;
                writeln!(f, "{num} | {}", visible_line(&src))?;
                writeln!(
                    f,
                    "{pad} | {}{}",
                    " ".repeat(lead),
                    "^".repeat(token_width(&visible_line(rest), 0))
                )?;
            }
        }
        if let Some(hint) = &self.hint {
            let pad = " ".repeat(self.line.to_string().len());
            writeln!(f, "{pad} = {}{}", frame.hint, visible(hint))?;
        }
        Ok(())
    }
}

/// Length of the token at byte `col` (0-based) of `line`, for the caret.
fn token_width(line: &str, col: usize) -> usize {
    let rest = line.get(col..).unwrap_or("");
    let end = rest.find([',', '}', ']', '#']).unwrap_or(rest.len());
    let token = rest[..end].trim_end();
    UnicodeWidthStr::width(token).clamp(1, 60)
}

/// Every part is printed through [`visible`]: a file name, a quoted value
/// or a source line from a hostile file never sends a control character.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_framed(f, &PLAIN_FRAME)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_file_line_column_snippet_caret_and_hint() {
        let text = "loss: mse\nlearning_rate: -0.1\n";
        let d = Diagnostic::new("bad.yaml", text, 2, 16, "the learning rate must be above 0")
            .with_hint(Some("try 0.1".into()));
        let expected = "error: the learning rate must be above 0\n --> bad.yaml:2:16\n  |\n2 | learning_rate: -0.1\n  |                ^^^^\n  = hint: try 0.1\n";
        assert_eq!(d.to_string(), expected);
    }

    #[test]
    fn a_hostile_source_line_and_message_print_no_control_character() {
        let text = "title: \u{1b}]0;pwned\u{7}\u{1b}[2J\r\n";
        let d = Diagnostic::new("a\u{1b}[31m.yaml", text, 1, 8, "bad '\u{9b}2J'")
            .with_hint(Some("\u{202e}x".into()));
        let shown = d.to_string();
        assert!(
            shown
                .chars()
                .all(|c| c == '\n' || !crate::untrusted::is_unsafe(c, true)),
            "{shown:?}"
        );
        assert!(shown.contains("title: ␛]0;pwned␇␛[2J"), "{shown}");
        assert!(shown.contains("|        ^\n"), "{shown}");
    }

    #[test]
    fn yaml_errors_keep_their_position() {
        let text = "a: [1, 2\n";
        let err = serde_yaml::from_str::<serde_yaml::Value>(text).unwrap_err();
        let d = Diagnostic::from_yaml("x.yaml", text, &err);
        assert!(d.line >= 1, "{d}");
        assert!(!d.message.contains(" at line "));
    }
}
