//! The loss landscape: the loss of a network over a grid of values of two
//! of its parameters (every other parameter held where it is), and the path
//! a run's parameters take across it.
//!
//! A grid point is one full pass over the data through the same one-pass
//! evaluation the trainer uses ([`Network::loss_and_metric`], built on the
//! kernels), so a grid value is exactly the loss the engine reports for
//! those parameters. The scratch (a copy of the network and the evaluation
//! buffers) is made once and reused: no point allocates.

use super::error::EngineError;
use super::evaluation::{EvalScratch, TargetStats};
use super::kernels::{flat, flat_mut};
use super::network::Network;

/// One parameter of a network: an entry of a layer's `W` (n, k) or `B`
/// (1, k), layers counted from 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParamRef {
    W {
        layer: usize,
        row: usize,
        col: usize,
    },
    B {
        layer: usize,
        col: usize,
    },
}

impl ParamRef {
    /// The position of the parameter in its layer's `W` or `B` as a flat
    /// row-major index, checked against the network's shapes.
    fn locate(self, net: &Network) -> Result<(usize, bool, usize), EngineError> {
        let (layer, is_w, index, ok) = match self {
            ParamRef::W { layer, row, col } => {
                let l = net.layers().get(layer);
                let ok = l.is_some_and(|l| row < l.inputs() && col < l.units());
                (layer, true, row * l.map_or(0, |l| l.units()) + col, ok)
            }
            ParamRef::B { layer, col } => {
                let ok = net.layers().get(layer).is_some_and(|l| col < l.units());
                (layer, false, col, ok)
            }
        };
        if ok {
            Ok((layer, is_w, index))
        } else {
            Err(EngineError::InvalidValue {
                name: "the parameter",
                expected: "an entry of one of the network's W or B",
                found: format!("{self:?}"),
            })
        }
    }
}

impl Network {
    /// The value of one parameter.
    pub fn param(&self, p: ParamRef) -> Result<f64, EngineError> {
        let (layer, is_w, i) = p.locate(self)?;
        let l = &self.layers()[layer];
        Ok(if is_w { flat(&l.w)[i] } else { flat(&l.b)[i] })
    }

    /// Sets one parameter.
    pub fn set_param(&mut self, p: ParamRef, value: f64) -> Result<(), EngineError> {
        let (layer, is_w, i) = p.locate(self)?;
        let l = &mut self.layers_mut()[layer];
        if is_w {
            flat_mut(&mut l.w)[i] = value;
        } else {
            flat_mut(&mut l.b)[i] = value;
        }
        Ok(())
    }

    /// Copies every parameter of `other` (same shapes) without allocating.
    fn copy_params_from(&mut self, other: &Network) {
        for (l, o) in self.layers_mut().iter_mut().zip(other.layers()) {
            l.w.assign(&o.w);
            l.b.assign(&o.b);
        }
    }
}

/// One axis of a grid: a parameter and the range of values it spans,
/// sampled at the centres of `cells` equal cells.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GridAxis {
    pub param: ParamRef,
    pub lo: f64,
    pub hi: f64,
    pub cells: usize,
}

impl GridAxis {
    /// The parameter's value at the centre of cell `i` (0 at `lo`).
    #[must_use]
    pub fn value(&self, i: usize) -> f64 {
        self.lo + (self.hi - self.lo) * (i as f64 + 0.5) / self.cells.max(1) as f64
    }

    /// The cell holding value `v`, if it lies in the range.
    #[must_use]
    pub fn cell_of(&self, v: f64) -> Option<usize> {
        let t = (v - self.lo) / (self.hi - self.lo);
        if !(0.0..1.0).contains(&t) {
            return None;
        }
        Some(((t * self.cells as f64) as usize).min(self.cells.saturating_sub(1)))
    }
}

/// The loss at every point of a grid over two parameters. `values` is
/// row-major with `y.cells` rows of `x.cells` values; row 0 is at `y.lo`.
#[derive(Clone, Debug, PartialEq)]
pub struct LossGrid {
    pub x: GridAxis,
    pub y: GridAxis,
    values: Vec<f64>,
}

impl LossGrid {
    /// An empty grid of the given axes (filled by [`LossGrid::fill`]).
    #[must_use]
    pub fn new(x: GridAxis, y: GridAxis) -> Self {
        Self {
            x,
            y,
            values: vec![f64::NAN; x.cells * y.cells],
        }
    }

    /// Every value, row-major, row 0 at `y.lo`.
    #[must_use]
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The loss at column `col` (along x) and row `row` (along y).
    #[must_use]
    pub fn at(&self, col: usize, row: usize) -> f64 {
        self.values[row * self.x.cells + col]
    }

    /// The smallest and largest finite value, if any.
    #[must_use]
    pub fn finite_range(&self) -> Option<(f64, f64)> {
        let mut it = self.values.iter().copied().filter(|v| v.is_finite());
        let first = it.next()?;
        Some(it.fold((first, first), |(lo, hi), v| (lo.min(v), hi.max(v))))
    }

