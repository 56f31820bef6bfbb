//! One brief's notes on disk: loading (damaged files moved aside, newer
//! schemas read-only), and saving under a lock by re-reading, merging by note
//! id and replacing the file atomically with a backup of the old one.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Timestamp;

use super::disk;
use super::error::StoreError;
use super::fsutil::{self, FileStamp};
use super::model::{Anchor, BriefInfo, Note, SCHEMA_VERSION, StoreFile, clean_tags};
pub use super::storefile::{ReadOutcome, parse_store, read_store};
use super::storefile::{newer_message, quarantine};

/// The notes of one brief, held in memory and saved to one store file.
#[derive(Debug)]
pub struct NoteStore {
    path: PathBuf,
    file: StoreFile,
    by_id: HashMap<String, usize>,
    read_only: Option<String>,
    unsaved: bool,
    messages: Vec<String>,
    /// The store file as this store last read or wrote it: when the file
    /// still matches, a save need not read it again.
    seen: Option<FileStamp>,
    /// How long a save waits for another gloss holding the lock.
    lock_patience: Duration,
}

impl NoteStore {
    /// Opens (or starts) the store at `path` for `brief`. A damaged file is
    /// moved aside under the lock and reported in [`NoteStore::messages`];
    /// a newer schema opens read-only.
    pub fn open(path: &Path, brief: BriefInfo) -> Result<NoteStore, StoreError> {
        let mut store = NoteStore {
            path: path.to_path_buf(),
            file: StoreFile {
                schema: SCHEMA_VERSION,
                brief,
                notes: Vec::new(),
                extra: Default::default(),
            },
            by_id: HashMap::new(),
            read_only: None,
            unsaved: false,
            messages: Vec::new(),
            seen: None,
            lock_patience: fsutil::LOCK_PATIENCE,
        };
        let before = FileStamp::of(path);
        match read_store(path)? {
            ReadOutcome::Missing => {}
            ReadOutcome::Good(file) => {
                store.adopt(file);
                // Only trust the stamp if the file did not change while read.
                if before.is_some() && before == FileStamp::of(path) {
                    store.seen = before;
                }
            }
            ReadOutcome::Newer(schema, file) => {
                store.read_only = Some(newer_message(path, schema));
                if let Some(file) = file {
                    store.file.notes = file.notes;
                    store.reindex();
                }
            }
            ReadOutcome::Damaged(_) => {
                // Decide again under the lock: another gloss may have just
                // moved it aside and written a good one.
                if let Some(parent) = path.parent() {
                    fsutil::ensure_dir(parent)?;
                }
                let _lock = fsutil::lock(path, store.lock_patience)?;
                match read_store(path)? {
                    ReadOutcome::Good(file) => store.adopt(file),
                    ReadOutcome::Damaged(reason) => {
                        let msg = quarantine(path, &reason)?;
                        store.messages.push(msg);
                    }
                    ReadOutcome::Newer(schema, _) => {
                        store.read_only = Some(newer_message(path, schema));
                    }
                    ReadOutcome::Missing => {}
                }
            }
        }
        Ok(store)
    }

    fn adopt(&mut self, disk: StoreFile) {
        let brief = merge_brief(&self.file.brief, &disk.brief);
        self.file.extra = disk.extra;
        self.file.notes = disk.notes;
        self.file.brief = brief;
        self.reindex();
    }

