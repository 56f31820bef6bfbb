//! `gloss FILE --at ID|LINE|pPAGE`: where the reader opens. An id is a
//! paragraph's or section's, as `gloss search` prints them (`#p…`, `#s…`);
//! a number is a line of the file, as `gloss search` prints it after the
//! file name (`+N` also works, as for editors); `p7` (or `--page 7`) is the
//! page printed 7, for a PDF or a text with form feeds between its pages.

use anyhow::bail;

use crate::brief::Brief;
use crate::brief::source_lines::{BlockRef, SourceLines};

/// The block `at` names in `brief`, read from the text `source` (`None`
/// for a PDF); `shown` names the file in messages.
pub fn resolve(
    brief: &Brief,
    source: Option<&str>,
    at: &str,
    shown: &str,
) -> anyhow::Result<BlockRef> {
    let wanted = at.trim().trim_start_matches(['#', '+']);
    if wanted.is_empty() {
        bail!("--at needs a paragraph id or a line number");
    }
    if wanted.chars().all(|c| c.is_ascii_digit()) {
        return by_line(brief, source, wanted, shown);
    }
    if let Some(found) = by_id(brief, wanted) {
        return Ok(found);
    }
    // Ids are `p` and twelve hex digits, so `p7` or `pvii` names a page.
    let numeral = |label: &str| {
        !label.is_empty()
            && (label.bytes().all(|b| b.is_ascii_digit())
                || label.bytes().all(|b| b"ivxlcdmIVXLCDM".contains(&b)))
    };
    match wanted.strip_prefix(['p', 'P']) {
        Some(label) if numeral(label) => page(brief, label, shown),
        _ => bail!(
            "{shown} has no paragraph or section with id {wanted} (`gloss search` prints the ids)"
        ),
    }
}

/// The first paragraph on the page printed `label` ("7", "vii").
pub fn page(brief: &Brief, label: &str, shown: &str) -> anyhow::Result<BlockRef> {
    let label = label.trim();
    let on = |p: &crate::brief::Paragraph| p.pages.iter().any(|l| l.eq_ignore_ascii_case(label));
    if let Some(i) = brief.front_matter.iter().position(on) {
        return Ok(BlockRef::Front(i));
    }
    for (s, section) in brief.sections.iter().enumerate() {
        if let Some(i) = section.paragraphs.iter().position(on) {
            return Ok(BlockRef::Body(s, i));
        }
    }
    if let Some(i) = brief.back_matter.iter().position(on) {
        return Ok(BlockRef::Back(i));
    }
    // The back matter's notes come from every page; the body ends last.
    let body = brief
        .front_matter
        .iter()
        .chain(brief.sections.iter().flat_map(|s| &s.paragraphs));
    let last = brief
        .meta
        .page_labels
        .last()
        .or_else(|| body.rev().find_map(|p| p.pages.last()));
    match last {
        Some(last) => bail!("{shown} has no page {label} (its last page is {last})"),
        None => bail!("{shown} has no page numbers to go to"),
    }
}

fn by_line(
    brief: &Brief,
    source: Option<&str>,
    wanted: &str,
    shown: &str,
) -> anyhow::Result<BlockRef> {
    let Some(source) = source else {
        bail!("{shown} has no lines to go to (a PDF): use a paragraph id from `gloss search`");
    };
    let lines = SourceLines::new(brief, source);
    let count = lines.line_count();
    let line = match wanted.parse::<usize>() {
        Ok(n) if (1..=count).contains(&n) => n,
        _ => bail!("{shown} has lines 1 to {count}, not {wanted}"),
    };
    match lines.block_at(line) {
        Some(block) => Ok(block),
        None => bail!("{shown} has no text to show"),
    }
}

fn by_id(brief: &Brief, id: &str) -> Option<BlockRef> {
    let front = brief.front_matter.iter().position(|p| p.id == id);
    if let Some(i) = front {
        return Some(BlockRef::Front(i));
    }
    for (s, section) in brief.sections.iter().enumerate() {
        if section.id == id && section.title.is_some() {
            return Some(BlockRef::Heading(s));
        }
        if let Some(i) = section.paragraphs.iter().position(|p| p.id == id) {
            return Some(BlockRef::Body(s, i));
        }
    }
    let back = brief.back_matter.iter().position(|p| p.id == id);
    back.map(BlockRef::Back)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::{assign_ids, markdown};

    const SOURCE: &str = "# 標題\n\n第一段。\n\n## 二\n\n第二段，\n跨兩行。\n";

    fn brief() -> Brief {
        let mut b = markdown::parse(SOURCE);
        assign_ids(&mut b);
        b
    }

    #[test]
    fn ids_name_paragraphs_and_headings_with_or_without_a_hash() {
        let b = brief();
        let para = b.sections[1].paragraphs[0].id.clone();
        let heading = b.sections[1].id.clone();
        let r = |at: &str| resolve(&b, Some(SOURCE), at, "b.md").unwrap();
        assert_eq!(r(&para), BlockRef::Body(1, 0));
        assert_eq!(r(&format!("#{para}")), BlockRef::Body(1, 0));
        assert_eq!(r(&heading), BlockRef::Heading(1));
    }

    #[test]
    fn lines_name_the_block_that_holds_them() {
        let b = brief();
        let r = |at: &str| resolve(&b, Some(SOURCE), at, "b.md").unwrap();
        assert_eq!(r("8"), BlockRef::Body(1, 0));
        assert_eq!(r("+7"), BlockRef::Body(1, 0));
        assert_eq!(r("4"), BlockRef::Body(0, 0));
    }

    #[test]
    fn what_names_nothing_is_a_one_line_error() {
        let b = brief();
        let e = |at: &str, source| resolve(&b, source, at, "b.md").unwrap_err().to_string();
        assert_eq!(e("99", Some(SOURCE)), "b.md has lines 1 to 9, not 99");
        assert_eq!(e("0", Some(SOURCE)), "b.md has lines 1 to 9, not 0");
        assert!(e("pnothere", Some(SOURCE)).contains("no paragraph or section with id pnothere"));
        assert!(e("3", None).contains("no lines"));
        assert!(e("#", Some(SOURCE)).contains("needs a paragraph id"));
        assert!(e("p7", Some(SOURCE)).contains("no page numbers"));
    }

    #[test]
    fn p_and_a_label_name_the_first_paragraph_on_that_page() {
        let mut b = crate::brief::text::parse("第一頁。\n\u{c}第二頁的第一段。\n\n第二段。\n");
        assign_ids(&mut b);
        let r = |at: &str| resolve(&b, None, at, "b.txt");
        let second = r("p2").unwrap();
        let BlockRef::Body(s, i) = second else {
            panic!("{second:?}");
        };
        assert_eq!(b.sections[s].paragraphs[i].text(), "第二頁的第一段。");
        assert_eq!(r("p1").unwrap(), BlockRef::Body(0, 0));
        assert!(
            r("p9")
                .unwrap_err()
                .to_string()
                .contains("no page 9 (its last page is 2)")
        );
    }
}
