//! The section list's titles and the status bar's section path: where
//! in the brief's outline the reader is, and how a title that does not
//! fit the list is shown whole.

use super::App;
use super::doc::EntryKind;

/// The most rows the selected section's wrapped title takes in the list.
pub const MAX_TITLE_ROWS: usize = 3;

impl App {
    /// Rows entry `e` takes in the section list: one, or up to
    /// [`MAX_TITLE_ROWS`] for the selected entry, whose whole title is
    /// shown wrapped when it does not fit (on a narrow terminal).
    pub fn list_rows_of(&self, e: usize) -> usize {
        if e != self.list.selected {
            return 1;
        }
        self.list_title_lines(e).len().clamp(1, MAX_TITLE_ROWS)
    }

    /// Entry `e`'s title as the list shows it, in lines of the list's
    /// width (indent included on the first line).
    pub fn list_title_lines(&self, e: usize) -> Vec<String> {
        let Some(entry) = self.doc.entries.get(e) else {
            return Vec::new();
        };
        let width = usize::from(self.screen.list.width);
        let indent = "  ".repeat(usize::from(entry.level.saturating_sub(1)));
        let text = format!(" {indent}{}", self.display_text(&entry.title));
        if width <= 2 {
            return vec![text];
        }
        // Continuation lines are indented one column past the first.
        let first = crate::layout::wrap(&text, width);
        let Some(head) = first.first() else {
            return vec![text];
        };
        let mut out = vec![text[head.clone()].to_string()];
        let rest = text[head.end..].trim_start();
        if rest.is_empty() {
            return out;
        }
        for r in crate::layout::wrap(rest, width - 2) {
            out.push(format!("  {}", &rest[r]));
        }
        out
    }

    /// The titles of the current section and the sections it is in,
    /// outermost first (front and back matter stand alone).
    pub fn breadcrumb(&self) -> Vec<String> {
        self.breadcrumb_of(self.current_entry())
    }

    /// The titles of entry `current` and the sections it is in.
    pub fn breadcrumb_of(&self, current: usize) -> Vec<String> {
        let Some(entry) = self.doc.entries.get(current) else {
            return Vec::new();
        };
        let mut path = vec![entry.title.clone()];
        if entry.kind == EntryKind::Section {
            let mut level = entry.level;
            for e in self.doc.entries[..current].iter().rev() {
                if e.kind != EntryKind::Section || level <= 1 {
                    break;
                }
                if e.level < level && e.level >= 1 {
                    path.push(e.title.clone());
                    level = e.level;
                }
            }
        }
        path.reverse();
        path
    }
}
