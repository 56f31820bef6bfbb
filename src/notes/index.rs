//! Where the notes live and how a brief is found again: the data folder,
//! one folder of store files per brief under `notes/` (one file per
//! writer, see [`super::store`]), and `index.json` that maps
//! content hashes (a moved or renamed brief) and canonical paths (an edited
//! brief) to a brief's key.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::anchor::fingerprint_of;
use super::error::{StoreError, io_error};
use super::fsutil;
use super::merge::{source_files, writer_of};
use super::model::{BriefInfo, SCHEMA_VERSION};
use super::store::{NoteStore, merge_brief};
use super::writer::Writer;
use crate::brief::Brief;

/// How many content hashes and paths a brief remembers.
pub(super) const HISTORY: usize = 32;

/// The folder that holds every store.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
    /// The name recorded on new notes; `None` until asked for gives the default.
    author: Option<String>,
    /// This writer, read from (or made in) `local/` on first use.
    writer: Arc<OnceLock<Writer>>,
}

/// Names under `notes/` that are not briefs.
const NOT_BRIEFS: &[&str] = &["rescue"];

/// The index file: every brief the store knows.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IndexFile {
    /// The schema version the file was written with.
    pub schema: u32,
    /// The briefs, one entry each.
    #[serde(default)]
    pub briefs: Vec<BriefInfo>,
    /// Fields written by another version of gloss, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl DataDir {
    /// `$GLOSS_DATA_DIR`, else the platform data folder's `gloss` (on Linux
    /// `~/.local/share/gloss`), with the author config.toml names.
    pub fn from_env() -> Result<DataDir, StoreError> {
        let dir = match std::env::var_os("GLOSS_DATA_DIR") {
            Some(dir) if !dir.is_empty() => DataDir::at(PathBuf::from(dir)),
            _ => dirs::data_dir()
                .map(|d| DataDir::at(d.join("gloss")))
                .ok_or(StoreError::NoDataDir)?,
        };
        // `author` in config.toml, else the login name and host: the
        // fallback is the notes' own, so the settings need not know them.
        let (settings, _) = crate::config::Settings::load();
        let author = settings
            .author
            .value
            .unwrap_or_else(super::writer::default_author);
        Ok(dir.with_author(&author))
    }

    /// A data folder at `root`.
    pub fn at(root: PathBuf) -> DataDir {
        DataDir {
            root,
            author: None,
            writer: Arc::new(OnceLock::new()),
        }
    }

    /// The same folder, recording `author` on new notes.
    pub fn with_author(mut self, author: &str) -> DataDir {
        self.author = Some(author.to_string());
        self.writer = Arc::new(OnceLock::new());
        self
    }

    /// The data folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// This writer (its id is made and recorded in `local/` on first use).
    pub fn writer(&self) -> &Writer {
        self.writer.get_or_init(|| {
            let author = self
                .author
                .clone()
                .unwrap_or_else(super::writer::default_author);
            Writer::of(&self.root, &author)
        })
    }

    /// The folder of the per-brief store folders.
    pub fn notes_dir(&self) -> PathBuf {
        self.root.join("notes")
    }

    /// The folder of every writer's store files of the brief with this key.
    pub fn brief_dir(&self, key: &str) -> PathBuf {
        self.notes_dir().join(key)
    }

    /// This writer's store file of the brief with this key.
    pub fn store_path(&self, key: &str) -> PathBuf {
        self.brief_dir(key)
            .join(format!("{}.json", self.writer().id))
    }

    /// The single store file of the brief from before teams shared notes.
    pub fn legacy_store_path(&self, key: &str) -> PathBuf {
        self.notes_dir().join(format!("{key}.json"))
    }

    /// Opens the notes of the brief `info`, every writer's merged, with
    /// this writer's author set on new notes.
    pub fn open_store(&self, info: BriefInfo) -> Result<NoteStore, StoreError> {
        let mut store = NoteStore::open(&self.store_path(&info.key), info)?;
        store.set_author(&self.writer().author);
        Ok(store)
    }

    /// The index file.
    pub fn index_path(&self) -> PathBuf {
        self.root.join("index.json")
    }

    /// The key of every brief with notes (a folder of store files, or a
    /// single store from before teams, or a sync tool's copy of one), sorted.
    pub fn brief_keys(&self) -> Result<Vec<String>, StoreError> {
        let dir = self.notes_dir();
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_error("read the folder", &dir, &e)),
        };
        let mut keys = BTreeSet::new();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                if !name.starts_with('.') && !NOT_BRIEFS.contains(&name) {
                    keys.insert(name.to_string());
                }
            } else if let Some(key) = writer_of(name) {
                keys.insert(key);
            }
        }
        Ok(keys.into_iter().collect())
    }

    /// Reads the index; a missing or damaged one is rebuilt from the stores
    /// (in memory: a damaged file is only moved aside by a writer).
    pub fn read_index(&self) -> Result<IndexFile, StoreError> {
        Ok(self
            .read_index_or_damage()?
            .unwrap_or_else(|| self.rebuild_index()))
    }

    /// The index, or `None` when it is missing or does not parse.
    fn read_index_or_damage(&self) -> Result<Option<IndexFile>, StoreError> {
        let path = self.index_path();
        let bytes = match crate::files::read_regular(&path, crate::files::DATA_CAP) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_error("read", &path, &e)),
        };
        Ok(serde_json::from_slice::<IndexFile>(&bytes).ok())
    }

    /// The index as the store files tell it (each store keeps its brief's
    /// paths and hashes too); unreadable stores are skipped.
    fn rebuild_index(&self) -> IndexFile {
        let mut index = IndexFile {
            schema: SCHEMA_VERSION,
            ..IndexFile::default()
        };
        for key in self.brief_keys().unwrap_or_default() {
            let mut files = source_files(&self.brief_dir(&key));
            files.extend(
                source_files(&self.notes_dir())
                    .into_iter()
                    .filter(|f| f.writer == key),
            );
            let mut info = BriefInfo {
                key,
                ..BriefInfo::default()
            };
            for f in files {
                if let Some(found) = brief_of(&f.path) {
                    info = merge_brief(&info, &found);
                }
            }
            index.briefs.push(info);
        }
        index
    }

    /// What the store knows of the brief at `file`, found by content hash
    /// (moved or renamed) or by canonical path (edited); a brief never seen
    /// gets a fresh entry, not yet written. The current path and hash are
    /// added to the returned info, and a known brief that moved or changed
    /// has them recorded in the index at once, so that a later edit or move
    /// still finds it. (Failing to record them, e.g. in a read-only data
    /// folder, does not stop a reader.)
    ///
    /// Given the loaded `brief`, a brief both moved and edited since gloss
    /// last saw it is still found: by the paragraphs it shares with the
    /// sample of paragraph fingerprints each entry keeps.
    pub fn locate(&self, file: &Path, brief: Option<&Brief>) -> Result<BriefInfo, StoreError> {
        let hash = crate::files::hash_regular(file, crate::files::BRIEF_CAP)
            .map_err(|e| io_error("read", file, &e))?
            .to_hex()
            .to_string();
        let canonical = std::fs::canonicalize(file)
            .map_err(|e| io_error("resolve", file, &e))?
            .display()
            .to_string();
        let index = self.read_index()?;
        let find = |index: &IndexFile| {
            index
                .briefs
                .iter()
                .filter(|b| b.hashes.contains(&hash))
                .max_by_key(|b| b.paths.contains(&canonical))
                .or_else(|| index.briefs.iter().find(|b| b.paths.contains(&canonical)))
                .or_else(|| brief.and_then(|b| by_shared_paragraphs(&index.briefs, b)))
                .cloned()
        };
        // The index is this machine's: a brief another writer noted (come
        // in by a sync) is only in the store folders.
        let mut found = find(&index);
        if found.is_none() {
            found = find(&self.rebuild_index());
        }
        let known = found.is_some();
        let mut info = match found {
            Some(b) => b,
            None => BriefInfo {
                key: new_key(&key_name(file, brief), &hash),
                ..BriefInfo::default()
            },
        };
        let moved_or_edited =
            known && (info.paths.last() != Some(&canonical) || !info.hashes.contains(&hash));
        remember(&mut info.paths, canonical);
        remember(&mut info.hashes, hash);
        if let Some(b) = brief {
            if b.meta.title.is_some() {
                info.title = b.meta.title.clone();
            }
            info.sample = sample_of(b);
        }
        if moved_or_edited {
            let _ = self.register(&info);
        }
        Ok(info)
    }

    /// Records `info` in the index (under its lock, merged with what is there).
    pub fn register(&self, info: &BriefInfo) -> Result<(), StoreError> {
        fsutil::ensure_dir(&self.root)?;
        let path = self.index_path();
        let _lock = fsutil::lock(&path, fsutil::LOCK_PATIENCE)?;
        let mut index = match self.read_index_or_damage()? {
            Some(index) => index,
            None => {
                // Keep a damaged index for inspection rather than overwrite it.
                if path.exists() {
                    fsutil::move_aside(&path)?;
                }
                self.rebuild_index()
            }
        };
        index.schema = index.schema.max(SCHEMA_VERSION);
        match index.briefs.iter_mut().find(|b| b.key == info.key) {
            Some(entry) => {
                let mut merged = merge_brief(info, entry);
                trim(&mut merged.paths);
                trim(&mut merged.hashes);
                if merged == *entry {
                    return Ok(());
                }
                *entry = merged;
            }
            None => index.briefs.push(info.clone()),
        }
        let bytes =
            serde_json::to_vec_pretty(&index).map_err(|e| StoreError::Encode(e.to_string()))?;
        fsutil::write_atomic(&self.root, &path, &bytes)
    }
}

