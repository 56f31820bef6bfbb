//! Tables back among the paragraphs. The structure stage reads the text
//! with each table as one mark (so no cell is taken for a heading, and a
//! heading over a table still heads something); the mark is then replaced
//! by the table's rows. A table whose mark the structure stage did not keep
//! as a paragraph goes after the paragraph it followed on the page.

use super::table::Row;
use crate::brief::cells::Cells;
use crate::brief::{Brief, Paragraph, ParagraphKind, Section, Span};

/// Characters of a paragraph used to find it.
const KEY_CHARS: usize = 24;
/// Opens a table's mark: the object replacement character, which text taken
/// off a page never holds (extraction drops it).
pub const MARK: char = '\u{FFFC}';
/// The mark's second character names the table: this code point plus its
/// index, in a private use plane.
const MARK_BASE: u32 = 0xF_0000;
/// Ends a mark as a sentence ends, so that the structure stage never runs
/// the text after it (over a page break) into it.
const MARK_END: char = '.';
/// Tables that get a mark; any more are placed by position alone.
const MAX_MARKS: usize = 0xFFFE;

/// A table and where it stands in the text the structure stage reads.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedTable {
    /// Bytes of that text, whitespace removed, before the table.
    pub at: usize,
    /// The page it is on, counted from 0.
    pub page: usize,
    /// Its rows, top to bottom.
    pub rows: Vec<Row>,
}

/// From the page text without tables and the tables with their byte offsets
/// in it: the whole text (each row a line, cells two spaces apart), the text
/// without tables, both cleaned, and the tables placed.
pub fn weave(
    text: &str,
    tables: Vec<(usize, usize, Vec<Row>)>,
) -> (String, String, Vec<PlacedTable>) {
    use crate::brief::decode::clean;
    let mut whole = String::with_capacity(text.len());
    let mut flow = String::with_capacity(text.len());
    let mut dense = 0;
    let mut from = 0;
    let mut placed = Vec::with_capacity(tables.len());
    for (offset, page, rows) in tables {
        // Offsets fall at line starts, so cleaning piece by piece is
        // cleaning the whole.
        let piece = clean(text.get(from..offset).unwrap_or(""));
        from = offset.max(from);
        dense += piece
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(char::len_utf8)
            .sum::<usize>();
        whole.push_str(&piece);
        flow.push_str(&piece);
        if let Some(mark) = mark(placed.len()) {
            if !flow.is_empty() && !flow.ends_with('\u{c}') {
                flow.push('\n');
            }
            flow.push(MARK);
            flow.push(mark);
            flow.push(MARK_END);
            flow.push('\n');
        }
        let rows: Vec<Row> = rows
            .into_iter()
            .map(|row| Row {
                cells: row.cells.iter().map(|c| clean_cell(c)).collect(),
                ..row
            })
            .filter(|row| row.cells.iter().any(|c| !c.is_empty()))
            .collect();
        if !whole.is_empty() && !whole.ends_with(['\n', '\u{c}']) {
            whole.push('\n');
        }
        for row in &rows {
            whole.push('\n');
            whole.push_str(row.cells.join("  ").trim_end());
        }
        whole.push('\n');
        placed.push(PlacedTable {
            at: dense,
            page,
            rows,
        });
    }
    let rest = clean(text.get(from..).unwrap_or(""));
    whole.push_str(&rest);
    flow.push_str(&rest);
    (whole, flow, placed)
}

