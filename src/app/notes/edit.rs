//! Opening the note editor and the tag line on the paragraph at the
//! cursor, deleting its note and undoing the deletion.

use super::overlay::{NoteEditor, Overlay, TagEditor, Target};
use crate::app::App;
use crate::app::editor::Editor;

impl App {
    pub(in crate::app) fn open_editor(&mut self, existing: bool) {
        if !self.notes_usable(true) {
            return;
        }
        let Some(paragraph) = self.cursor_paragraph().map(str::to_string) else {
            self.notes.warn("no paragraph under the cursor");
            return;
        };
        let target = if existing {
            let Some((id, count)) = self.note_at_cursor() else {
                self.notes.say("no note on this paragraph: `a` adds one");
                return;
            };
            if count > 1 && self.notes.selected.as_deref() != Some(id.as_str()) {
                self.notes.say(format!(
                    "editing the newest of {count} notes here (}} / {{ pick another)"
                ));
            }
            Target::Existing { id }
        } else {
            Target::New { paragraph }
        };
        self.open_note_editor(target);
    }

    /// Opens the editor on note `id` (from the notes pane).
    pub(in crate::app) fn open_editor_on(&mut self, id: String) {
        if self.notes_usable(true) {
            self.open_note_editor(Target::Existing { id });
        }
    }

    /// Opens the editor writing to `target`, with the note's text if it exists.
    pub(in crate::app) fn open_note_editor(&mut self, target: Target) {
        let text = match &target {
            Target::Existing { id } => self
                .notes
                .session
                .as_ref()
                .and_then(|s| s.store().note(id))
                .map(|n| n.text.clone())
                .unwrap_or_default(),
            Target::New { .. } | Target::Passage { .. } => String::new(),
        };
        let editor = Editor::new(&text);
        self.notes.overlay = Some(Overlay::Note(NoteEditor {
            target,
            original: text,
            editor,
            confirming: false,
            kept: false,
        }));
    }

    pub(in crate::app) fn open_tags(&mut self) {
        if !self.notes_usable(true) {
            return;
        }
        let Some(paragraph) = self.cursor_paragraph().map(str::to_string) else {
            self.notes.warn("no paragraph under the cursor");
            return;
        };
        let note = self.note_at_cursor().map(|(id, _)| id);
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

    pub(in crate::app) fn delete_at_cursor(&mut self) {
        if !self.notes_usable(true) {
            return;
        }
        let Some((id, _)) = self.note_at_cursor() else {
            self.notes.say("no note on this paragraph");
            return;
        };
        self.delete_note(&id);
    }

    /// Deletes note `id` (undo with `u`).
    pub(in crate::app) fn delete_note(&mut self, id: &str) {
        if !self.notes_usable(true) {
            return;
        }
        if let Some(s) = self.notes.session.as_mut()
            && s.delete(id).is_ok()
        {
            self.notes.undo.push(id.to_string());
            if self.notes.selected.as_deref() == Some(id) {
                self.notes.selected = None;
            }
            self.notes.say("note deleted · u undoes");
            self.notes_changed();
        }
    }

    pub(in crate::app) fn undo_delete(&mut self) {
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
}
