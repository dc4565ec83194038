//! The words of the picture steps, in both front ends: the loss landscape
//! (titles, axes, the legend of levels and runs) and the function plot
//! (curves, derivatives, marked points, the saturation exercise stepped).

use crate::engine::curve::Curve;
use crate::lesson::Lang;
use crate::lesson::model_views::Fixed;
use crate::session::landscape::PathRow;
use crate::text::number;

/// The fixed words of the picture steps, in one language.
#[derive(Debug)]
pub struct ViewWords {
    pub landscape: &'static str,
    /// The legend's heading for contour levels.
    pub levels: &'static str,
    pub optimum: &'static str,
    pub start: &'static str,
    pub run: &'static str,
    pub epoch: &'static str,
    pub step: &'static str,
    pub loss: &'static str,
    /// A run's point has left the picture.
    pub outside: &'static str,
    pub diverged: &'static str,
    pub finished: &'static str,
    /// The plain runner's path table.
    pub path_table: &'static str,
    pub functions: &'static str,
    pub derivatives: &'static str,
    pub marked: &'static str,
    pub exercise: &'static str,
}

const EN: ViewWords = ViewWords {
    landscape: "loss landscape",
    levels: "contour levels (loss)",
    optimum: "optimum",
    start: "start",
    run: "run",
    epoch: "epoch",
    step: "step",
    loss: "loss",
    outside: "outside the picture",
    diverged: "diverged",
    finished: "finished",
    path_table: "the path, epoch by epoch",
    functions: "functions",
    derivatives: "derivatives",
    marked: "marked points",
    exercise: "saturation exercise",
};

const ZH: ViewWords = ViewWords {
    landscape: "损失曲面",
    levels: "等高线（损失值）",
    optimum: "最优点",
    start: "起点",
    run: "训练",
    epoch: "轮",
    step: "步",
    loss: "损失",
    outside: "已离开画面",
    diverged: "已发散",
    finished: "已结束",
    path_table: "路径（逐轮）",
    functions: "函数",
    derivatives: "导数",
    marked: "标出的点",
    exercise: "饱和练习",
};

/// The words of the picture steps in `lang`.
#[must_use]
pub fn view_words(lang: Lang) -> &'static ViewWords {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// Each run's mark on a landscape, Unicode and ASCII (distinct without
/// colour, and distinct from the level digits).
const RUN_GLYPHS: [(char, char); 4] = [('●', 'o'), ('◆', 'x'), ('▲', '+'), ('■', '#')];

/// Run `i`'s mark.
#[must_use]
pub fn run_glyph(i: usize, ascii: bool) -> char {
    let (u, a) = RUN_GLYPHS[i % RUN_GLYPHS.len()];
    if ascii { a } else { u }
}

/// The optimum's mark.
#[must_use]
pub fn optimum_glyph(ascii: bool) -> char {
    if ascii { '*' } else { '★' }
}

/// A contour level's mark: its number, 1 for the lowest.
#[must_use]
pub fn level_glyph(level: u8) -> char {
    char::from_digit(u32::from(level.min(9)), 10).unwrap_or('9')
}

/// The marks of a curve picture: the function, its derivative, the axes,
/// a marked point, the exercise's trail and its point.
#[must_use]
pub fn curve_glyph(m: crate::session::plot::CurveMark, ascii: bool) -> char {
    use crate::session::plot::CurveMark as C;
    match (m, ascii) {
        (C::Empty, _) => ' ',
        (C::Axis, false) => '·',
        (C::Axis, true) => '.',
        (C::Value, false) => '━',
        (C::Value, true) => '=',
        (C::Slope, false) => '┄',
        (C::Slope, true) => '-',
        (C::Marked, false) => '◆',
        (C::Marked, true) => 'x',
        (C::Trail, false) => '∘',
        (C::Trail, true) => 'o',
        (C::Point, false) => '●',
        (C::Point, true) => '@',
    }
}

/// The landscape's title: the loss over the two drawn parameters.
#[must_use]
pub fn landscape_title(lang: Lang, x: &str, y: &str) -> String {
    match lang {
        Lang::En => format!("loss over {x} (across) and {y} (up)"),
        Lang::Zh => format!("损失随 {x}（横轴）和 {y}（纵轴）的变化"),
    }
}

/// Where the parameters not drawn are held.
#[must_use]
pub fn fixed_note(lang: Lang, fixed: Fixed) -> &'static str {
    match (lang, fixed) {
        (Lang::En, Fixed::Optimum) => "other parameters at the optimum",
        (Lang::En, Fixed::Start) => "other parameters at the start",
        (Lang::Zh, Fixed::Optimum) => "其余参数取最优值",
        (Lang::Zh, Fixed::Start) => "其余参数取起始值",
    }
}

