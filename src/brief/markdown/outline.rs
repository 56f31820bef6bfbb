//! Headings a Markdown file writes without `#`: when a file has no Markdown
//! heading at all, or only a lone `#` title, standalone lines that are wholly bold (`**5.1 发展原则**`)
//! or start with heading numbering (`一、…`, `第五章 …`, `1.2 …`) are its
//! headings. They must be short and must not end like a sentence or a
//! label, so a bold lead sentence (`**发展原则：…。**`) stays a paragraph.
//! Levels follow the numbering: each numbering style takes the next level
//! the first time it appears, dotted decimals by their depth. When the first
//! block of the file is such a heading and no front matter names the brief,
//! it is the title, as a lone `#` line would be, unless it is numbered as
//! a section (`一、…`). A CJK-numbered paragraph whose short first sentence
//! runs into its body is a heading titled by that sentence.

use crate::brief::{Brief, Paragraph, ParagraphKind, Section};

/// Promoted headings are at most this many characters.
const HEADING_MAX_CHARS: usize = 60;

/// Promotes heading-like paragraphs of a brief without Markdown headings.
pub(super) fn promote_headings(brief: &mut Brief) {
    let titled: Vec<usize> = (0..brief.sections.len())
        .filter(|&i| brief.sections[i].title.is_some())
        .collect();
    // No heading at all, or a lone `#` title: the headings are in the text.
    let (host, base) = match titled.as_slice() {
        [] if brief.sections.len() == 1 => (0, 0),
        [only] if brief.sections[*only].level == 1 && *only + 1 == brief.sections.len() => {
            (*only, 1)
        }
        _ => return,
    };
    let paragraphs = &brief.sections[host].paragraphs;
    // One bold line alone is emphasis, not an outline. (Asked first: a list
    // of a heading or none for each of a long table's rows took megabytes.)
    if paragraphs.iter().filter_map(heading).nth(1).is_none() {
        return;
    }
    let styles: Vec<Option<Heading>> = paragraphs.iter().map(heading).collect();
    let mut order: Vec<Style> = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut current = std::mem::take(&mut brief.sections[host]);
    let paragraphs = std::mem::take(&mut current.paragraphs);
    for (index, (paragraph, found)) in paragraphs.into_iter().zip(styles).enumerate() {
        let Some(Heading {
            style,
            title,
            run_in,
        }) = found
        else {
            current.paragraphs.push(paragraph);
            continue;
        };
        // A numbered section ("一、…") opening the file is no title.
        let title_like = !run_in && matches!(style, Style::Plain | Style::Chapter);
        if index == 0 && base == 0 && title_like && brief.meta.title.is_none() {
            brief.meta.title = Some(title.clone());
        }
        let rank = match order.iter().position(|s| *s == style) {
            Some(rank) => rank,
            None => {
                order.push(style);
                order.len() - 1
            }
        };
        if current.title.is_some() || !current.paragraphs.is_empty() {
            sections.push(std::mem::take(&mut current));
        }
        current = Section {
            level: u8::try_from(base + rank + 1).unwrap_or(u8::MAX),
            title: Some(title),
            ..Section::default()
        };
        // A run-in heading's paragraph stays whole under it: nothing is lost.
        if run_in {
            current.paragraphs.push(paragraph);
        }
    }
    sections.push(current);
    brief.sections.splice(host..=host, sections);
}

/// How a heading is numbered; headings of one style share a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `第五章`, `第一节`, `Chapter 5`: the chapter-like words.
    Chapter,
    /// `一、`
    CjkNumber,
    /// `（一）`
    ParenCjk,
    /// `1.`, `1.2`, `1.2.3`: by the number of parts.
    Decimal(usize),
    /// `I.`, `IV.`
    Roman,
    /// Bold, without numbering.
    Plain,
}

/// A paragraph that reads as a heading.
struct Heading {
    style: Style,
    title: String,
    /// The title is the first sentence of a longer paragraph.
    run_in: bool,
}

