//! Reading and writing the progress file without losing anything: an OS
//! file lock serialises the instances for the whole read-modify-write,
//! every write re-reads the file and applies one change to it (quiz
//! results as increments), the new file replaces the old atomically, and a
//! file that does not parse is moved aside, never overwritten. The file is
//! parsed once per save and written through a buffer; a file over
//! [`MAX_FILE_BYTES`] is left alone with an error rather than read.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Deserialize;
use thiserror::Error;

use super::lock::Lock;
use super::record::{Change, FORMAT_VERSION, Progress};
use crate::rng::SeededRng;

/// The file name inside the data folder.
pub const FILE_NAME: &str = "progress.json";
const LOCK_NAME: &str = "progress.lock";
/// The largest progress file read: far above a lifetime of lessons
/// (a quiz result takes about 150 bytes).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Where progress is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

/// Progress as read, with what happened to a bad file on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub progress: Progress,
    pub notice: Option<Notice>,
}

/// Something the learner should be told about their progress file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The file did not parse; it was renamed to `to` and progress starts afresh.
    MovedAside { to: PathBuf, reason: String },
    /// Entries with impossible ids (control characters, over-long) were
    /// dropped; the rest loaded.
    Repaired { dropped: usize },
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::MovedAside { to, reason } => write!(
                f,
                "the progress file could not be read ({}); it was kept as {} and progress starts afresh",
                crate::untrusted::excerpt(reason, 120),
                crate::untrusted::visible_line(&to.display().to_string())
            ),
            Notice::Repaired { dropped } => write!(
                f,
                "the progress file had {dropped} entries with impossible names; they were dropped and the rest kept"
            ),
        }
    }
}

/// Why progress could not be read or saved. The file is left as it was.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot use the data folder {}: {source}", dir.display())]
    Dir { dir: PathBuf, source: io::Error },
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error(
        "{} was written by a newer nnstep (format {found}; this one knows {FORMAT_VERSION}); it is left as it is and progress is not saved",
        path.display()
    )]
    Newer { path: PathBuf, found: u32 },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error(
        "{} is larger than {} MB; it is left as it is and progress is not saved (move it away to start afresh)",
        path.display(),
        MAX_FILE_BYTES >> 20
    )]
    TooLarge { path: PathBuf },
}

/// Just enough of the file to know its version before reading the rest.
#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

impl Store {
    /// A store in folder `dir` (created on the first write).
    #[must_use]
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The data folder the environment asks for: `NNSTEP_DATA_DIR`, else
    /// `$XDG_DATA_HOME/nnstep` (when absolute, as the XDG spec requires),
    /// else `$HOME/.local/share/nnstep`. `var` looks a variable up.
    #[must_use]
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<Self> {
        let set = |k: &str| var(k).filter(|v| !v.is_empty());
        if let Some(d) = set("NNSTEP_DATA_DIR") {
            return Some(Self::new(d));
        }
        if let Some(x) = set("XDG_DATA_HOME").filter(|x| Path::new(x).is_absolute()) {
            return Some(Self::new(Path::new(&x).join("nnstep")));
        }
        set("HOME").map(|h| Self::new(Path::new(&h).join(".local/share/nnstep")))
    }

    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The progress file's path.
    #[must_use]
    pub fn file(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// Reads the saved progress; no file means no progress yet.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        if !self.file().exists() {
            return Ok(Loaded {
                progress: Progress::default(),
                notice: None,
            });
        }
        let _lock = self.lock()?;
        self.read_checked()
    }

    /// Applies `change` to the file as it is now on disk (keeping what other
    /// instances wrote) and saves it; returns the progress saved.
    pub fn apply(&self, change: &Change) -> Result<Loaded, StoreError> {
        self.update(|p| p.apply(change, unix_now()))
    }

    /// [`Store::apply`], calling `between` with the lock held, after the
    /// file is read and before it is written: for tests that stop a save
    /// in the middle and check that other instances wait for it.
    pub fn apply_with(
        &self,
        change: &Change,
        between: impl FnOnce(),
    ) -> Result<Loaded, StoreError> {
        self.update(|p| {
            p.apply(change, unix_now());
            between();
        })
    }

    /// The learner's identity, made and saved now if the file has none yet
    /// (so the first lesson opened already has the learner's own numbers).
    pub fn learner(&self) -> Result<u64, StoreError> {
        let loaded = self.load()?;
        if let Some(id) = loaded.progress.learner {
            return Ok(id);
        }
        let saved = self.update(|_| {})?;
        Ok(saved.progress.learner.unwrap_or_default())
    }

    /// Reads the file under the lock, changes it with `edit`, gives it a
    /// learner identity if it has none, and saves it.
    fn update(&self, edit: impl FnOnce(&mut Progress)) -> Result<Loaded, StoreError> {
        fs::create_dir_all(&self.dir).map_err(|source| StoreError::Dir {
            dir: self.dir.clone(),
            source,
        })?;
        let _lock = self.lock()?;
        let mut loaded = self.read_checked()?;
        edit(&mut loaded.progress);
        loaded.progress.version = FORMAT_VERSION;
        loaded.progress.learner.get_or_insert_with(new_learner);
        self.write_atomic(&loaded.progress)?;
        Ok(loaded)
    }

    /// Takes the lock that serialises the instances' writes, waiting for as
    /// long as another instance holds it.
    fn lock(&self) -> Result<Lock, StoreError> {
        let path = self.dir.join(LOCK_NAME);
        Lock::take(&path).map_err(|source| StoreError::Write { path, source })
    }

    /// Reads and parses the file; a corrupt one is moved aside. Call with
    /// the lock held.
    fn read_checked(&self) -> Result<Loaded, StoreError> {
        let path = self.file();
        let bytes = match crate::untrusted::read_regular_file(&path, MAX_FILE_BYTES) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Loaded {
                    progress: Progress::default(),
                    notice: None,
                });
            }
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                return Err(StoreError::TooLarge { path });
            }
            Err(source) => return Err(StoreError::Read { path, source }),
        };
        match parse(&bytes) {
            Ok(mut progress) => {
                let dropped = progress.repair();
                Ok(Loaded {
                    progress,
                    notice: (dropped > 0).then_some(Notice::Repaired { dropped }),
                })
            }
            Err(Bad::Newer(found)) => Err(StoreError::Newer { path, found }),
            Err(Bad::Corrupt(reason)) => {
                let to = self.move_aside()?;
                Ok(Loaded {
                    progress: Progress::default(),
                    notice: Some(Notice::MovedAside { to, reason }),
                })
            }
        }
    }

    /// Renames the progress file to `progress.json.corrupt-<UTC time>`.
    fn move_aside(&self) -> Result<PathBuf, StoreError> {
        let stamp = utc_stamp(unix_now());
        let mut to = self.dir.join(format!("{FILE_NAME}.corrupt-{stamp}"));
        let mut n = 1;
        while to.exists() {
            to = self.dir.join(format!("{FILE_NAME}.corrupt-{stamp}-{n}"));
            n += 1;
        }
        fs::rename(self.file(), &to).map_err(|source| StoreError::Write {
            path: self.file(),
            source,
        })?;
        Ok(to)
    }

    /// Writes a temporary file in the same folder, syncs it, and renames it
    /// over the progress file: a reader sees the old file or the new one,
    /// never half of one, even if the power fails.
    fn write_atomic(&self, progress: &Progress) -> Result<(), StoreError> {
        let path = self.file();
        let tmp = self
            .dir
            .join(format!(".{FILE_NAME}.tmp-{}", std::process::id()));
        let write = || -> io::Result<()> {
            let mut w = BufWriter::new(File::create(&tmp)?);
            serde_json::to_writer_pretty(&mut w, progress).map_err(io::Error::other)?;
            w.write_all(b"\n")?;
            let f = w.into_inner().map_err(io::IntoInnerError::into_error)?;
            f.sync_all()?;
            fs::rename(&tmp, &path)?;
            // Make the rename itself durable; not every platform allows it.
            if let Ok(d) = File::open(&self.dir) {
                let _ = d.sync_all();
            }
            Ok(())
        };
        write().map_err(|source| {
            let _ = fs::remove_file(&tmp);
            StoreError::Write {
                path: path.clone(),
                source,
            }
        })
    }
}

