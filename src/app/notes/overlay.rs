//! The note editor, the tag line and the notes pane: what each holds and
//! what keys do in it. Keys reach an open overlay as [`Action::NotesKey`].

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::pane::folded;
use crate::app::editor::Editor;
use crate::app::{Action, App};
use crate::notes::model::parse_tag_list;

/// Which note an editor writes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A new note on this paragraph.
    New {
        /// The paragraph's id.
        paragraph: String,
    },
    /// This existing note.
    Existing {
        /// The note's id.
        id: String,
    },
    /// A new note on a passage of this paragraph.
    Passage {
        /// The paragraph's id.
        paragraph: String,
        /// The passage selected in it.
        passage: crate::notes::passage::Passage,
    },
}

/// The multi-line note editor.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    /// Where the text goes.
    pub target: Target,
    /// The text when the editor opened, to tell whether anything changed.
    pub original: String,
    /// The text being typed.
    pub editor: Editor,
    /// Esc was pressed: asking "save? y/n/Esc".
    pub confirming: bool,
    /// The text is a draft kept when a signal ended the last reading.
    pub kept: bool,
}

/// The one-line tag editor with completion.
#[derive(Debug, Clone)]
pub struct TagEditor {
    /// The paragraph at the cursor.
    pub paragraph: String,
    /// The note whose tags are edited; `None` makes a tag-only note.
    pub note: Option<String>,
    /// The tags being typed.
    pub editor: Editor,
    /// Tags used in any brief, sorted, for Tab.
    pub known: Vec<String>,
    /// Tab cycling: the typed prefix and the candidate shown last.
    pub cycle: Option<(String, usize)>,
}

/// The notes pane of the brief.
#[derive(Debug, Clone, Default)]
pub struct Pane {
    /// Filter by tag or text (script-blind).
    pub filter: String,
    /// Typing goes into the filter.
    pub typing: bool,
    /// The selected row among the filtered notes.
    pub selected: usize,
    /// A teammate's note `d` asked to delete, with its author: the next
    /// key says whether to.
    pub confirm_delete: Option<(String, String)>,
}

/// What covers the body while notes are edited or listed.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// Writing a note.
    Note(NoteEditor),
    /// Editing the tags of the paragraph's note.
    Tags(TagEditor),
    /// Every note of the brief.
    Pane(Pane),
    /// The links of the cursor's paragraph, to pick one to follow (`f`).
    Links(crate::app::links::LinkList),
}

/// The keys of the note editor and the tag line, for the help overlay and
/// the man page.
pub const EDITOR_KEYS: [(&str, &str); 6] = [
    (
        "Ctrl-S",
        "note editor: save (on the tag line: save the tags)",
    ),
    ("Esc", "note editor: close (asks first if the text changed)"),
    ("Ctrl-C", "note editor: ask to save (y saves, n discards)"),
    (
        "Enter",
        "note editor: new line (on the tag line: save the tags)",
    ),
    ("← → ↑ ↓", "note editor: move the cursor (Home and End too)"),
    ("Tab", "tag line: complete the tag"),
];

impl App {
    /// The action for a key while an overlay is open: the key itself.
    pub(in crate::app) fn overlay_key_action(event: &KeyEvent) -> Option<Action> {
        (event.kind != crossterm::event::KeyEventKind::Release).then_some(Action::NotesKey(*event))
    }

    /// Handles an action while an overlay is open; false lets the reader
    /// handle it (resizing, quitting).
    pub(in crate::app) fn overlay_apply(&mut self, action: Action) -> bool {
        let Some(overlay) = self.notes.overlay.take() else {
            return false;
        };
        let Action::NotesKey(key) = action else {
            self.notes.overlay = Some(overlay);
            return !matches!(action, Action::Resize { .. });
        };
        self.notes.overlay = match overlay {
            Overlay::Note(ed) => self.note_key(ed, key),
            Overlay::Tags(ed) => self.tags_key(ed, key),
            Overlay::Pane(pane) => self.pane_key(pane, key),
            Overlay::Links(list) => self.link_list_key(list, key),
        };
        true
    }

    /// Pasted text goes into an open editor.
    pub fn paste(&mut self, text: &str) {
        match &mut self.notes.overlay {
            Some(Overlay::Note(ed)) if !ed.confirming => ed.editor.insert_str(text),
            Some(Overlay::Tags(ed)) => ed.editor.insert_str(text),
            _ => {}
        }
    }

