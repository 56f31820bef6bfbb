//! Page breaks in text without form feeds (`pdftotext -nopgbrk`, other
//! extractors): the page numbers show where pages end. A number alone on
//! its line is a page number when it belongs to the longest run of such
//! numbers that counts up through the text, a page apart (1, 2, 3 …, a
//! page without a number skipped); footnote labels and the numbers of a
//! contents page count up too, but not as far, and a table's row numbers
//! stand too close.

use std::collections::HashMap;

use super::page_numbers::page_label;
use super::pages::Item;

/// Fewer page numbers than this prove nothing.
const CHAIN_MIN: usize = 3;
/// A page may go unnumbered (a full-page figure): the next number may skip
/// this many.
const MAX_STEP: u32 = 2;

/// A page holds at least this many lines and gaps.
const PAGE_MIN_ITEMS: usize = 6;

/// A lone number that may be a page number.
struct Candidate<'a> {
    at: usize,
    number: u32,
    label: &'a str,
}

/// Turns the page numbers of `items` into page breaks and numbers the pages
/// of its lines; returns each page's printed number (empty when the text
/// shows no run of page numbers, and then nothing changed).
pub(super) fn infer_page_breaks(items: &mut [Item<'_>]) -> Vec<(u32, String)> {
    let candidates = candidates(items);
    let chain = longest_chain(&candidates);
    if chain.len() < CHAIN_MIN || !evenly_spaced(&chain, &candidates) {
        return Vec::new();
    }
    let mut printed = Vec::with_capacity(chain.len());
    let mut page = 0u32;
    let mut next = chain.iter().map(|&c| &candidates[c]).peekable();
    for (i, item) in items.iter_mut().enumerate() {
        if let Some(number) = next.next_if(|c| c.at == i) {
            printed.push((page, number.label.to_string()));
            *item = Item::Break;
            page = page.saturating_add(1);
        } else if let Item::Line {
            page: line_page, ..
        } = item
        {
            *line_page = page;
        }
    }
    printed
}

/// Numbers alone on a line, in any of the forms page numbers take.
fn candidates<'a>(items: &[Item<'a>]) -> Vec<Candidate<'a>> {
    items
        .iter()
        .enumerate()
        .filter_map(|(at, item)| {
            let Item::Line { text, .. } = *item else {
                return None;
            };
            let number = page_label(text)?.parse::<u32>().ok()?;
            Some(Candidate {
                at,
                number,
                label: text,
            })
        })
        .collect()
}

/// Share of pages (in percent) whose length must be near the usual one.
const EVEN_PAGES_PERCENT: usize = 70;

/// True when most steps of the chain are within a factor 2.5 of the median:
/// pages hold much the same amount of text, while numbered sections ("1" /
/// "Introduction" … "2" / "Background") run as long as their text.
fn evenly_spaced(chain: &[usize], candidates: &[Candidate<'_>]) -> bool {
    let mut steps: Vec<usize> = chain
        .windows(2)
        .map(|w| candidates[w[1]].at - candidates[w[0]].at)
        .collect();
    steps.sort_unstable();
    let median = steps[steps.len() / 2];
    let even = steps
        .iter()
        .filter(|&&s| s * 5 >= median * 2 && s * 2 <= median * 5)
        .count();
    even * 100 >= steps.len() * EVEN_PAGES_PERCENT
}

/// The longest run of candidates, in text order, whose numbers go up by one
/// (or skip a page); as indices into `candidates`.
fn longest_chain(candidates: &[Candidate<'_>]) -> Vec<usize> {
    // For each number, the longest run found so far that ends on it.
    let mut ending: HashMap<u32, (usize, usize)> = HashMap::new();
    let mut before: Vec<Option<usize>> = Vec::with_capacity(candidates.len());
    let mut best: Option<(usize, usize)> = None;
    for (k, candidate) in candidates.iter().enumerate() {
        // Pages hold some text: numbers a few lines apart are a table's.
        let previous = (1..=MAX_STEP)
            .filter_map(|step| ending.get(&candidate.number.checked_sub(step)?))
            .filter(|(_, k)| candidate.at >= candidates[*k].at + PAGE_MIN_ITEMS)
            .max_by_key(|(length, _)| *length)
            .copied();
        let length = previous.map_or(1, |(length, _)| length + 1);
        before.push(previous.map(|(_, k)| k));
        let entry = ending.entry(candidate.number).or_insert((0, k));
        if length >= entry.0 {
            *entry = (length, k);
        }
        if best.is_none_or(|(most, _)| length >= most) {
            best = Some((length, k));
        }
    }
    let mut chain = Vec::new();
    let mut at = best.map(|(_, k)| k);
    while let Some(k) = at {
        chain.push(k);
        at = before[k];
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::super::pages::page_items;
    use super::*;

    fn shown(items: &[Item<'_>]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                Item::Line { text, page, .. } => format!("{page}:{text}"),
                Item::Gap => "<gap>".to_string(),
                Item::Break => "<break>".to_string(),
            })
            .collect()
    }

    #[test]
    fn numbers_that_count_up_through_the_text_end_its_pages() {
        let page = |n: u32| {
            format!("Text {n} goes on\nover a few lines\nof its page\nto the foot.\n\n{n}\n\n")
        };
        let text: String = (1..=3).map(page).collect::<String>() + "The end.";
        let mut items = page_items(&text);
        let pages: Vec<u32> = items
            .iter()
            .filter_map(|i| match i {
                Item::Line { page, .. } => Some(*page),
                _ => None,
            })
            .collect();
        assert_eq!(
            pages,
            [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3],
            "{:?}",
            shown(&items)
        );
        assert_eq!(items.iter().filter(|i| **i == Item::Break).count(), 3);
        assert!(
            infer_page_breaks(&mut items).is_empty(),
            "nothing left to find"
        );
    }

    #[test]
    fn footnote_labels_and_contents_numbers_are_no_page_numbers() {
        let candidates: Vec<Candidate<'_>> = [1, 2, 1, 2, 3, 5, 3, 4, 5, 6, 7]
            .iter()
            .enumerate()
            .map(|(k, &number)| Candidate {
                at: k * 10,
                number,
                label: "",
            })
            .collect();
        let chain: Vec<u32> = longest_chain(&candidates)
            .iter()
            .map(|&k| candidates[k].number)
            .collect();
        assert_eq!(chain, [1, 2, 3, 4, 5, 6, 7]);
    }

    #[test]
    fn the_row_numbers_of_a_table_make_no_pages() {
        let rows: String = (1..=30).map(|n| format!("{n}\nRow {n} text\n\n")).collect();
        assert!(page_items(&rows).iter().all(|i| *i != Item::Break));
    }

    #[test]
    fn numbered_sections_of_any_length_make_no_pages() {
        let text: String = [40, 5, 120, 12, 60]
            .iter()
            .enumerate()
            .map(|(k, &lines)| {
                let body = "A line of the section's text.\n".repeat(lines);
                format!("{}\n\nSection {}\n{body}\n", k + 1, k + 1)
            })
            .collect();
        assert!(page_items(&text).iter().all(|i| *i != Item::Break));
    }

    #[test]
    fn two_lone_numbers_make_no_pages() {
        let text = "Text one.\n\n1\n\nText two.\n\n2\n\nText three.";
        assert!(page_items(text).iter().all(|i| *i != Item::Break));
    }
}
