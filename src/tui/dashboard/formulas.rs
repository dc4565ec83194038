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
                    let (bindings, result) = bind(tex, v, training);
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
/// side asks for (dw, db or dz) from the engine's own backward pass.
#[must_use]
pub fn bind(tex: &str, v: &SampleValues, training: &Training) -> (Bindings, Option<f64>) {
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
    let layers = training.run().trainer.network().layers();
    if let [layer] = layers
        && layer.w.len() == 1
    {
        b.set("w", layer.w[[0, 0]]);
        b.set("b", layer.b[[0, 0]]);
    }
    let lhs = tex.split('=').next().unwrap_or("");
    let compact: String = lhs.chars().filter(|c| !c.is_whitespace()).collect();
    let dw = v.dw.last().and_then(|m| m.first().copied());
    let db = v.db.last().and_then(|m| m.first().copied());
    let result = if compact.contains("\\partialw") || compact.starts_with("dw") {
        dw
    } else if compact.contains("\\partialb") || compact.starts_with("db") {
        db
    } else if compact.contains("\\partialz") || compact.starts_with("dz") {
        Some(first(&v.a) - first(&v.y))
    } else if compact == "z" || compact == "z_i" || compact == "z_{i}" {
        Some(first(&v.z))
    } else if compact == "a" || compact == "a_i" || compact == "a_{i}" {
        Some(first(&v.a))
    } else {
        None
    };
    (b, result)
}
