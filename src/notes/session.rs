//! The notes of one open brief, as the reader and `gloss notes add` use
//! them: the store, the brief prepared for anchoring, and where each note
//! landed. Changes go to memory first; [`BriefNotes::save`] writes them and
//! can be called again after a failure without losing anything.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use super::anchor::{AnchorStatus, BriefMap, Resolution};
use super::error::StoreError;
use super::index::DataDir;
use super::model::Note;
use super::store::NoteStore;
use crate::brief::Brief;

/// One note with where it landed in the current brief.
#[derive(Debug, Clone, Copy)]
pub struct NoteView<'a> {
    /// The note.
    pub note: &'a Note,
    /// Anchored, needs review or orphan, and on which paragraph.
    pub resolution: &'a Resolution,
    /// The note's author when someone other than this writer made it.
    pub from_other: Option<&'a str>,
}

/// The notes of one brief, anchored to its current text.
#[derive(Debug)]
pub struct BriefNotes {
    store: NoteStore,
    map: BriefMap,
    resolutions: HashMap<String, Resolution>,
}

impl BriefNotes {
    /// Opens the notes of the brief read from `file` (found again by content
    /// or path) and anchors them to `brief`.
    pub fn open(data: &DataDir, file: &Path, brief: &Brief) -> Result<BriefNotes, StoreError> {
        BriefNotes::open_shared(data, file, Arc::new(brief.clone()))
    }

    /// As [`BriefNotes::open`], sharing `brief` rather than copying it.
    pub fn open_shared(
        data: &DataDir,
        file: &Path,
        brief: Arc<Brief>,
    ) -> Result<BriefNotes, StoreError> {
        let info = data.locate(file, Some(&brief))?;
        let mut store = data.open_store(info.clone())?;
        if store.read_only().is_none()
            && let Err(e) = data.register(&info)
        {
            // A data folder gloss cannot write still shows its notes.
            store.set_read_only(format!(
                "new notes cannot be saved ({e}); the notes are shown read-only"
            ));
        }
        Ok(BriefNotes::with_shared_store(store, brief))
    }

    /// Anchors the notes of an already opened store to `brief`.
    pub fn with_store(store: NoteStore, brief: &Brief) -> BriefNotes {
        BriefNotes::with_shared_store(store, Arc::new(brief.clone()))
    }

    fn with_shared_store(store: NoteStore, brief: Arc<Brief>) -> BriefNotes {
        let map = BriefMap::shared(brief);
        let resolutions = map.resolve_all(store.notes());
        BriefNotes {
            store,
            map,
            resolutions,
        }
    }

    /// Sets how long a save waits for another gloss holding the store's lock.
    pub fn set_lock_patience(&mut self, patience: std::time::Duration) {
        self.store.set_lock_patience(patience);
    }

    /// The underlying store (path, messages, read-only state).
    pub fn store(&self) -> &NoteStore {
        &self.store
    }

    /// The brief as prepared for anchoring.
    pub fn map(&self) -> &BriefMap {
        &self.map
    }

    /// Where the note with this id landed.
    pub fn resolution(&self, id: &str) -> Option<&Resolution> {
        self.resolutions.get(id)
    }

