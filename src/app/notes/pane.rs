//! The notes pane: every note of the brief, filtered by tag or text
//! (script-blind), with a jump to a note's paragraph and re-attaching a
//! lost note to the paragraph at the cursor.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::overlay::{Overlay, Pane};
use crate::app::{App, Pos};
use crate::convert::fold_char;
use crate::notes::{AnchorStatus, NoteView};

/// Folds text for the script-blind filter.
pub(in crate::app) fn folded(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Whether a note passes the pane's filter (its text, tags or quote).
pub fn filter_matches(view: &NoteView, filter: &str) -> bool {
    let query = folded(filter.trim());
    if query.is_empty() {
        return true;
    }
    let hay = format!(
        "{}\n{}\n{}",
        view.note.text,
        view.note.tags.join(" "),
        view.note.anchor.quote
    );
    folded(&hay).contains(&query)
        || view
            .note
            .tags
            .iter()
            .any(|t| folded(&format!("#{t}")) == query)
}

/// The keys of the notes pane (`M`), for the help overlay and the man
/// page; fixed, as the pane's filter takes typed text.
pub const PANE_KEYS: [(&str, &str); 7] = [
    ("j k ↓ ↑", "notes pane (M): move through the notes"),
    ("Enter", "notes pane: go to the note's paragraph"),
    ("e", "notes pane: edit the note"),
    ("d", "notes pane: delete (a teammate's note is asked first)"),
    ("r", "notes pane: move an orphan to the cursor's paragraph"),
    ("/", "notes pane: filter by text, tag or quote (Esc clears)"),
    ("Esc q M", "notes pane: close it"),
];

impl App {
    /// The ids of the notes the pane lists with its filter, in order.
    pub fn pane_rows(&self, pane: &Pane) -> Vec<String> {
        self.notes.session().map_or_else(Vec::new, |s| {
            s.views()
                .iter()
                .filter(|v| filter_matches(v, &pane.filter))
                .map(|v| v.note.id.clone())
                .collect()
        })
    }

    pub(in crate::app) fn pane_key(&mut self, mut pane: Pane, key: KeyEvent) -> Option<Overlay> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if pane.typing {
            match key.code {
                KeyCode::Char('c') if ctrl => return None,
                KeyCode::Char(c) if !ctrl => pane.filter.push(c),
                KeyCode::Backspace => {
                    pane.filter.pop();
                }
                KeyCode::Enter | KeyCode::Esc | KeyCode::Down | KeyCode::Up => pane.typing = false,
                _ => {}
            }
            pane.selected = 0;
            return Some(Overlay::Pane(pane));
        }
        if let Some((id, _)) = pane.confirm_delete.take() {
            if key.code == KeyCode::Char('y') && !ctrl {
                self.delete_from_pane(&mut pane, &id);
            } else {
                self.notes.say("note kept");
            }
            return Some(Overlay::Pane(pane));
        }
        let count = self.pane_rows(&pane).len();
        match key.code {
            KeyCode::Esc if !pane.filter.is_empty() => {
                pane.filter.clear();
                pane.selected = 0;
            }
            KeyCode::Esc | KeyCode::Char('M' | 'q') => return None,
            KeyCode::Char('c') if ctrl => return None,
            KeyCode::Char('/') => pane.typing = true,
            KeyCode::Char('j') | KeyCode::Down => {
                pane.selected = (pane.selected + 1).min(count.saturating_sub(1));
            }
            KeyCode::Char('k') | KeyCode::Up => pane.selected = pane.selected.saturating_sub(1),
            KeyCode::Enter => {
                self.pane_jump(&pane);
                return None;
            }
            KeyCode::Char('r') => self.pane_reattach(&pane),
            KeyCode::Char('e') => {
                // The editor takes the pane's place; Esc there returns to the reader.
                if let Some(id) = self.selected_view_id(&pane) {
                    self.open_editor_on(id);
                    return self.notes.overlay.take();
                }
            }
            KeyCode::Char('d') => {
                if let Some(id) = self.selected_view_id(&pane) {
                    // A teammate's note is theirs: deleting it is asked
                    // first, as undo only helps whoever notices at once.
                    match self.author_if_other(&id) {
                        Some(author) => {
                            self.notes.say(format!(
                                "delete {author}'s note? y deletes it, any other key keeps it"
                            ));
                            pane.confirm_delete = Some((id, author));
                        }
                        None => self.delete_from_pane(&mut pane, &id),
                    }
                }
            }
            _ => {}
        }
        Some(Overlay::Pane(pane))
    }

    /// Deletes note `id` and keeps the pane's selection on a row.
    fn delete_from_pane(&mut self, pane: &mut Pane, id: &str) {
        self.delete_note(id);
        let count = self.pane_rows(pane).len();
        pane.selected = pane.selected.min(count.saturating_sub(1));
    }

    /// The author of note `id` when someone other than this writer made it.
    fn author_if_other(&self, id: &str) -> Option<String> {
        let session = self.notes.session()?;
        let note = session.store().note(id)?;
        session.from_other(note).map(str::to_string)
    }

    fn selected_view_id(&self, pane: &Pane) -> Option<String> {
        self.pane_rows(pane).into_iter().nth(pane.selected)
    }

    fn pane_jump(&mut self, pane: &Pane) {
        let Some(id) = self.selected_view_id(pane) else {
            return;
        };
        let target = self
            .notes
            .session()
            .and_then(|s| s.resolution(&id))
            .and_then(|r| r.paragraph.clone());
        match target.and_then(|p| self.block_of(&p)) {
            Some(block) => {
                self.notes.cursor = block;
                self.set_top(Pos { block, line: 0 });
            }
            None => self
                .notes
                .say("this note lost its paragraph: put the cursor on one and press r in the pane"),
        }
    }

    fn pane_reattach(&mut self, pane: &Pane) {
        if !self.notes_usable(true) {
            return;
        }
        let Some(id) = self.selected_view_id(pane) else {
            return;
        };
        let Some(paragraph) = self.cursor_paragraph().map(str::to_string) else {
            return;
        };
        let status = self
            .notes
            .session()
            .and_then(|s| s.resolution(&id))
            .map(|r| r.status);
        if status == Some(AnchorStatus::Anchored) {
            self.notes
                .say("this note has its paragraph; r re-attaches orphans and notes to review");
            return;
        }
        if let Some(s) = self.notes.session.as_mut() {
            match s.reattach(&id, &paragraph) {
                Ok(()) => self
                    .notes
                    .say("note re-attached to the paragraph at the cursor"),
                Err(e) => self.notes.warn(e.to_string()),
            }
        }
        self.notes_changed();
    }
}
