//! The instructor's record of the results it received, kept in a private
//! file (mode 0600, in the instructor's data folder) so that a restarted
//! instructor has the whole tally back, including the results of learners
//! who are gone by then.
//!
//! The file holds one JSON line per result taken (the learner's token and
//! the result: step, question, mark, slip, tries, hints, seconds; never a
//! learner's numbers or text), after a first line naming the class and the
//! lesson. It is appended to as results arrive and rewritten from the
//! tally when it grows past a limit. A line torn by a kill is skipped when
//! read. Whether an instance resumes a file or starts it afresh is decided
//! by its caller (see [`super::place::Private`]).

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::protocol::{self, Answer};
use super::tally::Kept;

/// The file is rewritten from the tally when it grows past this...
pub const REWRITE_AT: u64 = 8 * 1024 * 1024;
/// ...and no more than this is read back.
pub const MAX_READ: u64 = 256 * 1024 * 1024;
/// The longest line read back.
const MAX_LINE: usize = 8 * 1024;

/// One line of the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Record {
    /// The first line: which class and lesson the results belong to.
    Class { class: String, lesson: String },
    /// A result as taken from a learner (by token).
    Result { learner: u64, result: Answer },
}

/// Results kept per learner token, by (step, question).
pub type KeptAll = HashMap<u64, HashMap<(String, String), Kept>>;

/// The open file.
pub struct Journal {
    path: PathBuf,
    file: File,
    class: String,
    lesson: String,
    /// Bytes in the file now.
    bytes: u64,
    /// Rewrite when `bytes` passes this.
    limit: u64,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal").field("path", &self.path).finish()
    }
}

fn private_file(path: &Path, truncate: bool) -> io::Result<File> {
    if let Some(d) = path.parent() {
        fs::create_dir_all(d)?;
    }
    let f = OpenOptions::new()
        .create(true)
        .append(!truncate)
        .write(true)
        .truncate(truncate)
        .mode(0o600)
        .open(path)?;
    // An older file may have another mode.
    fs::set_permissions(path, std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    Ok(f)
}

impl Journal {
    /// Opens the file at `path` for the class `class` of lesson `lesson`.
    /// With `resume`, the results recorded there for the same class and
    /// lesson are read back and returned (a file of another class or
    /// lesson is started afresh); without, the file is started afresh.
    pub fn open(
        path: &Path,
        class: &str,
        lesson: &str,
        resume: bool,
        max_learners: usize,
    ) -> io::Result<(Journal, KeptAll)> {
        let kept = if resume {
            read_back(path, class, lesson, max_learners)?
        } else {
            None
        };
        let mut j = Journal {
            path: path.to_path_buf(),
            file: private_file(path, kept.is_none())?,
            class: class.into(),
            lesson: lesson.into(),
            bytes: 0,
            limit: REWRITE_AT,
        };
        match kept {
            Some(kept) => {
                j.bytes = j.file.metadata()?.len();
                Ok((j, kept))
            }
            None => {
                j.write_line(&j.header())?;
                Ok((j, KeptAll::new()))
            }
        }
    }

    /// The file's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn header(&self) -> Record {
        Record::Class {
            class: self.class.clone(),
            lesson: self.lesson.clone(),
        }
    }

    fn write_line(&mut self, r: &Record) -> io::Result<()> {
        let line = protocol::encode(r);
        self.file.write_all(line.as_bytes())?;
        self.bytes += line.len() as u64;
        Ok(())
    }

    /// Records one result taken from learner `learner`.
    pub fn append(&mut self, learner: u64, a: &Answer) -> io::Result<()> {
        self.write_line(&Record::Result {
            learner,
            result: a.clone(),
        })
    }

    /// Whether the file has grown past its limit and should be rewritten.
    #[must_use]
    pub fn wants_rewrite(&self) -> bool {
        self.bytes > self.limit
    }

    /// Rewrites the file from the tally (to a temporary file renamed over
    /// it): per learner and question, each slip and then the latest result,
    /// which read back give the same tally.
    pub fn rewrite(&mut self, kept: &KeptAll) -> io::Result<()> {
        let tmp = self.path.with_extension("tally.new");
        let mut out = io::BufWriter::new(private_file(&tmp, true)?);
        let mut bytes = 0u64;
        let mut put = |out: &mut io::BufWriter<File>, r: &Record| -> io::Result<()> {
            let line = protocol::encode(r);
            bytes += line.len() as u64;
            out.write_all(line.as_bytes())
        };
        put(&mut out, &self.header())?;
        for (learner, qs) in kept {
            for k in qs.values() {
                for result in records_of(k) {
                    put(
                        &mut out,
                        &Record::Result {
                            learner: *learner,
                            result,
                        },
                    )?;
                }
            }
        }
        out.flush()?;
        drop(out);
        fs::rename(&tmp, &self.path)?;
        self.file = private_file(&self.path, false)?;
        self.bytes = bytes;
        self.limit = REWRITE_AT.max(bytes.saturating_mul(2));
        Ok(())
    }

    /// Removes the file (the class has ended).
    pub fn remove(self) -> io::Result<()> {
        fs::remove_file(&self.path)
    }
}

