//! Notes in the reader: the paragraph cursor, the notes of the open brief,
//! their lines under each paragraph, and saving every change at once (with
//! retries when a save fails, and a rescue file when the reader quits with
//! notes still unsaved).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::editor::Editor;
use super::lines::{LineKind, VisualLine};
use super::notes_overlay::{NoteEditor, Overlay, Pane, TagEditor, Target};
use super::{Action, App, Pos};
use crate::layout::wrap;
use crate::notes::{AnchorStatus, BriefNotes, DataDir, NoteView};

/// How the status bar introduces a failed save.
pub const RETRYING: &str = "notes not saved yet (will retry): ";

/// Columns note lines are indented by under their paragraph.
pub const NOTE_INDENT: usize = 2;

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
    /// Ids of deleted notes, the last deleted last.
    pub(super) undo: Vec<String>,
    /// The last thing notes have to say.
    pub message: Option<StatusMessage>,
    /// The last save's error while it has not been retried successfully.
    pub save_error: Option<String>,
    block_of: HashMap<String, usize>,
    lines: HashMap<usize, Rc<[VisualLine]>>,
    lines_width: usize,
    lines_links: bool,
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
            undo: Vec::new(),
            message: None,
            save_error: None,
            block_of: HashMap::new(),
            lines: HashMap::new(),
            lines_width: 0,
            lines_links: false,
        }
    }
}

impl NotesState {
    /// The notes session, when the store is open.
    pub fn session(&self) -> Option<&BriefNotes> {
        self.session.as_ref()
    }

    /// True while a change has not reached the disk.
    pub fn has_unsaved(&self) -> bool {
        self.session.as_ref().is_some_and(BriefNotes::has_unsaved)
    }

