//! Visual mode (`v`): selecting a passage of one paragraph to note or copy.
//! The selection is kept as char offsets into the paragraph's original
//! text, so it stays on the same words when the view script changes.

use std::ops::Range;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use super::notes::overlay::Target;
use super::{Action, App, Mode};
use crate::keys::Key;
use crate::notes::passage::Passage;

/// Where a clause ends: the selection extends by clauses up to these.
const CLAUSE_ENDS: &[char] = &[
    '，', '、', '；', '：', '。', '！', '？', ',', ';', ':', '.', '!', '?',
];

/// A selected passage: a fixed end and a moving end, as char offsets into
/// block `block`'s original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// The block (a paragraph) the passage is in.
    pub block: usize,
    /// The end that stays put.
    pub anchor: usize,
    /// The end the keys move.
    pub head: usize,
}

impl Selection {
    /// The selected chars, start to end.
    pub fn chars(&self) -> Range<usize> {
        self.anchor.min(self.head)..self.anchor.max(self.head)
    }
}

/// The keys of visual mode, for the help overlay and [`visual_input_action`].
pub const VISUAL_KEYS: [(&str, &str); 6] = [
    ("h l ← →", "in a selection (v): one character less / more"),
    (
        "w b",
        "in a selection: to the next / previous clause end (，。、；：！？)",
    ),
    ("$ 0", "in a selection: to the paragraph's end / start"),
    ("a", "in a selection: add a note on the passage"),
    (
        "n N",
        "in a selection: select the next / previous search match instead",
    ),
    ("Esc v", "in a selection: leave it"),
];

/// The action of a key press in visual mode.
pub fn visual_input_action(event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let key = Key::from_event(event);
    if key == Key::ctrl('c') {
        return Some(Action::Quit);
    }
    if !key.modifiers.is_empty() {
        return None;
    }
    Some(match key.code {
        KeyCode::Char('h') | KeyCode::Left => Action::SelectLeft,
        KeyCode::Char('l') | KeyCode::Right => Action::SelectRight,
        KeyCode::Char('w') => Action::SelectClauseNext,
        KeyCode::Char('b') => Action::SelectClausePrev,
        KeyCode::Char('$') | KeyCode::End => Action::SelectToEnd,
        KeyCode::Char('0') | KeyCode::Home => Action::SelectToStart,
        KeyCode::Char('a') => Action::AddNote,
        KeyCode::Char('y') => Action::Copy,
        KeyCode::Char('Y') => Action::CopyCitation,
        KeyCode::Char('n') => Action::NextMatch,
        KeyCode::Char('N') => Action::PrevMatch,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Char('D') => Action::Define,
        KeyCode::Esc | KeyCode::Char('v') => Action::Cancel,
        _ => return None,
    })
}

impl App {
    /// Starts a selection: on the current search match when there is one
    /// (so `/phrase` `Enter` `v` selects exactly the phrase), else on the
    /// first character of the cursor's paragraph.
    pub(super) fn start_visual(&mut self) {
        let on_match = self
            .search
            .current
            .and_then(|i| self.search.matches.get(i))
            .map(|m| (m.block, m.chars.clone()));
        let (block, chars) = match on_match {
            // A heading takes no notes, so a match there selects at the
            // start of the first paragraph under it: `/title` `Enter` `v` `a`
            // notes the section's opening rather than being refused.
            Some((block, _)) if self.doc.paragraph(block).is_none() => {
                let Some(under) = self.paragraph_under(block) else {
                    self.notes
                        .warn("no paragraph under this heading to select in");
                    return;
                };
                self.notes
                    .say("the match is in a heading: selecting in the first paragraph under it");
                (under, 0..self.doc.char_count(under).min(1))
            }
            Some(found) => found,
            None => {
                let block = self.notes.cursor;
                let len = self.doc.char_count(block);
                (block, 0..len.min(1))
            }
        };
        if self.doc.char_count(block) == 0 {
            self.notes.warn("nothing here to select");
            return;
        }
        self.select(Selection {
            block,
            anchor: chars.start,
            head: chars.end,
        });
    }

