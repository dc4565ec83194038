//! Every problem and hint renders in both languages: the English as it
//! always read, the Chinese in Chinese (no English word left but the names
//! and values a file or a spec key supplies), set as Chinese is set.

use super::*;
use crate::spec::PathSeg;

/// Runs of ASCII letters in `s` that are not a name or value of a spec
/// (keys, activation and loss names, the file's names in the samples).
fn english_words(s: &str) -> Vec<String> {
    const NAMES: &[&str] = &[
        // spec keys and values an author writes
        "learning_rate",
        "batch_size",
        "full",
        "eps",
        "stop_on",
        "validation",
        "stop_every",
        "iterations",
        "epochs",
        "eps_compare",
        "validation_rows",
        "first",
        "builtin",
        "csv",
        "units",
        "activation",
        "identity",
        "sigmoid",
        "tanh",
        "relu",
        "softmax",
        "mse",
        "binary_cross_entropy",
        "softmax_cross_entropy",
        "weights",
        "layers",
        "start",
        "max_degree",
        "train",
        "noise",
        "polynomial",
        "loss",
        // symbols of the formulas: W1, B2, a, z, d, x, n
        "W",
        "B",
        "X",
        "Y",
        "a",
        "z",
        "d",
        "n",
        "x",
        // formats and codes
        "UTF",
        "NaN",
        "YAML",
        "FIFO",
        "U",
        "ESC",
        "BEL",
        "CSI",
        "OSC",
        "kB",
        // the samples' own names from files
        "data",
        "bad",
        "price",
        "size",
        "abc",
        "nope",
        "line",
        "house",
        "label",
        "e",
        "f",
        "unit",
        "tnah",
    ];
    let mut out = Vec::new();
    let mut word = String::new();
    for c in s.chars().chain([' ']) {
        if c.is_ascii_alphabetic() || (c == '_' && !word.is_empty()) {
            word.push(c);
        } else if !word.is_empty() {
            if !NAMES.contains(&word.as_str()) {
                out.push(word.clone());
            }
            word.clear();
        }
    }
    out
}

/// Chinese typesetting: full-width punctuation, no ASCII comma, colon,
/// semicolon or parenthesis beside Chinese, no space beside full-width
/// punctuation.
fn set_as_chinese(s: &str) -> Result<(), String> {
    let chars: Vec<char> = s.chars().collect();
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let full = |c: char| "，。：；（）“”、！？".contains(c);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        if full(c) && (prev == Some(' ') || next == Some(' ')) {
            return Err(format!("a space beside '{c}' in {s:?}"));
        }
        if ",:;".contains(c) && (prev.is_some_and(cjk) || next.is_some_and(cjk)) {
            return Err(format!("an ASCII '{c}' beside Chinese in {s:?}"));
        }
    }
    if !chars.iter().any(|c| cjk(*c)) {
        return Err(format!("no Chinese in {s:?}"));
    }
    Ok(())
}

fn both(en: &str, zh: &str) {
    assert_ne!(en, zh, "the Chinese is the English");
    assert!(
        !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "Chinese in the English: {en}"
    );
    let stray = english_words(zh);
    assert!(stray.is_empty(), "English words {stray:?} in {zh:?}");
    if let Err(e) = set_as_chinese(zh) {
        panic!("{e}");
    }
}

