//! `train`, `compare` and `quiz` steps until their full-screen views exist:
//! what will run (the data, network, loss, η, batch size, epochs), or the
//! questions, and how to run the step as text today.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::ViewCtx;
use super::formula::formula_lines;
use super::table::styled;
use crate::lesson::{Compare, Question, QuestionKind, StepKind, TrainStep};
use crate::plain::table as plain_table;
use crate::session::Session;
use crate::spec::{BatchSizeSpec, TrainSpec};
use crate::tui::labels::{Labels, labels};
use crate::tui::prose;

#[must_use]
pub fn lines(session: &Session, ctx: &ViewCtx) -> Vec<Line<'static>> {
    let l = labels(ctx.lang);
    let title = match session.step().kind {
        StepKind::Quiz(_) => l.questions,
        _ => l.later_title,
    };
    let mut out = vec![
        Line::from(Span::styled(title, ctx.theme.title())),
        Line::default(),
    ];
    let later = match &session.step().kind {
        StepKind::Train(t) => {
            out.extend(train(t, l, ctx));
            l.later_train
        }
        StepKind::Compare(c) => {
            out.extend(compare(c, l, ctx));
            l.later_train
        }
        StepKind::Quiz(qs) => {
            out.extend(quiz(qs, ctx));
            l.later_quiz
        }
        _ => return Vec::new(),
    };
    out.push(Line::default());
    out.extend(prose::lines(later, usize::from(ctx.width), ctx.theme));
    out.push(Line::from(Span::styled(l.plain_hint, ctx.theme.dim())));
    let cmd = format!(
        "  nnstep run {} --plain --step {}",
        session.lesson().id,
        session.index() + 1
    );
    out.push(Line::from(Span::styled(cmd, ctx.theme.code())));
    out
}

fn data(spec: &TrainSpec) -> String {
    match (&spec.data.builtin, &spec.data.csv) {
        (Some(b), _) => format!("built-in: {b}"),
        (None, Some(p)) => p.display().to_string(),
        (None, None) => "?".into(),
    }
}

fn layers(spec: &TrainSpec) -> String {
    let parts: Vec<String> = (spec.layers.iter())
        .map(|l| format!("{} ({})", l.units, l.activation.name()))
        .collect();
    parts.join(" → ")
}

fn batch(b: BatchSizeSpec) -> String {
    b.to_engine().map_or("?".into(), |b| b.label())
}

fn train(t: &TrainStep, l: &Labels, ctx: &ViewCtx) -> Vec<Line<'static>> {
    let s = &t.spec;
    let yes_no = |b: bool| if b { l.yes } else { l.no };
    let rows = [
        (l.data, data(s)),
        (l.layers, layers(s)),
        (l.loss, s.loss.name().to_string()),
        (l.learning_rate, s.learning_rate.to_string()),
        (l.batch, batch(s.batch_size)),
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

fn compare(c: &Compare, l: &Labels, ctx: &ViewCtx) -> Vec<Line<'static>> {
    let header: Vec<String> = [l.runs, l.batch, "η", l.epochs, l.loss]
        .iter()
        .map(|h| (*h).to_string())
        .collect();
    let rows: Vec<Vec<String>> = (c.runs.iter())
        .map(|r| {
            vec![
                r.name.get(ctx.lang).to_string(),
                batch(r.spec.batch_size),
                r.spec.learning_rate.to_string(),
                r.spec.epochs.to_string(),
                r.spec.loss.name().to_string(),
            ]
        })
        .collect();
    let mut out = vec![Line::from(format!(
        "  {}: {}",
        l.data,
        c.runs.first().map_or(String::new(), |r| data(&r.spec))
    ))];
    out.push(Line::default());
    out.extend(styled(
        &plain_table::render(&header, &rows, usize::from(ctx.width)),
        ctx,
    ));
    out
}

fn quiz(qs: &[Question], ctx: &ViewCtx) -> Vec<Line<'static>> {
    let width = usize::from(ctx.width);
    let mut out = Vec::new();
    for (i, q) in qs.iter().enumerate() {
        let lead = format!("{}. ", i + 1);
        let segs = [(
            q.ask.get(ctx.lang).to_string(),
            ratatui::style::Style::new(),
        )];
        out.extend(prose::wrap_styled(
            &segs,
            width,
            &lead,
            &" ".repeat(lead.len()),
        ));
        if let QuestionKind::Choice { options, .. } = &q.kind {
            for (k, o) in options.iter().enumerate() {
                let lead = format!("     {}) ", k + 1);
                let segs = [(o.get(ctx.lang).to_string(), ratatui::style::Style::new())];
                out.extend(prose::wrap_styled(
                    &segs,
                    width,
                    &lead,
                    &" ".repeat(lead.len()),
                ));
            }
        }
    }
    out
}
