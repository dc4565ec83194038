//! The catalog: the built-in lessons, embedded in the binary so nnstep works
//! from any folder, plus the lessons of a user folder (`--lessons DIR`),
//! which add to them or replace a built-in lesson with the same id.
//!
//! Built-in lessons use built-in datasets only: a relative CSV path in one
//! would have no folder to start from.

use std::path::{Path, PathBuf};

use super::header::{self, Header, StaticHeader};
use super::load;
use super::model::Lesson;
use crate::diagnostic::Diagnostic;

/// The built-in lessons: file name and text.
const BUILTIN: &[(&str, &str)] = &[
    ("overview.yaml", include_str!("../../lessons/overview.yaml")),
    ("ch04.yaml", include_str!("../../lessons/ch04.yaml")),
    ("ch05.yaml", include_str!("../../lessons/ch05.yaml")),
    ("ch06.yaml", include_str!("../../lessons/ch06.yaml")),
    ("ch07.yaml", include_str!("../../lessons/ch07.yaml")),
    ("ch08.yaml", include_str!("../../lessons/ch08.yaml")),
    ("ch09.yaml", include_str!("../../lessons/ch09.yaml")),
    ("ch10.yaml", include_str!("../../lessons/ch10.yaml")),
    ("ch11.yaml", include_str!("../../lessons/ch11.yaml")),
];

/// Where a lesson file comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LessonSource {
    /// Embedded in the binary, by file name.
    Builtin(&'static str),
    File(PathBuf),
}

/// One lesson file of the catalog, read but not yet checked.
#[derive(Clone, Debug)]
pub struct Entry {
    pub source: LessonSource,
    pub text: String,
    /// The lesson's id, if the file parses.
    pub id: Option<String>,
    /// A built-in lesson's header, read at build time.
    stored: Option<&'static StaticHeader>,
}

impl Entry {
    /// A built-in lesson whose header was read at build time needs no
    /// parsing here; any other file is parsed once for its id.
    fn new(source: LessonSource, text: String) -> Self {
        let stored = match &source {
            LessonSource::Builtin(name) => header::builtin(name),
            LessonSource::File(_) => None,
        };
        let id = match stored {
            Some(h) => Some(h.id.to_string()),
            None => load::parse(&source.display(), &text).ok().map(|r| r.id),
        };
        Self {
            source,
            text,
            id,
            stored,
        }
    }

    /// What the lesson list shows of the lesson: from the build-time table
    /// for a built-in lesson (no parsing), else from the checked lesson.
    pub fn header(&self) -> Result<Header, Vec<Diagnostic>> {
        match self.stored {
            Some(h) => Ok(Header::from(h)),
            None => self.load().map(|l| Header::of(&l)),
        }
    }

    /// The file name shown in messages (`built-in:ch04.yaml` or the path).
    #[must_use]
    pub fn file(&self) -> String {
        self.source.display()
    }

    /// Parses and checks the lesson.
    pub fn load(&self) -> Result<Lesson, Vec<Diagnostic>> {
        let base = match &self.source {
            LessonSource::Builtin(_) => PathBuf::from("<built-in>"),
            LessonSource::File(p) => p.parent().unwrap_or(Path::new(".")).to_path_buf(),
        };
        super::load_str(&self.file(), &self.text, &base)
    }
}

impl LessonSource {
    /// As named in messages and on the home screen; a file name with
    /// control characters in it shows them as pictures.
    #[must_use]
    pub fn display(&self) -> String {
        match self {
            LessonSource::Builtin(name) => format!("built-in:{name}"),
            LessonSource::File(p) => {
                crate::untrusted::visible_line(&p.display().to_string()).into_owned()
            }
        }
    }
}

/// Every lesson available, built-in lessons first, then a user folder's in
/// file-name order.
#[derive(Clone, Debug)]
pub struct Catalog {
    entries: Vec<Entry>,
}

impl Catalog {
    /// The built-in lessons only.
    #[must_use]
    pub fn builtin() -> Self {
        Self {
            entries: BUILTIN
                .iter()
                .map(|(name, text)| Entry::new(LessonSource::Builtin(name), (*text).to_string()))
                .collect(),
        }
    }

    /// The built-in lessons, plus those of `dir` (its `*.yaml` and `*.yml`
    /// files), which replace built-in lessons with the same id. A file that
    /// cannot be read becomes an error diagnostic; the rest still load.
    #[must_use]
    pub fn with_dir(dir: Option<&Path>) -> (Self, Vec<Diagnostic>) {
        let mut cat = Self::builtin();
        let mut errors = Vec::new();
        let Some(dir) = dir else {
            return (cat, errors);
        };
        match lesson_files(dir) {
            Ok(files) => {
                for path in files {
                    match load::read_text(&path) {
                        Ok(text) => cat.add(Entry::new(LessonSource::File(path), text)),
                        Err(d) => errors.push(d),
                    }
                }
            }
            Err(e) => errors.push(Diagnostic::new(
                &dir.display().to_string(),
                "",
                0,
                0,
                format!("cannot read the lesson folder: {e}"),
            )),
        }
        (cat, errors)
    }

    fn add(&mut self, e: Entry) {
        match self
            .entries
            .iter_mut()
            .find(|x| x.id.is_some() && x.id == e.id)
        {
            Some(slot) => *slot = e,
            None => self.entries.push(e),
        }
    }

    /// Every entry, in catalog order.
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry whose lesson id is `id`.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id.as_deref() == Some(id))
    }

    /// Ids of every lesson that parses, for messages.
    #[must_use]
    pub fn ids(&self) -> Vec<&str> {
        self.entries
            .iter()
            .filter_map(|e| e.id.as_deref())
            .collect()
    }

    /// A lesson named by id (`ch04`) or by the path of a YAML file.
    pub fn find(&self, name: &str) -> Result<Lesson, Vec<Diagnostic>> {
        let path = Path::new(name);
        let looks_like_path =
            name.ends_with(".yaml") || name.ends_with(".yml") || name.contains('/');
        if looks_like_path || (path.is_file() && self.get(name).is_none()) {
            return super::load_file(path);
        }
        // A built-in or folder file that does not parse has no id; find it
        // by its file name, so its diagnostics are shown.
        let by_file = || {
            self.entries.iter().find(|e| match &e.source {
                LessonSource::Builtin(f) => f.trim_end_matches(".yaml") == name,
                LessonSource::File(p) => p.file_stem().is_some_and(|s| s == name),
            })
        };
        match self.get(name).or_else(by_file) {
            Some(e) => e.load(),
            None => Err(vec![
                Diagnostic::new(name, "", 0, 0, format!("no lesson with the id '{name}'"))
                    .with_hint(Some(format!(
                        "the lessons are: {} (or give the path of a YAML file)",
                        self.ids().join(", ")
                    ))),
            ]),
        }
    }
}

/// The `*.yaml` / `*.yml` files of `dir`, sorted by name.
pub fn lesson_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    files.sort();
    Ok(files)
}
