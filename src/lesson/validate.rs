//! From the raw lesson to the checked [`Lesson`], collecting every problem
//! instead of stopping at the first. Each problem carries the key path of the
//! value at fault (`steps[3].quiz[0].choice.answer`), which
//! [`Problem::diagnostic`] turns into a file:line:column with a snippet.

mod content;
mod generated_table;
pub mod limits;
mod predict;
mod quiz;
mod quiz_engine;
mod views;

use std::collections::HashMap;
use std::path::Path;

use super::model::{Lesson, Step};
use super::raw::{RawKind, RawLesson, RawStep};
use super::text::{Lang, RawText, Text};
use crate::diagnostic::Diagnostic;
use crate::spec::{DisplayPath, PathSeg, locate};

/// One problem in a lesson, at a key path.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub path: Vec<PathSeg>,
    /// Bytes into the value at `path` (for an error inside a formula).
    pub offset: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    /// The problem as a diagnostic in `file`, whose text is `text`.
    #[must_use]
    pub fn diagnostic(&self, file: &str, text: &str) -> Diagnostic {
        let (line, col) = locate(text, &self.path).unwrap_or((0, 0));
        let col = if col > 0 { col + self.offset } else { col };
        let message = format!("{}: {}", DisplayPath(&self.path), self.message);
        Diagnostic::new(file, text, line, col, message).with_hint(self.hint.clone())
    }
}

/// `base` followed by the key `k`.
pub(crate) fn key(base: &[PathSeg], k: &str) -> Vec<PathSeg> {
    let mut p = base.to_vec();
    p.push(PathSeg::key(k));
    p
}

/// `base` followed by the index `i`.
pub(crate) fn idx(base: &[PathSeg], i: usize) -> Vec<PathSeg> {
    let mut p = base.to_vec();
    p.push(PathSeg::Index(i));
    p
}

/// Collects problems while the checked lesson is built.
pub(crate) struct Checker<'a> {
    pub problems: Vec<Problem>,
    pub base_dir: &'a Path,
    /// The lesson's seed, which replaces every spec's seed.
    pub seed: Option<u64>,
    /// The lesson's quiz seed, shared by every learner's generated questions.
    pub quiz_seed: Option<u64>,
}

impl Checker<'_> {
    pub fn report(&mut self, path: Vec<PathSeg>, message: impl Into<String>, hint: Option<String>) {
        self.problems.push(Problem {
            path,
            offset: 0,
            message: message.into(),
            hint,
        });
    }

    /// Checked text; a missing language is reported at `path`.
    pub fn text(&mut self, path: Vec<PathSeg>, raw: &RawText) -> Text {
        match raw.check() {
            Ok(t) => t,
            Err(missing) => {
                let (name, other, have) = match missing {
                    Lang::En => ("English (en)", "zh", raw.zh.clone()),
                    Lang::Zh => ("Chinese (zh)", "en", raw.en.clone()),
                };
                self.report(
                    path,
                    format!("the {name} translation is missing"),
                    Some(format!(
                        "write {{en: …, zh: …}}, or a plain string if the text is the same in both (only `{other}` is given)"
                    )),
                );
                Text::same(have.unwrap_or_default())
            }
        }
    }

    pub fn opt_text(&mut self, path: Vec<PathSeg>, raw: Option<&RawText>) -> Option<Text> {
        raw.map(|r| self.text(path, r))
    }
}

