//! What a run did, measured as a prediction asks: how it stopped, the shape
//! of its loss curve, which run of a comparison won, or one number. Read
//! from the engine's own record of the runs (their stop reasons and epoch
//! histories), so a prediction is graded by what happened.

use crate::engine::{StopReason, Trainer};
use crate::lesson::predict::{Category, IsWord, Measure, Predict, PredictAnswer, WinBy};

/// How one run ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ending {
    ReachedEps { epoch: usize },
    MaxEpochs { epoch: usize },
    Diverged { epoch: usize },
}

/// What was measured, with the numbers behind it (for the words).
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    /// `stop`: run `run` (0-based) ended so.
    Stop { run: usize, ending: Ending },
    /// `trend`: the loss of run `run` went from `first` to `last` over
    /// `epochs` epochs and rose from one epoch to the next `rises` times.
    Trend {
        run: usize,
        first: f64,
        last: f64,
        epochs: usize,
        rises: usize,
        diverged: bool,
    },
    /// `winner`: the best run (0-based) and its value, or none, or a tie
    /// between `tied` runs.
    Winner {
        by: WinBy,
        best: Option<(usize, f64)>,
        tied: Vec<usize>,
    },
    /// A number measure of run `run`.
    Number {
        run: usize,
        measure: Measure,
        value: f64,
    },
}

/// The measured outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct Observed {
    /// The value options are matched against (choice measures).
    pub category: Option<Category>,
    /// The value a typed number is graded against (number measures).
    pub number: Option<f64>,
    pub detail: Detail,
}

impl Observed {
    /// The option the run picked (0-based), if any option means what it did.
    #[must_use]
    pub fn option(&self, p: &Predict) -> Option<usize> {
        let c = self.category?;
        p.options().iter().position(|o| o.is == c)
    }

    /// Whether `pick` (an option, or a typed number) matches the run.
    #[must_use]
    pub fn accepts(&self, p: &Predict, pick: super::predict::Pick) -> bool {
        use super::predict::Pick;
        match (&p.answer, pick) {
            (PredictAnswer::Choice(_), Pick::Option(i)) => self.option(p) == Some(i),
            (PredictAnswer::Number(t), Pick::Number(x)) => {
                self.number.is_some_and(|v| t.accepts(v, x))
            }
            (PredictAnswer::Choice(_), Pick::Number(_))
            | (PredictAnswer::Number(_), Pick::Option(_)) => false,
        }
    }
}

/// Measures `runs` (one for a train step, in order for a comparison) as
/// `p` asks; `None` while a run it needs has not stopped.
#[must_use]
pub fn observe(p: &Predict, runs: &[&Trainer]) -> Option<Observed> {
    match p.measure {
        Measure::Stop => {
            let ending = ending(runs.get(p.run)?)?;
            let word = match ending {
                Ending::ReachedEps { .. } => IsWord::ReachedEps,
                Ending::MaxEpochs { .. } => IsWord::MaxEpochs,
                Ending::Diverged { .. } => IsWord::Diverged,
            };
            Some(Observed {
                category: Some(Category::Word(word)),
                number: None,
                detail: Detail::Stop { run: p.run, ending },
            })
        }
        Measure::Trend => trend(p.run, runs.get(p.run)?),
        Measure::Winner => winner(p.by, runs),
        Measure::FinalLoss | Measure::Epochs | Measure::Metric => {
            let t = runs.get(p.run)?;
            ending(t)?;
            let last = t.history().last()?;
            let value = match p.measure {
                Measure::FinalLoss => last.train_loss,
                Measure::Epochs => last.epoch as f64,
                _ => last.metric,
            };
            Some(Observed {
                category: None,
                number: Some(value),
                detail: Detail::Number {
                    run: p.run,
                    measure: p.measure,
                    value,
                },
            })
        }
    }
}

fn ending(t: &Trainer) -> Option<Ending> {
    Some(match t.stopped()? {
        StopReason::ReachedEps { epoch, .. } => Ending::ReachedEps { epoch: *epoch },
        StopReason::MaxEpochs { epoch } => Ending::MaxEpochs { epoch: *epoch },
        StopReason::Diverged { epoch, .. } => Ending::Diverged { epoch: *epoch },
    })
}

/// `falls`: the loss never rose from one recorded epoch to the next;
/// `wobbles`: it rose at least once but ended below where it began;
/// `diverges`: the run diverged, or ended no lower than it began.
fn trend(run: usize, t: &Trainer) -> Option<Observed> {
    let ending = ending(t)?;
    let h = t.history();
    let first = h.first()?.train_loss;
    let last = h.last()?.train_loss;
    let rises = h
        .windows(2)
        .filter(|w| !(w[1].train_loss <= w[0].train_loss))
        .count();
    let diverged = matches!(ending, Ending::Diverged { .. });
    let word = if diverged || !(last < first) {
        IsWord::Diverges
    } else if rises == 0 {
        IsWord::Falls
    } else {
        IsWord::Wobbles
    };
    Some(Observed {
        category: Some(Category::Word(word)),
        number: None,
        detail: Detail::Trend {
            run,
            first,
            last,
            epochs: h.last()?.epoch,
            rises,
            diverged,
        },
    })
}

/// The best run by `by`; every run must have stopped.
fn winner(by: WinBy, runs: &[&Trainer]) -> Option<Observed> {
    let mut scored: Vec<(usize, f64)> = Vec::new();
    for (i, t) in runs.iter().enumerate() {
        let ending = ending(t)?;
        let last = t.history().last()?;
        let score = match (by, ending) {
            (_, Ending::Diverged { .. }) => None,
            (WinBy::Loss, _) => Some(last.train_loss),
            (WinBy::Epochs, Ending::ReachedEps { epoch }) => Some(epoch as f64),
            (WinBy::Epochs, _) => None,
            // Higher is better: negated so that the lowest wins below.
            (WinBy::Metric, _) => Some(-last.metric),
        };
        if let Some(s) = score.filter(|s| s.is_finite()) {
            scored.push((i, s));
        }
    }
    let best = scored.iter().map(|(_, s)| *s).fold(f64::INFINITY, f64::min);
    let tied: Vec<usize> = (scored.iter())
        .filter(|(_, s)| *s == best)
        .map(|(i, _)| *i)
        .collect();
    let shown = |s: f64| if by == WinBy::Metric { -s } else { s };
    let (category, best) = match tied.as_slice() {
        [] => (IsWord::None.into(), None),
        [one] => (Category::Run(*one), Some((*one, shown(best)))),
        _ => (IsWord::Tie.into(), None),
    };
    Some(Observed {
        category: Some(category),
        number: None,
        detail: Detail::Winner {
            by,
            best,
            tied: if tied.len() > 1 { tied } else { Vec::new() },
        },
    })
}

impl From<IsWord> for Category {
    fn from(w: IsWord) -> Self {
        Category::Word(w)
    }
}
