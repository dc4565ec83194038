//! The class protocol: versioned JSON lines over a Unix socket.
//!
//! Every message is one line of JSON with a version field `v` and a `type`.
//! A learner sends [`ToServer`] lines (at most [`MAX_CLIENT_LINE`] bytes
//! each); the instructor's instance sends [`ToLearner`] lines (at most
//! [`MAX_SERVER_LINE`] bytes, the lesson text included). A line that is too
//! long, not JSON, of another version or of an unknown type ends the
//! connection. Only results travel from a learner: never their numbers or
//! what they typed. See `docs/class-protocol.md`.

use std::io::{self, Read};

use serde::{Deserialize, Serialize};

/// The protocol version; a peer speaking another is refused.
pub const VERSION: u32 = 1;

/// The longest line a learner may send (a result is ~200 bytes).
pub const MAX_CLIENT_LINE: usize = 4 * 1024;

/// The longest line the instructor sends: the lesson text (at most
/// `lesson::load::MAX_BYTES`, 1 MiB) escaped as JSON fits.
pub const MAX_SERVER_LINE: usize = 4 * 1024 * 1024;

/// The longest learner name kept (longer names are cut).
pub const MAX_NAME_CHARS: usize = 32;

/// What a connection is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A learner following the class.
    Learner,
    /// `nnstep class status` / `report`: one status reply, then closed.
    /// Needs the instructor key, not only the join code.
    Status,
}

/// How a graded answer came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Right,
    Close,
    Wrong,
}

/// The kind of a recognised slip (the quiz grader's `Slip` without its
/// numbers), as the tally counts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlipKind {
    Sign,
    Transposed,
    ForgotHalf,
    ExtraHalf,
    ForgotMean,
    ExtraMean,
    ZForA,
    ForgotDerivative,
}

impl SlipKind {
    /// Every kind, in a fixed order.
    pub const ALL: [SlipKind; 8] = [
        SlipKind::Sign,
        SlipKind::Transposed,
        SlipKind::ForgotHalf,
        SlipKind::ExtraHalf,
        SlipKind::ForgotMean,
        SlipKind::ExtraMean,
        SlipKind::ZForA,
        SlipKind::ForgotDerivative,
    ];

    /// The kind of a slip the grader recognised.
    #[must_use]
    pub fn of(slip: crate::quiz::Slip) -> Self {
        use crate::quiz::Slip;
        match slip {
            Slip::Sign => SlipKind::Sign,
            Slip::Transposed => SlipKind::Transposed,
            Slip::ForgotHalf => SlipKind::ForgotHalf,
            Slip::ExtraHalf => SlipKind::ExtraHalf,
            Slip::ForgotMean { .. } => SlipKind::ForgotMean,
            Slip::ExtraMean { .. } => SlipKind::ExtraMean,
            Slip::ZForA => SlipKind::ZForA,
            Slip::ForgotDerivative => SlipKind::ForgotDerivative,
        }
    }

    /// The name used in the protocol and in reports (`sign`, `z_for_a`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            SlipKind::Sign => "sign",
            SlipKind::Transposed => "transposed",
            SlipKind::ForgotHalf => "forgot_half",
            SlipKind::ExtraHalf => "extra_half",
            SlipKind::ForgotMean => "forgot_mean",
            SlipKind::ExtraMean => "extra_mean",
            SlipKind::ZForA => "z_for_a",
            SlipKind::ForgotDerivative => "forgot_derivative",
        }
    }
}

/// One graded answer of one learner: no numbers, no text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// The step's id.
    pub step: String,
    /// The question's id within the step.
    pub question: String,
    pub mark: Mark,
    /// The slip the grader recognised, if any.
    #[serde(default)]
    pub slip: Option<SlipKind>,
    /// Counted answers so far.
    pub tries: u32,
    /// Hints revealed.
    pub hints: u32,
    /// Seconds from the question being shown to this answer.
    pub secs: f64,
}

