//! A single-instance lock on the data folder: the first aws-study holds an exclusive lock on
//! `aws-study.lock` for its whole life, and a second one is refused before it reads or writes
//! anything, so two windows never overwrite each other's progress. The operating system
//! releases the lock when the process ends, even when it is killed.

use std::fs::{self, File, TryLockError};
use std::io::{self, Read as _, Seek as _, Write as _};
use std::path::{Path, PathBuf};

/// Name of the lock file inside the data directory.
pub const FILE: &str = "aws-study.lock";

/// Why the data folder could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another aws-study uses this folder.
    #[error(
        "another aws-study{} is already using {}; close it first (this one writes nothing)",
        .pid.as_ref().map(|p| format!(" (process {p})")).unwrap_or_default(),
        .dir.display()
    )]
    Held {
        /// The data folder.
        dir: PathBuf,
        /// The other process id, as it wrote it.
        pid: Option<String>,
    },
    /// The lock file could not be created or locked.
    #[error("could not lock {}: {source}", .path.display())]
    Io {
        /// The lock file.
        path: PathBuf,
        /// The I/O error.
        source: io::Error,
    },
}

/// The held lock; dropping it releases the folder.
#[derive(Debug)]
pub struct DataLock {
    file: File,
    path: PathBuf,
}

impl DataLock {
    /// Locks `dir` (creating it), or says who holds it.
    ///
    /// # Errors
    /// [`LockError::Held`] when another instance holds it, else [`LockError::Io`].
    pub fn acquire(dir: &Path) -> Result<Self, LockError> {
        let path = dir.join(FILE);
        let io_err = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        fs::create_dir_all(dir).map_err(io_err)?;
        // Not truncated on open: the holder's pid stays readable for the message.
        let mut file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io_err)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut pid = String::new();
                let _ = file.read_to_string(&mut pid);
                let pid = pid.trim();
                return Err(LockError::Held {
                    dir: dir.to_owned(),
                    pid: (!pid.is_empty()).then(|| pid.to_owned()),
                });
            }
            Err(TryLockError::Error(e)) => return Err(io_err(e)),
        }
        // Best effort: the pid only makes the message friendlier.
        let _ = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| write!(file, "{}", std::process::id()));
        Ok(Self { file, path })
    }

    /// The lock file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for DataLock {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_acquisition_fails_and_release_frees_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = DataLock::acquire(dir.path()).expect("first");
        let err = DataLock::acquire(dir.path()).expect_err("second");
        let LockError::Held { pid, .. } = &err else {
            panic!("expected Held, got {err:?}");
        };
        assert_eq!(
            pid.as_deref(),
            Some(std::process::id().to_string().as_str())
        );
        assert!(err.to_string().contains("already using"), "{err}");
        drop(first);
        let again = DataLock::acquire(dir.path()).expect("free again");
        assert!(again.path().ends_with(FILE));
    }
}
