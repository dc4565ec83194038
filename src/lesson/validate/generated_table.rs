//! Tables the engine computes: the saturation exercise, as one summary row
//! per exercise or as every step of one, so a lesson shows the numbers a
//! run gives rather than numbers typed by hand.

use super::{Checker, idx, key};
use crate::engine::saturation::{SaturationEnd, SaturationRun};
use crate::lesson::model::Table;
use crate::lesson::raw::RawTable;
use crate::lesson::text::{Lang, Text};
use crate::spec::PathSeg;
use crate::spec::saturation::SaturationSpec;
use crate::words::train as words;

/// Both languages' words as one text.
fn both(f: impl Fn(Lang) -> String) -> Text {
    Text {
        en: f(Lang::En),
        zh: f(Lang::Zh),
    }
}

/// A number in a cell: four decimals, enough to see z creep.
fn cell(v: f64) -> Text {
    Text::same(format!("{v:.4}"))
}

/// The table of a `saturation` or `saturation_steps` source (exactly one,
/// and no header or rows beside it).
pub(super) fn saturation(c: &mut Checker, path: &[PathSeg], t: &RawTable) -> Table {
    if !t.header.is_empty() || !t.rows.is_empty() || (t.saturation.is_some() && t.saturation_steps.is_some()) {
        c.report(
            path.to_vec(),
            "a table gives header and rows, or saturation, or saturation_steps: one of them",
            None,
        );
    }
    let mut run = |at: Vec<PathSeg>, s: &SaturationSpec| match s.resolve(&at) {
        Ok(ex) => Some((ex.run(), ex.learning_rate)),
        Err(errors) => {
            for e in errors {
                c.report(e.path, e.message, e.hint);
            }
            None
        }
    };
    if let Some(spec) = &t.saturation_steps {
        let Some((r, _)) = run(key(path, "saturation_steps"), spec) else {
            return Table { header: Vec::new(), rows: Vec::new() };
        };
        return steps_table(&r);
    }
    let specs = t.saturation.as_deref().unwrap_or_default();
    let header = (0..6)
        .map(|i| both(|l| words::saturation_summary_columns(l)[i].to_string()))
        .collect();
    let rows = (specs.iter().enumerate())
        .filter_map(|(i, s)| {
            let (r, eta) = run(idx(&key(path, "saturation"), i), s)?;
            let (first, last) = (r.states.first()?, r.states.last()?);
            let steps = match r.end {
                SaturationEnd::Reached { steps } => Text::same(steps.to_string()),
                end => both(|l| words::saturation_end(l, end, s.target)),
            };
            Some(vec![
                both(|l| words::activation(l, s.activation).to_string()),
                Text::same(eta.to_string()),
                cell(first.z),
                cell(last.z),
                cell(last.a),
                steps,
            ])
        })
        .collect();
    Table { header, rows }
}

fn steps_table(r: &SaturationRun) -> Table {
    let header = (0..4)
        .map(|i| both(|l| words::saturation_columns(l)[i].to_string()))
        .collect();
    let rows = (r.states.iter())
        .map(|s| vec![Text::same(s.step.to_string()), cell(s.z), cell(s.a), cell(s.slope)])
        .collect();
    Table { header, rows }
}