/// Each problem's place in the list; a new variant needs an arm here, and
/// then a sample in [`problems`], or the test below fails.
fn index(p: &SpecProblem) -> usize {
    use SpecProblem as P;
    match p {
        P::LearningRateNotPositive { .. } => 0,
        P::BatchSizeNotPositive => 1,
        P::EpsNegative { .. } => 2,
        P::ValidationOutOfRange { .. } => 3,
        P::PolynomialDegree { .. } => 4,
        P::StopOnValidationWithoutSet => 5,
        P::NoLayers => 6,
        P::NoUnits => 7,
        P::SoftmaxNotLast => 8,
        P::LossNeedsOutput { .. } => 9,
        P::ClosedFormNeedsLinear => 10,
        P::StopEveryOneOf => 11,
        P::StopEveryZero => 12,
        P::StopEveryWithoutEps => 13,
        P::EpsCompareWithoutEps => 14,
        P::StopOnWithoutEps => 15,
        P::ValidationRowsFirstWithoutSet => 16,
        P::TooManyLayers { .. } => 17,
        P::TooManyUnits { .. } => 18,
        P::TooManyEpochs { .. } => 19,
        P::TooManyPredict { .. } => 20,
        P::TooManyRows { .. } => 21,
        P::TooManyInputs { .. } => 22,
        P::TooManyParams { .. } => 23,
        P::TooManySteps { .. } => 24,
        P::TooManyActivations { .. } => 25,
        P::PassTooLarge { .. } => 26,
        P::RunTooLarge { .. } => 27,
        P::Data(_) => 28,
        P::BuiltinOrCsv => 29,
        P::NoColumn { .. } => 30,
        P::TestNoColumn { .. } => 31,
        P::OutputUnits { .. } => 32,
        P::NormaliseNonRegression => 33,
        P::BinaryNeedsTwoClasses { .. } => 34,
        P::PredictWidth { .. } => 35,
        P::WeightsLayers { .. } => 36,
        P::WShape { .. } => 37,
        P::BLength { .. } => 38,
        P::StartOneOf => 39,
        P::MaxDegree { .. } => 40,
        P::CapacityTrain { .. } => 41,
        P::CapacityValidation { .. } => 42,
        P::NoiseNegative { .. } => 43,
        P::Engine(_) => 44,
    }
}

fn problems() -> Vec<SpecProblem> {
    use SpecProblem as P;
    vec![
        P::LearningRateNotPositive { found: -1.0 },
        P::BatchSizeNotPositive,
        P::EpsNegative { found: -0.5 },
        P::ValidationOutOfRange { found: 1.5 },
        P::PolynomialDegree { found: 13 },
        P::StopOnValidationWithoutSet,
        P::NoLayers,
        P::NoUnits,
        P::SoftmaxNotLast,
        P::LossNeedsOutput {
            loss: Loss::BinaryCrossEntropy,
        },
        P::LossNeedsOutput {
            loss: Loss::SoftmaxCrossEntropy,
        },
        P::ClosedFormNeedsLinear,
        P::StopEveryOneOf,
        P::StopEveryZero,
        P::StopEveryWithoutEps,
        P::EpsCompareWithoutEps,
        P::StopOnWithoutEps,
        P::ValidationRowsFirstWithoutSet,
        P::TooManyLayers {
            found: 17,
            limit: 16,
        },
        P::TooManyUnits {
            found: 5000,
            limit: 4096,
        },
        P::TooManyEpochs {
            found: 2_000_000,
            limit: 1_000_000,
        },
        P::TooManyPredict {
            found: 20_000,
            limit: 10_000,
        },
        P::TooManyRows {
            found: 2_000_000,
            limit: 1_000_000,
        },
        P::TooManyInputs {
            found: 2000,
            limit: 1000,
        },
        P::TooManyParams { limit: 4_000_000 },
        P::TooManySteps {
            epochs: 100_000,
            per_epoch: 1000,
            limit: 10_000_000,
        },
        P::TooManyActivations {
            rows: 100_000,
            units: 100,
            limit: 5_000_000,
        },
        P::PassTooLarge {
            rows: 100_000,
            params: 10_000,
            limit: 200_000_000,
        },
        P::RunTooLarge {
            epochs: 1000,
            rows: 100_000,
            params: 1000,
            limit: 50_000_000_000,
        },
        P::Data(Box::new(DataError::NoRows {
            source_name: "bad.csv".into(),
        })),
        P::BuiltinOrCsv,
        P::NoColumn {
            name: "price".into(),
        },
        P::TestNoColumn {
            name: "price".into(),
        },
        P::OutputUnits {
            found: 1,
            needed: 3,
        },
        P::NormaliseNonRegression,
        P::BinaryNeedsTwoClasses {
            classes: vec![0.0, 1.0, 2.0],
        },
        P::PredictWidth {
            needed: 2,
            found: 1,
        },
        P::WeightsLayers {
            found: 1,
            layers: 2,
        },
        P::WShape {
            layer: 1,
            inputs: 2,
            units: 2,
            found: (1, 2),
        },
        P::BLength {
            layer: 2,
            units: 1,
            found: 2,
        },
        P::StartOneOf,
        P::MaxDegree {
            found: 30,
            limit: 20,
        },
        P::CapacityTrain {
            max_degree: 10,
            limit: 1000,
            found: 5,
        },
        P::CapacityValidation {
            limit: 1000,
            found: 0,
        },
        P::NoiseNegative { found: -0.1 },
        P::Engine(Box::new(EngineError::Transform(
            "cannot normalise 'size': all its values are the same, so its spread is 0".into(),
        ))),
    ]
}

