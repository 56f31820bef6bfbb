//! File operations the store relies on never to lose data: atomic
//! replacement, a lock on a separate file, a cheap backup, and moving a
//! damaged file aside.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::error::{StoreError, io_error};
use crate::files::write::{parent_of, temp_prefix};

/// Replaces `path`, a file of the data folder at `root`, with `bytes` so
/// that a crash at any moment leaves either the old file or the new one. A
/// symlinked store is written through to its target only when that lies
/// inside `root` and `root` is no git repository; other links are replaced
/// (see [`crate::files::write_within`]).
pub fn write_atomic(root: &Path, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_within(root, path, bytes).map(|_| ())
}

/// [`write_atomic`], telling whether a symlink at `path` was replaced
/// rather than written through.
pub fn write_within(root: &Path, path: &Path, bytes: &[u8]) -> Result<bool, StoreError> {
    crate::files::write_within(root, path, bytes).map_err(|e| io_error("write", path, &e))
}

/// Makes a rename or a new file in `dir` durable.
pub fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    crate::files::sync_dir(dir).map_err(|e| io_error("sync the folder", dir, &e))
}

/// How long a command-line writer waits for another gloss to release the lock.
pub const LOCK_PATIENCE: Duration = Duration::from_secs(10);

/// Takes an exclusive lock on `<path>.lock`, waiting up to `patience` for
/// other holders (the reader waits only a moment, so that it never freezes
/// behind a stuck one, and retries later). The data file itself is never
/// locked: the atomic rename replaces it.
pub fn lock(path: &Path, patience: Duration) -> Result<File, StoreError> {
    let lock_path = with_suffix(path, ".lock");
    // A lock file is never a link: one a teammate committed would have the
    // lock created or opened for writing wherever it points. It goes.
    if fs::symlink_metadata(&lock_path).is_ok_and(|m| m.file_type().is_symlink()) {
        fs::remove_file(&lock_path).map_err(|e| io_error("remove", &lock_path, &e))?;
    }
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    let file = options
        .open(&lock_path)
        .map_err(|e| io_error("open the lock file", &lock_path, &e))?;
    let started = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(TryLockError::WouldBlock) if started.elapsed() < patience => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(StoreError::Locked(lock_path.display().to_string()));
            }
            Err(TryLockError::Error(e)) => return Err(io_error("lock", &lock_path, &e)),
        }
    }
}

/// Makes `<path>.bak` the current content of `path`. A hard link costs no
/// copy: the rename that follows gives `path` a new file and leaves the old
/// one as the backup. Falls back to a copy (in the data folder at `root`)
/// where links are not supported.
pub fn backup(root: &Path, path: &Path) -> Result<(), StoreError> {
    let bak = backup_path(path);
    // A hard link to a symlink would be a second symlink, following the
    // store to its next version: link the file the symlink points to.
    let real = crate::files::resolve_links(path).map_err(|e| io_error("resolve", path, &e))?;
    let path = real.as_path();
    let staging = with_suffix(&bak, ".tmp");
    let _ = fs::remove_file(&staging);
    if fs::hard_link(path, &staging).is_err() {
        let bytes = fs::read(path).map_err(|e| io_error("read", path, &e))?;
        return write_atomic(root, &bak, &bytes);
    }
    fs::rename(&staging, &bak).map_err(|e| io_error("replace", &bak, &e))?;
    // When the backup already was this very file (a writer died between
    // backing up and replacing), rename leaves both names in place.
    let _ = fs::remove_file(&staging);
    Ok(())
}

/// Where the backup of `path` lives.
pub fn backup_path(path: &Path) -> PathBuf {
    with_suffix(path, ".bak")
}

/// Moves a damaged file aside as `<stem>.corrupt-<time>.json` and returns
/// the new path. The file is renamed, never rewritten.
pub fn move_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let time = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let dir = parent_of(path);
    let mut aside = dir.join(format!("{stem}.corrupt-{time}.json"));
    let mut n = 2;
    while aside.exists() {
        aside = dir.join(format!("{stem}.corrupt-{time}-{n}.json"));
        n += 1;
    }
    fs::rename(path, &aside).map_err(|e| io_error("move aside", path, &e))?;
    sync_dir(dir)?;
    Ok(aside)
}

/// Keeps the current content of `path` (a backup) under a name no save
/// ever reuses, `<path>-<time>` (`-2`, `-3`… on a clash), and returns it.
/// A hard link costs no copy; a copy is made where links fail (in the
/// data folder at `root`).
pub fn keep_copy(root: &Path, path: &Path) -> Result<PathBuf, StoreError> {
    let time = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let mut kept = with_suffix(path, &format!("-{time}"));
    let mut n = 2;
    while kept.exists() {
        kept = with_suffix(path, &format!("-{time}-{n}"));
        n += 1;
    }
    if fs::hard_link(path, &kept).is_err() {
        let bytes = fs::read(path).map_err(|e| io_error("read", path, &e))?;
        write_atomic(root, &kept, &bytes)?;
    }
    sync_dir(parent_of(&kept))?;
    Ok(kept)
}

/// Removes temp files a killed writer left behind. Only call with the lock
/// held: then no live writer can own one.
pub fn remove_stale_temps(path: &Path) {
    // Temp files are made beside the file a symlinked store points to.
    let Ok(path) = crate::files::resolve_links(path) else {
        return;
    };
    let prefix = temp_prefix(&path);
    let Ok(entries) = fs::read_dir(parent_of(&path)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// What identifies one version of a file without reading it: a new file
/// (an atomic replace) or a change in place gives a different stamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStamp {
    device: u64,
    inode: u64,
    len: u64,
    modified: (i64, i64),
    changed: (i64, i64),
}

impl FileStamp {
    /// The stamp of the file at `path`, if it exists.
    #[cfg(unix)]
    pub fn of(path: &Path) -> Option<FileStamp> {
        use std::os::unix::fs::MetadataExt;
        let m = fs::metadata(path).ok()?;
        Some(FileStamp {
            device: m.dev(),
            inode: m.ino(),
            len: m.len(),
            modified: (m.mtime(), m.mtime_nsec()),
            changed: (m.ctime(), m.ctime_nsec()),
        })
    }

    /// Without inode numbers nothing proves a file unchanged: always re-read.
    #[cfg(not(unix))]
    pub fn of(_path: &Path) -> Option<FileStamp> {
        None
    }
}

/// Creates `dir` and its parents.
pub fn ensure_dir(dir: &Path) -> Result<(), StoreError> {
    fs::create_dir_all(dir).map_err(|e| io_error("create the folder", dir, &e))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_backup_keeps_the_old_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        write_atomic(dir.path(), &path, b"one").unwrap();
        backup(dir.path(), &path).unwrap();
        write_atomic(dir.path(), &path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_a_link_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let target = outside.path().join("created-by-the-lock");
        let path = dir.path().join("s.json");
        std::os::unix::fs::symlink(&target, with_suffix(&path, ".lock")).unwrap();
        let _lock = lock(&path, Duration::from_millis(50)).unwrap();
        assert!(!target.exists());
        let meta = fs::symlink_metadata(with_suffix(&path, ".lock")).unwrap();
        assert!(meta.file_type().is_file());
    }

    #[test]
    fn moving_aside_keeps_the_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        fs::write(&path, b"{broken").unwrap();
        let aside = move_aside(&path).unwrap();
        assert!(!path.exists());
        assert_eq!(fs::read(&aside).unwrap(), b"{broken");
        let name = aside.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("s.corrupt-") && name.ends_with(".json"));
    }
}
