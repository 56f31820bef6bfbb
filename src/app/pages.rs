//! `7P`: the page a citation names. Each paragraph knows the printed pages
//! it is on (a PDF's page labels, or form feeds counted in plain text), so
//! the first paragraph on a page is where that page starts.

use super::{App, Pos};

impl App {
    /// Goes to the first paragraph on the printed page numbered `page`.
    pub(super) fn go_to_page(&mut self, page: Option<usize>) {
        let Some(page) = page else {
            self.notes
                .say("type the page number first: 7P goes to page 7");
            return;
        };
        let label = page.to_string();
        let found = (0..self.doc.blocks.len()).find(|&i| {
            self.doc
                .paragraph(i)
                .is_some_and(|p| p.pages.contains(&label))
        });
        let Some(block) = found else {
            let last = (0..self.doc.blocks.len())
                .rev()
                .find_map(|i| self.doc.paragraph(i).and_then(|p| p.pages.last()));
            let message = match last {
                Some(last) => format!("no page {page} in this brief (its last page is {last})"),
                None => "this brief has no page numbers".to_string(),
            };
            self.notes.say(message);
            return;
        };
        self.remember_place();
        // A heading just above the page's first paragraph is shown with it.
        let top = match block.checked_sub(1) {
            Some(before) if self.doc.paragraph(before).is_none() => before,
            _ => block,
        };
        self.set_top(Pos {
            block: top,
            line: 0,
        });
        self.notes.cursor = block;
        self.notes.say(format!("page {page} · Ctrl-O goes back"));
    }
}
