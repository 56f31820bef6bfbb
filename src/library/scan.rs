//! Listing a folder of briefs quickly: walk it, then read only the first
//! few KB of each file and run the real loader on that prefix for the meta
//! data, in parallel. Notes counts and last readings come from the notes
//! index, matched by path (no need to read the whole brief); a brief the
//! index knows by another path (moved or copied) is found by its content's
//! hash, as the reader finds it.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use jiff::Timestamp;

use super::peek::Peek;
use super::state::StateDir;
use crate::brief::Meta;
use crate::brief::load::{Format, load_bytes, load_pdf};

/// How much of each file is read for its meta data.
pub const PREFIX_BYTES: usize = 4 * 1024;

/// The extensions the library lists.
const EXTENSIONS: &[&str] = &["md", "markdown", "txt", "pdf"];

/// Pages of a PDF read for the list: title, authors and date are on them.
const PDF_PAGES: usize = 2;
/// Pages read when the first ones name no authors or no date: a report's
/// credits often follow its cover and contents.
const PDF_MORE_PAGES: usize = 8;
/// A PDF is read whole (its index is at the end), up to this size.
const PDF_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// One brief of the library.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryEntry {
    /// Where the file is.
    pub path: PathBuf,
    /// The path below the library's folder, as shown.
    pub name: String,
    /// The meta data, or why the file could not be read (one line).
    pub meta: Result<Meta, String>,
    /// Live notes on the brief.
    pub notes: usize,
    /// The tags of those notes, without repeats.
    pub tags: Vec<String>,
    /// When the brief was last closed in the reader.
    pub last_read: Option<Timestamp>,
    /// Whether the above is read yet.
    pub peek: Peek,
}

impl LibraryEntry {
    /// The title to show and sort by: the brief's, else the file name.
    pub fn title(&self) -> &str {
        match &self.meta {
            Ok(meta) => meta.title.as_deref().unwrap_or(&self.name),
            Err(_) => &self.name,
        }
    }
}

/// What the index says of briefs, by canonical path and by content hash.
#[derive(Debug, Default)]
pub(super) struct Known {
    by_path: HashMap<String, String>,
    by_hash: HashMap<String, String>,
}

/// Every brief (`.md`, `.markdown`, `.txt`, `.pdf`) in `dir` and below, sorted by
/// path. Files that cannot be read are listed with their error. Hidden
/// files and folders are skipped. With `state`, notes counts, tags and last
/// readings are filled in.
pub fn scan(dir: &Path, state: Option<&StateDir>) -> Result<Vec<LibraryEntry>, String> {
    let found = walk(dir)?;
    Ok(entries_for(&found, dir, state))
}

/// Every brief in `dir` and below, as [`scan`] finds them, without reading
/// any: quick, for a screen that shows the list at once.
pub fn walk(dir: &Path) -> Result<Vec<Found>, String> {
    let root = std::fs::read_dir(dir);
    if let Err(e) = root {
        return Err(format!("cannot read the folder {}: {e}", dir.display()));
    }
    let mut found: Vec<Found> = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for item in walker {
        match item {
            Ok(entry) if entry.file_type().is_file() && is_brief(entry.path()) => {
                found.push(Ok(entry.into_path()));
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_default();
                let reason = e
                    .io_error()
                    .map_or_else(|| e.to_string(), |io| io.kind().to_string());
                found.push(Err((path, format!("cannot read: {reason}"))));
            }
        }
    }
    Ok(found)
}

/// The row of a brief not read yet: its file name, or why it could not be
/// found.
pub fn unread(item: &Found, dir: &Path) -> LibraryEntry {
    let (path, meta) = match item {
        Ok(path) => (path, Ok(crate::brief::Meta::default())),
        Err((path, reason)) => (path, Err(reason.clone())),
    };
    LibraryEntry {
        path: path.clone(),
        name: shown_name(path, dir),
        meta,
        notes: 0,
        tags: Vec::new(),
        last_read: None,
        peek: if item.is_ok() {
            Peek::Reading
        } else {
            Peek::Done
        },
    }
}

fn shown_name(path: &Path, dir: &Path) -> String {
    path.strip_prefix(dir).unwrap_or(path).display().to_string()
}

/// The entries of the briefs at `paths` (below `dir`, for their names),
/// e.g. to refresh one row after reading it.
pub fn scan_files(paths: &[PathBuf], dir: &Path, state: Option<&StateDir>) -> Vec<LibraryEntry> {
    let found: Vec<_> = paths.iter().cloned().map(Ok).collect();
    entries_for(&found, dir, state)
}

