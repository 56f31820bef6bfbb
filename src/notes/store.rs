//! One brief's notes on disk, shared by a team: this writer's own file
//! `notes/<key>/<writer>.json` plus every other writer's file beside it
//! (and sync tools' conflict copies, and a store from before teams,
//! `notes/<key>.json`, until its migration is saved). Reading merges them
//! all (see [`super::merge`]); a save writes only the own file: under a
//! lock, re-reading and merging, with a backup of the old one, atomically.
//! No lock spans machines, and none is needed: no two write the same file.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Timestamp;

pub use super::bounds::merge_brief;
use super::disk;
use super::error::StoreError;
use super::fsutil::{self, FileStamp};
use super::merge::{self, SourceFile};
use super::model::{Anchor, BriefInfo, Note, SCHEMA_VERSION, StoreFile, clean_tags};
pub use super::storefile::{ReadOutcome, parse_store, read_store};
use super::storefile::{newer_message, quarantine};

/// Another writer's file (or a conflict copy, or the old single store) as last read.
#[derive(Debug)]
struct Source {
    writer: String,
    stamp: Option<FileStamp>,
    notes: Vec<Note>,
    /// True for the store from before teams, which this writer migrates.
    legacy: bool,
}

/// The notes of one brief, held in memory; this writer's changes are saved
/// to its own store file.
#[derive(Debug)]
pub struct NoteStore {
    path: PathBuf,
    /// The data folder no write may leave (see [`data_root_of`]).
    root: PathBuf,
    writer: String,
    author: Option<String>,
    /// The merged view: every writer's notes, the winning revision of each.
    file: StoreFile,
    by_id: HashMap<String, usize>,
    /// The records of the own file: this writer's latest revision of each
    /// note it made or changed.
    own: Vec<Note>,
    own_by_id: HashMap<String, usize>,
    /// Every other file that holds notes of this brief, by path.
    others: BTreeMap<PathBuf, Source>,
    read_only: Option<String>,
    unsaved: bool,
    messages: Vec<String>,
    /// The own file as this store last read or wrote it: when the file
    /// still matches, a save need not read it again.
    seen: Option<FileStamp>,
    /// How long a save waits for another gloss holding the lock.
    lock_patience: Duration,
}

