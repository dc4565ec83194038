//! State codes: a short text that names one screen exactly — the lesson
//! (with a fingerprint of its text, so a code made from another version of
//! the lesson is known to be stale), the step, the language, and on a
//! training step the run's seed, every learning rate and batch size the
//! learner set, the gradient steps taken and the epoch looked at; on a
//! comparison, the epochs run; on a landscape or a function plot, η as the
//! learner set it and the gradient steps each run has taken. `nnstep open
//! CODE` rebuilds that screen;
//! both front ends show the code of the screen they are on.
//!
//! The text form is in [`format`]: `ch09.1A2B-C3D4-…`, case-insensitive,
//! with check characters that catch any one mistyped character.
//!
//! Quiz numbers are not in a code: generated questions stay the learner's
//! own (another learner opening the code gets their own numbers).

mod format;

use crate::engine::BatchSize;
use crate::lesson::{Lang, Lesson, StepKind};
use crate::progress::Progress;

use super::training::{ReplayError, RunState, Setting, Training};
use super::{Comparison, Session};

pub use format::MAX_CHARS;

/// What is wrong with a code, for the words module to say.
#[derive(Clone, Debug, PartialEq)]
pub enum CodeError {
    /// No `.` between the lesson id and the rest.
    NoDot,
    /// The part before the `.` is not a lesson id.
    BadLessonId,
    /// A character outside the code's alphabet, at a 1-based position.
    BadCharacter {
        character: char,
        position: usize,
    },
    TooShort,
    TooLong,
    /// The check characters do not match: a slip in typing or copying.
    Checksum,
    /// The bytes end early or hold an impossible value.
    Truncated,
    /// A code of a format version this nnstep does not know.
    Version(u8),
    /// No lesson with this id.
    UnknownLesson(String),
    /// The lesson's text differs from the one the code was made from.
    Stale(String),
    /// The code names a step the lesson does not have (1-based).
    NoSuchStep {
        step: usize,
        len: usize,
    },
    /// The code's view does not fit the step (e.g. a run on a text step).
    WrongKind {
        step: usize,
    },
    /// The run cannot be rebuilt as the code says.
    Replay(ReplayError),
}

/// The learning rate of a setting as stored: the lesson's times a power of
/// two (what `[` and `]` make), or any other value exactly.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Rate {
    Times2(i32),
    Exact(f64),
}

/// What a code holds beyond the lesson and step.
#[derive(Clone, Debug, PartialEq)]
enum View {
    Still,
    Train {
        seed: u64,
        iterations: u64,
        viewing: Option<usize>,
        settings: Vec<(u64, Rate, BatchSize)>,
    },
    Compare {
        seed: Option<u64>,
        epochs: usize,
    },
    /// A landscape's runs or a plot's exercise: η (relative to the
    /// lesson's) and the steps taken by each run.
    Picture {
        rate: Rate,
        steps: Vec<u64>,
    },
}

/// The most runs a picture's code may name (a landscape draws up to 4).
const MAX_PICTURE_RUNS: usize = 8;

/// A code read from text (checked, not yet matched to a lesson).
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    /// The lesson id.
    pub lesson: String,
    fingerprint: u32,
    /// The step, 0-based.
    pub step: usize,
    pub lang: Lang,
    view: View,
}

/// The live state of the step on screen, as a front end holds it.
pub enum Live<'a> {
    /// A page or a quiz: the step is all there is.
    Still,
    /// A training run, and the lesson's learning rate for it.
    Train {
        run: RunState,
        lesson_rate: f64,
    },
    Compare(&'a Comparison),
    /// A landscape or a plot's exercise: η as the lesson sets it and as
    /// now set, and the gradient steps each run has taken.
    Picture {
        lesson_rate: f64,
        rate: f64,
        steps: Vec<u64>,
    },
}

