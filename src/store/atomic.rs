//! Atomic file replacement: the new bytes go to a uniquely named temporary file in the same
//! folder (via `tempfile`), are flushed to disk, and the file is renamed over the old one;
//! then the folder itself is flushed so the rename survives a power cut. A reader (or the
//! next start after a crash) sees either the whole old file or the whole new one, never half.

use std::fs;
use std::io::{self, Write as _};
use std::path::Path;

/// Replaces `path` with `bytes` atomically, creating its folder if needed.
///
/// # Errors
/// Any I/O error; the previous file is then intact and no temporary file is left behind
/// (a `NamedTempFile` removes itself when dropped without being persisted).
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Flushes a folder's entries (the rename) to disk. Windows cannot open a folder as a file
/// and makes renames durable itself, so this is a no-op there.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a").join("x.ron");
        write(&path, b"one").expect("first");
        write(&path, b"two").expect("second");
        assert_eq!(fs::read(&path).expect("read"), b"two");
        let names: Vec<_> = fs::read_dir(path.parent().expect("parent"))
            .expect("list")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("x.ron")]);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("x.ron");
        write(&path, b"old").expect("first");
        // A folder where the file should be: persist fails, nothing else changes.
        let blocked = dir.path().join("sub");
        fs::create_dir_all(blocked.join("x.ron")).expect("mkdir");
        assert!(write(&blocked.join("x.ron"), b"new").is_err());
        assert_eq!(fs::read(&path).expect("read"), b"old");
        assert_eq!(fs::read_dir(&blocked).expect("list").count(), 1);
    }
}