/// Only the brief of a store file: every note is skipped unread (much
/// quicker than reading the store when many briefs have many notes).
#[derive(Deserialize)]
struct BriefOnly {
    brief: BriefInfo,
}

/// What the store file at `path` knows of its brief; `None` when it
/// cannot be read.
fn brief_of(path: &Path) -> Option<BriefInfo> {
    let bytes = crate::files::read_regular(path, crate::files::DATA_CAP).ok()?;
    serde_json::from_slice::<BriefOnly>(&bytes)
        .ok()
        .map(|b| b.brief)
}

/// Paragraphs shorter than this (in non-space characters) are too generic
/// (mastheads, bylines) to identify a brief.
const SAMPLE_MIN_CHARS: usize = 16;
/// How many paragraph fingerprints an index entry keeps.
pub(super) const SAMPLE_SIZE: usize = 64;

/// Fingerprints of the brief's first longer paragraphs.
fn sample_of(brief: &Brief) -> Vec<String> {
    let mut sample: Vec<String> = Vec::new();
    for p in brief.paragraphs() {
        let fingerprint = fingerprint_of(&p.id);
        if p.text().chars().filter(|c| !c.is_whitespace()).count() >= SAMPLE_MIN_CHARS
            && !sample.iter().any(|f| f == fingerprint)
        {
            sample.push(fingerprint.to_string());
            if sample.len() == SAMPLE_SIZE {
                break;
            }
        }
    }
    sample
}

