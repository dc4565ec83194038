//! The instructor's side: a Unix socket that learners join with the code.
//!
//! One thread accepts; each connection gets a reader thread and, once it has
//! joined as a learner, a writer thread. Nothing a peer does can stall the
//! instructor: connections over the cap are refused at once, the first line
//! must come within [`HELLO_TIMEOUT`], lines are capped at
//! [`MAX_CLIENT_LINE`] bytes, a line left half-sent is dropped after
//! [`IDLE_READ`], a peer sending more than [`MAX_RATE`] lines a second is
//! dropped, and a learner that stops reading is dropped after
//! [`WRITE_TIMEOUT`]. The instructor's own calls only take a short lock;
//! writers send the latest state (there is no queue to fill up).

use std::collections::{BTreeMap, HashSet};
use std::io::{self, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::journal::{Journal, KeptAll};
use super::place::{self, normalize_code};
use super::protocol::{
    self, Answer, ClassState, DecodeError, Line, LineReader, MAX_CLIENT_LINE, MAX_NAME_CHARS,
    Refusal, Role, ToLearner, ToServer,
};
use super::tally::{LearnerInfo, Snapshot, tally};

/// Connections at once (learners and status requests); more are refused.
pub const DEFAULT_MAX_CONNECTIONS: usize = 256;
/// The first line (the hello) must come within this.
pub const HELLO_TIMEOUT: Duration = Duration::from_secs(5);
/// A joined learner may be quiet for ever, but not stop mid-line longer
/// than this.
pub const IDLE_READ: Duration = Duration::from_secs(30);
/// A learner that takes longer than this to take a line is dropped.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(5);
/// Lines a second a learner may send by default, on average.
pub const MAX_RATE: u32 = 50;
/// A burst may be this many times [`MAX_RATE`] (a learner who joins again
/// sends all their results at once).
pub const BURST: u32 = 4;
/// Distinct learners whose results are kept.
pub const MAX_LEARNERS_KEPT: usize = 4096;
/// The mark of a token given to a learner who sent none (one per
/// connection).
const ANONYMOUS: u64 = 1 << 63;

/// What the instructor's class offers.
#[derive(Clone, Debug)]
pub struct LessonOffer {
    /// The lesson id.
    pub id: String,
    /// The lesson file's text, for a lesson that is not built in.
    pub text: Option<String>,
    /// Each quiz step's id with its question ids, in lesson order.
    pub questions: Vec<(String, Vec<String>)>,
}

/// How to start a class.
#[derive(Clone, Debug)]
pub struct Config {
    pub path: PathBuf,
    pub class: String,
    pub code: String,
    pub lesson: LessonOffer,
    pub max_connections: usize,
    /// Socket mode 0660 with this group (else 0666: the code guards it).
    pub group: Option<u32>,
    /// Where notices go from the first connection on (at most as many
    /// waiting as the channel holds; more are dropped, never blocking).
    pub notices: Option<SyncSender<Notice>>,
    /// Lines a second a learner may send ([`MAX_RATE`] by default).
    pub max_rate: u32,
    /// The instructor key that `status` requests must give (see
    /// [`place::Private`]); never sent to learners.
    pub key: String,
    /// Where the results received are kept for a restart, if anywhere.
    pub tally_file: Option<TallyFile>,
}

/// The private file of the results received (see [`super::journal`]).
#[derive(Clone, Debug)]
pub struct TallyFile {
    pub path: PathBuf,
    /// Read back the results of the same class (a restart); else start
    /// the file afresh.
    pub resume: bool,
}

/// Why a class could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("a class is already running at {0}; choose another --name or --socket")]
    Live(PathBuf),
    #[error("{0} exists and is not a socket; remove it or choose another --socket")]
    NotASocket(PathBuf),
    #[error("cannot listen at {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error(transparent)]
    Place(#[from] place::PlaceError),
    #[error("the lesson text is too long to send ({0} bytes)")]
    LessonTooLong(usize),
    #[error("cannot keep the class's results in {path}: {source}")]
    Tally { path: PathBuf, source: io::Error },
}

/// Something the instructor may want to show as it happens.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Joined {
        learners: usize,
    },
    Left {
        learners: usize,
    },
    Answered {
        step: String,
        question: String,
    },
    WrongCode,
    Dropped {
        reason: String,
    },
    Done {
        step: String,
    },
    /// The results could no longer be written to the private file (a
    /// restart would not have them); the class goes on.
    TallyNotKept {
        reason: String,
    },
}