impl Live<'_> {
    /// The state of a live training run.
    #[must_use]
    pub fn train(t: &Training) -> Self {
        Live::Train {
            run: t.state(),
            lesson_rate: t.lesson_settings().0,
        }
    }

    /// The state of a landscape: its η scale and each run's steps.
    #[must_use]
    pub fn landscape(l: &super::landscape::Landscape) -> Self {
        Live::Picture {
            lesson_rate: 1.0,
            rate: l.rate_scale(),
            steps: l.iterations(),
        }
    }

    /// The state of a plot: its exercise's η and the steps shown (a plot
    /// with no exercise is a page).
    #[must_use]
    pub fn plot(p: &super::plot::PlotState) -> Self {
        match p.learning_rates() {
            Some((lesson_rate, rate)) => Live::Picture {
                lesson_rate,
                rate,
                steps: vec![p.shown() as u64],
            },
            None => Live::Still,
        }
    }
}

/// A screen rebuilt from a code.
pub struct Reproduced {
    /// The lesson, at the code's step.
    pub session: Session,
    pub lang: Lang,
    pub view: Rebuilt,
}

/// The step's live state, rebuilt.
pub enum Rebuilt {
    Still,
    Train(Box<Training>),
    Compare(Box<Comparison>),
    Landscape(Box<super::landscape::Landscape>),
    Plot(Box<super::plot::PlotState>),
}

const FINGERPRINT_MASK: u64 = 0x00FF_FFFF;

/// The code of the screen: `session` at its step, in `lang`, with `live`.
#[must_use]
pub fn code_of(session: &Session, lang: Lang, live: &Live<'_>) -> String {
    let lesson = session.lesson();
    let mut b = vec![format::VERSION];
    let fp = (lesson.fingerprint & FINGERPRINT_MASK) as u32;
    b.extend_from_slice(&fp.to_be_bytes()[1..]);
    format::put(&mut b, session.index() as u64);
    let kind: u8 = match live {
        Live::Still => 0,
        Live::Train { .. } => 1,
        Live::Compare(_) => 2,
        Live::Picture { .. } => 3,
    };
    b.push(u8::from(lang == Lang::Zh) | kind << 1);
    match live {
        Live::Still => {}
        Live::Train { run, lesson_rate } => put_run(&mut b, run, *lesson_rate),
        Live::Compare(c) => {
            format::put(
                &mut b,
                session.seed_override().map_or(0, |s| s.wrapping_add(1)),
            );
            format::put(&mut b, compare_epochs(c) as u64);
        }
        Live::Picture {
            lesson_rate,
            rate,
            steps,
        } => {
            put_rate(&mut b, *rate, *lesson_rate);
            format::put(&mut b, steps.len() as u64);
            for &n in steps {
                format::put(&mut b, n);
            }
        }
    }
    format::to_text(&lesson.id, &b)
}

fn put_run(b: &mut Vec<u8>, run: &RunState, lesson_rate: f64) {
    format::put(b, run.seed);
    format::put(b, run.iterations);
    format::put(b, run.viewing.map_or(0, |e| e as u64 + 1));
    format::put(b, run.settings.len() as u64);
    let mut at = 0;
    for s in &run.settings {
        format::put(b, s.at - at);
        at = s.at;
        put_rate(b, s.learning_rate, lesson_rate);
        format::put(
            b,
            match s.batch {
                BatchSize::Full(_) => 0,
                BatchSize::Rows(n) => n as u64,
            },
        );
    }
}

/// A learning rate as `lesson` × 2^k when it is one (what `[` and `]`
/// make), else its exact bits.
fn put_rate(b: &mut Vec<u8>, rate: f64, lesson: f64) {
    match times_two(rate, lesson) {
        Some(k) => format::put(b, u64::from(zigzag(k)) << 1),
        None => {
            format::put(b, 1);
            b.extend_from_slice(&rate.to_bits().to_be_bytes());
        }
    }
}

