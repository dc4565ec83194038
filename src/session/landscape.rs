//! A loss landscape as the learner drives it: the runs of a `landscape`
//! step advanced together, each recording the path its two drawn
//! parameters take, the loss grid under them, and the picture both front
//! ends draw — contour lines numbered by level, each run's path in its own
//! mark, the optimum. UI-free: the TUI plays it live and lets the learner
//! change η; the plain runner runs it to the end and prints the picture and
//! a table of the path's numbers.

use std::time::{Duration, Instant};

use crate::engine::landscape::{GridAxis, GridScratch, LossGrid, ParamPath, ParamRef};
use crate::engine::{EngineError, Network, StopReason, normal_equation};
use crate::lesson::model_views::{Fixed, Landscape as Spec, MAX_PATH_STEPS};
use crate::lesson::{Lang, Text};
use crate::session::training::ReplayError;
use crate::spec::Resolved;

/// Contour levels drawn (numbered 1 to 8 from the lowest).
pub const LEVELS: usize = 8;
/// How much one press of ] or [ multiplies every run's η by (as on the
/// training dashboard).
pub const RATE_FACTOR: f64 = 2.0;
/// Epochs per second while playing.
const EPOCHS_PER_SECOND: f64 = 4.0;

/// One axis of the picture: the parameter, its name and the span drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub name: String,
    pub param: ParamRef,
    pub lo: f64,
    pub hi: f64,
}

/// What one cell of the picture shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Empty,
    /// On the contour line of level n (1 = lowest).
    Level(u8),
    /// The least-squares optimum.
    Optimum,
    /// On run i's path.
    Path(u8),
    /// Run i's current point.
    Head(u8),
}

/// The picture: `rows` rows of `cols` marks, row 0 at the top (the
/// largest value of the vertical axis).
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub cols: usize,
    pub rows: usize,
    pub marks: Vec<Mark>,
    /// The loss at each contour level, lowest first.
    pub levels: Vec<f64>,
}

impl Picture {
    #[must_use]
    pub fn at(&self, col: usize, row: usize) -> Mark {
        self.marks[row * self.cols + col]
    }
}

/// Where a run stands, as its legend line shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct PathRow {
    pub name: Text,
    pub learning_rate: f64,
    pub epoch: usize,
    pub iteration: u64,
    pub loss: Option<f64>,
    /// The drawn parameters now.
    pub x: f64,
    pub y: f64,
    /// Whether the current point lies inside the picture.
    pub inside: bool,
    pub stopped: Option<StopReason>,
}

/// The live runs of one landscape step.
#[derive(Clone, Debug)]
pub struct Landscape {
    names: Vec<Text>,
    initial: Vec<Resolved>,
    runs: Vec<Resolved>,
    /// The lesson's η of each run; the runs use these times `scale`.
    lesson_rates: Vec<f64>,
    scale: f64,
    paths: Vec<ParamPath>,
    /// The network whose parameters off the axes the grid keeps.
    base: Network,
    pub x: Axis,
    pub y: Axis,
    /// The drawn parameters at the least-squares optimum, if there is one.
    pub optimum: Option<(f64, f64)>,
    playing: bool,
    last_step: Option<Instant>,
}

