//! The built-in lessons and the YAML examples of `lessons/README.md` are
//! ordinary YAML: a second, independent parser (yaml-rust2) reads every one
//! of them to the same values nnstep's parser (serde_yaml) reads, and none
//! holds what YAML 1.1 tools such as PyYAML or some editors' language
//! servers reject: a plain (unquoted) scalar with a `?` inside a flow
//! collection, as in `{en: Why?, zh: …}`.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use yaml_rust2::scanner::{Scanner, TScalarStyle, TokenType};
use yaml_rust2::{Yaml, YamlLoader};

fn lessons_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons")
}

/// Every YAML file under `lessons/` (the lessons and their spec files).
fn yaml_files() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![lessons_dir()];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "yaml") {
                out.push((
                    p.display().to_string(),
                    std::fs::read_to_string(&p).unwrap(),
                ));
            }
        }
    }
    out.sort();
    assert!(out.len() >= 9, "only {} lesson files found", out.len());
    out
}

/// The ```yaml blocks of the authors' guide.
fn readme_blocks() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(lessons_dir().join("README.md")).unwrap();
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("```yaml\n") {
        let body = &rest[start + 8..];
        let end = body.find("```").unwrap();
        out.push((
            format!("README.md block {}", out.len() + 1),
            body[..end].to_string(),
        ));
        rest = &body[end..];
    }
    assert!(
        out.len() >= 10,
        "only {} yaml blocks in the README",
        out.len()
    );
    out
}

/// Where the two parsers disagree, as a path and the two values.
fn differ(a: &serde_yaml::Value, b: &Yaml, at: &str) -> Option<String> {
    use serde_yaml::Value as V;
    let same = match (a, b) {
        (V::Null, Yaml::Null) => true,
        (V::Bool(x), Yaml::Boolean(y)) => x == y,
        (V::String(x), Yaml::String(y)) => x == y,
        (V::Number(x), Yaml::Integer(y)) => x.as_i64() == Some(*y),
        (V::Number(x), Yaml::Real(y)) => x.as_f64() == y.parse::<f64>().ok(),
        (V::Sequence(xs), Yaml::Array(ys)) => {
            if xs.len() != ys.len() {
                return Some(format!("{at}: {} items against {}", xs.len(), ys.len()));
            }
            return xs
                .iter()
                .zip(ys)
                .enumerate()
                .find_map(|(i, (x, y))| differ(x, y, &format!("{at}[{i}]")));
        }
        (V::Mapping(xm), Yaml::Hash(ym)) => {
            if xm.len() != ym.len() {
                return Some(format!("{at}: {} keys against {}", xm.len(), ym.len()));
            }
            for (k, x) in xm {
                let key = k.as_str().unwrap_or_default();
                let Some(y) = ym.get(&Yaml::String(key.to_string())) else {
                    return Some(format!("{at}: key {key:?} missing in the second parser"));
                };
                if let Some(d) = differ(x, y, &format!("{at}.{key}")) {
                    return Some(d);
                }
            }
            true
        }
        _ => false,
    };
    (!same).then(|| format!("{at}: {a:?} against {b:?}"))
}

/// Plain scalars inside a flow collection (`{…}`, `[…]`) that hold a `?`.
fn question_marks_in_flow(text: &str) -> Vec<String> {
    let mut depth = 0usize;
    let mut out = Vec::new();
    for tok in Scanner::new(text.chars()) {
        match tok.1 {
            TokenType::FlowMappingStart | TokenType::FlowSequenceStart => depth += 1,
            TokenType::FlowMappingEnd | TokenType::FlowSequenceEnd => {
                depth = depth.saturating_sub(1);
            }
            TokenType::Scalar(TScalarStyle::Plain, v) if depth > 0 && v.contains('?') => {
                out.push(format!("line {}: {v:?}", tok.0.line()));
            }
            _ => {}
        }
    }
    out
}

fn check(name: &str, text: &str) -> Vec<String> {
    let mut faults = Vec::new();
    let ours: serde_yaml::Value = match serde_yaml::from_str(text) {
        Ok(v) => v,
        Err(e) => return vec![format!("{name}: serde_yaml: {e}")],
    };
    match YamlLoader::load_from_str(text) {
        Ok(docs) if docs.len() == 1 => {
            if let Some(d) = differ(&ours, &docs[0], "") {
                faults.push(format!("{name}: the parsers disagree at {d}"));
            }
        }
        // A block of comments only: no document, as serde_yaml's null.
        Ok(docs) if docs.is_empty() && ours.is_null() => {}
        Ok(docs) => faults.push(format!("{name}: {} documents", docs.len())),
        Err(e) => faults.push(format!("{name}: yaml-rust2: {e}")),
    }
    faults.extend(
        question_marks_in_flow(text)
            .into_iter()
            .map(|q| format!("{name}: unquoted `?` in a flow collection at {q}")),
    );
    faults
}

#[test]
fn every_built_in_lesson_reads_the_same_in_a_second_yaml_parser() {
    let faults: Vec<String> = yaml_files()
        .iter()
        .flat_map(|(name, text)| check(name, text))
        .collect();
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn every_yaml_example_of_the_authors_guide_reads_the_same_in_a_second_parser() {
    let faults: Vec<String> = readme_blocks()
        .iter()
        .flat_map(|(name, text)| check(name, text))
        .collect();
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn the_authors_guides_complete_lesson_passes_the_checker() {
    let (_, text) = &readme_blocks()[1];
    assert!(text.starts_with("id: demo"), "{text}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("demo.yaml"), text).unwrap();
    let (catalog, problems) = nnstep::lesson::Catalog::with_dir(Some(dir.path()));
    assert!(problems.is_empty(), "{problems:?}");
    if let Err(d) = catalog.find("demo") {
        panic!("{d:?}");
    }
}

#[test]
fn the_flow_check_catches_an_unquoted_question_mark() {
    assert_eq!(
        question_marks_in_flow("ask: {en: Why?, zh: 为什么？}\n").len(),
        1
    );
    assert!(question_marks_in_flow("ask: {en: \"Why?\", zh: 为什么？}\n").is_empty());
    assert!(question_marks_in_flow("ask:\n  en: Why? Because.\n").is_empty());
}
