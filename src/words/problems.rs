//! The words of problems in files authors write: a spec's problems and
//! hints ([`SpecProblem`], [`SpecHint`]), data files ([`DataError`]),
//! values the engine refuses ([`EngineError`]), serde_yaml's own messages,
//! the frame around a diagnostic (`error:`, `hint:`) and the count lines
//! of `nnstep train`, `eval` and `check`.
//!
//! English and Chinese sit side by side in each `match`, so a variant
//! without Chinese does not compile. The English of [`DataError`] and
//! [`EngineError`] is their own `Display` (kept as it was); their Chinese
//! is here. [`SpecProblem`] and [`SpecHint`] also implement `Display`, in
//! English, for the lesson checks of `nnstep check`, which run below this
//! module and report in English.
//!
//! Names and values taken from a file reach these functions already made
//! safe (excerpts through `crate::untrusted`); the diagnostic frame prints
//! every part through it again.

use std::fmt;

use crate::dataset::DataError;
use crate::diagnostic::{Diagnostic, Frame};
use crate::engine::{Activation, EngineError, Loss};
use crate::lesson::Lang;
use crate::spec::{DisplayPath, SpecError, SpecHint, SpecProblem};

fn pick(zh: bool, en: String, zh_text: String) -> String {
    if zh { zh_text } else { en }
}

/// The frame words of a diagnostic in `lang`.
#[must_use]
pub fn frame(lang: Lang) -> Frame<'static> {
    match lang {
        Lang::En => Frame {
            error: "error: ",
            hint: "hint: ",
        },
        Lang::Zh => Frame {
            error: "错误：",
            hint: "提示：",
        },
    }
}

/// A diagnostic as printed in `lang`.
#[must_use]
pub fn diagnostic(lang: Lang, d: &Diagnostic) -> String {
    d.framed(&frame(lang))
}

/// A spec error's line: its key path and what is wrong.
#[must_use]
pub fn spec_error(lang: Lang, e: &SpecError) -> String {
    let path = DisplayPath(&e.path).to_string();
    let problem = spec_problem(lang, &e.problem);
    match (lang, path.is_empty()) {
        (_, true) => problem,
        (Lang::En, false) => format!("{path}: {problem}"),
        (Lang::Zh, false) => format!("{path}：{problem}"),
    }
}

/// `FILE: N problem(s); nothing was trained` (or run, for an exercise).
#[must_use]
pub fn nothing_trained(lang: Lang, file: &str, problems: usize, run: bool) -> String {
    match (lang, run) {
        (Lang::En, false) => format!("{file}: {problems} problem(s); nothing was trained"),
        (Lang::En, true) => format!("{file}: {problems} problem(s); nothing was run"),
        (Lang::Zh, false) => format!("{file}：{problems} 个问题，没有进行训练"),
        (Lang::Zh, true) => format!("{file}：{problems} 个问题，没有运行"),
    }
}

/// The spec file cannot be read (`reason`: the system's words), or is not
/// UTF-8 text (`reason` is `None`); a whole line, framed.
#[must_use]
pub fn spec_unreadable(lang: Lang, file: &str, reason: Option<&str>) -> String {
    let f = frame(lang);
    let said = match (lang, reason) {
        (Lang::En, Some(r)) => format!("cannot read the spec file {file}: {r}"),
        (Lang::En, None) => format!("the spec file {file} is not UTF-8 text"),
        (Lang::Zh, Some(r)) => format!("无法读取规格文件 {file}：{}", io_reason(lang, r)),
        (Lang::Zh, None) => format!("规格文件 {file} 不是 UTF-8 文本"),
    };
    format!("{}{said}", f.error)
}

/// The lines of `nnstep check`.
#[must_use]
pub fn check_ok(lang: Lang, name: &str, id: &str) -> String {
    match lang {
        Lang::En => format!("ok: {name} ({id})"),
        Lang::Zh => format!("通过：{name}（{id}）"),
    }
}

/// `N lesson file(s) checked: no problems` or the counts of problems.
#[must_use]
pub fn check_summary(lang: Lang, files: usize, problems: usize, bad_files: usize) -> String {
    match (lang, problems) {
        (Lang::En, 0) => format!("{files} lesson file(s) checked: no problems"),
        (Lang::En, _) => {
            format!("{files} lesson file(s) checked: {problems} problem(s) in {bad_files} file(s)")
        }
        (Lang::Zh, 0) => format!("检查了 {files} 个课程文件：没有问题"),
        (Lang::Zh, _) => {
            format!("检查了 {files} 个课程文件：{bad_files} 个文件中共有 {problems} 个问题")
        }
    }
}