/// A learner's line to the instructor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToServer {
    /// The first line of every connection.
    Hello {
        code: String,
        role: Role,
        /// Optional; the instructor sees names only when given.
        #[serde(default)]
        name: Option<String>,
        /// A number that stays the same for one learner across reconnects
        /// (a hash of their identity, not their identity seed).
        #[serde(default)]
        token: u64,
        /// The instructor key, for the `status` role only (learners never
        /// have it; it lives in the instructor's private file).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        key: Option<String>,
    },
    /// A graded answer (sent again after a reconnect; the latest counts).
    Result(Answer),
    /// The learner marks a held step done.
    Done { step: String },
    /// The learner stepped away (`true`) or follows again (`false`).
    Away { away: bool },
}

/// Why a connection was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// The join code is wrong.
    Code,
    /// Too many connections; try again later.
    Full,
    /// Another protocol version.
    Version,
    /// The first line was not a hello.
    Garbage,
    /// A status request without the instructor key.
    Instructor,
}

/// The run the instructor shows (a training step's, a comparison's, a
/// landscape's runs, a plot's exercise): the learner runs the same spec
/// and seed, so the same place gives the same numbers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RunState {
    /// The epoch on a training step and a comparison (its furthest run),
    /// on a landscape its furthest run's; the steps shown of a plot's
    /// exercise.
    pub epoch: u32,
    pub playing: bool,
    /// The run's seed, learning rate and batch size on a training step
    /// (the instructor may change them live; absent from older peers).
    /// `learning_rate` is also a plot exercise's η.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learning_rate: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<Batch>,
    /// On a landscape: what every run's η is multiplied by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_scale: Option<f64>,
    /// On a landscape: each run's gradient steps (runs take different
    /// numbers of steps per epoch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<Vec<u64>>,
}

/// A batch size as the class sends it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Batch {
    /// This many rows at a time.
    Rows(u64),
    /// The whole training set.
    Full,
}

/// Where the class is, as the instructor sets it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ClassState {
    /// The step (0-based).
    pub step: usize,
    /// The step's id (so a learner can tell a changed lesson).
    pub step_id: String,
    /// Learners may not step away.
    pub locked: bool,
    /// The instructor holds the class here until learners mark it done.
    pub hold: bool,
    pub run: RunState,
    /// The class's aggregate for this step's questions, once revealed.
    #[serde(default)]
    pub reveal: Option<Vec<super::tally::QuestionTally>>,
    /// Learners connected.
    pub learners: usize,
    /// The instructor has ended the class.
    pub ended: bool,
}

/// A line from the instructor's instance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToLearner {
    Welcome {
        class: String,
    },
    Refused {
        reason: Refusal,
    },
    /// The lesson: a built-in id, or the text of the instructor's own file
    /// (checked by the learner like `nnstep check` before use).
    Lesson {
        id: String,
        #[serde(default)]
        text: Option<String>,
    },
    State(ClassState),
    /// The reply to a status connection.
    Status(super::tally::Snapshot),
}

#[derive(Serialize)]
struct OutEnvelope<'a, T: Serialize> {
    v: u32,
    #[serde(flatten)]
    msg: &'a T,
}

#[derive(Deserialize)]
struct InEnvelope<T> {
    v: u32,
    #[serde(flatten)]
    msg: T,
}

/// A message as one line of JSON, newline included.
#[must_use]
pub fn encode<T: Serialize>(msg: &T) -> String {
    let mut s = serde_json::to_string(&OutEnvelope { v: VERSION, msg })
        .unwrap_or_else(|_| String::from("{}"));
    s.push('\n');
    s
}

/// Why a line could not be read as a message.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("protocol version {0}, this nnstep speaks {VERSION}")]
    Version(u32),
    #[error("not a message: {0}")]
    Garbage(String),
}

/// Reads one line (without its newline) as a message of this version.
pub fn decode<T: for<'de> Deserialize<'de>>(line: &[u8]) -> Result<T, DecodeError> {
    #[derive(Deserialize)]
    struct V {
        v: u32,
    }
    let v: V = serde_json::from_slice(line).map_err(|e| DecodeError::Garbage(e.to_string()))?;
    if v.v != VERSION {
        return Err(DecodeError::Version(v.v));
    }
    let env: InEnvelope<T> =
        serde_json::from_slice(line).map_err(|e| DecodeError::Garbage(e.to_string()))?;
    debug_assert_eq!(env.v, VERSION);
    Ok(env.msg)
}

