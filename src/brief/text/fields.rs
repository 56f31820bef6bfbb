//! Form fields: a short label, a colon and its value on one line, as in a
//! meeting's particulars (`時間：107 年 12 月 7 日`, `地點：本院大禮堂`) or a
//! digest's entries (`機構：RAND`, `Source: OECD`).

use super::chars::width_within;

/// A field's label is at most this wide (eight CJK characters).
const LABEL_MAX_WIDTH: usize = 14;
/// A Latin label has at most this many words.
const LABEL_MAX_WORDS: usize = 3;

/// The label of a field line and its value, when `text` is one.
pub(super) fn field(text: &str) -> Option<(&str, &str)> {
    let colon = text.find(['：', ':'])?;
    let label = text[..colon].trim();
    let colon_len = if text[colon..].starts_with('：') {
        '：'.len_utf8()
    } else {
        1
    };
    let value = text[colon + colon_len..].trim();
    // "https://…" is an address, not a field called "https".
    // A label is a plain noun: "[P0] 中国军事AI后勤：…" is a title.
    if label.is_empty()
        || value.is_empty()
        || value.starts_with("//")
        || label.contains(['[', ']', '【', '】', '｜', '|'])
    {
        return None;
    }
    width_within(label, LABEL_MAX_WIDTH)?;
    let latin = label.is_ascii();
    if latin && !latin_field(label, value) {
        return None;
    }
    Some((label, value))
}

/// "Pillar I: Accelerate AI Innovation" and "Stage 1: Digital Deliberation"
/// are headings: a numbered label, or a value in title case, is no field.
fn latin_field(label: &str, value: &str) -> bool {
    let numbered = label
        .split_whitespace()
        .last()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || "IVX".contains(c)));
    let title_case = value.split_whitespace().count() >= 2
        && value
            .split_whitespace()
            .filter(|w| w.len() > 3)
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    label.split_whitespace().count() <= LABEL_MAX_WORDS && !numbered && !title_case
}

/// True when `text` is a form field with a value.
pub(super) fn is_field(text: &str) -> bool {
    field(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_in_chinese_and_english() {
        assert_eq!(
            field("時間：107 年 12 月 7 日"),
            Some(("時間", "107 年 12 月 7 日"))
        );
        assert_eq!(
            field("主题：AI治理, 国防AI"),
            Some(("主题", "AI治理, 国防AI"))
        );
        assert_eq!(field("Source: OECD"), Some(("Source", "OECD")));
        assert_eq!(
            field("出（列）席人員：（詳如後附簽到單）").map(|f| f.0),
            Some("出（列）席人員")
        );
    }

    #[test]
    fn lines_that_are_not_fields() {
        assert_eq!(field("各位代表："), None, "a label with no value");
        assert_eq!(field("https://www.rand.org/pubs"), None);
        assert_eq!(
            field("The committee noted the following points about the plan: first"),
            None
        );
        assert_eq!(field("美中外交交鋒走向競爭有度？"), None);
        assert_eq!(field("[P0] 中国军事AI后勤：和平收益与战时脆弱性"), None);
        assert_eq!(field("Pillar I: Accelerate AI Innovation"), None);
        assert_eq!(field("Stage 3: Face-to-face Deliberation"), None);
    }
}