/// A cell's text made safe to show, on one line.
fn clean_cell(text: &str) -> String {
    let cleaned = crate::brief::decode::clean_fragment(text);
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The character that names table `index` in its mark.
fn mark(index: usize) -> Option<char> {
    (index < MAX_MARKS)
        .then(|| u32::try_from(index).ok())
        .flatten()
        .and_then(|i| char::from_u32(MARK_BASE + i))
}

/// The table a mark's second character names.
fn marked(c: char) -> Option<usize> {
    (c as u32)
        .checked_sub(MARK_BASE)
        .and_then(|i| usize::try_from(i).ok())
        .filter(|&i| i < MAX_MARKS)
}

/// Replaces each table's mark by its rows; a table whose mark is not in a
/// paragraph goes after the last heading or paragraph that starts before it
/// in `flow`. `labels` name the pages.
pub fn place_tables(brief: &mut Brief, flow: &str, tables: &[PlacedTable], labels: &[String]) {
    if tables.is_empty() {
        return;
    }
    let label = |page: usize| {
        labels
            .get(page)
            .cloned()
            .unwrap_or_else(|| (page + 1).to_string())
    };
    let row_paragraphs = |table: &PlacedTable| {
        table
            .rows
            .iter()
            .map(|row| Paragraph {
                kind: ParagraphKind::TableRow,
                // A plain row's text is its cells joined: kept once, in them.
                cells: Cells::from_slice(&row.cells),
                header: row.header,
                pages: if row.cut {
                    vec![label(table.page), label(table.page + 1)]
                } else {
                    vec![label(table.page)]
                },
                ..Paragraph::default()
            })
            .collect::<Vec<_>>()
    };
    let mut placed = vec![false; tables.len()];
    for section in &mut brief.sections {
        if !section.paragraphs.iter().any(|p| p.text().contains(MARK)) {
            continue;
        }
        let old = std::mem::take(&mut section.paragraphs);
        for p in old {
            let text = p.text();
            if !text.contains(MARK) {
                section.paragraphs.push(p);
                continue;
            }
            let mut pieces = text.split(MARK);
            let before = pieces.next().unwrap_or("").trim();
            if !before.is_empty() {
                section.paragraphs.push(Paragraph {
                    spans: vec![Span::plain(before)],
                    ..p.clone()
                });
            }
            for piece in pieces {
                let mut chars = piece.chars();
                let index = chars.next().and_then(marked).filter(|&i| i < tables.len());
                if let Some(i) = index.filter(|&i| !placed[i]) {
                    placed[i] = true;
                    section.paragraphs.extend(row_paragraphs(&tables[i]));
                }
                let rest = chars.as_str();
                let after = rest.strip_prefix(MARK_END).unwrap_or(rest).trim();
                if !after.is_empty() {
                    section.paragraphs.push(Paragraph {
                        pages: p.pages.clone(),
                        ..Paragraph::plain(ParagraphKind::Text, after)
                    });
                }
            }
        }
    }
    scrub_marks(brief);
    let left: Vec<(&PlacedTable, Vec<Paragraph>)> = tables
        .iter()
        .zip(&placed)
        .filter(|(_, done)| !**done)
        .map(|(t, _)| (t, row_paragraphs(t)))
        .collect();
    if !left.is_empty() {
        place_by_position(brief, flow, left);
    }
}

/// Takes what is left of marks out of everything the brief shows.
fn scrub_marks(brief: &mut Brief) {
    let clean = |s: &mut String| {
        if !s.contains(MARK) {
            return;
        }
        let mut out = String::with_capacity(s.len());
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            if c != MARK {
                out.push(c);
                continue;
            }
            chars.next_if(|&c| marked(c).is_some());
            chars.next_if_eq(&MARK_END);
        }
        *s = out.split_whitespace().collect::<Vec<_>>().join(" ");
    };
    let meta = &mut brief.meta;
    for field in [
        &mut meta.title,
        &mut meta.subtitle,
        &mut meta.affiliation,
        &mut meta.date,
        &mut meta.series,
        &mut meta.publisher,
    ]
    .into_iter()
    .flatten()
    {
        clean(field);
    }
    meta.authors.iter_mut().for_each(&clean);
    meta.authors.retain(|a| !a.is_empty());
    for section in &mut brief.sections {
        if let Some(title) = &mut section.title {
            clean(title);
        }
    }
    let paragraphs = brief
        .front_matter
        .iter_mut()
        .chain(
            brief
                .sections
                .iter_mut()
                .flat_map(|s| s.paragraphs.iter_mut()),
        )
        .chain(brief.back_matter.iter_mut());
    for p in paragraphs {
        p.spans.iter_mut().for_each(|span| clean(&mut span.text));
        p.spans.retain(|span| !span.text.is_empty());
    }
    let empty = |p: &Paragraph| p.spans.is_empty() && p.cells.is_empty();
    brief.front_matter.retain(|p| !empty(p));
    brief.back_matter.retain(|p| !empty(p));
    for section in &mut brief.sections {
        section.paragraphs.retain(|p| !empty(p));
    }
}