    /// Fills the grid with the loss of `base` on `x` (m, n) and `y` (m, k)
    /// (row-major slices) with the two axis parameters set to each point's
    /// values and every other parameter as in `base`. `scratch` is reused
    /// between calls; nothing is allocated per point.
    pub fn fill(
        &mut self,
        base: &Network,
        x: &[f64],
        y: &[f64],
        scratch: &mut GridScratch,
    ) -> Result<(), EngineError> {
        self.x.param.locate(base)?;
        self.y.param.locate(base)?;
        let GridScratch { net, eval } = scratch;
        let net = working_copy(net, base);
        // The metric is not wanted; any statistics will do.
        let stats = TargetStats { variance: 1.0 };
        let (cols, rows) = (self.x.cells, self.y.cells);
        for r in 0..rows {
            net.set_param(self.y.param, self.y.value(r))?;
            for c in 0..cols {
                net.set_param(self.x.param, self.x.value(c))?;
                let (loss, _) = net.loss_and_metric(x, y, stats, eval);
                self.values[r * cols + c] = loss;
            }
        }
        Ok(())
    }
}

/// What [`LossGrid::fill`] reuses between calls: a copy of the network
/// whose two parameters it moves, and the evaluation buffers.
#[derive(Clone, Debug, Default)]
pub struct GridScratch {
    net: Option<Network>,
    eval: EvalScratch,
}

/// The working copy in `slot`, holding `base`'s parameters: copied in
/// place when the shapes match, else made afresh.
fn working_copy<'a>(slot: &'a mut Option<Network>, base: &Network) -> &'a mut Network {
    let same_shape = slot.as_ref().is_some_and(|n| {
        n.loss() == base.loss()
            && n.layers().len() == base.layers().len()
            && (n.layers().iter().zip(base.layers()))
                .all(|(a, b)| a.w.dim() == b.w.dim() && a.activation == b.activation)
    });
    match slot {
        Some(n) if same_shape => n.copy_params_from(base),
        _ => *slot = Some(base.clone()),
    }
    slot.get_or_insert_with(|| base.clone())
}

/// The points a run's two parameters pass through, one per recorded state
/// (the start, then after each step), each with the iteration it was
/// taken at. At most `limit` points are kept; later ones are dropped.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamPath {
    pub x: ParamRef,
    pub y: ParamRef,
    points: Vec<(u64, f64, f64)>,
    limit: usize,
}

impl ParamPath {
    /// An empty path of the parameters `x` and `y`, keeping at most
    /// `limit` points.
    #[must_use]
    pub fn new(x: ParamRef, y: ParamRef, limit: usize) -> Self {
        Self {
            x,
            y,
            points: Vec::new(),
            limit,
        }
    }

    /// Records the parameters of `net` at `iteration`.
    pub fn record(&mut self, iteration: u64, net: &Network) -> Result<(), EngineError> {
        if self.points.len() < self.limit {
            self.points
                .push((iteration, net.param(self.x)?, net.param(self.y)?));
        }
        Ok(())
    }

    /// (iteration, x, y) of every recorded point, oldest first.
    #[must_use]
    pub fn points(&self) -> &[(u64, f64, f64)] {
        &self.points
    }

    /// Forgets every point.
    pub fn clear(&mut self) {
        self.points.clear();
    }

