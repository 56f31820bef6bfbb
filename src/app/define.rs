//! The dictionary pop-up (`D`): the word at the selection's start, at the
//! search match or at the start of the cursor's paragraph, and `]`/`[`
//! through the paragraph's words.

use super::{App, Mode};
use crate::keys::Action;

/// The keys of the open pop-up, for the help overlay.
pub const DEFINE_KEYS: [(&str, &str); 1] = [(
    "] [  Esc",
    "in the dictionary pop-up (D): next / previous word, close",
)];

/// An open pop-up: the paragraph's text and the word looked up in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DefinePopup {
    /// The paragraph's text, as shown.
    pub text: String,
    /// Byte offset of the word looked up.
    pub at: usize,
}

impl DefinePopup {
    /// A pop-up on the word at char `start` of `text`.
    pub fn new(text: String, start: usize) -> Self {
        let at = text.char_indices().nth(start).map_or(0, |(i, _)| i);
        let mut popup = DefinePopup { text, at };
        popup.skip_space();
        popup
    }

    /// The lines to show: the lookup of the word at [`DefinePopup::at`].
    pub fn lines(&self) -> Vec<String> {
        match crate::dict::define(&self.text[self.at..]) {
            Some(def) => crate::dict::definition_lines(&def),
            None => vec!["nothing to look up here".to_string()],
        }
    }

    /// The word looked up (empty at the paragraph's end).
    pub fn word(&self) -> &str {
        let rest = &self.text[self.at..];
        match crate::dict::get().longest_at(rest) {
            Some((word, _)) => word,
            // A figure or a Latin word with no entry ("2025", "DEPA") is
            // one step, not a character at a time.
            None if rest.starts_with(|c: char| c.is_ascii_alphanumeric()) => {
                let end = rest
                    .find(|c: char| !c.is_ascii_alphanumeric())
                    .unwrap_or(rest.len());
                &rest[..end]
            }
            None => rest.chars().next().map_or("", |c| &rest[..c.len_utf8()]),
        }
    }

    /// Moves to the next word; false at the paragraph's end.
    pub fn next_word(&mut self) -> bool {
        let len = self.word().len();
        let at = self.at + len;
        if len == 0 || self.text[at..].trim().is_empty() {
            return false;
        }
        self.at = at;
        self.skip_space();
        true
    }

    /// Moves to the previous word, as the paragraph splits from its start
    /// (the boundaries [`next_word`](Self::next_word) walks); false at the first.
    pub fn prev_word(&mut self) -> bool {
        let mut start = 0;
        let mut before = None;
        for word in crate::dict::get().words(&self.text) {
            if start >= self.at {
                break;
            }
            if !word.trim().is_empty() {
                before = Some(start);
            }
            start += word.len();
        }
        match before {
            Some(at) => {
                self.at = at;
                true
            }
            None => false,
        }
    }

    fn skip_space(&mut self) {
        let rest = &self.text[self.at..];
        self.at += rest.len() - rest.trim_start().len();
    }
}

impl App {
    /// Opens the pop-up on the selection's start, the search match, or
    /// the cursor paragraph's first word.
    pub(super) fn open_define(&mut self) {
        let on_match = self
            .search
            .current
            .and_then(|i| self.search.matches.get(i))
            .map(|m| (m.block, m.chars.start));
        let (block, start) = match (self.selection, on_match) {
            (Some(sel), _) => (sel.block, sel.chars().start),
            (None, Some(found)) => found,
            (None, None) => (self.notes.cursor, 0),
        };
        if self.mode == Mode::Visual {
            self.end_visual();
        }
        let text = self.shown_text(block).into_owned();
        if text.trim().is_empty() {
            self.notes.say("nothing here to look up");
            return;
        }
        self.define = Some(DefinePopup::new(text, start));
        self.mode = Mode::Define;
    }

    /// Keys while the pop-up is open.
    pub(super) fn apply_define(&mut self, action: Action) {
        match action {
            Action::NextSection => {
                if let Some(p) = self.define.as_mut() {
                    p.next_word();
                }
            }
            Action::PrevSection => {
                if let Some(p) = self.define.as_mut() {
                    p.prev_word();
                }
            }
            Action::Cancel | Action::Define | Action::Quit | Action::ToggleHelp => {
                self.define = None;
                self.mode = Mode::Normal;
            }
            Action::Resize { width, height } => {
                self.resize(ratatui::layout::Rect::new(0, 0, width, height));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DefinePopup;

    #[test]
    fn a_figure_with_no_entry_is_one_step() {
        let mut popup = DefinePopup::new("2025 年以来，谈判明显提速。".to_string(), 0);
        assert_eq!(popup.word(), "2025");
        assert!(popup.next_word());
        assert!(popup.word().starts_with('年'), "{}", popup.word());
    }
}