/// Checks a parsed lesson. `base_dir` is where relative data paths start.
pub fn validate(raw: &RawLesson, base_dir: &Path, source: &str) -> Result<Lesson, Vec<Problem>> {
    let mut c = Checker {
        problems: Vec::new(),
        base_dir,
        seed: raw.seed,
        quiz_seed: raw.quiz_seed,
    };
    if !limits::check(&mut c, raw) {
        return Err(c.problems);
    }
    let root: Vec<PathSeg> = Vec::new();
    check_id(&mut c, key(&root, "id"), &raw.id, "lesson");
    let title = c.text(key(&root, "title"), &raw.title);
    let summary = c.text(key(&root, "summary"), &raw.summary);
    if raw.steps.is_empty() {
        c.report(
            key(&root, "steps"),
            "a lesson needs at least one step",
            None,
        );
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut steps = Vec::with_capacity(raw.steps.len());
    for (i, s) in raw.steps.iter().enumerate() {
        let path = idx(&key(&root, "steps"), i);
        if let Some(first) = seen.insert(&s.id, i) {
            seen.insert(&s.id, first);
            c.report(
                key(&path, "id"),
                format!(
                    "the step id '{}' is already used by step {}",
                    crate::untrusted::excerpt(&s.id, MAX_ID_BYTES),
                    first + 1
                ),
                Some("step ids must be unique within a lesson; progress is saved by them".into()),
            );
        }
        if let Some(step) = check_step(&mut c, &path, s) {
            steps.push(step);
        }
    }
    if !c.problems.is_empty() {
        return Err(c.problems);
    }
    Ok(Lesson {
        id: raw.id.clone(),
        chapter: raw.chapter,
        title,
        summary,
        steps,
        base_dir: base_dir.to_path_buf(),
        source: source.to_string(),
        // Set by `load_str`, which has the text.
        fingerprint: 0,
    })
}

/// The longest id, in bytes.
pub const MAX_ID_BYTES: usize = 64;

/// Ids are short names: letters, digits, `-` and `_`.
pub(crate) fn check_id(c: &mut Checker, path: Vec<PathSeg>, id: &str, what: &str) {
    let ok = !id.is_empty()
        && id.len() <= MAX_ID_BYTES
        && id
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_');
    if !ok {
        c.report(
            path,
            format!(
                "the {what} id '{}' is not a short name",
                crate::untrusted::excerpt(id, MAX_ID_BYTES)
            ),
            Some(format!("use letters, digits, '-' and '_' only, at most {MAX_ID_BYTES}, for example gradient-descent")),
        );
    }
}

fn check_step(c: &mut Checker, path: &[PathSeg], s: &RawStep) -> Option<Step> {
    check_id(c, key(path, "id"), &s.id, "step");
    let title = c.text(key(path, "title"), &s.title);
    let note = c.opt_text(key(path, "note"), s.note.as_ref());
    let kinds = s.kinds();
    let kind = match kinds.as_slice() {
        [one] => *one,
        [] => {
            let all: Vec<&str> = RawKind::ALL.iter().map(|k| k.key()).collect();
            c.report(
                key(path, "id"),
                format!("step '{}' has no content", s.id),
                Some(format!("give the step one of: {}", all.join(", "))),
            );
            return None;
        }
        [first, second, ..] => {
            c.report(
                key(path, second.key()),
                format!(
                    "a step has one kind, but this one has both {} and {}",
                    first.key(),
                    second.key()
                ),
                Some("split it into two steps".into()),
            );
            return None;
        }
    };
    for (extra, given, owner) in [
        ("caption", s.caption.is_some(), RawKind::Formula),
        ("show", s.show.is_some(), RawKind::Train),
        ("formulas", s.formulas.is_some(), RawKind::Train),
    ] {
        if given && kind != owner {
            c.report(
                key(path, extra),
                format!(
                    "`{extra}` belongs to {} steps, and this is a {} step",
                    owner.key(),
                    kind.key()
                ),
                None,
            );
        }
    }
    if s.predict.is_some() && !matches!(kind, RawKind::Train | RawKind::Compare) {
        c.report(
            key(path, "predict"),
            format!(
                "`predict` belongs to train and compare steps, and this is a {} step",
                kind.key()
            ),
            Some(
                "a prediction is graded by a run, so it sits beside `train:` or `compare:`".into(),
            ),
        );
    }
    let kind = content::check_kind(c, path, s, kind)?;
    Some(Step {
        id: s.id.clone(),
        title,
        note,
        kind,
    })
}