/// The heading a paragraph is, else `None`: a short standalone line, or
/// a CJK-numbered paragraph whose short first sentence runs into its body
/// (`（一）坚持长期主义。正文……`), titled by that sentence.
fn heading(paragraph: &Paragraph) -> Option<Heading> {
    if paragraph.kind != ParagraphKind::Text || paragraph.depth != 0 {
        return None;
    }
    let text = paragraph.text();
    let text = text.trim();
    if let Some(style) = numbering(text).filter(|s| s.is_cjk())
        && let Some(end) = text.find('。')
        && text[..end].chars().count() <= HEADING_MAX_CHARS / 2
        && !text[end + '。'.len_utf8()..].trim().is_empty()
    {
        return Some(Heading {
            style,
            title: text[..end].trim().to_string(),
            run_in: true,
        });
    }
    heading_style(paragraph, text).map(|style| Heading {
        style,
        title: text.to_string(),
        run_in: false,
    })
}

impl Style {
    /// Numbering in CJK words, which run-in headings use.
    fn is_cjk(self) -> bool {
        matches!(self, Style::Chapter | Style::CjkNumber | Style::ParenCjk)
    }
}

/// The heading style of a standalone line that reads as a heading.
fn heading_style(paragraph: &Paragraph, text: &str) -> Option<Style> {
    if text.is_empty() || text.contains('\n') || text.chars().count() > HEADING_MAX_CHARS {
        return None;
    }
    if text.ends_with(|c: char| "。！？!?；;：:，,、…".contains(c)) {
        return None;
    }
    // A Latin sentence ends with a full stop; a number ("Section 2.") does not count.
    if text.ends_with('.')
        && !text
            .trim_end_matches('.')
            .ends_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let numbered = numbering(text);
    let bold = paragraph
        .spans
        .iter()
        .filter(|s| !s.text.trim().is_empty())
        .all(|s| s.style.strong && s.style.link.is_none() && !s.style.code);
    match numbered {
        Some(style) => Some(style),
        None if bold => Some(Style::Plain),
        None => None,
    }
}

const CJK_DIGITS: &str = "〇零一二三四五六七八九十百";

/// What follows a run of at least one digit (as `is_digit` says) at the
/// start of `text`.
fn digits_then<'a>(text: &'a str, is_digit: &dyn Fn(char) -> bool) -> Option<&'a str> {
    let n = text.find(|c: char| !is_digit(c)).unwrap_or(text.len());
    (n > 0).then(|| &text[n..])
}

/// The numbering a heading starts with, if any.
fn numbering(text: &str) -> Option<Style> {
    let is_cjk_digit = |c: char| CJK_DIGITS.contains(c);
    if let Some(rest) = text.strip_prefix('第')
        && let Some(after) = digits_then(rest, &|c| is_cjk_digit(c) || c.is_ascii_digit())
        && after.starts_with(['章', '节', '節', '篇', '部', '编', '編'])
    {
        return Some(Style::Chapter);
    }
    let lower = text.to_ascii_lowercase();
    if ["chapter ", "part "].iter().any(|w| lower.starts_with(w)) {
        return Some(Style::Chapter);
    }
    if let Some(after) = digits_then(text, &is_cjk_digit)
        && after.starts_with('、')
    {
        return Some(Style::CjkNumber);
    }
    if let Some(rest) = text.strip_prefix(['（', '('])
        && let Some(after) = digits_then(rest, &is_cjk_digit)
        && after.starts_with(['）', ')'])
    {
        return Some(Style::ParenCjk);
    }
    if let Some(after) = digits_then(text, &|c| matches!(c, 'I' | 'V' | 'X'))
        && after.starts_with(". ")
    {
        return Some(Style::Roman);
    }
    decimal(text).map(Style::Decimal)
}

