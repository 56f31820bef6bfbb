//! Pages: the text as a flat run of lines, blank gaps and page breaks, with
//! page furniture (page numbers, running headers and footers) taken out.
//!
//! A page break is a form feed. Text without any form feed marks its page
//! breaks with two or more blank lines in a row (the seed brief does so).

use std::collections::HashMap;

use super::chars::{ends_like_prose, width_within};
use super::page_numbers::{is_page_number, page_label};

/// One line of the text, as the later stages see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Item<'a> {
    /// A line with visible text, trimmed; `indented` when it began with
    /// space; `page` counts the form feeds before it (0 on the first page).
    Line {
        text: &'a str,
        indented: bool,
        page: u32,
    },
    /// One or more blank lines between blocks.
    Gap,
    /// A page break, or furniture that stood at one.
    Break,
}

/// How many lines on each side of a page break may be headers or footers.
const ZONE: usize = 3;
/// How many lines next to a break count as evidence of a running line: a
/// header and a page number, in either order.
const EDGE: usize = 2;
/// A line repeated at page edges may be as long as a report's full title.
const RUNNING_MAX_WIDTH: usize = 120;
/// A header proved by one page number beside it is a short line.
const LONE_HEADER_MAX_WIDTH: usize = 80;

/// The page numbers printed on the pages, read from the furniture dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct PageLabels {
    /// True when the text has form feeds, so pages are known at all.
    pub paged: bool,
    /// The printed number of each physical page that showed one.
    pub printed: Vec<(u32, String)>,
    /// The running headers and footers dropped, each once.
    pub running: Vec<String>,
}

/// The name of every physical page: its printed number, else a number
/// counted from the nearest printed one, else its place from 1.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct PageNames {
    names: Vec<String>,
}

impl PageNames {
    /// Names `count` physical pages from the labels that were read.
    pub(super) fn new(labels: &PageLabels, count: u32) -> PageNames {
        if !labels.paged {
            return PageNames::default();
        }
        let arabic = |label: &str| label.parse::<i64>().ok();
        // A footnote number at a page's foot can pass for its page number:
        // a number is kept only when a neighbour's number agrees with it.
        let numbered: Vec<(u32, i64)> = labels
            .printed
            .iter()
            .filter_map(|(p, l)| Some((*p, arabic(l)?)))
            .collect();
        let agrees = |page: u32, n: i64| {
            let at = numbered.partition_point(|(p, _)| *p < page);
            let fits = |(p, m): (u32, i64)| m - n == i64::from(p) - i64::from(page);
            numbered.len() == 1
                || at
                    .checked_sub(1)
                    .and_then(|b| numbered.get(b))
                    .is_some_and(|&q| fits(q))
                || numbered.get(at + 1).is_some_and(|&q| fits(q))
        };
        let printed: Vec<(u32, String)> = labels
            .printed
            .iter()
            .filter(|(p, l)| arabic(l).is_none_or(|n| agrees(*p, n)))
            .cloned()
            .collect();
        let labels = PageLabels {
            printed,
            ..labels.clone()
        };
        let names = (0..count)
            .map(|page| {
                let at = labels.printed.partition_point(|(p, _)| *p < page);
                if let Some((p, label)) = labels.printed.get(at)
                    && *p == page
                {
                    return label.clone();
                }
                // Arabic numbers run on across a page that does not print one.
                let before = at
                    .checked_sub(1)
                    .and_then(|b| labels.printed.get(b))
                    .and_then(|(p, l)| Some(arabic(l)? + i64::from(page - p)));
                let after = labels
                    .printed
                    .get(at)
                    .and_then(|(p, l)| Some(arabic(l)? - i64::from(p - page)));
                before
                    .or(after)
                    .filter(|n| *n >= 1)
                    .map_or_else(|| (page + 1).to_string(), |n| n.to_string())
            })
            .collect();
        PageNames { names }
    }

    /// The names of the pages from `first` to `last`; empty when the text
    /// has no pages.
    pub(super) fn span(&self, (first, last): (u32, u32)) -> Vec<String> {
        let range = first as usize..=last as usize;
        self.names
            .get(range)
            .map(<[String]>::to_vec)
            .unwrap_or_default()
    }
}

