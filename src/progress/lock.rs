//! The lock that serialises the instances' read-modify-write of the
//! progress file: an advisory OS lock (`flock` on Unix, `LockFileEx` on
//! Windows, through `std::fs::File::lock`) on a lock file beside it.
//!
//! The kernel releases the lock when its holder exits or is killed, so a
//! lock is never stale and there is no timeout: a slow holder (a large
//! file) or one stopped in a debugger or by Ctrl-Z only makes the others
//! wait; nobody ever breaks a lock that is still held, and so nobody
//! overwrites the file with an older copy. The lock file itself stays in
//! place (removing it would let a second instance lock a fresh file while
//! the first still holds the old one).

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// The held lock; dropping it (closing the file) releases it.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

impl Lock {
    /// Takes the lock at `path` (creating the file if needed), waiting for
    /// as long as another instance holds it.
    pub fn take(path: &Path) -> io::Result<Self> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)?;
        file.lock()?;
        Ok(Self { _file: file })
    }

    /// Takes the lock at `path` if no other instance holds it now.
    pub fn try_take(path: &Path) -> io::Result<Option<Self>> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(Self { _file: file })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_is_exclusive_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l");
        let held = Lock::take(&path).unwrap();
        assert!(Lock::try_take(&path).unwrap().is_none());
        drop(held);
        assert!(path.exists(), "the lock file stays");
        assert!(Lock::try_take(&path).unwrap().is_some());
    }

    #[test]
    fn an_old_lock_file_nobody_holds_is_simply_taken() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l");
        std::fs::write(&path, "12345\n").unwrap();
        let _lock = Lock::take(&path).unwrap();
    }
}
