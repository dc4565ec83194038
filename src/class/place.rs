//! Where a class lives: the shared sticky folder under the system temp dir,
//! a class's socket path by name, the join code, and the instructor's
//! private files: the code and the instructor key (for `status`, `report`
//! and a restart), and the results received (see [`super::journal`]).

use std::fs;
use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::rng::SeededRng;

/// The shared folder's name under the system temp dir.
pub const DIR_NAME: &str = "nnstep-class";

/// The longest class name.
pub const MAX_NAME: usize = 32;

/// The longest path a Unix socket can have (`sun_path` is 108 bytes with
/// its terminating zero).
pub const MAX_SOCKET_PATH: usize = 107;

/// Join codes use these letters (no 0/O, 1/I/L look-alikes).
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// Length of a made-up join code.
pub const CODE_LEN: usize = 6;

/// A problem with the class's place.
#[derive(Debug, thiserror::Error)]
pub enum PlaceError {
    #[error(
        "'{0}' is not a class name: use 1 to {MAX_NAME} letters, digits, '-' or '_' (or give a socket path with a '/')"
    )]
    BadName(String),
    #[error("the socket path {0} is longer than {MAX_SOCKET_PATH} bytes; choose a shorter one")]
    TooLong(PathBuf),
    #[error(
        "{0} exists but is not a sticky, world-writable folder owned by root or you; remove it or use --socket"
    )]
    UnsafeDir(PathBuf),
    #[error("cannot create {path}: {source}")]
    Create { path: PathBuf, source: io::Error },
    #[error("no group named '{0}' (see /etc/group)")]
    NoGroup(String),
    #[error("'{0}' is not a join code: use 4 to 16 letters and digits")]
    BadCode(String),
}

/// Text from the command line made safe and short for a message.
fn shown(s: &str) -> String {
    let short: String = s.chars().take(40).collect();
    crate::untrusted::visible(&short).into_owned()
}

/// Whether `name` is a valid class name.
#[must_use]
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_NAME
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A join code as typed: trimmed, upper-cased, checked.
pub fn normalize_code(code: &str) -> Result<String, PlaceError> {
    let c = code.trim().to_ascii_uppercase();
    if (4..=16).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(c)
    } else {
        Err(PlaceError::BadCode(shown(code)))
    }
}

/// The shared folder (made, mode 1777, if missing). An existing one must
/// be a real folder, sticky and world-writable, owned by root or by us, so
/// nobody can swap another user's socket.
pub fn shared_dir() -> Result<PathBuf, PlaceError> {
    let dir = std::env::temp_dir().join(DIR_NAME);
    match fs::symlink_metadata(&dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let made = fs::create_dir(&dir)
                .and_then(|()| fs::set_permissions(&dir, fs::Permissions::from_mode(0o1777)));
            match made {
                Ok(()) => {}
                // Another instance made it first: check it below.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(source) => return Err(PlaceError::Create { path: dir, source }),
            }
        }
        Err(source) => return Err(PlaceError::Create { path: dir, source }),
        Ok(_) => {}
    }
    let md = fs::symlink_metadata(&dir).map_err(|source| PlaceError::Create {
        path: dir.clone(),
        source,
    })?;
    let owner_ok = md.uid() == 0 || md.uid() == own_uid(&dir);
    if !md.is_dir() || md.mode() & 0o1777 != 0o1777 || !owner_ok {
        return Err(PlaceError::UnsafeDir(dir));
    }
    Ok(dir)
}

/// Our own user id, read from a file we just made (std has no `getuid`).
fn own_uid(dir: &Path) -> u32 {
    // A process's /proc entry is owned by its user.
    fs::metadata("/proc/self")
        .map(|m| m.uid())
        .unwrap_or_else(|_| fs::metadata(dir).map_or(u32::MAX, |m| m.uid()))
}

/// The socket path for a class name or a path (anything with a `/`).
pub fn socket_for(target: &str) -> Result<PathBuf, PlaceError> {
    let path = if target.contains('/') {
        PathBuf::from(target)
    } else if valid_name(target) {
        shared_dir()?.join(format!("{target}.sock"))
    } else {
        return Err(PlaceError::BadName(shown(target)));
    };
    check_length(&path)?;
    Ok(path)
}

