//! Who is writing: the author's name shown on notes, and the writer id that
//! names this writer's own store files. The id is random and stable, kept
//! in the data folder's `local/` state, which git never shares. A sync tool
//! might copy `local/` anyway: each host keeps its id in a file named after
//! itself (`local/writer-<host>.json`), so two machines sharing a folder
//! never take the same id nor overwrite each other's.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::fsutil;

/// The folder of a data folder's own, never-synced state.
pub const LOCAL_DIR: &str = "local";

/// This writer: a person on a machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Writer {
    /// The file-name-safe id: the author's name in ASCII, then random hex.
    pub id: String,
    /// The author's name as shown on notes.
    pub author: String,
}

/// The writer file in `local/`: the host is kept so that a `local/` folder
/// copied or synced to another machine by mistake is noticed there.
#[derive(Debug, Serialize, Deserialize)]
struct WriterFile {
    id: String,
    host: String,
}

impl Writer {
    /// The writer of the data folder at `root`, made (and recorded) on
    /// first use. A folder that cannot be written gets a fresh id for this
    /// run only: nothing can be saved there anyway.
    pub fn of(root: &Path, author: &str) -> Writer {
        let host = host_name();
        let path = writer_file(root, &host);
        let id = match read_id(&path, &host) {
            Some(id) => id,
            None => {
                let file = WriterFile {
                    id: new_id(author),
                    host: host.clone(),
                };
                // Two gloss starting at once both make one: the first
                // recorded wins for both. Failing to record it only costs
                // a new id (and file) next time.
                let _ = record(root, &path, &file);
                read_id(&path, &host).unwrap_or(file.id)
            }
        };
        Writer {
            id,
            author: author.to_string(),
        }
    }
}

/// The recorded id, if it was recorded on this host.
fn read_id(path: &Path, host: &str) -> Option<String> {
    crate::files::read_regular(path, crate::files::SETTINGS_CAP)
        .ok()
        .and_then(|b| serde_json::from_slice::<WriterFile>(&b).ok())
        .filter(|w| w.host == host && is_safe_id(&w.id))
        .map(|w| w.id)
}

/// Records `file` at `path` unless a good one is there: written whole
/// under a temporary name, then linked in place, which fails if another
/// gloss was first; one from another host (a synced `local/`) is replaced.
fn record(root: &Path, path: &Path, file: &WriterFile) -> Result<(), StoreError> {
    fsutil::ensure_dir(&local_dir(root))?;
    let bytes = serde_json::to_vec_pretty(file).map_err(|e| StoreError::Encode(e.to_string()))?;
    let staging = local_dir(root).join(format!(".writer.{}.tmp", file.id));
    fsutil::write_atomic(root, &staging, &bytes)?;
    let linked = std::fs::hard_link(&staging, path);
    if linked.is_err() && read_id(path, &file.host).is_none() {
        // Not ours to keep: it names another host or does not parse.
        fsutil::write_atomic(root, path, &bytes)?;
    }
    let _ = std::fs::remove_file(&staging);
    Ok(())
}

/// The file that keeps the writer id of `host` in the data folder at `root`.
pub fn writer_file(root: &Path, host: &str) -> PathBuf {
    let safe: String = host
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    local_dir(root).join(format!("writer-{safe}.json"))
}

/// The never-synced state folder of the data folder at `root`.
pub fn local_dir(root: &Path) -> PathBuf {
    root.join(LOCAL_DIR)
}

/// The author when config.toml names none: the login name and the host.
pub fn default_author() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| "someone".to_string());
    format!("{}@{}", user.trim(), host_name())
}

/// This machine's name ("localhost" when it cannot be read).
pub fn host_name() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length; gethostname writes at most that.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    match std::str::from_utf8(&buf[..end]) {
        Ok(h) if rc == 0 && !h.is_empty() => h.to_string(),
        _ => "localhost".to_string(),
    }
}

/// A new writer id: up to 24 ASCII letters or digits of the author's name,
/// a dash, then 12 random hex digits (so two people named alike differ).
fn new_id(author: &str) -> String {
    let mut slug: String = author
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    slug.truncate(24);
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "writer" } else { slug };
    let random = uuid::Uuid::new_v4().simple().to_string();
    format!("{slug}-{}", &random[..12])
}

/// True for an id that is safe as a file name (no separators, no dots).
pub fn is_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_is_stable_and_differs_between_folders() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let first = Writer::of(a.path(), "林若文 Lin");
        assert!(first.id.starts_with("lin-"), "{}", first.id);
        assert!(is_safe_id(&first.id));
        assert_eq!(Writer::of(a.path(), "林若文 Lin").id, first.id);
        assert_ne!(Writer::of(b.path(), "林若文 Lin").id, first.id);
    }

    #[test]
    fn another_hosts_id_in_a_synced_local_folder_is_neither_taken_nor_touched() {
        let a = tempfile::tempdir().unwrap();
        let theirs = writer_file(a.path(), "elsewhere.invalid");
        std::fs::create_dir_all(theirs.parent().unwrap()).unwrap();
        let text = r#"{"id":"ann-123","host":"elsewhere.invalid"}"#;
        std::fs::write(&theirs, text).unwrap();
        assert_ne!(Writer::of(a.path(), "Ann").id, "ann-123");
        assert_eq!(std::fs::read_to_string(&theirs).unwrap(), text);
        // A file under this host's name that another host wrote (copied by
        // hand) is not trusted either.
        let ours = writer_file(a.path(), &host_name());
        std::fs::write(&ours, text).unwrap();
        assert_ne!(Writer::of(a.path(), "Ann").id, "ann-123");
    }
}
