//! A printed table of contents tells where the body starts: text set like a
//! heading before the first heading the contents list (a version history,
//! an adopting formula, a board's name over its preamble) is front matter.

use std::collections::HashSet;

/// Leader characters that run from a contents entry to its page number.
const LEADERS: &[char] = &['.', '…', '·', '_', '‧', '．'];
/// A run of this many leader characters makes a line a contents entry.
const MIN_LEADERS: usize = 4;
/// Contents entries that must name headings before the list is trusted.
const MIN_LISTED: usize = 2;

/// The entry a contents line names ("Introduction ....... 4" →
/// "introduction"), whitespace removed and case folded; `None` for any
/// other line.
pub fn entry(line: &str) -> Option<String> {
    let line = line.trim_end();
    let number = line.trim_end_matches(|c: char| c.is_ascii_alphanumeric());
    if number.len() == line.len() || number.len() + 6 < line.len() {
        return None;
    }
    let before = number.trim_end();
    let label = before.trim_end_matches(|c: char| LEADERS.contains(&c) || c.is_whitespace());
    let leaders = before[label.len()..]
        .chars()
        .filter(|c| LEADERS.contains(c))
        .count();
    (leaders >= MIN_LEADERS && label.chars().any(char::is_alphabetic)).then(|| key(label))
}

/// The heading key an entry and a heading are compared by.
pub fn key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How many of `headings` (in reading order) come before the first one the
/// contents list; 0 when there is no contents list naming them.
pub fn front_count(headings: &[String], entries: &HashSet<String>) -> usize {
    let listed = |h: &String| entries.contains(&key(h));
    if headings.iter().filter(|h| listed(h)).count() < MIN_LISTED {
        return 0;
    }
    headings.iter().position(listed).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contents_lines_name_their_entry_and_others_do_not() {
        assert_eq!(
            entry("Introduction ......................... 4").as_deref(),
            Some("introduction")
        );
        assert_eq!(
            entry("Foreword by the Prime Minister ______________ 12").as_deref(),
            Some("forewordbytheprimeminister")
        );
        assert_eq!(entry("ordinary text, etc… and more"), None);
        assert_eq!(entry("Version 2.1 07 January 2020"), None);
        assert_eq!(entry("...... 4"), None);
    }

    #[test]
    fn headings_before_the_first_listed_one_are_front_matter() {
        let entries: HashSet<String> = ["introduction", "1scope"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let headings: Vec<String> = ["Version history", "INTRODUCTION", "Aside", "1 Scope"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(front_count(&headings, &entries), 1);
        // One match is not a contents list to trust.
        assert_eq!(front_count(&headings[..3], &entries), 0);
        assert_eq!(front_count(&headings, &HashSet::new()), 0);
    }
}
