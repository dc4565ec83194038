//! The words of training runs, in both front ends: the dashboard's status
//! line and panels, the comparison table, the plain runner's and `nnstep
//! train`'s report lines, stop reasons and the advice that goes with them.

use crate::engine::{Activation, Loss, Network, StopOn, StopReason, Task};
use crate::lesson::Lang;
use crate::session::RunStatus;

/// The fixed words of training, in one language.
#[derive(Debug)]
pub struct TrainWords {
    pub epoch: &'static str,
    /// Iterations, short (status line).
    pub it: &'static str,
    pub iteration: &'static str,
    pub batch: &'static str,
    pub loss: &'static str,
    /// The validation loss, short (status line).
    pub val: &'static str,
    pub train_loss: &'static str,
    pub val_loss: &'static str,
    /// Accuracy, short (status line) and long (reports).
    pub acc: &'static str,
    pub accuracy: &'static str,
    pub history: &'static str,
    pub paused: &'static str,
    pub finished: &'static str,
    pub full_speed: &'static str,
    pub stopped: &'static str,
    pub parameters: &'static str,
    pub parameters_and_grads: &'static str,
    pub in_units: &'static str,
    pub last_grads: &'static str,
    /// What the mark beside a parameter means (its legend).
    pub changed: &'static str,
    pub closed_form: &'static str,
    /// The normal-equation solution beside the trained parameters.
    pub normal_equation: &'static str,
    pub trained_units: &'static str,
    pub predict: &'static str,
    pub closed_form_predict: &'static str,
    pub loss_by_epoch: &'static str,
    pub samples_and_fit: &'static str,
    /// Loss chart titles (log or linear y axis).
    pub loss_log: &'static str,
    pub loss_linear: &'static str,
    pub series_train: &'static str,
    pub series_val: &'static str,
    pub series_eps: &'static str,
    pub samples: &'static str,
    pub model: &'static str,
    pub data: &'static str,
    pub data_and_fit: &'static str,
    pub regions: &'static str,
    pub formulas_title: &'static str,
    /// Compare table and chart.
    pub run: &'static str,
    pub epochs: &'static str,
    pub iters: &'static str,
    pub status: &'static str,
    pub results: &'static str,
    pub compare_loss: &'static str,
    pub final_loss: &'static str,
    pub running: &'static str,
    pub max_epochs: &'static str,
    pub diverged: &'static str,
    /// Settings of a run that cannot be shown live.
    pub layers: &'static str,
    pub learning_rate: &'static str,
    pub batch_size: &'static str,
    pub shuffle: &'static str,
    pub seed: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub builtin: &'static str,
    pub cannot_run: &'static str,
    pub plain_hint: &'static str,
    pub boundary_elsewhere: &'static str,
}

const EN: TrainWords = TrainWords {
    epoch: "epoch",
    it: "it",
    iteration: "iteration",
    batch: "batch",
    loss: "loss",
    val: "val",
    train_loss: "train loss",
    val_loss: "val loss",
    acc: "acc",
    accuracy: "accuracy",
    history: "history",
    paused: "paused",
    finished: "finished",
    full_speed: "full",
    stopped: "stopped",
    parameters: "parameters",
    parameters_and_grads: "parameters and last gradients",
    in_units: "in original units",
    last_grads: "gradients of the last batch",
    changed: "changed",
    closed_form: "closed form (normal equation)",
    normal_equation: "normal equation",
    trained_units: "trained (units)",
    predict: "predict",
    closed_form_predict: "closed-form predict",
    loss_by_epoch: "training loss by epoch",
    samples_and_fit: "samples (dots) and the fitted curve",
    loss_log: "loss (log scale)",
    loss_linear: "loss (linear scale)",
    series_train: "train",
    series_val: "val",
    series_eps: "eps",
    samples: "samples",
    model: "model",
    data: "data",
    data_and_fit: "data and fit",
    regions: "classes and model regions",
    formulas_title: "formulas, this sample",
    run: "run",
    epochs: "epochs",
    iters: "iters",
    status: "status",
    results: "results",
    compare_loss: "training loss (log scale)",
    final_loss: "final loss",
    running: "running",
    max_epochs: "max epochs",
    diverged: "diverged",
    layers: "layers",
    learning_rate: "learning rate η",
    batch_size: "batch size",
    shuffle: "shuffle",
    seed: "seed",
    yes: "yes",
    no: "no",
    builtin: "built-in",
    cannot_run: "This run cannot be set up here; `nnstep check` names the problem.",
    plain_hint: "Run this step as text:",
    boundary_elsewhere: "(the decision boundary is drawn in the full-screen view)",
};