impl Landscape {
    /// The runs of `spec` (already resolved, in order, named by `names`),
    /// paused at their start.
    pub fn new(spec: &Spec, names: Vec<Text>, runs: Vec<Resolved>) -> Result<Self, EngineError> {
        let first = runs.first().ok_or(EngineError::InvalidValue {
            name: "a landscape's runs",
            expected: "at least one",
            found: "0".into(),
        })?;
        let mut base = first.trainer.network().clone();
        let solution = if crate::lesson::model_views::linear_least_squares(&base) {
            let set = first.trainer.train_set();
            normal_equation::solve(&set.x, &set.y, &first.info.features).ok()
        } else {
            None
        };
        if let (Fixed::Optimum, Some((w, b))) = (spec.fixed, &solution) {
            let layer =
                crate::engine::Dense::new(w.clone(), b.clone(), base.layers()[0].activation)?;
            base.set_layers(vec![layer])?;
        }
        let optimum = match &solution {
            Some(_) if spec.fixed == Fixed::Optimum => {
                Some((base.param(spec.x.param)?, base.param(spec.y.param)?))
            }
            Some((w, b)) => {
                let mut probe = base.clone();
                let l =
                    crate::engine::Dense::new(w.clone(), b.clone(), base.layers()[0].activation)?;
                probe.set_layers(vec![l])?;
                Some((probe.param(spec.x.param)?, probe.param(spec.y.param)?))
            }
            None => None,
        };
        let starts: Vec<(f64, f64)> = (runs.iter())
            .map(|r| {
                let n = r.trainer.network();
                Ok((n.param(spec.x.param)?, n.param(spec.y.param)?))
            })
            .collect::<Result<_, EngineError>>()?;
        let span = |range: Option<[f64; 2]>, pick: fn(&(f64, f64)) -> f64| match range {
            Some([lo, hi]) => (lo, hi),
            None => fit_span(starts.iter().map(pick), optimum.as_ref().map(pick)),
        };
        let (mut xl, mut xh) = span(spec.x.range, |p| p.0);
        let (mut yl, mut yh) = span(spec.y.range, |p| p.1);
        // Fitted axes get one span, so a round bowl is drawn round-ish and
        // a narrow valley narrow: the picture's shape is the loss's.
        let half = ((xh - xl).max(yh - yl)) / 2.0;
        if spec.x.range.is_none() {
            let c = (xl + xh) / 2.0;
            (xl, xh) = (c - half, c + half);
        }
        if spec.y.range.is_none() {
            let c = (yl + yh) / 2.0;
            (yl, yh) = (c - half, c + half);
        }
        let limit = usize::try_from(MAX_PATH_STEPS).unwrap_or(usize::MAX) + 1;
        let mut paths = Vec::new();
        for r in &runs {
            let mut p = ParamPath::new(spec.x.param, spec.y.param, limit);
            p.record(0, r.trainer.network())?;
            paths.push(p);
        }
        Ok(Self {
            names,
            lesson_rates: runs
                .iter()
                .map(|r| r.trainer.config().learning_rate)
                .collect(),
            initial: runs.clone(),
            runs,
            scale: 1.0,
            paths,
            base,
            x: Axis {
                name: spec.x.name.clone(),
                param: spec.x.param,
                lo: xl,
                hi: xh,
            },
            y: Axis {
                name: spec.y.name.clone(),
                param: spec.y.param,
                lo: yl,
                hi: yh,
            },
            optimum,
            playing: false,
            last_step: None,
        })
    }

    /// The runs, in order.
    #[must_use]
    pub fn runs(&self) -> &[Resolved] {
        &self.runs
    }

    /// Each run's path: (iteration, x, y) from the start.
    #[must_use]
    pub fn paths(&self) -> &[ParamPath] {
        &self.paths
    }

    #[must_use]
    pub fn playing(&self) -> bool {
        self.playing
    }

    /// What every run's η is multiplied by (1 as the lesson set it).
    #[must_use]
    pub fn rate_scale(&self) -> f64 {
        self.scale
    }

    /// Whether every run has stopped.
    #[must_use]
    pub fn finished(&self) -> bool {
        self.runs.iter().all(|r| r.trainer.stopped().is_some())
    }

    /// Plays or pauses; a finished landscape stays paused.
    pub fn toggle_play(&mut self) -> bool {
        self.playing = !self.playing && !self.finished();
        self.last_step = None;
        self.playing
    }

    /// One epoch of every unfinished run, each step recorded (and pauses).
    pub fn step_epoch(&mut self) -> Result<(), EngineError> {
        self.playing = false;
        self.advance_epoch()
    }

