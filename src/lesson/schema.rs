//! The JSON Schema (draft-07) of the lesson format, for editors with a YAML
//! language server (`# yaml-language-server: $schema=lesson.schema.json`).
//! Written by hand to mirror [`super::raw`] and [`crate::spec::TrainSpec`];
//! a test validates the built-in lessons and fixtures against it.

use serde_json::{Value, json};

use crate::engine::{Activation, Loss};
use crate::lesson::raw::{RawKind, Show};

/// The schema as a JSON value.
#[must_use]
pub fn lesson_schema() -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://nnstep.invalid/lesson.schema.json",
        "title": "nnstep lesson",
        "description": "A lesson file of nnstep: see lessons/README.md",
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "chapter", "title", "summary", "steps"],
        "properties": {
            "id": {"$ref": "#/definitions/id"},
            "chapter": {"type": "integer", "minimum": 0},
            "title": {"$ref": "#/definitions/text"},
            "summary": {"$ref": "#/definitions/text"},
            "seed": {"type": "integer", "minimum": 0, "description": "replaces the seed of every training spec (training runs only)"},
            "quiz_seed": {"type": "integer", "minimum": 0, "description": "gives every learner the same numbers in generated questions"},
            "steps": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/step"}}
        },
        "definitions": definitions()
    })
}

fn object(required: &[&str], properties: Value) -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties
    })
}

fn names(list: &[&str]) -> Value {
    json!({"type": "string", "enum": list})
}

fn definitions() -> Value {
    let one_kind: Vec<Value> = (RawKind::ALL.iter())
        .map(|k| json!({"required": [k.key()]}))
        .collect();
    let mut step = object(
        &["id", "title"],
        json!({
            "id": {"$ref": "#/definitions/id"},
            "title": {"$ref": "#/definitions/text"},
            "note": {"$ref": "#/definitions/text"},
            "text": {"$ref": "#/definitions/text"},
            "formula": {"$ref": "#/definitions/tex_list"},
            "caption": {"$ref": "#/definitions/text"},
            "matrix": {"$ref": "#/definitions/matrix"},
            "table": {"$ref": "#/definitions/table"},
            "train": {"$ref": "#/definitions/train_spec"},
            "show": {"type": "array", "items": names(&Show::ALL.map(Show::name))},
            "formulas": {"$ref": "#/definitions/tex_list"},
            "compare": {"$ref": "#/definitions/compare"},
            "quiz": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/question"}},
            "predict": {"$ref": "#/definitions/predict"},
            "capacity": object(&["train", "validation", "noise", "max_degree", "seed"], json!({
                "train": {"type": "integer", "minimum": 2},
                "validation": {"type": "integer", "minimum": 1},
                "noise": {"type": "number", "minimum": 0},
                "max_degree": {"type": "integer", "minimum": 1, "maximum": 15},
                "seed": {"type": "integer", "minimum": 0}
            })),
            "landscape": {"$ref": "#/definitions/landscape"},
            "plot": {"$ref": "#/definitions/plot"}
        }),
    );
    step["oneOf"] = Value::Array(one_kind);
    json!({
        "id": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"},
        "text": {
            "description": "bilingual text: {en, zh}, or one string for both",
            "oneOf": [
                {"type": ["string", "number", "boolean"]},
                object(&["en", "zh"], json!({"en": {"type": "string"}, "zh": {"type": "string"}}))
            ]
        },
        "tex_list": {"type": "array", "items": {"type": "string"}},
        "step": step,
        "matrix": matrix(),
        "table": object(&[], json!({
            "header": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/text"}},
            "rows": {"type": "array", "items": {"type": "array", "items": {"$ref": "#/definitions/text"}}},
            "saturation": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/saturation"}},
            "saturation_steps": {"$ref": "#/definitions/saturation"}
        })),
        "saturation": saturation(),
        "compare": object(&["runs"], json!({
            "base": {"$ref": "#/definitions/train_spec"},
            "runs": {"type": "array", "minItems": 2, "items": object(&["name"], json!({
                "name": {"$ref": "#/definitions/text"},
                "set": {"$ref": "#/definitions/overrides"},
                "spec": {"$ref": "#/definitions/train_spec"}
            }))}
        })),
        "landscape": object(&["runs", "x", "y"], json!({
            "base": {"$ref": "#/definitions/train_spec"},
            "runs": {"type": "array", "minItems": 1, "maxItems": 4, "items": object(&["name"], json!({
                "name": {"$ref": "#/definitions/text"},
                "set": {"$ref": "#/definitions/overrides"},
                "spec": {"$ref": "#/definitions/train_spec"}
            }))},
            "x": {"type": "string", "description": "w (one input), w1, w2, … or b"},
            "y": {"type": "string", "description": "w (one input), w1, w2, … or b"},
            "x_range": {"$ref": "#/definitions/range"},
            "y_range": {"$ref": "#/definitions/range"},
            "fixed": names(&["optimum", "start"])
        })),
        "plot": object(&["functions"], json!({
            "functions": {"type": "array", "minItems": 1, "maxItems": 5,
                "items": names(&["sigmoid", "tanh", "relu", "leaky_relu", "softplus"])},
            "derivatives": {"type": "boolean"},
            "x_range": {"$ref": "#/definitions/range"},
            "marks": {"type": "array", "maxItems": 12, "items": {"type": "number"}},
            "saturation": {"$ref": "#/definitions/saturation"}
        })),
        "question": question(),
        "predict": predict(),
        "gradient": gradient(),
        "range": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
        "train_spec": train_spec(),
        "overrides": overrides(),
        "layer": object(&["units", "activation"], json!({
            "units": {"type": "integer", "minimum": 1},
            "activation": {"$ref": "#/definitions/activation"}
        })),
        "activation": names(&activation_names()),
        "loss": names(&loss_names()),
        "init": names(&["zeros", "xavier", "glorot", "he", "msra", "he_fan_in", "he_fan_out"]),
        "normalize": names(&["none", "min_max", "z_score"]),
        "batch_size": {"oneOf": [{"type": "integer"}, names(&["full"])]},
        "number_rows": {"type": "array", "items": {"type": "array", "items": {"type": "number"}}}
    })
}

