//! Picking up where the reader left off: the place to reopen at, marks
//! (`m` + letter sets one, `'` + letter jumps to it), cycling themes with
//! `T`, and short messages in the status bar (settings warnings, what a key
//! did). The state is kept by `library::state`; this is the reader's side.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::doc::Source;
use super::{Action, App, LineKind, Pos};
use crate::brief::source_lines::BlockRef;
use crate::convert::ViewScript;
use crate::library::{BriefState, Mark};
use crate::theme::ThemeCatalog;

/// How long a message stays in the status bar.
pub const MESSAGE_TIME: Duration = Duration::from_secs(5);

/// Which mark key is waiting for its letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PendingMark {
    /// `m` was pressed: the letter sets a mark.
    Set,
    /// `'` was pressed: the letter jumps to a mark.
    Jump,
}

/// A line for the status bar, shown until a deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// Drawn in the warning style.
    pub warning: bool,
    /// When it goes away.
    pub until: Instant,
}

impl Message {
    /// `text`, shown from now for [`MESSAGE_TIME`].
    pub fn new(text: impl Into<String>, warning: bool) -> Message {
        Message {
            text: text.into(),
            warning,
            until: Instant::now() + MESSAGE_TIME,
        }
    }

    /// Whether it is still to be shown.
    pub fn is_due(&self) -> bool {
        Instant::now() < self.until
    }
}

/// Marks, the theme in use and the status message of one open brief.
#[derive(Debug, Clone, Default)]
pub struct Resume {
    /// Marks by letter.
    pub marks: BTreeMap<char, Mark>,
    /// A mark key waiting for its letter.
    pub pending: Option<PendingMark>,
    /// The themes `T` cycles through; `None` until the settings are applied.
    pub catalog: Option<ThemeCatalog>,
    /// Whether colors are off (`NO_COLOR`), for themes picked with `T`.
    pub no_color: bool,
    /// The name of the theme in use.
    pub theme_name: String,
    /// Set once `T` picked a theme, so it is remembered.
    pub theme_picked: bool,
    /// A message for the status bar.
    pub message: Option<Message>,
    /// Where in its block the top line should be once there is a layout.
    pub pending_offset: Option<usize>,
    /// Set when the user asked to leave gloss altogether (Ctrl-C), not just
    /// the brief.
    pub quit_all: bool,
}

impl Resume {
    /// The message to show now, if one is still due.
    pub fn current_message(&self) -> Option<&Message> {
        self.message.as_ref().filter(|m| m.is_due())
    }

    /// How long until the message should disappear (to redraw then).
    pub fn message_time_left(&self) -> Option<Duration> {
        self.current_message()
            .map(|m| m.until.saturating_duration_since(Instant::now()))
    }

    /// Shows `text` in the status bar for a few seconds.
    pub fn show(&mut self, text: impl Into<String>, warning: bool) {
        self.message = Some(Message::new(text, warning));
    }

    /// The action of a key press while a mark key waits for its letter:
    /// every key completes it (a non-letter cancels it).
    pub fn pending_key_action(&self, event: &KeyEvent) -> Option<Action> {
        self.pending?;
        if event.kind == KeyEventKind::Release {
            return None;
        }
        match event.code {
            KeyCode::Char(c) if !event.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Action::MarkLetter(c))
            }
            KeyCode::Char(_) => Some(Action::Quit),
            _ => Some(Action::MarkLetter('\u{1b}')),
        }
    }
}

impl App {
    /// What names block `i` across re-wrapping and small edits: its
    /// paragraph id, or `§` and the section id for a heading.
    pub fn block_key(&self, i: usize) -> Option<String> {
        match self.doc.blocks.get(i)?.source {
            Source::Heading(s) => Some(format!("§{}", self.doc.brief.sections.get(s as usize)?.id)),
            _ => self.doc.paragraph(i).map(|p| p.id.clone()),
        }
    }

    /// The block a mark names: by key, else by its index if still there.
    pub fn block_of_mark(&self, mark: &Mark) -> Option<usize> {
        (0..self.doc.blocks.len())
            .find(|&i| self.block_key(i).as_deref() == Some(mark.key.as_str()))
            .or_else(|| (mark.block < self.doc.blocks.len()).then_some(mark.block))
    }

    /// The line at the top of the screen, as a mark. A blank line or a
    /// link address has no text of its own to find again, so it is marked
    /// as the start of the next block (at the end, the end clamp keeps the
    /// view where it was).
    pub fn top_mark(&mut self) -> Mark {
        let Pos { block, line } = self.top;
        let on_text = self.lines(block).get(line).is_none_or(|l| {
            matches!(
                l.kind,
                LineKind::Text { .. } | LineKind::TableRow { .. } | LineKind::Contents { .. }
            )
        });
        if !on_text && block + 1 < self.doc.blocks.len() {
            return Mark {
                key: self.block_key(block + 1).unwrap_or_default(),
                block: block + 1,
                offset: 0,
            };
        }
        Mark {
            key: self.block_key(block).unwrap_or_default(),
            block,
            offset: self.top_byte(),
        }
    }

