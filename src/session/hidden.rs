//! The hidden-unit view of a two-layer run, as data both front ends draw:
//!
//! - one-input regression ([`Curves`]): each hidden unit's term
//!   `w2ᵢ·aᵢ(x)` over x, in the target's units, and their sum plus `b2`,
//!   which is the fit;
//! - two-input classification ([`Planes`]): the samples in input space over
//!   the decision regions, and the same samples in hidden space (the plane
//!   of two hidden units, see [`crate::engine::hidden`]) over the last
//!   layer's regions, whose border there is straight.
//!
//! Also the decision regions of any two-input classifier as a grid of
//! cells ([`input_regions`]), which the plain runner prints wherever a
//! lesson shows the boundary.

use ndarray::Array2;

use crate::engine::hidden::{self, Line};
use crate::engine::{Dense, EngineError, Network, metrics};
use crate::spec::Resolved;
use crate::spec::capacity::Capacity;
use crate::text::plot::{Grid, marks};

/// Hidden-unit curves of a one-input regression run.
#[derive(Clone, Debug, PartialEq)]
pub struct Curves {
    /// Input values along the x axis, in the data's units.
    pub x: Vec<f64>,
    /// `terms[i][r]`: unit i's term at `x[r]`, in the target's units.
    pub terms: Vec<Vec<f64>>,
    /// The constant the terms are added to (`b2`, in the target's units).
    pub bias: f64,
    /// The network's output at each x (= the terms' sum plus `bias`).
    pub fit: Vec<f64>,
    /// The training samples (x, y).
    pub samples: Vec<(f64, f64)>,
    pub x_name: String,
    pub y_name: String,
}

/// A plane cut into cells, each with the class the model gives its centre,
/// and points on it.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionGrid {
    /// The plane's extent along x (columns) and y (rows).
    pub x_bounds: [f64; 2],
    pub y_bounds: [f64; 2],
    pub cols: usize,
    pub rows: usize,
    /// Class index of each cell, row by row from the top (largest y).
    pub cells: Vec<usize>,
    /// Samples: position and class index.
    pub points: Vec<(f64, f64, usize)>,
}

impl RegionGrid {
    /// The cell (column, row) a point falls in, clamped to the grid.
    #[must_use]
    pub fn cell_of(&self, x: f64, y: f64) -> (usize, usize) {
        let fx = (x - self.x_bounds[0]) / (self.x_bounds[1] - self.x_bounds[0]);
        let fy = (self.y_bounds[1] - y) / (self.y_bounds[1] - self.y_bounds[0]);
        let c = (fx * self.cols as f64)
            .floor()
            .clamp(0.0, (self.cols - 1) as f64);
        let r = (fy * self.rows as f64)
            .floor()
            .clamp(0.0, (self.rows - 1) as f64);
        (c as usize, r as usize)
    }

    /// The class of cell (column, row).
    #[must_use]
    pub fn class_at(&self, c: usize, r: usize) -> usize {
        self.cells[r * self.cols + c]
    }

    /// Whether the cell borders a cell of another class on its right or
    /// below: where the boundary runs.
    #[must_use]
    pub fn on_border(&self, c: usize, r: usize) -> bool {
        let k = self.class_at(c, r);
        (c + 1 < self.cols && self.class_at(c + 1, r) != k)
            || (r + 1 < self.rows && self.class_at(c, r + 1) != k)
    }

    /// Cell centres as (x, y) rows, (cols·rows, 2), in cell order.
    fn centres(&self) -> Array2<f64> {
        let (xb, yb) = (self.x_bounds, self.y_bounds);
        let (w, h) = (self.cols as f64, self.rows as f64);
        Array2::from_shape_fn((self.cols * self.rows, 2), |(i, k)| {
            let (c, r) = ((i % self.cols) as f64, (i / self.cols) as f64);
            if k == 0 {
                xb[0] + (xb[1] - xb[0]) * (c + 0.5) / w
            } else {
                yb[1] - (yb[1] - yb[0]) * (r + 0.5) / h
            }
        })
    }
}

/// Input space and hidden space of a two-input classifier side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct Planes {
    /// Samples and regions over the two inputs, in the data's units.
    pub input: RegionGrid,
    /// Samples at their hidden activations and the last layer's regions.
    pub hidden: RegionGrid,
    /// The hidden units on the two axes (0-based) and how many there are.
    pub axes: [usize; 2],
    pub units: usize,
    /// The last layer's boundaries in the hidden plane.
    pub lines: Vec<Line>,
    /// The class ids (index i is `classes[i]`).
    pub classes: Vec<f64>,
    /// The input columns' names.
    pub inputs: [String; 2],
}

