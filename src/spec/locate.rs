//! Finds where a value sits in YAML text, by its key path.
//!
//! serde_yaml reports line and column for syntax and type errors, but a value
//! that parses and is then found wrong (a learning rate ≤ 0, a layer that does
//! not connect) has no position after deserialising. This locator walks the
//! text by indentation to find a key path such as `layers[1].activation`, in
//! block YAML and in one-line flow mappings and sequences, which is what spec
//! and lesson files use. It returns the deepest segment it could find.

use std::fmt;

/// One step of a key path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathSeg {
    Key(String),
    Index(usize),
}

impl PathSeg {
    /// A key segment.
    #[must_use]
    pub fn key(k: &str) -> Self {
        PathSeg::Key(k.to_string())
    }
}

/// Writes a path as `steps[3].train.learning_rate`.
pub struct DisplayPath<'a>(pub &'a [PathSeg]);

impl fmt::Display for DisplayPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                PathSeg::Key(k) if i == 0 => write!(f, "{k}")?,
                PathSeg::Key(k) => write!(f, ".{k}")?,
                PathSeg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// A node found in the text (0-based line, byte column).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Place {
    line: usize,
    /// Where the node's key or item content starts.
    col: usize,
    /// Lines indented more than this belong to the node.
    base: usize,
    /// The node is a list item (`- `) rather than a key.
    item: bool,
    /// The node's value is a flow collection on this line, starting at `col`.
    flow: bool,
}

/// The 1-based (line, column) of the value at `path` in `text`, as close as
/// the text allows; `None` only when not even the first segment is found.
#[must_use]
pub fn locate(text: &str, path: &[PathSeg]) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut place: Option<Place> = None;
    let mut found = None;
    for seg in path {
        let next = match place {
            Some(p) if p.flow => flow_child(lines.get(p.line)?, p, seg),
            _ => block_child(&lines, place, seg),
        };
        let Some(p) = next else { break };
        found = Some((p.line + 1, p.col + 1));
        place = Some(p);
    }
    found
}

/// Column of a line's content after indentation and any `- ` item markers.
fn content_col(line: &str) -> usize {
    let bytes = line.as_bytes();
    let mut col = 0;
    loop {
        while col < bytes.len() && bytes[col] == b' ' {
            col += 1;
        }
        if col + 1 < bytes.len() && bytes[col] == b'-' && bytes[col + 1] == b' ' {
            col += 2;
        } else {
            return col;
        }
    }
}

fn is_blank(line: &str) -> bool {
    let t = line.trim_start();
    t.is_empty() || t.starts_with('#')
}

