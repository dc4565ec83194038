//! Checks of the step kinds that show things: text, formulas, matrices,
//! tables, training runs and comparisons. Training specs are resolved here
//! (data loaded, network built, nothing trained), so a lesson that checks
//! clean will run.

use ndarray::Array2;

use super::{Checker, Problem, idx, key, quiz};
use crate::dataset::{Table as DataTable, builtin, csv_io};
use crate::lesson::model::{CapacityStep, Compare, Matrix, Run, Show, StepKind, Table, TrainStep};
use crate::lesson::raw::{FromData, Param, RawCompare, RawKind, RawMatrix, RawStep, RawTable};
use crate::spec::{self, PathSeg, Resolved, TrainSpec};

pub(super) fn check_kind(
    c: &mut Checker,
    path: &[PathSeg],
    s: &RawStep,
    kind: RawKind,
) -> Option<StepKind> {
    Some(match kind {
        RawKind::Text => StepKind::Text(c.text(key(path, "text"), s.text.as_ref()?)),
        RawKind::Formula => {
            let tex = s.formula.clone()?;
            if tex.is_empty() {
                c.report(key(path, "formula"), "give at least one formula", None);
            }
            check_formulas(c, &key(path, "formula"), &tex);
            let caption = c.opt_text(key(path, "caption"), s.caption.as_ref());
            StepKind::Formula { tex, caption }
        }
        RawKind::Matrix => {
            StepKind::Matrix(check_matrix(c, &key(path, "matrix"), s.matrix.as_ref()?)?)
        }
        RawKind::Table => StepKind::Table(check_table(c, &key(path, "table"), s.table.as_ref()?)),
        RawKind::Train => StepKind::Train(Box::new(check_train(c, path, s)?)),
        RawKind::Compare => {
            let mut cmp = check_compare(c, &key(path, "compare"), s.compare.as_ref()?)?;
            if let Some(p) = &s.predict {
                let specs: Vec<&TrainSpec> = cmp.runs.iter().map(|r| &r.spec).collect();
                cmp.predict =
                    super::predict::check_predict(c, &key(path, "predict"), p, &specs, true);
            }
            StepKind::Compare(cmp)
        }
        RawKind::Quiz => StepKind::Quiz(quiz::check_quiz(c, &key(path, "quiz"), s.quiz.as_ref()?)),
        RawKind::Capacity => {
            let spec = s.capacity?;
            match spec.resolve(&key(path, "capacity")) {
                Ok(result) => StepKind::Capacity(Box::new(CapacityStep { spec, result })),
                Err(errors) => {
                    for e in errors {
                        c.report(e.path, e.problem.to_string(), e.hint.map(|h| h.to_string()));
                    }
                    return None;
                }
            }
        }
        RawKind::Landscape => StepKind::Landscape(Box::new(super::views::check_landscape(
            c,
            &key(path, "landscape"),
            s.landscape.as_ref()?,
        )?)),
        RawKind::Plot => StepKind::Plot(super::views::check_plot(
            c,
            &key(path, "plot"),
            s.plot.as_ref()?,
        )?),
    })
}

/// Whether `tex` is in the LaTeX subset the formula renderer draws; on error,
/// the byte offset into `tex` and what was expected there.
fn check_formula(tex: &str) -> Result<(), (usize, String)> {
    crate::formula::parse_check(tex)
        .map_err(|e| (e.offset, format!("{}, found {}", e.expected, e.found)))
}

fn check_formulas(c: &mut Checker, path: &[PathSeg], tex: &[String]) {
    for (i, t) in tex.iter().enumerate() {
        if let Err((offset, expected)) = check_formula(t) {
            c.problems.push(Problem {
                path: idx(path, i),
                offset,
                message: "the formula does not parse".into(),
                hint: Some(format!("expected {expected}")),
            });
        }
    }
}

fn check_table(c: &mut Checker, path: &[PathSeg], t: &RawTable) -> Table {
    let given = t.saturation.is_some() || t.saturation_steps.is_some();
    if given {
        return super::generated_table::saturation(c, path, t);
    }
    if t.header.is_empty() {
        c.report(
            key(path, "header"),
            "a table needs at least one column",
            None,
        );
    }
    let header = (t.header.iter().enumerate())
        .map(|(i, h)| c.text(idx(&key(path, "header"), i), h))
        .collect();
    let mut rows = Vec::new();
    for (r, row) in t.rows.iter().enumerate() {
        let rp = idx(&key(path, "rows"), r);
        if row.len() != t.header.len() {
            c.report(
                rp.clone(),
                format!(
                    "row {} has {} cell(s), but the header has {} column(s)",
                    r + 1,
                    row.len(),
                    t.header.len()
                ),
                None,
            );
        }
        rows.push(
            (row.iter().enumerate())
                .map(|(i, cell)| c.text(idx(&rp, i), cell))
                .collect(),
        );
    }
    Table { header, rows }
}