/// Splits text into items and removes page furniture.
#[cfg(test)]
pub(super) fn page_items(text: &str) -> Vec<Item<'_>> {
    paged_items(text).0
}

/// Splits text into items, removes page furniture and keeps the printed
/// page numbers it held.
pub(super) fn paged_items(text: &str) -> (Vec<Item<'_>>, PageLabels) {
    let mut items = split_items(text);
    let form_feeds = text.contains('\u{c}');
    let inferred = if form_feeds {
        Vec::new()
    } else {
        let printed = super::page_breaks::infer_page_breaks(&mut items);
        compact(&mut items);
        printed
    };
    let paged = form_feeds || !inferred.is_empty();
    // Page breaks found without form feeds are a guess, so a running line
    // must prove itself at more of them than at real form feeds.
    let repeats = if form_feeds { 2 } else { 3 };
    let (mut printed, running) = remove_furniture(&mut items, repeats);
    if !inferred.is_empty() {
        printed.extend(inferred);
        printed.sort_unstable();
        printed.dedup_by_key(|(page, _)| *page);
    }
    (
        items,
        PageLabels {
            paged,
            printed,
            running,
        },
    )
}

/// Appends `item`; gaps and breaks never stand twice in a row, a break
/// absorbs a gap, and nothing but a line opens the text.
fn push<'a>(items: &mut Vec<Item<'a>>, item: Item<'a>) {
    match (items.last_mut(), item) {
        (None, Item::Gap | Item::Break) => {}
        (Some(Item::Break), Item::Gap | Item::Break) => {}
        (Some(last @ Item::Gap), Item::Break) => *last = Item::Break,
        (Some(Item::Gap), Item::Gap) => {}
        _ => items.push(item),
    }
}

fn split_items(text: &str) -> Vec<Item<'_>> {
    let form_feeds = text.contains('\u{c}');
    // Sized once: a doubling vector would hold up to twice the memory.
    let mut items = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1);
    let mut blanks = 0usize;
    let mut page = 0u32;
    for line in text.split('\n') {
        // Without form feeds each line is one piece; the split is skipped.
        let pieces = line.split(if form_feeds { '\u{c}' } else { '\n' });
        for (i, piece) in pieces.enumerate() {
            if i > 0 {
                push(&mut items, Item::Break);
                blanks = 0;
                page = page.saturating_add(1);
            }
            let trimmed = piece.trim();
            if trimmed.is_empty() {
                blanks += 1;
                continue;
            }
            if blanks > 0 {
                let gap = if !form_feeds && blanks >= 2 {
                    Item::Break
                } else {
                    Item::Gap
                };
                push(&mut items, gap);
                blanks = 0;
            }
            let indented = piece.starts_with(char::is_whitespace);
            push(
                &mut items,
                Item::Line {
                    text: trimmed,
                    indented,
                    page,
                },
            );
        }
    }
    while matches!(items.last(), Some(Item::Gap | Item::Break)) {
        items.pop();
    }
    items
}

/// The indices of the lines near each page break (and at the start and end
/// of the text, where the first header and the last footer stand).
fn zones(items: &[Item<'_>]) -> Vec<Vec<usize>> {
    let lines_from = |indices: &mut dyn Iterator<Item = usize>| -> Vec<usize> {
        let mut found = Vec::new();
        for i in indices {
            match items[i] {
                Item::Line { .. } => found.push(i),
                Item::Break => break,
                Item::Gap => {}
            }
            if found.len() == ZONE {
                break;
            }
        }
        found
    };
    let mut zones = vec![lines_from(&mut (0..items.len()))];
    for (b, item) in items.iter().enumerate() {
        if *item == Item::Break {
            zones.push(lines_from(&mut (0..b).rev()));
            zones.push(lines_from(&mut (b + 1..items.len())));
        }
    }
    zones.push(lines_from(&mut (0..items.len()).rev()));
    zones
}

/// A header's identity: digits stand for any digits, so "Page 3" and
/// "Page 4" are one running line. Lines ending like prose are never headers.
fn furniture_key(line: &str) -> Option<String> {
    width_within(line, RUNNING_MAX_WIDTH)?;
    if ends_like_prose(line) {
        return None;
    }
    Some(
        line.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_numeric() { '#' } else { c })
            .collect(),
    )
}