/// An axis label: the parameter and its span.
#[must_use]
pub fn axis_span(name: &str, lo: f64, hi: f64) -> String {
    format!(
        "{name} {} … {}",
        number::fit(lo, 8, 3),
        number::fit(hi, 8, 3)
    )
}

/// A run's legend line: η, epoch, loss, the point and its state.
#[must_use]
pub fn path_line(lang: Lang, r: &PathRow, x: &str, y: &str) -> String {
    let w = view_words(lang);
    let loss = r.loss.map_or("-".into(), |l| number::fit(l, 9, 4));
    let state = match (&r.stopped, r.inside) {
        (Some(crate::engine::StopReason::Diverged { .. }), _) => format!(" · {}", w.diverged),
        (_, false) => format!(" · {}", w.outside),
        (Some(_), true) => format!(" · {}", w.finished),
        (None, true) => String::new(),
    };
    let (px, py) = (number::fit(r.x, 8, 3), number::fit(r.y, 8, 3));
    let (name, eta, epoch) = (r.name.get(lang), significant(r.learning_rate), r.epoch);
    match lang {
        Lang::En => {
            format!("{name}: η {eta} · epoch {epoch} · loss {loss} · {x} {px} {y} {py}{state}")
        }
        Lang::Zh => {
            format!("{name}：η {eta} · 第 {epoch} 轮 · 损失 {loss} · {x} {px} {y} {py}{state}")
        }
    }
}

/// η to four significant digits, without trailing zeros (0.00032, 0.1,
/// 0.1953).
#[must_use]
pub fn significant(v: f64) -> String {
    if !v.is_finite() || v == 0.0 {
        return number::fit(v, 8, 4);
    }
    let decimals = (3 - v.abs().log10().floor() as i32).clamp(0, 12) as usize;
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// The plain path table's headings.
#[must_use]
pub fn path_columns(lang: Lang, x: &str, y: &str) -> Vec<String> {
    let w = view_words(lang);
    let it = if lang == Lang::Zh {
        "迭代"
    } else {
        "iteration"
    };
    vec![
        w.run.into(),
        w.epoch.into(),
        it.into(),
        w.loss.into(),
        x.into(),
        y.into(),
    ]
}

/// A curve's name as drawn, with ′ for its derivative (in ASCII, the
/// sigmoid spelt out and ' for the prime).
#[must_use]
pub fn curve_label(c: Curve, derivative: bool, ascii: bool) -> String {
    let name = match (c, ascii) {
        (Curve::Sigmoid, false) => "σ",
        (Curve::Sigmoid, true) => "sigmoid",
        (Curve::Tanh, _) => "tanh",
        (Curve::Relu, _) => "ReLU",
        (Curve::LeakyRelu, _) => "leaky ReLU",
        (Curve::Softplus, _) => "softplus",
    };
    let prime = if ascii { "'" } else { "′" };
    if derivative {
        format!("{name}{prime}(z)")
    } else {
        format!("{name}(z)")
    }
}

/// The marked-points table's headings.
#[must_use]
pub fn mark_columns(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::En => ["function", "z", "f(z)", "slope f′(z)"],
        Lang::Zh => ["函数", "z", "f(z)", "斜率 f′(z)"],
    }
}

/// The stepped exercise's status: which step is shown, with η.
#[must_use]
pub fn exercise_status(lang: Lang, shown: usize, eta: f64, z: f64, a: f64) -> String {
    let (z, a, eta) = (number::fit(z, 9, 4), number::fit(a, 9, 4), significant(eta));
    match lang {
        Lang::En => format!("step {shown} · η {eta} · z {z} · a {a}"),
        Lang::Zh => format!("第 {shown} 步 · 学习率 η {eta} · z {z} · a {a}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learning_rates_keep_four_significant_digits() {
        assert_eq!(significant(0.00032), "0.00032");
        assert_eq!(significant(0.1), "0.1");
        assert_eq!(significant(0.1953125), "0.1953");
        assert_eq!(significant(1.65), "1.65");
        assert_eq!(significant(12.5), "12.5");
    }

    #[test]
    fn both_languages_fill_every_word() {
        for w in [&EN, &ZH] {
            let all = [
                w.landscape,
                w.levels,
                w.optimum,
                w.start,
                w.run,
                w.epoch,
                w.step,
                w.loss,
                w.outside,
                w.diverged,
                w.finished,
                w.path_table,
                w.functions,
                w.derivatives,
                w.marked,
                w.exercise,
            ];
            assert!(all.iter().all(|s| !s.is_empty()));
        }
    }
}
