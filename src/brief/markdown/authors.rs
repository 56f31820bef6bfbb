//! Authors named in the body of a Markdown brief, near its start:
//!
//! - a byline paragraph: a label and the names (`作者：王明`, `By Jane Doe`,
//!   `**Author:** Jane Doe`, `*By Jane Doe*`, `【撰文：某協會研究員周穗斌】`);
//!   a name after a position (`研究員周穗斌`) is taken without it;
//! - a label alone (`From:`, `Authors:`, `作者：`) followed by a list whose
//!   items each start with a name (a memo's signatories, `Name<br>Title`).
//!
//! A byline names the writers; front matter `author` may name a column or
//! a channel instead, so when the byline names other people, it wins and
//! the front matter's value is kept as the series (when there is none).

use crate::brief::{Brief, Paragraph, ParagraphKind};

/// Only this many paragraphs from the start are searched: a byline sits
/// under the title, not in the body.
const OPENING_PARAGRAPHS: usize = 12;

/// Labels a byline starts with, lower-case; each is followed by a colon,
/// a slash, or (for the English ones) a space.
#[rustfmt::skip]
const LABELS: &[&str] = &[
    "作者", "撰文", "撰稿人", "撰稿", "執筆", "执笔", "文", "記者", "记者",
    "authors", "author(s)", "author", "written by", "by", "from",
];

/// Positions written before a Chinese name (`研究員周穗斌`).
#[rustfmt::skip]
const POSITIONS: &[&str] = &[
    "研究員", "研究员", "副研究員", "副研究员", "記者", "记者", "教授", "博士", "主任", "顧問",
    "顾问", "分析師", "分析师", "編輯", "编辑", "主席", "院長", "院长", "所長", "所长", "講師",
    "讲师", "律師", "律师", "總監", "总监", "委員", "委员", "學者", "学者", "專欄作家", "专栏作家",
];

/// Words that show a Latin phrase is a position or an organisation.
#[rustfmt::skip]
const NOT_NAME_WORDS: &[&str] = &[
    "fellow", "director", "officer", "professor", "senior", "chief", "president", "administrator",
    "institute", "university", "center", "centre", "office", "department", "deputy", "secretary",
    "the", "of", "and", "for", "staff", "team", "editor", "research", "policy", "government",
];

/// Sets `brief.meta.authors` from a byline near the start, when there is one.
pub(super) fn find_authors(brief: &mut Brief) {
    let opening: Vec<&Paragraph> = brief
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .take(OPENING_PARAGRAPHS)
        .collect();
    let Some(found) = from_opening(&opening) else {
        return;
    };
    let meta = &mut brief.meta;
    if !meta.authors.is_empty() && !meta.authors.iter().all(|a| found.contains(a)) {
        if meta.series.is_none() {
            meta.series = Some(meta.authors.join("、"));
        }
    }
    meta.authors = found;
}

/// The names of the first byline among the opening paragraphs.
fn from_opening(paragraphs: &[&Paragraph]) -> Option<Vec<String>> {
    for (i, p) in paragraphs.iter().enumerate() {
        if p.kind != ParagraphKind::Text && p.kind != ParagraphKind::Quote {
            continue;
        }
        let text = p.text();
        let Some(value) = after_label(&text) else {
            continue;
        };
        let names = if value.is_empty() {
            list_names(&paragraphs[i + 1..])
        } else {
            names_in(value)
        };
        if !names.is_empty() {
            return Some(names);
        }
    }
    None
}

/// The names opening each item of the list that follows a label.
fn list_names(after: &[&Paragraph]) -> Vec<String> {
    after
        .iter()
        .take_while(|p| p.kind == ParagraphKind::ListItem)
        .filter(|p| p.marker.is_some())
        .filter_map(|p| {
            let text = p.text();
            let first = text.lines().next().unwrap_or("").trim().to_string();
            let name = first.split([',', '，']).next().unwrap_or("").trim();
            is_name(name).then(|| name.to_string())
        })
        .collect()
}

