//! Checks of the picture steps: `landscape` (runs of one network drawn
//! over the loss in two of its parameters) and `plot` (functions of one
//! variable, and the saturation exercise stepped on the first).

use super::content::{check_runs, resolve_at};
use super::{Checker, idx, key};
use crate::engine::Network;
use crate::engine::landscape::ParamRef;
use crate::engine::saturation::SaturationEnd;
use crate::lesson::model_views::{
    AxisParam, Fixed, Landscape, MAX_PATH_STEPS, MAX_PLOT_FUNCTIONS, MAX_PLOT_MARKS,
    MAX_PLOT_STEPS, Plot, linear_least_squares,
};
use crate::lesson::raw_views::{RawLandscape, RawPlot};
use crate::spec::{PathSeg, Resolved};

/// The default span of z in a plot.
const PLOT_RANGE: [f64; 2] = [-6.0, 6.0];

pub(super) fn check_landscape(
    c: &mut Checker,
    path: &[PathSeg],
    l: &RawLandscape,
) -> Option<Landscape> {
    if l.runs.is_empty() {
        c.report(
            key(path, "runs"),
            "a landscape needs at least one run",
            None,
        );
        return None;
    }
    let before = c.problems.len();
    let runs = check_runs(c, path, l.base.as_ref(), &l.runs);
    if c.problems.len() > before || runs.len() != l.runs.len() {
        return None;
    }
    // Every run resolved; their networks and data are compared here.
    let resolved: Vec<Resolved> = (runs.iter().enumerate())
        .filter_map(|(i, r)| resolve_at(c, &idx(&key(path, "runs"), i), &r.spec))
        .collect();
    let first = resolved.first()?;
    let net = first.trainer.network();
    for (i, r) in resolved.iter().enumerate().skip(1) {
        let same = same_shape(net, r.trainer.network())
            && r.info.features == first.info.features
            && r.info.x_norm == first.info.x_norm
            && r.trainer.train_set().x == first.trainer.train_set().x;
        if !same {
            c.report(
                idx(&key(path, "runs"), i),
                "this run's network or data differ from the first run's, so its path \
                 would be on another landscape",
                Some(
                    "runs of one landscape may change only η, the batch size, epochs, \
                      shuffling and the seed"
                        .into(),
                ),
            );
        }
    }
    for (i, r) in resolved.iter().enumerate() {
        let steps = path_steps(r);
        if steps > MAX_PATH_STEPS {
            c.report(
                idx(&key(path, "runs"), i),
                format!(
                    "this run takes {steps} gradient steps; a landscape draws at most \
                     {MAX_PATH_STEPS}"
                ),
                Some("fewer epochs or a larger batch".into()),
            );
        }
    }
    let x = axis(c, path, "x", &l.x, l.x_range, net);
    let y = axis(c, path, "y", &l.y, l.y_range, net);
    let (x, y) = (x?, y?);
    if x.param == y.param {
        c.report(
            key(path, "y"),
            format!("both axes show `{}`", l.y),
            Some("choose two different parameters".into()),
        );
    }
    let has_optimum = linear_least_squares(net);
    let fixed = match l.fixed {
        Some(Fixed::Optimum) if !has_optimum => {
            c.report(
                key(path, "fixed"),
                "`optimum` needs a least-squares network (one identity layer, loss mse)",
                Some("use `fixed: start`".into()),
            );
            Fixed::Start
        }
        Some(f) => f,
        None if has_optimum => Fixed::Optimum,
        None => Fixed::Start,
    };
    if !has_optimum && (x.range.is_none() || y.range.is_none()) {
        c.report(
            key(
                path,
                if x.range.is_none() {
                    "x_range"
                } else {
                    "y_range"
                },
            ),
            "give x_range and y_range: this network has no closed-form optimum to \
             centre the picture on",
            None,
        );
    }
    Some(Landscape { runs, x, y, fixed })
}

/// How many gradient steps a run takes: epochs × batches per epoch.
fn path_steps(r: &Resolved) -> u64 {
    let cfg = r.trainer.config();
    let m = r.trainer.train_set().rows();
    let batch = cfg.batch_size.rows(m).max(1);
    let per_epoch = m.div_ceil(batch) as u64;
    per_epoch.saturating_mul(cfg.max_epochs as u64)
}

fn same_shape(a: &Network, b: &Network) -> bool {
    a.loss() == b.loss()
        && a.layers().len() == b.layers().len()
        && (a.layers().iter().zip(b.layers()))
            .all(|(p, q)| p.w.dim() == q.w.dim() && p.activation == q.activation)
}

