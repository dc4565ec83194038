//! Tables the engine computes: the saturation exercise, as one summary row
//! per exercise or as every step of one, so a lesson shows the numbers a
//! run gives rather than numbers typed by hand.

use super::limits::MAX_TABLE_CELLS;
use super::{Checker, idx, key};
use crate::engine::saturation::{SaturationEnd, SaturationRun};
use crate::lesson::model::Table;
use crate::lesson::raw::RawTable;
use crate::lesson::text::Text;
use crate::spec::PathSeg;
use crate::spec::saturation::SaturationSpec;

/// The summary's column headings. A generated table is lesson content, so
/// its words live here beside it, like a lesson's own text.
const SUMMARY: [(&str, &str); 6] = [
    ("activation", "激活函数"),
    ("η", "η"),
    ("z at the start", "起点的 z"),
    ("z at the end", "终点的 z"),
    ("a at the end", "终点的 a"),
    ("steps", "步数"),
];

/// The step table's column headings.
const STEPS: [(&str, &str); 4] = [
    ("step", "步"),
    ("z", "z"),
    ("a", "a"),
    ("slope σ′(z)", "斜率 σ′(z)"),
];

fn header(words: &[(&str, &str)]) -> Vec<Text> {
    (words.iter())
        .map(|(en, zh)| Text {
            en: (*en).into(),
            zh: (*zh).into(),
        })
        .collect()
}

/// A steps cell: the count, or why the run ended without reaching the target.
fn steps_cell(end: SaturationEnd) -> Text {
    match end {
        SaturationEnd::Reached { steps } => Text::same(steps.to_string()),
        SaturationEnd::Stuck { steps } => Text {
            en: format!("stuck after {steps} (slope 0)"),
            zh: format!("{steps} 步后停住（斜率为 0）"),
        },
        SaturationEnd::MaxSteps { steps } => Text {
            en: format!("not reached in {steps}"),
            zh: format!("{steps} 步内未到达"),
        },
    }
}

/// A number in a cell: four decimals, enough to see z creep.
fn cell(v: f64) -> Text {
    Text::same(format!("{v:.4}"))
}

/// The table of a `saturation` or `saturation_steps` source (exactly one,
/// and no header or rows beside it).
pub(super) fn saturation(c: &mut Checker, path: &[PathSeg], t: &RawTable) -> Table {
    if !t.header.is_empty()
        || !t.rows.is_empty()
        || (t.saturation.is_some() && t.saturation_steps.is_some())
    {
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
                c.report(e.path, e.problem.to_string(), e.hint.map(|h| h.to_string()));
            }
            None
        }
    };
    let empty = || Table {
        header: Vec::new(),
        rows: Vec::new(),
    };
    if let Some(spec) = &t.saturation_steps {
        let at = key(path, "saturation_steps");
        let Some((r, _)) = run(at.clone(), spec) else {
            return empty();
        };
        let table = steps_table(&r);
        return match too_many_cells(&table) {
            Some(message) => {
                let hint = "lower max_steps, or use saturation: [...] for one summary row";
                c.report(at, message, Some(hint.into()));
                empty()
            }
            None => table,
        };
    }
    let specs = t.saturation.as_deref().unwrap_or_default();
    if (specs.len() + 1) * SUMMARY.len() > MAX_TABLE_CELLS {
        c.report(
            key(path, "saturation"),
            format!(
                "{} exercises make a table of more than {MAX_TABLE_CELLS} cells",
                specs.len()
            ),
            None,
        );
        return empty();
    }
    let header = header(&SUMMARY);
    let rows = (specs.iter().enumerate())
        .filter_map(|(i, s)| {
            let (r, eta) = run(idx(&key(path, "saturation"), i), s)?;
            let (first, last) = (r.states.first()?, r.states.last()?);
            Some(vec![
                Text::same(s.activation.name()),
                Text::same(eta.to_string()),
                cell(first.z),
                cell(last.z),
                cell(last.a),
                steps_cell(r.end),
            ])
        })
        .collect();
    Table { header, rows }
}

/// A message when `table` is over the lesson limit on table cells.
fn too_many_cells(table: &Table) -> Option<String> {
    let n = (table.rows.len() + 1) * table.header.len();
    (n > MAX_TABLE_CELLS).then(|| {
        format!(
            "the exercise takes {} steps, a table of {n} cells; the limit is {MAX_TABLE_CELLS}",
            table.rows.len().saturating_sub(1)
        )
    })
}

fn steps_table(r: &SaturationRun) -> Table {
    let header = header(&STEPS);
    let rows = (r.states.iter())
        .map(|s| {
            vec![
                Text::same(s.step.to_string()),
                cell(s.z),
                cell(s.a),
                cell(s.slope),
            ]
        })
        .collect();
    Table { header, rows }
}
