//! One pass over the parser's events before any lesson type is built: it
//! counts the nodes the document has once aliases are expanded, stopping
//! at [`MAX_NODES`] (so a few kB of nested aliases cannot become gigabytes
//! of matrix cells), and finds strings that hold a control character
//! written as an escape (`"\e]52;…"`), which the text scan cannot see.
//!
//! It deserialises into nothing: a visitor that only counts and checks,
//! keeping at most one key string at a time.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor};

use crate::diagnostic::Diagnostic;
use crate::spec::{DisplayPath, PathSeg, locate};
use crate::untrusted;

/// The most YAML nodes (scalars, sequences and mappings, counted after
/// alias expansion) a lesson may have. A 1 MB file without aliases has at
/// most about 500 000; the built-in lessons have under 5 000.
pub const MAX_NODES: usize = 1_000_000;

/// The most escaped-control-character strings reported one by one.
const MAX_REPORTS: usize = 20;

#[derive(Default)]
struct State {
    nodes: usize,
    /// Strings holding an unsafe character: where, and the first such.
    bad: Vec<(Vec<PathSeg>, char)>,
}

/// The walk's verdict: an error diagnostic for too many nodes, else one per
/// string that holds an escaped control character.
pub(super) fn check(file: &str, text: &str) -> Result<(), Vec<Diagnostic>> {
    let state = RefCell::new(State::default());
    let de = serde_yaml::Deserializer::from_str(text);
    let walked = Walk {
        state: &state,
        path: Vec::new(),
        key: false,
    }
    .deserialize(de);
    let state = state.into_inner();
    if state.nodes > MAX_NODES {
        return Err(vec![
            Diagnostic::new(
                file,
                "",
                0,
                0,
                format!(
                    "the lesson has more than {MAX_NODES} YAML values once its aliases (*name) are expanded"
                ),
            )
            .with_hint(Some(
                "a lesson needs far fewer; repeated aliases of large anchors multiply its size (see the limits in lessons/README.md)".into(),
            )),
        ]);
    }
    if walked.is_err() {
        // A syntax error: the typed parse that follows reports it with its place.
        return Ok(());
    }
    if state.bad.is_empty() {
        return Ok(());
    }
    Err(state
        .bad
        .iter()
        .take(MAX_REPORTS)
        .map(|(path, c)| {
            let (line, col) = locate(text, path).unwrap_or((0, 0));
            Diagnostic::new(
                file,
                text,
                line,
                col,
                format!(
                    "{}: this string holds {}, written as an escape; it is not allowed",
                    DisplayPath(path),
                    untrusted::describe(*c)
                ),
            )
            .with_hint(Some(
                "lesson text may not hold control characters or direction overrides: they could drive the learner's terminal or disguise text".into(),
            ))
        })
        .collect())
}

/// Visits one node at `path`; returns the node's text when it is a string
/// and `key` is set (a mapping key, which names the path of its value).
struct Walk<'s> {
    state: &'s RefCell<State>,
    path: Vec<PathSeg>,
    key: bool,
}

#[derive(Debug)]
struct TooMany;

impl Walk<'_> {
    fn count<E: de::Error>(&self) -> Result<(), E> {
        let mut s = self.state.borrow_mut();
        s.nodes += 1;
        if s.nodes > MAX_NODES {
            return Err(E::custom(format_args!("{TooMany:?}")));
        }
        Ok(())
    }

    fn child(&self, seg: PathSeg, key: bool) -> Self {
        let mut path = self.path.clone();
        path.push(seg);
        Walk {
            state: self.state,
            path,
            key,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = Option<String>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.count()?;
        if let Some(c) = v.chars().find(|&c| untrusted::is_unsafe(c, true)) {
            self.state.borrow_mut().bad.push((self.path.clone(), c));
        }
        Ok(self.key.then(|| v.to_string()))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        self.count().map(|()| None)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.count().map(|()| self.key.then(|| v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.count().map(|()| self.key.then(|| v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        self.count().map(|()| None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.count().map(|()| None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.count().map(|()| None)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        self.count()?;
        let mut i = 0;
        while seq
            .next_element_seed(self.child(PathSeg::Index(i), false))?
            .is_some()
        {
            i += 1;
        }
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        self.count()?;
        while let Some(k) = map.next_key_seed(Walk {
            state: self.state,
            path: self.path.clone(),
            key: true,
        })? {
            let k = k.unwrap_or_else(|| "?".to_string());
            map.next_value_seed(self.child(PathSeg::Key(k), false))?;
        }
        Ok(None)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        // A tagged value (`!tag value`): the tag, then the value.
        self.count()?;
        let (_, variant) = data.variant_seed(Walk {
            state: self.state,
            path: self.path.clone(),
            key: false,
        })?;
        variant.newtype_variant_seed(self.child(PathSeg::key("!"), false))?;
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_aliases_are_refused_before_they_expand() {
        // A row of 2 000 zeros, aliased 2 000 times: a 12 kB file that
        // expands to a 2 000 × 2 000 matrix (4 million values).
        let row = vec!["0"; 2000].join(",");
        let rows = vec!["*r"; 2000].join(",");
        let text = format!("row: &r [{row}]\nmatrix: [{rows}]\n");
        let d = check("x.yaml", &text).unwrap_err();
        assert!(d[0].message.contains("more than 1000000"), "{}", d[0]);
    }

    #[test]
    fn escaped_control_characters_are_found_at_their_key_path() {
        let text = "id: a\nsteps:\n  - id: s\n    title: \"x\\e]0;pwned\\a\"\n";
        let d = check("x.yaml", text).unwrap_err();
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].line, d[0].column), (4, 12), "{}", d[0]);
        assert!(d[0].message.starts_with("steps[0].title:"), "{}", d[0]);
        assert!(d[0].message.contains("U+001B"), "{}", d[0]);
    }

    #[test]
    fn a_clean_lesson_passes() {
        assert!(check("x.yaml", "id: a\nlist: [1, {b: 'c'}]\n").is_ok());
    }
}