enum Bad {
    Newer(u32),
    Corrupt(String),
}

/// The progress in `bytes`: parsed once when it is a format this nnstep
/// knows; the version alone is probed only when the whole does not parse
/// (a newer format may have changed the rest).
fn parse(bytes: &[u8]) -> Result<Progress, Bad> {
    let version = match serde_json::from_slice::<Progress>(bytes) {
        Ok(p) if (1..=FORMAT_VERSION).contains(&p.version) => return Ok(p),
        Ok(p) => p.version,
        Err(e) => match serde_json::from_slice::<VersionProbe>(bytes) {
            Ok(probe) if probe.version > FORMAT_VERSION => probe.version,
            _ => return Err(Bad::Corrupt(e.to_string())),
        },
    };
    if version > FORMAT_VERSION {
        Err(Bad::Newer(version))
    } else {
        Err(Bad::Corrupt(format!("version {version} is not a format")))
    }
}

/// Parses progress bytes as a load does, for tests and fuzzing: `Ok` with
/// the progress (repaired), or the reason it would be refused.
pub fn parse_for_test(bytes: &[u8]) -> Result<Progress, String> {
    parse(bytes)
        .map(|mut p| {
            p.repair();
            p
        })
        .map_err(|b| match b {
            Bad::Newer(v) => format!("newer format {v}"),
            Bad::Corrupt(r) => r,
        })
}

/// A fresh learner identity: the clock (to the nanosecond) and the process
/// id, mixed through the seeded generator so that nearby values are far apart.
fn new_learner() -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let pid = u64::from(std::process::id());
    // Truncating to the low 64 bits is the point: they vary most.
    let seed = (nanos as u64) ^ (nanos >> 64) as u64 ^ pid.rotate_left(32);
    SeededRng::new(seed).next_u64()
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `YYYYMMDDTHHMMSSZ` for seconds since the Unix epoch (UTC; the civil-date
/// conversion of Howard Hinnant's `civil_from_days`).
#[must_use]
pub fn utc_stamp(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_stamp_of_known_instants() {
        assert_eq!(utc_stamp(0), "19700101T000000Z");
        // 2000-02-29 12:34:56 UTC, a leap day.
        assert_eq!(utc_stamp(951_827_696), "20000229T123456Z");
    }

    #[test]
    fn data_dir_prefers_the_override_then_xdg_then_home() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_string())
            }
        };
        let dir = |pairs| Store::from_env(env(pairs)).map(|s| s.dir().to_path_buf());
        assert_eq!(
            dir(&[("NNSTEP_DATA_DIR", "/d"), ("XDG_DATA_HOME", "/x")]),
            Some(PathBuf::from("/d"))
        );
        assert_eq!(
            dir(&[("XDG_DATA_HOME", "/x"), ("HOME", "/h")]),
            Some(PathBuf::from("/x/nnstep"))
        );
        assert_eq!(
            dir(&[("XDG_DATA_HOME", "rel"), ("HOME", "/h")]),
            Some(PathBuf::from("/h/.local/share/nnstep"))
        );
        assert_eq!(dir(&[]), None);
    }
}