/// What the hidden view shows for a run, or why it shows nothing.
#[derive(Clone, Debug, PartialEq)]
pub enum HiddenView {
    Curves(Curves),
    Planes(Planes),
    /// The run is not one the view can draw (not two layers; not one-input
    /// regression or two-input classification).
    Unsupported,
}

/// The view of `run` with parameters `layers`; regions are `cols`×`rows`
/// cells per plane and curves have `points` values.
pub fn view(
    run: &Resolved,
    layers: &[Dense],
    points: usize,
    (cols, rows): (usize, usize),
) -> Result<HiddenView, EngineError> {
    let net = Network::from_layers(layers.to_vec(), run.trainer.network().loss())?;
    let info = &run.info;
    if net.layers().len() != 2 {
        return Ok(HiddenView::Unsupported);
    }
    match (info.raw_features.len(), info.classes.is_some()) {
        (1, false) if net.outputs() == 1 => {
            curves(run, &net, points.max(2)).map(HiddenView::Curves)
        }
        (2, true) if net.layers()[0].units() >= 2 => {
            planes(run, &net, (cols.max(2), rows.max(2))).map(HiddenView::Planes)
        }
        _ => Ok(HiddenView::Unsupported),
    }
}

fn span(values: impl Iterator<Item = f64>) -> [f64; 2] {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    match (lo.is_finite() && hi.is_finite(), hi - lo < 1e-12) {
        (false, _) => [0.0, 1.0],
        (true, true) => [lo - 0.5, hi + 0.5],
        (true, false) => [lo, hi],
    }
}

fn curves(run: &Resolved, net: &Network, points: usize) -> Result<Curves, EngineError> {
    let info = &run.info;
    let xb = span(info.raw_x.column(0).iter().copied());
    let grid = Array2::from_shape_fn((points, 1), |(i, _)| {
        xb[0] + (xb[1] - xb[0]) * i as f64 / (points - 1) as f64
    });
    let parts = hidden::unit_contributions(net, info.prepare_inputs(&grid).view())?;
    // The output in the target's units is out·scale + centre: each term
    // scales, the centre joins the bias, and the sum still matches.
    let (scale, centre) = info
        .y_norm
        .as_ref()
        .map_or((1.0, 0.0), |n| (n.scale[0], n.center[0]));
    let terms: Vec<Vec<f64>> = (parts.terms.columns().into_iter())
        .map(|c| c.iter().map(|v| v * scale).collect())
        .collect();
    let bias = parts.bias * scale + centre;
    let fit = info.predict(net, &grid)?.column(0).to_vec();
    Ok(Curves {
        x: grid.column(0).to_vec(),
        terms,
        bias,
        fit,
        samples: (info.raw_x.column(0).iter().zip(info.raw_y.column(0)))
            .map(|(x, y)| (*x, *y))
            .collect(),
        x_name: info.raw_features[0].clone(),
        y_name: info.target.clone(),
    })
}

fn class_index(classes: &[f64], label: f64) -> usize {
    classes.iter().position(|c| *c == label).unwrap_or(0)
}

/// The decision regions of a two-input classifier over its samples, in the
/// data's units, `cols`×`rows` cells.
pub fn input_regions(
    run: &Resolved,
    net: &Network,
    (cols, rows): (usize, usize),
) -> Result<RegionGrid, EngineError> {
    let info = &run.info;
    let classes = info.classes.clone().unwrap_or_default();
    let mut grid = RegionGrid {
        x_bounds: span(info.raw_x.column(0).iter().copied()),
        y_bounds: span(info.raw_x.column(1).iter().copied()),
        cols: cols.max(1),
        rows: rows.max(1),
        cells: Vec::new(),
        points: (info.raw_x.rows().into_iter().zip(info.raw_y.column(0)))
            .map(|(x, y)| (x[0], x[1], class_index(&classes, *y)))
            .collect(),
    };
    let p = info.predict(net, &grid.centres())?;
    grid.cells = metrics::predicted_classes(p.view());
    Ok(grid)
}