/// What reading a line gave.
#[derive(Debug)]
pub enum Line {
    /// A whole line, without its newline.
    Text(Vec<u8>),
    /// The read timed out between lines (the peer is quiet, not slow).
    Idle,
}

/// Why a connection's lines stopped.
#[derive(Debug, thiserror::Error)]
pub enum LineError {
    #[error("the peer closed the connection")]
    Closed,
    #[error("a line longer than {0} bytes")]
    TooLong(usize),
    #[error("the peer stopped in the middle of a line")]
    Stalled,
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Reads newline-ended lines of at most `max` bytes from a stream whose
/// read time-out is set: a time-out between lines is [`Line::Idle`], one in
/// the middle of a line ends the connection.
pub struct LineReader<R> {
    inner: R,
    buf: Vec<u8>,
    max: usize,
}

impl<R: Read> LineReader<R> {
    pub fn new(inner: R, max: usize) -> Self {
        Self {
            inner,
            buf: Vec::new(),
            max,
        }
    }

    /// The stream read from.
    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    /// The next line, [`Line::Idle`] after a time-out between lines.
    pub fn next_line(&mut self) -> Result<Line, LineError> {
        let mut chunk = [0u8; 4096];
        loop {
            if let Some(i) = self.buf.iter().position(|&b| b == b'\n') {
                let mut line: Vec<u8> = self.buf.drain(..=i).collect();
                line.pop();
                return Ok(Line::Text(line));
            }
            if self.buf.len() > self.max {
                return Err(LineError::TooLong(self.max));
            }
            match self.inner.read(&mut chunk) {
                Ok(0) => return Err(LineError::Closed),
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
                Err(e) if is_timeout(&e) => {
                    return if self.buf.is_empty() {
                        Ok(Line::Idle)
                    } else {
                        Err(LineError::Stalled)
                    };
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(LineError::Io(e)),
            }
        }
    }
}

/// Whether an I/O error is a read or write time-out.
#[must_use]
pub fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_result_round_trips_through_one_line() {
        let msg = ToServer::Result(Answer {
            step: "s".into(),
            question: "q".into(),
            mark: Mark::Wrong,
            slip: Some(SlipKind::Sign),
            tries: 1,
            hints: 0,
            secs: 2.5,
        });
        let line = encode(&msg);
        assert!(line.ends_with('\n') && line.matches('\n').count() == 1);
        assert!(line.contains("\"v\":1") && line.contains("\"type\":\"result\""));
        let back: ToServer = decode(line.trim_end().as_bytes()).unwrap();
        assert_eq!(back, msg);
    }

    #[test]
    fn another_version_and_garbage_are_told_apart() {
        let r: Result<ToServer, _> = decode(br#"{"v":2,"type":"away","away":true}"#);
        assert_eq!(r, Err(DecodeError::Version(2)));
        let r: Result<ToServer, _> = decode(b"\x00\xffnot json");
        assert!(matches!(r, Err(DecodeError::Garbage(_))));
        let r: Result<ToServer, _> = decode(br#"{"v":1,"type":"launch"}"#);
        assert!(matches!(r, Err(DecodeError::Garbage(_))));
    }

    #[test]
    fn a_line_over_the_limit_is_an_error_not_an_allocation() {
        let data = vec![b'x'; 100_000];
        let mut r = LineReader::new(&data[..], 1000);
        assert!(matches!(r.next_line(), Err(LineError::TooLong(1000))));
        let mut r = LineReader::new(&b"a\nbc\n"[..], 1000);
        assert!(matches!(r.next_line(), Ok(Line::Text(l)) if l == b"a"));
        assert!(matches!(r.next_line(), Ok(Line::Text(l)) if l == b"bc"));
        assert!(matches!(r.next_line(), Err(LineError::Closed)));
    }
}