#[test]
fn every_spec_problem_has_a_sample_and_reads_in_both_languages() {
    let samples = problems();
    let mut seen: Vec<usize> = samples.iter().map(index).collect();
    seen.sort_unstable();
    seen.dedup();
    let last = index(&SpecProblem::Engine(Box::new(EngineError::Transform(
        String::new(),
    ))));
    assert_eq!(
        seen,
        (0..=last).collect::<Vec<_>>(),
        "a problem has no sample"
    );
    for p in &samples {
        both(&spec_problem(Lang::En, p), &spec_problem(Lang::Zh, p));
    }
}

#[test]
fn every_spec_hint_reads_in_both_languages() {
    use SpecHint as H;
    let hints = [
        H::TypicalLearningRate,
        H::BatchSizeForms,
        H::BookHoldsOut,
        H::SetValidation,
        H::LayerExample,
        H::HiddenActivations,
        H::LastLayerIs {
            units: 1,
            activation: Activation::Identity,
        },
        H::LessonUnits,
        H::StopEveryExample,
        H::AddEps { key: "stop_on" },
        H::BookValidationRows,
        H::BuiltinNames {
            names: "line, house".into(),
        },
        H::Columns {
            list: "size, price".into(),
        },
        H::FewerInputs,
        H::FewerLayers,
        H::FewerEpochsOrLargerBatches,
        H::FewerRowsOrUnits,
        H::FewerRowsOrSmaller,
        H::FewerEpochsRowsOrSmaller,
        H::TargetClasses {
            target: "label".into(),
            classes: vec![0.0, 1.0, 2.0],
        },
        H::OneUnitPerTarget,
        H::UseSoftmaxCe,
        H::WRows,
        H::ActivationRange {
            activation: Activation::Softmax,
        },
        H::ActivationRange {
            activation: Activation::Sigmoid,
        },
        H::StartExample,
        H::MaxDegreeShows,
        H::DegreeNeedsPoints,
        H::FewDozenPoints,
        H::NoiseVisible,
        H::TryAnotherSeed,
    ];
    for h in &hints {
        both(&spec_hint(Lang::En, h), &spec_hint(Lang::Zh, h));
    }
}

#[test]
fn the_english_is_the_words_the_spec_always_printed() {
    let e = SpecError {
        path: vec![PathSeg::key("learning_rate")],
        problem: SpecProblem::LearningRateNotPositive { found: -0.1 },
        hint: Some(SpecHint::TypicalLearningRate),
    };
    assert_eq!(
        spec_error(Lang::En, &e),
        "learning_rate: the learning rate must be a number above 0, found -0.1"
    );
    assert_eq!(
        spec_error(Lang::Zh, &e),
        "learning_rate：学习率必须是大于 0 的数，现在是 -0.1"
    );
    assert_eq!(
        e.hint.as_ref().map(ToString::to_string).as_deref(),
        Some("typical values are 0.01 to 0.5")
    );
    let d =
        Diagnostic::new("s.yaml", "learning_rate: -0.1\n", 1, 16, "m").with_hint(Some("h".into()));
    assert_eq!(diagnostic(Lang::En, &d), d.to_string());
    assert_eq!(
        diagnostic(Lang::Zh, &d),
        "错误：m\n --> s.yaml:1:16\n  |\n1 | learning_rate: -0.1\n  |                ^^^^\n  = 提示：h\n"
    );
}

