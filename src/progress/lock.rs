//! A lock file that serialises the instances' read-modify-write of the
//! progress file: created with `O_EXCL` (`create_new`), so exactly one
//! instance holds it, and removed when dropped.
//!
//! A holder keeps it for milliseconds. One left behind by a process killed
//! mid-write is older than [`STALE`] and is broken; `std`'s `File::lock`
//! (which the kernel releases on death) would avoid that, but needs Rust
//! 1.89 and the crate's minimum is 1.88.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// A lock file older than this was left by a process that died holding it.
pub const STALE: Duration = Duration::from_secs(2);
/// How long to wait for another instance before giving up.
pub const PATIENCE: Duration = Duration::from_secs(5);

/// The held lock; dropping it releases it.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
}

/// Why the lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another instance held it for longer than [`PATIENCE`].
    Busy,
    Io(io::Error),
}

impl Lock {
    /// Takes the lock at `path`, waiting for another holder.
    pub fn take(path: &Path) -> Result<Self, LockError> {
        let start = Instant::now();
        loop {
            match OpenOptions::new().write(true).create_new(true).open(path) {
                Ok(mut f) => {
                    // The holder's pid, for a person wondering who holds it.
                    let _ = writeln!(f, "{}", std::process::id());
                    return Ok(Self {
                        path: path.to_path_buf(),
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    if is_stale(path) {
                        let _ = fs::remove_file(path);
                    } else if start.elapsed() > PATIENCE {
                        return Err(LockError::Busy);
                    } else {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                }
                Err(e) => return Err(LockError::Io(e)),
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

fn is_stale(path: &Path) -> bool {
    fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age > STALE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_is_exclusive_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l");
        let held = Lock::take(&path).unwrap();
        assert!(path.exists());
        drop(held);
        assert!(!path.exists());
        let _again = Lock::take(&path).unwrap();
    }

    #[test]
    fn a_lock_left_by_a_dead_process_is_broken() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l");
        fs::write(&path, "12345\n").unwrap();
        let old = SystemTime::now() - STALE - Duration::from_secs(1);
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let start = Instant::now();
        let _lock = Lock::take(&path).unwrap();
        assert!(start.elapsed() < STALE);
    }
}
