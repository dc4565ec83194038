//! The step's formulas with the current numbers bound in: the first sample
//! of the current batch, its x, y, z under the shown parameters, and the
//! engine's gradient for that sample as the result.

use crate::lesson::Lang;
use crate::words;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Look;
use crate::formula::{Bindings, BoundFormula, Glyphs, NumberFormat, RenderOptions};
use crate::session::training::{SampleValues, Training};

/// Parsed formulas, ready to have numbers bound each frame.
pub struct Formulas {
    items: Vec<(String, Option<BoundFormula>)>,
    look: Look,
}

impl Formulas {
    /// Parses each formula once; one that does not parse is shown as source.
    #[must_use]
    pub fn new(tex: &[String], look: Look) -> Self {
        let glyphs = if look.ascii {
            Glyphs::Ascii
        } else {
            Glyphs::Unicode
        };
        let opts = RenderOptions { glyphs, width: 60 };
        Self {
            items: tex
                .iter()
                .map(|t| (t.clone(), BoundFormula::new(t, &opts).ok()))
                .collect(),
            look,
        }
    }

    /// How the dashboard draws.
    #[must_use]
    pub fn look(&self) -> Look {
        self.look
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Draws every formula with the sample's values substituted.
    pub fn render(&self, area: Rect, buf: &mut Buffer, training: &Training, lang: Lang) {
        let values = training.sample_values().ok();
        let mut lines: Vec<Line> = Vec::new();
        if let Some(v) = &values {
            lines.push(Line::from(words::train::sample_of_batch(lang, v.row + 1)));
        }
        for (tex, bound) in &self.items {
            match (bound, &values) {
                (Some(b), Some(v)) => {
                    let (bindings, result) = bind(tex, v);
                    let r = b.render(&bindings, result, NumberFormat::default());
                    lines.extend(
                        r.lines
                            .into_iter()
                            .map(|l| Line::from(l.trim_end().to_string())),
                    );
                }
                _ => lines.push(Line::from(tex.clone())),
            }
        }
        // A value line wider than the panel wraps rather than being cut off.
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(
                self.look
                    .block(&format!(" {} ", words::train_words(lang).formulas_title)),
            )
            .render(area, buf);
    }
}

/// The bindings of a single-neuron sample, and the result the formula's left
/// side asks for: dw, db or dz from the engine's own backward pass, z or a
/// from its forward pass, or an update `w ← w − η(z − y)x` worked out from
/// the very numbers printed. Every number is the shown epoch's: its
/// parameters, the sample under them, and η.
#[must_use]
pub fn bind(tex: &str, v: &SampleValues) -> (Bindings, Option<f64>) {
    let mut b = Bindings::new();
    let first = |xs: &[f64]| xs.first().copied().unwrap_or(f64::NAN);
    for (name, value) in [
        ("x", first(&v.x)),
        ("y", first(&v.y)),
        ("z", first(&v.z)),
        ("a", first(&v.a)),
    ] {
        b.set(name, value);
        b.set(&format!("{name}_i"), value);
    }
    for (j, x) in v.x.iter().enumerate() {
        b.set(&format!("x_{}", j + 1), *x);
    }
    b.set("x_j", first(&v.x));
    b.set("\\eta", v.learning_rate);
    // One layer with one output: w, b, and w_j for each input j.
    let single = match (v.w.as_slice(), v.b.as_slice()) {
        ([w], [bias]) if w.ncols() == 1 => Some((w, bias[[0, 0]])),
        _ => None,
    };
    if let Some((w, bias)) = single {
        b.set("w", w[[0, 0]]);
        b.set("w_j", w[[0, 0]]);
        b.set("b", bias);
        for j in 0..w.nrows() {
            b.set(&format!("w_{}", j + 1), w[[j, 0]]);
        }
    }
    let update = tex.contains("\\leftarrow");
    let lhs = if update {
        tex.split("\\leftarrow").next().unwrap_or("")
    } else {
        tex.split('=').next().unwrap_or("")
    };
    let compact: String = lhs.chars().filter(|c| !c.is_whitespace()).collect();
    let dw = v.dw.last().and_then(|m| m.first().copied());
    let db = v.db.last().and_then(|m| m.first().copied());
    let (x, y, z, a) = (first(&v.x), first(&v.y), first(&v.z), first(&v.a));
    let eta = v.learning_rate;
    let result = if update {
        // The update for this one sample, from the printed terms.
        match (compact.as_str(), single) {
            ("w" | "w_j" | "w_{j}", Some((w, _))) => Some(w[[0, 0]] - eta * (z - y) * x),
            ("b", Some((_, bias))) => Some(bias - eta * (z - y)),
            _ => None,
        }
    } else if compact.contains("\\partialw") || compact.starts_with("dw") {
        dw
    } else if compact.contains("\\partialb") || compact.starts_with("db") {
        db
    } else if compact.contains("\\partialz") || compact.starts_with("dz") {
        Some(a - y)
    } else if compact == "z" || compact == "z_i" || compact == "z_{i}" {
        Some(z)
    } else if compact == "a" || compact == "a_i" || compact == "a_{i}" {
        Some(a)
    } else {
        None
    };
    (b, result)
}

/// Each formula's value line as text (`= 0.807·2.067 + 2.999 = 4.662`), or
/// `None` for one that does not parse or has no values: what the panel
/// prints under the formulas, for checking the arithmetic.
#[must_use]
pub fn value_lines(tex: &[String], v: &SampleValues, ascii: bool) -> Vec<Option<String>> {
    let glyphs = if ascii {
        Glyphs::Ascii
    } else {
        Glyphs::Unicode
    };
    let opts = RenderOptions { glyphs, width: 200 };
    tex.iter()
        .map(|t| {
            let bound = BoundFormula::new(t, &opts).ok()?;
            let (bindings, result) = bind(t, v);
            Some(bound.values_inline(&bindings, result, NumberFormat::default()))
        })
        .collect()
}
