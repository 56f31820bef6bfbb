//! Tables of contents: a "Contents" line and entries with dot or underscore
//! leaders and page numbers. A contents page belongs to the front matter,
//! and its entries name the headings that the body will have.

use super::headings::numbering;

#[rustfmt::skip]
const CONTENTS_TITLES: &[&str] = &[
    "contents", "table of contents", "目錄", "目录", "目次", "內容", "content",
];

/// This many leader characters in a row lead an entry to its page number.
const LEADER_MIN_RUN: usize = 4;

fn is_leader(c: char) -> bool {
    matches!(c, '.' | '_' | '…' | '·' | '‧' | '-' | '－')
}

/// True for the line that opens a table of contents.
pub(super) fn is_contents_title(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    CONTENTS_TITLES.contains(&lower.as_str())
}

/// True when `text` holds a run of leaders ("Introduction ........ 1",
/// "Foreword ____ 4"); spaced dots (". . . .") count too.
pub(super) fn has_leaders(text: &str) -> bool {
    leader_runs(text).next().is_some()
}

/// The byte ranges of the leader runs in `text`.
fn leader_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((start, c)) = chars.next() {
            if !is_leader(c) {
                continue;
            }
            let (mut end, mut count) = (start + c.len_utf8(), 1);
            while let Some(&(i, n)) = chars.peek() {
                if is_leader(n) || (n == ' ' && count > 0) {
                    if n != ' ' {
                        count += 1;
                    }
                    end = i + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if count >= LEADER_MIN_RUN {
                return Some((start, end));
            }
        }
        None
    })
}

/// The headings a block of a contents page names: the text before each run
/// of leaders, without the page numbers around it.
pub(super) fn entries(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut from = 0;
    for (start, end) in leader_runs(text) {
        let entry = trim_page_numbers(&text[from..start]);
        if !entry.is_empty() && !is_contents_title(entry) {
            found.push(entry.to_string());
        }
        from = end;
    }
    found
}

fn trim_page_numbers(piece: &str) -> &str {
    let is_page = |w: &str| {
        !w.is_empty()
            && (w.chars().all(|c| c.is_ascii_digit())
                || w.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
    };
    let mut piece = piece.trim();
    while let Some((first, rest)) = piece.split_once(char::is_whitespace)
        && is_page(first)
        && rest.trim_start().starts_with(|c: char| c.is_alphabetic())
        && numbering(piece).is_none()
    {
        piece = rest.trim_start();
    }
    piece
}

/// The characters of a key, lowered: ASCII and caseless text cheaply, the
/// full Unicode lowering only where it can matter.
fn key_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    let body = numbering(text).map_or(text, |n| n.body);
    body.chars().filter(|c| !c.is_whitespace()).flat_map(|c| {
        let ascii = c.is_ascii() || !c.is_uppercase();
        let one = ascii.then(|| c.to_ascii_lowercase());
        one.into_iter()
            .chain((!ascii).then(|| c.to_lowercase()).into_iter().flatten())
    })
}

/// The first two characters of `text`'s key, if it has two: a listed
/// heading's key starts the same.
pub(super) fn key_start(text: &str) -> Option<(char, char)> {
    let mut chars = key_chars(text);
    Some((chars.next()?, chars.next()?))
}

/// How a heading is compared with a contents entry: no numbering, no
/// spaces, no case, no trailing punctuation or footnote digits.
pub(super) fn key(text: &str) -> String {
    let mut squeezed = String::with_capacity(text.len());
    squeezed.extend(key_chars(text));
    squeezed
        .trim_end_matches(|c: char| c.is_ascii_digit() || ".:：。".contains(c))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_starts_as_its_start_says() {
        for text in [
            "Introduction ....... 1",
            "壹、前言",
            "1.2 Über Öffnung",
            "  A  b c",
            "Ⅳ. ÉTAT",
        ] {
            let key: Vec<char> = key(text).chars().take(2).collect();
            let start = key_start(text).map(|(a, b)| vec![a, b]);
            assert_eq!(start.as_deref(), Some(&key[..]), "{text}");
        }
        assert_eq!(key_start("A"), None);
    }

    #[test]
    fn leaders_of_dots_underscores_and_spaced_dots() {
        assert!(has_leaders("Introduction ........................ 1"));
        assert!(has_leaders("Foreword by the Prime Minister ______ 4"));
        assert!(has_leaders("第一章 緒論 . . . . . . 3"));
        assert!(!has_leaders("The U.S. and the E.U. agreed."));
        assert!(!has_leaders("COVID-19 - 2020"));
    }

    #[test]
    fn entries_lose_their_page_numbers() {
        assert_eq!(
            entries(
                "Contents ______ 3 Foreword by the Prime Minister ______ 4 Lay the foundations ____ 9"
            ),
            ["Foreword by the Prime Minister", "Lay the foundations"]
        );
        assert_eq!(entries("Introduction ..........."), ["Introduction"]);
    }

    #[test]
    fn headings_match_entries_whatever_their_numbering_and_case() {
        assert_eq!(
            key("1 APPLICATION OF THE ESTABLISHMENT CRITERION - ART 3(1)"),
            key("Application of the establishment criterion - Art 3(1)")
        );
        assert_eq!(
            key("b) Exemptions from the obligation31"),
            key("Exemptions from the obligation")
        );
        assert!(is_contents_title("Table of Contents"));
        assert!(is_contents_title("目錄"));
    }
}
