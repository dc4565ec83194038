//! Gradient questions generated from the engine: a model (layers, loss),
//! where the numbers come from (fixed, or drawn from a seeded stream within
//! ranges) and the quantity asked for. [`GradientSpec::case`] builds the
//! concrete case for one seed; the engine's own forward and backward pass
//! give the answer.

use super::case::Case;
pub use super::gradient_raw::{RawFixed, RawGradient, RawRandom, RawWeights};
use super::quantity::Quantity;
use super::tolerance::Tolerance;
use crate::engine::{Activation, Dense, EngineError, LayerSpec, Loss, Network};
use crate::rng::SeededRng;
use ndarray::Array2;

/// A checked gradient question.
#[derive(Clone, Debug, PartialEq)]
pub struct GradientSpec {
    pub inputs: usize,
    pub layers: Vec<LayerSpec>,
    pub loss: Loss,
    pub source: Source,
    pub ask: Quantity,
    pub tolerance: Tolerance,
    /// The shared-case name, if any: it replaces the question id in the seed.
    pub case: Option<String>,
}

/// Where the numbers of a case come from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// The same for everyone: X (m, n), Y (m, k), and (W, B) per layer.
    Fixed {
        x: Array2<f64>,
        y: Array2<f64>,
        weights: Vec<(Array2<f64>, Array2<f64>)>,
    },
    Random(Ranges),
}

/// Checked ranges of a random case.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ranges {
    pub x: (f64, f64),
    pub w: (f64, f64),
    pub b: (f64, f64),
    pub y: (f64, f64),
    pub samples: usize,
    pub decimals: u32,
}

/// A problem in a gradient question: the key path below the question's
/// kind key (`["fixed", "weights", "1", "w"]`), the message and a hint.
#[derive(Clone, Debug, PartialEq)]
pub struct SpecProblem {
    pub at: Vec<Field>,
    pub message: String,
    pub hint: Option<String>,
}

/// One step of a key path inside a gradient question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Key(&'static str),
    Index(usize),
}

fn problem(at: &[Field], message: impl Into<String>, hint: Option<&str>) -> SpecProblem {
    SpecProblem {
        at: at.to_vec(),
        message: message.into(),
        hint: hint.map(str::to_string),
    }
}

/// At most this many samples, inputs or units: a case is worked by hand.
pub const MAX_SIZE: usize = 8;

impl GradientSpec {
    /// Checks a written question; every problem found is returned.
    ///
    /// # Errors
    /// The problems, each with where it is.
    pub fn check(raw: &RawGradient) -> Result<Self, Vec<SpecProblem>> {
        use Field::Key;
        let mut out = Vec::new();
        let sizes = std::iter::once(raw.inputs).chain(raw.layers.iter().map(|l| l.units));
        if raw.layers.is_empty() || sizes.into_iter().any(|n| n == 0 || n > MAX_SIZE) {
            out.push(problem(
                &[Key("layers")],
                format!("a worked case needs 1 to {MAX_SIZE} inputs and units per layer, and at least one layer"),
                None,
            ));
        }
        let ask = Quantity::parse(&raw.ask, raw.layers.len().max(1))
            .map_err(|m| out.push(problem(&[Key("ask")], m, None)))
            .ok();
        let source = match (&raw.fixed, &raw.random) {
            (Some(f), None) => fixed(raw, f, &mut out),
            (None, Some(r)) => random(r, &mut out),
            (Some(_), Some(_)) => {
                out.push(problem(
                    &[Key("random")],
                    "give fixed or random numbers, not both",
                    None,
                ));
                None
            }
            (None, None) => {
                out.push(problem(
                    &[Key("ask")],
                    "the question needs numbers: fixed: {x, y, weights} or random: {x: [lo, hi], w: [lo, hi]}",
                    None,
                ));
                None
            }
        };
        let tolerance = check_tolerance(raw.abs, raw.rel, Tolerance::BY_HAND, &mut out);
        let (Some(ask), Some(source), true) = (ask, source, out.is_empty()) else {
            return Err(out);
        };
        let spec = GradientSpec {
            inputs: raw.inputs,
            layers: raw.layers.clone(),
            loss: raw.loss,
            source,
            ask,
            tolerance,
            case: raw.case.clone(),
        };
        // Builds one case: the engine checks that the layers connect and the
        // loss suits the output.
        match spec.case(0) {
            Ok(_) => Ok(spec),
            Err(e) => Err(vec![problem(&[Key("layers")], e.to_string(), None)]),
        }
    }