/// A folder given to `nnstep check` cannot be read.
#[must_use]
pub fn folder_unreadable(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::En => format!("cannot read the folder: {reason}"),
        Lang::Zh => format!("无法读取该文件夹：{}", io_reason(Lang::Zh, reason)),
    }
}

/// What the loss needs of the output layer (English, Chinese).
fn output_needed(loss: Loss) -> (&'static str, &'static str) {
    match loss {
        Loss::BinaryCrossEntropy => (
            "one unit with activation sigmoid",
            "一个单元、激活函数为 sigmoid",
        ),
        Loss::SoftmaxCrossEntropy => (
            "activation softmax, one unit per class",
            "激活函数为 softmax、每个类别一个单元",
        ),
        Loss::Mse => ("any activation", "任意激活函数"),
    }
}

/// The range an activation outputs, in `lang`.
fn range(lang: Lang, a: Activation) -> &'static str {
    match (lang, a) {
        (Lang::Zh, Activation::Softmax) => "(0, 1)，且每行之和为 1",
        _ => a.range(),
    }
}

/// A spec problem in `lang`.
#[must_use]
#[allow(clippy::too_many_lines)] // one arm per problem, both languages
pub fn spec_problem(lang: Lang, p: &SpecProblem) -> String {
    use SpecProblem as P;
    let zh = lang == Lang::Zh;
    match p {
        P::LearningRateNotPositive { found } => pick(
            zh,
            format!("the learning rate must be a number above 0, found {found}"),
            format!("学习率必须是大于 0 的数，现在是 {found}"),
        ),
        P::BatchSizeNotPositive => pick(
            zh,
            "the batch size must be a positive number of rows".into(),
            "批大小必须是正整数，即每批的行数".into(),
        ),
        P::EpsNegative { found } => pick(
            zh,
            format!("eps must be a number ≥ 0, found {found}"),
            format!("eps 必须是 ≥ 0 的数，现在是 {found}"),
        ),
        P::ValidationOutOfRange { found } => pick(
            zh,
            format!("the validation fraction must be in [0, 1), found {found}"),
            format!("验证集比例必须在 [0, 1) 之内，现在是 {found}"),
        ),
        P::PolynomialDegree { found } => pick(
            zh,
            format!("the polynomial degree must be 1 to 12, found {found}"),
            format!("多项式次数必须是 1 到 12，现在是 {found}"),
        ),
        P::StopOnValidationWithoutSet => pick(
            zh,
            "stop_on: validation needs a validation set".into(),
            "stop_on: validation 需要验证集".into(),
        ),
        P::NoLayers => pick(
            zh,
            "a network needs at least one layer".into(),
            "网络至少需要一层".into(),
        ),
        P::NoUnits => pick(
            zh,
            "a layer needs at least 1 unit".into(),
            "每层至少需要 1 个单元".into(),
        ),
        P::SoftmaxNotLast => pick(
            zh,
            "softmax belongs on the output layer only".into(),
            "softmax 只能用在输出层".into(),
        ),
        P::LossNeedsOutput { loss } => {
            let (en, zh_needs) = output_needed(*loss);
            pick(
                zh,
                format!("the loss {} needs an output layer with {en}", loss.name()),
                format!("损失函数 {} 要求输出层为{zh_needs}", loss.name()),
            )
        }
        P::ClosedFormNeedsLinear => pick(
            zh,
            "the closed-form solution exists only for one linear layer with the mse loss".into(),
            "只有单个线性层配合 mse 损失函数时才有闭式解".into(),
        ),
        P::StopEveryOneOf => pick(
            zh,
            "give exactly one of epochs or iterations".into(),
            "epochs 和 iterations 必须恰好给出其中一个".into(),
        ),
        P::StopEveryZero => pick(
            zh,
            "the stop test must run every 1 or more epochs or iterations, found 0".into(),
            "停止检验的间隔必须至少是 1 轮或 1 次迭代，现在是 0".into(),
        ),
        P::StopEveryWithoutEps => pick(
            zh,
            "stop_every says when to test eps, but the spec has no eps".into(),
            "stop_every 规定何时检验 eps，但规格中没有 eps".into(),
        ),
        P::EpsCompareWithoutEps => pick(
            zh,
            "eps_compare says how to test eps, but the spec has no eps".into(),
            "eps_compare 规定如何检验 eps，但规格中没有 eps".into(),
        ),
        P::StopOnWithoutEps => pick(
            zh,
            "stop_on names the loss eps watches, but the spec has no eps".into(),
            "stop_on 指定 eps 检验哪个损失，但规格中没有 eps".into(),
        ),
        P::ValidationRowsFirstWithoutSet => pick(
            zh,
            "validation_rows: first needs a validation fraction".into(),
            "validation_rows: first 需要设定验证集比例".into(),
        ),
        P::TooManyLayers { found, limit } => pick(
            zh,
            format!("the network has {found} layers; the limit is {limit}"),
            format!("网络有 {found} 层，上限是 {limit} 层"),
        ),
        P::TooManyUnits { found, limit } => pick(
            zh,
            format!("a layer of {found} units is over the limit of {limit}"),
            format!("一层 {found} 个单元，超过了上限 {limit}"),
        ),
        P::TooManyEpochs { found, limit } => pick(
            zh,
            format!("{found} epochs is over the limit of {limit}"),
            format!("{found} 轮超过了上限 {limit} 轮"),
        ),
        P::TooManyPredict { found, limit } => pick(
            zh,
            format!("{found} inputs to predict is over the limit of {limit}"),
            format!("要预测的输入有 {found} 个，超过了上限 {limit}"),
        ),
        P::TooManyRows { found, limit } => pick(
            zh,
            format!("the data has {found} rows; the limit is {limit}"),
            format!("数据有 {found} 行，上限是 {limit} 行"),
        ),
        P::TooManyInputs { found, limit } => pick(
            zh,
            format!("the network would have {found} inputs; the limit is {limit}"),
            format!("网络将有 {found} 个输入，上限是 {limit} 个"),
        ),
        P::TooManyParams { limit } => pick(
            zh,
            format!("the network has more than {limit} weights and biases"),
            format!("网络的权重和偏置超过了 {limit} 个"),
        ),
        P::TooManySteps {
            epochs,
            per_epoch,
            limit,
        } => pick(
            zh,
            format!(
                "{epochs} epochs of {per_epoch} batches is over the limit of {limit} gradient steps"
            ),
            format!("{epochs} 轮、每轮 {per_epoch} 批，超过了 {limit} 次梯度更新的上限"),
        ),
        P::TooManyActivations { rows, units, limit } => pick(
            zh,
            format!(
                "{rows} rows through {units} units is over the limit of {limit} activations held at once"
            ),
            format!("{rows} 行数据经过 {units} 个单元，超过了同时保存 {limit} 个激活值的上限"),
        ),
        P::PassTooLarge {
            rows,
            params,
            limit,
        } => pick(
            zh,
            format!(
                "one pass of {rows} rows through {params} weights is over the limit of {limit} multiply-adds"
            ),
            format!("{rows} 行数据经过 {params} 个权重算一遍，超过了 {limit} 次乘加的上限"),
        ),
        P::RunTooLarge {
            epochs,
            rows,
            params,
            limit,
        } => pick(
            zh,
            format!(
                "{epochs} epochs over {rows} rows with {params} weights is over the limit of {limit} multiply-adds (about a minute of training)"
            ),
            format!(
                "{epochs} 轮、{rows} 行数据、{params} 个权重，超过了 {limit} 次乘加的上限（约为一分钟的训练）"
            ),
        ),
        P::Data(e) => data_error(lang, e),
        P::BuiltinOrCsv => pick(
            zh,
            "give exactly one of builtin or csv".into(),
            "builtin 和 csv 必须恰好给出其中一个".into(),
        ),
        P::NoColumn { name } => pick(
            zh,
            format!("no column named '{name}'"),
            format!("没有名为“{name}”的列"),
        ),
        P::TestNoColumn { name } => pick(
            zh,
            format!("the test data has no column '{name}'"),
            format!("测试数据中没有“{name}”列"),
        ),
        P::OutputUnits { found, needed } => pick(
            zh,
            format!("the output layer has {found} unit(s), but the data needs {needed}"),
            format!("输出层有 {found} 个单元，但数据需要 {needed} 个"),
        ),
        P::NormaliseNonRegression => pick(
            zh,
            "only a regression target can be normalised".into(),
            "只有回归任务的目标值才能归一化".into(),
        ),
        P::BinaryNeedsTwoClasses { classes } => pick(
            zh,
            format!(
                "binary cross-entropy needs exactly two classes, the target has {} ({classes:?})",
                classes.len()
            ),
            format!(
                "二元交叉熵需要恰好两个类别，目标列有 {} 个（{classes:?}）",
                classes.len()
            ),
        ),
        P::PredictWidth { needed, found } => pick(
            zh,
            format!(
                "each input to predict needs {needed} value(s), one per feature; found {found}"
            ),
            format!("每个要预测的输入需要 {needed} 个值，每个特征一个；现在有 {found} 个"),
        ),
        P::WeightsLayers { found, layers } => pick(
            zh,
            format!("weights lists {found} layer(s), but layers has {layers}"),
            format!("weights 列出了 {found} 层，但 layers 有 {layers} 层"),
        ),
        P::WShape {
            layer,
            inputs,
            units,
            found: (rows, cols),
        } => pick(
            zh,
            format!(
                "W{layer} must be {inputs}×{units} ({inputs} inputs, {units} units), found {rows}×{cols}"
            ),
            format!(
                "W{layer} 必须是 {inputs}×{units}（{inputs} 个输入，{units} 个单元），现在是 {rows}×{cols}"
            ),
        ),
        P::BLength {
            layer,
            units,
            found,
        } => pick(
            zh,
            format!("B{layer} must have {units} value(s), found {found}"),
            format!("B{layer} 必须有 {units} 个值，现在有 {found} 个"),
        ),
        P::StartOneOf => pick(
            zh,
            "give exactly one of a (the output) or z".into(),
            "a（输出）和 z 必须恰好给出其中一个".into(),
        ),
        P::MaxDegree { found, limit } => pick(
            zh,
            format!("max_degree must be 1 to {limit}, found {found}"),
            format!("max_degree 必须是 1 到 {limit}，现在是 {found}"),
        ),
        P::CapacityTrain {
            max_degree,
            limit,
            found,
        } => pick(
            zh,
            format!(
                "train must be more than max_degree ({max_degree}) and at most {limit}, found {found}"
            ),
            format!("train 必须大于 max_degree（{max_degree}）且不超过 {limit}，现在是 {found}"),
        ),
        P::CapacityValidation { limit, found } => pick(
            zh,
            format!("validation must be 1 to {limit}, found {found}"),
            format!("validation 必须是 1 到 {limit}，现在是 {found}"),
        ),
        P::NoiseNegative { found } => pick(
            zh,
            format!("noise must be a number ≥ 0, found {found}"),
            format!("noise 必须是 ≥ 0 的数，现在是 {found}"),
        ),
        P::Engine(e) => engine_error(lang, e),
    }
}