    /// One gradient step of every unfinished run (and pauses).
    pub fn step_iteration(&mut self) -> Result<(), EngineError> {
        self.playing = false;
        for (r, p) in self.runs.iter_mut().zip(&mut self.paths) {
            if r.trainer.stopped().is_none() {
                let s = r.trainer.step_iteration()?;
                p.record(s.iteration, r.trainer.network())?;
            }
        }
        Ok(())
    }

    fn advance_epoch(&mut self) -> Result<(), EngineError> {
        for (r, p) in self.runs.iter_mut().zip(&mut self.paths) {
            let epoch = r.trainer.history().last().map_or(0, |h| h.epoch);
            while r.trainer.stopped().is_none()
                && r.trainer.history().last().map_or(0, |h| h.epoch) == epoch
            {
                let s = r.trainer.step_iteration()?;
                p.record(s.iteration, r.trainer.network())?;
            }
        }
        Ok(())
    }

    /// Every run to its end.
    pub fn run_all(&mut self) -> Result<(), EngineError> {
        self.playing = false;
        while !self.finished() {
            self.advance_epoch()?;
        }
        Ok(())
    }

    /// Every run back to its start, with η as now scaled, paused.
    pub fn restart(&mut self) -> Result<(), EngineError> {
        self.runs = self.initial.clone();
        for ((r, p), lr) in (self.runs.iter_mut())
            .zip(&mut self.paths)
            .zip(&self.lesson_rates)
        {
            r.trainer.set_learning_rate(lr * self.scale)?;
            p.clear();
            p.record(0, r.trainer.network())?;
        }
        self.playing = false;
        Ok(())
    }

    /// Multiplies every run's η by `factor` and restarts them, so each
    /// path is drawn afresh with the new step size.
    pub fn scale_learning_rate(&mut self, factor: f64) -> Result<(), EngineError> {
        let scale = self.scale * factor;
        if !(scale.is_finite() && scale > 0.0) {
            return Err(EngineError::InvalidValue {
                name: "the learning rate",
                expected: "a finite number > 0",
                found: scale.to_string(),
            });
        }
        self.scale = scale;
        self.restart()
    }

    /// Gradient steps each run has taken, in order: with
    /// [`Landscape::rate_scale`], what a state code keeps of this step.
    #[must_use]
    pub fn iterations(&self) -> Vec<u64> {
        self.runs.iter().map(|r| r.trainer.iteration()).collect()
    }

    /// Rebuilds the state a code names: every η times `scale`, each run
    /// `iterations[i]` gradient steps on (paused). The code is untrusted:
    /// a run count that is not the step's, or more steps than a run takes,
    /// is refused.
    pub fn replay(&mut self, scale: f64, iterations: &[u64]) -> Result<(), ReplayError> {
        if iterations.len() != self.runs.len() {
            return Err(ReplayError::RunCount {
                code: iterations.len(),
                step: self.runs.len(),
            });
        }
        let settings = |e: EngineError| ReplayError::Settings(e.to_string());
        if !(scale.is_finite() && scale > 0.0) {
            return Err(ReplayError::Settings(scale.to_string()));
        }
        self.scale = scale;
        self.restart().map_err(settings)?;
        self.step_to(iterations)
    }

    /// Takes each run on to `iterations[i]` gradient steps (a run already
    /// there or past it stays).
    fn step_to(&mut self, iterations: &[u64]) -> Result<(), ReplayError> {
        let settings = |e: EngineError| ReplayError::Settings(e.to_string());
        for ((r, p), &wanted) in self.runs.iter_mut().zip(&mut self.paths).zip(iterations) {
            while r.trainer.iteration() < wanted {
                if r.trainer.stopped().is_some() || r.trainer.iteration() >= MAX_PATH_STEPS {
                    return Err(ReplayError::StopsEarly {
                        wanted,
                        stopped: r.trainer.iteration(),
                    });
                }
                let s = r.trainer.step_iteration().map_err(settings)?;
                p.record(s.iteration, r.trainer.network())
                    .map_err(settings)?;
            }
        }
        Ok(())
    }

