//! Reading a lesson file safely and parsing its YAML into the raw types,
//! with every failure as a [`Diagnostic`].
//!
//! Untrusted input is bounded before the parser sees it: only a regular
//! file is read (never a device or a FIFO), files over [`MAX_BYTES`] are
//! refused before reading, bytes that are not UTF-8 are reported at their
//! line and column, control characters and bidirectional overrides are
//! reported at theirs ([`check_characters`]), nesting is limited
//! ([`MAX_DEPTH`]), and so is the number of YAML nodes after alias
//! expansion ([`MAX_NODES`], checked by walking the parser's events before
//! any lesson type is built), so a "billion laughs" file fails fast.

use std::path::Path;

use super::raw::RawLesson;
use crate::diagnostic::Diagnostic;
use crate::untrusted;

mod walk;

pub use walk::MAX_NODES;

/// The largest lesson file accepted. Real lessons are a few tens of kB.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// Reads `path` as UTF-8 text of at most [`MAX_BYTES`].
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let file = path.display().to_string();
    let bytes = untrusted::read_regular_file(path, MAX_BYTES).map_err(|e| {
        Diagnostic::new(&file, "", 0, 0, format!("cannot read the lesson file: {e}"))
    })?;
    text_from_bytes(&file, bytes)
}

/// Checks size and encoding of bytes read from `file`.
pub fn text_from_bytes(file: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Diagnostic::new(
            file,
            "",
            0,
            0,
            format!(
                "the file is larger than {} kB; a lesson file is refused above that size",
                MAX_BYTES / 1024
            ),
        )
        .with_hint(Some(
            "split the lesson, or keep large data in a CSV file the lesson names".into(),
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        let col = good.len() - good.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1) + 1;
        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
        Diagnostic::new(file, &text, line, col, "the file is not valid UTF-8 text")
            .with_hint(Some("save the file as UTF-8".into()))
    })
}

/// The most unsafe characters reported one by one; the rest are counted.
const MAX_CHAR_REPORTS: usize = 20;

/// Every control character (other than newline and tab) and bidirectional
/// override written directly in `text`, each at its line and column. They
/// are refused, so that no lesson text can drive the learner's terminal.
#[must_use]
pub fn check_characters(file: &str, text: &str) -> Vec<Diagnostic> {
    let found = untrusted::find_unsafe(text);
    let mut out: Vec<Diagnostic> = found
        .iter()
        .take(MAX_CHAR_REPORTS)
        .map(|&(line, col, c)| {
            Diagnostic::new(
                file,
                text,
                line,
                col,
                format!("the file holds {}, which is not allowed", untrusted::describe(c)),
            )
            .with_hint(Some(
                "lesson text may not hold control characters or direction overrides: they could drive the learner's terminal or disguise text; remove it".into(),
            ))
        })
        .collect();
    if found.len() > MAX_CHAR_REPORTS {
        out.push(Diagnostic::new(
            file,
            "",
            0,
            0,
            format!(
                "and {} more such characters",
                found.len() - MAX_CHAR_REPORTS
            ),
        ));
    }
    out
}

/// Parses lesson YAML into the raw types: checks the characters, the
/// nesting, and the size after alias expansion, then deserialises. A string
/// that holds a control character through an escape (`"\e[2J"`) is
/// reported at its key path.
pub fn parse(file: &str, text: &str) -> Result<RawLesson, Vec<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(vec![
            Diagnostic::new(file, text, 0, 0, "the file is empty").with_hint(Some(
                "a lesson starts with id, chapter, title, summary and steps; see lessons/README.md"
                    .into(),
            )),
        ]);
    }
    let chars = check_characters(file, text);
    if !chars.is_empty() {
        return Err(chars);
    }
    check_nesting(file, text).map_err(|d| vec![d])?;
    walk::check(file, text)?;
    serde_yaml::from_str(text).map_err(|e| vec![yaml_diagnostic(file, text, &e)])
}

/// The deepest nesting a lesson may have. Real lessons stay under 15.
pub const MAX_DEPTH: usize = 64;

