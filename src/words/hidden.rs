//! The words of the hidden-unit view, the overfitting (capacity) step and
//! the plain decision regions, in both front ends.

use crate::engine::hidden::Line;
use crate::lesson::Lang;

/// The fixed words, in one language.
#[derive(Debug)]
pub struct HiddenWords {
    /// Panel title of the unit curves.
    pub units_title: &'static str,
    /// Legend: the curve that is the terms' sum plus b2.
    pub sum_is_fit: &'static str,
    /// Panel titles of the two planes.
    pub input_space: &'static str,
    pub hidden_space: &'static str,
    /// Legend of the boundary glyph.
    pub boundary: &'static str,
    /// Why a run shows no hidden view.
    pub unsupported: &'static str,
    /// Capacity step: panel and column titles.
    pub capacity_title: &'static str,
    pub degree: &'static str,
    pub params: &'static str,
    pub train_loss: &'static str,
    pub val_loss: &'static str,
    pub fitted_curves: &'static str,
    pub training_points: &'static str,
    pub validation_points: &'static str,
    /// Marks in the capacity table.
    pub lowest: &'static str,
    /// Compare table: the parameters column.
    pub parameters: &'static str,
    /// Compare view: the key that opens a run's parameters.
    pub show_params: &'static str,
    pub hide_params: &'static str,
}

static EN: HiddenWords = HiddenWords {
    units_title: "Hidden units: each unit's term w2·a(x)",
    sum_is_fit: "sum + b2 = fit",
    input_space: "Input space",
    hidden_space: "Hidden space",
    boundary: "boundary",
    unsupported: "The hidden-unit view needs one hidden layer, and either one input \
                  (regression) or two inputs (classification).",
    capacity_title: "Capacity: training and validation loss",
    degree: "degree",
    params: "params",
    train_loss: "training loss",
    val_loss: "validation loss",
    fitted_curves: "Fitted curves",
    training_points: "training points",
    validation_points: "validation points",
    lowest: "lowest",
    parameters: "parameters",
    show_params: "show parameters",
    hide_params: "hide parameters",
};

static ZH: HiddenWords = HiddenWords {
    units_title: "隐藏单元：每个单元的贡献 w2·a(x)",
    sum_is_fit: "和 + b2 = 拟合",
    input_space: "输入空间",
    hidden_space: "隐藏空间",
    boundary: "边界",
    unsupported: "隐藏单元视图需要一个隐藏层，并且是单输入（回归）或双输入（分类）。",
    capacity_title: "模型容量：训练损失与验证损失",
    degree: "次数",
    params: "参数个数",
    train_loss: "训练损失",
    val_loss: "验证损失",
    fitted_curves: "拟合曲线",
    training_points: "训练点",
    validation_points: "验证点",
    lowest: "最低",
    parameters: "参数",
    show_params: "显示参数",
    hide_params: "隐藏参数",
};

/// The words for `lang`.
#[must_use]
pub fn hidden_words(lang: Lang) -> &'static HiddenWords {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// The name of hidden unit `i` (0-based) as the learner counts it.
#[must_use]
pub fn unit(lang: Lang, i: usize) -> String {
    match lang {
        Lang::En => format!("unit {}", i + 1),
        Lang::Zh => format!("单元 {}", i + 1),
    }
}

/// The hidden plane's axis names: the activations of the two units shown.
#[must_use]
pub fn axis_name(i: usize) -> String {
    format!("a{}", i + 1)
}

/// The hidden panel's title: which units are on the axes, and (with more
/// than two) that the others are held at their mean.
#[must_use]
pub fn hidden_space_title(lang: Lang, axes: [usize; 2], units: usize) -> String {
    let w = hidden_words(lang);
    let (a, b) = (axis_name(axes[0]), axis_name(axes[1]));
    match (lang, units > 2) {
        (Lang::En, false) => format!("{} ({a}, {b})", w.hidden_space),
        (Lang::Zh, false) => format!("{}（{a}，{b}）", w.hidden_space),
        (Lang::En, true) if units == 3 => {
            format!("{} ({a}, {b}; the other unit at its mean)", w.hidden_space)
        }
        (Lang::En, true) => format!(
            "{} ({a}, {b}; the {} other units at their mean)",
            w.hidden_space,
            units - 2
        ),
        (Lang::Zh, true) => format!(
            "{}（{a}，{b}；其余 {} 个单元取平均值）",
            w.hidden_space,
            units - 2
        ),
    }
}

