//! Charts as plain text (Braille dots), drawn with textplots.

use textplots::{Chart, Plot, Shape};

/// textplots panics below 32×3 dots; charts are never drawn smaller.
const MIN_DOTS: (u32, u32) = (32, 3);

/// A line chart of `points` (x, y) in a box `width`×`height` dots (a text
/// cell holds 2×4 dots). Non-finite points are skipped; an empty series gives
/// an empty string.
#[must_use]
pub fn line_chart(points: &[(f64, f64)], width: u32, height: u32) -> String {
    chart(&[(points, false)], width, height)
}

/// Several series on one chart: each is (points, draw_as_dots).
#[must_use]
pub fn chart(series: &[(&[(f64, f64)], bool)], width: u32, height: u32) -> String {
    let converted: Vec<(Vec<(f32, f32)>, bool)> = series
        .iter()
        .map(|(pts, dots)| {
            let v = pts
                .iter()
                .filter(|(x, y)| x.is_finite() && y.is_finite())
                .map(|&(x, y)| (x as f32, y as f32))
                .collect();
            (v, *dots)
        })
        .collect();
    let all = converted.iter().flat_map(|(v, _)| v.iter());
    let (xmin, xmax) = all.fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), p| {
        (lo.min(p.0), hi.max(p.0))
    });
    if !xmin.is_finite() || !xmax.is_finite() {
        return String::new();
    }
    let xmax = if xmax > xmin { xmax } else { xmin + 1.0 };
    let shapes: Vec<Shape> = converted
        .iter()
        .map(|(v, dots)| {
            if *dots {
                Shape::Points(v)
            } else {
                Shape::Lines(v)
            }
        })
        .collect();
    let mut c = Chart::new(width.max(MIN_DOTS.0), height.max(MIN_DOTS.1), xmin, xmax);
    let mut chart = &mut c;
    for s in &shapes {
        chart = chart.lineplot(s);
    }
    chart.axis();
    chart.figures();
    format!("{chart}")
}
