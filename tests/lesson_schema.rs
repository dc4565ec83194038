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

// ---------------------------------------------------------------------------
// The schema and the serde types agree, field by field and value by value.
//
// The schema is written by hand (its descriptions and bounds serve editors);
// these tests hold it to `RawLesson` without listing either side's fields:
//
// 1. From the schema alone, build documents that use every property of every
//    object (and, in a second pass, only the required ones), every branch of
//    every `oneOf` and every value of every `enum` and type list: each visit
//    to a choice takes its next option, and documents are made until every
//    option of every choice has been taken.
// 2. Each document must pass the schema (the generator is sound) and then
//    deserialise into `RawLesson`. Its types deny unknown fields, so a
//    property the schema has and serde lacks fails here; so does a field
//    serde requires and the schema calls optional.
// 3. The value is serialised again. Every key serde writes in each object
//    the generator made, even the `null` of an absent option, must be a
//    property the schema declares there, and the output without its `null`s
//    must meet the schema (less the one-kind-only rules, which validation
//    enforces, not serde). A field serde has and the schema lacks fails here.
// 4. Every key of the document survives the round trip, so no property is
//    silently ignored.
// 5. At every `enum` in the document, an unknown word is put in its place:
//    serde must refuse it, and the words serde then lists as expected must
//    all be in the schema's enum (a variant added to a Rust enum but not to
//    the schema fails).

use std::collections::BTreeMap;

use nnstep::lesson::raw::RawLesson;
use serde_json::{Value, json};

/// Schema keywords the generator understands; any other one fails the test,
/// so a schema that grows a new keyword gets a generator that handles it.
const KNOWN_KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "$ref",
    "title",
    "description",
    "definitions",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "oneOf",
    "enum",
    "items",
    "minItems",
    "maxItems",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "pattern",
];

