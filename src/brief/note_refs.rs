//! Footnote references: the mark in the text that a note of the back
//! matter answers to ("…ledgers3", "…the Union 20.") becomes a span of its
//! own, styled as a reference. The text itself is unchanged, so ids and
//! notes' anchors are too.

use std::collections::HashMap;

use super::{Brief, Paragraph, ParagraphKind, Span};

/// Marks, in the paragraphs on each footnote's page, the first reference
/// to it.
pub fn mark_note_references(brief: &mut Brief) {
    let notes: Vec<(String, String)> = brief
        .back_matter
        .iter()
        .filter(|p| p.kind == ParagraphKind::Footnote)
        .filter_map(|p| Some((footnote_label(p)?, p.pages.first()?.clone())))
        .collect();
    if notes.is_empty() {
        return;
    }
    // Where each page's paragraphs are, found once.
    let mut on_page: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for (s, section) in brief.sections.iter().enumerate() {
        for (k, p) in section.paragraphs.iter().enumerate() {
            if matches!(p.kind, ParagraphKind::Text | ParagraphKind::ListItem) {
                for page in &p.pages {
                    on_page.entry(page.as_str()).or_default().push((s, k));
                }
            }
        }
    }
    let mut marks = Vec::new();
    for (label, page) in &notes {
        let found = on_page.get(page.as_str()).and_then(|places| {
            places.iter().find_map(|&(s, k)| {
                let text = brief.sections[s].paragraphs[k].text();
                let at = super::text::note_marker_at(&text, label)?;
                Some((s, k, at..at + label.len()))
            })
        });
        marks.extend(found);
    }
    for (s, k, range) in marks {
        split_off_mark(&mut brief.sections[s].paragraphs[k], range);
    }
}

/// The label of a footnote paragraph: its marker, else its first word when
/// that is a number ("12 See …").
pub fn footnote_label(p: &Paragraph) -> Option<String> {
    if let Some(marker) = &p.marker {
        return Some(marker.trim_matches(['[', ']']).to_string());
    }
    let first = p.spans.first()?.text.split(' ').next()?;
    let digits = first.trim_matches(['[', ']']);
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.to_string())
}

/// Makes bytes `range` of the paragraph's text a reference span, when they
/// lie within one span.
fn split_off_mark(p: &mut Paragraph, range: std::ops::Range<usize>) {
    let mut start = 0;
    for i in 0..p.spans.len() {
        let end = start + p.spans[i].text.len();
        if range.start >= start && range.end <= end {
            let span = p.spans.remove(i);
            let (before, rest) = span.text.split_at(range.start - start);
            let (mark, after) = rest.split_at(range.len());
            let piece = |text: &str, note: bool| Span {
                text: text.to_string(),
                style: super::Style {
                    note,
                    ..span.style.clone()
                },
            };
            let pieces = [piece(before, false), piece(mark, true), piece(after, false)];
            let kept: Vec<Span> = pieces.into_iter().filter(|s| !s.text.is_empty()).collect();
            p.spans.splice(i..i, kept);
            return;
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::Section;

    fn paged(kind: ParagraphKind, text: &str, page: &str) -> Paragraph {
        Paragraph {
            pages: vec![page.to_string()],
            ..Paragraph::plain(kind, text)
        }
    }

    #[test]
    fn the_mark_a_footnote_answers_to_becomes_a_reference_span() {
        let mut brief = Brief {
            sections: vec![Section {
                paragraphs: vec![
                    paged(
                        ParagraphKind::Text,
                        "Held in 12 distributed ledgers12 today.",
                        "3",
                    ),
                    paged(ParagraphKind::Text, "Another ledgers12 later.", "4"),
                ],
                ..Section::default()
            }],
            back_matter: vec![paged(ParagraphKind::Footnote, "12 See the annex.", "3")],
            ..Brief::default()
        };
        mark_note_references(&mut brief);
        let spans: Vec<(&str, bool)> = brief.sections[0].paragraphs[0]
            .spans
            .iter()
            .map(|s| (s.text.as_str(), s.style.note))
            .collect();
        assert_eq!(
            spans,
            [
                ("Held in 12 distributed ledgers", false),
                ("12", true),
                (" today.", false)
            ]
        );
        assert_eq!(
            brief.sections[0].paragraphs[0].text(),
            "Held in 12 distributed ledgers12 today."
        );
        assert_eq!(
            brief.sections[0].paragraphs[1].spans.len(),
            1,
            "another page"
        );
    }
}
