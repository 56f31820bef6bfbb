//! Authors named in the body of a Markdown brief, near its start:
//!
//! - a byline paragraph: a label and the names (`作者：王明`, `By Jane Doe`,
//!   `**Author:** Jane Doe`, `*By Jane Doe*`, `【撰文：某協會研究員周穗斌】`);
//!   a name after a position (`研究員周穗斌`) is taken without it;
//! - a label alone (`From:`, `Authors:`, `作者：`) followed by a list whose
//!   items each start with a name (a memo's signatories, `Name<br>Title`).
//!
//! Failing those, near the end: the same bylines (`Authors: …`), an
//! "about the author" block (`About the authors`, `作者簡介`) whose
//! paragraphs open with a name (`Jane Doe is …`, `王明，…`), or a signature
//! block: a line that is only a name, followed within two lines by a date.
//!
//! A byline names the writers; front matter `author` may name a column or
//! a channel instead, so when the byline names other people, it wins and
//! the front matter's value is kept as the series (when there is none).

use crate::brief::{Brief, Paragraph, ParagraphKind};

/// Only this many paragraphs from the start are searched: a byline sits
/// under the title, not in the body.
const OPENING_PARAGRAPHS: usize = 12;

/// The last this many paragraphs are searched for closing bylines and
/// signature blocks.
const CLOSING_PARAGRAPHS: usize = 12;

/// Headings and labels of an "about the author" block, lower-case.
#[rustfmt::skip]
const ABOUT_LABELS: &[&str] = &[
    "about the author", "about the authors", "about the author(s)", "作者簡介", "作者简介",
    "關於作者", "关于作者", "作者介紹", "作者介绍",
];

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
    let body: Vec<&Paragraph> = brief
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .collect();
    let opening = &body[..body.len().min(OPENING_PARAGRAPHS)];
    let found = from_opening(opening).or_else(|| {
        if !brief.meta.authors.is_empty() {
            return None;
        }
        let tail = &body[body.len().saturating_sub(CLOSING_PARAGRAPHS)..];
        from_opening(tail)
            .or_else(|| about_the_author(&brief.sections))
            .or_else(|| signature(tail))
    });
    let Some(found) = found else {
        return;
    };
    let meta = &mut brief.meta;
    if !meta.authors.is_empty()
        && !meta.authors.iter().all(|a| found.contains(a))
        && meta.series.is_none()
    {
        meta.series = Some(meta.authors.join("、"));
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

/// The names opening the paragraphs of an "about the author" section.
fn about_the_author(sections: &[crate::brief::Section]) -> Option<Vec<String>> {
    let section = sections.iter().rev().find(|s| {
        s.title.as_deref().is_some_and(|t| {
            ABOUT_LABELS.contains(
                &t.trim()
                    .trim_end_matches([':', '：'])
                    .to_lowercase()
                    .as_str(),
            )
        })
    })?;
    let names: Vec<String> = section
        .paragraphs
        .iter()
        .filter_map(|p| leading_name(&p.text()))
        .collect();
    (!names.is_empty()).then_some(names)
}

/// The name a biography opens with: `Jane Doe is a fellow …`,
/// `王明，某研究院研究員` or `王明（…）`.
fn leading_name(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some(cut) = text.find(['，', ',', '（', '(']) {
        let head = text[..cut].trim();
        if is_cjk_name(head) {
            return Some(head.to_string());
        }
    }
    let cut = [" is ", " was ", " serves ", " has ", " leads ", ", "]
        .iter()
        .filter_map(|w| text.find(w))
        .min()?;
    let head = text[..cut].trim();
    is_latin_name(head).then(|| head.to_string())
}

/// A signature block among the closing paragraphs: a line that is only a
/// name, then a date within the next two lines (an organisation or a
/// position may stand between).
fn signature(tail: &[&Paragraph]) -> Option<Vec<String>> {
    let lines: Vec<String> = tail
        .iter()
        .filter(|p| matches!(p.kind, ParagraphKind::Text | ParagraphKind::Quote))
        .flat_map(|p| {
            p.text()
                .lines()
                .map(|l| l.trim().to_string())
                .collect::<Vec<_>>()
        })
        .filter(|l| !l.is_empty())
        .collect();
    let at = lines.iter().enumerate().rev().find_map(|(i, line)| {
        let dated = lines.iter().skip(i + 1).take(2).any(|l| is_date_line(l));
        (dated && is_name(line)).then_some(i)
    })?;
    Some(vec![lines[at].clone()])
}

/// A short line that gives a date: `2025年3月1日`, `2025-03-01`,
/// `March 1, 2025`, `1 March 2025` — as the plain-text loader reads dates.
fn is_date_line(line: &str) -> bool {
    line.chars().count() <= 40 && crate::brief::text::date_of(line).is_some()
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
    fn closing_bylines_and_about_the_author_blocks() {
        let b = parse("# T\n\nBody.\n\nMore.\n\nAuthors: Jane Doe and John Roe\n");
        assert_eq!(b.meta.authors, ["Jane Doe", "John Roe"]);
        let b = parse(
            "# T\n\nBody.\n\n## About the authors\n\nJane Doe is a fellow.\n\n王明，某研究院研究員。\n",
        );
        assert_eq!(b.meta.authors, ["Jane Doe", "王明"]);
    }

    #[test]
    fn a_signature_block_at_the_end() {
        let b = parse("# 函\n\n正文。\n\n王小明  \n東海研究院  \n2025年3月1日\n");
        assert_eq!(b.meta.authors, ["王小明"]);
        let b = parse("# Memo\n\nBody.\n\nJane Doe\n\nDirector\n\nMarch 1, 2025\n");
        assert_eq!(b.meta.authors, ["Jane Doe"]);
        // A name without a date is no signature.
        assert!(
            parse("# Memo\n\nBody.\n\nJane Doe\n")
                .meta
                .authors
                .is_empty()
        );
    }

    #[test]
    fn front_matter_authors_stay_without_a_byline() {
        let b = parse("---\nauthor: 林若文\n---\n\n# T\n\nBody.\n");
        assert_eq!(b.meta.authors, ["林若文"]);
        assert_eq!(b.meta.series, None);
    }
}