const ZH: TrainWords = TrainWords {
    epoch: "轮",
    it: "迭代",
    iteration: "迭代",
    batch: "批大小",
    loss: "损失",
    val: "验证",
    train_loss: "训练损失",
    val_loss: "验证损失",
    acc: "准确率",
    accuracy: "准确率",
    history: "回看",
    paused: "已暂停",
    finished: "已结束",
    full_speed: "全速",
    stopped: "停止",
    parameters: "参数",
    parameters_and_grads: "参数与最近的梯度",
    in_units: "换算回原始单位",
    last_grads: "最后一批的梯度",
    changed: "有变化",
    closed_form: "闭式解（正规方程）",
    normal_equation: "正规方程",
    trained_units: "训练所得（原单位）",
    predict: "预测",
    closed_form_predict: "闭式解预测",
    loss_by_epoch: "每轮的训练损失",
    samples_and_fit: "样本（点）与拟合曲线",
    loss_log: "损失（对数坐标）",
    loss_linear: "损失（线性坐标）",
    series_train: "训练",
    series_val: "验证",
    series_eps: "目标",
    samples: "样本",
    model: "模型",
    data: "数据",
    data_and_fit: "数据与拟合",
    regions: "类别与模型划分的区域",
    formulas_title: "公式（代入本样本）",
    run: "运行",
    epochs: "轮数",
    iters: "迭代",
    status: "状态",
    results: "结果",
    compare_loss: "训练损失（对数坐标）",
    final_loss: "最终损失",
    running: "运行中",
    max_epochs: "达到最大轮数",
    diverged: "发散",
    layers: "网络层",
    learning_rate: "学习率 η",
    batch_size: "批大小",
    shuffle: "打乱顺序",
    seed: "随机种子",
    yes: "是",
    no: "否",
    builtin: "内置",
    cannot_run: "这次训练无法在此建立；运行 nnstep check 可查看原因。",
    plain_hint: "以文本方式运行这一步：",
    boundary_elsewhere: "（分类边界在全屏界面中显示）",
};

/// The training words for `lang`.
#[must_use]
pub fn train_words(lang: Lang) -> &'static TrainWords {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// The metric's name for a task: R² for regression, else accuracy.
#[must_use]
pub fn metric_name(lang: Lang, task: Task, short: bool) -> &'static str {
    let w = train_words(lang);
    match (task, short) {
        (Task::Regression, _) => "R²",
        (_, true) => w.acc,
        (_, false) => w.accuracy,
    }
}

/// A batch size label (`1`, `10`, `full`) in `lang`.
#[must_use]
pub fn batch_label(lang: Lang, label: &str) -> String {
    match (lang, label) {
        (Lang::Zh, "full") => "全部".into(),
        _ => label.to_string(),
    }
}

/// A speed in epochs per second (infinite: as fast as the machine goes).
#[must_use]
pub fn speed(lang: Lang, epochs_per_s: f64) -> String {
    match (lang, epochs_per_s.is_finite()) {
        (_, false) => train_words(lang).full_speed.to_string(),
        (Lang::En, true) if epochs_per_s == 1.0 => "1 epoch/s".into(),
        (Lang::En, true) => format!("{epochs_per_s} epochs/s"),
        (Lang::Zh, true) => format!("每秒 {epochs_per_s} 轮"),
    }
}

/// A measured rate, rounded: `240 epochs/s`.
#[must_use]
pub fn rate(lang: Lang, epochs_per_s: f64) -> String {
    match lang {
        Lang::En if epochs_per_s.round() == 1.0 => "1 epoch/s".into(),
        Lang::En => format!("{epochs_per_s:.0} epochs/s"),
        Lang::Zh => format!("每秒 {epochs_per_s:.0} 轮"),
    }
}

