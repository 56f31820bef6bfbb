//! Reading a file the user named (or that names itself in imported data)
//! without hanging or exhausting memory: a FIFO would block `open` and
//! `read` forever, `/dev/zero` never ends, `/dev/urandom` is binary without
//! end. Only regular files are read, and only up to a cap.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// The largest brief gloss opens (the reader keeps about 4× this in memory).
pub const BRIEF_CAP: u64 = 256 * 1024 * 1024;
/// The largest notes store, index or import gloss reads.
pub const DATA_CAP: u64 = 256 * 1024 * 1024;
/// The largest settings, theme or phrase file gloss reads.
pub const SETTINGS_CAP: u64 = 16 * 1024 * 1024;

/// Reads the regular file at `path`, refusing anything else (a folder, a
/// FIFO, a device, a socket) and anything longer than `cap` bytes. The
/// errors are `io::Error`s whose message says what is wrong in words.
pub fn read_regular(path: &Path, cap: u64) -> io::Result<Vec<u8>> {
    let file = open_regular(path)?;
    let meta = file.metadata()?;
    if meta.len() > cap {
        return Err(too_big(cap));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The file may grow while it is read: read one byte past the cap to tell.
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(too_big(cap));
    }
    Ok(bytes)
}

/// The BLAKE3 hash of the regular file at `path`, read in small pieces
/// (a brief's worth of memory is not needed to hash it), under the same
/// rules and cap as [`read_regular`].
pub fn hash_regular(path: &Path, cap: u64) -> io::Result<blake3::Hash> {
    let file = open_regular(path)?;
    if file.metadata()?.len() > cap {
        return Err(too_big(cap));
    }
    let mut hasher = blake3::Hasher::new();
    let mut limited = file.take(cap + 1);
    hasher.update_reader(&mut limited)?;
    if hasher.count() > cap {
        return Err(too_big(cap));
    }
    Ok(hasher.finalize())
}

/// Opens `path` for reading if it is a regular file; a folder, FIFO,
/// device or socket is an error at once (never a wait).
pub fn open_regular(path: &Path) -> io::Result<File> {
    let file = open_nonblocking(path)?;
    // fstat on the opened file, not stat on the path: nothing can swap the
    // file for a FIFO between the check and the read.
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a folder",
        ));
    }
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a pipe, device or socket is never read)",
        ));
    }
    Ok(file)
}

/// [`read_regular`] as UTF-8 text; invalid UTF-8 is an `InvalidData` error.
pub fn read_regular_string(path: &Path, cap: u64) -> io::Result<String> {
    String::from_utf8(read_regular(path, cap)?)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8 text"))
}

fn too_big(cap: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!(
            "larger than {} MiB, the most gloss reads",
            cap / (1024 * 1024)
        ),
    )
}

/// Opens for reading without blocking: `open` on a FIFO with no writer
/// blocks unless O_NONBLOCK is given (it changes nothing for regular files).
#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "川習").unwrap();
        assert_eq!(read_regular_string(&p, 100).unwrap(), "川習");
    }

    #[test]
    fn a_file_over_the_cap_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, [b'a'; 11]).unwrap();
        let e = read_regular(&p, 10).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_and_a_device_are_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f.md");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a node.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let started = std::time::Instant::now();
        assert!(read_regular(&fifo, BRIEF_CAP).is_err());
        assert!(read_regular(Path::new("/dev/zero"), BRIEF_CAP).is_err());
        assert!(read_regular(dir.path(), BRIEF_CAP).is_err());
        assert!(hash_regular(&fifo, BRIEF_CAP).is_err());
        assert!(hash_regular(Path::new("/dev/zero"), BRIEF_CAP).is_err());
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }

    #[test]
    fn a_file_is_hashed_as_its_bytes_are_and_only_under_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&p, &bytes).unwrap();
        assert_eq!(hash_regular(&p, BRIEF_CAP).unwrap(), blake3::hash(&bytes));
        let e = hash_regular(&p, 1000).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
    }
}
