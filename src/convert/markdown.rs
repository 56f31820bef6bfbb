//! The parts of a Markdown file conversion must not touch: code spans,
//! code blocks, link and image targets, autolinks and bare URLs.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

/// Sorted, disjoint byte ranges of `text` to copy unchanged.
pub fn protected_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut code_block: Option<usize> = None;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => code_block = Some(range.start),
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => {
                let start = code_block.take().unwrap_or(range.start);
                ranges.push(start..range.end);
            }
            Event::Code(_) | Event::InlineHtml(_) | Event::Html(_) => ranges.push(range),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                ranges.extend(target_range(text, &range, &dest_url));
            }
            _ => {}
        }
    }
    ranges.extend(bare_urls(text));
    merge(ranges)
}

/// Where a link's target sits inside the link's source text: the last
/// occurrence of the target string (the text before it is the label).
fn target_range(text: &str, link: &Range<usize>, dest: &str) -> Option<Range<usize>> {
    if dest.is_empty() {
        return None;
    }
    let source = text.get(link.clone())?;
    let at = source.rfind(dest)?;
    Some(link.start + at..link.start + at + dest.len())
}

/// `http://`, `https://` and `www.` runs up to whitespace or a closing
/// bracket, also in plain text where pulldown-cmark sees no link.
pub fn bare_urls(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    for scheme in ["https://", "http://", "www."] {
        for (start, _) in text.match_indices(scheme) {
            let end = text[start..]
                .find(|c: char| {
                    c.is_whitespace() || matches!(c, '>' | ')' | ']' | '<' | '"') || !c.is_ascii()
                })
                .map_or(text.len(), |i| start + i);
            ranges.push(start..end);
        }
    }
    ranges
}

/// Sorts ranges and merges overlapping ones.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> Vec<&str> {
        protected_ranges(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn code_spans_blocks_and_link_targets_are_kept() {
        let text = "臺灣 `臺灣` [臺灣](https://例.tw/臺灣)\n\n```\n臺灣\n```\n\n    縮排程式\n";
        let kept = kept(text);
        assert!(kept.contains(&"`臺灣`"), "{kept:?}");
        assert!(kept.contains(&"https://例.tw/臺灣"), "{kept:?}");
        assert!(kept.contains(&"```\n臺灣\n```"), "{kept:?}");
        assert!(kept.iter().any(|k| k.contains("縮排程式")), "{kept:?}");
        assert!(!kept.iter().any(|k| k.starts_with("臺灣 ")), "{kept:?}");
    }

    #[test]
    fn bare_and_angle_bracket_urls_are_kept() {
        let text = "(圖片來源：<https://www.flickr.com/photos/55271247042/>) 見 http://a.tw/x 後";
        let kept = kept(text);
        assert!(
            kept.contains(&"https://www.flickr.com/photos/55271247042/"),
            "{kept:?}"
        );
        assert!(kept.contains(&"http://a.tw/x"), "{kept:?}");
    }

    #[test]
    fn ranges_are_sorted_and_disjoint() {
        let ranges = merge(vec![5..9, 0..3, 2..4, 8..12]);
        assert_eq!(ranges, vec![0..4, 5..12]);
    }
}