    /// Every live note with its resolution: by paragraph in reading order,
    /// then by creation; orphans last.
    pub fn views(&self) -> Vec<NoteView<'_>> {
        let mut views: Vec<NoteView<'_>> = self
            .store
            .notes()
            .filter_map(|note| {
                let resolution = self.resolutions.get(&note.id)?;
                Some(NoteView {
                    note,
                    resolution,
                    from_other: self.from_other(note),
                })
            })
            .collect();
        views.sort_by_key(|v| (v.resolution.position.unwrap_or(usize::MAX), v.note.created));
        views
    }

    /// The note's author when someone other than this writer made it.
    pub fn from_other<'a>(&self, note: &'a Note) -> Option<&'a str> {
        let author = note.author.as_deref()?;
        (self.store.author() != Some(author)).then_some(author)
    }

    /// Re-reads what other writers (or a sync) changed on disk since it was
    /// last read, cheaply by file stamps, and anchors it; true when the
    /// notes may have changed. Unsaved changes are kept.
    pub fn reload_if_changed(&mut self) -> bool {
        if !self.store.reload_if_changed() {
            return false;
        }
        self.resolutions = self.map.resolve_all(self.store.notes());
        true
    }

    /// The notes shown on paragraph `paragraph_id` (anchored or needing review).
    pub fn notes_for_paragraph(&self, paragraph_id: &str) -> Vec<NoteView<'_>> {
        self.views()
            .into_iter()
            .filter(|v| v.resolution.paragraph.as_deref() == Some(paragraph_id))
            .collect()
    }

    /// Ids of the paragraphs that carry at least one note, for the gutter.
    pub fn annotated_paragraphs(&self) -> HashSet<&str> {
        self.resolutions
            .values()
            .filter_map(|r| r.paragraph.as_deref())
            .collect()
    }

    /// Notes that lost their paragraph.
    pub fn orphans(&self) -> Vec<NoteView<'_>> {
        self.views()
            .into_iter()
            .filter(|v| v.resolution.status == AnchorStatus::Orphan)
            .collect()
    }

    /// Tags in use in this brief with their counts, for completion.
    pub fn tags_in_use(&self) -> BTreeMap<String, usize> {
        let mut tags = BTreeMap::new();
        for note in self.store.notes() {
            for t in &note.tags {
                *tags.entry(t.clone()).or_insert(0) += 1;
            }
        }
        tags
    }

    /// Adds a note to a paragraph in memory; returns its id. Call [`BriefNotes::save`].
    pub fn add(
        &mut self,
        paragraph_id: &str,
        text: &str,
        tags: Vec<String>,
    ) -> Result<String, StoreError> {
        let anchor = self
            .map
            .anchor_for(paragraph_id)
            .ok_or_else(|| StoreError::UnknownParagraph(paragraph_id.to_string()))?;
        let id = self.store.add(anchor, text, tags)?;
        self.refresh(&id);
        Ok(id)
    }

    /// Adds a note on a passage of a paragraph in memory; returns its id.
    pub fn add_passage(
        &mut self,
        paragraph_id: &str,
        passage: super::passage::Passage,
        text: &str,
        tags: Vec<String>,
    ) -> Result<String, StoreError> {
        let mut anchor = self
            .map
            .anchor_for(paragraph_id)
            .ok_or_else(|| StoreError::UnknownParagraph(paragraph_id.to_string()))?;
        anchor.passage = Some(passage);
        let id = self.store.add(anchor, text, tags)?;
        self.refresh(&id);
        Ok(id)
    }

    /// Replaces a note's text in memory.
    pub fn edit_text(&mut self, id: &str, text: &str) -> Result<(), StoreError> {
        self.store.edit_text(id, text)
    }

    /// Replaces a note's tags in memory.
    pub fn set_tags(&mut self, id: &str, tags: Vec<String>) -> Result<(), StoreError> {
        self.store.set_tags(id, tags)
    }

    /// Deletes a note in memory (undo with [`BriefNotes::restore`]).
    pub fn delete(&mut self, id: &str) -> Result<(), StoreError> {
        self.store.delete(id)?;
        self.resolutions.remove(id);
        Ok(())
    }

    /// Undoes a deletion in memory.
    pub fn restore(&mut self, id: &str) -> Result<(), StoreError> {
        self.store.restore(id)?;
        self.refresh(id);
        Ok(())
    }

    /// Attaches a note (typically an orphan) to paragraph `paragraph_id`.
    pub fn reattach(&mut self, id: &str, paragraph_id: &str) -> Result<(), StoreError> {
        let mut anchor = self
            .map
            .anchor_for(paragraph_id)
            .ok_or_else(|| StoreError::UnknownParagraph(paragraph_id.to_string()))?;
        // A note on a passage keeps its passage: it is looked for in the
        // new paragraph (and the note flagged for review if not there).
        anchor.passage = self.store.note(id).and_then(|n| n.anchor.passage.clone());
        self.store.reattach(id, anchor)?;
        self.refresh(id);
        Ok(())
    }

    /// True while a change has not reached the disk.
    pub fn has_unsaved(&self) -> bool {
        self.store.has_unsaved()
    }

    /// Writes pending changes (merged with other writers' notes) and
    /// re-anchors what others added. On error nothing is lost: the changes
    /// stay in memory for the next call; the message fits a status bar.
    pub fn save(&mut self) -> Result<(), StoreError> {
        self.store.save()?;
        self.resolutions = self.map.resolve_all(self.store.notes());
        Ok(())
    }

    fn refresh(&mut self, id: &str) {
        if let Some(note) = self.store.note(id) {
            let r = self.map.resolve(&note.anchor);
            self.resolutions.insert(id.to_string(), r);
        }
    }
}
