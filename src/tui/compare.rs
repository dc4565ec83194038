//! The `compare` step view: several runs on the same data on one screen —
//! their loss curves on one chart and a results table (epochs and iterations
//! to reach eps, final loss, parameters) that fills in as the runs finish.

use std::path::Path;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Widget};

use crate::engine::StopReason;
use crate::lesson::{Compare, Lang};
use crate::spec::{self, Resolved, SpecError};
use crate::tui::dashboard::{DashKey, Look};

const COLORS: [Color; 6] = [
    Color::Cyan,
    Color::Yellow,
    Color::Magenta,
    Color::Green,
    Color::Red,
    Color::Blue,
];

/// The runs of one compare step, advanced together.
pub struct CompareView {
    names: Vec<(String, String)>,
    initial: Vec<Resolved>,
    runs: Vec<Resolved>,
    playing: bool,
    look: Look,
}

impl CompareView {
    /// Every run at epoch 0, paused. `seed` overrides each spec's seed.
    pub fn new(
        compare: &Compare,
        base_dir: &Path,
        seed: Option<u64>,
        look: Look,
    ) -> Result<Self, Vec<SpecError>> {
        let mut runs = Vec::with_capacity(compare.runs.len());
        for r in &compare.runs {
            let mut s = r.spec.clone();
            if let Some(seed) = seed {
                s.seed = seed;
            }
            runs.push(spec::resolve(&s, base_dir)?);
        }
        let names = compare
            .runs
            .iter()
            .map(|r| {
                (
                    r.name.get(Lang::En).to_string(),
                    r.name.get(Lang::Zh).to_string(),
                )
            })
            .collect();
        Ok(Self {
            names,
            initial: runs.clone(),
            runs,
            playing: false,
            look,
        })
    }

    /// The runs, in order.
    #[must_use]
    pub fn runs(&self) -> &[Resolved] {
        &self.runs
    }

    #[must_use]
    pub fn animating(&self) -> bool {
        self.playing
    }

    fn all_stopped(&self) -> bool {
        self.runs.iter().all(|r| r.trainer.stopped().is_some())
    }

    /// Space plays/pauses all runs, `n` advances each by an epoch, `r` restarts.
    pub fn key(&mut self, key: DashKey) -> String {
        match key {
            DashKey::PlayPause => {
                self.playing = !self.playing && !self.all_stopped();
                if self.playing {
                    "play all runs".into()
                } else {
                    "pause".into()
                }
            }
            DashKey::Epoch => {
                self.playing = false;
                for r in &mut self.runs {
                    let _ = r.trainer.step_epoch();
                }
                "one epoch of every run".into()
            }
            DashKey::Restart | DashKey::NewSeed => {
                self.runs = self.initial.clone();
                self.playing = false;
                "restart all runs".into()
            }
            _ => String::new(),
        }
    }

    /// Runs every unfinished run an epoch at a time, in turn, within `budget`.
    pub fn tick(&mut self, _now: Instant, budget: Duration) -> bool {
        if !self.playing {
            return false;
        }
        let start = Instant::now();
        let mut changed = false;
        while start.elapsed() < budget && !self.all_stopped() {
            for r in self
                .runs
                .iter_mut()
                .filter(|r| r.trainer.stopped().is_none())
            {
                changed |= r.trainer.step_epoch().is_ok();
            }
        }
        if self.all_stopped() {
            self.playing = false;
            changed = true;
        }
        changed
    }

    /// Draws the chart and the table in `lang`.
    pub fn render(&self, area: Rect, buf: &mut Buffer, lang: Lang) {
        let rows = self.runs.len() as u16 + 3;
        let [chart, table] =
            Layout::vertical([Constraint::Min(6), Constraint::Length(rows)]).areas(area);
        self.render_chart(chart, buf, lang);
        self.render_table(table, buf, lang);
        if self.look.ascii {
            crate::tui::dashboard::asciify(area, buf);
        }
    }

    fn name(&self, i: usize, lang: Lang) -> &str {
        let (en, zh) = &self.names[i];
        if lang == Lang::Zh { zh } else { en }
    }

