//! Pictures on a grid of character cells, for both front ends: curves,
//! points and shaded regions over a plane with given bounds. The plain
//! runner prints the grid as lines; the TUI copies its cells into the screen
//! buffer (and colours them by glyph). Later marks overwrite earlier ones,
//! so draw regions first, then curves, then points.

/// A `cols`×`rows` grid of one-column glyphs over the plane
/// `x_bounds`×`y_bounds` (row 0 is the top, the largest y).
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    pub cols: usize,
    pub rows: usize,
    pub x_bounds: [f64; 2],
    pub y_bounds: [f64; 2],
    cells: Vec<char>,
}

impl Grid {
    /// An empty (blank) grid. Degenerate bounds are widened so every point
    /// maps somewhere.
    #[must_use]
    pub fn new(cols: usize, rows: usize, x_bounds: [f64; 2], y_bounds: [f64; 2]) -> Self {
        let widen = |b: [f64; 2]| {
            if b[1] - b[0] > 1e-12 && b.iter().all(|v| v.is_finite()) {
                b
            } else if b[0].is_finite() {
                [b[0] - 0.5, b[0] + 0.5]
            } else {
                [0.0, 1.0]
            }
        };
        let (cols, rows) = (cols.max(1), rows.max(1));
        Self {
            cols,
            rows,
            x_bounds: widen(x_bounds),
            y_bounds: widen(y_bounds),
            cells: vec![' '; cols * rows],
        }
    }

    /// The cell (column, row) holding the point, or `None` outside the plane.
    #[must_use]
    pub fn cell(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        let fx = (x - self.x_bounds[0]) / (self.x_bounds[1] - self.x_bounds[0]);
        let fy = (self.y_bounds[1] - y) / (self.y_bounds[1] - self.y_bounds[0]);
        if !(0.0..=1.0).contains(&fx) || !(0.0..=1.0).contains(&fy) {
            return None;
        }
        let c = ((fx * self.cols as f64) as usize).min(self.cols - 1);
        let r = ((fy * self.rows as f64) as usize).min(self.rows - 1);
        Some((c, r))
    }

    /// The glyph at (column, row); blank outside the grid.
    #[must_use]
    pub fn get(&self, c: usize, r: usize) -> char {
        if c < self.cols && r < self.rows {
            self.cells[r * self.cols + c]
        } else {
            ' '
        }
    }

    /// Sets the glyph at (column, row); ignored outside the grid.
    pub fn set(&mut self, c: usize, r: usize, glyph: char) {
        if c < self.cols && r < self.rows {
            self.cells[r * self.cols + c] = glyph;
        }
    }

    /// Marks a point (ignored outside the plane).
    pub fn point(&mut self, x: f64, y: f64, glyph: char) {
        if let Some((c, r)) = self.cell(x, y) {
            self.set(c, r, glyph);
        }
    }

    /// Draws a curve through (x, y) pairs sorted by x: one mark per column
    /// crossed, with the rows between consecutive values filled so steep
    /// parts stay connected. Points outside the y range are clipped.
    pub fn curve(&mut self, xs: &[f64], ys: &[f64], glyph: char) {
        let mut last: Option<(usize, f64)> = None;
        for (x, y) in xs.iter().zip(ys) {
            if !y.is_finite() {
                last = None;
                continue;
            }
            let fy =
                (self.y_bounds[1] - y) / (self.y_bounds[1] - self.y_bounds[0]) * self.rows as f64;
            let Some((c, _)) = self.cell(*x, self.y_bounds[0]) else {
                continue;
            };
            let (lo, hi) = match last {
                Some((lc, lfy)) if lc + 1 >= c => (lfy.min(fy), lfy.max(fy)),
                _ => (fy, fy),
            };
            let top = lo.floor().max(0.0) as usize;
            let bottom = (hi.floor().min(self.rows as f64 - 1.0)).max(-1.0);
            if bottom >= 0.0 {
                for r in top..=(bottom as usize) {
                    if (r as f64) < hi.max(lo + 1.0) {
                        self.set(c, r, glyph);
                    }
                }
            }
            last = Some((c, fy));
        }
    }

    /// Fills every cell with the glyph `shade(column, row)`.
    pub fn fill(&mut self, shade: impl Fn(usize, usize) -> char) {
        for r in 0..self.rows {
            for c in 0..self.cols {
                self.cells[r * self.cols + c] = shade(c, r);
            }
        }
    }

    /// The rows as strings, top first.
    #[must_use]
    pub fn lines(&self) -> Vec<String> {
        self.cells
            .chunks(self.cols)
            .map(|row| row.iter().collect())
            .collect()
    }