struct Learner {
    token: u64,
    name: Option<String>,
    away: bool,
    stream: UnixStream,
    /// The last state version the writer sent.
    sent: Arc<AtomicU64>,
    gone: Arc<AtomicBool>,
}

struct Inner {
    state: ClassState,
    version: u64,
    /// The state as a line, encoded once per version.
    line: Arc<str>,
    learners: BTreeMap<u64, Learner>,
    kept: KeptAll,
    /// Learners (by token) who marked the current step done.
    done: HashSet<u64>,
    wrong_codes: u64,
    refused_full: u64,
    dropped: u64,
    next_id: u64,
}

struct Shared {
    cfg: Config,
    /// The lesson message, encoded once.
    lesson_line: String,
    inner: Mutex<Inner>,
    changed: Condvar,
    stop: AtomicBool,
    conns: AtomicUsize,
    notices: Mutex<Option<SyncSender<Notice>>>,
    /// Bumped on every change the instructor's screen shows.
    changes: AtomicU64,
    /// The private file of results received (taken before `inner` when
    /// both are needed).
    journal: Mutex<Option<Journal>>,
}

/// A running class. Dropping it ends the connections and removes the socket.
pub struct Server {
    shared: Arc<Shared>,
    accept: Mutex<Option<JoinHandle<()>>>,
    /// The socket file's inode, so only our own socket is removed.
    ino: u64,
}

impl Server {
    /// Listens at `cfg.path`: refuses a live socket, removes a stale one.
    pub fn start(cfg: Config) -> Result<Server, ServerError> {
        place::check_length(&cfg.path)?;
        clear_stale(&cfg.path)?;
        let path = cfg.path.clone();
        let io_err = |source| ServerError::Io {
            path: path.clone(),
            source,
        };
        let listener = UnixListener::bind(&cfg.path).map_err(io_err)?;
        let mode = if cfg.group.is_some() { 0o660 } else { 0o666 };
        if let Some(gid) = cfg.group {
            std::os::unix::fs::chown(&cfg.path, None, Some(gid)).map_err(io_err)?;
        }
        std::fs::set_permissions(&cfg.path, std::fs::Permissions::from_mode(mode))
            .map_err(io_err)?;
        let ino = std::fs::metadata(&cfg.path).map_err(io_err)?.ino();
        let lesson_line = protocol::encode(&ToLearner::Lesson {
            id: cfg.lesson.id.clone(),
            text: cfg.lesson.text.clone(),
        });
        if lesson_line.len() > protocol::MAX_SERVER_LINE {
            let _ = std::fs::remove_file(&cfg.path);
            return Err(ServerError::LessonTooLong(lesson_line.len()));
        }
        let (journal, kept) = match &cfg.tally_file {
            None => (None, KeptAll::new()),
            Some(t) => {
                let opened = Journal::open(
                    &t.path,
                    &cfg.class,
                    &cfg.lesson.id,
                    t.resume,
                    MAX_LEARNERS_KEPT,
                );
                match opened {
                    Ok((j, kept)) => (Some(j), kept),
                    Err(source) => {
                        let _ = std::fs::remove_file(&cfg.path);
                        return Err(ServerError::Tally {
                            path: t.path.clone(),
                            source,
                        });
                    }
                }
            }
        };
        // Anonymous learners are numbered by connection; a restart numbers
        // on from those whose results it read back.
        let next_id = (kept.keys())
            .filter(|t| *t & ANONYMOUS != 0)
            .map(|t| (t & !ANONYMOUS) + 1)
            .max()
            .unwrap_or(1);
        let state = ClassState::default();
        let shared = Arc::new(Shared {
            journal: Mutex::new(journal),
            lesson_line,
            notices: Mutex::new(cfg.notices.clone()),
            inner: Mutex::new(Inner {
                line: protocol::encode(&ToLearner::State(state.clone())).into(),
                state,
                version: 1,
                learners: BTreeMap::new(),
                kept,
                done: HashSet::new(),
                wrong_codes: 0,
                refused_full: 0,
                dropped: 0,
                next_id,
            }),
            cfg,
            changed: Condvar::new(),
            stop: AtomicBool::new(false),
            conns: AtomicUsize::new(0),
            changes: AtomicU64::new(0),
        });
        let s = Arc::clone(&shared);
        let accept = std::thread::Builder::new()
            .name("class-accept".into())
            .spawn(move || accept_loop(&s, &listener))
            .map_err(io_err)?;
        Ok(Server {
            shared,
            accept: Mutex::new(Some(accept)),
            ino,
        })
    }