    fn render_chart(&self, area: Rect, buf: &mut Buffer, lang: Lang) {
        let series: Vec<Vec<(f64, f64)>> = self
            .runs
            .iter()
            .map(|r| {
                r.trainer
                    .history()
                    .iter()
                    .filter(|h| h.train_loss > 0.0 && h.train_loss.is_finite())
                    .map(|h| (h.epoch as f64, h.train_loss.log10()))
                    .collect()
            })
            .collect();
        let x_max = series
            .iter()
            .flat_map(|s| s.last())
            .map(|p| p.0)
            .fold(1.0, f64::max);
        let (lo, hi) = series
            .iter()
            .flatten()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
                (a.min(p.1), b.max(p.1))
            });
        let (lo, hi) = if lo.is_finite() && hi > lo {
            (lo, hi)
        } else {
            (-3.0, 1.0)
        };
        let sets: Vec<Dataset> = series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                Dataset::default()
                    .name(self.name(i, lang).to_string())
                    .marker(MARKERS[i % MARKERS.len()])
                    .graph_type(GraphType::Line)
                    .style(self.look.fg(COLORS[i % COLORS.len()]))
                    .data(s)
            })
            .collect();
        let title = if lang == Lang::Zh {
            " 训练损失（对数坐标）"
        } else {
            " training loss (log scale) "
        };
        Chart::new(sets)
            .block(self.look.block(title))
            .x_axis(
                Axis::default()
                    .bounds([0.0, x_max])
                    .labels(vec![Span::raw("0"), Span::raw(format!("{x_max:.0}"))]),
            )
            .y_axis(Axis::default().bounds([lo, hi]).labels(vec![
                Span::raw(format!("1e{lo:.1}")),
                Span::raw(format!("1e{hi:.1}")),
            ]))
            .render(area, buf);
    }

    fn render_table(&self, area: Rect, buf: &mut Buffer, lang: Lang) {
        let zh = lang == Lang::Zh;
        let head = if zh {
            ["运行", "批量", "轮数", "迭代", "损失", "参数", "状态"]
        } else {
            [
                "run",
                "batch",
                "epochs",
                "iters",
                "loss",
                "parameters",
                "status",
            ]
        };
        let width = usize::from(area.width.saturating_sub(2));
        let mut lines = vec![Line::styled(
            row(&head.map(String::from), width),
            Style::default().add_modifier(Modifier::BOLD),
        )];
        for (i, r) in self.runs.iter().enumerate() {
            let t = &r.trainer;
            let last = t.history().last();
            let params: Vec<String> = t
                .network()
                .layers()
                .iter()
                .flat_map(|l| l.w.iter().chain(l.b.iter()))
                .take(4)
                .map(|v| format!("{v:.3}"))
                .collect();
            let status = match t.stopped() {
                None => if zh { "运行中" } else { "running" }.to_string(),
                Some(StopReason::ReachedEps { epoch, .. }) => {
                    if zh {
                        format!("第 {epoch} 轮达到 eps")
                    } else {
                        format!("eps at epoch {epoch}")
                    }
                }
                Some(StopReason::MaxEpochs { .. }) => if zh {
                    "达到最大轮数"
                } else {
                    "max epochs"
                }
                .to_string(),
                Some(StopReason::Diverged { .. }) => {
                    if zh { "发散" } else { "diverged" }.to_string()
                }
            };
            let cells = [
                format!(
                    "{} {}",
                    COLOR_GLYPHS[i % COLOR_GLYPHS.len()],
                    self.name(i, lang)
                ),
                t.config().batch_size.label(),
                last.map_or(0, |h| h.epoch).to_string(),
                last.map_or(0, |h| h.iteration).to_string(),
                last.map_or(String::new(), |h| format!("{:.5}", h.train_loss)),
                params.join(" "),
                status,
            ];
            lines.push(Line::styled(
                row(&cells, width),
                self.look.fg(COLORS[i % COLORS.len()]),
            ));
        }
        Paragraph::new(lines)
            .block(self.look.block(if zh { " 结果 " } else { " results " }))
            .render(area, buf);
    }
}

/// A line style per run, so the chart reads without colour too.
const MARKERS: [Marker; 4] = [Marker::Braille, Marker::Dot, Marker::Bar, Marker::Block];

/// A mark per run, so the table reads without colour too.
const COLOR_GLYPHS: [&str; 6] = ["1", "2", "3", "4", "5", "6"];

/// One table row in `width` columns; the parameters column takes what the
/// others leave. Cells are cut by display width (Chinese counts as two).
fn row(cells: &[String], width: usize) -> String {
    let fixed = [14usize, 5, 6, 7, 8, 0, 16];
    let params = width
        .saturating_sub(fixed.iter().sum::<usize>() + fixed.len() - 1)
        .max(6);
    fixed
        .iter()
        .map(|w| if *w == 0 { params } else { *w })
        .zip(cells)
        .map(|(w, c)| fit(c, w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn fit(s: &str, w: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let cw = ch.width().unwrap_or(0);
        if used + cw > w {
            break;
        }
        out.push(ch);
        used += cw;
    }
    out + &" ".repeat(w - used)
}