/// Resolves `spec` (with the lesson's seed), reporting its problems under `path`.
pub(super) fn resolve_at(c: &mut Checker, path: &[PathSeg], spec: &TrainSpec) -> Option<Resolved> {
    let spec = seeded(spec, c.seed);
    match spec::resolve(&spec, c.base_dir) {
        Ok(r) => Some(r),
        Err(errors) => {
            for e in errors {
                let mut p = path.to_vec();
                p.extend(e.path);
                c.report(p, e.problem.to_string(), e.hint.map(|h| h.to_string()));
            }
            None
        }
    }
}

fn seeded(spec: &TrainSpec, seed: Option<u64>) -> TrainSpec {
    let mut s = spec.clone();
    if let Some(seed) = seed {
        s.seed = seed;
    }
    s
}

fn check_train(c: &mut Checker, path: &[PathSeg], s: &RawStep) -> Option<TrainStep> {
    let spec = s.train.as_ref()?;
    let resolved = resolve_at(c, &key(path, "train"), spec);
    let show = s
        .show
        .clone()
        .unwrap_or_else(|| vec![Show::Loss, Show::Fit]);
    if show.is_empty() {
        c.report(
            key(path, "show"),
            "show lists nothing",
            Some(format!(
                "choose from {}",
                Show::ALL.map(Show::name).join(", ")
            )),
        );
    }
    if let Some(r) = &resolved {
        let inputs = r.info.raw_features.len();
        let classify = r.info.classes.is_some();
        for (i, item) in show.iter().enumerate() {
            let why = match item {
                Show::Fit if inputs != 1 || classify => {
                    Some("fit needs one input column and a regression loss (mse)")
                }
                Show::Boundary if inputs != 2 || !classify => {
                    Some("boundary needs two input columns and a classification loss")
                }
                Show::Hidden if !hidden_view_fits(r) => Some(
                    "hidden needs one hidden layer (two layers in all) and either one input \
                     with mse and one output, or two inputs with a classification loss and \
                     at least two hidden units",
                ),
                _ => None,
            };
            if let Some(why) = why {
                c.report(
                    idx(&key(path, "show"), i),
                    format!("this run cannot show `{}`", item.name()),
                    Some(why.into()),
                );
            }
        }
    }
    let formulas = s.formulas.clone().unwrap_or_default();
    check_formulas(c, &key(path, "formulas"), &formulas);
    let predict = (s.predict.as_ref())
        .and_then(|p| super::predict::check_predict(c, &key(path, "predict"), p, &[spec], false));
    Some(TrainStep {
        spec: seeded(spec, c.seed),
        show,
        formulas,
        predict,
    })
}

/// Whether the hidden-unit view can draw the run (see
/// [`crate::session::hidden`]).
fn hidden_view_fits(r: &crate::spec::Resolved) -> bool {
    let layers = r.trainer.network().layers();
    let (inputs, classify) = (r.info.raw_features.len(), r.info.classes.is_some());
    match layers {
        [h, out] => match (inputs, classify) {
            (1, false) => out.units() == 1 && out.activation == crate::engine::Activation::Identity,
            (2, true) => h.units() >= 2,
            _ => false,
        },
        _ => false,
    }
}

fn check_compare(c: &mut Checker, path: &[PathSeg], cmp: &RawCompare) -> Option<Compare> {
    if cmp.runs.len() < 2 {
        c.report(
            key(path, "runs"),
            format!(
                "a comparison needs at least two runs, found {}",
                cmp.runs.len()
            ),
            None,
        );
    }
    let runs = check_runs(c, path, cmp.base.as_ref(), &cmp.runs);
    Some(Compare {
        runs,
        predict: None,
    })
}

/// The runs of a comparison or a landscape, each a whole spec (its own, or
/// the base with its `set` applied), reporting problems at `path`.
pub(super) fn check_runs(
    c: &mut Checker,
    path: &[PathSeg],
    base: Option<&TrainSpec>,
    raw_runs: &[crate::lesson::raw::RawRun],
) -> Vec<Run> {
    let mut runs = Vec::new();
    for (i, run) in raw_runs.iter().enumerate() {
        let rp = idx(&key(path, "runs"), i);
        let name = c.text(key(&rp, "name"), &run.name);
        let spec = match (&run.set, &run.spec, base) {
            (None, Some(spec), _) => {
                resolve_at(c, &key(&rp, "spec"), spec);
                spec.clone()
            }
            (Some(set), None, Some(base)) => {
                let merged = set.apply(base);
                let before = c.problems.len();
                resolve_at(c, &[], &merged);
                // Point each problem at the override when the run sets that
                // key, else at the base spec.
                let set_yaml = serde_yaml::to_value(set).unwrap_or_default();
                for p in &mut c.problems[before..] {
                    let overridden = match p.path.first() {
                        Some(PathSeg::Key(k)) => set_yaml.get(k).is_some_and(|v| !v.is_null()),
                        _ => false,
                    };
                    let mut full = if overridden {
                        key(&rp, "set")
                    } else {
                        key(path, "base")
                    };
                    full.append(&mut p.path);
                    p.path = full;
                }
                merged
            }
            (Some(_), None, None) => {
                c.report(
                    key(&rp, "set"),
                    "`set` changes the comparison's base spec, but there is no `base`",
                    Some(
                        "add `base:` to the compare step, or give this run a whole `spec:`".into(),
                    ),
                );
                continue;
            }
            (Some(_), Some(_), _) => {
                c.report(
                    key(&rp, "spec"),
                    "a run has either `set` or `spec`, not both",
                    None,
                );
                continue;
            }
            (None, None, Some(base)) => {
                resolve_at(c, &key(path, "base"), base);
                base.clone()
            }
            (None, None, None) => {
                c.report(
                    key(&rp, "name"),
                    "this run has neither `set` nor `spec`, and there is no `base`",
                    None,
                );
                continue;
            }
        };
        runs.push(Run {
            name,
            spec: seeded(&spec, c.seed),
        });
    }
    runs
}