    /// The socket's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.shared.cfg.path
    }

    /// Notices of joins, answers and refusals from now on, at most `cap`
    /// waiting (more are dropped, never blocking a connection).
    pub fn notices(&self, cap: usize) -> Receiver<Notice> {
        let (tx, rx) = sync_channel(cap);
        *lock(&self.shared.notices) = Some(tx);
        rx
    }

    /// A counter that grows whenever something the instructor's screen
    /// shows has changed (a join, an answer, a refusal).
    #[must_use]
    pub fn changes(&self) -> u64 {
        self.shared.changes.load(Ordering::Relaxed)
    }

    /// Changes the class state and sends it to every learner.
    pub fn update(&self, f: impl FnOnce(&mut ClassState)) {
        let mut g = lock(&self.shared.inner);
        let before = g.state.step_id.clone();
        f(&mut g.state);
        if g.state.step_id != before {
            g.done.clear();
        }
        publish(&mut g);
        drop(g);
        self.shared.changed.notify_all();
        self.shared.changes.fetch_add(1, Ordering::Relaxed);
    }

    /// The class state as last set.
    #[must_use]
    pub fn state(&self) -> ClassState {
        lock(&self.shared.inner).state.clone()
    }

    /// Learners, tallies and counts, as `status` shows them.
    #[must_use]
    pub fn snapshot(&self) -> Snapshot {
        snapshot(&self.shared, &lock(&self.shared.inner))
    }

    /// Tells the learners the class has ended (waiting up to a second for
    /// them to hear it), closes every connection and removes the socket
    /// and the private file of results (a later start is a new class).
    pub fn end(&self) {
        self.update(|s| s.ended = true);
        let deadline = Instant::now() + Duration::from_secs(1);
        while Instant::now() < deadline {
            let g = lock(&self.shared.inner);
            let v = g.version;
            let all = (g.learners.values())
                .all(|l| l.sent.load(Ordering::Acquire) >= v || l.gone.load(Ordering::Acquire));
            drop(g);
            if all {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        self.close();
        if let Some(j) = lock(&self.shared.journal).take() {
            let _ = j.remove();
        }
    }

    /// Closes every connection and removes the socket (idempotent).
    pub fn close(&self) {
        if self.shared.stop.swap(true, Ordering::AcqRel) {
            return;
        }
        {
            let g = lock(&self.shared.inner);
            for l in g.learners.values() {
                let _ = l.stream.shutdown(std::net::Shutdown::Both);
            }
        }
        self.shared.changed.notify_all();
        // Wake the accept loop.
        let _ = UnixStream::connect(&self.shared.cfg.path);
        if let Some(h) = lock(&self.accept).take() {
            let _ = h.join();
        }
        let ours = std::fs::symlink_metadata(&self.shared.cfg.path)
            .is_ok_and(|m| m.ino() == self.ino && m.file_type().is_socket());
        if ours {
            let _ = std::fs::remove_file(&self.shared.cfg.path);
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.close();
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn publish(g: &mut Inner) {
    g.state.learners = distinct_learners(g);
    g.version += 1;
    g.line = protocol::encode(&ToLearner::State(g.state.clone())).into();
}

fn distinct_learners(g: &Inner) -> usize {
    g.learners
        .values()
        .map(|l| l.token)
        .collect::<HashSet<_>>()
        .len()
}

/// Refuses a live socket at `path`; removes a dead one.
fn clear_stale(path: &Path) -> Result<(), ServerError> {
    let Ok(md) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    if !md.file_type().is_socket() {
        return Err(ServerError::NotASocket(path.to_path_buf()));
    }
    match UnixStream::connect(path) {
        Ok(_) => Err(ServerError::Live(path.to_path_buf())),
        Err(_) => std::fs::remove_file(path).map_err(|source| ServerError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

fn notify(shared: &Shared, n: Notice) {
    shared.changes.fetch_add(1, Ordering::Relaxed);
    if let Some(tx) = lock(&shared.notices).as_ref() {
        let _ = tx.try_send(n);
    }
}

/// Frees a connection slot when its thread ends, however it ends.
struct Slot(Arc<Shared>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.conns.fetch_sub(1, Ordering::AcqRel);
    }
}

fn accept_loop(shared: &Arc<Shared>, listener: &UnixListener) {
    for conn in listener.incoming() {
        if shared.stop.load(Ordering::Acquire) {
            break;
        }
        let Ok(mut stream) = conn else {
            // Out of file descriptors, say: let some close.
            std::thread::sleep(Duration::from_millis(20));
            continue;
        };
        if shared.conns.load(Ordering::Acquire) >= shared.cfg.max_connections {
            lock(&shared.inner).refused_full += 1;
            let _ = stream.set_write_timeout(Some(Duration::from_millis(20)));
            let _ = stream.write_all(
                protocol::encode(&ToLearner::Refused {
                    reason: Refusal::Full,
                })
                .as_bytes(),
            );
            continue;
        }
        shared.conns.fetch_add(1, Ordering::AcqRel);
        let slot = Slot(Arc::clone(shared));
        let spawned = std::thread::Builder::new()
            .name("class-conn".into())
            .stack_size(128 * 1024)
            .spawn(move || serve(&slot, stream));
        // A failed spawn dropped the closure and with it the slot.
        let _ = spawned;
    }
}

fn send(stream: &mut UnixStream, msg: &ToLearner) -> io::Result<()> {
    stream.write_all(protocol::encode(msg).as_bytes())
}

fn dropped(shared: &Shared, reason: String) {
    lock(&shared.inner).dropped += 1;
    notify(shared, Notice::Dropped { reason });
}

fn serve(slot: &Slot, mut stream: UnixStream) {
    let shared = &slot.0;
    let _ = stream.set_read_timeout(Some(HELLO_TIMEOUT));
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = LineReader::new(read_half, MAX_CLIENT_LINE);
    let line = match reader.next_line() {
        Ok(Line::Text(l)) => l,
        Ok(Line::Idle) => return dropped(shared, "no hello".into()),
        Err(e) => return dropped(shared, e.to_string()),
    };
    let (code, role, name, token, key) = match protocol::decode::<ToServer>(&line) {
        Ok(ToServer::Hello {
            code,
            role,
            name,
            token,
            key,
        }) => (code, role, name, token, key),
        Err(DecodeError::Version(_)) => {
            let _ = send(
                &mut stream,
                &ToLearner::Refused {
                    reason: Refusal::Version,
                },
            );
            return;
        }
        Ok(_) | Err(DecodeError::Garbage(_)) => {
            let _ = send(
                &mut stream,
                &ToLearner::Refused {
                    reason: Refusal::Garbage,
                },
            );
            return dropped(shared, "garbage".into());
        }
    };
    if role == Role::Status {
        // The join code is no credential here: learners know it.
        let ok = key.is_some_and(|k| place::key_matches(&shared.cfg.key, &k));
        if ok {
            let snap = snapshot(shared, &lock(&shared.inner));
            let _ = send(&mut stream, &ToLearner::Status(snap));
        } else {
            lock(&shared.inner).wrong_codes += 1;
            notify(shared, Notice::WrongCode);
            let _ = send(
                &mut stream,
                &ToLearner::Refused {
                    reason: Refusal::Instructor,
                },
            );
        }
        return;
    }
    if normalize_code(&code).ok().as_deref() != Some(shared.cfg.code.as_str()) {
        lock(&shared.inner).wrong_codes += 1;
        notify(shared, Notice::WrongCode);
        let _ = send(
            &mut stream,
            &ToLearner::Refused {
                reason: Refusal::Code,
            },
        );
        return;
    }
    learner(shared, stream, reader, name, token);
}

/// A learner's name made safe to show: printable, at most
/// [`MAX_NAME_CHARS`] characters, none when empty.
fn clean_name(name: Option<String>) -> Option<String> {
    let n: String = name?
        .chars()
        .filter(|c| !crate::untrusted::is_unsafe(*c, false))
        .take(MAX_NAME_CHARS)
        .collect();
    let n = n.trim().to_string();
    (!n.is_empty()).then_some(n)
}

fn learner(
    shared: &Arc<Shared>,
    stream: UnixStream,
    mut reader: LineReader<UnixStream>,
    name: Option<String>,
    token: u64,
) {
    let Ok(write_half) = stream.try_clone() else {
        return;
    };
    let sent = Arc::new(AtomicU64::new(0));
    let gone = Arc::new(AtomicBool::new(false));
    let (id, token, learners) = {
        let mut g = lock(&shared.inner);
        let id = g.next_id;
        g.next_id += 1;
        // Anonymous learners without a token count one per connection.
        let token = if token == 0 { id | ANONYMOUS } else { token };
        g.learners.insert(
            id,
            Learner {
                token,
                name: clean_name(name),
                away: false,
                stream,
                sent: Arc::clone(&sent),
                gone: Arc::clone(&gone),
            },
        );
        g.state.learners = distinct_learners(&g);
        (id, token, g.state.learners)
    };
    notify(shared, Notice::Joined { learners });
    let s = Arc::clone(shared);
    let g2 = Arc::clone(&gone);
    let writer = std::thread::Builder::new()
        .name("class-write".into())
        .stack_size(128 * 1024)
        .spawn(move || write_loop(&s, write_half, &sent, &g2));
    let _ = reader_set_idle(&mut reader);
    read_loop(shared, &mut reader, id, token);
    gone.store(true, Ordering::Release);
    let learners = {
        let mut g = lock(&shared.inner);
        if let Some(l) = g.learners.remove(&id) {
            let _ = l.stream.shutdown(std::net::Shutdown::Both);
        }
        g.state.learners = distinct_learners(&g);
        g.state.learners
    };
    shared.changed.notify_all();
    if let Ok(w) = writer {
        let _ = w.join();
    }
    notify(shared, Notice::Left { learners });
}

fn reader_set_idle(reader: &mut LineReader<UnixStream>) -> io::Result<()> {
    reader.get_ref().set_read_timeout(Some(IDLE_READ))
}

fn write_loop(shared: &Shared, mut stream: UnixStream, sent: &AtomicU64, gone: &AtomicBool) {
    let welcome = ToLearner::Welcome {
        class: shared.cfg.class.clone(),
    };
    if send(&mut stream, &welcome).is_err()
        || stream.write_all(shared.lesson_line.as_bytes()).is_err()
    {
        let _ = stream.shutdown(std::net::Shutdown::Both);
        return;
    }
    let mut last = 0;
    loop {
        let line = {
            let mut g = lock(&shared.inner);
            while g.version == last
                && !shared.stop.load(Ordering::Acquire)
                && !gone.load(Ordering::Acquire)
            {
                g = shared
                    .changed
                    .wait(g)
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
            }
            if shared.stop.load(Ordering::Acquire) || gone.load(Ordering::Acquire) {
                return;
            }
            last = g.version;
            Arc::clone(&g.line)
        };
        if stream.write_all(line.as_bytes()).is_err() {
            // Not reading: end the connection (the reader sees it closed).
            let _ = stream.shutdown(std::net::Shutdown::Both);
            return;
        }
        sent.store(last, Ordering::Release);
    }
}

fn read_loop(shared: &Shared, reader: &mut LineReader<UnixStream>, id: u64, token: u64) {
    let rate = f64::from(shared.cfg.max_rate.max(1));
    let burst = rate * f64::from(BURST);
    let mut allowance = burst;
    let mut at = Instant::now();
    loop {
        if shared.stop.load(Ordering::Acquire) {
            return;
        }
        let line = match reader.next_line() {
            Ok(Line::Text(l)) => l,
            Ok(Line::Idle) => continue,
            Err(protocol::LineError::Closed) => return,
            Err(e) => return dropped(shared, e.to_string()),
        };
        let now = Instant::now();
        allowance = (allowance + now.duration_since(at).as_secs_f64() * rate).min(burst);
        at = now;
        allowance -= 1.0;
        if allowance < 0.0 {
            return dropped(shared, "flooding".into());
        }
        match protocol::decode::<ToServer>(&line) {
            Ok(ToServer::Result(a)) => take_result(shared, token, a),
            Ok(ToServer::Done { step }) => {
                let mut g = lock(&shared.inner);
                if g.state.step_id == step {
                    g.done.insert(token);
                }
                drop(g);
                notify(shared, Notice::Done { step });
            }
            Ok(ToServer::Away { away }) => {
                if let Some(l) = lock(&shared.inner).learners.get_mut(&id) {
                    l.away = away;
                }
                shared.changes.fetch_add(1, Ordering::Relaxed);
            }
            Ok(ToServer::Hello { .. }) | Err(_) => {
                return dropped(shared, "garbage".into());
            }
        }
    }
}

/// Keeps a learner's result if it names a question of the lesson.
fn take_result(shared: &Shared, token: u64, mut a: Answer) {
    let known = (shared.cfg.lesson.questions.iter())
        .any(|(s, qs)| *s == a.step && qs.contains(&a.question));
    if !known {
        return;
    }
    a.secs = if a.secs.is_finite() {
        a.secs.clamp(0.0, 1e6)
    } else {
        0.0
    };
    let key = (a.step.clone(), a.question.clone());
    // The journal's lock is taken first, so results reach the file in the
    // order the tally took them.
    let mut journal = lock(&shared.journal);
    let changed = {
        let mut g = lock(&shared.inner);
        if !g.kept.contains_key(&token) && g.kept.len() >= MAX_LEARNERS_KEPT {
            return;
        }
        (g.kept.entry(token).or_default())
            .entry(key.clone())
            .or_default()
            .take(a.clone())
    };
    if changed && let Some(j) = journal.as_mut() {
        let kept = j.append(token, &a).and_then(|()| {
            if j.wants_rewrite() {
                let all = lock(&shared.inner).kept.clone();
                j.rewrite(&all)
            } else {
                Ok(())
            }
        });
        if let Err(e) = kept {
            *journal = None;
            notify(
                shared,
                Notice::TallyNotKept {
                    reason: e.to_string(),
                },
            );
        }
    }
    drop(journal);
    notify(
        shared,
        Notice::Answered {
            step: key.0,
            question: key.1,
        },
    );
}

fn snapshot(shared: &Shared, g: &Inner) -> Snapshot {
    let mut tokens: HashSet<u64> = g.learners.values().map(|l| l.token).collect();
    tokens.extend(g.kept.keys().copied());
    let class_size = tokens.len();
    let mut questions = Vec::new();
    for (step, qs) in &shared.cfg.lesson.questions {
        for q in qs {
            let key = (step.clone(), q.clone());
            let kept = g.kept.values().filter_map(|m| m.get(&key));
            questions.push(tally(step, q, kept, class_size));
        }
    }
    let mut seen = HashSet::new();
    let learners = (g.learners.values())
        .filter(|l| seen.insert(l.token))
        .map(|l| LearnerInfo {
            name: l.name.clone(),
            away: l.away,
            done: g.done.contains(&l.token),
        })
        .collect();
    Snapshot {
        class: shared.cfg.class.clone(),
        lesson: shared.cfg.lesson.id.clone(),
        state: g.state.clone(),
        learners,
        questions,
        wrong_codes: g.wrong_codes,
        refused_full: g.refused_full,
        dropped: g.dropped,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::io::{BufRead, BufReader};

    use super::*;

    const KEY: &str = "0123456789abcdef0123456789abcdef";

    fn start(dir: &Path, max: usize) -> Server {
        start_kept(dir, max, None)
    }

    fn start_kept(dir: &Path, max: usize, tally_file: Option<TallyFile>) -> Server {
        Server::start(Config {
            path: dir.join("s.sock"),
            class: "t".into(),
            code: "CODE42".into(),
            lesson: LessonOffer {
                id: "ch04".into(),
                text: None,
                questions: vec![("s".into(), vec!["q".into()])],
            },
            max_connections: max,
            group: None,
            notices: None,
            max_rate: MAX_RATE,
            key: KEY.into(),
            tally_file,
        })
        .unwrap()
    }

    fn join(path: &Path) -> (UnixStream, BufReader<UnixStream>) {
        join_as(path, 7)
    }

    fn join_as(path: &Path, token: u64) -> (UnixStream, BufReader<UnixStream>) {
        let mut s = UnixStream::connect(path).unwrap();
        let hello = ToServer::Hello {
            code: "code42".into(),
            role: Role::Learner,
            name: Some("\u{1b}[2Jana".into()),
            token,
            key: None,
        };
        s.write_all(protocol::encode(&hello).as_bytes()).unwrap();
        let r = BufReader::new(s.try_clone().unwrap());
        (s, r)
    }

    fn wait(mut f: impl FnMut() -> bool) {
        let start = Instant::now();
        while !f() {
            assert!(start.elapsed() < Duration::from_secs(30));
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn a_connection_over_the_cap_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let server = start(dir.path(), 1);
        let (_a, mut ra) = join(server.path());
        let mut line = String::new();
        ra.read_line(&mut line).unwrap();
        assert!(line.contains("welcome"), "{line}");
        let b = UnixStream::connect(server.path()).unwrap();
        let mut line = String::new();
        BufReader::new(b).read_line(&mut line).unwrap();
        assert!(line.contains("\"reason\":\"full\""), "{line}");
        assert_eq!(server.snapshot().refused_full, 1);
        // The name is kept without its escape sequence.
        assert_eq!(
            server.snapshot().learners[0].name.as_deref(),
            Some("[2Jana")
        );
    }

    #[test]
    fn a_flooding_learner_is_dropped_and_its_known_results_kept() {
        let dir = tempfile::tempdir().unwrap();
        let server = start(dir.path(), 8);
        let (mut a, _ra) = join(server.path());
        wait(|| server.snapshot().learners.len() == 1);
        let ok = protocol::encode(&ToServer::Result(Answer {
            step: "s".into(),
            question: "q".into(),
            mark: protocol::Mark::Right,
            slip: None,
            tries: 1,
            hints: 0,
            secs: 1.0,
        }));
        let unknown = ok.replace("\"question\":\"q\"", "\"question\":\"nope\"");
        a.write_all(unknown.as_bytes()).unwrap();
        a.write_all(ok.as_bytes()).unwrap();
        wait(|| server.snapshot().questions[0].answered == 1);
        // More lines than the burst allows, at once.
        let flood = ok.repeat((MAX_RATE * BURST) as usize + 50);
        let _ = a.write_all(flood.as_bytes());
        wait(|| server.snapshot().dropped == 1 && server.snapshot().learners.is_empty());
        let t = &server.snapshot().questions[0];
        assert_eq!((t.answered, t.right), (1, 1));
    }

    fn result(mark: protocol::Mark, slip: Option<protocol::SlipKind>, tries: u32) -> String {
        protocol::encode(&ToServer::Result(Answer {
            step: "s".into(),
            question: "q".into(),
            mark,
            slip,
            tries,
            hints: 0,
            secs: 1.0,
        }))
    }

    /// A status request's reply line, with this hello.
    fn ask_status(path: &Path, code: &str, key: Option<&str>) -> String {
        let mut s = UnixStream::connect(path).unwrap();
        let hello = ToServer::Hello {
            code: code.into(),
            role: Role::Status,
            name: None,
            token: 0,
            key: key.map(Into::into),
        };
        s.write_all(protocol::encode(&hello).as_bytes()).unwrap();
        let mut line = String::new();
        BufReader::new(s).read_line(&mut line).unwrap();
        line
    }

    #[test]
    fn status_needs_the_instructor_key_not_the_join_code() {
        let dir = tempfile::tempdir().unwrap();
        let server = start(dir.path(), 8);
        let line = ask_status(server.path(), "CODE42", None);
        assert!(line.contains("\"reason\":\"instructor\""), "{line}");
        let line = ask_status(server.path(), "CODE42", Some("CODE42"));
        assert!(line.contains("\"reason\":\"instructor\""), "{line}");
        let line = ask_status(server.path(), "", Some(KEY));
        assert!(line.contains("\"type\":\"status\""), "{line}");
        assert_eq!(server.snapshot().wrong_codes, 2);
    }

    #[test]
    fn a_restarted_instructor_has_the_results_of_learners_gone_meanwhile() {
        use protocol::{Mark, SlipKind};
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("t.tally");
        let kept = |resume| {
            Some(TallyFile {
                path: file.clone(),
                resume,
            })
        };
        let server = start_kept(dir.path(), 8, kept(false));
        let (mut a, _ra) = join_as(server.path(), 1);
        let (mut b, _rb) = join_as(server.path(), 2);
        a.write_all(result(Mark::Wrong, Some(SlipKind::Sign), 1).as_bytes())
            .unwrap();
        a.write_all(result(Mark::Right, None, 2).as_bytes())
            .unwrap();
        b.write_all(result(Mark::Wrong, Some(SlipKind::Sign), 1).as_bytes())
            .unwrap();
        wait(|| server.snapshot().questions[0].answered == 2);
        let before = server.snapshot().questions[0].clone();
        // Killed: closed without `end`; both learners are gone too.
        drop((a, b));
        server.close();
        drop(server);
        let server = start_kept(dir.path(), 8, kept(true));
        assert_eq!(server.snapshot().questions[0], before);
        // Learner 1 comes back and sends everything again: nothing doubles.
        let (mut a, _ra) = join_as(server.path(), 1);
        a.write_all(result(Mark::Wrong, Some(SlipKind::Sign), 1).as_bytes())
            .unwrap();
        a.write_all(result(Mark::Right, None, 2).as_bytes())
            .unwrap();
        wait(|| server.snapshot().learners.len() == 1);
        std::thread::sleep(Duration::from_millis(100));
        let t = server.snapshot().questions[0].clone();
        assert_eq!((t.answered, t.of, t.right, t.wrong), (2, 2, 1, 1));
        assert_eq!(t.slips, vec![(SlipKind::Sign, 2)]);
        // `end` removes the file: a later start is a new class.
        server.end();
        assert!(!file.exists());
        let server = start_kept(dir.path(), 8, kept(true));
        assert_eq!(server.snapshot().questions[0].answered, 0);
    }
}