fn read_rate(r: &mut format::Reader<'_>) -> Result<Rate, CodeError> {
    let tag = r.varint()?;
    if tag == 1 {
        return Ok(Rate::Exact(f64::from_bits(u64::from_be_bytes(
            r.bytes::<8>()?,
        ))));
    }
    let k = unzigzag(u32::try_from(tag >> 1).map_err(|_| CodeError::Truncated)?);
    if tag & 1 == 1 || !(-60..=60).contains(&k) {
        return Err(CodeError::Truncated);
    }
    Ok(Rate::Times2(k))
}

impl Rate {
    fn of(self, lesson: f64) -> f64 {
        match self {
            Rate::Times2(k) => lesson * 2f64.powi(k),
            Rate::Exact(v) => v,
        }
    }
}

/// `k` when `rate` is exactly `lesson` × 2^k (|k| ≤ 60).
fn times_two(rate: f64, lesson: f64) -> Option<i32> {
    (-60..=60).find(|&k| (lesson * 2f64.powi(k)).to_bits() == rate.to_bits())
}

fn zigzag(k: i32) -> u32 {
    ((k << 1) ^ (k >> 31)) as u32
}

fn unzigzag(v: u32) -> i32 {
    ((v >> 1) as i32) ^ -((v & 1) as i32)
}

/// The epochs a comparison has run: its furthest run's.
fn compare_epochs(c: &Comparison) -> usize {
    (c.runs().iter())
        .filter_map(|r| r.trainer.history().last().map(|h| h.epoch))
        .max()
        .unwrap_or(0)
}

impl Code {
    /// Reads a code typed or pasted by the learner.
    pub fn parse(text: &str) -> Result<Self, CodeError> {
        let (lesson, body) = format::from_text(text)?;
        let mut r = format::Reader::new(&body);
        let version = r.byte()?;
        if version != format::VERSION {
            return Err(CodeError::Version(version));
        }
        let [a, b, c] = r.bytes::<3>()?;
        let fingerprint = u32::from_be_bytes([0, a, b, c]);
        let step = r.index()?;
        let flags = r.byte()?;
        let lang = if flags & 1 == 1 { Lang::Zh } else { Lang::En };
        let view = match flags >> 1 {
            0 => View::Still,
            1 => read_run(&mut r)?,
            2 => View::Compare {
                seed: r.varint()?.checked_sub(1),
                epochs: r.index()?,
            },
            3 => {
                let rate = read_rate(&mut r)?;
                let n = r.index()?;
                if n > MAX_PICTURE_RUNS {
                    return Err(CodeError::Truncated);
                }
                let steps = (0..n).map(|_| r.varint()).collect::<Result<_, _>>()?;
                View::Picture { rate, steps }
            }
            _ => return Err(CodeError::Truncated),
        };
        if !r.done() {
            return Err(CodeError::Truncated);
        }
        Ok(Self {
            lesson,
            fingerprint,
            step,
            lang,
            view,
        })
    }

