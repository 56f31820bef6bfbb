//! Notes in the reader: their state (the store, the paragraph cursor, the
//! open overlay, what the status bar says), opening them with the brief,
//! and the notes keys. The jobs live in the children: `cursor` (cursor,
//! note lines), `edit` (editor, tags, delete), `overlay` (keys in the
//! overlays), `pane` (the list), `save` (saving and rescue), `select`
//! (which note the keys act on, note by note through the brief), `draft`
//! (a note being written when a signal ended the reader).

mod cursor;
mod draft;
mod edit;
pub mod overlay;
pub mod pane;
mod save;
mod select;

use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;

use super::lines::VisualLine;
use super::{Action, App};
use crate::notes::{AnchorStatus, BriefNotes, DataDir, NoteView};
use overlay::{Overlay, Pane};

/// The notes of a brief as opened off the screen's thread, or why not.
pub type OpenedNotes = Result<(DataDir, BriefNotes), crate::notes::StoreError>;

/// How the status bar introduces a failed save.
pub const RETRYING: &str = "notes not saved yet (will retry): ";

/// How long a save from the reader waits for another gloss's lock.
const READER_LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_millis(100);

/// Columns note lines are indented by under their paragraph.
pub const NOTE_INDENT: usize = 2;
/// Notes laid out under one paragraph; past them one line says how many
/// more there are (the notes pane lists them all). A teammate's store can
/// put a hundred thousand notes on one paragraph.
pub const NOTES_UNDER_PARAGRAPH: usize = 200;

/// A line for the status bar, and whether it is a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusMessage {
    /// What to say.
    pub text: String,
    /// Drawn in the theme's warning style.
    pub warning: bool,
}

/// The reader's notes: cursor, store, overlays and what the status bar says.
#[derive(Debug)]
pub struct NotesState {
    pub(super) session: Option<BriefNotes>,
    pub(super) data: Option<DataDir>,
    /// Why notes cannot be used at all, when they cannot.
    pub(super) unavailable: Option<String>,
    /// The block of the paragraph the cursor is on.
    pub cursor: usize,
    /// Whether note texts are shown under their paragraphs.
    pub show: bool,
    /// The open editor, tag line or notes pane.
    pub overlay: Option<Overlay>,
    /// The note stepped to with `}` / `{`; the note keys act on it while
    /// it is on the cursor's paragraph.
    pub selected: Option<String>,
    /// Ids of deleted notes, the last deleted last.
    pub(super) undo: Vec<String>,
    /// The last thing notes have to say.
    pub message: Option<StatusMessage>,
    /// The last save's error while it has not been retried successfully.
    pub save_error: Option<String>,
    /// A draft kept when a signal ended the last reading, until the notes
    /// are open to take it back into the editor.
    pub(super) pending_draft: Option<crate::library::Draft>,
    /// The blocks that show a paragraph, sorted by the paragraph's id, to
    /// find a note's block by binary search (a map of copied ids cost a
    /// long table more than its text).
    pub(super) by_id: Vec<u32>,
    pub(super) lines: HashMap<usize, Rc<[VisualLine]>>,
    /// Ids of the notes shown on each paragraph, in reading order.
    by_paragraph: HashMap<String, Vec<String>>,
    pub(super) lines_width: usize,
    pub(super) lines_links: bool,
    /// The view script the cached note lines were converted to.
    pub(super) lines_script: super::ViewScript,
}

impl Default for NotesState {
    fn default() -> Self {
        NotesState {
            session: None,
            data: None,
            unavailable: Some("notes are not open".to_string()),
            cursor: 0,
            show: true,
            overlay: None,
            selected: None,
            undo: Vec::new(),
            message: None,
            save_error: None,
            pending_draft: None,
            by_id: Vec::new(),
            lines: HashMap::new(),
            by_paragraph: HashMap::new(),
            lines_width: 0,
            lines_links: false,
            lines_script: super::ViewScript::Original,
        }
    }
}

impl NotesState {
    /// The notes session, when the store is open.
    pub fn session(&self) -> Option<&BriefNotes> {
        self.session.as_ref()
    }

    /// Shows what other writers or a sync changed on disk since the notes
    /// were read (checked cheaply by file stamps); true when anything did.
    pub fn reload_if_changed(&mut self) -> bool {
        let changed = self
            .session
            .as_mut()
            .is_some_and(BriefNotes::reload_if_changed);
        if changed {
            self.forget_lines();
        }
        changed
    }

    /// True while a change has not reached the disk.
    pub fn has_unsaved(&self) -> bool {
        self.session.as_ref().is_some_and(BriefNotes::has_unsaved)
    }