/// Why a run stopped, in one sentence.
#[must_use]
pub fn stop_reason(lang: Lang, r: &StopReason) -> String {
    let zh = lang == Lang::Zh;
    match r {
        StopReason::ReachedEps {
            epoch,
            iteration,
            loss,
            eps,
            on,
            compare,
        } => {
            let which = match (on, zh) {
                (StopOn::Train, false) => "training",
                (StopOn::Validation, false) => "validation",
                (StopOn::Batch, false) => "last-batch",
                (StopOn::Train, true) => "训练",
                (StopOn::Validation, true) => "验证",
                (StopOn::Batch, true) => "最后一批的",
            };
            let cmp = compare.symbol();
            if zh {
                format!(
                    "第 {epoch} 轮（第 {iteration} 次迭代）达到目标：{which}损失 {loss:.6} {cmp} {eps}"
                )
            } else {
                format!(
                    "reached eps at epoch {epoch}, iteration {iteration}: {which} loss {loss:.6} {cmp} {eps}"
                )
            }
        }
        StopReason::MaxEpochs { epoch: 0 } if zh => {
            "只做评估（epochs: 0）：没有训练，结果就是起始网络".into()
        }
        StopReason::MaxEpochs { epoch: 0 } => {
            "evaluation only (epochs: 0): no step taken, the starting network is the result".into()
        }
        StopReason::MaxEpochs { epoch } if zh => format!("已训练到最大轮数 {epoch}"),
        StopReason::MaxEpochs { epoch } => format!("stopped after the maximum of {epoch} epochs"),
        StopReason::Diverged {
            epoch,
            loss,
            learning_rate,
        } if zh => format!(
            "第 {epoch} 轮发散（损失 {loss:e}）：学习率 {learning_rate} 可能太大，或输入需要归一化"
        ),
        StopReason::Diverged {
            epoch,
            loss,
            learning_rate,
        } => format!(
            "diverged at epoch {epoch} (loss {loss:e}): the learning rate {learning_rate} is probably too large, or the inputs need normalising"
        ),
    }
}

/// The dashboard's short divergence line, with what to do about it.
#[must_use]
pub fn diverged_advice(lang: Lang, epoch: usize, loss: &str, eta: &str, lr: f64) -> String {
    match lang {
        Lang::En => format!(
            "diverged at epoch {epoch} (loss {loss}): {eta} = {lr} too large; [ halves {eta}, r restarts"
        ),
        Lang::Zh => format!(
            "第 {epoch} 轮发散（损失 {loss}）：{eta} = {lr} 太大；按 [ 减半 {eta}，按 r 重来"
        ),
    }
}

/// The run state of a stopped run, short, for the status line.
#[must_use]
pub fn run_state(lang: Lang, r: &StopReason) -> String {
    let zh = lang == Lang::Zh;
    match (r, zh) {
        (StopReason::ReachedEps { .. }, false) => "finished: eps reached".into(),
        (StopReason::ReachedEps { .. }, true) => "已结束：达到目标".into(),
        (StopReason::MaxEpochs { .. }, false) => "finished: epoch limit".into(),
        (StopReason::MaxEpochs { .. }, true) => "已结束：达到最大轮数".into(),
        (StopReason::Diverged { .. }, false) => "stopped: diverged".into(),
        (StopReason::Diverged { .. }, true) => "已停止：发散".into(),
    }
}

/// What Space says on a run that has stopped for good: that it is
/// finished, and how to run it again.
#[must_use]
pub fn finished_how_to_restart(lang: Lang, r: &StopReason) -> String {
    let state = run_state(lang, r);
    match lang {
        Lang::En => format!("{state}; r restarts"),
        Lang::Zh => format!("{state}；按 r 重来"),
    }
}

/// The lower panel of the training dashboard, cycled by a key: the
/// charts alone, or the parameters, gradients or bound formulas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Panel {
    Charts,
    Params,
    Grads,
    Formulas,
}

/// A panel's name.
#[must_use]
pub fn panel_name(lang: Lang, p: Panel) -> &'static str {
    match (lang, p) {
        (Lang::En, Panel::Charts) => "charts",
        (Lang::Zh, Panel::Charts) => "图表",
        (Lang::En, Panel::Params) => "parameters",
        (Lang::Zh, Panel::Params) => "参数",
        (Lang::En, Panel::Grads) => "gradients",
        (Lang::Zh, Panel::Grads) => "梯度",
        (Lang::En, Panel::Formulas) => "formulas",
        (Lang::Zh, Panel::Formulas) => "公式",
    }
}

