//! The JSON Schema printed by `nnstep schema` accepts every built-in lesson
//! and the good fixture, and rejects what serde rejects.

#![allow(clippy::unwrap_used)] // helpers outside #[test] functions unwrap too

use nnstep::lesson::{Catalog, schema::lesson_schema};

fn as_json(yaml: &str) -> serde_json::Value {
    serde_yaml::from_str(yaml).unwrap()
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&lesson_schema()).unwrap()
}

#[test]
fn the_schema_accepts_every_built_in_lesson() {
    let v = validator();
    for e in Catalog::builtin().entries() {
        let errors: Vec<String> = v
            .iter_errors(&as_json(&e.text))
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", e.file());
    }
}

#[test]
fn the_schema_accepts_the_good_fixture() {
    let text = std::fs::read_to_string("tests/fixtures/lessons/good/small.yaml").unwrap();
    let errors: Vec<String> = validator()
        .iter_errors(&as_json(&text))
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_schema_rejects_unknown_keys_and_activations_and_missing_kinds() {
    for bad in [
        "unknown_key.yaml",
        "unknown_activation.yaml",
        "two_kinds.yaml",
        "missing_key.yaml",
    ] {
        let text = std::fs::read_to_string(format!("tests/fixtures/lessons/bad/{bad}")).unwrap();
        assert!(
            !validator().is_valid(&as_json(&text)),
            "{bad} passed the schema"
        );
    }
}
