//! The library screen's state: the briefs of a folder, sorted by a key the
//! user cycles with `s`, filtered as the user types after `/` (title,
//! authors, tags and file name, ignoring the script and letter case), and a
//! selection that Enter opens. No drawing here.

use std::cmp::Reverse;
use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::resume::Message;
use crate::brief::date::date_key;
use crate::convert::fold_str;
use crate::library::{LibraryEntry, Peek, Update};

/// What the list is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    /// Title, A to Z.
    #[default]
    Title,
    /// Publication date, newest first.
    Date,
    /// Last reading, most recent first.
    LastRead,
    /// Number of notes, most first.
    Notes,
}

impl SortKey {
    /// The next key in the cycle.
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Title => SortKey::Date,
            SortKey::Date => SortKey::LastRead,
            SortKey::LastRead => SortKey::Notes,
            SortKey::Notes => SortKey::Title,
        }
    }

    /// The key's name, as the status line shows it.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Title => "title",
            SortKey::Date => "date",
            SortKey::LastRead => "last read",
            SortKey::Notes => "notes",
        }
    }
}

/// Everything a user can ask of the library screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryAction {
    /// Select the next brief.
    Down,
    /// Select the previous brief.
    Up,
    /// Move the selection a screen down.
    PageDown,
    /// Move the selection a screen up.
    PageUp,
    /// Select the first brief.
    Top,
    /// Select the last brief.
    Bottom,
    /// Open the selected brief.
    Open,
    /// Sort by the next key.
    CycleSort,
    /// Start typing a filter.
    StartFilter,
    /// Add a character to the filter.
    FilterInput(char),
    /// Remove the filter's last character.
    FilterBackspace,
    /// Stop typing and keep the filter.
    FilterConfirm,
    /// Clear the filter.
    Cancel,
    /// Leave gloss.
    Quit,
}

/// The library screen.
#[derive(Debug, Clone)]
pub struct LibraryView {
    /// The folder, as shown in the header.
    pub folder: String,
    /// Every brief found.
    pub entries: Vec<LibraryEntry>,
    /// Indexes into `entries` of the briefs shown, in order.
    pub shown: Vec<usize>,
    /// The sort key.
    pub sort: SortKey,
    /// The filter as typed.
    pub filter: String,
    /// Whether keys go into the filter.
    pub typing: bool,
    /// The selected row of `shown`.
    pub selected: usize,
    /// The first row on screen.
    pub offset: usize,
    /// Rows of briefs the screen has room for (set when drawn).
    pub rows: usize,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// A message for the status line (settings warnings, a brief that
    /// would not open).
    pub message: Option<Message>,
    /// Folded title, authors and tags of each entry, for the filter.
    haystacks: Vec<String>,
}

impl LibraryView {
    /// A library of `entries` found in `folder`, sorted by title.
    pub fn new(folder: String, entries: Vec<LibraryEntry>) -> LibraryView {
        let haystacks = entries.iter().map(haystack).collect();
        let mut view = LibraryView {
            folder,
            entries,
            shown: Vec::new(),
            sort: SortKey::Title,
            filter: String::new(),
            typing: false,
            selected: 0,
            offset: 0,
            rows: 0,
            quit: false,
            message: None,
            haystacks,
        };
        view.refresh();
        view
    }

    /// Shows `text` in the status line for a few seconds.
    pub fn show(&mut self, text: impl Into<String>, warning: bool) {
        self.message = Some(Message::new(text, warning));
    }

    /// The selected brief.
    pub fn selected_entry(&self) -> Option<&LibraryEntry> {
        self.entries.get(*self.shown.get(self.selected)?)
    }

    /// Replaces what is known of the brief at `entry.path` (after reading it).
    pub fn update_entry(&mut self, entry: LibraryEntry) {
        if let Some(i) = self.entries.iter().position(|e| e.path == entry.path) {
            self.haystacks[i] = haystack(&entry);
            self.entries[i] = entry;
            let keep = self.shown.get(self.selected).copied();
            self.refresh();
            if let Some(pos) = keep.and_then(|k| self.shown.iter().position(|&s| s == k)) {
                self.selected = pos;
            }
        }
    }

    /// Fills in rows read in the background, keeping the selection on the
    /// same brief. A row already read again (after the reader) keeps that.
    pub fn apply_updates(&mut self, updates: Vec<Update>) {
        if updates.is_empty() {
            return;
        }
        for update in updates {
            let i = update.index();
            let Some(entry) = self.entries.get_mut(i) else {
                continue;
            };
            if entry.peek == Peek::Done {
                continue;
            }
            match update {
                Update::Read(_, read) => *entry = *read,
                Update::Slow(_) => entry.peek = Peek::Slow,
                Update::Failed(_) => {
                    entry.meta = Err("cannot read: the reader failed on it".to_string());
                    entry.peek = Peek::Done;
                }
            }
            self.haystacks[i] = haystack(entry);
        }
        let keep = self.shown.get(self.selected).copied();
        let offset = self.offset;
        self.refresh();
        if let Some(pos) = keep.and_then(|k| self.shown.iter().position(|&s| s == k)) {
            self.selected = pos;
            self.offset = offset;
            self.fit(self.rows);
        }
    }

    /// True while some rows are still being read.
    pub fn reading(&self) -> bool {
        self.entries.iter().any(|e| e.peek == Peek::Reading)
    }