/// The parameter named `name` (`w`, `wJ`, `b`) of a one-layer network with
/// one output, and the axis's range, checked.
fn axis(
    c: &mut Checker,
    path: &[PathSeg],
    which: &str,
    name: &str,
    range: Option<[f64; 2]>,
    net: &Network,
) -> Option<AxisParam> {
    let inputs = net.inputs();
    if net.layers().len() != 1 || net.outputs() != 1 {
        c.report(
            key(path, which),
            "a landscape draws the parameters of a network of one layer with one output",
            None,
        );
        return None;
    }
    let param = match parse_param(name, inputs) {
        Some(p) => p,
        None => {
            let names = if inputs == 1 {
                "`w` or `b`".to_string()
            } else {
                format!("`w1` … `w{inputs}` or `b`")
            };
            c.report(
                key(path, which),
                format!("`{name}` is not a parameter of this network"),
                Some(format!("choose {names}")),
            );
            return None;
        }
    };
    let range_key = format!("{which}_range");
    if let Some([lo, hi]) = range
        && !(lo.is_finite() && hi.is_finite() && lo < hi)
    {
        c.report(
            key(path, &range_key),
            format!("the range [{lo}, {hi}] must be two finite numbers, the smaller first"),
            None,
        );
        return None;
    }
    Some(AxisParam {
        name: name.to_string(),
        param,
        range,
    })
}

/// `w` (one input), `wJ` (input J, from 1) or `b`, in layer 0, output 0.
#[must_use]
pub(crate) fn parse_param(name: &str, inputs: usize) -> Option<ParamRef> {
    match name {
        "b" => Some(ParamRef::B { layer: 0, col: 0 }),
        "w" if inputs == 1 => Some(ParamRef::W {
            layer: 0,
            row: 0,
            col: 0,
        }),
        _ => {
            let j: usize = name.strip_prefix('w')?.parse().ok()?;
            (1..=inputs).contains(&j).then_some(ParamRef::W {
                layer: 0,
                row: j - 1,
                col: 0,
            })
        }
    }
}

pub(super) fn check_plot(c: &mut Checker, path: &[PathSeg], p: &RawPlot) -> Option<Plot> {
    let n = p.functions.len();
    if n == 0 || n > MAX_PLOT_FUNCTIONS {
        c.report(
            key(path, "functions"),
            format!("a plot shows 1 to {MAX_PLOT_FUNCTIONS} functions, found {n}"),
            None,
        );
    }
    let x_range = p.x_range.unwrap_or(PLOT_RANGE);
    let [lo, hi] = x_range;
    if !(lo.is_finite() && hi.is_finite() && lo < hi) {
        c.report(
            key(path, "x_range"),
            format!("the range [{lo}, {hi}] must be two finite numbers, the smaller first"),
            None,
        );
    }
    let marks = p.marks.clone().unwrap_or_default();
    if marks.len() > MAX_PLOT_MARKS {
        c.report(
            key(path, "marks"),
            format!(
                "{} marks is over the limit of {MAX_PLOT_MARKS}",
                marks.len()
            ),
            None,
        );
    }
    for (i, m) in marks.iter().enumerate() {
        if !m.is_finite() {
            c.report(
                idx(&key(path, "marks"), i),
                "a mark must be a finite number",
                None,
            );
        }
    }
    let saturation = p.saturation.as_ref().and_then(|s| {
        let sp = key(path, "saturation");
        // A plot keeps every step (the plain form prints each): the
        // exercise may ask for more, but must end within the plot's limit.
        let mut bounded = *s;
        bounded.max_steps = s.max_steps.min(MAX_PLOT_STEPS);
        match bounded.resolve(&sp) {
            Ok(sat) => {
                let cut = matches!(sat.run().end, SaturationEnd::MaxSteps { .. });
                if cut && s.max_steps > MAX_PLOT_STEPS {
                    c.report(
                        sp,
                        format!(
                            "the exercise does not end within {MAX_PLOT_STEPS} steps, the most a plot shows"
                        ),
                        Some("a larger η, or a start or target nearer the middle".into()),
                    );
                    return None;
                }
                Some(sat)
            }
            Err(errors) => {
                for e in errors {
                    c.report(e.path, e.problem.to_string(), e.hint.map(|h| h.to_string()));
                }
                None
            }
        }
    });
    Some(Plot {
        functions: p.functions.clone(),
        derivatives: p.derivatives.unwrap_or(true),
        x_range,
        marks,
        saturation,
    })
}