fn leading_spaces(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_item(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("- ") || t == "-"
}

/// The lines after `place` that belong to it (its block children).
fn children_end(lines: &[&str], place: Place) -> usize {
    let mut end = place.line + 1;
    while let Some(l) = lines.get(end) {
        if !is_blank(l) {
            let lead = leading_spaces(l);
            // A sequence may sit at its key's own indent: `layers:\n- units: 3`.
            let same_indent_list = !place.item && is_item(l) && lead == place.base;
            if lead <= place.base && !same_indent_list {
                break;
            }
        }
        end += 1;
    }
    end
}

fn block_child(lines: &[&str], place: Option<Place>, seg: &PathSeg) -> Option<Place> {
    let (start, end) = match place {
        None => (0, lines.len()),
        Some(p) if p.item => (p.line, children_end(lines, p)),
        Some(p) => (p.line + 1, children_end(lines, p)),
    };
    match seg {
        PathSeg::Key(key) => {
            let first = (start..end).find(|&i| !is_blank(lines[i]))?;
            let child_col = match place {
                Some(p) if p.item => p.col,
                _ => content_col(lines[first]),
            };
            (start..end).find_map(|i| {
                let col = if place.is_some_and(|p| p.item && p.line == i) {
                    child_col
                } else {
                    content_col(lines[i])
                };
                (col == child_col && key_at(lines[i], col, key))
                    .then(|| after_key(lines[i], i, col, key))
            })
        }
        PathSeg::Index(n) => {
            let mut items =
                (start..end).filter(|&i| is_item(lines[i]) && place.is_none_or(|p| p.line != i));
            let first = items.next()?;
            let lead = leading_spaces(lines[first]);
            let i = std::iter::once(first)
                .chain(items.filter(|&i| leading_spaces(lines[i]) == lead))
                .nth(*n)?;
            let col = lead + 2;
            let flow = lines[i]
                .get(col..)
                .is_some_and(|r| r.starts_with(['{', '[']));
            Some(Place {
                line: i,
                col,
                base: lead,
                item: true,
                flow,
            })
        }
    }
}

fn key_at(line: &str, col: usize, key: &str) -> bool {
    let rest = line.get(col..).unwrap_or("");
    let plain = rest.strip_prefix(key).is_some_and(|r| r.starts_with(':'));
    let quoted = ['"', '\''].iter().any(|q| {
        rest.strip_prefix(*q)
            .and_then(|r| r.strip_prefix(key))
            .and_then(|r| r.strip_prefix(*q))
            .is_some_and(|r| r.starts_with(':'))
    });
    plain || quoted
}

fn after_key(line: &str, i: usize, col: usize, key: &str) -> Place {
    let quote = usize::from(!line[col..].starts_with(key)) * 2;
    let value_start = col + key.len() + quote + 1;
    let rest = line.get(value_start..).unwrap_or("");
    let trimmed = rest.trim_start();
    let value_col = value_start + (rest.len() - trimmed.len());
    let flow = trimmed.starts_with(['{', '[']);
    // Point at the value when it is on this line, else at the key.
    let has_value = !trimmed.is_empty() && !trimmed.starts_with('#');
    Place {
        line: i,
        col: if has_value { value_col } else { col },
        base: col,
        item: false,
        flow,
    }
}

/// A child inside a one-line flow collection that starts at `place.col`.
fn flow_child(line: &str, place: Place, seg: &PathSeg) -> Option<Place> {
    let bytes = line.as_bytes();
    let (mut depth, mut index, mut expecting) = (0usize, 0usize, false);
    for (i, &c) in bytes.iter().enumerate().skip(place.col) {
        if depth == 1 && expecting && c != b' ' && c != b']' && c != b'}' {
            expecting = false;
            let hit = match seg {
                PathSeg::Index(n) => *n == index,
                PathSeg::Key(k) => key_at(line, i, k),
            };
            if hit {
                return Some(match seg {
                    PathSeg::Key(k) => after_key(line, place.line, i, k),
                    PathSeg::Index(_) => Place {
                        line: place.line,
                        col: i,
                        base: i,
                        item: true,
                        flow: matches!(c, b'{' | b'['),
                    },
                });
            }
        }
        match c {
            b'{' | b'[' => {
                depth += 1;
                expecting = depth == 1;
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return None;
                }
            }
            b',' if depth == 1 => {
                index += 1;
                expecting = true;
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(s: &str) -> Vec<PathSeg> {
        let mut segs = Vec::new();
        for part in s.split('.') {
            let (name, rest) = part.split_once('[').unwrap_or((part, ""));
            if !name.is_empty() {
                segs.push(PathSeg::key(name));
            }
            for idx in rest.split('[') {
                if let Some(n) = idx
                    .trim_end_matches(']')
                    .parse()
                    .ok()
                    .filter(|_| !idx.is_empty())
                {
                    segs.push(PathSeg::Index(n));
                }
            }
        }
        segs
    }

    const SPEC: &str = "\
data: {builtin: line}
layers:
  - units: 3
    activation: sigmoid
  - {units: 1, activation: identity}
loss: mse
learning_rate: -0.1
weights:
- w: [[0.5, 1.0]]
";

    #[test]
    fn finds_top_level_and_nested_block_keys() {
        assert_eq!(locate(SPEC, &path("learning_rate")), Some((7, 16)));
        assert_eq!(locate(SPEC, &path("layers[0].activation")), Some((4, 17)));
        assert_eq!(locate(SPEC, &path("layers[0].units")), Some((3, 12)));
        assert_eq!(locate(SPEC, &path("layers")), Some((2, 1)));
    }

    #[test]
    fn finds_keys_inside_flow_mappings() {
        assert_eq!(locate(SPEC, &path("layers[1].activation")), Some((5, 28)));
        assert_eq!(locate(SPEC, &path("data.builtin")), Some((1, 17)));
    }

    #[test]
    fn falls_back_to_the_deepest_segment_found() {
        assert_eq!(locate(SPEC, &path("layers[7].units")), Some((2, 1)));
        assert_eq!(locate(SPEC, &path("nothing")), None);
    }

    #[test]
    fn finds_flow_sequence_items_and_lists_at_key_indent() {
        assert_eq!(locate(SPEC, &path("weights[0].w")), Some((9, 6)));
        assert_eq!(locate(SPEC, &path("weights[0].w[0][1]")), Some((9, 13)));
        assert_eq!(
            locate("predict: [[1, 2], [3]]\n", &path("predict[1]")),
            Some((1, 19))
        );
    }
}
