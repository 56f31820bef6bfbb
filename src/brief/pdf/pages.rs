//! The pages each paragraph came from, found by its text in the page text.
//!
//! The structure stage joins, drops and moves lines, so positions do not
//! survive it; the paragraph's text does, once whitespace is removed. Each
//! paragraph is looked up by its first characters from where the previous
//! one was found (then from the start, for text moved backwards such as the
//! title), and spans the pages from there to where its length reaches.

use crate::brief::{Brief, Paragraph};

/// Characters of a paragraph used to find it.
const KEY_CHARS: usize = 24;

/// Sets `pages` on every paragraph of `brief` from the page text `text`
/// (pages separated by `\f`) and the page labels.
pub fn assign_pages(brief: &mut Brief, text: &str, labels: &[String]) {
    // The text without whitespace, and the byte offset where each page starts.
    let mut dense = String::with_capacity(text.len());
    let mut starts = vec![0usize];
    for c in text.chars() {
        if c == '\u{c}' {
            starts.push(dense.len());
        } else if !c.is_whitespace() {
            dense.push(c);
        }
    }
    let page_at = |offset: usize| starts.partition_point(|&s| s <= offset).saturating_sub(1);
    let label = |page: usize| {
        labels
            .get(page)
            .cloned()
            .unwrap_or_else(|| (page + 1).to_string())
    };
    let mut cursor = 0usize;
    let mut place = |p: &mut Paragraph| {
        let own: String = p.text().chars().filter(|c| !c.is_whitespace()).collect();
        if own.is_empty() {
            return;
        }
        let key_end = own
            .char_indices()
            .nth(KEY_CHARS)
            .map_or(own.len(), |(i, _)| i);
        let key = &own[..key_end];
        let found = dense
            .get(cursor..)
            .and_then(|rest| rest.find(key))
            .map(|i| cursor + i)
            .or_else(|| dense.find(key));
        let Some(start) = found else { return };
        let end = (start + own.len()).min(dense.len()).saturating_sub(1);
        let (first, last) = (page_at(start), page_at(end));
        p.pages = (first..=last).map(label).collect();
        if start >= cursor {
            cursor = start + key.len();
        }
    };
    for p in brief.front_matter.iter_mut() {
        place(p);
    }
    for s in brief.sections.iter_mut() {
        for p in s.paragraphs.iter_mut() {
            place(p);
        }
    }
    for p in brief.back_matter.iter_mut() {
        place(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::{ParagraphKind, Section};

    #[test]
    fn paragraphs_get_the_pages_they_span() {
        let text =
            "One first para.\n\nTwo starts here and\u{c}ends on the next page.\n\u{c}Three.\n";
        let mut brief = Brief {
            sections: vec![Section {
                paragraphs: vec![
                    Paragraph::plain(ParagraphKind::Text, "One first para."),
                    Paragraph::plain(
                        ParagraphKind::Text,
                        "Two starts here and ends on the next page.",
                    ),
                    Paragraph::plain(ParagraphKind::Text, "Three."),
                ],
                ..Section::default()
            }],
            ..Brief::default()
        };
        let labels: Vec<String> = ["i", "ii", "1"].iter().map(|s| s.to_string()).collect();
        assign_pages(&mut brief, text, &labels);
        let pages: Vec<&Vec<String>> = brief.sections[0]
            .paragraphs
            .iter()
            .map(|p| &p.pages)
            .collect();
        assert_eq!(
            pages,
            [
                &vec!["i".to_string()],
                &vec!["i".into(), "ii".into()],
                &vec!["1".to_string()]
            ]
        );
    }
}
