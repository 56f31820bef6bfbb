//! Back matter written as ordinary sections: a section headed as a
//! reference list (`References`, `參考文獻`, `Notes`), an "about the
//! author" block, a disclaimer or contact details keeps its heading in the
//! outline, and its paragraphs go to the back matter, ahead of the
//! footnotes. Closing paragraphs that open as a disclaimer or an editor's
//! note (`Disclaimer:`, `免責聲明：`, `編按：`) go there too.

use crate::brief::Brief;

/// Section titles of back matter, lower-case, without numbering.
#[rustfmt::skip]
const BACK_MATTER_TITLES: &[&str] = &[
    "references", "reference", "bibliography", "works cited", "sources", "notes", "endnotes",
    "footnotes", "參考文獻", "参考文献", "參考資料", "参考资料", "參考書目", "参考书目", "註解", "注解",
    "註釋", "注释", "附註", "附注", "about the author", "about the authors", "about the author(s)",
    "作者簡介", "作者简介", "關於作者", "关于作者", "作者介紹", "作者介绍", "disclaimer", "免責聲明",
    "免责声明", "contact", "contact us", "contacts", "聯絡我們", "联系我们", "聯絡方式", "联系方式",
];

/// Openings of a closing disclaimer or editor's note, lower-case.
#[rustfmt::skip]
const NOTE_OPENINGS: &[&str] = &[
    "disclaimer:", "disclaimer：", "免責聲明", "免责声明", "編按", "编按", "編者按", "编者按",
    "editor's note", "editor’s note",
];

/// Moves back-matter sections' paragraphs and closing notes to back matter.
pub(super) fn collect(brief: &mut Brief) {
    let mut moved = Vec::new();
    for section in &mut brief.sections {
        if section.title.as_deref().is_some_and(is_back_matter_title) {
            moved.append(&mut section.paragraphs);
        }
    }
    if let Some(last) = brief.sections.last_mut() {
        let keep = last
            .paragraphs
            .iter()
            .rposition(|p| !is_closing_note(&p.text()))
            .map_or(0, |i| i + 1);
        moved.extend(last.paragraphs.drain(keep..));
    }
    if !moved.is_empty() {
        moved.append(&mut brief.back_matter);
        brief.back_matter = moved;
    }
}

/// True for a heading that names back matter, numbered or not
/// (`References`, `5. 參考文獻`, `Notes:`).
fn is_back_matter_title(title: &str) -> bool {
    let bare = title
        .trim()
        .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '、' | ' '))
        .trim_end_matches([':', '：'])
        .trim()
        .to_lowercase();
    BACK_MATTER_TITLES.contains(&bare.as_str())
}

fn is_closing_note(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    NOTE_OPENINGS.iter().any(|n| lower.starts_with(n))
}

#[cfg(test)]
mod tests {
    use crate::brief::markdown::parse;

    #[test]
    fn a_reference_section_keeps_its_heading_and_gives_its_text() {
        let b = parse(
            "# T\n\nBody.\n\n## 5. References\n\n1. Doe, J. (2024).\n\n## 參考文獻\n\n王明（2020）\n",
        );
        let titles: Vec<_> = b
            .sections
            .iter()
            .filter_map(|s| s.title.as_deref())
            .collect();
        assert_eq!(titles, ["T", "5. References", "參考文獻"]);
        assert!(b.sections[1].paragraphs.is_empty() && b.sections[2].paragraphs.is_empty());
        let back: Vec<_> = b.back_matter.iter().map(|p| p.text()).collect();
        assert_eq!(back, ["Doe, J. (2024).", "王明（2020）"]);
    }

    #[test]
    fn closing_disclaimers_are_back_matter_ahead_of_footnotes() {
        let b =
            parse("# T\n\nBody.[^1]\n\nDisclaimer: views are the authors' own.\n\n[^1]: A note.\n");
        assert_eq!(b.sections[0].paragraphs.len(), 1);
        let back: Vec<_> = b.back_matter.iter().map(|p| p.text()).collect();
        assert_eq!(back, ["Disclaimer: views are the authors' own.", "A note."]);
    }

    #[test]
    fn a_section_about_notes_on_method_stays_in_the_body() {
        let b = parse("# T\n\n## Notes on method\n\nWe sampled.\n");
        assert!(b.back_matter.is_empty());
        assert_eq!(b.sections[1].paragraphs.len(), 1);
    }
}
