//! Several notes on one paragraph: which of them the note keys act on,
//! and stepping note by note through the brief (`}` / `{`), which also
//! steps through the notes of one paragraph.

use crate::app::App;

impl App {
    /// The ids of the notes on block `i`'s paragraph, in the order shown.
    fn note_ids_on(&self, i: usize) -> Vec<String> {
        self.notes
            .notes_on(self.paragraph_id(i))
            .iter()
            .map(|v| v.note.id.clone())
            .collect()
    }

    /// The note the note keys act on at the cursor: the one stepped to
    /// with `}` / `{` while it is on the cursor's paragraph, else the
    /// newest there; with how many notes the paragraph has.
    pub(in crate::app) fn note_at_cursor(&self) -> Option<(String, usize)> {
        let paragraph = self.cursor_paragraph();
        let k = self.notes.acted_on(paragraph)?;
        let chosen = self.notes.note_on(paragraph, k)?;
        Some((chosen.note.id.clone(), self.notes.count_on(paragraph)))
    }

    /// Which of block `i`'s notes is selected (its index among them), when
    /// the block is the cursor's and it has more than one note.
    pub fn selected_note_index(&self, i: usize) -> Option<usize> {
        if i != self.notes.cursor {
            return None;
        }
        let paragraph = self.paragraph_id(i);
        if self.notes.count_on(paragraph) < 2 {
            return None;
        }
        self.notes.acted_on(paragraph)
    }

    /// Every shown note as (block, id), in reading order.
    fn notes_in_order(&self) -> Vec<(usize, String)> {
        let Some(session) = self.notes.session() else {
            return Vec::new();
        };
        let mut out: Vec<(usize, String)> = session
            .views()
            .iter()
            .filter_map(|v| {
                let block = self.block_of(v.resolution.paragraph.as_deref()?)?;
                Some((block, v.note.id.clone()))
            })
            .collect();
        // Views are ordered by paragraph, then by creation; blocks keep that.
        out.sort_by_key(|(block, _)| *block);
        out
    }

    /// Moves the cursor to the next (or previous) note of the brief and
    /// selects it: from a selected note to the one after it, else from the
    /// cursor's paragraph (its own first note included going forward).
    pub(in crate::app) fn step_note(&mut self, forward: bool) {
        let all = self.notes_in_order();
        let cursor = self.notes.cursor;
        let selected = self
            .notes
            .selected
            .as_ref()
            .and_then(|id| all.iter().position(|(b, n)| *b == cursor && n == id));
        let target = match (selected, forward) {
            (Some(k), true) => all.get(k + 1),
            (Some(k), false) => k.checked_sub(1).and_then(|k| all.get(k)),
            (None, true) => all.iter().find(|(b, _)| *b >= cursor),
            (None, false) => all.iter().rev().find(|(b, _)| *b < cursor),
        };
        let Some((block, id)) = target.cloned() else {
            let which = if forward { "after" } else { "before" };
            self.notes.say(format!("no note {which} this one"));
            return;
        };
        self.notes.cursor = block;
        self.notes.selected = Some(id.clone());
        self.show_block(block);
        let here = self.note_ids_on(block);
        if here.len() > 1 {
            let k = here.iter().position(|n| *n == id).map_or(1, |k| k + 1);
            self.notes.say(format!(
                "note {k} of {} on this paragraph · e edits, d deletes it",
                here.len()
            ));
        }
    }
}