    /// Puts the line of block `block` holding byte `offset` at the top.
    /// Before the first frame there is no layout yet, so the first resize
    /// finds the line.
    pub fn go_to(&mut self, block: usize, offset: usize) {
        self.top = Pos { block, line: 0 };
        if self.screen.area.is_empty() {
            self.resume.pending_offset = Some(offset);
        } else {
            self.restore_top(offset);
        }
    }

    /// Opens at `block` of the brief (from `gloss FILE --at`), with the
    /// paragraph cursor on it, over the remembered place.
    pub fn open_at(&mut self, block: BlockRef) {
        let source = Source::at(block);
        let Some(i) = self.doc.blocks.iter().position(|b| b.source == source) else {
            return;
        };
        self.go_to(i, 0);
        // A place near the end is shown as far down as the end allows, and
        // the end counts as the last section; the section asked for is
        // the one the reader is in.
        self.jumped_entry = Some(self.doc.entry_of(i));
        self.sync_list();
        let paragraph = (i..self.doc.blocks.len()).find(|&k| self.doc.paragraph(k).is_some());
        if let Some(k) = paragraph {
            self.notes.cursor = k;
        }
    }

    /// Reopens at the remembered place, with the remembered marks.
    pub fn restore_state(&mut self, state: &BriefState) {
        self.resume.marks = state.marks.clone();
        // Offered back in the editor once the notes are open.
        self.notes.pending_draft = state.draft.clone();
        // The script goes first: the place is kept across a script change.
        if let Some(script) = state.script.as_deref().and_then(ViewScript::from_name) {
            self.set_view_script(script);
        }
        if let Some(place) = &state.place
            && let Some(block) = self.block_of_mark(place)
        {
            // The offset only means something in the same paragraph.
            let same = self.block_key(block).as_deref() == Some(place.key.as_str());
            self.go_to(block, if same { place.offset } else { 0 });
        }
    }

    /// Writes the place, marks, the theme picked with `T` and the note
    /// being written (when a signal ends the reader) into `state`.
    pub fn save_state(&mut self, state: &mut BriefState) {
        state.place = Some(self.top_mark());
        state.draft = self.draft_to_keep();
        state.marks = self.resume.marks.clone();
        state.script = Some(self.view.script().name().to_string());
        if self.resume.theme_picked {
            state.theme = Some(self.resume.theme_name.clone());
        }
    }

    /// Handles the marks and theme actions.
    pub(super) fn apply_resume(&mut self, action: Action) {
        match action {
            Action::SetMark => {
                self.resume.pending = Some(PendingMark::Set);
                self.resume.show("mark: type a letter to set", false);
            }
            Action::JumpToMark => {
                self.resume.pending = Some(PendingMark::Jump);
                self.resume.show("jump: type a mark's letter", false);
            }
            Action::MarkLetter(c) => self.mark_letter(c),
            Action::CycleTheme => self.cycle_theme(),
            _ => {}
        }
    }

    fn mark_letter(&mut self, c: char) {
        let Some(pending) = self.resume.pending.take() else {
            return;
        };
        self.resume.message = None;
        if !c.is_ascii_alphabetic() {
            if c != '\u{1b}' {
                self.resume.show("marks are letters a–z, A–Z", true);
            }
            return;
        }
        match pending {
            PendingMark::Set => {
                let mark = self.top_mark();
                self.resume.marks.insert(c, mark);
                self.resume.show(format!("mark {c} set"), false);
            }
            PendingMark::Jump => match self.resume.marks.get(&c).cloned() {
                Some(mark) => match self.block_of_mark(&mark) {
                    Some(block) => {
                        let same = self.block_key(block) == Some(mark.key.clone());
                        self.go_to(block, if same { mark.offset } else { 0 });
                    }
                    None => self.resume.show(format!("mark {c} is gone"), true),
                },
                None => self.resume.show(format!("no mark {c}"), true),
            },
        }
    }

    fn cycle_theme(&mut self) {
        let Some(catalog) = &self.resume.catalog else {
            return;
        };
        let next = catalog.next_after(&self.resume.theme_name);
        let (theme, warnings) = crate::theme::select(catalog, &next, self.resume.no_color);
        self.theme = theme;
        self.resume.theme_name = next;
        self.resume.theme_picked = true;
        match warnings.first() {
            Some(w) => self.resume.show(w.clone(), true),
            None => {
                let text = format!("theme: {}", self.resume.theme_name);
                self.resume.show(text, false);
            }
        }
    }
}