    /// Follows another showing of this step (a class's instructor): every
    /// η times `scale`, each run `iterations[i]` gradient steps on, playing
    /// or not. Runs behind step on; it starts again when η changed, or
    /// when paused behind a run here (while playing, a run a little ahead
    /// is the time between two messages and stays).
    pub fn follow(
        &mut self,
        scale: f64,
        iterations: &[u64],
        playing: bool,
    ) -> Result<(), ReplayError> {
        let ahead = (self.runs.iter().zip(iterations)).any(|(r, &w)| r.trainer.iteration() > w);
        let same_rate = scale.to_bits() == self.scale.to_bits();
        if !same_rate || iterations.len() != self.runs.len() || (ahead && !playing) {
            self.replay(scale, iterations)?;
        } else {
            self.step_to(iterations)?;
        }
        if self.playing != playing {
            self.toggle_play();
        }
        Ok(())
    }

    /// Back to the lesson's η and the start.
    pub fn reset(&mut self) -> Result<(), EngineError> {
        self.scale = 1.0;
        self.restart()
    }

    /// While playing, advances every run by an epoch each time one is due
    /// at the playing speed (time comes in as `now`); true when anything
    /// changed. Stops playing when all runs have finished.
    pub fn tick(&mut self, now: Instant) -> bool {
        if !self.playing {
            return false;
        }
        let due = self.last_step.is_none_or(|t| {
            now.saturating_duration_since(t) >= Duration::from_secs_f64(1.0 / EPOCHS_PER_SECOND)
        });
        if !due {
            return false;
        }
        self.last_step = Some(now);
        let ok = self.advance_epoch().is_ok();
        if !ok || self.finished() {
            self.playing = false;
        }
        true
    }

    /// The loss over a grid of `cols` × `rows` cells spanning the picture.
    pub fn grid(&self, cols: usize, rows: usize) -> Result<LossGrid, EngineError> {
        let axis = |a: &Axis, cells| GridAxis {
            param: a.param,
            lo: a.lo,
            hi: a.hi,
            cells,
        };
        let mut grid = LossGrid::new(axis(&self.x, cols), axis(&self.y, rows));
        let set = self.runs[0].trainer.train_set();
        let (x, y) = (
            set.x.as_standard_layout().into_owned(),
            set.y.as_standard_layout().into_owned(),
        );
        let (xs, ys) = (x.as_slice().unwrap_or(&[]), y.as_slice().unwrap_or(&[]));
        grid.fill(&self.base, xs, ys, &mut GridScratch::default())?;
        Ok(grid)
    }

    /// The picture of `grid` with every run's path drawn on it.
    #[must_use]
    pub fn picture(&self, grid: &LossGrid) -> Picture {
        let (cols, rows) = (grid.x.cells, grid.y.cells);
        let levels = levels(grid);
        let mut marks = contours(grid, &levels);
        let mut put = |c: usize, r: usize, m: Mark| marks[(rows - 1 - r) * cols + c] = m;
        // Each recorded point, not the segments between them: a zig-zag
        // then shows as points on alternate sides of the valley.
        for (i, p) in self.paths.iter().enumerate() {
            let id = u8::try_from(i).unwrap_or(u8::MAX);
            for &(_, x, y) in p.points() {
                if let (Some(c), Some(r)) = (grid.x.cell_of(x), grid.y.cell_of(y)) {
                    put(c, r, Mark::Path(id));
                }
            }
        }
        if let Some((ox, oy)) = self.optimum
            && let (Some(c), Some(r)) = (grid.x.cell_of(ox), grid.y.cell_of(oy))
        {
            put(c, r, Mark::Optimum);
        }
        for (i, p) in self.paths.iter().enumerate() {
            if let Some(&(_, x, y)) = p.points().last()
                && let (Some(c), Some(r)) = (grid.x.cell_of(x), grid.y.cell_of(y))
            {
                put(c, r, Mark::Head(u8::try_from(i).unwrap_or(u8::MAX)));
            }
        }
        Picture {
            cols,
            rows,
            marks,
            levels,
        }
    }

