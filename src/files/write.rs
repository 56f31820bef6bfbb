//! Replacing a file so that a crash, a full disk or a kill at any moment
//! leaves either the old file or the new one, never half of one: write a
//! temporary file in the target's folder, fsync it, rename it over the
//! target, fsync the folder. Writing the output over its own input is then
//! safe too: the input is only replaced once the output is complete.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How many symlinks deep gloss follows before calling it a loop.
const MAX_LINKS: usize = 40;

/// Replaces `path` with `bytes` atomically. A symlink at `path` is kept
/// and its target replaced (in the target's folder), so a file kept
/// elsewhere through a link goes on receiving the writes. A new file is
/// private (0600): notes and reading state are nobody else's business.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace(path, bytes, 0o600)
}

/// [`write_atomic`] for a file the user asked for (a converted brief): a
/// new file gets the usual permissions (0666 less the umask).
pub fn write_output(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace(path, bytes, 0o666)
}

/// [`write_atomic`] for a file of the data folder at `root`, which others
/// can fill (a team's git repository, a synced folder): a symlink at `path`
/// is written through only when `root` is no git repository and the link
/// ends inside `root`; any other link is replaced by the file itself, so a
/// teammate's link never carries gloss's writes elsewhere. A path that
/// leads out of `root` through a linked folder is refused. Returns true
/// when a link was replaced.
pub fn write_within(root: &Path, path: &Path, bytes: &[u8]) -> io::Result<bool> {
    let target = resolve_links(path)?;
    let linked = target != path;
    let follow = linked && !root.join(".git").exists() && lies_within(root, &target);
    let dest = if follow { target.as_path() } else { path };
    if !lies_within(root, dest) {
        return Err(io::Error::other(format!(
            "it leads out of the data folder {} through a symlink",
            root.display()
        )));
    }
    // A replaced link keeps nothing of the file it pointed to, not its mode.
    let keep_mode = !linked || follow;
    replace_exact(dest, bytes, 0o600, keep_mode)?;
    Ok(linked && !follow)
}

/// True when `path` (which need not exist yet) is inside `root` once every
/// link in its folders is followed.
fn lies_within(root: &Path, path: &Path) -> bool {
    let (Ok(root), Some(name)) = (root.canonicalize(), path.file_name()) else {
        return false;
    };
    parent_of(path)
        .canonicalize()
        .is_ok_and(|dir| dir.join(name).starts_with(root))
}

/// [`write_output`] for a file that must not exist yet: the finished
/// temporary file is linked in only if nothing (not even a dangling
/// symlink) has the name, else the error is `AlreadyExists` and nothing
/// is replaced, however close another writer came.
pub fn write_new_output(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = parent_of(path);
    let temp = filled_temp(path, dir, bytes, 0o666)?;
    temp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

fn replace(path: &Path, bytes: &[u8], new_mode: u32) -> io::Result<()> {
    let target = resolve_links(path)?;
    replace_exact(&target, bytes, new_mode, true)
}

/// Replaces `target` itself (a symlink there included) with `bytes`.
fn replace_exact(target: &Path, bytes: &[u8], new_mode: u32, keep_mode: bool) -> io::Result<()> {
    let dir = parent_of(target);
    let temp = filled_temp(target, dir, bytes, new_mode)?;
    // Keep the permissions of the file being replaced (a temp file is 0600).
    if keep_mode && let Ok(meta) = std::fs::metadata(target) {
        let _ = temp.as_file().set_permissions(meta.permissions());
    }
    temp.persist(target).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// A synced temporary file in `dir` holding `bytes`, named after `target`.
fn filled_temp(
    target: &Path,
    dir: &Path,
    bytes: &[u8],
    new_mode: u32,
) -> io::Result<tempfile::NamedTempFile> {
    let prefix = temp_prefix(target);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        // Created with this mode, so the umask applies as to any new file.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(new_mode));
    }
    #[cfg(not(unix))]
    let _ = new_mode;
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// `path` with every symlink along the final component followed; a
/// dangling link gives the path it points to (which the write creates).
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let next = std::fs::read_link(&current)?;
                current = if next.is_absolute() {
                    next
                } else {
                    parent_of(&current).join(next)
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Makes a rename or a new file in `dir` durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// The prefix of temporary files for `path`: hidden, named after it.
pub fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.")
}

/// The folder `path` is in ("." for a bare name).
pub fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_new_output_never_replaces_a_file_or_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let (old, link) = (dir.path().join("old.txt"), dir.path().join("link.txt"));
        std::fs::write(&old, "mine").unwrap();
        std::os::unix::fs::symlink("nowhere.txt", &link).unwrap();
        for path in [&old, &link] {
            let e = write_new_output(path, b"new").unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::AlreadyExists, "{path:?}");
        }
        assert_eq!(std::fs::read(&old).unwrap(), b"mine");
        assert!(!dir.path().join("nowhere.txt").exists());
        let fresh = dir.path().join("fresh.txt");
        write_new_output(&fresh, b"new").unwrap();
        assert_eq!(std::fs::read(&fresh).unwrap(), b"new");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 3, "no temporary file left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_written_through_to_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        let target = elsewhere.join("real.json");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("elsewhere/real.json", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn new_stores_are_private_and_new_outputs_are_not() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let (store, out) = (dir.path().join("s.json"), dir.path().join("o.txt"));
        write_atomic(&store, b"{}").unwrap();
        write_output(&out, b"x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&store), 0o600);
        assert_ne!(
            mode(&out) & 0o044,
            0,
            "readable by others as usual: {:o}",
            mode(&out)
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_replaced_not_rewritten_in_place() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "old").unwrap();
        let before = std::fs::metadata(&p).unwrap().ino();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
        assert_ne!(std::fs::metadata(&p).unwrap().ino(), before);
    }
}