fn activation_names() -> Vec<&'static str> {
    let mut v: Vec<_> = Activation::ALL.iter().map(|a| a.name()).collect();
    v.push("logistic");
    v
}

fn loss_names() -> Vec<&'static str> {
    let mut v: Vec<_> = Loss::ALL.iter().map(|l| l.name()).collect();
    v.extend(["bce", "ce", "cross_entropy"]);
    v
}

fn matrix() -> Value {
    object(
        &["name"],
        json!({
            "name": {"type": "string"},
            "rows": {"$ref": "#/definitions/number_rows"},
            "from": object(&["data"], json!({
                "data": {"type": "string", "description": "a built-in dataset, or a .csv path relative to the lesson"},
                "columns": {"type": "array", "items": {"type": "string"}},
                "rows": {"type": "integer", "minimum": 1}
            })),
            "closed_form": {"$ref": "#/definitions/train_spec"},
            "param": names(&["w", "b"]),
            "caption": {"$ref": "#/definitions/text"}
        }),
    )
}

fn question() -> Value {
    let kinds = ["choice", "number", "matrix", "formula", "gradient"];
    let mut choice = object(
        &["options"],
        json!({
            "options": {"type": "array", "minItems": 2, "items": {"$ref": "#/definitions/text"}},
            "answer": {"type": "integer", "minimum": 1, "description": "the right option, counting from 1"},
            "answers": {"type": "array", "minItems": 1, "items": {"type": "integer", "minimum": 1}, "description": "every right option (multiple choice)"}
        }),
    );
    choice["oneOf"] = json!([{"required": ["answer"]}, {"required": ["answers"]}]);
    let tolerance = json!({
        "abs": {"type": "number", "minimum": 0},
        "rel": {"type": "number", "minimum": 0, "exclusiveMaximum": 1}
    });
    let with = |mut props: Value| {
        if let (Some(p), Some(t)) = (props.as_object_mut(), tolerance.as_object()) {
            p.extend(t.clone());
        }
        props
    };
    let mut q = object(
        &["id", "ask"],
        json!({
            "id": {"$ref": "#/definitions/id"},
            "ask": {"$ref": "#/definitions/text"},
            "choice": choice,
            "number": object(&["answer"], with(json!({
                "answer": {"type": "number"},
                "check": {"$ref": "#/definitions/gradient"}
            }))),
            "matrix": object(&["answer"], with(json!({
                "answer": {"$ref": "#/definitions/number_rows"},
                "check": {"$ref": "#/definitions/gradient"}
            }))),
            "formula": object(&["vars", "answer"], json!({
                "vars": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                "answer": {"type": "string", "description": "the reference expression, e.g. (z - y)*x"},
                "range": {"$ref": "#/definitions/range"}
            })),
            "gradient": {"$ref": "#/definitions/gradient"},
            "hints": {"type": "array", "items": {"$ref": "#/definitions/text"}},
            "explain": {"$ref": "#/definitions/text"}
        }),
    );
    q["oneOf"] = Value::Array(kinds.iter().map(|k| json!({"required": [k]})).collect());
    q
}

/// A prediction asked before a train or compare step's run.
fn predict() -> Value {
    use super::predict::{IsWord, Measure, WinBy};
    object(
        &["ask", "measure"],
        json!({
            "id": {"$ref": "#/definitions/id"},
            "ask": {"$ref": "#/definitions/text"},
            "measure": names(&Measure::ALL.map(Measure::name)),
            "by": names(&WinBy::ALL.map(WinBy::name)),
            "run": {"type": "integer", "minimum": 1, "description": "a compare step's run, from 1"},
            "options": {"type": "array", "minItems": 2, "items": object(&["text", "is"], json!({
                "text": {"$ref": "#/definitions/text"},
                "is": {
                    "description": "what the option means: a run's number (winner), or an outcome word",
                    "oneOf": [
                        {"type": "integer", "minimum": 1},
                        names(&IsWord::ALL.map(IsWord::name))
                    ]
                }
            }))},
            "abs": {"type": "number", "minimum": 0},
            "rel": {"type": "number", "minimum": 0, "exclusiveMaximum": 1},
            "expect": {"type": "number", "description": "the option number or value the author expects; not used to grade"},
            "explain": {"$ref": "#/definitions/text"}
        }),
    )
}

