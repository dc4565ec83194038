//! The learner's side: joins the class, follows the instructor, sends
//! results. A background thread keeps the connection: when it drops (the
//! instructor's instance ended or restarted) it says so once and tries again
//! with a growing pause, and after each join sends again the learner's
//! latest results and marks, so a restarted instructor has them.

use std::collections::BTreeMap;
use std::io::Write;
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use super::protocol::{
    self, Answer, ClassState, Line, LineReader, MAX_SERVER_LINE, Refusal, Role, ToLearner, ToServer,
};
use super::tally::Snapshot;

/// The first pause before trying again; it doubles up to [`MAX_BACKOFF`].
pub const FIRST_BACKOFF: Duration = Duration::from_millis(100);
pub const MAX_BACKOFF: Duration = Duration::from_secs(2);

/// Results kept per question for sending again.
pub const MAX_RESULTS_KEPT: usize = 8;

/// How to join.
#[derive(Clone, Debug)]
pub struct Config {
    pub path: PathBuf,
    pub code: String,
    pub name: Option<String>,
    /// The same for one learner across restarts (not their identity seed).
    pub token: u64,
}

/// What the connection brings, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// Joined (or joined again) the class of this name.
    Joined {
        class: String,
    },
    /// The lesson (sent on every join).
    Lesson {
        id: String,
        text: Option<String>,
    },
    State(ClassState),
    /// The instructor's instance is gone; trying again by itself.
    Waiting,
    /// Refused for good (a wrong code, another version): the thread stops.
    Refused(Refusal),
}

#[derive(Default)]
struct Outbox {
    stream: Option<UnixStream>,
    /// Every counted answer of each question (at most
    /// [`MAX_RESULTS_KEPT`]), by (step, question), sent again after a
    /// reconnect so a restarted instructor has the slips too.
    results: BTreeMap<(String, String), Vec<Answer>>,
    done: Vec<String>,
    away: bool,
}