    /// One legend row per run.
    #[must_use]
    pub fn rows(&self) -> Vec<PathRow> {
        (self.names.iter().zip(&self.runs).zip(&self.paths))
            .map(|((name, r), p)| {
                let t = &r.trainer;
                let last = t.history().last();
                let (x, y) = p
                    .points()
                    .last()
                    .map_or((f64::NAN, f64::NAN), |q| (q.1, q.2));
                PathRow {
                    name: name.clone(),
                    learning_rate: t.config().learning_rate,
                    epoch: last.map_or(0, |h| h.epoch),
                    iteration: p.points().last().map_or(0, |q| q.0),
                    loss: last.map(|h| h.train_loss),
                    x,
                    y,
                    inside: (self.x.lo..self.x.hi).contains(&x)
                        && (self.y.lo..self.y.hi).contains(&y),
                    stopped: t.stopped().cloned(),
                }
            })
            .collect()
    }

    /// The name of run `i`.
    #[must_use]
    pub fn name(&self, i: usize, lang: Lang) -> &str {
        self.names.get(i).map_or("", |n| n.get(lang))
    }
}

/// A span around the starting points and the optimum, with a margin, and
/// never narrower than 1.
fn fit_span(starts: impl Iterator<Item = f64>, optimum: Option<f64>) -> (f64, f64) {
    let pts: Vec<f64> = starts.chain(optimum).filter(|v| v.is_finite()).collect();
    let lo = pts.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = pts.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() {
        return (-1.0, 1.0);
    }
    let centre = optimum.filter(|v| v.is_finite()).unwrap_or((lo + hi) / 2.0);
    let half = ((hi - centre).max(centre - lo) * 1.4).max(0.5);
    (centre - half, centre + half)
}

/// [`LEVELS`] losses between the grid's smallest and largest, spaced as
/// the squares 1/9², 2/9², … of the span: the contours of a bowl are then
/// evenly spaced rings.
fn levels(grid: &LossGrid) -> Vec<f64> {
    let Some((lo, hi)) = grid.finite_range() else {
        return Vec::new();
    };
    let n = LEVELS as f64 + 1.0;
    (1..=LEVELS)
        .map(|k| lo + (hi - lo) * (k as f64 / n).powi(2))
        .collect()
}

/// Each cell on the outer side of a contour line: its own band (levels
/// below its value) is above a 4-neighbour's. Row 0 of the result is the
/// top of the picture.
fn contours(grid: &LossGrid, levels: &[f64]) -> Vec<Mark> {
    let (cols, rows) = (grid.x.cells, grid.y.cells);
    let band = |c: usize, r: usize| {
        let v = grid.at(c, r);
        if v.is_finite() {
            levels.iter().filter(|l| **l < v).count()
        } else {
            levels.len()
        }
    };
    let mut marks = vec![Mark::Empty; cols * rows];
    for r in 0..rows {
        for c in 0..cols {
            let b = band(c, r);
            let lower = [
                (c > 0).then(|| band(c - 1, r)),
                (c + 1 < cols).then(|| band(c + 1, r)),
                (r > 0).then(|| band(c, r - 1)),
                (r + 1 < rows).then(|| band(c, r + 1)),
            ]
            .into_iter()
            .flatten()
            .any(|n| n < b);
            if lower {
                marks[(rows - 1 - r) * cols + c] = Mark::Level(u8::try_from(b).unwrap_or(u8::MAX));
            }
        }
    }
    marks
}