    /// The rows framed with y labels on the left (top and bottom bounds) and
    /// x labels under the plot: what the plain runner prints.
    #[must_use]
    pub fn framed(&self, y_label: &str, x_label: &str, ascii: bool) -> Vec<String> {
        let num = |v: f64| super::number::plain(v, 3);
        let (top, bottom) = (num(self.y_bounds[1]), num(self.y_bounds[0]));
        let pad = top.len().max(bottom.len());
        let bar = if ascii { '|' } else { '│' };
        let mut out = Vec::with_capacity(self.rows + 3);
        if !y_label.is_empty() {
            out.push(format!("{:pad$} {y_label}", ""));
        }
        for (r, line) in self.lines().into_iter().enumerate() {
            let label = match r {
                0 => top.clone(),
                r if r + 1 == self.rows => bottom.clone(),
                _ => String::new(),
            };
            out.push(format!("{label:>pad$}{bar}{}", line.trim_end()));
        }
        let rule = if ascii { '-' } else { '─' };
        let corner = if ascii { '+' } else { '└' };
        out.push(format!(
            "{:pad$}{corner}{}",
            "",
            rule.to_string().repeat(self.cols)
        ));
        let (left, right) = (num(self.x_bounds[0]), num(self.x_bounds[1]));
        let gap = self.cols.saturating_sub(left.len() + right.len()).max(1);
        out.push(format!("{:pad$} {left}{}{right}", "", " ".repeat(gap)));
        if !x_label.is_empty() {
            let mid = (self.cols.saturating_sub(x_label.chars().count())) / 2;
            out.push(format!("{:pad$} {}{x_label}", "", " ".repeat(mid)));
        }
        out
    }
}

/// The glyphs the pictures use, shared so both front ends and their
/// legends agree. Every one differs in shape, so the pictures read without
/// colour.
pub mod marks {
    /// Samples by class index.
    pub const CLASS_POINTS: [char; 4] = ['o', 'x', '+', '#'];
    /// The model's curve (a fit, a sum of unit terms).
    pub const FIT: char = '*';

    /// A region's shade by class index: blank for the first class, so
    /// borders show as the edge of a shaded area.
    #[must_use]
    pub fn shade(class: usize, ascii: bool) -> char {
        let set = if ascii {
            [' ', '.', ':', '=']
        } else {
            [' ', '·', '░', '▒']
        };
        set[class % 4]
    }

    /// A sample of a regression (no class).
    #[must_use]
    pub fn sample(ascii: bool) -> char {
        if ascii { '.' } else { '•' }
    }

    /// A held-out (validation) sample.
    pub const VALIDATION: char = '+';

    /// A boundary drawn as a line.
    #[must_use]
    pub fn border(ascii: bool) -> char {
        if ascii { '*' } else { '•' }
    }

    /// Hidden unit `i` (0-based): its number, then letters.
    #[must_use]
    pub fn unit(i: usize) -> char {
        const U: &[u8] = b"123456789abcdefghijklmnopqrstuvwxyz";
        char::from(U[i % U.len()])
    }

    /// Sample class `k`.
    #[must_use]
    pub fn point(k: usize) -> char {
        CLASS_POINTS[k % 4]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corners_of_the_plane_land_in_corner_cells() {
        let g = Grid::new(10, 5, [0.0, 1.0], [-1.0, 1.0]);
        assert_eq!(g.cell(0.0, 1.0), Some((0, 0)));
        assert_eq!(g.cell(1.0, -1.0), Some((9, 4)));
        assert_eq!(g.cell(1.5, 0.0), None);
    }

    #[test]
    fn a_steep_curve_stays_connected_down_its_column() {
        let mut g = Grid::new(4, 6, [0.0, 3.0], [0.0, 6.0]);
        g.curve(&[0.0, 1.0, 2.0, 3.0], &[5.9, 5.9, 0.1, 0.1], '*');
        // Column 2 (x = 2) spans every row from the top value down.
        let col2: String = (0..6).map(|r| g.get(2, r)).collect();
        assert_eq!(col2, "******");
        assert_eq!(g.get(0, 0), '*');
        assert_eq!(g.get(0, 5), ' ');
    }

    #[test]
    fn framed_output_labels_both_axes() {
        let mut g = Grid::new(8, 3, [0.0, 1.0], [0.0, 2.0]);
        g.point(0.5, 1.0, 'o');
        let lines = g.framed("y", "x", true);
        assert_eq!(lines[0].trim(), "y");
        assert!(lines[1].starts_with("2|"));
        assert!(lines.iter().any(|l| l.contains('o')));
        assert!(lines[lines.len() - 2].trim_start().starts_with('0'));
        assert_eq!(lines.last().map(|l| l.trim()), Some("x"));
    }
}
