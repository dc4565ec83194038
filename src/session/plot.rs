//! A function plot as the learner drives it: the curves and their
//! derivatives sampled for drawing, the marked points with their values,
//! and the saturation exercise stepped one step at a time on the first
//! curve, with η changed live. UI-free: both front ends draw a [`PlotState`].

use std::time::{Duration, Instant};

use crate::engine::EngineError;
use crate::engine::curve::Curve;
use crate::engine::saturation::{Saturation, SaturationRun};
use crate::lesson::model_views::Plot;
use crate::session::training::ReplayError;

/// How much one press of ] or [ multiplies η by.
pub const RATE_FACTOR: f64 = 2.0;
/// Steps per second while playing.
const STEPS_PER_SECOND: f64 = 8.0;

/// One marked point: z, f(z) and f′(z).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkRow {
    pub curve: Curve,
    pub z: f64,
    pub value: f64,
    pub slope: f64,
}

/// The state of one plot step.
#[derive(Clone, Debug)]
pub struct PlotState {
    plot: Plot,
    /// The exercise with η as now set, run to its end, and how many of its
    /// steps are shown.
    exercise: Option<(Saturation, SaturationRun)>,
    shown: usize,
    playing: bool,
    last_step: Option<Instant>,
}

impl PlotState {
    #[must_use]
    pub fn new(plot: Plot) -> Self {
        let exercise = plot.saturation.map(|s| (s, s.run()));
        Self {
            plot,
            exercise,
            shown: 0,
            playing: false,
            last_step: None,
        }
    }

    #[must_use]
    pub fn plot(&self) -> &Plot {
        &self.plot
    }

    /// `n` evenly spaced points (z, f(z)) or (z, f′(z)) across the range.
    #[must_use]
    pub fn samples(&self, curve: Curve, derivative: bool, n: usize) -> Vec<(f64, f64)> {
        let [lo, hi] = self.plot.x_range;
        let n = n.max(2);
        (0..n)
            .map(|i| {
                let z = lo + (hi - lo) * i as f64 / (n - 1) as f64;
                let v = if derivative {
                    curve.derivative(z)
                } else {
                    curve.value(z)
                };
                (z, v)
            })
            .collect()
    }

    /// The marked points on every curve.
    #[must_use]
    pub fn marks(&self) -> Vec<MarkRow> {
        (self.plot.functions.iter())
            .flat_map(|&curve| {
                self.plot.marks.iter().map(move |&z| MarkRow {
                    curve,
                    z,
                    value: curve.value(z),
                    slope: curve.derivative(z),
                })
            })
            .collect()
    }

    /// The exercise (settings with η as now set, and every step), if any.
    #[must_use]
    pub fn exercise(&self) -> Option<&(Saturation, SaturationRun)> {
        self.exercise.as_ref()
    }

    /// How many steps of the exercise are shown (0: only the start).
    #[must_use]
    pub fn shown(&self) -> usize {
        self.shown
    }

    #[must_use]
    pub fn playing(&self) -> bool {
        self.playing
    }

    /// Whether every step of the exercise is shown.
    #[must_use]
    pub fn finished(&self) -> bool {
        self.exercise
            .as_ref()
            .is_none_or(|(_, r)| self.shown + 1 >= r.states.len())
    }

    /// One more step (and pauses).
    pub fn step(&mut self) {
        self.playing = false;
        if !self.finished() {
            self.shown += 1;
        }
    }

    /// Plays or pauses the steps; at the end it stays paused.
    pub fn toggle_play(&mut self) -> bool {
        self.playing = !self.playing && !self.finished();
        self.last_step = None;
        self.playing
    }

    /// Back to the start, paused.
    pub fn restart(&mut self) {
        self.shown = 0;
        self.playing = false;
    }

    /// Every step shown.
    pub fn run_all(&mut self) {
        if let Some((_, r)) = &self.exercise {
            self.shown = r.states.len().saturating_sub(1);
        }
        self.playing = false;
    }

    /// Multiplies η by `factor`, runs the exercise again and restarts it.
    pub fn scale_learning_rate(&mut self, factor: f64) -> Result<f64, EngineError> {
        let Some((s, _)) = &self.exercise else {
            return Ok(0.0);
        };
        let s = Saturation::new(
            s.activation,
            s.z0,
            s.target,
            s.learning_rate * factor,
            s.max_steps,
        )?;
        self.exercise = Some((s, s.run()));
        self.restart();
        Ok(s.learning_rate)
    }