fn data_errors() -> Vec<DataError> {
    let s = || "bad.csv".to_string();
    vec![
        DataError::Unreadable {
            source_name: s(),
            reason: "No such file or directory (os error 2)".into(),
        },
        DataError::Empty { source_name: s() },
        DataError::NoRows { source_name: s() },
        DataError::Ragged {
            source_name: s(),
            row: 3,
            expected: 2,
            found: 1,
            header: "size, price".into(),
        },
        DataError::EmptyCell {
            source_name: s(),
            row: 3,
            column: 2,
            name: "price".into(),
        },
        DataError::NotUtf8 {
            source_name: s(),
            row: 3,
            column: 2,
            value: "\u{fffd}".into(),
        },
        DataError::NotNumber {
            source_name: s(),
            row: 3,
            column: 2,
            name: "price".into(),
            value: "abc".into(),
        },
        DataError::NotFinite {
            source_name: s(),
            row: 3,
            column: 2,
            name: "price".into(),
            value: "NaN".into(),
        },
        DataError::DuplicateColumn {
            source_name: s(),
            row: 1,
            name: "price".into(),
            first: 1,
            second: 2,
        },
        DataError::UnnamedColumn {
            source_name: s(),
            row: 1,
            column: 2,
        },
        DataError::MissingColumn {
            source_name: s(),
            name: "price".into(),
            available: "size".into(),
        },
        DataError::OutsideFolder {
            source_name: s(),
            reason: "it climbs out with `..`".into(),
        },
        DataError::OutsideFolder {
            source_name: s(),
            reason: "it is an absolute path".into(),
        },
        DataError::OutsideFolder {
            source_name: s(),
            reason: "a symbolic link on its way leads out of the folder".into(),
        },
        DataError::UnsafeName {
            source_name: s(),
            row: 1,
            column: 2,
            what: "ESC (escape: starts terminal control sequences), U+001B".into(),
        },
        DataError::TooLarge {
            source_name: s(),
            what: "the header has 5000 columns".into(),
            limit: 1000,
        },
        DataError::TooLarge {
            source_name: s(),
            what: "the file holds more than 5000000 numbers (1000 rows of 5000 columns so far)"
                .into(),
            limit: 5_000_000,
        },
        DataError::UnknownBuiltin {
            name: "nope".into(),
            available: "line, house".into(),
        },
    ]
}

#[test]
fn every_data_error_reads_in_both_languages() {
    let all = data_errors();
    // One sample of each variant at least (the match fails to compile
    // when a variant is added; add its sample above).
    let kinds: std::collections::BTreeSet<usize> = all
        .iter()
        .map(|e| match e {
            DataError::Unreadable { .. } => 0,
            DataError::Empty { .. } => 1,
            DataError::NoRows { .. } => 2,
            DataError::Ragged { .. } => 3,
            DataError::EmptyCell { .. } => 4,
            DataError::NotUtf8 { .. } => 5,
            DataError::NotNumber { .. } => 6,
            DataError::NotFinite { .. } => 7,
            DataError::DuplicateColumn { .. } => 8,
            DataError::UnnamedColumn { .. } => 9,
            DataError::MissingColumn { .. } => 10,
            DataError::OutsideFolder { .. } => 11,
            DataError::UnsafeName { .. } => 12,
            DataError::TooLarge { .. } => 13,
            DataError::UnknownBuiltin { .. } => 14,
        })
        .collect();
    assert_eq!(kinds.len(), 15);
    for e in &all {
        let en = data_error(Lang::En, e);
        assert_eq!(en, e.to_string());
        both(&en, &data_error(Lang::Zh, e));
    }
}