/// A comparison run's status in the results table.
#[must_use]
pub fn run_status(lang: Lang, s: RunStatus) -> String {
    let w = train_words(lang);
    let zh = lang == Lang::Zh;
    match s {
        RunStatus::Running => w.running.into(),
        RunStatus::Paused => w.paused.into(),
        RunStatus::ReachedEps { epoch } if zh => format!("第 {epoch} 轮达标"),
        RunStatus::ReachedEps { epoch } => format!("eps at epoch {epoch}"),
        RunStatus::MaxEpochs => w.max_epochs.into(),
        RunStatus::Diverged { epoch } if zh => format!("第 {epoch} 轮发散"),
        RunStatus::Diverged { epoch } => format!("diverged at {epoch}"),
    }
}

/// The sample whose numbers the dashboard's formulas show.
#[must_use]
pub fn sample_of_batch(lang: Lang, row: usize) -> String {
    match lang {
        Lang::En => format!("sample #{row} (first of the batch):"),
        Lang::Zh => format!("样本 #{row}（本批第一个）："),
    }
}

/// The data panel when the inputs cannot be drawn on two axes.
#[must_use]
pub fn no_data_chart(lang: Lang, inputs: usize) -> String {
    match lang {
        Lang::En => format!("no data chart for {inputs} inputs"),
        Lang::Zh => format!("{inputs} 个输入无法画成数据图"),
    }
}

/// A data chart's title: the target against one feature.
#[must_use]
pub fn target_by(lang: Lang, target: &str, feature: &str) -> String {
    match lang {
        Lang::En => format!("{target} by {feature}"),
        Lang::Zh => format!("{target} 随 {feature} 变化"),
    }
}

/// The report line describing a run's data, network and settings.
#[derive(Debug)]
pub struct Setup<'a> {
    pub data: &'a str,
    pub train_rows: usize,
    pub val_rows: Option<usize>,
    /// The validation rows are the first rows of the data, in file order.
    pub val_first: bool,
    pub features: &'a str,
    pub target: &'a str,
    pub network: &'a str,
    pub loss: &'a str,
    pub learning_rate: f64,
    pub batch: &'a str,
    pub shuffle: bool,
    pub seed: u64,
}

/// [`Setup`] as one line.
#[must_use]
pub fn setup(lang: Lang, s: &Setup) -> String {
    let w = train_words(lang);
    let onoff = if s.shuffle { w.yes } else { w.no };
    let batch = batch_label(lang, s.batch);
    match lang {
        Lang::En => format!(
            "data {} ({} training rows{}; {} → {}), network {}, loss {}, η = {}, batch {batch}, shuffle {}, seed {}",
            s.data,
            s.train_rows,
            s.val_rows.map_or(String::new(), |v| if s.val_first {
                format!(", {v} validation: the first rows")
            } else {
                format!(", {v} validation")
            }),
            s.features,
            s.target,
            s.network,
            s.loss,
            s.learning_rate,
            if s.shuffle { "on" } else { "off" },
            s.seed,
        ),
        Lang::Zh => format!(
            "数据 {}（训练 {} 行{}；{} → {}），网络 {}，损失函数：{}，η = {}，批大小 {batch}，打乱顺序：{onoff}，随机种子 {}",
            s.data,
            s.train_rows,
            s.val_rows.map_or(String::new(), |v| if s.val_first {
                format!("，验证 {v} 行：取最前面的行")
            } else {
                format!("，验证 {v} 行")
            }),
            s.features,
            s.target,
            s.network,
            s.loss,
            s.learning_rate,
            s.seed,
        ),
    }
}

/// The test-set result line.
#[must_use]
pub fn test_set(lang: Lang, rows: usize, loss: f64, metric: &str, value: f64) -> String {
    match lang {
        Lang::En => format!("test set ({rows} rows): loss {loss:.8}, {metric} {value:.6}"),
        Lang::Zh => format!("测试集（{rows} 行）：损失 {loss:.8}，{metric} {value:.6}"),
    }
}

/// An activation's name as a learner reads it.
#[must_use]
pub fn activation(lang: Lang, a: Activation) -> &'static str {
    match (lang, a) {
        (Lang::En, Activation::Identity) => "identity",
        (Lang::Zh, Activation::Identity) => "恒等",
        (_, Activation::Sigmoid) => "sigmoid",
        (_, Activation::Tanh) => "tanh",
        (_, Activation::Relu) => "ReLU",
        (_, Activation::LeakyRelu) => "Leaky ReLU",
        (_, Activation::Softmax) => "softmax",
    }
}

