//! `gloss notes add --quote`: finding the passage, and errors that say what
//! was found instead (a heading, several paragraphs) and what to do.

use std::ops::Range;
use std::path::Path;

use crate::brief::Brief;
use crate::convert::fold_str;
use crate::notes::BriefNotes;
use crate::notes::passage::{Passage, QuoteError, find_quote};

/// Characters of context shown on each side of an ambiguous match.
const CONTEXT_CHARS: usize = 8;
/// Matches an ambiguous quote lists before saying how many more there are.
const LISTED_MATCHES: usize = 5;

/// The paragraph holding `quote` (only `within` when given) and the
/// passage there, or an error that says what to do.
pub fn find_passage(
    notes: &BriefNotes,
    brief: &Brief,
    file: &Path,
    quote: &str,
    within: Option<&str>,
) -> anyhow::Result<(String, Passage)> {
    let map = notes.map();
    let texts: Vec<(&str, std::borrow::Cow<'_, str>)> = (0..map.len())
        .filter_map(|i| Some((map.paragraph(i)?.id.as_str(), map.text(i))))
        .filter(|(id, _)| within.is_none_or(|w| *id == w))
        .collect();
    let paragraphs = texts.iter().map(|(id, text)| (*id, text.as_ref()));
    let shown = file.display();
    let text_of = |id: &str| {
        texts
            .iter()
            .find(|(at, _)| *at == id)
            .map(|(_, text)| text.to_string())
            .unwrap_or_default()
    };
    let (id, chars) = find_quote(paragraphs, quote).map_err(|e| match e {
        QuoteError::Empty => anyhow::anyhow!("--quote is empty"),
        QuoteError::NotFound => match (within, in_heading(brief, quote)) {
            (Some(id), _) => {
                anyhow::anyhow!("paragraph {id} of {shown} does not contain {quote:?}")
            }
            (None, Some((title, under))) => {
                let hint = under.map_or_else(String::new, |id| {
                    format!(", or --para {id} for the first paragraph under it")
                });
                anyhow::anyhow!(
                    "{quote:?} is only in the heading {title:?} of {shown}, and headings take \
                     no notes: quote text under it{hint}"
                )
            }
            (None, None) => anyhow::anyhow!("{shown} does not contain {quote:?}"),
        },
        QuoteError::Ambiguous(found) => {
            let mut listed: Vec<String> = found
                .iter()
                .take(LISTED_MATCHES)
                .map(|(id, chars)| format!("{id} {}", in_context(&text_of(id), chars.clone())))
                .collect();
            if found.len() > LISTED_MATCHES {
                listed.push(format!("and {} more", found.len() - LISTED_MATCHES));
            }
            anyhow::anyhow!(
                "{quote:?} is in {} paragraphs of {shown}; pick one with --para: {}",
                found.len(),
                listed.join("; ")
            )
        }
    })?;
    let text = text_of(&id);
    Ok((id, Passage::new(&text, chars)))
}

/// The title of the first heading holding `quote` (script-blind, as the
/// paragraphs are searched), with the id of the first paragraph under it.
fn in_heading(brief: &Brief, quote: &str) -> Option<(String, Option<String>)> {
    let needle = fold_str(quote.trim());
    if needle.is_empty() {
        return None;
    }
    let at = brief.sections.iter().position(|s| {
        s.title
            .as_deref()
            .is_some_and(|t| fold_str(t).contains(&needle))
    })?;
    let title = brief.sections[at].title.clone().unwrap_or_default();
    // The section's own paragraphs, else those of the next section (a
    // heading straight above a subheading).
    let under = brief.sections[at..]
        .iter()
        .flat_map(|s| s.paragraphs.first())
        .next()
        .map(|p| p.id.clone());
    Some((title, under))
}

/// `…before[match]after…`: the match in `text` with a few characters
/// either side, on one line.
fn in_context(text: &str, chars: Range<usize>) -> String {
    let all: Vec<char> = text.chars().collect();
    let end = chars.end.min(all.len());
    let start = chars.start.min(end);
    let from = start.saturating_sub(CONTEXT_CHARS);
    let to = (end + CONTEXT_CHARS).min(all.len());
    let piece = |r: Range<usize>| -> String {
        all[r]
            .iter()
            .map(|&c| if c.is_whitespace() { ' ' } else { c })
            .collect()
    };
    format!(
        "\"{}{}[{}]{}{}\"",
        if from > 0 { "…" } else { "" },
        piece(from..start),
        piece(start..end),
        piece(end..to),
        if to < all.len() { "…" } else { "" },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_a_few_characters_either_side_with_ellipses_where_cut() {
        let text = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑";
        assert_eq!(
            in_context(text, 10..12),
            "\"…三四五六七八九十[甲乙]丙丁戊己庚辛壬癸…\""
        );
        assert_eq!(in_context("甲乙丙", 0..1), "\"[甲]乙丙\"");
    }
}
