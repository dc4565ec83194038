//! A `train` or `compare` step whose run cannot be set up here (a lesson
//! that `nnstep check` would reject): the settings it asks for, and how to
//! run the step as text to see the problem.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::ViewCtx;
use super::formula::formula_lines;
use super::table::styled;
use crate::lesson::{Compare, Lang, StepKind, TrainStep};
use crate::session::Session;
use crate::spec::{BatchSizeSpec, TrainSpec};
use crate::text::table as plain_table;
use crate::tui::prose;
use crate::words::{self, TrainWords, train_words};

#[must_use]
pub fn lines(session: &Session, ctx: &ViewCtx) -> Vec<Line<'static>> {
    let w = train_words(ctx.lang);
    let mut out = match &session.step().kind {
        StepKind::Train(t) => train(t, w, ctx),
        StepKind::Compare(c) => compare(c, w, ctx),
        StepKind::Text(_)
        | StepKind::Formula { .. }
        | StepKind::Matrix(_)
        | StepKind::Table(_)
        | StepKind::Quiz(_)
        | StepKind::Capacity(_)
        | StepKind::Landscape(_)
        | StepKind::Plot(_) => return Vec::new(),
    };
    out.push(Line::default());
    out.extend(prose::lines(
        w.cannot_run,
        usize::from(ctx.width),
        ctx.theme,
    ));
    out.push(Line::from(Span::styled(w.plain_hint, ctx.theme.dim())));
    let cmd = format!(
        "  nnstep run {} --plain --step {}",
        session.lesson().id,
        session.index() + 1
    );
    out.push(Line::from(Span::styled(cmd, ctx.theme.code())));
    out
}

fn data(spec: &TrainSpec, w: &TrainWords) -> String {
    match (&spec.data.builtin, &spec.data.csv) {
        (Some(b), _) => format!("{}: {b}", w.builtin),
        (None, Some(p)) => p.display().to_string(),
        (None, None) => "?".into(),
    }
}

fn layers(spec: &TrainSpec, lang: Lang) -> String {
    let parts: Vec<String> = (spec.layers.iter())
        .map(|l| {
            format!(
                "{} ({})",
                l.units,
                words::train::activation(lang, l.activation)
            )
        })
        .collect();
    parts.join(" → ")
}

fn batch(b: BatchSizeSpec, lang: Lang) -> String {
    b.to_engine()
        .map_or("?".into(), |b| words::train::batch_label(lang, &b.label()))
}

fn train(t: &TrainStep, l: &TrainWords, ctx: &ViewCtx) -> Vec<Line<'static>> {
    let s = &t.spec;
    let yes_no = |b: bool| if b { l.yes } else { l.no };
    let rows = [
        (l.data, data(s, l)),
        (l.layers, layers(s, ctx.lang)),
        (
            l.loss,
            words::train::loss_name(ctx.lang, s.loss).to_string(),
        ),
        (l.learning_rate, s.learning_rate.to_string()),
        (l.batch_size, batch(s.batch_size, ctx.lang)),
        (l.epochs, s.epochs.to_string()),
        (l.shuffle, yes_no(s.shuffle).to_string()),
        (l.seed, s.seed.to_string()),
    ];
    let key_w = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let mut out: Vec<Line<'static>> = (rows.iter())
        .map(|(k, v)| {
            let pad = " ".repeat(key_w - k.width() + 2);
            Line::from(vec![
                Span::styled(format!("  {k}{pad}"), ctx.theme.dim()),
                Span::raw(v.clone()),
            ])
        })
        .collect();
    for f in &t.formulas {
        out.push(Line::default());
        out.extend(formula_lines(f, usize::from(ctx.width), ctx));
    }
    out
}

fn compare(c: &Compare, l: &TrainWords, ctx: &ViewCtx) -> Vec<Line<'static>> {
    let header: Vec<String> = [l.run, l.batch_size, "η", l.epochs, l.loss]
        .iter()
        .map(|h| (*h).to_string())
        .collect();
    let rows: Vec<Vec<String>> = (c.runs.iter())
        .map(|r| {
            vec![
                r.name.get(ctx.lang).to_string(),
                batch(r.spec.batch_size, ctx.lang),
                r.spec.learning_rate.to_string(),
                r.spec.epochs.to_string(),
                words::train::loss_name(ctx.lang, r.spec.loss).to_string(),
            ]
        })
        .collect();
    let mut out = vec![Line::from(format!(
        "  {}: {}",
        l.data,
        c.runs.first().map_or(String::new(), |r| data(&r.spec, l))
    ))];
    out.push(Line::default());
    out.extend(styled(
        &plain_table::render(&header, &rows, usize::from(ctx.width)),
        ctx,
    ));
    out
}