/// A learner's connection to the class.
pub struct Client {
    out: Arc<Mutex<Outbox>>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Client {
    /// Starts joining; `on_event` is called from the connection's thread.
    pub fn start(cfg: Config, on_event: impl FnMut(Event) + Send + 'static) -> Client {
        let out = Arc::new(Mutex::new(Outbox::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let (o, s) = (Arc::clone(&out), Arc::clone(&stop));
        let thread = std::thread::Builder::new()
            .name("class-client".into())
            .spawn(move || keep_joined(&cfg, &o, &s, on_event))
            .ok();
        Client { out, stop, thread }
    }

    /// Sends a graded answer (now, or after the next join).
    pub fn result(&self, a: Answer) {
        let mut o = lock(&self.out);
        let kept = o
            .results
            .entry((a.step.clone(), a.question.clone()))
            .or_default();
        if kept.len() >= MAX_RESULTS_KEPT {
            kept.remove(0);
        }
        kept.push(a.clone());
        send(&mut o, &ToServer::Result(a));
    }

    /// Marks a held step done.
    pub fn done(&self, step: &str) {
        let mut o = lock(&self.out);
        if !o.done.iter().any(|s| s == step) {
            o.done.push(step.to_string());
        }
        send(
            &mut o,
            &ToServer::Done {
                step: step.to_string(),
            },
        );
    }

    /// Tells the instructor the learner stepped away or follows again.
    pub fn away(&self, away: bool) {
        let mut o = lock(&self.out);
        o.away = away;
        send(&mut o, &ToServer::Away { away });
    }

    /// Leaves the class.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::Release);
        if let Some(s) = lock(&self.out).stream.take() {
            let _ = s.shutdown(std::net::Shutdown::Both);
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        self.stop();
    }
}

fn send(o: &mut Outbox, msg: &ToServer) {
    if let Some(s) = o.stream.as_mut()
        && s.write_all(protocol::encode(msg).as_bytes()).is_err()
    {
        let _ = s.shutdown(std::net::Shutdown::Both);
        o.stream = None;
    }
}

fn hello(cfg: &Config, role: Role) -> ToServer {
    ToServer::Hello {
        code: cfg.code.clone(),
        role,
        name: cfg.name.clone(),
        token: cfg.token,
        key: None,
    }
}

/// Connects and says hello, then sends again what the learner has done.
fn join(cfg: &Config, out: &Mutex<Outbox>) -> std::io::Result<UnixStream> {
    let mut s = UnixStream::connect(&cfg.path)?;
    s.set_write_timeout(Some(Duration::from_secs(5)))?;
    let mut o = lock(out);
    s.write_all(protocol::encode(&hello(cfg, Role::Learner)).as_bytes())?;
    let mut again: Vec<ToServer> = (o.results.values().flatten().cloned())
        .map(ToServer::Result)
        .collect();
    again.extend(
        o.done
            .iter()
            .map(|step| ToServer::Done { step: step.clone() }),
    );
    if o.away {
        again.push(ToServer::Away { away: true });
    }
    for m in again {
        s.write_all(protocol::encode(&m).as_bytes())?;
    }
    o.stream = Some(s.try_clone()?);
    Ok(s)
}

fn keep_joined(
    cfg: &Config,
    out: &Mutex<Outbox>,
    stop: &AtomicBool,
    mut on_event: impl FnMut(Event),
) {
    let mut backoff = FIRST_BACKOFF;
    let mut waiting_said = false;
    while !stop.load(Ordering::Acquire) {
        let mut joined = false;
        if let Ok(stream) = join(cfg, out)
            && let Some(r) = follow(stream, stop, &mut on_event, &mut joined)
        {
            on_event(Event::Refused(r));
            return;
        }
        lock(out).stream = None;
        if stop.load(Ordering::Acquire) {
            return;
        }
        if joined {
            waiting_said = false;
            backoff = FIRST_BACKOFF;
        }
        if !waiting_said {
            on_event(Event::Waiting);
            waiting_said = true;
        }
        std::thread::sleep(backoff);
        backoff = (backoff * 2).min(MAX_BACKOFF);
    }
}

/// Reads the instructor's lines until the connection ends; a refusal for
/// good is returned. `joined` is set once the class welcomed us.
fn follow(
    stream: UnixStream,
    stop: &AtomicBool,
    on_event: &mut impl FnMut(Event),
    joined: &mut bool,
) -> Option<Refusal> {
    let mut reader = LineReader::new(stream, MAX_SERVER_LINE);
    loop {
        if stop.load(Ordering::Acquire) {
            return None;
        }
        let line = match reader.next_line() {
            Ok(Line::Text(l)) => l,
            Ok(Line::Idle) => continue,
            Err(_) => return None,
        };
        let Ok(msg) = protocol::decode::<ToLearner>(&line) else {
            return None;
        };
        match msg {
            ToLearner::Welcome { class } => {
                *joined = true;
                on_event(Event::Joined { class });
            }
            ToLearner::Lesson { id, text } => on_event(Event::Lesson { id, text }),
            ToLearner::State(s) => {
                let ended = s.ended;
                on_event(Event::State(s));
                if ended {
                    stop.store(true, Ordering::Release);
                    return None;
                }
            }
            ToLearner::Refused {
                reason: Refusal::Full,
            }
            | ToLearner::Status(_) => return None,
            ToLearner::Refused { reason } => return Some(reason),
        }
    }
}

/// Why `status` gave no snapshot.
#[derive(Debug, thiserror::Error)]
pub enum StatusError {
    #[error("no class is running at {0}")]
    NotRunning(PathBuf),
    #[error("the class refused: {0:?}")]
    Refused(Refusal),
    #[error("the class sent something unexpected")]
    Unexpected,
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Asks the class at `path` for its status, with the instructor key (the
/// join code is not enough).
pub fn status(path: &std::path::Path, key: &str) -> Result<Snapshot, StatusError> {
    let mut s =
        UnixStream::connect(path).map_err(|_| StatusError::NotRunning(path.to_path_buf()))?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    s.set_write_timeout(Some(Duration::from_secs(5)))?;
    let hello = ToServer::Hello {
        code: String::new(),
        role: Role::Status,
        name: None,
        token: 0,
        key: Some(key.to_string()),
    };
    s.write_all(protocol::encode(&hello).as_bytes())?;
    let mut reader = LineReader::new(s, MAX_SERVER_LINE);
    match reader.next_line() {
        Ok(Line::Text(l)) => match protocol::decode::<ToLearner>(&l) {
            Ok(ToLearner::Status(snap)) => Ok(snap),
            Ok(ToLearner::Refused { reason }) => Err(StatusError::Refused(reason)),
            _ => Err(StatusError::Unexpected),
        },
        _ => Err(StatusError::Unexpected),
    }
}