/// A loss function's name as a learner reads it.
#[must_use]
pub fn loss_name(lang: Lang, l: Loss) -> &'static str {
    match (lang, l) {
        (Lang::En, Loss::Mse) => "MSE",
        (Lang::Zh, Loss::Mse) => "均方误差",
        (Lang::En, Loss::BinaryCrossEntropy) => "binary cross-entropy",
        (Lang::Zh, Loss::BinaryCrossEntropy) => "二分类交叉熵",
        (Lang::En, Loss::SoftmaxCrossEntropy) => "softmax cross-entropy",
        (Lang::Zh, Loss::SoftmaxCrossEntropy) => "softmax 交叉熵",
    }
}

/// A network's shape: `1 → 3 sigmoid → 1 identity`.
#[must_use]
pub fn network(lang: Lang, net: &Network) -> String {
    std::iter::once(net.inputs().to_string())
        .chain(
            (net.layers().iter())
                .map(|l| format!("{} {}", l.units(), activation(lang, l.activation))),
        )
        .collect::<Vec<_>>()
        .join(" → ")
}

/// A title with a legend in parentheses: `parameters (• changed)`,
/// `参数（• 有变化）`.
#[must_use]
pub fn with_legend(lang: Lang, title: &str, legend: &str) -> String {
    match lang {
        Lang::En => format!("{title} ({legend})"),
        Lang::Zh => format!("{title}（{legend}）"),
    }
}

/// A panel title with a space either side, as the frame shows it; no space
/// next to full-width punctuation (Chinese typesetting).
#[must_use]
pub fn panel_title(title: &str) -> String {
    let t = title.trim();
    if t.is_empty() {
        return String::new();
    }
    let full_width = |c: char| "，。、；：？！（）《》「」".contains(c);
    let lead = if t.starts_with(full_width) { "" } else { " " };
    let tail = if t.ends_with(full_width) { "" } else { " " };
    format!("{lead}{t}{tail}")
}

/// A run stopped by Ctrl-C in plain mode.
#[must_use]
pub fn interrupted(lang: Lang, epoch: usize) -> String {
    match lang {
        Lang::En => format!("interrupted (Ctrl-C) after epoch {epoch}"),
        Lang::Zh => format!("已中断（Ctrl-C），停在第 {epoch} 轮"),
    }
}

/// A column heading: the last batch's loss after its update.
#[must_use]
pub fn batch_loss_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "batch loss",
        Lang::Zh => "本批损失",
    }
}

/// What a normalisation line says: which statistic over which rows, and
/// each column's centre and scale.
#[derive(Debug)]
pub struct NormLine<'a> {
    /// The target (else the inputs).
    pub target: bool,
    pub kind: crate::engine::transform::NormKind,
    /// The statistics came from training and test rows together.
    pub with_test: bool,
    pub rows: usize,
    /// (column, centre, scale): min and range, or mean and deviation.
    pub columns: &'a [(&'a str, f64, f64)],
}

/// How the inputs or the target were normalised, with the constants.
#[must_use]
pub fn normalisation(lang: Lang, n: &NormLine) -> String {
    use crate::engine::transform::NormKind;
    let zh = lang == Lang::Zh;
    let (c, s) = match (n.kind, zh) {
        (NormKind::MinMax, false) => ("min", "range"),
        (NormKind::MinMax, true) => ("最小值", "范围"),
        (NormKind::ZScore, false) => ("mean", "std"),
        (NormKind::ZScore, true) => ("均值", "标准差"),
    };
    let cols: Vec<String> = (n.columns.iter())
        .map(|(name, center, scale)| {
            if zh {
                format!("{name}：{c} {center}，{s} {scale}")
            } else {
                format!("{name}: {c} {center}, {s} {scale}")
            }
        })
        .collect();
    let kind = match (n.kind, zh) {
        (NormKind::MinMax, false) => "min-max",
        (NormKind::ZScore, false) => "z-score",
        (NormKind::MinMax, true) => "最小最大值",
        (NormKind::ZScore, true) => "z 分数",
    };
    let rows = n.rows;
    match (lang, n.target, n.with_test) {
        (Lang::En, false, false) => format!(
            "inputs normalised ({kind}, over the {rows} training rows): {}",
            cols.join("; ")
        ),
        (Lang::En, false, true) => format!(
            "inputs normalised ({kind}, over {rows} training and test rows): {}",
            cols.join("; ")
        ),
        (Lang::En, true, _) => format!(
            "target normalised ({kind}, over the {rows} training rows): {}",
            cols.join("; ")
        ),
        (Lang::Zh, false, false) => format!(
            "输入已做{kind}归一化（统计量取自 {rows} 行训练数据）：{}",
            cols.join("；")
        ),
        (Lang::Zh, false, true) => format!(
            "输入已做{kind}归一化（统计量取自训练与测试数据共 {rows} 行）：{}",
            cols.join("；")
        ),
        (Lang::Zh, true, _) => format!(
            "目标已做{kind}归一化（统计量取自 {rows} 行训练数据）：{}",
            cols.join("；")
        ),
    }
}