/// The known brief that shares most of its sampled paragraphs (at least
/// half, and two) with `brief`.
fn by_shared_paragraphs<'a>(known: &'a [BriefInfo], brief: &Brief) -> Option<&'a BriefInfo> {
    let here: HashSet<&str> = brief.paragraphs().map(|p| fingerprint_of(&p.id)).collect();
    known
        .iter()
        .filter_map(|b| {
            let shared = b
                .sample
                .iter()
                .filter(|f| here.contains(f.as_str()))
                .count();
            // `then`, not `then_some`: the score must not be worked out for
            // an entry with no sample (a brief of only short paragraphs).
            (shared >= 2 && shared * 2 >= b.sample.len())
                .then(|| (shared * 1000 / b.sample.len(), b))
        })
        .max_by_key(|(score, _)| *score)
        .map(|(_, b)| b)
}

/// Moves `item` to the end of `list` (the latest last).
fn remember(list: &mut Vec<String>, item: String) {
    list.retain(|x| *x != item);
    list.push(item);
    trim(list);
}

fn trim(list: &mut Vec<String>) {
    if list.len() > HISTORY {
        list.drain(..list.len() - HISTORY);
    }
}

/// What a new key is named after: the brief's title when it has one, so
/// that two people who start noting the same brief apart, at different
/// paths, make the same key; else the file name.
fn key_name(file: &Path, brief: Option<&Brief>) -> String {
    match brief.and_then(|b| b.meta.title.clone()) {
        Some(title) => title,
        None => file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    }
}