/// A spec hint in `lang`.
#[must_use]
pub fn spec_hint(lang: Lang, h: &SpecHint) -> String {
    use SpecHint as H;
    let zh = lang == Lang::Zh;
    let fixed = |en: &str, zh_text: &str| pick(zh, en.to_string(), zh_text.to_string());
    match h {
        H::TypicalLearningRate => fixed(
            "typical values are 0.01 to 0.5",
            "常用的值在 0.01 到 0.5 之间",
        ),
        H::BatchSizeForms => fixed(
            "write 1, 10, … or full",
            "可以写 1、10 这样的行数，或写 full",
        ),
        H::BookHoldsOut => fixed("the book holds out 0.1", "书中留出 0.1 的训练数据作验证"),
        H::SetValidation => fixed("set validation: 0.1", "加上 validation: 0.1"),
        H::LayerExample => fixed(
            "for example: - {units: 1, activation: identity}",
            "例如：- {units: 1, activation: identity}",
        ),
        H::HiddenActivations => fixed(
            "use sigmoid, tanh or relu in hidden layers",
            "隐藏层请用 sigmoid、tanh 或 relu",
        ),
        H::LastLayerIs { units, activation } => pick(
            zh,
            format!(
                "the last layer here is {units} unit(s) with {}",
                activation.name()
            ),
            format!(
                "这里的最后一层是 {units} 个单元，激活函数为 {}",
                activation.name()
            ),
        ),
        H::LessonUnits => fixed(
            "networks in lessons have a handful of units per layer",
            "课程里的网络每层只有几个单元",
        ),
        H::StopEveryExample => fixed(
            "for example stop_every: {iterations: 10}",
            "例如 stop_every: {iterations: 10}",
        ),
        H::AddEps { key } => pick(
            zh,
            format!("add eps: 0.01 (or remove {key})"),
            format!("加上 eps: 0.01（或删去 {key}）"),
        ),
        H::BookValidationRows => fixed(
            "the book holds out validation: 0.1",
            "书中用的是 validation: 0.1",
        ),
        H::BuiltinNames { names } => pick(
            zh,
            format!("built-in datasets: {names}"),
            format!("内置数据集：{}", names.replace(", ", "、")),
        ),
        H::Columns { list } => pick(
            zh,
            format!("the columns are: {list}"),
            format!("现有的列：{list}"),
        ),
        H::FewerInputs => fixed(
            "choose fewer input columns, or a lower polynomial degree",
            "少选一些输入列，或降低多项式次数",
        ),
        H::FewerLayers => fixed("use fewer or smaller layers", "减少层数，或减少每层的单元"),
        H::FewerEpochsOrLargerBatches => fixed(
            "use fewer epochs or larger batches",
            "减少轮数，或加大批大小",
        ),
        H::FewerRowsOrUnits => fixed("use fewer rows or fewer units", "减少数据行数或单元数"),
        H::FewerRowsOrSmaller => fixed(
            "use fewer rows or a smaller network",
            "减少数据行数，或缩小网络",
        ),
        H::FewerEpochsRowsOrSmaller => fixed(
            "use fewer epochs, fewer rows or a smaller network",
            "减少轮数、数据行数，或缩小网络",
        ),
        H::TargetClasses { target, classes } => pick(
            zh,
            format!(
                "the target '{target}' has {} classes: {classes:?}",
                classes.len()
            ),
            format!("目标列“{target}”有 {} 个类别：{classes:?}", classes.len()),
        ),
        H::OneUnitPerTarget => fixed("one unit per target column", "每个目标列一个单元"),
        H::UseSoftmaxCe => fixed(
            "use softmax_cross_entropy for more than two classes",
            "多于两个类别时请用 softmax_cross_entropy",
        ),
        H::WRows => fixed(
            "write W as a list of rows, one row per input",
            "把 W 写成若干行的列表，每个输入一行",
        ),
        H::ActivationRange { activation } => pick(
            zh,
            format!(
                "{} outputs values in {}",
                activation.name(),
                activation.range()
            ),
            format!(
                "{} 的输出在 {} 之内",
                activation.name(),
                range(lang, *activation)
            ),
        ),
        H::StartExample => fixed("for example start: {a: 0.9}", "例如 start: {a: 0.9}"),
        H::MaxDegreeShows => fixed(
            "10 shows underfitting, a good fit and overfitting",
            "取 10 可以同时看到欠拟合、合适的拟合和过拟合",
        ),
        H::DegreeNeedsPoints => fixed(
            "a degree-d polynomial needs at least d + 1 points",
            "d 次多项式至少需要 d + 1 个点",
        ),
        H::FewDozenPoints => fixed(
            "a few dozen points judge the fits well",
            "几十个点就足以评判拟合的好坏",
        ),
        H::NoiseVisible => fixed(
            "0.2 is clearly visible against a sine of height 1",
            "在高度为 1 的正弦曲线上，0.2 的噪声清晰可见",
        ),
        H::TryAnotherSeed => fixed("try another seed", "换一个随机种子试试"),
    }
}