/// Results that, taken in order by [`Kept::take`], give `k` again.
fn records_of(k: &Kept) -> Vec<Answer> {
    let Some(latest) = &k.latest else {
        return Vec::new();
    };
    let mut v: Vec<Answer> = (k.slips.iter())
        .map(|(tries, slip)| Answer {
            mark: super::protocol::Mark::Wrong,
            slip: Some(*slip),
            tries: *tries,
            ..latest.clone()
        })
        .collect();
    v.push(latest.clone());
    v
}

/// Reads up to and including the next newline without keeping it.
fn skip_line(r: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if let Some(i) = buf.iter().position(|&b| b == b'\n') {
            r.consume(i + 1);
            return Ok(());
        }
        let n = buf.len();
        r.consume(n);
    }
}

/// The results recorded at `path` for this class and lesson; `None` when
/// the file is missing or belongs to another class or lesson.
fn read_back(
    path: &Path,
    class: &str,
    lesson: &str,
    max_learners: usize,
) -> io::Result<Option<KeptAll>> {
    let f = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut r = BufReader::new(f.take(MAX_READ));
    let mut kept = KeptAll::new();
    let mut first = true;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = (&mut r).take(MAX_LINE as u64).read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        if buf.last() != Some(&b'\n') {
            // Too long, or torn by a kill: skip to the next line.
            if n == MAX_LINE {
                skip_line(&mut r)?;
            }
            continue;
        }
        buf.pop();
        let Ok(rec) = protocol::decode::<Record>(&buf) else {
            continue;
        };
        match rec {
            Record::Class {
                class: c,
                lesson: l,
            } if first => {
                if c != class || l != lesson {
                    return Ok(None);
                }
                first = false;
            }
            Record::Result { learner, result } if !first => {
                if !kept.contains_key(&learner) && kept.len() >= max_learners {
                    continue;
                }
                let key = (result.step.clone(), result.question.clone());
                let _ = (kept.entry(learner).or_default().entry(key).or_default()).take(result);
            }
            _ => {}
        }
    }
    Ok((!first).then_some(kept))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::class::protocol::{Mark, SlipKind};
    use crate::class::tally::tally;

    fn answer(q: &str, mark: Mark, slip: Option<SlipKind>, tries: u32) -> Answer {
        Answer {
            step: "s".into(),
            question: q.into(),
            mark,
            slip,
            tries,
            hints: 1,
            secs: f64::from(tries) * 3.0,
        }
    }

    fn take(kept: &mut KeptAll, learner: u64, a: Answer) {
        let key = (a.step.clone(), a.question.clone());
        let _ = kept
            .entry(learner)
            .or_default()
            .entry(key)
            .or_default()
            .take(a);
    }

    fn sample() -> Vec<(u64, Answer)> {
        vec![
            (1, answer("q", Mark::Wrong, Some(SlipKind::Sign), 1)),
            (1, answer("q", Mark::Right, None, 2)),
            (2, answer("q", Mark::Wrong, Some(SlipKind::ForgotMean), 1)),
            (2, answer("r", Mark::Close, None, 1)),
        ]
    }

    #[test]
    fn results_appended_are_read_back_by_a_restarted_instance() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("class").join("x.tally");
        let (mut j, kept) = Journal::open(&path, "c", "ch04", true, 10).unwrap();
        assert!(kept.is_empty());
        let mut want = KeptAll::new();
        for (l, a) in sample() {
            j.append(l, &a).unwrap();
            take(&mut want, l, a);
        }
        drop(j);
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let (_j, back) = Journal::open(&path, "c", "ch04", true, 10).unwrap();
        assert_eq!(back, want);
        // The tally from the file is the tally before the restart: learner
        // 1 right after a sign slip, learner 2 wrong by 1/m.
        let key = ("s".to_string(), "q".to_string());
        let t = tally("s", "q", back.values().filter_map(|m| m.get(&key)), 2);
        assert_eq!((t.answered, t.right, t.wrong), (2, 1, 1));
        assert_eq!(
            t.slips,
            vec![(SlipKind::Sign, 1), (SlipKind::ForgotMean, 1)]
        );
    }

    #[test]
    fn a_new_class_or_another_lesson_does_not_inherit_the_results() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.tally");
        let (mut j, _) = Journal::open(&path, "c", "ch04", false, 10).unwrap();
        for (l, a) in sample() {
            j.append(l, &a).unwrap();
        }
        drop(j);
        let (_, other) = Journal::open(&path, "c", "ch05", true, 10).unwrap();
        assert!(other.is_empty(), "another lesson starts afresh");
        // And the file now belongs to ch05: ch04 finds nothing.
        let (_, again) = Journal::open(&path, "c", "ch04", true, 10).unwrap();
        assert!(again.is_empty());
        let (mut j, _) = Journal::open(&path, "c", "ch04", false, 10).unwrap();
        j.append(1, &answer("q", Mark::Right, None, 1)).unwrap();
        drop(j);
        let (_, fresh) = Journal::open(&path, "c", "ch04", false, 10).unwrap();
        assert!(fresh.is_empty(), "a new start is not a restart");
    }

    #[test]
    fn a_torn_last_line_and_garbage_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.tally");
        let (mut j, _) = Journal::open(&path, "c", "ch04", false, 10).unwrap();
        j.append(1, &answer("q", Mark::Right, None, 1)).unwrap();
        drop(j);
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"not json\n").unwrap();
        f.write_all(&vec![b'x'; MAX_LINE * 3]).unwrap();
        f.write_all(b"\n{\"v\":1,\"type\":\"result\",\"learner\":2,\"res")
            .unwrap();
        drop(f);
        let (_, back) = Journal::open(&path, "c", "ch04", true, 10).unwrap();
        assert_eq!(back.len(), 1);
        assert!(back.contains_key(&1));
    }

    #[test]
    fn a_rewrite_reads_back_as_the_same_tally() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.tally");
        let (mut j, _) = Journal::open(&path, "c", "ch04", false, 10).unwrap();
        let mut want = KeptAll::new();
        for (l, a) in sample() {
            take(&mut want, l, a.clone());
            // Each result many times over, as a flood would.
            for _ in 0..50 {
                j.append(l, &a).unwrap();
            }
        }
        let before = fs::metadata(&path).unwrap().len();
        j.rewrite(&want).unwrap();
        let after = fs::metadata(&path).unwrap().len();
        assert!(after < before / 10, "{after} vs {before}");
        j.append(3, &answer("q", Mark::Right, None, 1)).unwrap();
        take(&mut want, 3, answer("q", Mark::Right, None, 1));
        drop(j);
        let (_, back) = Journal::open(&path, "c", "ch04", true, 10).unwrap();
        assert_eq!(back, want);
    }

    #[test]
    fn no_more_learners_than_the_cap_are_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.tally");
        let (mut j, _) = Journal::open(&path, "c", "ch04", false, 10).unwrap();
        for l in 0..20 {
            j.append(l, &answer("q", Mark::Right, None, 1)).unwrap();
        }
        drop(j);
        let (_, back) = Journal::open(&path, "c", "ch04", true, 5).unwrap();
        assert_eq!(back.len(), 5);
    }
}
