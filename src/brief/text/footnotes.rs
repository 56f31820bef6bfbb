//! Footnotes in extracted text: blocks at the foot of a page that open with
//! a label ("12 See, in particular, …", "[3] …") whose marker the page's
//! text carries ("…establishment12.", "ledgers3") go to the back matter,
//! label and all; the marker stays in the text where it stands.

use super::blocks::Block;
use super::roles::Role;

/// A footnote label has at most this many digits.
const LABEL_MAX_DIGITS: usize = 3;

/// Marks the footnotes of each page among `body`.
pub(super) fn mark_footnotes(body: &[Block], roles: &mut [Role]) {
    let mut end = body.len();
    while end > 0 {
        let page = body[end - 1].pages.1;
        let start = body[..end]
            .iter()
            .rposition(|b| b.pages.1 != page)
            .map_or(0, |k| k + 1);
        // Notes stand below the page's text: walk up from its foot.
        let mut k = end;
        while k > start
            && roles[k - 1] == Role::Paragraph
            && let Some(label) = label(&body[k - 1].text)
            && marked(&body[..k - 1], page, label)
        {
            roles[k - 1] = Role::Footnote;
            k -= 1;
        }
        end = start;
    }
}

/// The label a footnote opens with: "12" of "12 See …" or of "[12] See …",
/// when its text opens like a note (a capital, CJK, a web address).
fn label(text: &str) -> Option<&str> {
    let (label, note) = text.split_once(' ')?;
    let label = label
        .strip_prefix('[')
        .and_then(|l| l.strip_suffix(']'))
        .unwrap_or(label);
    let first = note.trim_start().chars().next()?;
    let opens_note = first.is_uppercase()
        || super::chars::is_cjk(first)
        || note.trim_start().starts_with("http")
        || note.trim_start().starts_with("www.");
    ((1..=LABEL_MAX_DIGITS).contains(&label.len())
        && label.bytes().all(|b| b.is_ascii_digit())
        && !label.starts_with('0')
        && opens_note)
        .then_some(label)
}

/// True when a block of `page` above the notes carries the marker `label`.
fn marked(above: &[Block], page: u32, label: &str) -> bool {
    above
        .iter()
        .rev()
        .take_while(|b| b.pages.1 >= page)
        .filter(|b| b.pages.0 <= page)
        .any(|b| has_marker(&b.text, label))
}

/// Words a number after which is a reference, not a note marker.
const REFERENCE_WORDS: &[&str] = &[
    "paragraph",
    "para",
    "article",
    "art",
    "section",
    "no",
    "p",
    "pp",
    "page",
    "chapter",
    "recital",
    "example",
    "figure",
    "table",
    "annex",
    "point",
    "rule",
    "§",
];

/// True when `text` holds `label` as a note marker.
fn has_marker(text: &str, label: &str) -> bool {
    marker_at(text, label).is_some()
}

/// Where `text` holds `label` as a note marker: glued to the end of a word
/// or after closing punctuation ("ledgers3", "July.1", "”12") first, else
/// set apart after a word ("the Union 20.", "authorities. 12, 13"); never
/// part of a number, a name ("G29"), a bracketed reference ("4(8)") or a
/// reference ("paragraph 31").
pub(super) fn marker_at(text: &str, label: &str) -> Option<usize> {
    let closing = |c: char| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | '’' | '”' | '"' | ')' | '」' | '。' | '，'
        )
    };
    let ends = |at: usize| {
        text[at + label.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() && !matches!(c, '(' | '/' | '-'))
    };
    let glued = |at: usize| {
        text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase() || closing(c))
    };
    let apart = |at: usize| {
        let head = &text[..at];
        head.ends_with(' ') && {
            let word = head.trim_end().rsplit(' ').next().unwrap_or_default();
            let bare = word.trim_end_matches(closing).to_lowercase();
            word.chars()
                .next_back()
                .is_some_and(|c| c.is_alphabetic() || closing(c))
                && !REFERENCE_WORDS.contains(&bare.as_str())
        }
    };
    let mut found = text
        .match_indices(label)
        .map(|(at, _)| at)
        .filter(|&at| ends(at));
    let first_apart = found.clone().find(|&at| apart(at));
    found.find(|&at| glued(at)).or(first_apart)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, page: u32) -> Block {
        Block {
            text: text.to_string(),
            lines: 1,
            marker: None,
            pages: (page, page),
            widest: 0,
        }
    }

    #[test]
    fn labelled_notes_under_their_markers_are_footnotes() {
        let body = [
            block(
                "The EDPB considers the establishment criterion12. It also notes a July.13",
                4,
            ),
            block("12 See, in particular, CJEU, C-352/85.", 4),
            block("13 Weltimmo, paragraph 31.", 4),
            block("The next page opens with text.", 5),
            block("14 Not a note: no marker on its page.", 5),
        ];
        let mut roles = vec![Role::Paragraph; 5];
        mark_footnotes(&body, &mut roles);
        assert_eq!(
            roles,
            [
                Role::Paragraph,
                Role::Footnote,
                Role::Footnote,
                Role::Paragraph,
                Role::Paragraph
            ]
        );
    }

    #[test]
    fn markers_are_glued_to_words_not_parts_of_numbers_or_names() {
        assert!(has_marker("distributed ledgers3 and more", "3"));
        assert!(has_marker("announced since July.1", "1"));
        assert!(has_marker("“It is here.”12 The", "12"));
        assert!(!has_marker("Article 4(8) of the GDPR", "8"));
        assert!(!has_marker("G29 WP169 and 2016/679", "29"));
        assert!(has_marker(
            "Fundamental Rights of the Union 20. However",
            "20"
        ));
        assert!(has_marker("and other authorities. 12, 13, 14, 15", "14"));
        assert!(!has_marker("Weltimmo, paragraph 31.", "31"));
        assert!(!has_marker("Regulation 2016/679", "679"));
        assert!(!has_marker("a 12-month plan", "12"));
    }

    #[test]
    fn a_numbered_sentence_is_no_note_label() {
        assert_eq!(label("19 defendants. The Administration must"), None);
        assert_eq!(label("2025 The year"), None);
        assert_eq!(label("[7] Source: OECD"), Some("7"));
        assert_eq!(label("7 https://example.org"), Some("7"));
    }
}