/// A readable key, the same for the same brief everywhere: the name's
/// ASCII letters and digits, then the start of the content hash.
fn new_key(stem: &str, hash: &str) -> String {
    let mut slug = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "brief" } else { slug };
    format!("{slug}-{}", &hash[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_index_is_rebuilt_from_the_stores_and_kept_aside() {
        let data = tempfile::tempdir().unwrap();
        let docs = tempfile::tempdir().unwrap();
        let dd = DataDir::at(data.path().to_path_buf());
        let a = docs.path().join("a.md");
        std::fs::write(&a, "# T\n\ntext\n").unwrap();
        let info = dd.locate(&a, None).unwrap();
        let mut store = dd.open_store(info.clone()).unwrap();
        store.add(Default::default(), "n", vec![]).unwrap();
        store.save().unwrap();
        std::fs::write(dd.index_path(), b"\0\0\0").unwrap();
        let moved = docs.path().join("b.md");
        std::fs::rename(&a, &moved).unwrap();
        let found = dd.locate(&moved, None).unwrap();
        assert_eq!(found.key, info.key);
        let aside = std::fs::read_dir(data.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with("index.corrupt-")
            })
            .count();
        assert_eq!(aside, 1);
    }

    #[test]
    fn keys_are_readable_and_safe() {
        let key = new_key("遠景 Forum: 2026", &"ab".repeat(32));
        assert_eq!(key, "forum-2026-abababababababab");
        assert_eq!(new_key("論壇", &"0".repeat(64)), "brief-0000000000000000");
    }

    #[test]
    fn a_moved_brief_and_an_edited_brief_are_found() {
        let data = tempfile::tempdir().unwrap();
        let docs = tempfile::tempdir().unwrap();
        let dd = DataDir::at(data.path().to_path_buf());
        let a = docs.path().join("a.md");
        std::fs::write(&a, "# T\n\ntext\n").unwrap();
        let info = dd.locate(&a, None).unwrap();
        dd.register(&info).unwrap();
        let b = docs.path().join("renamed.md");
        std::fs::rename(&a, &b).unwrap();
        let moved = dd.locate(&b, None).unwrap();
        assert_eq!(moved.key, info.key);
        dd.register(&moved).unwrap();
        std::fs::write(&b, "# T\n\ntext, edited\n").unwrap();
        assert_eq!(dd.locate(&b, None).unwrap().key, info.key);
    }

    #[test]
    fn a_known_brief_of_only_short_paragraphs_does_not_stop_locating_others() {
        use crate::brief::{load::Format, load_bytes};
        let data = tempfile::tempdir().unwrap();
        let docs = tempfile::tempdir().unwrap();
        let dd = DataDir::at(data.path().to_path_buf());
        // Every paragraph under the sample's minimum: the entry keeps no sample.
        let memo = "Short point one.\n\nAnd two.\n\nThree.\n";
        let a = docs.path().join("memo.txt");
        std::fs::write(&a, memo).unwrap();
        let brief = load_bytes(memo.as_bytes(), Format::PlainText, "memo").unwrap();
        let info = dd.locate(&a, Some(&brief)).unwrap();
        assert!(info.sample.is_empty());
        dd.register(&info).unwrap();

        let other = "A brief gloss has never seen, about something else entirely.\n";
        let b = docs.path().join("other.txt");
        std::fs::write(&b, other).unwrap();
        let brief = load_bytes(other.as_bytes(), Format::PlainText, "other").unwrap();
        assert_ne!(dd.locate(&b, Some(&brief)).unwrap().key, info.key);
    }

    #[test]
    fn a_brief_moved_and_edited_unseen_is_found_by_its_paragraphs() {
        use crate::brief::{load::Format, load_bytes};
        let data = tempfile::tempdir().unwrap();
        let docs = tempfile::tempdir().unwrap();
        let dd = DataDir::at(data.path().to_path_buf());
        let text = "美中關係自二〇二五年起轉趨緩和，雙方恢復高層互訪。\n\n\
                    北京峰會達成建設性戰略穩定共識，兩國同意擴大經貿往來。\n\n\
                    年內仍有四次會面機會，包括二十國集團與亞太經合會。\n";
        let a = docs.path().join("a.txt");
        std::fs::write(&a, text).unwrap();
        let brief = load_bytes(text.as_bytes(), Format::PlainText, "a").unwrap();
        let info = dd.locate(&a, Some(&brief)).unwrap();
        dd.register(&info).unwrap();

        let edited = text.replace("四次", "五次");
        let b = docs.path().join("elsewhere.txt");
        std::fs::write(&b, &edited).unwrap();
        std::fs::remove_file(&a).unwrap();
        let brief = load_bytes(edited.as_bytes(), Format::PlainText, "b").unwrap();
        assert_eq!(dd.locate(&b, Some(&brief)).unwrap().key, info.key);

        let other = "完全不同的簡報，談的是歐洲能源政策與天然氣價格的走勢。\n";
        let c = docs.path().join("other.txt");
        std::fs::write(&c, other).unwrap();
        let brief = load_bytes(other.as_bytes(), Format::PlainText, "c").unwrap();
        assert_ne!(dd.locate(&c, Some(&brief)).unwrap().key, info.key);
    }
}
