//! Which data files a lesson or spec may read.
//!
//! A lesson is often someone else's file, so by default the CSV files it
//! names must lie inside its own folder: a relative path without `..`,
//! which after resolving symbolic links still lies under the folder. An
//! absolute path, `/proc`, a device or a file reached through a link that
//! leaves the folder is refused with a message, before anything is read.
//! An author who needs a shared data folder runs nnstep with
//! `--allow-data-anywhere` ([`allow_anywhere`]).
//!
//! Whatever the rule, only regular files up to [`super::csv_io::MAX_CSV_BYTES`]
//! are read (see [`crate::untrusted::read_regular_file`]).

use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use super::DataError;
use crate::untrusted::visible_line;

/// Set once by the command line (`--allow-data-anywhere`), read by every
/// data load: a process-wide switch, so that the many places that resolve
/// a spec need not carry it.
static ANYWHERE: AtomicBool = AtomicBool::new(false);

/// Lets lessons and specs read data files anywhere (still regular files
/// within the size limit), or restores the default rule.
pub fn allow_anywhere(yes: bool) {
    ANYWHERE.store(yes, Ordering::Relaxed);
}

/// Whether data files may lie outside the lesson's folder.
#[must_use]
pub fn anywhere() -> bool {
    ANYWHERE.load(Ordering::Relaxed)
}

/// The file `name` (as written in the lesson or spec) relative to
/// `base_dir`, checked against the rule: inside `base_dir` unless
/// [`allow_anywhere`] was set.
pub fn data_path(base_dir: &Path, name: &Path) -> Result<PathBuf, DataError> {
    // A lesson named without a folder (`nnstep check l.yaml`) has the
    // empty path as its parent: the current folder.
    let base_dir = if base_dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        base_dir
    };
    let joined = base_dir.join(name);
    if anywhere() {
        return Ok(joined);
    }
    let refuse = |reason: &str| DataError::OutsideFolder {
        source_name: visible_line(&name.display().to_string()).into_owned(),
        reason: reason.to_string(),
    };
    if name.is_absolute() || name.has_root() {
        return Err(refuse("it is an absolute path"));
    }
    if name
        .components()
        .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
    {
        return Err(refuse("it climbs out with `..`"));
    }
    let unreadable = |e: std::io::Error| DataError::Unreadable {
        source_name: visible_line(&name.display().to_string()).into_owned(),
        reason: e.to_string(),
    };
    let base = std::fs::canonicalize(base_dir).map_err(unreadable)?;
    let real = std::fs::canonicalize(&joined).map_err(unreadable)?;
    if !real.starts_with(&base) {
        return Err(refuse("a symbolic link on its way leads out of the folder"));
    }
    Ok(real)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_inside_the_folder_are_allowed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("data")).unwrap();
        std::fs::write(dir.path().join("data/a.csv"), "x\n1\n").unwrap();
        let ok = data_path(dir.path(), Path::new("data/a.csv")).unwrap();
        assert!(ok.ends_with("data/a.csv"));
        // The parent of a bare file name is the empty path: the current folder.
        let here = std::env::current_dir().unwrap();
        let name = Path::new("Cargo.toml");
        if here.join(name).is_file() {
            assert!(data_path(Path::new(""), name).is_ok());
        }
        for bad in [
            "/etc/passwd",
            "../x.csv",
            "data/../../x.csv",
            "/proc/self/environ",
        ] {
            let e = data_path(dir.path(), Path::new(bad)).unwrap_err();
            assert!(matches!(e, DataError::OutsideFolder { .. }), "{bad}: {e}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc/hostname", dir.path().join("link.csv")).unwrap();
            let e = data_path(dir.path(), Path::new("link.csv")).unwrap_err();
            assert!(e.to_string().contains("symbolic link"), "{e}");
        }
    }
}