    /// Whether the limit has been reached.
    #[must_use]
    pub fn full(&self) -> bool {
        self.points.len() >= self.limit
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{
        Activation, BatchSize, EpsCompare, Every, Init, LayerSpec, Loss, Split, StopOn,
        TrainConfig, Trainer,
    };
    use crate::rng::SeededRng;
    use ndarray::Array2;

    fn data(m: usize, n: usize, rng: &mut SeededRng) -> (Array2<f64>, Array2<f64>) {
        let x = Array2::from_shape_simple_fn((m, n), || rng.uniform_in(0.0, 1.0));
        let y = Array2::from_shape_fn((m, 1), |(i, _)| {
            2.0 * x[[i, 0]] + 3.0 + rng.uniform_in(-0.2, 0.2)
        });
        (x, y)
    }

    #[test]
    fn grid_values_equal_the_engines_loss_at_sampled_points() {
        let mut rng = SeededRng::new(14);
        let specs = [
            LayerSpec {
                units: 3,
                activation: Activation::Sigmoid,
            },
            LayerSpec {
                units: 1,
                activation: Activation::Identity,
            },
        ];
        let net = Network::new(2, &specs, Loss::Mse, Init::Xavier, &mut rng).unwrap();
        let (x, y) = data(150, 2, &mut rng);
        let px = ParamRef::W {
            layer: 0,
            row: 1,
            col: 2,
        };
        let py = ParamRef::B { layer: 1, col: 0 };
        let mut grid = LossGrid::new(
            GridAxis {
                param: px,
                lo: -3.0,
                hi: 2.0,
                cells: 17,
            },
            GridAxis {
                param: py,
                lo: -1.0,
                hi: 4.0,
                cells: 9,
            },
        );
        let mut scratch = GridScratch::default();
        let (xs, ys) = (x.as_slice().unwrap(), y.as_slice().unwrap());
        grid.fill(&net, xs, ys, &mut scratch).unwrap();
        for (c, r) in [(0, 0), (16, 8), (5, 3), (9, 7), (12, 0)] {
            let mut probe = net.clone();
            probe.set_param(px, grid.x.value(c)).unwrap();
            probe.set_param(py, grid.y.value(r)).unwrap();
            // The readable allocating path: a whole forward pass, then the loss.
            let fwd = probe.forward(x.view()).unwrap();
            let expected = probe.loss_of(&fwd, y.view());
            assert!(
                (grid.at(c, r) - expected).abs() <= 1e-12 * expected.abs().max(1.0),
                "({c}, {r}): grid {} engine {expected}",
                grid.at(c, r)
            );
        }
        // The other parameters stay the base network's: a second fill with
        // the same scratch gives the same bits.
        let first = grid.values().to_vec();
        grid.fill(&net, xs, ys, &mut scratch).unwrap();
        assert_eq!(grid.values(), first.as_slice());
    }

    #[test]
    fn a_linear_grid_matches_the_mse_formula_by_hand() {
        // One input, one output, identity: loss(w, b) = ½·mean((w·x + b − y)²).
        let net = Network::from_layers(
            vec![
                crate::engine::Dense::new(
                    Array2::zeros((1, 1)),
                    Array2::zeros((1, 1)),
                    Activation::Identity,
                )
                .unwrap(),
            ],
            Loss::Mse,
        )
        .unwrap();
        let (x, y) = ([0.0, 1.0, 2.0], [1.0, 2.0, 5.0]);
        let w = ParamRef::W {
            layer: 0,
            row: 0,
            col: 0,
        };
        let b = ParamRef::B { layer: 0, col: 0 };
        let axis = |param| GridAxis {
            param,
            lo: 0.0,
            hi: 4.0,
            cells: 2,
        };
        let mut grid = LossGrid::new(axis(w), axis(b));
        grid.fill(&net, &x, &y, &mut GridScratch::default())
            .unwrap();
        // Cell centres are 1 and 3. At w = 3, b = 1: z = [1, 4, 7], errors
        // [0, 2, 2], loss = ½·(0 + 4 + 4)/3 = 4/3.
        assert!((grid.at(1, 0) - 4.0 / 3.0).abs() < 1e-15);
        // At w = 1, b = 1: z = [1, 2, 3], errors [0, 0, −2], loss = 2/3.
        assert!((grid.at(0, 0) - 2.0 / 3.0).abs() < 1e-15);
    }

    #[test]
    fn a_paths_points_are_the_runs_recorded_parameters() {
        let mut rng = SeededRng::new(3);
        let (x, y) = data(40, 1, &mut rng);
        let spec = [LayerSpec {
            units: 1,
            activation: Activation::Identity,
        }];
        let net = Network::new(1, &spec, Loss::Mse, Init::Zeros, &mut rng).unwrap();
        let cfg = TrainConfig {
            learning_rate: 0.3,
            batch_size: BatchSize::Rows(8),
            max_epochs: 4,
            eps: None,
            stop_on: StopOn::Train,
            stop_every: Every::default(),
            eps_compare: EpsCompare::default(),
            shuffle: true,
            seed: 5,
        };
        let mut t = Trainer::new(net, cfg, Split::new(x, y).unwrap(), None, None).unwrap();
        let w = ParamRef::W {
            layer: 0,
            row: 0,
            col: 0,
        };
        let b = ParamRef::B { layer: 0, col: 0 };
        let mut path = ParamPath::new(w, b, 1000);
        path.record(0, t.network()).unwrap();
        while t.stopped().is_none() {
            let s = t.step_iteration().unwrap();
            path.record(s.iteration, t.network()).unwrap();
        }
        // One point per step, plus the start.
        assert_eq!(path.points().len(), 4 * 5 + 1);
        for rec in t.history() {
            let net = Network::from_layers(rec.layers(), Loss::Mse).unwrap();
            let point = path.points().iter().find(|p| p.0 == rec.iteration).unwrap();
            assert_eq!(point.1, net.param(w).unwrap(), "epoch {}", rec.epoch);
            assert_eq!(point.2, net.param(b).unwrap(), "epoch {}", rec.epoch);
        }
    }

    #[test]
    fn a_parameter_outside_the_network_is_an_error() {
        let mut rng = SeededRng::new(1);
        let spec = [LayerSpec {
            units: 1,
            activation: Activation::Identity,
        }];
        let net = Network::new(2, &spec, Loss::Mse, Init::Zeros, &mut rng).unwrap();
        assert!(
            net.param(ParamRef::W {
                layer: 0,
                row: 2,
                col: 0
            })
            .is_err()
        );
        assert!(net.param(ParamRef::B { layer: 1, col: 0 }).is_err());
        assert_eq!(
            net.param(ParamRef::W {
                layer: 0,
                row: 1,
                col: 0
            })
            .unwrap(),
            0.0
        );
    }
}
