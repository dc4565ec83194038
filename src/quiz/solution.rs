//! The worked solution of a gradient case: each quantity on the way to the
//! asked one, with its formula, the numbers substituted and the result, as
//! TeX lines that every view draws with the formula renderer.

use ndarray::Array2;

use super::case::Case;
use super::quantity::{Quantity, symbol_tex};
use crate::engine::{Activation, Loss};

/// One line of a worked solution: what it computes (`dW2`), the TeX of
/// `formula = numbers = result`, and the result (rows, cols).
#[derive(Clone, Debug, PartialEq)]
pub struct SolutionLine {
    pub label: String,
    pub tex: String,
    pub value: Array2<f64>,
}

/// A number for a worked line: at most 4 decimals, trailing zeros dropped.
#[must_use]
pub fn number(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// A matrix on one line, numbers as [`number`] writes them: `0.25`, or
/// `[[0.1, -0.2], [0.3, 0.4]]` (the form an answer may be typed in).
#[must_use]
pub fn short_matrix(m: &Array2<f64>) -> String {
    if m.len() == 1 {
        return m.iter().next().map_or(String::new(), |v| number(*v));
    }
    let rows: Vec<String> = (m.rows().into_iter())
        .map(|r| {
            let cells: Vec<String> = r.iter().map(|v| number(*v)).collect();
            format!("[{}]", cells.join(", "))
        })
        .collect();
    format!("[{}]", rows.join(", "))
}

/// A matrix in TeX: a 1×1 as its number (in parentheses when negative and
/// `paren`), else a `bmatrix`.
#[must_use]
pub fn matrix_tex(m: &Array2<f64>, paren: bool) -> String {
    if m.dim() == (1, 1) {
        let v = m[(0, 0)];
        return if paren && v < 0.0 {
            format!("({})", number(v))
        } else {
            number(v)
        };
    }
    let rows: Vec<String> = m
        .rows()
        .into_iter()
        .map(|r| r.iter().map(|v| number(*v)).collect::<Vec<_>>().join(" & "))
        .collect();
    format!(
        "\\begin{{bmatrix}} {} \\end{{bmatrix}}",
        rows.join(" \\\\ ")
    )
}

impl Case {
    /// The worked solution up to the asked quantity.
    #[must_use]
    pub fn solution(&self) -> Vec<SolutionLine> {
        let n = self.depth();
        let mut out = Vec::new();
        let stop_forward = match self.ask {
            Quantity::Z(i) | Quantity::A(i) => i,
            _ => n - 1,
        };
        for i in 0..=stop_forward {
            out.push(self.z_line(i));
            if self.ask == Quantity::Z(i) {
                return out;
            }
            let identity = self.network.layers()[i].activation == Activation::Identity;
            if !identity || self.ask == Quantity::A(i) {
                out.push(self.a_line(i));
            }
        }
        if matches!(self.ask, Quantity::A(_)) {
            return out;
        }
        if self.ask == Quantity::Loss {
            out.push(self.loss_line());
            return out;
        }
        let Some(target) = self.ask.layer() else {
            return out;
        };
        for i in (target..n).rev() {
            out.push(self.dz_line(i));
        }
        match self.ask {
            Quantity::DW(i) => out.push(self.dw_line(i)),
            Quantity::DB(i) => out.push(self.db_line(i)),
            _ => {}
        }
        out
    }

    fn sym(&self, stem: &str, layer: Option<usize>) -> String {
        symbol_tex(stem, layer, self.depth())
    }

    fn line(&self, q: Quantity, tex: String) -> SolutionLine {
        let value = self.value(q);
        SolutionLine {
            label: q.name(self.depth()),
            tex: format!("{tex} = {}", matrix_tex(&value, false)),
            value,
        }
    }

    /// The input of layer i: X, or the previous layer's A (symbol, values).
    fn input(&self, i: usize) -> (String, &Array2<f64>) {
        if i == 0 {
            (self.sym("X", None), &self.x)
        } else {
            (self.sym("A", Some(i - 1)), &self.forward.a[i - 1])
        }
    }

    fn z_line(&self, i: usize) -> SolutionLine {
        let (x, xv) = self.input(i);
        let l = &self.network.layers()[i];
        let (w, b, z) = (
            self.sym("W", Some(i)),
            self.sym("B", Some(i)),
            self.sym("Z", Some(i)),
        );
        let tex = format!(
            "{z} = {x} \\cdot {w} + {b} = {} \\cdot {} + {}",
            matrix_tex(xv, true),
            matrix_tex(&l.w, true),
            matrix_tex(&l.b, true)
        );
        self.line(Quantity::Z(i), tex)
    }

    fn a_line(&self, i: usize) -> SolutionLine {
        let (a, z) = (self.sym("A", Some(i)), self.sym("Z", Some(i)));
        let zv = matrix_tex(&self.forward.z[i], false);
        let f = match self.network.layers()[i].activation {
            Activation::Identity => return self.line(Quantity::A(i), format!("{a} = {z}")),
            Activation::Sigmoid => "\\sigma",
            Activation::Tanh => "\\tanh",
            Activation::Relu => "\\mathrm{relu}",
            Activation::LeakyRelu => "\\mathrm{leaky}",
            Activation::Softmax => "\\mathrm{softmax}",
        };
        self.line(
            Quantity::A(i),
            format!("{a} = {f}({z}) = {f}\\left({zv}\\right)"),
        )
    }

    fn loss_line(&self) -> SolutionLine {
        let n = self.depth();
        let (a, y) = (self.sym("A", Some(n - 1)), self.sym("Y", None));
        let m = self.samples();
        let mean = if m == 1 {
            String::new()
        } else {
            format!("\\frac{{1}}{{{m}}}")
        };
        let sum = if self.y.len() == 1 { "" } else { "\\sum " };
        let tex = match self.network.loss() {
            Loss::Mse => format!("L = {mean}{sum}\\frac{{1}}{{2}}({a} - {y})^2"),
            Loss::BinaryCrossEntropy => {
                format!("L = -{mean}{sum}\\left[{y}\\ln {a} + (1 - {y})\\ln(1 - {a})\\right]")
            }
            Loss::SoftmaxCrossEntropy => format!("L = -{mean}\\sum {y}\\ln {a}"),
        };
        self.line(Quantity::Loss, tex)
    }

    fn dz_line(&self, i: usize) -> SolutionLine {
        let n = self.depth();
        let l = &self.network.layers()[i];
        let dz = self.sym("dZ", Some(i));
        if i == n - 1 {
            // With an identity output the deck writes z − y: A is Z.
            let stem = if l.activation == Activation::Identity {
                "Z"
            } else {
                "A"
            };
            let (a, y) = (self.sym(stem, Some(i)), self.sym("Y", None));
            let av = matrix_tex(&self.forward.a[i], false);
            let yv = matrix_tex(&self.y, true);
            let tex = if l.activation == self.network.loss().natural_output() {
                format!("{dz} = {a} - {y} = {av} - {yv}")
            } else {
                format!(
                    "{dz} = ({a} - {y}) \\odot {}'({})",
                    act_name(l.activation),
                    self.sym("Z", Some(i))
                )
            };
            return self.line(Quantity::DZ(i), tex);
        }
        let next = &self.network.layers()[i + 1];
        let (dz_next, w_next) = (self.sym("dZ", Some(i + 1)), self.sym("W", Some(i + 1)));
        let back = self.grads.layers[i + 1].dz.dot(&next.w.t());
        let a = self.sym("A", Some(i));
        let av = &self.forward.a[i];
        let (deriv, dv) = match l.activation {
            Activation::Sigmoid => (format!("{a}(1 - {a})"), av.mapv(|v| v * (1.0 - v))),
            Activation::Tanh => (format!("(1 - {a}^2)"), av.mapv(|v| 1.0 - v * v)),
            Activation::Identity => {
                let tex = format!("{dz} = {dz_next} \\cdot {w_next}^{{\\top}}");
                return self.line(Quantity::DZ(i), tex);
            }
            other => (
                format!("{}'({})", act_name(other), self.sym("Z", Some(i))),
                self.forward.z[i].mapv(|v| other.scalar_derivative(v)),
            ),
        };
        let tex = format!(
            "{dz} = {dz_next} \\cdot {w_next}^{{\\top}} \\odot {deriv} = {} \\odot {}",
            matrix_tex(&back, true),
            matrix_tex(&dv, true)
        );
        self.line(Quantity::DZ(i), tex)
    }

    fn dw_line(&self, i: usize) -> SolutionLine {
        let (x, xv) = self.input(i);
        let (dw, dz) = (self.sym("dW", Some(i)), self.sym("dZ", Some(i)));
        let m = self.samples();
        let mean = if m == 1 {
            String::new()
        } else {
            format!("\\frac{{1}}{{{m}}}")
        };
        let t = if xv.len() == 1 { "" } else { "^{\\top}" };
        let tex = format!(
            "{dw} = {mean}{x}{t} \\cdot {dz} = {mean}{} \\cdot {}",
            matrix_tex(&xv.t().to_owned(), true),
            matrix_tex(&self.grads.layers[i].dz, true)
        );
        self.line(Quantity::DW(i), tex)
    }

    fn db_line(&self, i: usize) -> SolutionLine {
        let (db, dz) = (self.sym("dB", Some(i)), self.sym("dZ", Some(i)));
        let m = self.samples();
        let tex = if m == 1 {
            format!("{db} = {dz}")
        } else {
            format!("{db} = \\frac{{1}}{{{m}}}\\sum_{{i=1}}^{{{m}}} ({dz})_i")
        };
        self.line(Quantity::DB(i), tex)
    }
}

fn act_name(a: Activation) -> &'static str {
    match a {
        Activation::Identity => "\\mathrm{id}",
        Activation::Sigmoid => "\\sigma",
        Activation::Tanh => "\\tanh",
        Activation::Relu => "\\mathrm{relu}",
        Activation::LeakyRelu => "\\mathrm{leaky}",
        Activation::Softmax => "\\mathrm{softmax}",
    }
}