    /// The action a key press asks for.
    pub fn key_action(&self, event: &KeyEvent) -> Option<LibraryAction> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && event.code == KeyCode::Char('c') {
            return Some(LibraryAction::Quit);
        }
        if self.typing {
            return match event.code {
                KeyCode::Char(c) if !ctrl => Some(LibraryAction::FilterInput(c)),
                KeyCode::Backspace => Some(LibraryAction::FilterBackspace),
                KeyCode::Enter => Some(LibraryAction::FilterConfirm),
                KeyCode::Esc => Some(LibraryAction::Cancel),
                KeyCode::Down => Some(LibraryAction::Down),
                KeyCode::Up => Some(LibraryAction::Up),
                _ => None,
            };
        }
        Some(match event.code {
            KeyCode::Char('j') | KeyCode::Down => LibraryAction::Down,
            KeyCode::Char('k') | KeyCode::Up => LibraryAction::Up,
            KeyCode::Char(' ') | KeyCode::PageDown => LibraryAction::PageDown,
            KeyCode::Char('b') | KeyCode::PageUp => LibraryAction::PageUp,
            KeyCode::Char('g') | KeyCode::Home => LibraryAction::Top,
            KeyCode::Char('G') | KeyCode::End => LibraryAction::Bottom,
            KeyCode::Enter => LibraryAction::Open,
            KeyCode::Char('s') => LibraryAction::CycleSort,
            KeyCode::Char('/') => LibraryAction::StartFilter,
            KeyCode::Esc => LibraryAction::Cancel,
            KeyCode::Char('q') => LibraryAction::Quit,
            _ => return None,
        })
    }

    /// Applies one action; returns the brief to open, if any.
    pub fn apply(&mut self, action: LibraryAction) -> Option<PathBuf> {
        let page = self.rows.saturating_sub(1).max(1) as i64;
        match action {
            LibraryAction::Down => self.move_by(1),
            LibraryAction::Up => self.move_by(-1),
            LibraryAction::PageDown => self.move_by(page),
            LibraryAction::PageUp => self.move_by(-page),
            LibraryAction::Top => self.move_by(i64::MIN / 2),
            LibraryAction::Bottom => self.move_by(i64::MAX / 2),
            LibraryAction::Open => {
                return self
                    .selected_entry()
                    .filter(|e| e.meta.is_ok())
                    .map(|e| e.path.clone());
            }
            LibraryAction::CycleSort => {
                self.sort = self.sort.next();
                self.refresh();
            }
            LibraryAction::StartFilter => self.typing = true,
            LibraryAction::FilterInput(c) => {
                self.filter.push(c);
                self.refresh();
            }
            LibraryAction::FilterBackspace => {
                self.filter.pop();
                self.refresh();
            }
            LibraryAction::FilterConfirm => self.typing = false,
            LibraryAction::Cancel => {
                self.typing = false;
                self.filter.clear();
                self.refresh();
            }
            LibraryAction::Quit => self.quit = true,
        }
        None
    }

    /// Keeps the selection on screen with `rows` rows for briefs.
    pub fn fit(&mut self, rows: usize) {
        self.rows = rows;
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if rows > 0 && self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        let max_offset = self.shown.len().saturating_sub(rows.max(1));
        self.offset = self.offset.min(max_offset);
    }

    fn move_by(&mut self, delta: i64) {
        let last = self.shown.len().saturating_sub(1) as i64;
        self.selected = (self.selected as i64)
            .saturating_add(delta)
            .clamp(0, last.max(0)) as usize;
        self.fit(self.rows);
    }

    /// Filters and sorts again, selecting the first brief.
    fn refresh(&mut self) {
        let query = fold_str(self.filter.trim());
        let mut shown: Vec<usize> = (0..self.entries.len())
            .filter(|&i| query.is_empty() || self.haystacks[i].contains(&query))
            .collect();
        let entries = &self.entries;
        let by_name = |i: &usize| entries[*i].name.clone();
        match self.sort {
            SortKey::Title => {
                shown.sort_by_cached_key(|i| (fold_str(entries[*i].title()), by_name(i)))
            }
            // By the calendar, newest first; briefs without a date last.
            SortKey::Date => shown.sort_by_cached_key(|i| {
                let date = entries[*i]
                    .meta
                    .as_ref()
                    .ok()
                    .and_then(|m| m.date.as_deref())
                    .and_then(date_key);
                (date.is_none(), Reverse(date), by_name(i))
            }),
            SortKey::LastRead => shown.sort_by_cached_key(|i| {
                let last = entries[*i].last_read;
                (last.is_none(), Reverse(last), by_name(i))
            }),
            SortKey::Notes => {
                shown.sort_by_cached_key(|i| (Reverse(entries[*i].notes), by_name(i)))
            }
        }
        self.shown = shown;
        self.selected = 0;
        self.offset = 0;
    }
}

/// What the filter looks in: title, authors, tags and the file's name,
/// folded.
fn haystack(entry: &LibraryEntry) -> String {
    let mut text = entry.title().to_string();
    text.push('\u{0}');
    text.push_str(&entry.name);
    if let Ok(meta) = &entry.meta {
        for author in &meta.authors {
            text.push('\u{0}');
            text.push_str(author);
        }
    }
    for tag in &entry.tags {
        text.push('\u{0}');
        text.push_str(tag);
    }
    fold_str(&text)
}