    /// Rebuilds the screen on `lesson` (found by the code's id) for the
    /// learner of `progress`.
    pub fn reproduce(&self, lesson: Lesson, progress: &Progress) -> Result<Reproduced, CodeError> {
        if (lesson.fingerprint & FINGERPRINT_MASK) as u32 != self.fingerprint {
            return Err(CodeError::Stale(lesson.id));
        }
        let len = lesson.steps.len();
        let seed = match &self.view {
            View::Compare { seed, .. } => *seed,
            View::Still | View::Train { .. } | View::Picture { .. } => None,
        };
        let no_step = CodeError::NoSuchStep {
            step: self.step.saturating_add(1),
            len,
        };
        let session = super::open(lesson, progress, seed, Some(self.step))
            .map_err(|_| no_step)?
            .session;
        let wrong = CodeError::WrongKind {
            step: self.step + 1,
        };
        let view = match (&self.view, &session.step().kind) {
            // A run's step shown before its prediction is made opens as
            // the step opens for this learner (the question, or the run at
            // epoch 0 once they have predicted).
            (View::Still, StepKind::Train(_) | StepKind::Compare(_))
                if session.step().kind.predict().is_some() =>
            {
                Rebuilt::Still
            }
            (View::Still, StepKind::Train(_) | StepKind::Compare(_)) => return Err(wrong),
            (View::Still, _) => Rebuilt::Still,
            (View::Train { .. }, StepKind::Train(_)) => {
                let Some(Ok(mut t)) = session.training() else {
                    return Err(wrong);
                };
                t.replay(&self.run_state(t.lesson_settings().0))
                    .map_err(CodeError::Replay)?;
                Rebuilt::Train(Box::new(t))
            }
            (View::Compare { epochs, .. }, StepKind::Compare(_)) => {
                let Some(Ok(mut c)) = session.comparison() else {
                    return Err(wrong);
                };
                while compare_epochs(&c) < *epochs && !c.finished() {
                    c.step_epoch()
                        .map_err(|e| CodeError::Replay(ReplayError::Settings(e.to_string())))?;
                }
                if compare_epochs(&c) != *epochs {
                    return Err(CodeError::Replay(ReplayError::NoSuchEpoch(*epochs)));
                }
                Rebuilt::Compare(Box::new(c))
            }
            (View::Picture { rate, steps }, StepKind::Landscape(_)) => {
                let Some(Ok(mut l)) = session.landscape() else {
                    return Err(wrong);
                };
                l.replay(rate.of(1.0), steps).map_err(CodeError::Replay)?;
                Rebuilt::Landscape(Box::new(l))
            }
            (View::Picture { rate, steps }, StepKind::Plot(_)) => {
                let Some(mut p) = session.plot() else {
                    return Err(wrong);
                };
                let (Some((lesson_rate, _)), [shown]) = (p.learning_rates(), steps.as_slice())
                else {
                    return Err(CodeError::Replay(ReplayError::RunCount {
                        code: steps.len(),
                        step: usize::from(p.learning_rates().is_some()),
                    }));
                };
                p.replay(rate.of(lesson_rate), *shown)
                    .map_err(CodeError::Replay)?;
                Rebuilt::Plot(Box::new(p))
            }
            (View::Train { .. } | View::Compare { .. } | View::Picture { .. }, _) => {
                return Err(wrong);
            }
        };
        Ok(Reproduced {
            session,
            lang: self.lang,
            view,
        })
    }

    /// The run state of a training code, with learning rates made absolute
    /// from the lesson's `lesson_rate`.
    fn run_state(&self, lesson_rate: f64) -> RunState {
        let View::Train {
            seed,
            iterations,
            viewing,
            settings,
        } = &self.view
        else {
            return RunState {
                seed: 0,
                settings: Vec::new(),
                iterations: 0,
                viewing: None,
            };
        };
        RunState {
            seed: *seed,
            iterations: *iterations,
            viewing: *viewing,
            settings: (settings.iter())
                .map(|&(at, rate, batch)| Setting {
                    at,
                    learning_rate: rate.of(lesson_rate),
                    batch,
                })
                .collect(),
        }
    }
}

fn read_run(r: &mut format::Reader<'_>) -> Result<View, CodeError> {
    let seed = r.varint()?;
    let iterations = r.varint()?;
    let viewing = r.index()?.checked_sub(1);
    let n = r.index()?;
    let mut settings = Vec::new();
    let mut at: u64 = 0;
    for _ in 0..n {
        at = at.checked_add(r.varint()?).ok_or(CodeError::Truncated)?;
        let rate = read_rate(r)?;
        let batch = match r.index()? {
            0 => BatchSize::FULL,
            n => BatchSize::Rows(n),
        };
        settings.push((at, rate, batch));
    }
    Ok(View::Train {
        seed,
        iterations,
        viewing,
        settings,
    })
}