/// A data problem in `lang`.
#[must_use]
pub fn data_error(lang: Lang, e: &DataError) -> String {
    use DataError as D;
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        D::Unreadable {
            source_name,
            reason,
        } => format!("{source_name}：无法读取该文件：{}", io_reason(lang, reason)),
        D::Empty { source_name } => {
            format!("{source_name}：文件是空的；第一行应是列名（表头）")
        }
        D::NoRows { source_name } => format!("{source_name}：表头下面没有数据行"),
        D::Ragged {
            source_name,
            row,
            expected,
            found,
            header,
        } => format!(
            "{source_name}，第 {row} 行：应与表头（{header}）一样有 {expected} 个字段，现在有 {found} 个"
        ),
        D::EmptyCell {
            source_name,
            row,
            column,
            name,
        } => format!(
            "{source_name}，第 {row} 行，第 {column} 列（“{name}”）：单元格是空的；这里应是一个数"
        ),
        D::NotUtf8 {
            source_name,
            row,
            column,
            value,
        } => format!(
            "{source_name}，第 {row} 行，第 {column} 列：“{value}”不是有效的 UTF-8 文本（请把文件存为 UTF-8）"
        ),
        D::NotNumber {
            source_name,
            row,
            column,
            name,
            value,
        } => format!("{source_name}，第 {row} 行，第 {column} 列（“{name}”）：“{value}”不是数字"),
        D::NotFinite {
            source_name,
            row,
            column,
            name,
            value,
        } => format!(
            "{source_name}，第 {row} 行，第 {column} 列（“{name}”）：“{value}”不是有限的数（不允许 NaN 和无穷大）"
        ),
        D::DuplicateColumn {
            source_name,
            row,
            name,
            first,
            second,
        } => format!(
            "{source_name}，第 {row} 行：列名“{name}”出现了两次（第 {first} 列和第 {second} 列）"
        ),
        D::UnnamedColumn {
            source_name,
            row,
            column,
        } => format!("{source_name}，第 {row} 行，第 {column} 列：表头没有给这一列命名"),
        D::MissingColumn {
            source_name,
            name,
            available,
        } => format!("{source_name}：没有名为“{name}”的列；现有的列：{available}"),
        D::OutsideFolder {
            source_name,
            reason,
        } => format!(
            "{source_name}：不读取这个数据文件，因为{}",
            outside_reason(reason)
        ),
        D::UnsafeName {
            source_name,
            row,
            column,
            what,
        } => format!(
            "{source_name}，第 {row} 行，第 {column} 列：列名中含有{}，名称中不允许出现",
            character(what)
        ),
        D::TooLarge {
            source_name,
            what,
            limit,
        } => format!("{source_name}：{}；上限是 {limit}", too_large(what)),
        D::UnknownBuiltin { name, available } => {
            format!(
                "没有名为“{name}”的内置数据集；内置数据集有：{}",
                available.replace(", ", "、")
            )
        }
    }
}