    /// The case for `seed` (ignored by fixed numbers).
    ///
    /// # Errors
    /// When the model does not fit the numbers (a checked spec never fails).
    pub fn case(&self, seed: u64) -> Result<Case, EngineError> {
        let (x, y, weights) = match &self.source {
            Source::Fixed { x, y, weights } => (x.clone(), y.clone(), weights.clone()),
            Source::Random(r) => draw(self, r, seed),
        };
        let layers = (weights.into_iter().zip(&self.layers))
            .map(|((w, b), spec)| Dense::new(w, b, spec.activation))
            .collect::<Result<Vec<_>, _>>()?;
        let network = Network::from_layers(layers, self.loss)?;
        Case::new(network, x, y, self.ask, self.tolerance)
    }
}

/// Checks `abs` and `rel`; neither given means `default`.
pub fn check_tolerance(
    abs: Option<f64>,
    rel: Option<f64>,
    default: Tolerance,
    out: &mut Vec<SpecProblem>,
) -> Tolerance {
    for (name, v, max) in [("abs", abs, f64::INFINITY), ("rel", rel, 1.0)] {
        if let Some(v) = v.filter(|v| !(*v >= 0.0 && *v < max)) {
            let below = if max < f64::INFINITY {
                " and below 1"
            } else {
                ""
            };
            out.push(problem(
                &[Field::Key(name)],
                format!("the tolerance {name} must be ≥ 0{below}, found {v}"),
                Some("abs is a distance (0.01); rel a fraction of the answer (0.01 = 1 %)"),
            ));
        }
    }
    match (abs, rel) {
        (None, None) => default,
        (a, r) => Tolerance {
            abs: a.unwrap_or(0.0),
            rel: r.unwrap_or(0.0),
        },
    }
}

fn rows(
    at: &[Field],
    v: &[Vec<f64>],
    shape: (usize, usize),
    out: &mut Vec<SpecProblem>,
) -> Option<Array2<f64>> {
    let found = (v.len(), v.first().map_or(0, Vec::len));
    if found != shape || v.iter().any(|r| r.len() != shape.1) {
        let ragged = v.iter().any(|r| r.len() != found.1);
        let found = if ragged {
            format!("{} rows of unequal length", v.len())
        } else {
            format!("{}×{}", found.0, found.1)
        };
        out.push(problem(
            at,
            format!(
                "expected {}×{} (rows × columns), found {found}",
                shape.0, shape.1
            ),
            Some("X is samples × inputs, Y samples × outputs, W inputs × units"),
        ));
        return None;
    }
    if v.iter().flatten().any(|x| !x.is_finite()) {
        out.push(problem(at, "every value must be a finite number", None));
        return None;
    }
    Array2::from_shape_vec(shape, v.concat()).ok()
}

fn fixed(raw: &RawGradient, f: &RawFixed, out: &mut Vec<SpecProblem>) -> Option<Source> {
    use Field::{Index, Key};
    let m = f.x.len();
    if m == 0 || m > MAX_SIZE {
        out.push(problem(
            &[Key("fixed"), Key("x")],
            format!("give 1 to {MAX_SIZE} samples"),
            None,
        ));
        return None;
    }
    let k = raw.layers.last().map_or(1, |l| l.units);
    let x = rows(&[Key("fixed"), Key("x")], &f.x, (m, raw.inputs), out);
    let y = rows(&[Key("fixed"), Key("y")], &f.y, (m, k), out);
    if f.weights.len() != raw.layers.len() {
        out.push(problem(
            &[Key("fixed"), Key("weights")],
            format!(
                "the model has {} layers, but {} weights are given",
                raw.layers.len(),
                f.weights.len()
            ),
            Some("one {w: [[…]], b: […]} per layer, nearest the inputs first"),
        ));
        return None;
    }
    let mut weights = Vec::new();
    let mut n_in = raw.inputs;
    for (i, (wb, spec)) in f.weights.iter().zip(&raw.layers).enumerate() {
        let at = [Key("fixed"), Key("weights"), Index(i)];
        let w = rows(
            &[&at[..], &[Key("w")]].concat(),
            &wb.w,
            (n_in, spec.units),
            out,
        );
        let b_rows = vec![wb.b.clone().unwrap_or_else(|| vec![0.0; spec.units])];
        let b = rows(
            &[&at[..], &[Key("b")]].concat(),
            &b_rows,
            (1, spec.units),
            out,
        );
        weights.push(w.zip(b));
        n_in = spec.units;
    }
    let weights: Option<Vec<_>> = weights.into_iter().collect();
    Some(Source::Fixed {
        x: x?,
        y: y?,
        weights: weights?,
    })
}