    /// The notes shown on a paragraph (anchored there or needing review).
    pub fn notes_on(&self, paragraph: Option<&str>) -> Vec<NoteView<'_>> {
        self.each_on(paragraph).collect()
    }

    /// The notes shown on a paragraph one by one, gathering none: a frame
    /// looks at each note of a paragraph with a hundred thousand.
    pub fn each_on(&self, paragraph: Option<&str>) -> impl Iterator<Item = NoteView<'_>> {
        let ids = match (&self.session, paragraph) {
            (Some(_), Some(id)) => self.by_paragraph.get(id).map_or(&[][..], Vec::as_slice),
            _ => &[],
        };
        ids.iter().filter_map(|n| {
            let session = self.session.as_ref()?;
            let note = session.store().note(n)?;
            Some(NoteView {
                note,
                resolution: session.resolution(n)?,
                from_other: session.from_other(note),
            })
        })
    }

    /// Which of a paragraph's notes the note keys act on, by its index
    /// among them: the one stepped to, if it is there, else the newest,
    /// which is the last (they are in order of creation).
    pub fn acted_on(&self, paragraph: Option<&str>) -> Option<usize> {
        self.session.as_ref()?;
        let ids = self.by_paragraph.get(paragraph?)?;
        let last = ids.len().checked_sub(1)?;
        let selected = self.selected.as_ref();
        Some(
            selected
                .and_then(|s| ids.iter().position(|n| n == s))
                .unwrap_or(last),
        )
    }

    /// Lets go of the notes (the store and what is laid out of it) off
    /// this thread: freeing a teammate's hundred thousand notes takes
    /// longer than a key press may wait. Call after [`NotesState::finish`].
    pub fn release(&mut self) {
        let session = self.session.take();
        let by_paragraph = std::mem::take(&mut self.by_paragraph);
        self.lines.clear();
        let freed = move || drop((session, by_paragraph));
        let _ = std::thread::Builder::new()
            .name("gloss-free".into())
            .spawn(freed);
    }

    /// How many notes are shown on a paragraph, without gathering them.
    pub fn count_on(&self, paragraph: Option<&str>) -> usize {
        match (&self.session, paragraph) {
            (Some(_), Some(id)) => self.by_paragraph.get(id).map_or(0, Vec::len),
            _ => 0,
        }
    }

    /// The `k`-th note shown on a paragraph, alone: drawing one line of
    /// a paragraph with a hundred thousand notes must not gather them all.
    pub fn note_on(&self, paragraph: Option<&str>, k: usize) -> Option<NoteView<'_>> {
        let session = self.session.as_ref()?;
        let n = self.by_paragraph.get(paragraph?)?.get(k)?;
        let note = session.store().note(n)?;
        Some(NoteView {
            note,
            resolution: session.resolution(n)?,
            from_other: session.from_other(note),
        })
    }

    /// The text shown under a paragraph for one note: its status when it
    /// needs review, its text, and its tags as `#tag`.
    pub fn display_text(view: &NoteView) -> String {
        let mut out = String::new();
        if view.resolution.status == AnchorStatus::NeedsReview {
            out.push_str("(needs review) ");
        }
        // A teammate's note says whose it is.
        if let Some(author) = view.from_other {
            out.push_str(&format!("[{author}] "));
        }
        // A note on a passage says which passage, as it is quoted.
        if let Some(passage) = &view.note.anchor.passage {
            out.push_str(&format!("「{}」 ", passage.exact));
        }
        out.push_str(view.note.text.trim_end());
        let tags: Vec<String> = view.note.tags.iter().map(|t| format!("#{t}")).collect();
        if !tags.is_empty() {
            if !view.note.text.trim().is_empty() {
                out.push_str("  ");
            }
            out.push_str(&tags.join(" "));
        }
        out
    }

    /// After any change: drops the laid-out note lines and indexes the
    /// notes by paragraph again (so drawing never walks every note).
    pub(super) fn forget_lines(&mut self) {
        self.lines.clear();
        self.by_paragraph.clear();
        let Some(session) = &self.session else {
            return;
        };
        for view in session.views() {
            if let Some(paragraph) = &view.resolution.paragraph {
                self.by_paragraph
                    .entry(paragraph.clone())
                    .or_default()
                    .push(view.note.id.clone());
            }
        }
    }

    pub(super) fn say(&mut self, text: impl Into<String>) {
        self.message = Some(StatusMessage {
            text: text.into(),
            warning: false,
        });
    }

    pub(super) fn warn(&mut self, text: impl Into<String>) {
        self.message = Some(StatusMessage {
            text: text.into(),
            warning: true,
        });
    }
}

impl App {
    /// Opens the notes of the brief read from `file` in `data`. Failing
    /// that, the reader works without notes and says why.
    pub fn open_notes(&mut self, data: Result<DataDir, crate::notes::StoreError>, file: &Path) {
        let opened = self.notes_opener(data, file)();
        self.notes_opened(opened);
    }