/// An operating-system reason for a file that cannot be read, in `lang`;
/// an unrecognised reason is kept as it is.
pub(super) fn io_reason(lang: Lang, reason: &str) -> String {
    if lang == Lang::En {
        return reason.to_string();
    }
    if let Some(size) = reason.strip_prefix("the file is larger than the limit of ") {
        return format!("文件超过了 {size} 的上限");
    }
    let known = [
        ("No such file or directory", "找不到这个文件"),
        ("Permission denied", "没有读取权限"),
        ("Is a directory", "这是一个文件夹"),
        (
            "not a regular file",
            "不是普通文件（文件夹、设备、FIFO 或套接字一律不读）",
        ),
    ];
    known
        .iter()
        .find(|(en, _)| reason.contains(en))
        .map_or_else(|| reason.to_string(), |(_, zh)| (*zh).to_string())
}

fn outside_reason(reason: &str) -> String {
    match reason {
        "it is an absolute path" => "这是绝对路径".into(),
        "it climbs out with `..`" => "它用 `..` 跳出了所在文件夹".into(),
        "a symbolic link on its way leads out of the folder" => {
            "路径上的符号链接指向了文件夹之外".into()
        }
        other => other.to_string(),
    }
}

/// `untrusted::describe`'s words for a character, in Chinese.
fn character(what: &str) -> String {
    let (name, code) = what.rsplit_once(", ").unwrap_or((what, ""));
    let zh = match name {
        "ESC (escape: starts terminal control sequences)" => "ESC（转义符，开始终端控制序列）",
        "a carriage return (overwrites the line)" => "回车符（会覆盖本行）",
        "BEL" => "BEL（响铃符）",
        "a backspace" => "退格符",
        "CSI (starts terminal control sequences)" => "CSI（开始终端控制序列）",
        "OSC (starts terminal commands)" => "OSC（开始终端命令）",
        "a bidirectional override (reorders the text as displayed)" => {
            "双向文本控制符（会改变文字的显示顺序）"
        }
        "a line break" => "换行符",
        "a tab" => "制表符",
        "a control character" => "控制字符",
        _ => return what.to_string(),
    };
    match (code.is_empty(), zh.strip_suffix('）')) {
        (true, _) => zh.to_string(),
        (false, Some(open)) => format!("{open}，{code}）"),
        (false, None) => format!("{zh}（{code}）"),
    }
}

