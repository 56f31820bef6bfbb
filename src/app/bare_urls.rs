//! Web addresses written out in a paragraph's text ("链接：https://…",
//! "…, www.govinfo.gov/…"): a text extraction or a PDF keeps no link
//! markup, so `f` finds them in the words themselves.

use std::ops::Range;

/// Where an address may start.
const STARTS: [&str; 3] = ["https://", "http://", "www."];

/// Punctuation that ends a sentence around an address, not the address.
const TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', '\'', '"'];

/// The addresses in `text`: each byte range as written, and the address to
/// open (`www.` gets `https://` in front).
pub fn bare_urls(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((start, scheme)) = next_start(text, from) {
        // An address is ASCII: a CJK comma or bracket after it ends it.
        let len = text[start..]
            .find(|c: char| !c.is_ascii_graphic() || matches!(c, '<' | '>' | '"'))
            .unwrap_or(text.len() - start);
        let end = start + trimmed_len(&text[start..start + len]);
        if end > start + scheme.len() {
            let written = &text[start..end];
            let url = if scheme == "www." {
                format!("https://{written}")
            } else {
                written.to_string()
            };
            out.push((start..end, url));
        }
        from = start + len.max(scheme.len());
    }
    out
}

/// The first address start at or after byte `from` that begins a word (so
/// "awww.x" or "xhttps://" are not taken), with which start it is.
fn next_start(text: &str, from: usize) -> Option<(usize, &'static str)> {
    let mut at = from;
    while at < text.len() {
        // Lowercasing ASCII keeps every byte where it was.
        let rest = text[at..].to_ascii_lowercase();
        let found = STARTS
            .iter()
            .filter_map(|s| {
                let i = rest.find(s)?;
                Some((at + i, *s))
            })
            .min_by_key(|(i, _)| *i)?;
        let begins_word = text[..found.0]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_ascii_alphanumeric() && c != '.' && c != '/');
        if begins_word {
            return Some(found);
        }
        at = found.0 + found.1.len();
    }
    None
}

/// The length of `candidate` without the sentence's punctuation after it
/// and without a closing bracket it never opened ("(see https://x.org)").
fn trimmed_len(candidate: &str) -> usize {
    let mut s = candidate;
    loop {
        let before = s.len();
        s = s.trim_end_matches(TRAILING);
        for (open, close) in [('(', ')'), ('[', ']')] {
            if s.ends_with(close) && s.matches(open).count() < s.matches(close).count() {
                s = &s[..s.len() - 1];
            }
        }
        if s.len() == before {
            return s.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(text: &str) -> Vec<String> {
        bare_urls(text).into_iter().map(|(_, u)| u).collect()
    }

    #[test]
    fn addresses_end_at_cjk_punctuation_spaces_and_the_sentence() {
        assert_eq!(
            urls("链接：https://www.cnas.org/publications/reports/red-lines，另見"),
            ["https://www.cnas.org/publications/reports/red-lines"]
        );
        assert_eq!(
            urls("Federal Register 90 (18) 8433, www.govinfo.gov/a/2025-02003.pdf."),
            ["https://www.govinfo.gov/a/2025-02003.pdf"]
        );
        assert_eq!(
            urls("(see https://example.org/a_(b)) and http://x.org/."),
            ["https://example.org/a_(b)", "http://x.org/"]
        );
    }

    #[test]
    fn words_that_only_contain_a_start_are_not_addresses() {
        assert!(urls("awww.example and xhttps://no, https:// alone").is_empty());
        let text = "前文 https://a.org 後文";
        let (range, _) = &bare_urls(text)[0];
        assert_eq!(&text[range.clone()], "https://a.org");
    }
}