/// What follows a byline label, trimmed ("" for a label alone); `None`
/// when the text does not start with one.
fn after_label(text: &str) -> Option<&str> {
    let text = text
        .trim()
        .trim_start_matches(['【', '[', '（', '(', '*', '_'])
        .trim_end_matches(['】', ']', '）', ')', '*', '_'])
        .trim();
    for label in LABELS {
        let Some(head) = text.get(..label.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(label) {
            continue;
        }
        let rest = &text[label.len()..];
        let latin = label.is_ascii();
        let value = if let Some(v) = rest.strip_prefix(['：', ':', '／', '/']) {
            v
        } else if latin && rest.starts_with(' ') && !matches!(*label, "from" | "authors") {
            rest
        } else {
            continue;
        };
        return Some(value.trim());
    }
    None
}

/// The personal names in a byline's value: split at `、，,；;`, " and ",
/// "&" and "與"; a position before a Chinese name is dropped.
fn names_in(value: &str) -> Vec<String> {
    let value = value.lines().next().unwrap_or("");
    let normalized = value.replace(" and ", "、").replace(" & ", "、");
    normalized
        .split(['、', '，', ',', '；', ';', '與', '与'])
        .filter_map(|part| {
            let part = part.trim();
            if is_name(part) {
                return Some(part.to_string());
            }
            // The name after the last position word.
            let (at, word) = POSITIONS
                .iter()
                .filter_map(|w| part.rfind(w).map(|i| (i, *w)))
                .max_by_key(|(i, w)| i + w.len())?;
            let name = part[at + word.len()..].trim();
            is_cjk_name(name).then(|| name.to_string())
        })
        .collect()
}

/// A Chinese name (2–4 Han characters, `·` between parts of a transliterated
/// one) or a Latin one (2–4 capitalised words or initials).
fn is_name(text: &str) -> bool {
    is_cjk_name(text) || is_latin_name(text)
}

fn is_cjk_name(text: &str) -> bool {
    let han = text.chars().filter(|&c| is_han(c)).count();
    (2..=4).contains(&han) && text.chars().all(|c| is_han(c) || c == '·')
        || (han >= 4 && text.contains('·') && text.chars().all(|c| is_han(c) || c == '·'))
}

fn is_latin_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let lower = w.to_lowercase();
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
                && !NOT_NAME_WORDS.contains(&lower.trim_end_matches('.'))
        })
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

#[cfg(test)]
mod tests {
    use crate::brief::markdown::parse;

    #[test]
    fn a_chinese_byline_with_a_position_gives_the_name() {
        let b = parse(
            "---\nauthor: 開放數據觀察\n---\n\n# 標題\n\n\
             【撰文：香港互聯網協會 [「香港開放數據指數」](https://x.org/) 研究員周穗斌】   \n\n正文。\n",
        );
        assert_eq!(b.meta.authors, ["周穗斌"]);
        assert_eq!(b.meta.series.as_deref(), Some("開放數據觀察"));
    }

    #[test]
    fn english_bylines_in_their_usual_forms() {
        for text in [
            "# T\n\nBy Jane Doe and John Roe\n\nBody.\n",
            "# T\n\n*By Jane Doe and John Roe*\n\nBody.\n",
            "# T\n\n**Authors:** Jane Doe, John Roe\n\nBody.\n",
        ] {
            assert_eq!(parse(text).meta.authors, ["Jane Doe", "John Roe"], "{text}");
        }
    }

    #[test]
    fn a_label_alone_then_a_list_of_signatories() {
        let b = parse(
            "**From:**\n\n* **Sylvia M. Burwell**<br />Director\n\
             * **Todd Park**<br />U.S. Chief Technology Officer\n\nBody.\n",
        );
        assert_eq!(b.meta.authors, ["Sylvia M. Burwell", "Todd Park"]);
    }

    #[test]
    fn prose_that_starts_like_a_label_is_no_byline() {
        let b = parse("# T\n\nBy the end of 2025, exports fell.\n\n文化部表示。\n");
        assert!(b.meta.authors.is_empty());
    }

    #[test]
    fn front_matter_authors_stay_without_a_byline() {
        let b = parse("---\nauthor: 林若文\n---\n\n# T\n\nBody.\n");
        assert_eq!(b.meta.authors, ["林若文"]);
        assert_eq!(b.meta.series, None);
    }
}