/// `csv_io`'s words for what is too large, in Chinese.
fn too_large(what: &str) -> String {
    let num = |s: &str| s.split(' ').next().unwrap_or("").to_string();
    if let Some(rest) = what.strip_prefix("the header has ") {
        return format!("表头有 {} 列", num(rest));
    }
    if let Some(rest) = what.strip_prefix("the file holds more than ") {
        // "N numbers (R rows of C columns so far)"
        let n = num(rest);
        let inner = rest
            .split_once('(')
            .map_or("", |(_, r)| r.trim_end_matches(')'));
        let words: Vec<&str> = inner.split(' ').collect();
        if let [r, "rows", "of", c, "columns", "so", "far"] = words.as_slice() {
            return format!("文件中的数超过 {n} 个（目前已读到 {r} 行，每行 {c} 列）");
        }
        return format!("文件中的数超过 {n} 个");
    }
    what.to_string()
}

/// An engine error in `lang`. The engine's own phrases (names of values,
/// reasons) are put into Chinese where they are known; an unknown phrase
/// is kept as written.
#[must_use]
pub fn engine_error(lang: Lang, e: &EngineError) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        EngineError::ShapeMismatch {
            what,
            expected,
            found,
        } => format!(
            "{}：形状应为 {}×{}，现在是 {}×{}",
            phrase(what),
            expected.0,
            expected.1,
            found.0,
            found.1
        ),
        EngineError::Singular { reason } => {
            format!("正规方程是奇异的：{}", singular_reason(reason))
        }
        EngineError::IncompatibleLoss {
            loss,
            needs,
            activation,
            units,
        } => format!(
            "损失函数“{loss}”要求输出层为{}，但最后一层是 {units} 个单元、激活函数为“{activation}”",
            phrase(needs)
        ),
        EngineError::InvalidValue {
            name,
            expected,
            found,
        } => {
            let found = match found.split_once(", outside ") {
                Some((v, r)) => format!("{v}，在 {r} 之外"),
                None => found.clone(),
            };
            spaced(&[
                &phrase(name),
                "必须是",
                &phrase(expected),
                "，现在是",
                &found,
            ])
        }
        EngineError::Transform(m) => transform_message(m),
    }
}