/// Refuses a path too long for a Unix socket.
pub fn check_length(path: &Path) -> Result<(), PlaceError> {
    if path.as_os_str().len() > MAX_SOCKET_PATH {
        return Err(PlaceError::TooLong(path.to_path_buf()));
    }
    Ok(())
}

/// A fresh join code from the system's random bits (mixed with the clock
/// and the process id, which are all there is if those cannot be read).
#[must_use]
pub fn make_code() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut random = [0u8; 8];
    let _ =
        fs::File::open("/dev/urandom").and_then(|mut f| io::Read::read_exact(&mut f, &mut random));
    let seed =
        (nanos as u64) ^ u64::from(std::process::id()).rotate_left(29) ^ u64::from_le_bytes(random);
    let mut rng = SeededRng::new(seed);
    (0..CODE_LEN)
        .map(|_| {
            let i = (rng.next_u64() % CODE_ALPHABET.len() as u64) as usize;
            char::from(CODE_ALPHABET[i])
        })
        .collect()
}

/// The group id of a group name or number, from `/etc/group`.
pub fn group_id(group: &str) -> Result<u32, PlaceError> {
    if let Ok(n) = group.parse::<u32>() {
        return Ok(n);
    }
    let text = fs::read_to_string("/etc/group").unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let mut f = l.split(':');
            let name = f.next()?;
            let gid = f.nth(1)?.parse::<u32>().ok()?;
            (name == group).then_some(gid)
        })
        .next()
        .ok_or_else(|| PlaceError::NoGroup(shown(group)))
}

/// The instructor's private file holding the code and key of the class at
/// `socket`, inside `data_dir` (the progress folder).
#[must_use]
pub fn code_file(data_dir: &Path, socket: &Path) -> PathBuf {
    private_dir(data_dir).join(format!("{:016x}.code", socket_hash(socket)))
}

/// The instructor's private file of the results received by the class at
/// `socket` (see [`super::journal`]).
#[must_use]
pub fn tally_file(data_dir: &Path, socket: &Path) -> PathBuf {
    private_dir(data_dir).join(format!("{:016x}.tally", socket_hash(socket)))
}

fn private_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("class")
}

fn socket_hash(socket: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    socket.hash(&mut h);
    h.finish()
}

/// What the instructor keeps to itself about a running class: the join
/// code (which learners know) and the instructor key (which only the
/// instructor's own user can read: `status` and `report` need it; it is
/// never sent to learners).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Private {
    pub code: String,
    pub key: String,
}

/// Length in hex digits of an instructor key (128 bits).
pub const KEY_HEX: usize = 32;