/// Refuses nesting deeper than [`MAX_DEPTH`] before the YAML parser runs:
/// serde_yaml would refuse it too, but only after its loader has spent time
/// quadratic in the depth (tens of seconds for 100 000 open brackets).
/// Block levels are counted from indentation and `- ` markers, flow levels
/// from brackets and braces (quotes are not tracked, so brackets inside
/// strings count while open, which only over-estimates).
fn check_nesting(file: &str, text: &str) -> Result<(), Diagnostic> {
    let mut indents: Vec<usize> = Vec::new();
    let mut flow = 0usize;
    for (i, line) in text.lines().enumerate() {
        let body = line.split(" #").next().unwrap_or("");
        let trimmed = body.trim_start_matches([' ', '-']);
        if flow == 0 && !trimmed.is_empty() && !trimmed.starts_with('#') {
            let indent = body.len() - trimmed.len();
            while indents.last().is_some_and(|&top| top >= indent) {
                indents.pop();
            }
            indents.push(indent);
        }
        for (col, c) in body.char_indices() {
            match c {
                '[' | '{' => flow += 1,
                ']' | '}' => flow = flow.saturating_sub(1),
                _ => continue,
            }
            if indents.len() + flow > MAX_DEPTH {
                return Err(Diagnostic::new(
                    file,
                    text,
                    i + 1,
                    col + 1,
                    format!("the YAML is nested more than {MAX_DEPTH} levels deep"),
                )
                .with_hint(Some(
                    "a lesson needs a handful of levels; look for unclosed brackets".into(),
                )));
            }
        }
        if indents.len() > MAX_DEPTH {
            return Err(Diagnostic::new(
                file,
                text,
                i + 1,
                1,
                format!("the YAML is nested more than {MAX_DEPTH} levels deep"),
            ));
        }
    }
    Ok(())
}

/// A serde_yaml error as a diagnostic: the list of valid values moves to the
/// hint, a duplicate key points at its second occurrence, and a tab gets the
/// hint that YAML indents with spaces.
#[must_use]
pub fn yaml_diagnostic(file: &str, text: &str, e: &serde_yaml::Error) -> Diagnostic {
    let mut d = Diagnostic::from_yaml(file, text, e);
    let full = e.to_string();
    if let Some((line, col)) = quote_start(&full) {
        d = Diagnostic::new(
            file,
            text,
            line,
            col,
            "this quoted string is never closed; the file ends inside it",
        );
        d.hint = Some("end the string with the same quote mark it starts with".into());
        return d;
    }
    if let Some(i) = d.message.find(", expected ") {
        let expected = d.message[i + 2..].to_string();
        d.message.truncate(i);
        d.hint = Some(expected);
    }
    if let Some(key) = between(&d.message, "missing field `", "`") {
        d.message = d.message.replace(
            &format!("missing field `{key}`"),
            &format!("the key `{key}` is missing from the mapping that starts here"),
        );
        d.hint = Some(format!("add `{key}: …` to this mapping"));
    } else if let Some(key) = between(&d.message, "duplicate field `", "`") {
        if let Some((line, col)) = second_key(text, d.line, &key) {
            d = Diagnostic::new(file, text, line, col, d.message.clone());
        }
        d.hint = Some(format!("`{key}` may appear once per mapping; remove one"));
    }
    let tab = d
        .source_line
        .as_deref()
        .is_some_and(|l| l.trim_end().contains('\t'));
    if tab && d.hint.is_none() {
        d.hint = Some("YAML indents with spaces; replace the tab with spaces".into());
    }
    d
}

/// Where an unclosed quoted scalar starts, from serde_yaml's message
/// ("… while scanning a quoted scalar at line L column C").
fn quote_start(msg: &str) -> Option<(usize, usize)> {
    let rest = msg
        .split("while scanning a quoted scalar at line ")
        .nth(1)?;
    let (line, rest) = rest.split_once(" column ")?;
    let col: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.parse().ok()?, col.parse().ok()?))
}

fn between(s: &str, start: &str, end: &str) -> Option<String> {
    let i = s.find(start)? + start.len();
    let j = s[i..].find(end)? + i;
    Some(s[i..j].to_string())
}

/// The second `key:` at the indentation of the first one found at or after
/// `from_line` (1-based), as (line, column).
fn second_key(text: &str, from_line: usize, key: &str) -> Option<(usize, usize)> {
    let mut first_col = None;
    for (i, line) in text.lines().enumerate().skip(from_line.saturating_sub(1)) {
        let stripped = line.trim_start_matches([' ', '-']);
        let col = line.len() - stripped.len();
        if stripped.starts_with(&format!("{key}:")) {
            match first_col {
                None => first_col = Some(col),
                Some(c) if c == col => return Some((i + 1, col + 1)),
                Some(_) => {}
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_oversized_file_is_refused_before_parsing() {
        let d = text_from_bytes("big.yaml", vec![b'a'; MAX_BYTES as usize + 1]).unwrap_err();
        assert!(d.message.contains("larger than 1024 kB"), "{d}");
    }

    #[test]
    fn invalid_utf8_is_reported_at_its_line_and_column() {
        let d = text_from_bytes("x.yaml", b"id: a\ntitle: \xff\n".to_vec()).unwrap_err();
        assert_eq!((d.line, d.column), (2, 8));
    }

    #[test]
    fn a_duplicate_key_points_at_its_second_occurrence() {
        let text = "id: a\nchapter: 4\nid: b\n";
        let e = serde_yaml::from_str::<RawLesson>(text).unwrap_err();
        let d = yaml_diagnostic("x.yaml", text, &e);
        assert_eq!(d.line, 3, "{d}");
        assert!(d.message.contains("duplicate field `id`"), "{d}");
    }
}