/// Removes page furniture; returns the page numbers and the running lines
/// it held.
fn remove_furniture(
    items: &mut Vec<Item<'_>>,
    repeats: usize,
) -> (Vec<(u32, String)>, Vec<String>) {
    let zones = zones(items);
    // Counted only at real page breaks (zones[0] and the last are the ends of
    // the text), and per line: a short page's only line sits next to two
    // breaks but is still content, while a running header repeats as lines.
    let mut lines_per_key: HashMap<String, (usize, usize)> = HashMap::new();
    let inner = zones.len().saturating_sub(1);
    for zone in zones.iter().take(inner).skip(1) {
        for &i in zone.iter().take(EDGE) {
            if let Item::Line { text, .. } = items[i]
                && let Some(key) = furniture_key(text)
            {
                let entry = lines_per_key.entry(key).or_insert((0, usize::MAX));
                if entry.1 != i {
                    *entry = (entry.0 + 1, i);
                }
            }
        }
    }
    let running = |text: &str| {
        furniture_key(text)
            .and_then(|k| lines_per_key.get(&k))
            .is_some_and(|&(n, _)| n >= repeats)
    };
    let mut furniture = Vec::new();
    for (z, zone) in zones.iter().enumerate() {
        let at_break = z > 0 && z + 1 < zones.len();
        // The top of the first page holds the masthead, which later pages
        // may repeat as their running header: it stays.
        let may_run = z > 0;
        // Furniture stands at the page's edge: walk in from the break and
        // stop at the first line of content.
        let mut walked = 0;
        for &i in zone {
            match items[i] {
                Item::Line { text, .. }
                    if is_page_number(text, true) || (may_run && running(text)) =>
                {
                    furniture.push(i)
                }
                _ => break,
            }
            walked += 1;
        }
        // A short line between the break and a page number is a header
        // even at the one page break of a two-page brief.
        if walked == 0
            && at_break
            && let [edge, next, ..] = zone[..]
            && let Item::Line { text: header, .. } = items[edge]
            && let Item::Line { text: number, .. } = items[next]
            && is_page_number(number, true)
            && width_within(header, LONE_HEADER_MAX_WIDTH).is_some()
            && furniture_key(header).is_some()
        {
            furniture.extend([edge, next]);
        }
    }
    let mut printed = Vec::new();
    let mut running: Vec<String> = Vec::new();
    for i in furniture {
        if let Item::Line { text, page, .. } = items[i] {
            match page_label(text) {
                Some(label) => printed.push((page, label)),
                None if !running.iter().any(|r| r == text) => running.push(text.to_string()),
                None => {}
            }
        }
        items[i] = Item::Break;
    }
    let mut labels = Vec::new();
    for i in 0..items.len() {
        let Item::Line { text, page, .. } = items[i] else {
            continue;
        };
        if is_page_number(text, false) {
            if let Some(label) = page_label(text) {
                printed.push((page, label));
            }
            items[i] = Item::Break;
        } else if is_blank_page_notice(text) {
            items[i] = Item::Break;
        } else if is_classification(text) {
            // Stamped on every page, above the text or beside it.
            items[i] = Item::Gap;
        } else if is_bare_number(text) && detached_label(items, i) {
            labels.push(i);
        }
    }
    // Dropped after the walk: a label is judged by its neighbours as they
    // were. Its notes stay on their page, so it leaves a gap, not a break.
    for i in labels {
        items[i] = Item::Gap;
    }
    compact(items);
    printed.sort_unstable();
    printed.dedup_by_key(|(page, _)| *page);
    (printed, running)
}