#[test]
fn the_engines_known_refusals_read_in_chinese() {
    let errors = [
        EngineError::Singular {
            reason: "'size' is constant, so it cannot be told apart from the bias B".into(),
        },
        EngineError::Singular {
            reason: "'size' is a copy or a combination of other features (or of the bias)".into(),
        },
        EngineError::Singular {
            reason: "the features together reproduce the bias column".into(),
        },
        EngineError::Singular {
            reason: "2 samples cannot determine 3 unknowns (n weights and a bias)".into(),
        },
        EngineError::Singular {
            reason: "a polynomial of degree 5 needs at least 6 points with distinct x; there are 4"
                .into(),
        },
        EngineError::Singular {
            reason: "the points do not determine a polynomial of degree 5".into(),
        },
        EngineError::Transform("sample 3: label 7 is not one of the classes [0.0, 1.0]".into()),
        EngineError::InvalidValue {
            name: "the learning rate",
            expected: "a finite number > 0",
            found: "-1".into(),
        },
        EngineError::InvalidValue {
            name: "eps",
            expected: "a finite number ≥ 0",
            found: "-1".into(),
        },
        EngineError::InvalidValue {
            name: "the target",
            expected: "a value the activation can output",
            found: "1.5, outside (0, 1)".into(),
        },
        EngineError::InvalidValue {
            name: "a softmax layer's units",
            expected: "at least 2",
            found: "1".into(),
        },
        EngineError::ShapeMismatch {
            what: "Y (one target row per sample of X)".into(),
            expected: (3, 1),
            found: (2, 1),
        },
    ];
    for e in &errors {
        both(&engine_error(Lang::En, e), &engine_error(Lang::Zh, e));
    }
    assert_eq!(
        engine_error(Lang::Zh, &errors[7]),
        "学习率必须是有限的正数，现在是 -1"
    );
    assert_eq!(
        engine_error(Lang::Zh, &errors[8]),
        "eps 必须是 ≥ 0 的有限数，现在是 -1"
    );
}

#[test]
fn serde_yamls_common_messages_read_in_chinese() {
    let cases = [
        (
            "layers[0]: unknown field `unit`, expected `units` or `activation`",
            "layers[0]：未知的键 `unit`，可用的键：`units`、`activation`",
        ),
        (
            "layers[0].activation: unknown variant `tnah`, expected one of `identity`, `sigmoid`, `tanh`",
            "layers[0].activation：未知的取值 `tnah`，可选：`identity`、`sigmoid`、`tanh`",
        ),
        ("missing field `loss`", "缺少键 `loss`"),
        ("duplicate field `loss`", "键 `loss` 出现了两次"),
        (
            "learning_rate: invalid type: string \"abc\", expected f64",
            "learning_rate：类型不对：这里应是一个数，现在是字符串 \"abc\"",
        ),
        (
            "layers[0].units: invalid type: integer `-1`, expected usize",
            "layers[0].units：类型不对：这里应是一个非负整数，现在是整数 `-1`",
        ),
        (
            "data: invalid type: sequence, expected struct DataSpec",
            "data：类型不对：这里应是映射（键值对），现在是列表",
        ),
        (
            "invalid length 3, expected a sequence",
            "长度不对：这里应是一个列表，现在有 3 项",
        ),
        ("did not find expected ',' or '}'", "没有找到应有的“,”或“}”"),
        (
            "data did not match any variant of untagged enum BatchSizeSpec",
            "批大小应是正的行数或 full",
        ),
    ];
    for (en, zh) in cases {
        assert_eq!(yaml_message(Lang::Zh, en), zh);
        assert_eq!(yaml_message(Lang::En, en), en);
        assert!(english_words(zh).is_empty(), "{zh}");
    }
    // An unknown form is kept as serde_yaml wrote it.
    let odd = "something serde_yaml says one day";
    assert_eq!(yaml_message(Lang::Zh, odd), odd);
}

#[test]
fn the_count_lines_read_in_both_languages() {
    assert_eq!(
        nothing_trained(Lang::En, "s.yaml", 2, false),
        "s.yaml: 2 problem(s); nothing was trained"
    );
    assert_eq!(
        nothing_trained(Lang::Zh, "s.yaml", 2, false),
        "s.yaml：2 个问题，没有进行训练"
    );
    assert_eq!(
        nothing_trained(Lang::En, "s.yaml", 1, true),
        "s.yaml: 1 problem(s); nothing was run"
    );
    assert_eq!(
        check_summary(Lang::En, 3, 2, 1),
        "3 lesson file(s) checked: 2 problem(s) in 1 file(s)"
    );
    assert_eq!(
        check_summary(Lang::En, 3, 0, 0),
        "3 lesson file(s) checked: no problems"
    );
    for s in [
        nothing_trained(Lang::Zh, "s.yaml", 1, true),
        check_summary(Lang::Zh, 3, 2, 1),
        check_summary(Lang::Zh, 3, 0, 0),
        check_ok(Lang::Zh, "a.yaml", "ch01"),
    ] {
        set_as_chinese(&s).unwrap();
    }
}