/// The engine's fixed phrases (value names, expectations) in Chinese.
fn phrase(s: &str) -> String {
    let zh = match s {
        "the learning rate" => "学习率",
        "a finite number > 0" => "有限的正数",
        "the stop-test interval" => "停止检验的间隔",
        "at least 1" => "至少 1",
        "the batch size" => "批大小",
        "at least 1, or 'full'" => "至少 1，或 full",

        "a finite number ≥ 0" => "≥ 0 的有限数",
        "a softmax layer's units" => "softmax 层的单元数",
        "at least 2" => "至少 2",
        "the number of layers" => "层数",
        "every layer's inputs and units" => "每层的输入数和单元数",
        "the activation" => "激活函数",
        "one that acts on a single unit" => "作用于单个单元的函数",
        "the starting z" => "起始的 z",
        "a finite number" => "有限的数",
        "the target" => "目标值",
        "a value the activation can output" => "激活函数能输出的值",
        "the starting a" => "起始的 a",
        "a value inside the activation's range" => "激活函数值域之内的值",
        "the step limit" => "步数上限",
        "1 to 100000" => "1 到 100000",
        "the training set" => "训练集",
        "at least one sample" => "至少一个样本",
        "the epoch to rewind to" => "要回到的轮",
        "one already recorded" => "已经记录过的一轮",
        "a landscape's runs" => "损失地形的训练",
        "at least one" => "至少一个",
        "one unit with activation sigmoid" => "一个单元、激活函数为 sigmoid",
        "activation softmax, one unit per class" => "激活函数为 softmax、每个类别一个单元",
        "Y (one target row per sample of X)" => "Y（X 的每个样本对应一行目标值）",
        other => return other.to_string(),
    };
    zh.to_string()
}