/// The depth of a decimal number opening a heading and followed by a title:
/// `5.1 发展原则` is 2, `3. Scope` and `3、范围` are 1. A bare `2025 年` is
/// not numbering.
fn decimal(text: &str) -> Option<usize> {
    let mut parts = 0;
    let mut rest = text;
    loop {
        let n = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if n == 0 || n > 3 {
            return None;
        }
        parts += 1;
        rest = &rest[n..];
        match rest.strip_prefix('.') {
            Some(after) if after.starts_with(|c: char| c.is_ascii_digit()) => rest = after,
            Some(after) => {
                rest = after;
                break;
            }
            None if parts > 1 => break,
            None => {
                return rest
                    .strip_prefix(['、', '．'])
                    .filter(|r| !r.trim().is_empty())
                    .map(|_| 1);
            }
        }
    }
    let title = rest.trim_start();
    (rest.len() != title.len() || rest.starts_with(|c: char| !c.is_ascii()))
        .then_some(parts)
        .filter(|_| !title.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::markdown::parse;

    fn heads(b: &Brief) -> Vec<(u8, String)> {
        b.sections
            .iter()
            .filter_map(|s| Some((s.level, s.title.clone()?)))
            .collect()
    }

    #[test]
    fn bold_lines_are_headings_when_there_are_no_markdown_headings() {
        let b = parse(
            "**第五章 方略建议**\n\n**5.1 发展原则**\n\n正文。\n\n**5.2 鼓励企业**\n\n正文二。\n",
        );
        assert_eq!(b.meta.title.as_deref(), Some("第五章 方略建议"));
        assert_eq!(
            heads(&b),
            [
                (1, "第五章 方略建议".to_string()),
                (2, "5.1 发展原则".to_string()),
                (2, "5.2 鼓励企业".to_string()),
            ]
        );
        assert_eq!(b.sections[1].paragraphs[0].text(), "正文。");
    }

    #[test]
    fn bold_lead_sentences_are_not_headings() {
        let b = parse(
            "**5.1 发展原则**\n\n**发展原则：坚持长期主义。**\\\n正文。\n\n\
             **基本方略：双轮驱动。**\n\n正文。\n\n**5.2 鼓励企业**\n",
        );
        let titles: Vec<_> = heads(&b).into_iter().map(|(_, t)| t).collect();
        assert_eq!(titles, ["5.1 发展原则", "5.2 鼓励企业"]);
    }

    #[test]
    fn plain_numbered_lines_are_headings_with_levels_by_numbering() {
        let b =
            parse("前言。\n\n一、总体要求\n\n正文。\n\n（一）指导思想\n\n正文。\n\n二、主要任务\n");
        assert_eq!(
            heads(&b),
            [
                (1, "一、总体要求".to_string()),
                (2, "（一）指导思想".to_string()),
                (1, "二、主要任务".to_string()),
            ]
        );
        // The opening text was no heading, so it names nothing.
        assert_eq!(b.meta.title, None);
        assert_eq!(b.sections[0].title, None);
    }

    #[test]
    fn under_a_lone_title_heading_bold_lines_are_its_subheadings() {
        let b = parse("# Title\n\nIntro.\n\n**Bold line**\n\ntext\n\n**Another**\n");
        assert_eq!(
            heads(&b),
            [
                (1, "Title".to_string()),
                (2, "Bold line".to_string()),
                (2, "Another".to_string())
            ]
        );
        assert_eq!(b.sections[0].paragraphs[0].text(), "Intro.");
    }

    #[test]
    fn cjk_numbered_run_in_headings_are_titled_by_their_first_sentence() {
        let b = parse(
            "一、总体要求\n\n（一）坚持长期主义。AI开源生态建设应以长期主义为导向。\n\n\
             （二）壮大耐心资本。鼓励长期投入。\n\n（三）这是一句很长很长很长很长很长很长很长很长很长很长很长的句子。后文。\n",
        );
        assert_eq!(
            heads(&b),
            [
                (1, "一、总体要求".to_string()),
                (2, "（一）坚持长期主义".to_string()),
                (2, "（二）壮大耐心资本".to_string()),
            ]
        );
        // The paragraph stays whole under its heading; a long first sentence is no title.
        assert_eq!(
            b.sections[1].paragraphs[0].text(),
            "（一）坚持长期主义。AI开源生态建设应以长期主义为导向。"
        );
        assert_eq!(b.sections[2].paragraphs.len(), 2);
        assert_eq!(b.meta.title, None);
    }

    #[test]
    fn files_with_markdown_headings_are_left_alone() {
        let b = parse("# Title\n\n**Bold line**\n\n**Another**\n\n## Part\n");
        assert_eq!(
            heads(&b),
            [(1, "Title".to_string()), (2, "Part".to_string())]
        );
    }

    #[test]
    fn one_bold_line_alone_is_emphasis() {
        let b = parse("**Note**\n\nSome text.\n");
        assert_eq!(heads(&b), []);
    }

    #[test]
    fn numbers_that_are_not_numbering() {
        assert_eq!(numbering("2025 年经济"), None);
        assert_eq!(numbering("3.5% growth"), None);
        assert_eq!(numbering("1.2 发展"), Some(Style::Decimal(2)));
        assert_eq!(numbering("3. Scope"), Some(Style::Decimal(1)));
        assert_eq!(numbering("IV. Implementation"), Some(Style::Roman));
        assert_eq!(numbering("第十二章 结语"), Some(Style::Chapter));
    }
}
