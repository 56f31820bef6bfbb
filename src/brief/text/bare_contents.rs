//! A table of contents set without leaders: the section titles one a line,
//! their page numbers gathered in a column of their own (as a PDF's two
//! columns are extracted) or left out. Nothing on the line marks it, but
//! the run names, in order, headings that the body has further on; a run
//! of headings with no text under any of them, repeated later, is the list
//! of what follows, not the sections themselves.

use std::collections::HashSet;

use super::blocks::Block;
use super::roles::Role;
use super::toc;

/// So many listed headings, found again later in order, make a contents run.
const LISTED_MIN: usize = 3;

/// Marks runs of heading-like blocks that the body repeats later as a
/// contents list; returns the keys of their entries.
pub(super) fn mark_bare_contents(body: &[Block], roles: &mut [Role]) -> HashSet<String> {
    let mut listed = HashSet::new();
    let mut i = 0;
    while i < body.len() {
        let end = run_end(body, roles, i);
        let heads: Vec<usize> = (i..end).filter(|&k| is_head(roles[k])).collect();
        if heads.len() >= LISTED_MIN && repeated_later(body, roles, &heads, end) {
            for k in i..end {
                if is_head(roles[k]) {
                    listed.insert(toc::key(&body[k].text));
                }
                roles[k] = Role::Contents;
            }
        }
        // A contents list comes before the sections it lists: only the
        // first run of headings can be one.
        if !heads.is_empty() {
            break;
        }
        i = end.max(i + 1);
    }
    listed.remove("");
    listed
}

fn is_head(role: Role) -> bool {
    matches!(role, Role::Numbered(_) | Role::Unnumbered)
}

/// A block of page numbers only: "13", or "1 2 2 2 3" read down a column.
fn page_numbers(block: &Block) -> bool {
    let mut words = block.text.split_whitespace().peekable();
    words.peek().is_some() && words.all(|w| w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
}

/// The end of the run of headings and page numbers that starts at `start`
/// (`start` itself when it opens no run).
fn run_end(body: &[Block], roles: &[Role], start: usize) -> usize {
    let mut end = start;
    while end < body.len() && (is_head(roles[end]) || page_numbers(&body[end])) {
        end += 1;
    }
    // The list may run straight into the first section: the last heading,
    // with text under it, is that section's.
    if end > start && end < body.len() && is_head(roles[end - 1]) {
        end -= 1;
    }
    end
}

/// True when most of the run's headings stand again as headings after it,
/// in the run's order, each further down than the one before.
fn repeated_later(body: &[Block], roles: &[Role], heads: &[usize], after: usize) -> bool {
    let mut from = after;
    let mut found = 0;
    for &h in heads {
        let key = toc::key(&body[h].text);
        if key.is_empty() {
            continue;
        }
        if let Some(at) =
            (from..body.len()).find(|&k| is_head(roles[k]) && toc::key(&body[k].text) == key)
        {
            found += 1;
            from = at + 1;
        }
    }
    found >= LISTED_MIN && found * 3 >= heads.len() * 2
}