/// Chinese parts joined, with a space where Chinese meets a Latin letter,
/// a digit or a math sign (and none beside full-width punctuation).
pub(super) fn spaced(parts: &[&str]) -> String {
    let cjk = |c: char| matches!(c, '\u{2e80}'..='\u{2fff}' | '\u{3040}'..='\u{9fff}' | '\u{f900}'..='\u{faff}');
    let latin = |c: char| {
        c.is_ascii_alphanumeric()
            || matches!(c, '≥' | '≤' | '>' | '<' | '-' | '−' | '(' | ')' | '[' | ']')
    };
    let mut out = String::new();
    for part in parts.iter().filter(|p| !p.is_empty()) {
        if let (Some(a), Some(b)) = (out.chars().last(), part.chars().next())
            && ((cjk(a) && latin(b)) || (latin(a) && cjk(b)))
        {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

fn quoted(s: &str) -> Option<(&str, &str)> {
    let rest = s.strip_prefix('\'')?;
    let end = rest.find("' ")?;
    Some((&rest[..end], &rest[end + 2..]))
}

fn singular_reason(reason: &str) -> String {
    if let Some((name, rest)) = quoted(reason) {
        match rest {
            "is constant, so it cannot be told apart from the bias B" => {
                return format!("“{name}”是常数，无法与偏置 B 区分");
            }
            "is a copy or a combination of other features (or of the bias)" => {
                return format!("“{name}”是其他特征（或偏置）的复制或组合");
            }
            _ => {}
        }
    }
    if reason == "the features together reproduce the bias column" {
        return "这些特征合起来重现了偏置列".into();
    }
    let words: Vec<&str> = reason.split(' ').collect();
    if let [m, "samples", "cannot", "determine", k, "unknowns", ..] = words.as_slice() {
        return format!("{m} 个样本无法确定 {k} 个未知数（n 个权重和一个偏置）");
    }
    if let [
        "the",
        "points",
        "do",
        "not",
        "determine",
        "a",
        "polynomial",
        "of",
        "degree",
        d,
    ] = words.as_slice()
    {
        return format!("这些点无法确定一个 {d} 次多项式");
    }
    if let [
        "a",
        "polynomial",
        "of",
        "degree",
        d,
        "needs",
        "at",
        "least",
        p,
        ..,
    ] = words.as_slice()
    {
        let m = words.last().copied().unwrap_or("");
        return format!("{d} 次多项式至少需要 {p} 个 x 各不相同的点，现在只有 {m} 个");
    }
    reason.to_string()
}

fn transform_message(m: &str) -> String {
    if let Some(rest) = m.strip_prefix("cannot normalise '")
        && let Some(name) = rest.strip_suffix("': all its values are the same, so its spread is 0")
    {
        return format!("无法归一化“{name}”：它的值全都相同，离散程度为 0");
    }
    if let Some(rest) = m.strip_prefix("sample ")
        && let Some((i, rest)) = rest.split_once(": label ")
        && let Some((label, classes)) = rest.split_once(" is not one of the classes ")
    {
        return format!("第 {i} 个样本：标签 {label} 不在类别 {classes} 之中");
    }
    m.to_string()
}

/// serde_yaml's message for a file that does not fit the expected shape,
/// in `lang`: its common forms (unknown field, missing field, invalid
/// type, unknown variant, duplicate key…) are recognised and put into
/// Chinese; any other message is kept as serde_yaml wrote it.
#[must_use]
pub fn yaml_message(lang: Lang, message: &str) -> String {
    if lang == Lang::En {
        return message.to_string();
    }
    super::yaml_zh::translate(message)
}

/// A hint the lesson loader made of serde_yaml's message (`expected …`,
/// `add `key: …` to this mapping`…), in `lang`; kept as it is when its
/// form is unknown.
#[must_use]
pub fn yaml_hint(lang: Lang, hint: &str) -> String {
    if lang == Lang::En {
        return hint.to_string();
    }
    super::yaml_zh::translate_hint(hint)
}

/// A diagnostic of a lesson or spec file whose message and hint came from
/// serde_yaml (or are English from below this module): the known forms put
/// into `lang`, framed.
#[must_use]
pub fn file_diagnostic(lang: Lang, d: &Diagnostic) -> String {
    let mut d = d.clone();
    d.message = yaml_message(lang, &d.message);
    d.hint = d.hint.map(|h| yaml_hint(lang, &h));
    diagnostic(lang, &d)
}

impl fmt::Display for SpecProblem {
    /// The English words, for reports made below `words` (lesson checks).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&spec_problem(Lang::En, self))
    }
}

impl fmt::Display for SpecHint {
    /// The English words, for reports made below `words` (lesson checks).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&spec_hint(Lang::En, self))
    }
}

#[cfg(test)]
mod tests;