fn random(r: &RawRandom, out: &mut Vec<SpecProblem>) -> Option<Source> {
    use Field::Key;
    let mut range = |name: &'static str, v: [f64; 2]| {
        if !(v[0].is_finite() && v[1].is_finite() && v[0] < v[1]) {
            out.push(problem(
                &[Key("random"), Key(name)],
                format!(
                    "a range is [low, high] with low < high, found [{}, {}]",
                    v[0], v[1]
                ),
                None,
            ));
        }
        (v[0], v[1])
    };
    let ranges = Ranges {
        x: range("x", r.x),
        w: range("w", r.w),
        b: range("b", r.b.unwrap_or(r.w)),
        y: range("y", r.y.unwrap_or(r.x)),
        samples: r.samples.unwrap_or(1),
        decimals: r.decimals.unwrap_or(2),
    };
    if !(1..=MAX_SIZE).contains(&ranges.samples) {
        out.push(problem(
            &[Key("random"), Key("samples")],
            format!("give 1 to {MAX_SIZE} samples"),
            None,
        ));
    }
    if ranges.decimals > 6 {
        out.push(problem(
            &[Key("random"), Key("decimals")],
            "at most 6 decimals",
            None,
        ));
    }
    Some(Source::Random(ranges))
}

type Drawn = (Array2<f64>, Array2<f64>, Vec<(Array2<f64>, Array2<f64>)>);

/// Draws the numbers of a random case, each rounded to the ranges' decimals
/// so that the learner sees exactly the numbers the engine uses.
fn draw(spec: &GradientSpec, r: &Ranges, seed: u64) -> Drawn {
    let mut rng = SeededRng::derived(seed, "gradient-case");
    let scale = 10f64.powi(r.decimals as i32);
    let mut uniform = |(lo, hi): (f64, f64), shape: (usize, usize)| {
        Array2::from_shape_fn(shape, |_| (rng.uniform_in(lo, hi) * scale).round() / scale)
    };
    let m = r.samples;
    let x = uniform(r.x, (m, spec.inputs));
    let mut weights = Vec::new();
    let mut n_in = spec.inputs;
    for l in &spec.layers {
        weights.push((uniform(r.w, (n_in, l.units)), uniform(r.b, (1, l.units))));
        n_in = l.units;
    }
    let k = spec.layers.last().map_or(1, |l| l.units);
    let y = match spec.loss {
        Loss::Mse => uniform(r.y, (m, k)),
        Loss::BinaryCrossEntropy => {
            let mut rng = SeededRng::derived(seed, "gradient-class");
            Array2::from_shape_fn((m, k), |_| rng.below(2) as f64)
        }
        Loss::SoftmaxCrossEntropy => {
            let mut rng = SeededRng::derived(seed, "gradient-class");
            let mut y = Array2::zeros((m, k));
            for row in 0..m {
                y[(row, rng.below(k as u64) as usize)] = 1.0;
            }
            y
        }
    };
    (x, y, weights)
}

/// Whether an activation's derivative, written with A, differs when Z is
/// put in A's place (sigmoid and tanh).
#[must_use]
pub fn derivative_uses_a(act: Activation) -> bool {
    matches!(act, Activation::Sigmoid | Activation::Tanh)
}