    fn note_key(&mut self, mut ed: NoteEditor, key: KeyEvent) -> Option<Overlay> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ed.confirming {
            return match key.code {
                KeyCode::Char('y' | 'Y') => self.save_note(ed),
                KeyCode::Char('n' | 'N') => {
                    self.notes.say("note discarded");
                    None
                }
                KeyCode::Esc => {
                    ed.confirming = false;
                    Some(Overlay::Note(ed))
                }
                _ => Some(Overlay::Note(ed)),
            };
        }
        let e = &mut ed.editor;
        match key.code {
            KeyCode::Char('s') if ctrl => return self.save_note(ed),
            KeyCode::Char('c') if ctrl => ed.confirming = true,
            KeyCode::Esc => {
                if ed.editor.text() == ed.original {
                    return None;
                }
                ed.confirming = true;
            }
            KeyCode::Char(c) if !ctrl => e.insert_char(c),
            KeyCode::Enter => e.newline(),
            KeyCode::Backspace => e.backspace(),
            KeyCode::Delete => e.delete(),
            KeyCode::Left => e.left(),
            KeyCode::Right => e.right(),
            KeyCode::Up => e.up(),
            KeyCode::Down => e.down(),
            KeyCode::Home => e.home(),
            KeyCode::End => e.end(),
            KeyCode::Tab => e.insert_char(' '),
            _ => {}
        }
        Some(Overlay::Note(ed))
    }

    fn save_note(&mut self, ed: NoteEditor) -> Option<Overlay> {
        let text = ed.editor.text().trim_end().to_string();
        let session = self.notes.session.as_mut()?;
        let done = match &ed.target {
            Target::New { .. } if text.trim().is_empty() => {
                self.notes.say("empty note not added");
                return None;
            }
            Target::New { paragraph } => session.add(paragraph, &text, Vec::new()).map(|_| ()),
            Target::Passage { .. } if text.trim().is_empty() => {
                self.notes.say("empty note not added");
                return None;
            }
            Target::Passage { paragraph, passage } => session
                .add_passage(paragraph, passage.clone(), &text, Vec::new())
                .map(|_| ()),
            Target::Existing { id } => session.edit_text(id, &text),
        };
        match done {
            Ok(()) => {
                self.notes.say("note saved");
                self.notes_changed();
                None
            }
            Err(e) => {
                self.notes.warn(e.to_string());
                Some(Overlay::Note(ed))
            }
        }
    }

    fn tags_key(&mut self, mut ed: TagEditor, key: KeyEvent) -> Option<Overlay> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if key.code != KeyCode::Tab {
            ed.cycle = None;
        }
        let e = &mut ed.editor;
        match key.code {
            KeyCode::Esc => return None,
            KeyCode::Char('c') if ctrl => return None,
            KeyCode::Enter => return self.save_tags(ed),
            KeyCode::Char('s') if ctrl => return self.save_tags(ed),
            KeyCode::Tab => complete_tag(&mut ed),
            KeyCode::Char(c) if !ctrl => e.insert_char(c),
            KeyCode::Backspace => e.backspace(),
            KeyCode::Delete => e.delete(),
            KeyCode::Left => e.left(),
            KeyCode::Right => e.right(),
            KeyCode::Home => e.home(),
            KeyCode::End => e.end(),
            _ => {}
        }
        Some(Overlay::Tags(ed))
    }

    fn save_tags(&mut self, ed: TagEditor) -> Option<Overlay> {
        let tags = parse_tag_list(&ed.editor.text());
        let session = self.notes.session.as_mut()?;
        let done = match &ed.note {
            Some(id) => {
                let empty_text = session
                    .store()
                    .note(id)
                    .is_some_and(|n| n.text.trim().is_empty());
                if tags.is_empty() && empty_text {
                    // A note with neither text nor tags says nothing.
                    let r = session.delete(id);
                    if r.is_ok() {
                        self.notes.undo.push(id.clone());
                    }
                    r
                } else {
                    session.set_tags(id, tags)
                }
            }
            None if tags.is_empty() => return None,
            None => session.add(&ed.paragraph, "", tags).map(|_| ()),
        };
        match done {
            Ok(()) => {
                self.notes.say("tags saved");
                self.notes_changed();
                None
            }
            Err(e) => {
                self.notes.warn(e.to_string());
                Some(Overlay::Tags(ed))
            }
        }
    }
}

/// Tab in the tag line: completes the word being typed with the first
/// known tag that starts with it; Tab again shows the next one.
fn complete_tag(ed: &mut TagEditor) {
    let (prefix, next) = match &ed.cycle {
        Some((prefix, shown)) => (prefix.clone(), shown + 1),
        None => (ed.editor.current_word().to_string(), 0),
    };
    let key = folded(prefix.trim_start_matches('#'));
    let candidates: Vec<&String> = ed
        .known
        .iter()
        .filter(|t| folded(t).starts_with(&key))
        .collect();
    if candidates.is_empty() {
        return;
    }
    let pick = next % candidates.len();
    ed.editor.complete_word(candidates[pick]);
    ed.cycle = Some((prefix, pick));
}