/// A section and the index in its paragraphs where rows go.
type Place = (usize, usize);

/// Puts each table after the last heading or paragraph that starts before
/// it in `flow`.
fn place_by_position(brief: &mut Brief, flow: &str, tables: Vec<(&PlacedTable, Vec<Paragraph>)>) {
    let dense: String = flow.chars().filter(|c| !c.is_whitespace()).collect();
    // Where each heading and paragraph starts: (offset, section, index of
    // the paragraph after it).
    let mut starts: Vec<(usize, usize, usize)> = Vec::new();
    let mut cursor = 0;
    let mut find = |text: &str| {
        let own: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let end = own
            .char_indices()
            .nth(KEY_CHARS)
            .map_or(own.len(), |(i, _)| i);
        let key = &own[..end];
        if key.is_empty() {
            return None;
        }
        let at = cursor + dense.get(cursor..)?.find(key)?;
        cursor = at + key.len();
        Some(at)
    };
    for (s, section) in brief.sections.iter().enumerate() {
        if let Some(at) = section.title.as_deref().and_then(&mut find) {
            starts.push((at, s, 0));
        }
        for (k, p) in section.paragraphs.iter().enumerate() {
            if p.kind == ParagraphKind::TableRow {
                continue;
            }
            if let Some(at) = find(&p.text()) {
                starts.push((at, s, k + 1));
            }
        }
    }
    // Where each table goes: after the last start before it, or (`None`)
    // before everything.
    let mut inserts: Vec<(Option<Place>, Vec<Paragraph>)> = tables
        .into_iter()
        .map(|(t, rows)| {
            let before = starts.partition_point(|&(at, _, _)| at < t.at);
            let place = before.checked_sub(1).map(|k| (starts[k].1, starts[k].2));
            (place, rows)
        })
        .collect();
    let opening = brief.sections.first().is_some_and(|s| s.title.is_none());
    if !opening && inserts.iter().any(|(place, _)| place.is_none()) {
        // A table before the first heading opens an untitled section.
        brief.sections.insert(0, Section::default());
        for (place, _) in &mut inserts {
            if let Some((s, _)) = place {
                *s += 1;
            }
        }
    }
    // From the last, so earlier places keep their indices.
    for (place, rows) in inserts.into_iter().rev() {
        let (s, k) = place.unwrap_or((0, 0));
        if let Some(section) = brief.sections.get_mut(s) {
            let k = k.min(section.paragraphs.len());
            section.paragraphs.splice(k..k, rows);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Row {
        Row {
            cells: cells.iter().map(|c| c.to_string()).collect(),
            header: false,
            cut: false,
        }
    }

    fn brief(paragraphs: &[&str]) -> Brief {
        Brief {
            sections: vec![Section {
                title: Some("Heading".into()),
                level: 1,
                paragraphs: paragraphs
                    .iter()
                    .map(|t| Paragraph::plain(ParagraphKind::Text, *t))
                    .collect(),
                ..Section::default()
            }],
            ..Brief::default()
        }
    }

    fn kinds_and_texts(brief: &Brief) -> Vec<(ParagraphKind, String)> {
        brief.sections[0]
            .paragraphs
            .iter()
            .map(|p| (p.kind, p.text()))
            .collect()
    }

    #[test]
    fn the_whole_text_holds_the_rows_and_the_flow_a_mark() {
        let text = "Heading\n\nSome text.\n";
        let (whole, flow, placed) = weave(
            text,
            vec![(
                text.len(),
                0,
                vec![row(&["a", "b\u{1b}[31m"]), row(&["c", ""])],
            )],
        );
        // A blank last cell leaves no spaces at the line's end.
        assert_eq!(whole, "Heading\n\nSome text.\n\na  b\nc\n");
        assert_eq!(flow, format!("Heading\n\nSome text.\n\n{MARK}\u{F0000}.\n"));
        // Bytes of "HeadingSometext." before the table.
        assert_eq!(placed[0].at, 16);
        assert_eq!(placed[0].rows[0].cells, ["a", "b"]);
    }

    #[test]
    fn a_mark_gives_way_to_the_rows_also_inside_a_paragraph() {
        let tables = [
            PlacedTable {
                at: 0,
                page: 0,
                rows: vec![row(&["x", "y"]), row(&["1", "2"])],
            },
            PlacedTable {
                at: 0,
                page: 1,
                rows: vec![row(&["z", "w"])],
            },
        ];
        let mut b = brief(&[
            "Before.",
            &format!("{MARK}\u{F0000}."),
            &format!("A sentence cut by {MARK}\u{F0001}. the table goes on."),
        ]);
        place_tables(&mut b, "", &tables, &["7".into(), "8".into()]);
        assert_eq!(
            kinds_and_texts(&b),
            [
                (ParagraphKind::Text, "Before.".to_string()),
                (ParagraphKind::TableRow, "x | y".to_string()),
                (ParagraphKind::TableRow, "1 | 2".to_string()),
                (ParagraphKind::Text, "A sentence cut by".to_string()),
                (ParagraphKind::TableRow, "z | w".to_string()),
                (ParagraphKind::Text, "the table goes on.".to_string()),
            ]
        );
        let rows = &b.sections[0].paragraphs;
        assert_eq!(rows[1].cells, ["x", "y"]);
        assert_eq!(rows[1].pages, ["7"]);
        assert_eq!(rows[4].pages, ["8"]);
    }

    #[test]
    fn a_table_whose_mark_was_lost_goes_after_the_paragraph_before_it() {
        let flow = "Heading\n\nFirst paragraph.\n\nSecond paragraph.\n";
        let tables = [PlacedTable {
            at: "HeadingFirstparagraph.".len(),
            page: 0,
            rows: vec![row(&["x", "y"])],
        }];
        let mut b = brief(&["First paragraph.", "Second paragraph."]);
        // The mark went into the title: it is taken out there.
        b.meta.title = Some(format!("A title {MARK}\u{F0000}."));
        place_tables(&mut b, flow, &tables, &[]);
        assert_eq!(b.meta.title.as_deref(), Some("A title"));
        let texts: Vec<String> = kinds_and_texts(&b).into_iter().map(|(_, t)| t).collect();
        assert_eq!(texts, ["First paragraph.", "x | y", "Second paragraph."]);
        assert_eq!(b.sections[0].paragraphs[1].pages, ["1"]);
    }

    #[test]
    fn a_table_before_the_first_heading_opens_an_untitled_section() {
        let flow = "Heading\n\nText.\n";
        let tables = [PlacedTable {
            at: 0,
            page: 0,
            rows: vec![row(&["x", "y"])],
        }];
        let mut b = brief(&["Text."]);
        place_tables(&mut b, flow, &tables, &[]);
        assert_eq!(b.sections.len(), 2);
        assert_eq!(b.sections[0].title, None);
        assert_eq!(b.sections[0].paragraphs[0].cells, ["x", "y"]);
    }
}