/// One set's loss and metric (`set`: train, validation or test).
#[must_use]
pub fn set_result(
    lang: Lang,
    set: crate::engine::split::SetName,
    rows: usize,
    loss: f64,
    metric: &str,
    value: f64,
) -> String {
    use crate::engine::split::SetName;
    match (lang, set) {
        (Lang::En, SetName::Train) => {
            format!("training set ({rows} rows): loss {loss}, {metric} {value}")
        }
        (Lang::En, SetName::Validation) => {
            format!("validation set ({rows} rows): loss {loss}, {metric} {value}")
        }
        (Lang::En, SetName::Test) => {
            format!("test set ({rows} rows): loss {loss}, {metric} {value}")
        }
        (Lang::Zh, SetName::Train) => format!("训练集（{rows} 行）：损失 {loss}，{metric} {value}"),
        (Lang::Zh, SetName::Validation) => {
            format!("验证集（{rows} 行）：损失 {loss}，{metric} {value}")
        }
        (Lang::Zh, SetName::Test) => format!("测试集（{rows} 行）：损失 {loss}，{metric} {value}"),
    }
}

/// The heading of a set's predictions, row by row.
#[must_use]
pub fn predictions_heading(lang: Lang, set: crate::engine::split::SetName) -> String {
    use crate::engine::split::SetName;
    let (en, zh) = match set {
        SetName::Train => ("training set", "训练集"),
        SetName::Validation => ("validation set", "验证集"),
        SetName::Test => ("test set", "测试集"),
    };
    match lang {
        Lang::En => format!("predictions on the {en} (row: input → output, target):"),
        Lang::Zh => format!("{zh}上的预测（行：输入 → 输出，目标）："),
    }
}

/// Said after the first rows of a long list of predictions.
#[must_use]
pub fn more_rows(lang: Lang, more: usize) -> String {
    match lang {
        Lang::En => format!("  … and {more} more rows (--format json lists every row)"),
        Lang::Zh => format!("  ……另有 {more} 行（--format json 会列出每一行）"),
    }
}

/// The saturation exercise's setup line.
#[must_use]
pub fn saturation_setup(lang: Lang, act: Activation, target: f64, eta: f64) -> String {
    let name = activation(lang, act);
    match lang {
        Lang::En => format!(
            "gradient descent on z through the {name} slope: each step moves z by η·σ′(z) towards a = {target}, η = {eta}"
        ),
        Lang::Zh => format!(
            "沿 {name} 的斜率对 z 做梯度下降：每一步让 z 朝 a = {target} 的方向移动 η·σ′(z)，η = {eta}"
        ),
    }
}

/// The saturation table's column headings: step, z, a, the slope.
#[must_use]
pub fn saturation_columns(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::En => ["step", "z", "a", "slope σ′(z)"],
        Lang::Zh => ["步", "z", "a", "斜率 σ′(z)"],
    }
}

/// How the saturation exercise ended.
#[must_use]
pub fn saturation_end(
    lang: Lang,
    end: crate::engine::saturation::SaturationEnd,
    target: f64,
) -> String {
    use crate::engine::saturation::SaturationEnd;
    match (lang, end) {
        (Lang::En, SaturationEnd::Reached { steps }) => {
            format!("a reached {target} after {steps} steps")
        }
        (Lang::Zh, SaturationEnd::Reached { steps }) => format!("{steps} 步后 a 到达 {target}"),
        (Lang::En, SaturationEnd::Stuck { steps }) => {
            format!("stuck after {steps} steps: the slope is 0, so z no longer moves")
        }
        (Lang::Zh, SaturationEnd::Stuck { steps }) => {
            format!("{steps} 步后停住：斜率为 0，z 不再移动")
        }
        (Lang::En, SaturationEnd::MaxSteps { steps }) => {
            format!("the limit of {steps} steps ran out before a reached {target}")
        }
        (Lang::Zh, SaturationEnd::MaxSteps { steps }) => {
            format!("用完了 {steps} 步的上限，a 仍未到达 {target}")
        }
    }
}