    /// The exercise's η as the lesson sets it and as now set, if the plot
    /// has an exercise: with [`PlotState::shown`], what a state code keeps.
    #[must_use]
    pub fn learning_rates(&self) -> Option<(f64, f64)> {
        let lesson = self.plot.saturation?.learning_rate;
        Some((lesson, self.exercise.as_ref()?.0.learning_rate))
    }

    /// Rebuilds the state a code names: the exercise run with η =
    /// `learning_rate` and `shown` of its steps shown (paused). A code is
    /// untrusted: a step past the exercise's end is refused.
    pub fn replay(&mut self, learning_rate: f64, shown: u64) -> Result<(), ReplayError> {
        let Some(s) = self.plot.saturation else {
            return Err(ReplayError::RunCount { code: 1, step: 0 });
        };
        let s = Saturation::new(s.activation, s.z0, s.target, learning_rate, s.max_steps)
            .map_err(|e| ReplayError::Settings(e.to_string()))?;
        let run = s.run();
        let last = run.states.len().saturating_sub(1);
        let shown_at = usize::try_from(shown).ok().filter(|&n| n <= last);
        let Some(n) = shown_at else {
            return Err(ReplayError::StopsEarly {
                wanted: shown,
                stopped: last as u64,
            });
        };
        self.exercise = Some((s, run));
        self.shown = n;
        self.playing = false;
        Ok(())
    }

    /// Follows another showing of this step (a class's instructor): the
    /// exercise with η = `learning_rate`, `shown` of its steps shown,
    /// playing or not. While playing, being a step or two ahead is the
    /// time between two messages and stays.
    pub fn follow(
        &mut self,
        learning_rate: f64,
        shown: u64,
        playing: bool,
    ) -> Result<(), ReplayError> {
        let same_rate = (self.exercise.as_ref())
            .is_some_and(|(s, _)| s.learning_rate.to_bits() == learning_rate.to_bits());
        let now = self.shown as u64;
        if !same_rate || now < shown || (now > shown && !playing) {
            self.replay(learning_rate, shown)?;
        }
        if self.playing != playing {
            self.toggle_play();
        }
        Ok(())
    }

    /// Back to the lesson's η and the start.
    pub fn reset(&mut self) {
        self.exercise = self.plot.saturation.map(|s| (s, s.run()));
        self.restart();
    }

    /// While playing, one step each time one is due; true when it moved.
    pub fn tick(&mut self, now: Instant) -> bool {
        if !self.playing {
            return false;
        }
        let due = self.last_step.is_none_or(|t| {
            now.saturating_duration_since(t) >= Duration::from_secs_f64(1.0 / STEPS_PER_SECOND)
        });
        if !due {
            return false;
        }
        self.last_step = Some(now);
        self.shown += 1;
        if self.finished() {
            self.playing = false;
        }
        true
    }
}

/// What one cell of a curve's picture shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CurveMark {
    Empty,
    /// The z axis (f = 0) or the line z = 0.
    Axis,
    /// The function.
    Value,
    /// Its derivative.
    Slope,
    /// A marked point on the function.
    Marked,
    /// Where the exercise's a has been.
    Trail,
    /// Where the exercise's a is now.
    Point,
}

/// One function's picture: `rows` rows of `cols` marks, row 0 at the top.
#[derive(Clone, Debug, PartialEq)]
pub struct CurvePicture {
    pub cols: usize,
    pub rows: usize,
    pub marks: Vec<CurveMark>,
    /// The span of values drawn (bottom, top).
    pub lo: f64,
    pub hi: f64,
}

impl CurvePicture {
    #[must_use]
    pub fn at(&self, col: usize, row: usize) -> CurveMark {
        self.marks[row * self.cols + col]
    }
}