/// A `oneOf` whose branches only say which key must be present: the
/// one-kind-only rule of steps, questions, choices and gradient cases.
fn is_kind_rule(one_of: &Value) -> bool {
    one_of.as_array().is_some_and(|bs| {
        bs.iter().all(|b| {
            b.as_object()
                .is_some_and(|o| o.len() == 1 && o.contains_key("required"))
        })
    })
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|r| r.iter().map(|k| k.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

/// One enum in a generated document: where it is and the words it allows.
struct EnumSite {
    pointer: String,
    words: Vec<Value>,
}

struct Generator<'a> {
    root: &'a Value,
    /// Every optional property (true), or only the required ones.
    full: bool,
    /// For each choice in the schema (by its place in the schema): how often
    /// it was made and how many options it has. Each visit takes the next
    /// option, so documents made until every count reaches its options use
    /// every option of every choice.
    picks: BTreeMap<String, (usize, usize)>,
    /// The enums of the document being made.
    enums: Vec<EnumSite>,
    /// The objects of the document being made: where each is and the
    /// properties its schema declares.
    objects: Vec<(String, Vec<String>)>,
}

impl Generator<'_> {
    fn pick(&mut self, site: String, options: usize) -> usize {
        let (made, _) = self.picks.entry(site).or_insert((0, options));
        *made += 1;
        (*made - 1) % options
    }

    /// Whether every option of every choice met so far has been taken.
    fn covered(&self) -> bool {
        self.picks.values().all(|(made, options)| made >= options)
    }

    /// A value that `schema` (at `here` in the schema) accepts, for JSON
    /// pointer `at` of the document.
    fn value(&mut self, schema: &Value, here: &str, at: &str) -> Value {
        let o = schema.as_object().unwrap();
        if let Some(bad) = o.keys().find(|k| !KNOWN_KEYWORDS.contains(&k.as_str())) {
            panic!("the schema at {here} uses `{bad}`, which this generator does not know");
        }
        if let Some(r) = o.get("$ref").and_then(Value::as_str) {
            let name = r.strip_prefix("#/definitions/").unwrap();
            let target = &self.root["definitions"][name];
            assert!(target.is_object(), "{r} (at {here}) is not defined");
            return self.value(target, r, at);
        }
        if let Some(words) = o.get("enum").and_then(Value::as_array) {
            self.enums.push(EnumSite {
                pointer: at.to_string(),
                words: words.clone(),
            });
            return words[self.pick(format!("{here}/enum"), words.len())].clone();
        }
        if let Some(branches) = o.get("oneOf").filter(|b| !is_kind_rule(b)) {
            let branches = branches.as_array().unwrap();
            let i = self.pick(format!("{here}/oneOf"), branches.len());
            return self.value(&branches[i], &format!("{here}/oneOf/{i}"), at);
        }
        let ty = match &o["type"] {
            Value::Array(types) => types[self.pick(format!("{here}/type"), types.len())]
                .as_str()
                .unwrap(),
            t => t
                .as_str()
                .unwrap_or_else(|| panic!("the schema at {here} has no type")),
        };
        match ty {
            "object" => self.object(schema, here, at),
            "array" => {
                let n = o
                    .get("minItems")
                    .and_then(Value::as_u64)
                    .unwrap_or(1)
                    .max(1);
                (0..n)
                    .map(|i| {
                        self.value(&o["items"], &format!("{here}/items"), &format!("{at}/{i}"))
                    })
                    .collect()
            }
            "string" => json!("s1"),
            "boolean" => json!(self.pick(format!("{here}/boolean"), 2) == 0),
            "integer" => json!(
                o.get("minimum")
                    .and_then(Value::as_u64)
                    .unwrap_or(1)
                    .max(1)
                    .min(o.get("maximum").and_then(Value::as_u64).unwrap_or(u64::MAX))
            ),
            "number" => match (o.get("minimum"), o.get("exclusiveMinimum")) {
                (Some(m), _) => m.clone(),
                (None, Some(m)) => json!(m.as_f64().unwrap() + 0.25),
                (None, None) => json!(0.5),
            },
            other => {
                panic!("the schema at {here} has type {other}, which this generator does not know")
            }
        }
    }

    /// Every property (or only the required ones), with one kind chosen where
    /// the object allows exactly one of several keys.
    fn object(&mut self, schema: &Value, here: &str, at: &str) -> Value {
        let mut required = strings(&schema["required"]);
        let mut excluded = Vec::new();
        if let Some(rule) = schema.get("oneOf").filter(|b| is_kind_rule(b)) {
            let branches = rule.as_array().unwrap();
            let chosen = self.pick(format!("{here}/oneOf"), branches.len());
            for (i, b) in branches.iter().enumerate() {
                let keys = strings(&b["required"]);
                if i == chosen {
                    required.extend(keys);
                } else {
                    excluded.extend(keys);
                }
            }
        }
        let mut out = serde_json::Map::new();
        let props = schema["properties"].as_object().unwrap();
        self.objects
            .push((at.to_string(), props.keys().cloned().collect()));
        for (key, sub) in props {
            if required.contains(key) || (self.full && !excluded.contains(key)) {
                let v = self.value(
                    sub,
                    &format!("{here}/properties/{key}"),
                    &format!("{at}/{key}"),
                );
                out.insert(key.clone(), v);
            }
        }
        Value::Object(out)
    }
}