/// A brief found by [`walk`], or a path that could not be looked at and why.
pub type Found = Result<PathBuf, (PathBuf, String)>;

/// Reads the meta data of every file found, on a few threads.
fn entries_for(found: &[Found], dir: &Path, state: Option<&StateDir>) -> Vec<LibraryEntry> {
    let known = state.map(known_briefs).unwrap_or_default();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
    let chunk = found.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = found
            .chunks(chunk)
            .map(|part| {
                let known = &known;
                scope.spawn(move || {
                    part.iter()
                        .map(|item| entry_for(item, dir, known, state, None))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect::<Vec<_>>()
    })
}

/// A PDF's meta data from its first pages, and from a few more when those
/// leave the authors or the date out.
fn pdf_meta(bytes: &[u8], name: &str) -> Result<Meta, String> {
    let mut meta = load_pdf(bytes, name, Some(PDF_PAGES))
        .map(|b| b.meta)
        .map_err(|e| e.to_string())?;
    if (meta.authors.is_empty() || meta.date.is_none())
        && let Ok(more) = load_pdf(bytes, name, Some(PDF_MORE_PAGES))
    {
        if meta.authors.is_empty() {
            meta.authors = more.meta.authors;
        }
        if meta.date.is_none() {
            meta.date = more.meta.date;
        }
    }
    Ok(meta)
}

fn is_brief(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

pub(super) fn known_briefs(state: &StateDir) -> Known {
    let mut known = Known::default();
    let Ok(index) = state.data().read_index() else {
        return known;
    };
    for brief in index.briefs {
        for path in brief.paths {
            known.by_path.insert(path, brief.key.clone());
        }
        for hash in brief.hashes {
            known.by_hash.insert(hash, brief.key.clone());
        }
    }
    known
}

/// The row of one brief: its meta data, and with `state` its notes and last
/// reading. A PDF still being read at `deadline` gives its file name alone.
pub(super) fn entry_for(
    item: &Found,
    dir: &Path,
    known: &Known,
    state: Option<&StateDir>,
    deadline: Option<Instant>,
) -> LibraryEntry {
    let path = match item {
        Ok(path) | Err((path, _)) => path.clone(),
    };
    let name = shown_name(&path, dir);
    let (meta, whole) = match item {
        Ok(path) if Format::from_path(path) == Format::Pdf => match read_pdf(path, deadline) {
            Ok(None) => {
                let mut entry = unread(item, dir);
                entry.peek = Peek::Slow;
                return entry;
            }
            Ok(Some(bytes)) => {
                let meta = pdf_meta(&bytes, &name);
                (meta, Some(blake3::hash(&bytes).to_hex().to_string()))
            }
            Err(e) => (Err(e), None),
        },
        Ok(path) => match read_prefix(path) {
            Ok((bytes, whole)) => {
                let meta = load_bytes(&bytes, Format::from_path(path), &name)
                    .map(|b| b.meta)
                    .map_err(|e| e.to_string());
                let hash = whole.then(|| blake3::hash(&bytes).to_hex().to_string());
                (meta, hash)
            }
            Err(e) => (Err(e), None),
        },
        Err((_, reason)) => (Err(reason.clone()), None),
    };
    let mut entry = LibraryEntry {
        path,
        name,
        meta,
        notes: 0,
        tags: Vec::new(),
        last_read: None,
        peek: Peek::Done,
    };
    if let Some(state) = state {
        let key = std::fs::canonicalize(&entry.path)
            .ok()
            .and_then(|p| known.by_path.get(&p.display().to_string()).cloned())
            .or_else(|| whole.and_then(|h| known.by_hash.get(&h).cloned()))
            .or_else(|| by_content(&entry, known, state));
        if let Some(key) = key {
            fill_from_store(&mut entry, state, &key);
        }
    }
    entry
}

/// The key of a brief the index knows under another path: the same bytes
/// (moved or copied; the reader finds it the same way). Found, its new
/// path goes into the index as the reader would record it, so the next
/// listing finds it by path.
fn by_content(entry: &LibraryEntry, known: &Known, state: &StateDir) -> Option<String> {
    if known.by_hash.is_empty() || entry.meta.is_err() {
        return None;
    }
    let bytes = crate::files::read_regular(&entry.path, crate::files::BRIEF_CAP).ok()?;
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let key = known.by_hash.get(&hash)?;
    // Recording the new path only saves work later: failing it (a
    // read-only data folder) changes nothing now.
    let _ = state.data().locate(&entry.path, None);
    Some(key.clone())
}

/// Notes, tags and last reading of the brief with this key.
fn fill_from_store(entry: &mut LibraryEntry, state: &StateDir, key: &str) {
    let info = crate::notes::BriefInfo {
        key: key.to_string(),
        ..Default::default()
    };
    // Every writer's notes count, merged as the reader shows them.
    if let Ok(store) = crate::notes::NoteStore::open(&state.data().store_path(key), info) {
        for note in store.notes() {
            entry.notes += 1;
            for tag in &note.tags {
                if !entry.tags.contains(tag) {
                    entry.tags.push(tag.clone());
                }
            }
        }
    }
    entry.last_read = state.load(key).last_read;
}

/// A whole PDF file, refused above [`PDF_MAX_BYTES`]; `None` when it is
/// still being read at `deadline` (a large file on a slow disk).
fn read_pdf(path: &Path, deadline: Option<Instant>) -> Result<Option<Vec<u8>>, String> {
    const CHUNK: u64 = 4 * 1024 * 1024;
    let failed = |e: std::io::Error| format!("cannot read: {}", e.kind());
    let file = std::fs::File::open(path).map_err(failed)?;
    let mut file = file.take(PDF_MAX_BYTES + 1);
    let mut bytes = Vec::new();
    loop {
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(None);
        }
        let read = file
            .by_ref()
            .take(CHUNK)
            .read_to_end(&mut bytes)
            .map_err(failed)?;
        if read == 0 {
            break;
        }
    }
    if bytes.len() as u64 > PDF_MAX_BYTES {
        return Err(format!("too large: over {} MB", PDF_MAX_BYTES >> 20));
    }
    Ok(Some(bytes))
}

/// The first [`PREFIX_BYTES`] of the file, cut at a line end so that no
/// character is split, and whether that is the whole file.
fn read_prefix(path: &Path) -> Result<(Vec<u8>, bool), String> {
    let file =
        crate::files::open_regular(path).map_err(|e| format!("cannot read: {}", e.kind()))?;
    let mut bytes = Vec::with_capacity(PREFIX_BYTES + 1);
    file.take(PREFIX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {}", e.kind()))?;
    if bytes.len() <= PREFIX_BYTES {
        return Ok((bytes, true));
    }
    bytes.truncate(PREFIX_BYTES);
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if utf16 {
        bytes.truncate(PREFIX_BYTES & !1);
    } else if let Some(end) = bytes.iter().rposition(|&b| b == b'\n') {
        // In UTF-8, Big5 and GB18030 a 0x0A byte is always a line end.
        bytes.truncate(end + 1);
    } else if let Err(e) = std::str::from_utf8(&bytes)
        && e.error_len().is_none()
    {
        bytes.truncate(e.valid_up_to());
    }
    Ok((bytes, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_file_is_cut_at_a_line_end_and_a_short_one_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let long = dir.path().join("long.txt");
        std::fs::write(&long, "數字貿易規則\n".repeat(2000)).unwrap();
        let (bytes, whole) = read_prefix(&long).unwrap();
        assert!(!whole);
        assert!(bytes.len() <= PREFIX_BYTES && bytes.ends_with(b"\n"));
        assert!(std::str::from_utf8(&bytes).is_ok());
        let short = dir.path().join("short.md");
        std::fs::write(&short, "# T\n").unwrap();
        assert_eq!(read_prefix(&short).unwrap(), (b"# T\n".to_vec(), true));
    }

    #[test]
    fn lists_briefs_below_the_folder_and_skips_others_and_hidden_ones() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("sub")).unwrap();
        std::fs::create_dir_all(dir.path().join(".hidden")).unwrap();
        std::fs::write(dir.path().join("sub/a.md"), "# Alpha\n\ntext\n").unwrap();
        std::fs::write(dir.path().join("b.TXT"), "Beta\n\ntext\n").unwrap();
        std::fs::write(dir.path().join("c.doc"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden/d.md"), "# D\n").unwrap();
        std::fs::write(dir.path().join("empty.md"), "  \n").unwrap();
        let entries = scan(dir.path(), None).unwrap();
        let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["b.TXT", "empty.md", "sub/a.md"]);
        assert_eq!(entries[2].title(), "Alpha");
        let empty = entries[1].meta.as_ref().unwrap_err();
        assert!(empty.contains("empty"), "{empty}");
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let err = scan(Path::new("/no/such/folder"), None).unwrap_err();
        assert!(err.contains("/no/such/folder"), "{err}");
    }
}
