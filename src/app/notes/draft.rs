//! A note being written when a signal ends the reader (a closed window, a
//! dropped ssh, a logout): kept with the place in the brief's state, and
//! opened again in the editor once the notes are open the next time.

use super::overlay::{Overlay, Target};
use crate::app::App;
use crate::app::editor::Editor;
use crate::library::Draft;

/// What the status bar says when a draft comes back.
pub const DRAFT_BACK: &str = "your note is back as it was when gloss was closed";

impl App {
    /// The note being written, to keep with the place: the open editor's
    /// text when it was changed, else a draft not yet offered back (the
    /// notes never opened this time).
    pub(in crate::app) fn draft_to_keep(&self) -> Option<Draft> {
        if let Some(Overlay::Note(ed)) = &self.notes.overlay {
            let text = ed.editor.text();
            if text != ed.original && !text.trim().is_empty() {
                let mut draft = Draft {
                    text,
                    ..Draft::default()
                };
                match &ed.target {
                    Target::New { paragraph } => draft.paragraph = Some(paragraph.clone()),
                    Target::Passage { paragraph, passage } => {
                        draft.paragraph = Some(paragraph.clone());
                        draft.passage = Some(passage.clone());
                    }
                    Target::Existing { id } => draft.note = Some(id.clone()),
                }
                return Some(draft);
            }
        }
        self.notes.pending_draft.clone()
    }

    /// Opens the editor on the draft kept when a signal ended the last
    /// reading, aimed where it was: the note it edited, else the paragraph
    /// (and passage) it was for, else, when the brief changed and those
    /// are gone, the paragraph at the cursor.
    pub(in crate::app) fn offer_draft(&mut self) {
        let Some(draft) = self.notes.pending_draft.take() else {
            return;
        };
        let Some(session) = self.notes.session.as_ref() else {
            self.notes.pending_draft = Some(draft);
            return;
        };
        let note = draft
            .note
            .clone()
            .filter(|id| session.store().note(id).is_some());
        let paragraph = draft
            .paragraph
            .clone()
            .filter(|p| self.block_of(p).is_some());
        let target = match (note, paragraph, draft.passage.clone()) {
            (Some(id), _, _) => Target::Existing { id },
            (None, Some(paragraph), Some(passage)) => Target::Passage { paragraph, passage },
            (None, Some(paragraph), None) => Target::New { paragraph },
            (None, None, _) => match self.cursor_paragraph() {
                Some(p) => Target::New {
                    paragraph: p.to_string(),
                },
                None => {
                    self.notes.pending_draft = Some(draft);
                    return;
                }
            },
        };
        self.open_note_editor(target);
        if let Some(Overlay::Note(ed)) = &mut self.notes.overlay {
            ed.editor = Editor::new(&draft.text);
            ed.kept = true;
        }
        self.notes.say(DRAFT_BACK);
    }
}