/// The schema without its one-kind-only rules, which validation enforces
/// rather than serde: what serde's output must meet once its `null`s (the
/// absent options) are dropped.
fn without_kind_rules(schema: &Value) -> Value {
    match schema {
        Value::Object(o) => Value::Object(
            o.iter()
                .filter(|(k, v)| !(k.as_str() == "oneOf" && is_kind_rule(v)))
                .map(|(k, v)| (k.clone(), without_kind_rules(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(without_kind_rules).collect()),
        v => v.clone(),
    }
}

/// `v` without the object entries whose value is `null`.
fn without_nulls(v: &Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(without_nulls).collect()),
        v => v.clone(),
    }
}

/// Every key of `input` is also in `output`, recursively where both hold
/// objects or arrays at the same place; returns the lost ones as pointers.
fn lost_keys(input: &Value, output: &Value, at: &str, lost: &mut Vec<String>) {
    match (input, output) {
        (Value::Object(i), Value::Object(o)) => {
            for (k, v) in i {
                match o.get(k) {
                    Some(w) => lost_keys(v, w, &format!("{at}/{k}"), lost),
                    None => lost.push(format!("{at}/{k}")),
                }
            }
        }
        (Value::Array(i), Value::Array(o)) => {
            for (n, (v, w)) in i.iter().zip(o).enumerate() {
                lost_keys(v, w, &format!("{at}/{n}"), lost);
            }
        }
        _ => {}
    }
}

fn schema_errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// A generated document with what the generator knows of it.
struct Doc {
    name: String,
    value: Value,
    enums: Vec<EnumSite>,
    objects: Vec<(String, Vec<String>)>,
}

/// Documents with every property, made until every option of every choice
/// has been taken; then the same with only the required properties.
fn generated() -> Vec<Doc> {
    let schema = lesson_schema();
    let mut docs = Vec::new();
    for full in [true, false] {
        let mut g = Generator {
            root: &schema,
            full,
            picks: BTreeMap::new(),
            enums: Vec::new(),
            objects: Vec::new(),
        };
        for n in 0.. {
            assert!(
                n < 500,
                "500 documents do not take every option: {:?}",
                g.picks
            );
            let value = g.value(&schema, "#", "");
            let keys = if full { "every key" } else { "required keys" };
            docs.push(Doc {
                name: format!("document {n} ({keys})"),
                value,
                enums: std::mem::take(&mut g.enums),
                objects: std::mem::take(&mut g.objects),
            });
            if g.covered() {
                break;
            }
        }
    }
    docs
}

#[test]
fn every_schema_property_is_a_serde_field_and_every_serde_field_a_schema_property() {
    let strict = validator();
    let loose = jsonschema::validator_for(&without_kind_rules(&lesson_schema())).unwrap();
    let docs = generated();
    assert!(docs.len() >= 7, "only {} documents", docs.len());
    for Doc {
        name,
        value: doc,
        objects,
        ..
    } in &docs
    {
        let errors = schema_errors(&strict, doc);
        assert!(
            errors.is_empty(),
            "{name} does not meet the schema: {errors:#?}\n{doc:#}"
        );
        let raw: RawLesson = serde_json::from_value(doc.clone()).unwrap_or_else(|e| {
            panic!("serde refuses {name}, which the schema accepts: {e}\n{doc:#}")
        });
        let back = serde_json::to_value(&raw).unwrap();
        for (at, declared) in objects {
            let written = back
                .pointer(at)
                .and_then(Value::as_object)
                .unwrap_or_else(|| panic!("serde writes no object at {at:?} of {name}"));
            let extra: Vec<&String> = written.keys().filter(|k| !declared.contains(k)).collect();
            assert!(
                extra.is_empty(),
                "serde writes {extra:?} at {at:?} of {name}, which the schema does not declare there \
                 (it declares {declared:?})"
            );
        }
        let errors = schema_errors(&loose, &without_nulls(&back));
        assert!(
            errors.is_empty(),
            "serde writes {name} back in a form the schema does not describe: {errors:#?}\n{back:#}"
        );
        let mut lost = Vec::new();
        lost_keys(doc, &back, "", &mut lost);
        assert!(
            lost.is_empty(),
            "serde drops these keys of {name}: {lost:?}"
        );
    }
}

#[test]
fn every_enum_word_serde_knows_is_in_the_schema() {
    let mut sites = 0;
    for Doc {
        name,
        value: doc,
        enums,
        ..
    } in generated()
    {
        if let Err(e) = serde_json::from_value::<RawLesson>(doc.clone()) {
            panic!("serde refuses {name} as it is ({e}); the test above says why");
        }
        for site in enums {
            let mut bad = doc.clone();
            *bad.pointer_mut(&site.pointer).unwrap() = json!("no_such_word");
            let e = serde_json::from_value::<RawLesson>(bad)
                .map(|_| ())
                .expect_err(&format!(
                    "serde accepts an unknown word at {} of {name}",
                    site.pointer
                ))
                .to_string();
            // serde names the words it expects: "expected `a`", "expected `a` or
            // `b`", "expected one of `a`, `b`, …". An untagged enum (a batch size
            // is a number or `full`) only says that nothing matched.
            let Some((_, expected)) = e.split_once("unknown variant `no_such_word`, expected")
            else {
                assert!(e.contains("did not match any variant"), "{e}");
                continue;
            };
            let serde_words: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
            assert!(!serde_words.is_empty(), "no words in {e:?}");
            for w in serde_words {
                assert!(
                    site.words.contains(&json!(w)),
                    "serde accepts `{w}` at {} but the schema's enum there is {:?}",
                    site.pointer,
                    site.words
                );
            }
            sites += 1;
        }
    }
    assert!(sites >= 10, "only {sites} enum sites were checked");
}