fn planes(run: &Resolved, net: &Network, size: (usize, usize)) -> Result<Planes, EngineError> {
    let info = &run.info;
    let classes = info.classes.clone().unwrap_or_default();
    let input = input_regions(run, net, size)?;
    let a1 = hidden::hidden_activations(net, info.prepare_inputs(&info.raw_x).view())?;
    let axes = hidden::hidden_axes(net)?.unwrap_or([0, 1]);
    let fixed = hidden::means(&a1);
    let pad = |b: [f64; 2]| {
        let p = ((b[1] - b[0]) * 0.08).max(0.02);
        [b[0] - p, b[1] + p]
    };
    let mut grid = RegionGrid {
        x_bounds: pad(span(a1.column(axes[0]).iter().copied())),
        y_bounds: pad(span(a1.column(axes[1]).iter().copied())),
        cols: size.0,
        rows: size.1,
        cells: Vec::new(),
        points: (a1.rows().into_iter().zip(info.raw_y.column(0)))
            .map(|(a, y)| (a[axes[0]], a[axes[1]], class_index(&classes, *y)))
            .collect(),
    };
    let p = hidden::classify_plane(net, axes, &fixed, grid.centres().view())?;
    grid.cells = metrics::predicted_classes(p.view());
    Ok(Planes {
        input,
        hidden: grid,
        axes,
        units: net.layers()[0].units(),
        lines: hidden::boundary_lines(net, axes, &fixed)?,
        classes,
        inputs: [info.raw_features[0].clone(), info.raw_features[1].clone()],
    })
}

/// A region grid as a picture: shades by class, the samples on top, and (when
/// `border`) the cells where the class changes.
pub fn region_picture(g: &RegionGrid, ascii: bool, border: bool) -> Grid {
    let mut out = Grid::new(g.cols, g.rows, g.x_bounds, g.y_bounds);
    out.fill(|c, r| {
        if border && g.on_border(c, r) {
            marks::border(ascii)
        } else {
            marks::shade(g.class_at(c, r), ascii)
        }
    });
    for (x, y, k) in &g.points {
        out.point(*x, *y, marks::point(*k));
    }
    out
}

/// The y range that shows the samples, the fit and every unit's term.
fn curves_bounds(c: &Curves) -> [f64; 2] {
    let all = (c.samples.iter().map(|p| p.1))
        .chain(c.fit.iter().copied())
        .chain(c.terms.iter().flatten().copied())
        .filter(|v| v.is_finite());
    let (lo, hi) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    [lo, hi]
}

/// Draws each unit's term, the fit and the samples on one grid.
#[must_use]
pub fn curves_picture(c: &Curves, cols: usize, rows: usize, ascii: bool) -> Grid {
    let xb = [
        c.x.first().copied().unwrap_or(0.0),
        c.x.last().copied().unwrap_or(1.0),
    ];
    let mut g = Grid::new(cols, rows, xb, curves_bounds(c));
    for (x, y) in &c.samples {
        g.point(*x, *y, marks::sample(ascii));
    }
    for (i, t) in c.terms.iter().enumerate() {
        g.curve(&c.x, t, marks::unit(i));
    }
    g.curve(&c.x, &c.fit, marks::FIT);
    g
}

/// Glyphs of the capacity picture's curves, in the order given.
pub const CAPACITY_CURVES: [char; 3] = ['-', '*', '~'];

/// The degrees the capacity picture draws: the lowest, the best on the
/// validation points and the highest (fewer when they coincide).
#[must_use]
pub fn capacity_degrees(cap: &Capacity) -> Vec<usize> {
    let lowest = cap.fits.first().map_or(1, |p| p.degree);
    let highest = cap.fits.last().map_or(1, |p| p.degree);
    let mut v = vec![lowest, cap.best().0, highest];
    v.dedup();
    v
}

/// The capacity step's picture: the training points, the validation points
/// and the fitted curves of `degrees` (glyphs [`CAPACITY_CURVES`] in order),
/// over the points' y range with a margin (a wild curve leaves the frame).
#[must_use]
pub fn capacity_picture(
    cap: &Capacity,
    degrees: &[usize],
    (cols, rows): (usize, usize),
    ascii: bool,
) -> Grid {
    let ys = cap.train.1.iter().chain(&cap.validation.1).copied();
    let (lo, hi) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    let margin = (hi - lo).abs() * 0.25;
    let mut g = Grid::new(cols, rows, [0.0, 1.0], [lo - margin, hi + margin]);
    let n = cols.max(2) * 2;
    let xs: Vec<f64> = (0..n).map(|i| i as f64 / (n - 1) as f64).collect();
    for (d, glyph) in degrees.iter().zip(CAPACITY_CURVES) {
        if let Some(p) = cap.fits.iter().find(|p| p.degree == *d) {
            let ys: Vec<f64> = xs.iter().map(|x| p.at(*x)).collect();
            g.curve(&xs, &ys, glyph);
        }
    }
    for (x, y) in cap.validation.0.iter().zip(&cap.validation.1) {
        g.point(*x, *y, marks::VALIDATION);
    }
    for (x, y) in cap.train.0.iter().zip(&cap.train.1) {
        g.point(*x, *y, marks::sample(ascii));
    }
    g
}
