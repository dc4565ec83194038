//! The dashboard's two top lines. The status line keeps its items in order
//! of priority — the run state (playing, paused, finished, looking back),
//! epoch, loss, metric, η, batch, then iterations and the validation loss —
//! and drops whole items from the end when the width runs out, ending in
//! `…` then, so nothing is cut mid-number. The second line shows the
//! shapes of the batch through the layers (compacted, then cut by whole
//! layers with `…`) or why the run stopped.

use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

use super::{Look, loss_chart, matrices};
use crate::engine::StopReason;
use crate::lesson::Lang;
use crate::session::training::{Play, Training};
use crate::text::number;
use crate::tui::text_fit::truncate;
use crate::words::train::{batch_label, diverged_advice, run_state};
use crate::words::{self, metric_name, stop_reason, train_words};

/// What the status line says, in order of priority.
#[must_use]
pub fn items(t: &Training, look: Look, lang: Lang) -> Vec<String> {
    let w = train_words(lang);
    let tr = &t.run().trainer;
    let cfg = tr.config();
    let (epoch, iteration, loss, val, m) = match t.shown() {
        Some(r) if t.viewing().is_some() => {
            (r.epoch, r.iteration, r.train_loss, r.val_loss, r.metric)
        }
        _ => match t.live() {
            Some(Ok(s)) => (s.epoch, s.iteration, s.train_loss, s.val_loss, s.metric),
            _ => (0, 0, f64::NAN, None, f64::NAN),
        },
    };
    let ascii = look.ascii;
    let state = match (t.viewing(), t.play()) {
        (Some(_), _) => format!("{} {}", if ascii { "<<" } else { "◀" }, w.history),
        (None, Play::Playing) => format!("{} {}", if ascii { ">" } else { "▶" }, rate(t, lang)),
        (None, Play::Paused) if t.finished() => {
            let why = tr.stopped().map(|s| run_state(lang, s));
            let mark = if ascii { "[]" } else { "■" };
            format!("{mark} {}", why.unwrap_or_else(|| w.finished.to_string()))
        }
        (None, Play::Paused) => format!("{} {}", if ascii { "||" } else { "❚❚" }, w.paused),
    };
    let eta = if ascii { "lr" } else { "η" };
    let metric = metric_name(lang, tr.network().task(), true);
    let metric = if ascii {
        metric.replace('²', "2")
    } else {
        metric.to_string()
    };
    let mut out = vec![
        state,
        format!("{} {epoch}", w.epoch),
        format!("{} {}", w.loss, number::fit(loss, 9, 6)),
        format!("{metric} {}", number::fit(m, 7, 3)),
        format!("{eta} {}", number::plain(cfg.learning_rate, 4)),
        format!("{} {}", w.batch, batch_label(lang, &cfg.batch_size.label())),
        format!("{} {iteration}", w.it),
    ];
    if let Some(v) = val {
        out.push(format!("{} {}", w.val, number::fit(v, 9, 6)));
    }
    out
}

/// `items` joined by ` · ` in `width` columns: as many as fit, in order,
/// and `…` when some were left out. The first is cut with `…` only when
/// even it alone does not fit.
#[must_use]
pub fn join_fitting(items: &[String], sep: &str, width: usize) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        let more = i + 1 < items.len();
        let candidate = if out.is_empty() {
            item.clone()
        } else {
            format!("{out}{sep}{item}")
        };
        // Keep room for the ` …` that says later items were left out.
        let reserve = if more { 2 } else { 0 };
        if candidate.width() + reserve <= width {
            out = candidate;
            continue;
        }
        if candidate.width() <= width && !more {
            out = candidate;
            continue;
        }
        if out.is_empty() {
            return truncate(item, width);
        }
        out.push_str(" …");
        return out;
    }
    out
}

/// The status line, bold, fitted to `width`.
#[must_use]
pub fn status_line(t: &Training, look: Look, lang: Lang, width: u16) -> Line<'static> {
    let sep = if look.ascii { " - " } else { " · " };
    let text = join_fitting(&items(t, look, lang), sep, usize::from(width));
    Line::styled(text, Style::default().add_modifier(Modifier::BOLD))
}

/// The shapes line, or why the run stopped (with what to do), fitted.
#[must_use]
pub fn second_line(t: &Training, look: Look, lang: Lang, width: u16) -> String {
    let tr = &t.run().trainer;
    let width = usize::from(width);
    if let Some(stop) = tr.stopped().filter(|_| t.viewing().is_none()) {
        let eta = if look.ascii { "lr" } else { "η" };
        let text = match stop {
            StopReason::Diverged {
                epoch,
                loss,
                learning_rate,
            } => diverged_advice(lang, *epoch, &loss_chart::short(*loss), eta, *learning_rate),
            other => stop_reason(lang, other),
        };
        let text = if look.ascii {
            text.replace('≤', "<=").replace('η', "lr")
        } else {
            text
        };
        return truncate(&text, width);
    }
    let m = tr.config().batch_size.rows(tr.train_set().rows());
    let layers = tr.network().layers();
    let full = matrices::shapes(layers, m, look.ascii, false);
    if full.join("; ").width() <= width {
        return full.join("; ");
    }
    let compact = matrices::shapes(layers, m, look.ascii, true);
    join_fitting(&compact, "; ", width)
}

fn rate(t: &Training, lang: Lang) -> String {
    let r = t.measured_rate();
    if r >= 1.0 {
        words::train::rate(lang, r)
    } else {
        words::train::speed(lang, t.speed())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| (*x).to_string()).collect()
    }

    #[test]
    fn items_are_dropped_whole_from_the_end_with_an_ellipsis() {
        let items = s(&["paused", "epoch 12", "loss 0.25", "R2 0.9"]);
        assert_eq!(
            join_fitting(&items, " · ", 80),
            "paused · epoch 12 · loss 0.25 · R2 0.9"
        );
        assert_eq!(
            join_fitting(&items, " · ", 31),
            "paused · epoch 12 · loss 0.25 …"
        );
        assert_eq!(join_fitting(&items, " · ", 30), "paused · epoch 12 …");
        assert_eq!(join_fitting(&items, " · ", 12), "paused …");
        assert_eq!(join_fitting(&items, " · ", 4), "pau…");
    }
}