impl PlotState {
    /// The picture of function `i` (with its derivative, its marks and, for
    /// the first function, the exercise so far) in `cols` × `rows` cells.
    #[must_use]
    pub fn picture(&self, i: usize, cols: usize, rows: usize) -> CurvePicture {
        let (cols, rows) = (cols.max(2), rows.max(2));
        let curve = self.plot.functions[i.min(self.plot.functions.len() - 1)];
        let value = self.samples(curve, false, cols * 4);
        let slope = if self.plot.derivatives {
            self.samples(curve, true, cols * 4)
        } else {
            Vec::new()
        };
        let (mut lo, mut hi) = (0.0f64, 0.0f64);
        for &(_, v) in value.iter().chain(&slope) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        if hi - lo < 1e-9 {
            hi = lo + 1.0;
        }
        let [zl, zh] = self.plot.x_range;
        let mut marks = vec![CurveMark::Empty; cols * rows];
        let cell = |z: f64, v: f64| -> Option<(usize, usize)> {
            let c = (z - zl) / (zh - zl) * (cols - 1) as f64;
            let r = (hi - v) / (hi - lo) * (rows - 1) as f64;
            (c.is_finite() && r.is_finite() && c >= -0.5 && r >= -0.5)
                .then(|| (c.round() as usize, r.round() as usize))
                .filter(|&(c, r)| c < cols && r < rows)
        };
        let mut put = |z: f64, v: f64, m: CurveMark| {
            if let Some((c, r)) = cell(z, v) {
                marks[r * cols + c] = m;
            }
        };
        for c in 0..cols {
            put(
                zl + (zh - zl) * c as f64 / (cols - 1) as f64,
                0.0,
                CurveMark::Axis,
            );
        }
        if zl < 0.0 && zh > 0.0 {
            for r in 0..rows {
                put(
                    0.0,
                    hi - (hi - lo) * r as f64 / (rows - 1) as f64,
                    CurveMark::Axis,
                );
            }
        }
        for &(z, v) in &slope {
            put(z, v, CurveMark::Slope);
        }
        for &(z, v) in &value {
            put(z, v, CurveMark::Value);
        }
        for &z in &self.plot.marks {
            put(z, curve.value(z), CurveMark::Marked);
        }
        if i == 0
            && let Some((_, run)) = &self.exercise
        {
            let shown = &run.states[..=self.shown.min(run.states.len() - 1)];
            for s in shown {
                put(s.z, s.a, CurveMark::Trail);
            }
            if let Some(s) = shown.last() {
                put(s.z, s.a, CurveMark::Point);
            }
        }
        CurvePicture {
            cols,
            rows,
            marks,
            lo,
            hi,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Activation;

    fn state(eta: f64) -> PlotState {
        let sat =
            Saturation::new(Activation::Sigmoid, (0.9f64 / 0.1).ln(), 0.5, eta, 2000).unwrap();
        PlotState::new(Plot {
            functions: vec![Curve::Sigmoid],
            derivatives: true,
            x_range: [-6.0, 6.0],
            marks: vec![0.0],
            saturation: Some(sat),
        })
    }

    #[test]
    fn the_first_three_steps_match_a_hand_computation() {
        // z0 = ln(0.9/0.1) = 2.1972245773; σ′(z0) = 0.9·0.1 = 0.09, so
        // z1 = z0 − 0.2·0.09 = 2.1792245773; a1 = σ(z1) = 0.8983682958;
        // σ′(z1) = a1(1 − a1) = 0.0913027009, z2 = z1 − 0.0182605402 =
        // 2.1609640371; a2 = 0.8966888891, σ′ = 0.0926379253,
        // z3 = z2 − 0.0185275851 = 2.1424364521, a3 = 0.8949598738.
        let mut p = state(0.2);
        let hand = [
            (2.1792245773, 0.8983682958),
            (2.1609640371, 0.8966888891),
            (2.1424364521, 0.8949598738),
        ];
        for (z, a) in hand {
            p.step();
            let (_, run) = p.exercise().unwrap();
            let s = run.states[p.shown()];
            assert!((s.z - z).abs() < 1e-9 && (s.a - a).abs() < 1e-9, "{s:?}");
        }
        assert_eq!(p.shown(), 3);
    }

    #[test]
    fn doubling_eta_restarts_and_halves_the_count_roughly() {
        let mut p = state(0.2);
        p.run_all();
        let steps = p.shown();
        assert_eq!(steps, 67, "the book's exercise takes 67 steps at η 0.2");
        let eta = p.scale_learning_rate(RATE_FACTOR).unwrap();
        assert_eq!(eta, 0.4);
        assert_eq!(p.shown(), 0);
        p.run_all();
        assert!(
            p.shown() < steps && p.shown() >= steps / 2 - 1,
            "{}",
            p.shown()
        );
        p.reset();
        p.run_all();
        assert_eq!(p.shown(), steps);
    }

    #[test]
    fn the_picture_puts_the_point_on_the_curve() {
        let mut p = state(0.2);
        p.step();
        let pic = p.picture(0, 40, 12);
        let points = pic.marks.iter().filter(|m| **m == CurveMark::Point).count();
        assert_eq!(points, 1);
        assert!(pic.marks.contains(&CurveMark::Value));
        assert!(pic.marks.contains(&CurveMark::Slope));
        // σ(6) = 0.9975 is the top of the span; the bottom is 0.
        assert!(
            pic.lo == 0.0 && (pic.hi - 0.997_527).abs() < 1e-5,
            "{} {}",
            pic.lo,
            pic.hi
        );
    }
}
