//! A contents page drawn as a contents list: each entry ("1. Introduction
//! ........ 3") on one line, its title on the left, its page on the
//! right, the leaders left out; Enter on an entry jumps to its section.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use super::lines::{LineKind, VisualLine};
use super::{App, Pos};

/// Characters that lead an entry's title to its page number.
const LEADERS: &[char] = &['.', '…', '·', '_', '‧', '．', '-'];
/// This many leader characters make a line a contents entry.
const MIN_LEADERS: usize = 4;
/// Longest page number: "xviii", "1234".
const MAX_PAGE_CHARS: usize = 6;

/// The parts of a contents entry, as byte ranges of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The entry's title, without the leaders.
    pub title: Range<usize>,
    /// The page number after the leaders.
    pub page: Range<usize>,
}

/// The entry `text` is, if it is one: a title, a run of leaders, a page
/// number (digits or a roman numeral) and nothing after it.
pub fn entry(text: &str) -> Option<Entry> {
    let trimmed = text.trim_end();
    let before_page = trimmed.trim_end_matches(|c: char| c.is_ascii_alphanumeric());
    let page = before_page.len()..trimmed.len();
    let number = &trimmed[page.clone()];
    let roman = |c: char| "ivxlcdmIVXLCDM".contains(c);
    let is_page = number.chars().all(|c| c.is_ascii_digit()) || number.chars().all(roman);
    if number.is_empty() || number.len() > MAX_PAGE_CHARS || !is_page {
        return None;
    }
    let before = before_page.trim_end();
    let title_end = before
        .trim_end_matches(|c: char| LEADERS.contains(&c) || c.is_whitespace())
        .len();
    let leaders = before[title_end..]
        .chars()
        .filter(|c| LEADERS.contains(c))
        .count();
    let start = text.len() - text.trim_start().len();
    let title = start..title_end;
    if leaders < MIN_LEADERS
        || title.is_empty()
        || !text[title.clone()].chars().any(char::is_alphabetic)
    {
        return None;
    }
    Some(Entry { title, page })
}

/// The one screen line of `entry` at `width` columns: the title, cut with
/// an ellipsis when it does not fit, then the page at the right edge.
pub fn line(text: &str, entry: &Entry, width: usize) -> VisualLine {
    let page_width = text[entry.page.clone()]
        .chars()
        .filter_map(|c| c.width())
        .sum::<usize>();
    // At least a space between title and page.
    let room = width.saturating_sub(page_width + 1);
    let mut used = 0;
    let mut end = entry.title.start;
    for (i, c) in text[entry.title.clone()].char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        end = entry.title.start + i + c.len_utf8();
    }
    let cut = end < entry.title.end;
    if cut {
        // Room for the ellipsis.
        while used + 1 > room && end > entry.title.start {
            let Some(c) = text[..end].chars().next_back() else {
                break;
            };
            end -= c.len_utf8();
            used -= c.width().unwrap_or(0);
        }
        used += 1;
    }
    VisualLine {
        kind: LineKind::Contents {
            title: entry.title.start..end,
            cut,
            fill: width.saturating_sub(used + page_width),
            page: entry.page.clone(),
        },
        range: 0..text.len(),
    }
}

/// Folds a title for matching an entry to a heading: letters and digits
/// only, lower case.
fn key(title: &str) -> String {
    title
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl App {
    /// Enter on a contents entry: to the section it names (else to the
    /// page it gives), `Ctrl-O` coming back. Nothing happens, and false
    /// is returned, when the cursor's paragraph is not an entry.
    pub(super) fn follow_contents_entry(&mut self) -> bool {
        let block = self.notes.cursor;
        let text = self.doc.text(block).to_string();
        let Some(entry) = entry(&text) else {
            return false;
        };
        let title = &text[entry.title.clone()];
        let wanted = key(title);
        // A heading numbered where the entry is not ("1. Introduction")
        // or the other way round still matches.
        let found = self.doc.entries.iter().find(|e| {
            let heading = key(&e.title);
            e.first_block > block
                && e.kind == super::doc::EntryKind::Section
                && !heading.is_empty()
                && (heading == wanted || heading.ends_with(&wanted) || wanted.ends_with(&heading))
        });
        if let Some(target) = found.map(|e| e.first_block) {
            self.remember_place();
            self.set_top(Pos {
                block: target,
                line: 0,
            });
            if let Some(k) =
                (target..self.doc.blocks.len()).find(|&k| self.doc.paragraph(k).is_some())
            {
                self.notes.cursor = k;
            }
            self.notes
                .say(format!("went to {} · Ctrl-O goes back", title.trim()));
            return true;
        }
        match text[entry.page.clone()].parse::<usize>() {
            Ok(page) => self.go_to_page(Some(page)),
            Err(_) => self
                .notes
                .say(format!("no section here is called {}", title.trim())),
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<(&str, &str)> {
        let e = entry(text)?;
        Some((&text[e.title], &text[e.page]))
    }

    #[test]
    fn entries_are_a_title_leaders_and_a_page() {
        assert_eq!(
            parts("Pillar I: Accelerate AI Innovation ......................3"),
            Some(("Pillar I: Accelerate AI Innovation", "3"))
        );
        assert_eq!(
            parts("1. Introduction . . . . . . . 12"),
            Some(("1. Introduction", "12"))
        );
        assert_eq!(parts("  前言‧‧‧‧‧‧‧‧ iv"), Some(("前言", "iv")));
        assert_eq!(parts("The total was 3.5 ... 12"), None);
        assert_eq!(parts("Introduction 3"), None);
        assert_eq!(parts("........ 3"), None);
    }

    #[test]
    fn a_long_title_is_cut_with_room_for_its_page() {
        let text = "Strengthen AI Compute Export Control Enforcement ........ 21";
        let e = entry(text).unwrap();
        let LineKind::Contents {
            title, cut, fill, ..
        } = line(text, &e, 30).kind
        else {
            panic!("not a contents line");
        };
        assert!(cut);
        // Title, ellipsis, fill and the page fill the width exactly.
        assert_eq!(title.len() + 1 + fill + 2, 30);
        let LineKind::Contents { cut, fill, .. } = line(text, &e, 80).kind else {
            panic!("not a contents line");
        };
        assert!(!cut);
        assert_eq!(fill, 80 - 48 - 2);
    }
}