/// A fresh instructor key: 128 random bits from the system, in hex.
pub fn make_key() -> io::Result<String> {
    let mut bytes = [0u8; KEY_HEX / 2];
    io::Read::read_exact(&mut fs::File::open("/dev/urandom")?, &mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Whether `given` is the instructor key `key` (compared in time that does
/// not depend on where they differ).
#[must_use]
pub fn key_matches(key: &str, given: &str) -> bool {
    let (a, b) = (key.as_bytes(), given.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Whether `key` looks like an instructor key.
#[must_use]
pub fn valid_key(key: &str) -> bool {
    key.len() == KEY_HEX && key.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Writes the code and key to their private file (mode 0600, in a folder
/// of mode 0700): the code on the first line, the key on the second.
pub fn save_private(file: &Path, p: &Private) -> io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    if let Some(d) = file.parent() {
        fs::create_dir_all(d)?;
        fs::set_permissions(d, fs::Permissions::from_mode(0o700))?;
    }
    let _ = fs::remove_file(file);
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(file)?;
    io::Write::write_all(&mut f, format!("{}\n{}\n", p.code, p.key).as_bytes())
}

/// The code and key saved for a class, if any and well-formed.
#[must_use]
pub fn load_private(file: &Path) -> Option<Private> {
    let text = fs::read_to_string(file).ok()?;
    let mut lines = text.get(..256.min(text.len()))?.lines();
    let code = normalize_code(lines.next()?).ok()?;
    let key = lines.next()?.trim().to_string();
    valid_key(&key).then_some(Private { code, key })
}

/// The code saved for the class at the file, if any and well-formed.
#[must_use]
pub fn load_code(file: &Path) -> Option<String> {
    load_private(file).map(|p| p.code)
}

/// How an instructor's instance begins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Begin {
    pub private: Private,
    /// A restart of a class that was not ended: the results it received
    /// are read back. Otherwise a new class with a tally of its own.
    pub resume: bool,
}

/// Tells a restart from a new class. A class's private file lives from its
/// start to its `end`; an instance that finds one (the class was not ended:
/// killed, or its terminal closed) and is given no other code (or the same
/// one) is that class restarted: it keeps the code and key and resumes the
/// tally. `--code` with another code, or `fresh`, begins a new class.
pub fn begin(
    saved: Option<Private>,
    code: Option<String>,
    fresh: bool,
    new_key: impl FnOnce() -> io::Result<String>,
) -> io::Result<Begin> {
    match saved {
        Some(p) if !fresh && code.as_ref().is_none_or(|c| *c == p.code) => Ok(Begin {
            private: p,
            resume: true,
        }),
        _ => Ok(Begin {
            private: Private {
                code: code.unwrap_or_else(make_code),
                key: new_key()?,
            },
            resume: false,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_are_short_and_plain() {
        assert!(valid_name("nn-101_a"));
        assert!(!valid_name(""));
        assert!(!valid_name("../x"));
        assert!(!valid_name(&"a".repeat(33)));
        assert!(matches!(
            socket_for("bad name"),
            Err(PlaceError::BadName(_))
        ));
    }

    #[test]
    fn made_codes_are_valid_and_typed_codes_are_normalised() {
        let c = make_code();
        assert_eq!(c.len(), CODE_LEN);
        assert_eq!(normalize_code(&c).ok().as_deref(), Some(c.as_str()));
        assert_eq!(normalize_code(" ab12 ").ok().as_deref(), Some("AB12"));
        assert!(normalize_code("a b").is_err());
        assert!(normalize_code("x").is_err());
    }

    #[test]
    fn a_socket_path_too_long_is_refused_with_the_limit() {
        let p = format!("/tmp/{}/s.sock", "d".repeat(120));
        let e = socket_for(&p)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("107 bytes"), "{e}");
    }

    #[test]
    fn the_private_file_keeps_code_and_key_to_the_owner() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let f = code_file(dir.path(), Path::new("/tmp/x.sock"));
        let p = Private {
            code: "ABC234".into(),
            key: make_key().unwrap(),
        };
        assert!(valid_key(&p.key));
        save_private(&f, &p).unwrap();
        assert_eq!(
            fs::metadata(&f).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let d = f.parent().unwrap();
        assert_eq!(fs::metadata(d).unwrap().permissions().mode() & 0o777, 0o700);
        assert_eq!(load_private(&f), Some(p.clone()));
        assert_eq!(load_code(&f).as_deref(), Some("ABC234"));
        assert!(key_matches(&p.key, &p.key.clone()));
        assert!(!key_matches(&p.key, "ABC234"));
        assert!(!key_matches(&p.key, ""));
        assert_ne!(make_key().unwrap(), p.key);
    }

    #[test]
    fn a_restart_keeps_code_key_and_tally_and_a_new_class_does_not() {
        let saved = Private {
            code: "ABC234".into(),
            key: "k".repeat(KEY_HEX),
        };
        let key = || Ok("n".repeat(KEY_HEX));
        let b = begin(Some(saved.clone()), None, false, key).unwrap();
        assert_eq!((b.private.clone(), b.resume), (saved.clone(), true));
        let b = begin(Some(saved.clone()), Some("ABC234".into()), false, key).unwrap();
        assert!(b.resume);
        let b = begin(Some(saved.clone()), Some("XYZ789".into()), false, key).unwrap();
        assert!(!b.resume);
        assert_eq!(b.private.code, "XYZ789");
        assert_ne!(b.private.key, saved.key);
        let b = begin(Some(saved.clone()), None, true, key).unwrap();
        assert!(!b.resume);
        assert_ne!(b.private.code, "");
        let b = begin(None, None, false, key).unwrap();
        assert!(!b.resume);
        assert_eq!(b.private.code.len(), CODE_LEN);
    }

    #[test]
    fn numeric_groups_need_no_lookup() {
        assert_eq!(group_id("1234").ok(), Some(1234));
        assert!(group_id("no-such-group-nnstep").is_err());
    }
}
