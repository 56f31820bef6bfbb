//! Work bounded before the PDF reader does it: every page's content
//! stream is looked at (its decoded size, how many pieces of text it
//! shows) before any text is extracted, and a stream several pages share
//! is decoded once. A 100 KB stream can inflate to 100 MB, and a 5 KB page
//! can show a string 160,000 times.

use std::collections::HashMap;

use pdf_oxide::PdfDocument;
use pdf_oxide::object::{Object, ObjectRef};

/// Decoded content-stream bytes read per document; past them the rest of
/// the pages are left out. A report's pages of text and vector drawings
/// stay far below.
pub const MAX_DECODED_BYTES: usize = 256 * 1024 * 1024;
/// Pieces of text (`Tj`, `TJ`, `'`, `"`) a page may show; a page showing
/// more is left out, before its text is extracted. A dense page of
/// ideographs set glyph by glyph shows a few thousand.
pub const MAX_SHOWS_PER_PAGE: usize = 20_000;

/// Pages in a row that cannot be found before the rest are taken for
/// missing too, untried: the reader looks for a missing page through every
/// object of the file, so a report cut in half would cost pages × objects.
const MAX_MISSING_RUN: usize = 8;

/// What to do with each page, decided before any text is extracted: the
/// PDF reader's first extraction reads every page of the document (to find
/// running headers), so a hostile page must be known before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// Extract its text.
    Read,
    /// Its content is the very streams of this earlier page: the same page
    /// again, neither decoded nor extracted twice.
    SameAs(usize),
    /// It shows more than [`MAX_SHOWS_PER_PAGE`] pieces of text: left out.
    Crowded,
    /// The page itself cannot be read (a file cut short): tried once only.
    Unreadable,
}

/// The plan of every page up to the decoded-bytes budget.
#[derive(Debug, Default)]
pub struct Survey {
    /// One plan per page, in order; past the budget, none.
    pub plans: Vec<Plan>,
    /// True when the budget stopped the survey before the last page.
    pub over_budget: bool,
}

impl Survey {
    /// True when the document needs reading page by page, without the
    /// reader's pass over every page: it shares streams between pages,
    /// has a crowded page, or passes the budget.
    pub fn hostile(&self) -> bool {
        self.over_budget || self.plans.iter().any(|p| *p != Plan::Read)
    }
}

/// Surveys the first `pages` pages of `doc`: each distinct content stream
/// decoded once, its pieces of text counted, the decoded bytes summed
/// until they pass [`MAX_DECODED_BYTES`].
pub fn survey(doc: &PdfDocument, pages: usize) -> Survey {
    let mut survey = Survey::default();
    let mut seen: HashMap<Vec<ObjectRef>, usize> = HashMap::new();
    let mut decoded = 0usize;
    let mut missing_run = 0;
    for index in 0..pages {
        let found = if missing_run < MAX_MISSING_RUN {
            doc.get_page(index).ok()
        } else {
            None
        };
        let Some(page) = found else {
            missing_run += 1;
            survey.plans.push(Plan::Unreadable);
            continue;
        };
        missing_run = 0;
        let refs = content_refs(doc, &page);
        if let Some(&earlier) = refs.as_ref().and_then(|r| seen.get(r)) {
            survey.plans.push(Plan::SameAs(earlier));
            continue;
        }
        let content = doc.get_page_content_data(index).unwrap_or_default();
        decoded = decoded.saturating_add(content.len());
        if decoded > MAX_DECODED_BYTES {
            survey.over_budget = true;
            break;
        }
        if let Some(refs) = refs {
            seen.insert(refs, index);
        }
        survey
            .plans
            .push(if text_shows(&content) > MAX_SHOWS_PER_PAGE {
                Plan::Crowded
            } else {
                Plan::Read
            });
    }
    survey
}

/// The content streams `page` lists, by reference; `None` when it lists
/// none or holds one directly.
fn content_refs(doc: &PdfDocument, page: &Object) -> Option<Vec<ObjectRef>> {
    let contents = page.as_dict()?.get("Contents")?;
    if let Some(one) = contents.as_reference() {
        // A reference may name an array of references.
        return match doc.load_object(one).ok()? {
            Object::Array(items) => items.iter().map(Object::as_reference).collect(),
            _ => Some(vec![one]),
        };
    }
    contents
        .as_array()?
        .iter()
        .map(Object::as_reference)
        .collect()
}

/// How many pieces of text a content stream shows: its `Tj`, `TJ`, `'`
/// and `"` operators, strings, comments and inline images stepped over.
/// One pass over the bytes.
pub fn text_shows(content: &[u8]) -> usize {
    let mut shows = 0;
    let mut i = 0;
    while i < content.len() {
        match content[i] {
            b'(' => i = past_string(content, i),
            b'<' if content.get(i + 1) == Some(&b'<') => i += 2,
            b'<' => i = find(content, i, b'>').map_or(content.len(), |e| e + 1),
            b'%' => i = find(content, i, b'\n').map_or(content.len(), |e| e + 1),
            b if is_regular(b) => {
                let start = i;
                while i < content.len() && is_regular(content[i]) {
                    i += 1;
                }
                match &content[start..i] {
                    b"Tj" | b"TJ" | b"'" | b"\"" => shows += 1,
                    // Inline image data runs to `EI`, whatever its bytes.
                    b"ID" => i = past_inline_image(content, i),
                    _ => {}
                }
            }
            _ => i += 1,
        }
    }
    shows
}

fn is_regular(b: u8) -> bool {
    !b.is_ascii_whitespace()
        && b != 0
        && !matches!(
            b,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
        )
}

fn find(content: &[u8], from: usize, byte: u8) -> Option<usize> {
    content[from..]
        .iter()
        .position(|&b| b == byte)
        .map(|k| from + k)
}

/// Where a literal string opening at `open` ends: nested parentheses
/// balance, a backslash escapes the byte after it.
fn past_string(content: &[u8], open: usize) -> usize {
    let mut depth = 0usize;
    let mut i = open;
    while i < content.len() {
        match content[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    content.len()
}

/// Where inline image data starting at `from` ends: after `EI` standing
/// alone.
fn past_inline_image(content: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(at) = content[i..].windows(2).position(|w| w == b"EI") {
        let at = i + at;
        let before = at == 0 || content[at - 1].is_ascii_whitespace();
        let after = content.get(at + 2).is_none_or(|b| !is_regular(*b));
        if before && after {
            return at + 2;
        }
        i = at + 2;
    }
    content.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_shows_count_operators_not_their_look_alikes() {
        let content = b"BT /F1 12 Tf (a Tj in a string \\) still) Tj [(x) 5 (y)] TJ\n\
            % a comment with Tj\n(q) ' 1 2 (r) \" <54 6a> Tj ET\n\
            BI /W 1 /H 1 ID \x00Tj\xff EI Q";
        assert_eq!(text_shows(content), 5);
        assert_eq!(text_shows(b"(ab) Tj 1 0 Td (ab) Tj"), 2);
        assert_eq!(text_shows(b"(unterminated Tj"), 0);
    }
}
