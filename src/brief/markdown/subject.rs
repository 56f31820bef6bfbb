//! A memo's subject line near the start (`Subject: …`, `Re: …`, `主旨：…`,
//! `事由：…`) is its subtitle when nothing else names one: the front matter
//! or heading often carries only the memo number and addressees.

use crate::brief::{Brief, ParagraphKind};

/// Only this many paragraphs from the start are searched.
const OPENING_PARAGRAPHS: usize = 12;

/// Labels of a subject line, matched without regard to case.
const LABELS: &[&str] = &["subject", "re", "主旨", "事由", "主题", "主題"];

/// Sets the subtitle from a subject line, when there is one and no subtitle.
pub(super) fn find_subject(brief: &mut Brief) {
    if brief.meta.subtitle.is_some() {
        return;
    }
    let subject = brief
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .take(OPENING_PARAGRAPHS)
        .filter(|p| p.kind == ParagraphKind::Text)
        .find_map(|p| subject_of(&p.text()));
    if let Some(subject) = subject {
        brief.meta.subtitle = Some(subject);
    }
}

/// The subject a line gives after its label, if it is a subject line.
fn subject_of(text: &str) -> Option<String> {
    let text = text.trim();
    LABELS.iter().find_map(|label| {
        let head = text.get(..label.len())?;
        if !head.eq_ignore_ascii_case(label) {
            return None;
        }
        let value = text[label.len()..].strip_prefix([':', '：'])?.trim();
        (!value.is_empty() && !value.contains('\n')).then(|| value.to_string())
    })
}

#[cfg(test)]
mod tests {
    use crate::brief::markdown::parse;

    #[test]
    fn a_subject_line_is_the_subtitle() {
        let b = parse(
            "---\ntitle: M-13-13\n---\n\n**Subject:**{: .from} Open Data Policy&#8212;Managing\n\nBody.\n",
        );
        assert_eq!(
            b.meta.subtitle.as_deref(),
            Some("Open Data Policy—Managing")
        );
        let b = parse("# 函\n\n主旨：檢送會議紀錄一份。\n");
        assert_eq!(b.meta.subtitle.as_deref(), Some("檢送會議紀錄一份。"));
    }

    #[test]
    fn a_subtitle_from_front_matter_stays_and_prose_is_no_subject() {
        let b = parse("---\nsubtitle: Given\n---\n\nSubject: Other\n");
        assert_eq!(b.meta.subtitle.as_deref(), Some("Given"));
        let b = parse("# T\n\nResearch shows: things.\n\nSubjects: many\n");
        assert_eq!(b.meta.subtitle, None);
    }
}
