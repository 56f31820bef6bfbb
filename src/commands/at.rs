//! `gloss FILE --at ID|LINE`: where the reader opens. An id is a
//! paragraph's or section's, as `gloss search` prints them (`#p…`, `#s…`);
//! a number is a line of the file, as `gloss search` prints it after the
//! file name (`+N` also works, as for editors).

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
    by_id(brief, wanted).ok_or_else(|| {
        anyhow::anyhow!(
            "{shown} has no paragraph or section with id {wanted} (`gloss search` prints the ids)"
        )
    })
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
    }
}