/// Why these two axes, for the plain form.
#[must_use]
pub fn axes_reason(lang: Lang, units: usize) -> Option<String> {
    (units > 2).then(|| match lang {
        Lang::En => format!(
            "Of the {units} hidden units, the two with the largest weights into the output \
             layer are on the axes; the others are held at their mean over the samples, so \
             the regions in this plane are a slice of the real ones."
        ),
        Lang::Zh => format!(
            "在 {units} 个隐藏单元中，取通往输出层权重最大的两个作为坐标轴；其余单元取样本上的平均值，\
             所以这个平面上的区域只是真实区域的一个切面。"
        ),
    })
}

/// A boundary line `u·a + v·b + c = 0` in words, e.g.
/// `boundary (class 0 | class 1): 3.1·a1 − 2.05·a2 + 0.41 = 0`.
#[must_use]
pub fn line(lang: Lang, l: &Line, axes: [usize; 2], classes: &[f64]) -> String {
    let name = |i: usize| {
        classes
            .get(i)
            .map_or_else(|| i.to_string(), |c| crate::text::number::plain(*c, 6))
    };
    let term = |v: f64, first: bool| {
        let s = crate::text::number::plain(v.abs(), 4);
        match (first, v < 0.0) {
            (true, true) => format!("−{s}"),
            (true, false) => s,
            (false, true) => format!(" − {s}"),
            (false, false) => format!(" + {s}"),
        }
    };
    let eq = format!(
        "{}·{}{}·{}{} = 0",
        term(l.u, true),
        axis_name(axes[0]),
        term(l.v, false),
        axis_name(axes[1]),
        term(l.c, false)
    );
    let (i, j) = (name(l.classes.0), name(l.classes.1));
    match lang {
        Lang::En => format!("{} ({i} | {j}): {eq}", hidden_words(lang).boundary),
        Lang::Zh => format!("{}（{i} | {j}）：{eq}", hidden_words(lang).boundary),
    }
}

/// Legend of the unit curves: unit i's glyph, then the sum's.
#[must_use]
pub fn curve_legend(lang: Lang, glyphs: &[char], sum_glyph: char, samples_glyph: char) -> String {
    let sep = "  ";
    let mut parts: Vec<String> = (glyphs.iter().enumerate())
        .map(|(i, g)| format!("{g} {}", unit(lang, i)))
        .collect();
    parts.push(format!("{sum_glyph} {}", hidden_words(lang).sum_is_fit));
    parts.push(format!(
        "{samples_glyph} {}",
        crate::words::train_words(lang).samples
    ));
    parts.join(sep)
}

/// The capacity step's summary: which degree fits the validation points
/// best and which fits the training points best.
#[must_use]
pub fn capacity_summary(lang: Lang, best_val: usize, best_train: usize) -> String {
    match lang {
        Lang::En => format!(
            "Lowest validation loss: degree {best_val}. Lowest training loss: degree {best_train}."
        ),
        Lang::Zh => format!("验证损失最低：{best_val} 次。训练损失最低：{best_train} 次。"),
    }
}

/// A degree as shown in the capacity chart's legend and keys.
#[must_use]
pub fn degree_name(lang: Lang, d: usize) -> String {
    match lang {
        Lang::En => format!("degree {d}"),
        Lang::Zh => format!("{d} 次"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_reads_as_an_equation_with_real_minus_signs() {
        let l = Line {
            classes: (0, 1),
            u: 3.1,
            v: -2.05,
            c: 0.41,
        };
        assert_eq!(
            line(Lang::En, &l, [0, 1], &[0.0, 1.0]),
            "boundary (0 | 1): 3.1·a1 − 2.05·a2 + 0.41 = 0"
        );
        assert!(line(Lang::Zh, &l, [1, 2], &[0.0, 1.0]).starts_with("边界（0 | 1）："));
    }
}