/// A number alone between blank lines next to another such number or to a
/// page break is a footnote's label cut off from its note, or a page
/// number away from the edge; a number alone in running text stays.
fn detached_label(items: &[Item<'_>], i: usize) -> bool {
    let is_line = |j: usize| matches!(items.get(j), Some(Item::Line { .. }));
    if i.checked_sub(1).is_some_and(is_line) || is_line(i + 1) {
        return false;
    }
    let lone_number = |j: usize| {
        matches!(items.get(j), Some(Item::Line { text, .. }) if is_bare_number(text))
            && !j.checked_sub(1).is_some_and(is_line)
            && !is_line(j + 1)
    };
    let broken = |j: Option<usize>| matches!(j.and_then(|j| items.get(j)), Some(Item::Break));
    broken(i.checked_sub(1))
        || broken(Some(i + 1))
        || i.checked_sub(2).is_some_and(lone_number)
        || lone_number(i + 2)
}

fn is_bare_number(text: &str) -> bool {
    (1..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

/// A security classification stamped on a government document's pages:
/// furniture wherever it stands, never a title or a line of the body.
pub(super) fn is_classification(text: &str) -> bool {
    const MARKS: &[&str] = &[
        "UNCLASSIFIED",
        "CLASSIFIED",
        "CONFIDENTIAL",
        "SECRET",
        "TOP SECRET",
        "OFFICIAL",
        "OFFICIAL-SENSITIVE",
        "PROTECTED",
        "PROTECTED A",
        "PROTECTED B",
        "RESTRICTED",
        "FOR OFFICIAL USE ONLY",
        "NON CLASSIFIÉ",
        "UNCLASSIFIED / NON CLASSIFIÉ",
    ];
    MARKS.contains(&text.trim())
}

/// "This page intentionally left blank." and its kin mark an empty page.
fn is_blank_page_notice(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("intentionally left blank")
        || matches!(text, "此頁空白" | "此页空白" | "本頁空白" | "本页空白")
}

/// Merges the gaps and breaks that dropped furniture left side by side.
fn compact(items: &mut Vec<Item<'_>>) {
    let mut kept = 0usize;
    for i in 0..items.len() {
        let item = items[i];
        match (kept.checked_sub(1).map(|k| items[k]), item) {
            (None, Item::Gap | Item::Break) => {}
            (Some(Item::Break), Item::Gap | Item::Break) => {}
            (Some(Item::Gap), Item::Gap) => {}
            (Some(Item::Gap), Item::Break) => items[kept - 1] = Item::Break,
            _ => {
                items[kept] = item;
                kept += 1;
            }
        }
    }
    items.truncate(kept);
    while matches!(items.last(), Some(Item::Gap | Item::Break)) {
        items.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(items: &[Item<'_>]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                Item::Line { text, .. } => text.to_string(),
                Item::Gap => "<gap>".to_string(),
                Item::Break => "<break>".to_string(),
            })
            .collect()
    }

    #[test]
    fn two_blank_lines_are_a_page_break_only_without_form_feeds() {
        assert_eq!(
            lines(&split_items("a\n\n\nb\n\nc")),
            ["a", "<break>", "b", "<gap>", "c"]
        );
        assert_eq!(
            lines(&split_items("a\n\n\nb\u{c}c")),
            ["a", "<gap>", "b", "<break>", "c"]
        );
    }

    #[test]
    fn a_running_header_next_to_two_breaks_is_dropped() {
        let text = "遠景論壇 第 5 期\n正文一\n\u{c}遠景論壇 第 5 期\n正文二\n\u{c}遠景論壇 第 5 期\n正文三";
        assert_eq!(
            lines(&page_items(text)),
            [
                "遠景論壇 第 5 期",
                "正文一",
                "<break>",
                "正文二",
                "<break>",
                "正文三"
            ]
        );
    }

    #[test]
    fn page_numbers_at_breaks_are_dropped_but_numbers_in_text_stay() {
        let text = "First page text\n1\n\u{c}- 2 -\nSecond page\n\n42\n\nmore";
        assert_eq!(
            lines(&page_items(text)),
            [
                "First page text",
                "<break>",
                "Second page",
                "<gap>",
                "42",
                "<gap>",
                "more"
            ]
        );
    }

    #[test]
    fn a_heading_below_the_furniture_or_a_repeated_sentence_stays() {
        let page = |n: u32| {
            format!("Prospect Forum\n- {n} -\nII. Trade\nThe text goes on.\nIt ends alike.\n\u{c}")
        };
        let text: String = (1..=3).map(page).collect();
        let kept = lines(&page_items(&text));
        assert_eq!(
            kept.iter().filter(|l| *l == "II. Trade").count(),
            3,
            "{kept:?}"
        );
        assert_eq!(
            kept.iter().filter(|l| *l == "It ends alike.").count(),
            3,
            "{kept:?}"
        );
        assert_eq!(
            kept.iter().filter(|l| *l == "Prospect Forum").count(),
            1,
            "{kept:?}"
        );
        assert!(!kept.iter().any(|l| l.starts_with('-')), "{kept:?}");
    }

    #[test]
    fn a_header_above_a_page_number_goes_even_at_a_single_break() {
        let text = "end of the\n\u{c}Prospect Foundation Policy Brief\n2\n\nregion.";
        assert_eq!(
            lines(&page_items(text)),
            ["end of the", "<break>", "region."]
        );
    }

    #[test]
    fn without_form_feeds_a_running_line_needs_three_breaks() {
        let twice = "Text zero.\n\n\nBackground\n\n\nText one.\n\n\nBackground\n\n\nText two.";
        assert_eq!(
            lines(&page_items(twice))
                .iter()
                .filter(|l| *l == "Background")
                .count(),
            2
        );
        let thrice =
            "Forum\nText one.\n\n\nForum\nText two.\n\n\nForum\nText three.\n\n\nForum\nText four.";
        let kept = lines(&page_items(thrice));
        assert_eq!(kept.iter().filter(|l| *l == "Forum").count(), 1, "{kept:?}");
    }

    #[test]
    fn the_masthead_on_the_first_page_stays_though_later_pages_repeat_it() {
        let text = "遠景論壇\n標題\n\u{c}遠景論壇\n正文一\n\u{c}遠景論壇\n正文二";
        assert_eq!(
            lines(&page_items(text)),
            ["遠景論壇", "標題", "<break>", "正文一", "<break>", "正文二"]
        );
    }

    #[test]
    fn a_line_seen_at_only_one_break_stays() {
        let text = "Title\nbody\n\u{c}Section two\nbody";
        assert!(lines(&page_items(text)).contains(&"Section two".to_string()));
    }

    #[test]
    fn page_numbers_dropped_are_kept_as_labels() {
        let text = "Title\nbody one\n- 7 -\u{c}body two\nmore of it\n- 8 -\u{c}body three";
        let (items, labels) = paged_items(text);
        assert!(labels.paged);
        assert_eq!(labels.printed, [(0, "7".to_string()), (1, "8".to_string())]);
        let pages: Vec<u32> = items
            .iter()
            .filter_map(|i| match i {
                Item::Line { page, .. } => Some(*page),
                _ => None,
            })
            .collect();
        assert_eq!(pages, [0, 0, 1, 1, 2]);
    }

    #[test]
    fn pages_without_a_printed_number_are_counted_on_from_their_neighbours() {
        let labels = PageLabels {
            paged: true,
            printed: vec![(1, "ii".into()), (3, "2".into()), (4, "3".into())],
            running: Vec::new(),
        };
        let names = PageNames::new(&labels, 6);
        assert_eq!(names.span((0, 5)), ["1", "ii", "1", "2", "3", "4"]);
        let stray = PageLabels {
            paged: true,
            printed: vec![(0, "1".into()), (1, "9".into()), (2, "3".into())],
            running: Vec::new(),
        };
        assert_eq!(PageNames::new(&stray, 3).span((0, 2)), ["1", "2", "3"]);
        assert_eq!(
            PageNames::new(&PageLabels::default(), 3).span((0, 1)),
            Vec::<String>::new()
        );
    }

    #[test]
    fn lone_numbers_and_blank_page_notices_are_furniture() {
        let text =
            "Some text here.\n\n1\n\n2\n\nA note.\n\u{c}This page intentionally left blank.\n";
        assert_eq!(
            lines(&page_items(text)),
            ["Some text here.", "<gap>", "A note."]
        );
    }

    #[test]
    fn leading_indentation_is_remembered() {
        assert_eq!(
            split_items("  first\nsecond"),
            [
                Item::Line {
                    text: "first",
                    indented: true,
                    page: 0
                },
                Item::Line {
                    text: "second",
                    indented: false,
                    page: 0
                }
            ]
        );
    }
}