    /// What opening the notes reads and anchors, to run on another thread:
    /// a teammate's store of a hundred thousand notes takes seconds, and
    /// the reader answers `q` meanwhile. [`App::notes_opened`] takes its
    /// result.
    pub fn notes_opener(
        &self,
        data: Result<DataDir, crate::notes::StoreError>,
        file: &Path,
    ) -> impl FnOnce() -> OpenedNotes + Send + 'static {
        let (brief, file) = (Arc::clone(&self.doc.brief), file.to_path_buf());
        move || {
            data.and_then(|d| {
                let session = BriefNotes::open_shared(&d, &file, brief)?;
                Ok((d, session))
            })
        }
    }

    /// Puts the notes opened by [`App::notes_opener`] in the reader.
    pub fn notes_opened(&mut self, opened: OpenedNotes) {
        let doc = &self.doc;
        let mut by_id: Vec<u32> = Vec::with_capacity(doc.blocks.len());
        by_id.extend(
            (0..doc.blocks.len())
                .filter(|&i| doc.paragraph(i).is_some())
                .filter_map(|i| u32::try_from(i).ok()),
        );
        by_id.sort_unstable_by(|&a, &b| paragraph_id_of(doc, a).cmp(paragraph_id_of(doc, b)));
        self.notes.by_id = by_id;
        match opened {
            Ok((data, mut session)) => {
                // Ctrl-S must not freeze the screen behind another gloss
                // holding the lock: give up at once, the retry timer tries again.
                session.set_lock_patience(READER_LOCK_PATIENCE);
                let mut said: Vec<String> = session.store().messages().to_vec();
                said.extend(session.store().read_only().map(str::to_string));
                self.notes.data = Some(data);
                self.notes.session = Some(session);
                self.notes.unavailable = None;
                if !said.is_empty() {
                    self.notes.warn(said.join("; "));
                }
                self.offer_draft();
            }
            Err(e) => {
                let why = format!("notes are off: {e}");
                self.notes.unavailable = Some(why.clone());
                self.notes.warn(why);
            }
        }
        self.notes.forget_lines();
        self.follow_cursor();
    }

    /// The paragraph id of block `i`.
    pub fn paragraph_id(&self, i: usize) -> Option<&str> {
        self.doc.paragraph(i).map(|p| p.id.as_str())
    }

    /// The paragraph id under the cursor.
    pub fn cursor_paragraph(&self) -> Option<&str> {
        self.paragraph_id(self.notes.cursor)
    }

    /// The notes actions of the normal mode.
    pub(super) fn notes_action(&mut self, action: Action) {
        // The last message was about the last notes change; this is a new one.
        if !matches!(
            action,
            Action::CursorDown | Action::CursorUp | Action::NextNote | Action::PrevNote
        ) {
            self.notes.message = None;
        }
        match action {
            Action::CursorDown => self.step_cursor(true),
            Action::CursorUp => self.step_cursor(false),
            Action::NextNote => {
                self.notes.message = None;
                self.step_note(true);
            }
            Action::PrevNote => {
                self.notes.message = None;
                self.step_note(false);
            }
            Action::ToggleNotes => {
                let keep = self.top_byte();
                self.notes.show = !self.notes.show;
                self.restore_top(keep);
            }
            Action::UndoDelete => self.undo_delete(),
            Action::NotesPane if self.notes_usable(false) => {
                self.notes.overlay = Some(Overlay::Pane(Pane::default()));
            }
            Action::AddNote => self.open_editor(false),
            Action::EditNote => self.open_editor(true),
            Action::EditTags => self.open_tags(),
            Action::DeleteNote => self.delete_at_cursor(),
            _ => {}
        }
    }

    /// Whether notes can be read (and, with `edit`, changed); says why not.
    pub(super) fn notes_usable(&mut self, edit: bool) -> bool {
        if let Some(why) = self.notes.unavailable.clone() {
            self.notes.warn(why);
            return false;
        }
        if edit {
            let read_only = self
                .notes
                .session
                .as_ref()
                .and_then(|s| s.store().read_only().map(str::to_string));
            if let Some(why) = read_only {
                self.notes.warn(format!("notes are read-only here: {why}"));
                return false;
            }
        }
        true
    }

    /// After any change: lay the notes out again, keep the place, save.
    pub(super) fn notes_changed(&mut self) {
        let keep = self.top_byte();
        self.notes.forget_lines();
        self.notes.save();
        self.restore_top(keep);
    }

    /// The block showing paragraph `id`.
    pub(super) fn block_of(&self, id: &str) -> Option<usize> {
        let by_id = &self.notes.by_id;
        let at = by_id
            .binary_search_by(|&i| paragraph_id_of(&self.doc, i).cmp(id))
            .ok()?;
        Some(by_id[at] as usize)
    }
}

fn paragraph_id_of(doc: &super::Doc, block: u32) -> &str {
    doc.paragraph(block as usize).map_or("", |p| p.id.as_str())
}