    /// Enters visual mode on `sel`, the cursor on its paragraph.
    fn select(&mut self, sel: Selection) {
        if self.doc.paragraph(sel.block).is_some() {
            self.notes.cursor = sel.block;
        }
        self.selection = Some(sel);
        self.mode = Mode::Visual;
        self.show_block(sel.block);
    }

    /// Selects again what the last selection covered (`V`, vim's `gv`), so
    /// that `v` `y` then `V` `a` notes the passage just copied.
    pub(super) fn reselect(&mut self) {
        let Some(sel) = self.last_selection else {
            self.notes.say("no earlier selection: v starts one");
            return;
        };
        // The brief may have been reloaded since: keep to what is there.
        if sel.block >= self.doc.blocks.len()
            || sel.anchor.max(sel.head) > self.doc.char_count(sel.block)
        {
            self.last_selection = None;
            self.notes
                .say("the last selection is no longer in the brief");
            return;
        }
        self.select(sel);
    }

    /// The first paragraph after block `block` (a heading): the one a note
    /// meant for the heading goes on.
    pub(super) fn paragraph_under(&self, block: usize) -> Option<usize> {
        (block + 1..self.doc.blocks.len()).find(|&i| self.doc.paragraph(i).is_some())
    }

    /// Leaves visual mode and drops the selection, keeping it for `V`.
    pub(super) fn end_visual(&mut self) {
        if let Some(sel) = self.selection.take() {
            self.last_selection = Some(sel);
        }
        if self.mode == Mode::Visual {
            self.mode = Mode::Normal;
        }
    }

    /// Handles an action in visual mode.
    pub(super) fn apply_visual(&mut self, action: Action) {
        let Some(mut sel) = self.selection else {
            self.mode = Mode::Normal;
            return;
        };
        let text: Vec<char> = self.doc.text(sel.block).chars().collect();
        let len = text.len();
        let is_end = |i: usize| text.get(i).is_some_and(|c| CLAUSE_ENDS.contains(c));
        match action {
            Action::SelectLeft => sel.head = sel.head.saturating_sub(1),
            Action::SelectRight => sel.head = (sel.head + 1).min(len),
            Action::SelectClauseNext => {
                sel.head = (sel.head..len).find(|&i| is_end(i)).map_or(len, |i| i + 1);
            }
            Action::SelectClausePrev => {
                let before = sel.head.saturating_sub(1);
                sel.head = (0..before).rev().find(|&i| is_end(i)).map_or(0, |i| i + 1);
            }
            Action::SelectToEnd => {
                sel.anchor = sel.chars().start;
                sel.head = len;
            }
            Action::SelectToStart => {
                sel.anchor = sel.chars().end;
                sel.head = 0;
            }
            Action::AddNote => return self.note_on_selection(),
            Action::Copy => return self.copy(false),
            Action::CopyCitation => return self.copy(true),
            Action::NextMatch | Action::PrevMatch if !self.search.matches.is_empty() => {
                // Start over on the next match: the phrase searched for.
                self.step_match(action == Action::NextMatch);
                return self.start_visual();
            }
            Action::Cancel => return self.end_visual(),
            Action::Define => return self.open_define(),
            Action::Quit => self.quit = true,
            Action::ToggleHelp => {
                self.mode = Mode::Help;
                self.help_offset = 0;
                self.selection = None;
                return;
            }
            Action::Resize { width, height } => {
                self.resize(ratatui::layout::Rect::new(0, 0, width, height));
            }
            // The wheel still scrolls; the selection stays where it is.
            Action::ScrollAt { column, row, lines } => self.scroll_at(column, row, lines),
            _ => {}
        }
        self.selection = Some(sel);
    }