/// A generated gradient question (also the `check` of a number or matrix).
fn gradient() -> Value {
    let mut g = object(
        &["inputs", "layers", "loss", "ask"],
        json!({
            "inputs": {"type": "integer", "minimum": 1},
            "layers": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/layer"}},
            "loss": {"$ref": "#/definitions/loss"},
            "fixed": object(&["x", "y", "weights"], json!({
                "x": {"$ref": "#/definitions/number_rows"},
                "y": {"$ref": "#/definitions/number_rows"},
                "weights": {"type": "array", "items": object(&["w"], json!({
                    "w": {"$ref": "#/definitions/number_rows"},
                    "b": {"type": "array", "items": {"type": "number"}}
                }))}
            })),
            "random": object(&["x", "w"], json!({
                "x": {"$ref": "#/definitions/range"},
                "w": {"$ref": "#/definitions/range"},
                "b": {"$ref": "#/definitions/range"},
                "y": {"$ref": "#/definitions/range"},
                "samples": {"type": "integer", "minimum": 1},
                "decimals": {"type": "integer", "minimum": 0, "maximum": 6}
            })),
            "ask": {"type": "string", "description": "z, a, loss, dz, dw, db, or layer-numbered: Z1, A2, dZ2, dW1, dB1"},
            "abs": {"type": "number", "minimum": 0},
            "rel": {"type": "number", "minimum": 0, "exclusiveMaximum": 1},
            "case": {"type": "string", "description": "questions of a step with the same case name share their numbers"}
        }),
    );
    g["oneOf"] = json!([{"required": ["fixed"]}, {"required": ["random"]}]);
    g
}

/// The properties a comparison run may override (all optional).
fn override_properties() -> Value {
    json!({
        "layers": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/layer"}},
        "loss": {"$ref": "#/definitions/loss"},
        "init": {"$ref": "#/definitions/init"},
        "learning_rate": {"type": "number", "exclusiveMinimum": 0},
        "batch_size": {"$ref": "#/definitions/batch_size"},
        "epochs": {"type": "integer", "minimum": 0, "description": "0 evaluates the starting network only"},
        "eps": {"type": "number", "minimum": 0},
        "shuffle": {"type": "boolean"},
        "seed": {"type": "integer", "minimum": 0},
        "polynomial": {"type": "integer", "minimum": 1, "maximum": 12},
        "normalize": {"$ref": "#/definitions/normalize"},
        "validation": {"type": "number", "minimum": 0, "exclusiveMaximum": 1}
    })
}

/// The saturation exercise (a table source, and a file of its own).
fn saturation() -> Value {
    object(
        &["activation", "start", "target", "learning_rate"],
        json!({
            "activation": {"$ref": "#/definitions/activation"},
            "start": object(&[], json!({
                "a": {"type": "number", "description": "the unit's output at the start"},
                "z": {"type": "number", "description": "z at the start"}
            })),
            "target": {"type": "number", "description": "the output a to reach, inside the activation's range"},
            "learning_rate": {"type": "number", "exclusiveMinimum": 0},
            "max_steps": {"type": "integer", "minimum": 1}
        }),
    )
}

fn overrides() -> Value {
    object(&[], override_properties())
}

fn train_spec() -> Value {
    let mut props = override_properties();
    let extra = json!({
        "data": object(&[], json!({
            "builtin": {"type": "string"},
            "csv": {"type": "string"},
            "test_csv": {"type": "string"},
            "features": {"type": "array", "items": {"type": "string"}},
            "target": {"type": "string"}
        })),
        "normalize_target": {"$ref": "#/definitions/normalize"},
        "normalize_stats": names(&["train", "train_and_test"]),
        "weights": {"type": "array", "items": object(&["w"], json!({
            "w": {"$ref": "#/definitions/number_rows"},
            "b": {"type": "array", "items": {"type": "number"}}
        }))},
        "stop_on": names(&["train", "validation", "batch"]),
        "stop_every": {
            "type": "object", "additionalProperties": false,
            "description": "how often eps is tested: {epochs: N} or {iterations: N}",
            "properties": {
                "epochs": {"type": "integer", "minimum": 0, "description": "0 evaluates the starting network only"},
                "iterations": {"type": "integer", "minimum": 1}
            },
            "oneOf": [{"required": ["epochs"]}, {"required": ["iterations"]}]
        },
        "eps_compare": names(&["at_most", "below", "<=", "≤", "<"]),
        "validation_rows": names(&["random", "first"]),
        "closed_form": {"type": "boolean"},
        "predict": {"$ref": "#/definitions/number_rows"}
    });
    if let (Some(p), Some(e)) = (props.as_object_mut(), extra.as_object()) {
        p.extend(e.clone());
    }
    object(
        &["data", "layers", "loss", "learning_rate", "epochs"],
        props,
    )
}