    fn reindex(&mut self) {
        self.by_id = self
            .file
            .notes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i))
            .collect();
    }

    /// The store file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The brief this store belongs to.
    pub fn brief(&self) -> &BriefInfo {
        &self.file.brief
    }

    /// Why the store cannot be written, when it cannot.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Sets how long a save waits for another gloss holding the lock
    /// before it gives up (the changes stay in memory for the next save).
    pub fn set_lock_patience(&mut self, patience: Duration) {
        self.lock_patience = patience;
    }

    /// Makes the store read-only for `why` (e.g. a data folder that cannot
    /// be written): its notes are shown, changes are refused with `why`.
    pub fn set_read_only(&mut self, why: String) {
        self.read_only.get_or_insert(why);
    }

    /// Things the user must be told, e.g. that a damaged file was moved aside.
    pub fn messages(&self) -> &[String] {
        &self.messages
    }

    /// True while a change has not yet reached the disk.
    pub fn has_unsaved(&self) -> bool {
        self.unsaved
    }

    /// Every note that is not deleted, in the order they were added.
    pub fn notes(&self) -> impl Iterator<Item = &Note> {
        self.file.notes.iter().filter(|n| n.is_live())
    }

    /// Every note, tombstones included.
    pub fn all_notes(&self) -> &[Note] {
        &self.file.notes
    }

    /// The note with this id, deleted or not.
    pub fn note(&self, id: &str) -> Option<&Note> {
        self.by_id.get(id).map(|&i| &self.file.notes[i])
    }

    fn writable(&self) -> Result<(), StoreError> {
        match &self.read_only {
            Some(why) => Err(StoreError::ReadOnly(why.clone())),
            None => Ok(()),
        }
    }

    fn change(&mut self, id: &str, f: impl FnOnce(&mut Note)) -> Result<(), StoreError> {
        self.writable()?;
        let i = *self
            .by_id
            .get(id)
            .ok_or_else(|| StoreError::UnknownNote(id.to_string()))?;
        let note = &mut self.file.notes[i];
        f(note);
        note.modified = later_than(note.modified);
        self.unsaved = true;
        Ok(())
    }

    /// Adds a note on `anchor` in memory and returns its id; call [`NoteStore::save`].
    pub fn add(
        &mut self,
        anchor: Anchor,
        text: &str,
        tags: Vec<String>,
    ) -> Result<String, StoreError> {
        self.writable()?;
        let note = Note::new(&self.file.brief.key, anchor, text, tags);
        let id = note.id.clone();
        self.insert(note);
        self.unsaved = true;
        Ok(id)
    }

    fn insert(&mut self, note: Note) {
        self.by_id.insert(note.id.clone(), self.file.notes.len());
        self.file.notes.push(note);
    }

    /// Replaces a note's text.
    pub fn edit_text(&mut self, id: &str, text: &str) -> Result<(), StoreError> {
        self.change(id, |n| n.text = text.to_string())
    }

    /// Replaces a note's tags.
    pub fn set_tags(&mut self, id: &str, tags: Vec<String>) -> Result<(), StoreError> {
        self.change(id, |n| n.tags = clean_tags(tags))
    }

    /// Deletes a note, keeping a tombstone so merges and undo work.
    pub fn delete(&mut self, id: &str) -> Result<(), StoreError> {
        self.change(id, |n| n.deleted = Some(Timestamp::now()))
    }

    /// Undoes a deletion.
    pub fn restore(&mut self, id: &str) -> Result<(), StoreError> {
        self.change(id, |n| n.deleted = None)
    }

    /// Moves a note onto a new anchor (re-attaching an orphan or confirming a review).
    pub fn reattach(&mut self, id: &str, anchor: Anchor) -> Result<(), StoreError> {
        self.change(id, |n| n.anchor = anchor)
    }

    /// Merges notes from elsewhere by id (newest change wins) and returns
    /// how many were new and how many replaced an older version.
    pub fn merge_in(&mut self, notes: Vec<Note>) -> Result<(usize, usize), StoreError> {
        self.writable()?;
        let (mut added, mut updated) = (0, 0);
        for mut note in notes {
            note.brief = self.file.brief.key.clone();
            match self.by_id.get(&note.id) {
                None => {
                    self.insert(note);
                    added += 1;
                }
                Some(&i) if note.supersedes(&self.file.notes[i]) && note != self.file.notes[i] => {
                    self.file.notes[i] = note;
                    updated += 1;
                }
                Some(_) => {}
            }
        }
        if added + updated > 0 {
            self.unsaved = true;
        }
        Ok((added, updated))
    }

    /// Writes the store: lock, re-read, merge with what is on disk, back the
    /// old file up, replace it atomically. On failure every change stays in
    /// memory and a later call tries again.
    pub fn save(&mut self) -> Result<(), StoreError> {
        self.writable()?;
        if let Some(parent) = self.path.parent() {
            fsutil::ensure_dir(parent)?;
        }
        let _lock = fsutil::lock(&self.path, self.lock_patience)?;
        fsutil::remove_stale_temps(&self.path);
        let current = FileStamp::of(&self.path);
        let unchanged = current.is_some() && current == self.seen;
        let outcome = if unchanged {
            // The file is the one this store last read or wrote, and it parsed.
            fsutil::backup(&self.path)?;
            ReadOutcome::Missing
        } else {
            read_store(&self.path)?
        };
        match outcome {
            ReadOutcome::Missing => {}
            ReadOutcome::Good(disk) => {
                self.merge_disk(disk);
                fsutil::backup(&self.path)?;
            }
            ReadOutcome::Newer(schema, _) => {
                let msg = newer_message(&self.path, schema);
                self.read_only = Some(msg.clone());
                return Err(StoreError::ReadOnly(msg));
            }
            ReadOutcome::Damaged(reason) => {
                let msg = quarantine(&self.path, &reason)?;
                self.messages.push(msg);
            }
        }
        self.file.schema = SCHEMA_VERSION;
        let bytes = disk::encode(&self.file).map_err(|e| StoreError::Encode(e.to_string()))?;
        fsutil::write_atomic(&self.path, &bytes)?;
        self.seen = FileStamp::of(&self.path);
        self.unsaved = false;
        Ok(())
    }

    /// [`NoteStore::save`], tried `attempts` times with `pause` between.
    pub fn save_with_retry(&mut self, attempts: u32, pause: Duration) -> Result<(), StoreError> {
        let mut last = self.save();
        for _ in 1..attempts {
            match last {
                Ok(()) | Err(StoreError::ReadOnly(_)) => break,
                Err(_) => {
                    std::thread::sleep(pause);
                    last = self.save();
                }
            }
        }
        last
    }

    fn merge_disk(&mut self, disk: StoreFile) {
        self.file.brief = merge_brief(&self.file.brief, &disk.brief);
        for (k, v) in disk.extra {
            self.file.extra.entry(k).or_insert(v);
        }
        for note in disk.notes {
            match self.by_id.get(&note.id) {
                None => self.insert(note),
                Some(&i) if note.supersedes(&self.file.notes[i]) => self.file.notes[i] = note,
                Some(_) => {}
            }
        }
    }
}

/// The union of what two copies know of a brief; `ours` leads.
pub fn merge_brief(ours: &BriefInfo, theirs: &BriefInfo) -> BriefInfo {
    let mut out = theirs.clone();
    out.key = ours.key.clone();
    if ours.title.is_some() {
        out.title = ours.title.clone();
    }
    if !ours.sample.is_empty() {
        out.sample = ours.sample.clone();
    }
    for p in &ours.paths {
        out.paths.retain(|q| q != p);
        out.paths.push(p.clone());
    }
    for h in &ours.hashes {
        out.hashes.retain(|q| q != h);
        out.hashes.push(h.clone());
    }
    for (k, v) in &ours.extra {
        out.extra.insert(k.clone(), v.clone());
    }
    out
}

/// A time after `previous` and no earlier than now, so an edit always wins
/// a merge against the version it replaced even if the clock went back.
fn later_than(previous: Timestamp) -> Timestamp {
    let now = Timestamp::now();
    if now > previous {
        now
    } else {
        previous
            .checked_add(jiff::SignedDuration::from_nanos(1))
            .unwrap_or(previous)
    }
}