fn check_matrix(c: &mut Checker, path: &[PathSeg], m: &RawMatrix) -> Option<Matrix> {
    let caption = c.opt_text(key(path, "caption"), m.caption.as_ref());
    let sources = [m.rows.is_some(), m.from.is_some(), m.closed_form.is_some()];
    if sources.iter().filter(|s| **s).count() != 1 {
        c.report(
            key(path, "name"),
            "a matrix needs exactly one source",
            Some("give one of rows: [[…]], from: {data: …} or closed_form: {spec}".into()),
        );
        return None;
    }
    if m.param.is_some() && m.closed_form.is_none() {
        c.report(
            key(path, "param"),
            "`param` applies to closed_form matrices only",
            None,
        );
    }
    let values = if let Some(rows) = &m.rows {
        inline_rows(c, &key(path, "rows"), rows)?
    } else if let Some(from) = &m.from {
        from_data(c, &key(path, "from"), from)?
    } else {
        let mut spec = m.closed_form.clone()?;
        spec.closed_form = true;
        let r = resolve_at(c, &key(path, "closed_form"), &spec)?;
        let (w, b) = r.info.closed_form?;
        match m.param.unwrap_or(Param::W) {
            Param::W => w,
            Param::B => b,
        }
    };
    Some(Matrix {
        name: m.name.clone(),
        values,
        caption,
    })
}

fn inline_rows(c: &mut Checker, path: &[PathSeg], rows: &[Vec<f64>]) -> Option<Array2<f64>> {
    let cols = rows.first().map_or(0, Vec::len);
    if cols == 0 {
        c.report(
            path.to_vec(),
            "a matrix needs at least one row and one column",
            None,
        );
        return None;
    }
    if let Some(r) = rows.iter().position(|r| r.len() != cols) {
        c.report(
            idx(path, r),
            format!(
                "row {} has {} value(s), but the first row has {cols}",
                r + 1,
                rows[r].len()
            ),
            Some("every row of a matrix has the same length".into()),
        );
        return None;
    }
    Some(Array2::from_shape_fn((rows.len(), cols), |(i, j)| {
        rows[i][j]
    }))
}

fn from_data(c: &mut Checker, path: &[PathSeg], f: &FromData) -> Option<Array2<f64>> {
    let table: Result<DataTable, String> = if f.data.ends_with(".csv") {
        csv_io::read_lesson_csv(c.base_dir, std::path::Path::new(&f.data))
            .map_err(|e| e.to_string())
    } else {
        builtin::generate(&f.data)
            .map(|b| b.train)
            .map_err(|e| e.to_string())
    };
    let table = match table {
        Ok(t) => t,
        Err(e) => {
            c.report(
                key(path, "data"),
                e,
                Some("name a built-in dataset, or a CSV file (ending in .csv) relative to the lesson".into()),
            );
            return None;
        }
    };
    let columns = f.columns.clone().unwrap_or_else(|| table.columns.clone());
    let mut ok = true;
    let known = table.column_map();
    for (i, col) in columns.iter().enumerate() {
        if !known.contains_key(col.as_str()) {
            c.report(
                idx(&key(path, "columns"), i),
                format!("{} has no column named '{col}'", f.data),
                Some(format!("the columns are: {}", table.columns_list())),
            );
            ok = false;
        }
    }
    let m = table.select(&columns, &f.data).ok().filter(|_| ok)?;
    let n = f.rows.unwrap_or(m.nrows());
    if n == 0 || n > m.nrows() {
        c.report(
            key(path, "rows"),
            format!("rows must be 1 to {}, found {n}", m.nrows()),
            None,
        );
        return None;
    }
    let max = super::limits::MAX_MATRIX_CELLS;
    if n.checked_mul(m.ncols()).is_none_or(|cells| cells > max) {
        c.report(
            key(path, "rows"),
            format!(
                "{n} rows of {} columns is over the limit of {max} cells for a matrix shown",
                m.ncols()
            ),
            Some("show the first few rows with rows: N".into()),
        );
        return None;
    }
    Some(Array2::from_shape_fn((n, m.ncols()), |(i, j)| m[[i, j]]))
}