impl NoteStore {
    /// Opens (or starts) the store whose own file is `path` (its stem is the
    /// writer id) for `brief`, merged with the other files of its folder. A
    /// damaged own file is moved aside under the lock and reported in
    /// [`NoteStore::messages`]; a newer schema opens read-only.
    pub fn open(path: &Path, brief: BriefInfo) -> Result<NoteStore, StoreError> {
        let writer = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut store = NoteStore {
            path: path.to_path_buf(),
            root: data_root_of(path),
            writer,
            author: None,
            file: StoreFile {
                schema: SCHEMA_VERSION,
                brief,
                notes: Vec::new(),
                extra: Default::default(),
            },
            by_id: HashMap::new(),
            own: Vec::new(),
            own_by_id: HashMap::new(),
            others: BTreeMap::new(),
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
                store.adopt_own(file);
                // Only trust the stamp if the file did not change while read.
                if before.is_some() && before == FileStamp::of(path) {
                    store.seen = before;
                }
            }
            ReadOutcome::Newer(schema, file) => {
                store.read_only = Some(newer_message(path, schema));
                if let Some(file) = file {
                    store.adopt_own(file);
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
                    ReadOutcome::Good(file) => store.adopt_own(file),
                    ReadOutcome::Damaged(reason) => {
                        let msg = quarantine(&store.root, path, &reason)?;
                        store.messages.push(msg);
                    }
                    ReadOutcome::Newer(schema, _) => {
                        store.read_only = Some(newer_message(path, schema));
                    }
                    ReadOutcome::Missing => {}
                }
            }
        }
        store.read_others(true);
        store.rebuild_view();
        Ok(store)
    }

    fn adopt_own(&mut self, disk: StoreFile) {
        self.file.brief = merge_brief(&self.file.brief, &disk.brief);
        self.file.extra = disk.extra;
        self.own = disk.notes;
        self.reindex_own();
    }

    fn reindex_own(&mut self) {
        self.own_by_id = index_of(&self.own);
    }

    /// Every file beside the own one that holds notes of this brief: other
    /// writers' files, conflict copies (the own file's too), and the store
    /// from before teams with its conflict copies.
    fn other_files(&self) -> Vec<SourceFile> {
        let mut files: Vec<SourceFile> = match self.path.parent() {
            Some(dir) => merge::source_files(dir)
                .into_iter()
                .filter(|f| f.path != self.path)
                .collect(),
            None => Vec::new(),
        };
        if let Some(legacy) = legacy_key(&self.path) {
            let top = self.path.parent().and_then(Path::parent);
            for f in top.map(merge::source_files).unwrap_or_default() {
                if f.writer == legacy {
                    files.push(SourceFile {
                        path: f.path,
                        writer: format!("{LEGACY_WRITER}{legacy}"),
                    });
                }
            }
        }
        files
    }

    /// Reads the other files that changed since last read (all of them when
    /// `all`); returns true when anything changed.
    fn read_others(&mut self, all: bool) -> bool {
        let files = self.other_files();
        let mut changed = files.len() != self.others.len();
        let mut next = BTreeMap::new();
        for f in files {
            let stamp = FileStamp::of(&f.path);
            if let Some(old) = self.others.remove(&f.path)
                && !all
                && stamp.is_some()
                && old.stamp == stamp
            {
                next.insert(f.path, old);
                continue;
            }
            changed = true;
            let legacy = f.writer.starts_with(LEGACY_WRITER);
            let notes = match read_store(&f.path) {
                Ok(ReadOutcome::Good(file)) => {
                    self.file.brief = merge_brief(&self.file.brief, &file.brief);
                    credible(file.notes)
                }
                Ok(ReadOutcome::Newer(schema, file)) => {
                    self.read_only = Some(newer_message(&f.path, schema));
                    credible(file.map(|f| f.notes).unwrap_or_default())
                }
                Ok(ReadOutcome::Missing) => continue,
                // Another writer's file is never moved aside: a sync may be
                // writing it now, and the next read will find it whole.
                Ok(ReadOutcome::Damaged(reason)) => {
                    self.messages.push(format!(
                        "notes file {} cannot be read yet ({}); its notes are left out until it can",
                        f.path.display(),
                        reason.replace('\n', " ")
                    ));
                    Vec::new()
                }
                Err(e) => {
                    self.messages.push(e.to_string());
                    Vec::new()
                }
            };
            next.insert(
                f.path,
                Source {
                    writer: f.writer,
                    stamp,
                    notes,
                    legacy,
                },
            );
        }
        self.others = next;
        changed
    }

    /// The merged view from the own records and every other file.
    fn rebuild_view(&mut self) {
        if self.others.is_empty() {
            // One writer (the common case): its records are the view.
            self.file.notes = self.own.clone();
            self.file
                .notes
                .sort_by(|a, b| a.created.cmp(&b.created).then(a.id.cmp(&b.id)));
            self.by_id = index_of(&self.file.notes);
            return;
        }
        let mut sources: Vec<(&str, &[Note])> = vec![(self.writer.as_str(), &self.own[..])];
        for s in self.others.values() {
            sources.push((s.writer.as_str(), &s.notes[..]));
        }
        self.file.notes = merge::merge(sources).into_iter().map(|(n, _)| n).collect();
        self.by_id = index_of(&self.file.notes);
    }

    /// Re-reads files another writer (or a sync) changed since they were
    /// last read, cheaply by their stamps; returns true when the notes may
    /// have changed. Unsaved changes of this writer are kept.
    pub fn reload_if_changed(&mut self) -> bool {
        let own_changed = FileStamp::of(&self.path) != self.seen;
        if own_changed && let Ok(ReadOutcome::Good(disk)) = read_store(&self.path) {
            self.merge_own_disk(disk);
            self.seen = FileStamp::of(&self.path);
        }
        let others = self.read_others(false);
        if own_changed || others {
            self.rebuild_view();
        }
        own_changed || others
    }

    /// The own store file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// This writer's id (the own file's stem).
    pub fn writer(&self) -> &str {
        &self.writer
    }

    /// The author recorded on notes this store adds, if set.
    pub fn author(&self) -> Option<&str> {
        self.author.as_deref()
    }

    /// Sets the author recorded on notes this store adds.
    pub fn set_author(&mut self, author: &str) {
        self.author = Some(author.to_string()).filter(|a| !a.trim().is_empty());
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

    /// True while a store from before teams is read but not yet migrated
    /// into this writer's own file (the next save does it).
    pub fn needs_migration(&self) -> bool {
        self.others.values().any(|s| s.legacy)
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
        let mut note = self.file.notes[i].clone();
        f(&mut note);
        // A change to a teammate's note names who made it; the author's own
        // change makes the note wholly theirs again. Notes from before
        // teams have no author, so no one else to credit.
        if let (Some(me), Some(author)) = (&self.author, &note.author) {
            note.modified_by = (me != author).then(|| me.clone());
        }
        note.modified = later_than(note.modified);
        note.revision = note.revision.saturating_add(1);
        // Kept (and saved) whatever happens next: nothing typed is lost.
        self.put_own(note.clone());
        self.unsaved = true;
        // The edit counts one more than the revision it was made on, the
        // highest there is, so it wins: unless another writer's claims the
        // highest count there can be, which no edit can pass.
        let outranked_by = self.others.values().find_map(|s| {
            s.notes
                .iter()
                .find(|n| n.id == id && n.revision >= note.revision)
                .map(|n| n.author.clone().unwrap_or_else(|| s.writer.clone()))
        });
        if let Some(who) = outranked_by {
            return Err(StoreError::Outranked(who));
        }
        self.file.notes[i] = note;
        Ok(())
    }

    /// Makes `note` this writer's record of its id.
    fn put_own(&mut self, note: Note) {
        match self.own_by_id.get(&note.id) {
            Some(&i) => self.own[i] = note,
            None => {
                self.own_by_id.insert(note.id.clone(), self.own.len());
                self.own.push(note);
            }
        }
    }

    /// Adds a note on `anchor` in memory and returns its id; call [`NoteStore::save`].
    pub fn add(
        &mut self,
        anchor: Anchor,
        text: &str,
        tags: Vec<String>,
    ) -> Result<String, StoreError> {
        self.writable()?;
        let mut note = Note::new(&self.file.brief.key, anchor, text, tags);
        note.author = self.author.clone();
        let id = note.id.clone();
        self.by_id.insert(id.clone(), self.file.notes.len());
        self.file.notes.push(note.clone());
        self.put_own(note);
        self.unsaved = true;
        Ok(id)
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
        for mut note in credible(notes) {
            note.brief = self.file.brief.key.clone();
            match self.by_id.get(&note.id) {
                None => {
                    self.by_id.insert(note.id.clone(), self.file.notes.len());
                    self.file.notes.push(note.clone());
                    self.put_own(note);
                    added += 1;
                }
                Some(&i) if note.supersedes(&self.file.notes[i]) && note != self.file.notes[i] => {
                    self.file.notes[i] = note.clone();
                    self.put_own(note);
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

    /// Writes this writer's file: lock, re-read, merge with what is on
    /// disk, back the old file up, replace it atomically; a store from
    /// before teams is folded in and then removed. On failure every change
    /// stays in memory and a later call tries again.
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
            fsutil::backup(&self.root, &self.path)?;
            ReadOutcome::Missing
        } else {
            read_store(&self.path)?
        };
        match outcome {
            ReadOutcome::Missing => {}
            ReadOutcome::Good(disk) => {
                self.merge_own_disk(disk);
                fsutil::backup(&self.root, &self.path)?;
            }
            ReadOutcome::Newer(schema, _) => {
                let msg = newer_message(&self.path, schema);
                self.read_only = Some(msg.clone());
                return Err(StoreError::ReadOnly(msg));
            }
            ReadOutcome::Damaged(reason) => {
                let msg = quarantine(&self.root, &self.path, &reason)?;
                self.messages.push(msg);
            }
        }
        // What other writers (or another window) wrote meanwhile shows too.
        let others_changed = self.read_others(false);
        // The old single store's notes become this writer's records: its
        // file is removed only once they are safely in the own file.
        let legacy: Vec<PathBuf> = self
            .others
            .iter()
            .filter(|(_, s)| s.legacy)
            .map(|(p, _)| p.clone())
            .collect();
        for path in &legacy {
            if let Some(source) = self.others.get(path) {
                let notes = source.notes.clone();
                for note in notes {
                    self.fold_own(note);
                }
            }
        }
        self.file.schema = SCHEMA_VERSION;
        // Written in the order notes were made, so that a diff is stable.
        let in_order = |a: &Note, b: &Note| a.created.cmp(&b.created).then(a.id.cmp(&b.id));
        if !self.own.is_sorted_by(|a, b| in_order(a, b).is_le()) {
            self.own.sort_by(in_order);
            self.reindex_own();
        }
        let own_file = StoreFile {
            schema: SCHEMA_VERSION,
            brief: self.file.brief.clone(),
            notes: std::mem::take(&mut self.own),
            extra: self.file.extra.clone(),
        };
        let encoded = disk::encode(&own_file);
        self.own = own_file.notes;
        let bytes = encoded.map_err(|e| StoreError::Encode(e.to_string()))?;
        if fsutil::write_within(&self.root, &self.path, &bytes)? {
            self.messages.push(format!(
                "notes store {} was a symlink gloss does not write through (it leads out of the data folder, or the folder is a git repository); it is now a file of its own with every note",
                self.path.display()
            ));
        }
        self.seen = FileStamp::of(&self.path);
        for path in &legacy {
            // Its notes are in the own file now; a failure leaves it to be
            // read (and removed) again, which loses nothing.
            if std::fs::remove_file(path).is_ok() {
                self.others.remove(path);
            }
        }
        if others_changed || !legacy.is_empty() {
            self.rebuild_view();
        }
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

    /// Folds the own file as another window of this writer left it.
    fn merge_own_disk(&mut self, disk: StoreFile) {
        self.file.brief = merge_brief(&self.file.brief, &disk.brief);
        for (k, v) in disk.extra {
            self.file.extra.entry(k).or_insert(v);
        }
        for note in disk.notes {
            self.fold_own(note);
        }
        self.rebuild_view();
    }

    /// Keeps `note` as the own record of its id if it is newer.
    fn fold_own(&mut self, note: Note) {
        match self.own_by_id.get(&note.id) {
            Some(&i) if !note.supersedes(&self.own[i]) => {}
            _ => self.put_own(note),
        }
    }
}

/// `notes` read from another writer (or an import), their times brought
/// back to what a clock could honestly show (see [`Note::clamp_times`])
/// and their unknown fields bounded as a brief's are.
fn credible(mut notes: Vec<Note>) -> Vec<Note> {
    let limit = crate::notes::model::latest_credible();
    for note in &mut notes {
        note.clamp_times(limit);
        super::bounds::bound_extra(&mut note.extra);
        super::bounds::bound_extra(&mut note.anchor.extra);
    }
    notes
}

/// The data folder of the own store file `own`: `<root>/notes/<key>/<writer>.json`
/// gives `<root>`; a store kept anywhere else is confined to its own folder.
fn data_root_of(own: &Path) -> PathBuf {
    let brief_dir = own.parent().unwrap_or(Path::new("."));
    match brief_dir.parent() {
        Some(notes) if notes.file_name().is_some_and(|n| n == "notes") => {
            notes.parent().unwrap_or(Path::new(".")).to_path_buf()
        }
        _ => brief_dir.to_path_buf(),
    }
}

/// The writer name given to the store from before teams.
const LEGACY_WRITER: &str = "~legacy~";

/// The key of the brief whose folder holds `own` (`notes/<key>/<writer>.json`).
fn legacy_key(own: &Path) -> Option<String> {
    let dir = own.parent()?;
    let key = dir.file_name()?.to_str()?;
    (dir.parent()?.file_name()? == "notes").then(|| key.to_string())
}

fn index_of(notes: &[Note]) -> HashMap<String, usize> {
    notes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.clone(), i))
        .collect()
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