    /// The notes shown on block `block`'s paragraph, with the block's
    /// paragraph id known through `paragraph`.
    pub fn notes_on(&self, paragraph: Option<&str>) -> Vec<NoteView<'_>> {
        match (&self.session, paragraph) {
            (Some(s), Some(id)) => s.notes_for_paragraph(id),
            _ => Vec::new(),
        }
    }

    /// The text shown under a paragraph for one note: its status when it
    /// needs review, its text, and its tags as `#tag`.
    pub fn display_text(view: &NoteView) -> String {
        let mut out = String::new();
        if view.resolution.status == AnchorStatus::NeedsReview {
            out.push_str("(needs review) ");
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

    fn forget_lines(&mut self) {
        self.lines.clear();
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

    /// Writes pending changes; a failure is kept for the status bar and
    /// the changes stay in memory for the next try.
    pub fn save(&mut self) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if !session.has_unsaved() {
            return;
        }
        match session.save() {
            Ok(()) => {
                if self.save_error.take().is_some() {
                    self.say("notes saved");
                }
            }
            Err(e) => {
                self.save_error = Some(e.to_string());
                self.warn(format!("{RETRYING}{e}"));
            }
        }
        self.forget_lines();
    }

    /// The last try before the reader quits: saves what is unsaved, else
    /// writes it to a rescue file. `Err` is the line to print on stderr.
    pub fn finish(&mut self) -> Result<(), String> {
        self.save();
        let Some(session) = self.session.as_ref() else {
            return Ok(());
        };
        if !session.has_unsaved() {
            return Ok(());
        }
        let reason = self.save_error.clone().unwrap_or_default();
        let store = session.store();
        let file = crate::notes::model::StoreFile {
            schema: crate::notes::SCHEMA_VERSION,
            brief: store.brief().clone(),
            notes: store.all_notes().to_vec(),
            extra: Default::default(),
        };
        let bytes = crate::notes::disk::encode(&file).map_err(|e| {
            format!("gloss: your notes could not be saved nor encoded ({e}); {reason}")
        })?;
        let stamp = jiff::Timestamp::now()
            .strftime("%Y%m%dT%H%M%SZ")
            .to_string();
        let name = format!("gloss-rescue-{}-{stamp}.json", store.brief().key);
        let mut places: Vec<PathBuf> = Vec::new();
        if let Some(data) = &self.data {
            places.push(data.notes_dir().join("rescue"));
        }
        places.push(std::env::temp_dir());
        places.extend(std::env::current_dir().ok());
        for dir in places {
            let path = dir.join(&name);
            if write_rescue(&path, &bytes) {
                return Err(format!(
                    "gloss: the notes could not be saved ({reason}); they are kept in {} — bring them back with `gloss notes import {}`",
                    path.display(),
                    path.display()
                ));
            }
        }
        Err(format!(
            "gloss: the notes could not be saved nor rescued ({reason}); here they are: {}",
            String::from_utf8_lossy(&bytes)
        ))
    }
}

fn write_rescue(path: &Path, bytes: &[u8]) -> bool {
    path.parent()
        .is_some_and(|dir| std::fs::create_dir_all(dir).is_ok())
        && crate::notes::fsutil::write_atomic(path, bytes).is_ok()
}

impl App {
    /// Opens the notes of the brief read from `file` in `data`. Failing
    /// that, the reader works without notes and says why.
    pub fn open_notes(&mut self, data: Result<DataDir, crate::notes::StoreError>, file: &Path) {
        self.notes.block_of = (0..self.doc.blocks.len())
            .filter_map(|i| self.doc.paragraph(i).map(|p| (p.id.clone(), i)))
            .collect();
        let opened = data.and_then(|d| {
            let session = BriefNotes::open(&d, file, &self.doc.brief)?;
            Ok((d, session))
        });
        match opened {
            Ok((data, session)) => {
                let mut said: Vec<String> = session.store().messages().to_vec();
                said.extend(session.store().read_only().map(str::to_string));
                self.notes.data = Some(data);
                self.notes.session = Some(session);
                self.notes.unavailable = None;
                if !said.is_empty() {
                    self.notes.warn(said.join("; "));
                }
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

    /// The lines of block `i` with its notes' lines before its gap.
    pub(super) fn with_note_lines(
        &mut self,
        i: usize,
        lines: Rc<[VisualLine]>,
        width: usize,
    ) -> Rc<[VisualLine]> {
        if !self.notes.show || self.notes.session.is_none() {
            return lines;
        }
        if width != self.notes.lines_width || self.show_links != self.notes.lines_links {
            self.notes.lines.clear();
            self.notes.lines_width = width;
            self.notes.lines_links = self.show_links;
        }
        if let Some(cached) = self.notes.lines.get(&i) {
            return Rc::clone(cached);
        }
        let paragraph = self.doc.paragraph(i).map(|p| p.id.as_str());
        let texts: Vec<String> = self
            .notes
            .notes_on(paragraph)
            .iter()
            .map(NotesState::display_text)
            .collect();
        let result: Rc<[VisualLine]> = if texts.is_empty() {
            lines
        } else {
            let gap = lines.last().filter(|l| l.kind == LineKind::Gap).cloned();
            let mut out: Vec<VisualLine> =
                lines[..lines.len() - usize::from(gap.is_some())].to_vec();
            let avail = width.saturating_sub(NOTE_INDENT).max(1);
            for (note, text) in texts.iter().enumerate() {
                let mut start = 0;
                let mut first = true;
                for piece in text.split('\n') {
                    for r in wrap(piece, avail) {
                        out.push(VisualLine {
                            kind: LineKind::Note { note, first },
                            range: start + r.start..start + r.end,
                        });
                        first = false;
                    }
                    start += piece.len() + 1;
                }
            }
            out.extend(gap);
            out.into()
        };
        self.notes.lines.insert(i, Rc::clone(&result));
        result
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
        if !matches!(action, Action::CursorDown | Action::CursorUp) {
            self.notes.message = None;
        }
        match action {
            Action::CursorDown => self.step_cursor(true),
            Action::CursorUp => self.step_cursor(false),
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

    /// The newest note on the cursor's paragraph, and how many there are.
    fn newest_at_cursor(&self) -> Option<(String, usize)> {
        let views = self.notes.notes_on(self.cursor_paragraph());
        let newest = views.iter().max_by_key(|v| v.note.created)?;
        Some((newest.note.id.clone(), views.len()))
    }

    fn open_editor(&mut self, existing: bool) {
        if !self.notes_usable(true) {
            return;
        }
        let Some(paragraph) = self.cursor_paragraph().map(str::to_string) else {
            self.notes.warn("no paragraph under the cursor");
            return;
        };
        let target = if existing {
            let Some((id, count)) = self.newest_at_cursor() else {
                self.notes.say("no note on this paragraph: `a` adds one");
                return;
            };
            if count > 1 {
                self.notes
                    .say(format!("editing the newest of {count} notes here"));
            }
            Target::Existing { id }
        } else {
            Target::New { paragraph }
        };
        let text = match &target {
            Target::Existing { id } => self
                .notes
                .session
                .as_ref()
                .and_then(|s| s.store().note(id))
                .map(|n| n.text.clone())
                .unwrap_or_default(),
            Target::New { .. } => String::new(),
        };
        let editor = Editor::new(&text);
        self.notes.overlay = Some(Overlay::Note(NoteEditor {
            target,
            original: text,
            editor,
            confirming: false,
        }));
    }

    fn open_tags(&mut self) {
        if !self.notes_usable(true) {
            return;
        }
        let Some(paragraph) = self.cursor_paragraph().map(str::to_string) else {
            self.notes.warn("no paragraph under the cursor");
            return;
        };
        let note = self.newest_at_cursor().map(|(id, _)| id);
        let current = note
            .as_deref()
            .and_then(|id| self.notes.session.as_ref()?.store().note(id))
            .map(|n| n.tags.join(", "))
            .unwrap_or_default();
        let mut known: Vec<String> = self
            .notes
            .session
            .as_ref()
            .map(|s| s.tags_in_use().into_keys().collect())
            .unwrap_or_default();
        if let Some(data) = &self.notes.data
            && let Ok((counts, _)) = crate::notes::listing::tag_counts(data)
        {
            known.extend(counts.into_iter().map(|(t, _)| t));
        }
        known.sort();
        known.dedup();
        let text = if current.is_empty() {
            current
        } else {
            format!("{current}, ")
        };
        self.notes.overlay = Some(Overlay::Tags(TagEditor {
            paragraph,
            note,
            editor: Editor::single_line(&text),
            known,
            cycle: None,
        }));
    }

    fn delete_at_cursor(&mut self) {
        if !self.notes_usable(true) {
            return;
        }
        let Some((id, count)) = self.newest_at_cursor() else {
            self.notes.say("no note on this paragraph");
            return;
        };
        if let Some(s) = self.notes.session.as_mut()
            && s.delete(&id).is_ok()
        {
            self.notes.undo.push(id);
            let more = if count > 1 { " (the newest here)" } else { "" };
            self.notes.say(format!("note deleted{more} · u undoes"));
            self.notes_changed();
        }
    }

    fn undo_delete(&mut self) {
        if !self.notes_usable(true) {
            return;
        }
        let Some(id) = self.notes.undo.pop() else {
            self.notes.say("nothing to undo");
            return;
        };
        if let Some(s) = self.notes.session.as_mut() {
            match s.restore(&id) {
                Ok(()) => self.notes.say("note restored"),
                Err(e) => self.notes.warn(e.to_string()),
            }
        }
        self.notes_changed();
    }

    /// After any change: lay the notes out again, keep the place, save.
    pub(super) fn notes_changed(&mut self) {
        let keep = self.top_byte();
        self.notes.forget_lines();
        self.notes.save();
        self.restore_top(keep);
    }

    fn step_cursor(&mut self, down: bool) {
        let count = self.doc.blocks.len();
        let mut i = self.notes.cursor;
        loop {
            let next = if down { i + 1 } else { i.wrapping_sub(1) };
            if next >= count {
                return;
            }
            i = next;
            if self.doc.paragraph(i).is_some() {
                break;
            }
        }
        self.notes.cursor = i;
        self.show_block(i);
    }

    /// Scrolls as little as needed to show block `i` (its start first).
    pub(super) fn show_block(&mut self, i: usize) {
        let rows = self.screen.body_rows().max(1);
        let start = Pos { block: i, line: 0 };
        if start < self.top {
            self.set_top(start);
            return;
        }
        let bottom = self.forward(self.top, rows - 1);
        let lines = self.lines(i).len().max(1);
        let end = Pos {
            block: i,
            line: lines - 1,
        };
        if end > bottom {
            let fits = self.backward(end, rows - 1);
            self.set_top(fits.min(start));
        }
    }

    /// Keeps the cursor on a paragraph on screen after the view moved.
    pub(super) fn follow_cursor(&mut self) {
        if self.doc.blocks.is_empty() {
            return;
        }
        let rows = self.screen.body_rows().max(1);
        let first = self.top.block;
        let last = self.forward(self.top, rows - 1).block;
        let on_paragraph = self.doc.paragraph(self.notes.cursor).is_some();
        if on_paragraph && (first..=last).contains(&self.notes.cursor) {
            return;
        }
        let range: Vec<usize> = if self.notes.cursor > last {
            (first..=last).rev().collect()
        } else {
            (first..=last).collect()
        };
        if let Some(i) = range.into_iter().find(|&i| self.doc.paragraph(i).is_some()) {
            self.notes.cursor = i;
        }
    }

    /// Puts the cursor on the paragraph clicked at screen `row`.
    pub(super) fn click_cursor(&mut self, column: u16, row: u16) {
        if !self.screen.in_body(column, row) {
            return;
        }
        let pos = self.forward(self.top, usize::from(row - self.screen.body.y));
        if self.doc.paragraph(pos.block).is_some() {
            self.notes.cursor = pos.block;
        }
    }

    /// The block showing paragraph `id`.
    pub(super) fn block_of(&self, id: &str) -> Option<usize> {
        self.notes.block_of.get(id).copied()
    }

    /// Retries a failed save (the event loop calls this on a timer).
    pub fn retry_notes_save(&mut self) {
        if self.notes.has_unsaved() {
            let keep = self.top_byte();
            self.notes.save();
            self.restore_top(keep);
        }
    }
}