    /// Opens the note editor on the selected passage.
    fn note_on_selection(&mut self) {
        let Some(sel) = self.selection else {
            return;
        };
        let chars = sel.chars();
        if chars.is_empty() {
            self.notes.say("the selection is empty: l or w select more");
            return;
        }
        let Some(paragraph) = self.paragraph_id(sel.block).map(str::to_string) else {
            self.notes
                .say("a heading takes no notes: select in a paragraph (n goes to the next match)");
            return;
        };
        let Some(passage) = self.passage_of(sel) else {
            self.notes.say("a passage in a table stays within one cell");
            return;
        };
        self.end_visual();
        if self.notes_usable(true) {
            self.open_note_editor(Target::Passage { paragraph, passage });
        }
    }

    /// The selection as a passage of its paragraph's text as the notes
    /// see it. A table row is shown with separators between its cells, so
    /// there the passage is found again in the row's own text; `None` when
    /// it runs across a separator.
    fn passage_of(&self, sel: Selection) -> Option<Passage> {
        let shown = self.doc.text(sel.block);
        let own = self.doc.paragraph(sel.block)?.text();
        if own == shown {
            return Some(Passage::new(&own, sel.chars()));
        }
        let exact = self.selection_text()?;
        let at = own.find(&exact)?;
        let start = own[..at].chars().count();
        Some(Passage::new(&own, start..start + exact.chars().count()))
    }

    /// The selected text, as in the brief.
    pub fn selection_text(&self) -> Option<String> {
        let sel = self.selection?;
        let chars = sel.chars();
        Some(
            self.doc
                .text(sel.block)
                .chars()
                .skip(chars.start)
                .take(chars.len())
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::{Brief, Paragraph, ParagraphKind, Section, assign_ids};

    fn app(text: &str) -> App {
        let mut b = Brief {
            sections: vec![Section {
                level: 1,
                title: Some("A".into()),
                paragraphs: vec![Paragraph::plain(ParagraphKind::Text, text)],
                ..Section::default()
            }],
            ..Brief::default()
        };
        assign_ids(&mut b);
        let mut app = App::new(b);
        app.resize(ratatui::layout::Rect::new(0, 0, 60, 20));
        app
    }

    #[test]
    fn keys_extend_by_character_clause_and_to_the_ends() {
        let mut a = app("美中應建立關係，雙方同意；習說：好。");
        a.notes.cursor = 1;
        a.apply(Action::StartVisual);
        assert_eq!(a.selection_text().as_deref(), Some("美"));
        a.apply(Action::SelectClauseNext);
        assert_eq!(a.selection_text().as_deref(), Some("美中應建立關係，"));
        a.apply(Action::SelectClauseNext);
        assert_eq!(
            a.selection_text().as_deref(),
            Some("美中應建立關係，雙方同意；")
        );
        a.apply(Action::SelectLeft);
        assert_eq!(
            a.selection_text().as_deref(),
            Some("美中應建立關係，雙方同意")
        );
        a.apply(Action::SelectClausePrev);
        assert_eq!(a.selection_text().as_deref(), Some("美中應建立關係，"));
        a.apply(Action::SelectToEnd);
        assert_eq!(
            a.selection_text().as_deref(),
            Some("美中應建立關係，雙方同意；習說：好。")
        );
        a.apply(Action::Cancel);
        assert_eq!((a.selection, a.mode), (None, Mode::Normal));
    }

    #[test]
    fn a_selection_starts_on_the_current_search_match() {
        let mut a = app("美中應建立建設性戰略穩定關係。");
        for c in "建設性".chars() {
            a.apply(Action::SearchInput(c));
        }
        a.apply(Action::SearchConfirm);
        a.apply(Action::StartVisual);
        assert_eq!(a.selection_text().as_deref(), Some("建設性"));
        a.apply(Action::SelectToStart);
        assert_eq!(a.selection_text().as_deref(), Some("美中應建立建設性"));
    }
}
