//! Stable ids for sections and paragraphs. Notes hang on paragraph ids, so an
//! id depends only on the paragraph's own text: the same brief gives the same
//! ids everywhere, and editing one paragraph leaves every other id alone.

use std::collections::HashMap;

use super::Brief;

/// The text with all whitespace removed: what stays the same when a
/// re-extraction moves line breaks or spaces around.
pub fn normalized_text(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Hashes the whitespace-free form of `pieces`, gathered in `buf` (kept
/// across calls, so a 10 MB brief allocates it once): one hasher update per
/// paragraph, as an update per word cost more than the hashing itself.
/// The id's letter and the hash's first 48 bits (its 12 hex digits) as one
/// number: the map of ids seen holds no strings (a long table has 100k rows).
fn digest<'a>(buf: &mut Vec<u8>, prefix: u8, pieces: impl IntoIterator<Item = &'a str>) -> u64 {
    buf.clear();
    for piece in pieces {
        for run in piece.split(char::is_whitespace) {
            buf.extend_from_slice(run.as_bytes());
        }
    }
    let hash = blake3::hash(buf);
    let mut first = [0u8; 8];
    first.copy_from_slice(&hash.as_bytes()[..8]);
    (u64::from(prefix) << 48) | (u64::from_be_bytes(first) >> 16)
}

/// The id a [`digest`] stands for: `p` + 12 hex digits.
fn id_of(key: u64) -> String {
    let prefix = char::from((key >> 48) as u8);
    format!("{prefix}{:012x}", key & 0xFFFF_FFFF_FFFF)
}

fn paragraph_digest(buf: &mut Vec<u8>, p: &super::Paragraph) -> u64 {
    if p.spans.is_empty() {
        // A plain table row's text is its cells joined.
        return digest(buf, b'p', p.cells.pieces());
    }
    digest(buf, b'p', p.spans.iter().map(|s| s.text.as_str()))
}

/// Gives every section and paragraph its id. Identical texts are told apart
/// by an ordinal suffix (`-2`, `-3`, …) in reading order.
pub fn assign_ids(brief: &mut Brief) {
    // Every key first, then the ids: a map of every key seen cost a long
    // table (100k rows) more than the ids themselves; only the keys that
    // repeat are counted in one.
    let mut buf = Vec::new();
    let mut keys = Vec::new();
    for p in &brief.front_matter {
        keys.push(paragraph_digest(&mut buf, p));
    }
    for s in &brief.sections {
        keys.push(digest(&mut buf, b's', s.title.as_deref()));
        for p in &s.paragraphs {
            keys.push(paragraph_digest(&mut buf, p));
        }
    }
    for p in &brief.back_matter {
        keys.push(paragraph_digest(&mut buf, p));
    }
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    let repeats = |key: u64| {
        let first = sorted.partition_point(|k| *k < key);
        sorted.get(first + 1) == Some(&key)
    };
    let mut counts: HashMap<u64, u32> = HashMap::new();
    let mut keys = keys.into_iter();
    let mut next_id = || {
        let key = keys.next().unwrap_or_default();
        if !repeats(key) {
            return id_of(key);
        }
        let n = counts.entry(key).or_insert(0);
        *n += 1;
        if *n == 1 {
            id_of(key)
        } else {
            format!("{}-{n}", id_of(key))
        }
    };
    for p in brief.front_matter.iter_mut() {
        p.id = next_id();
    }
    for s in brief.sections.iter_mut() {
        s.id = next_id();
        for p in s.paragraphs.iter_mut() {
            p.id = next_id();
        }
    }
    for p in brief.back_matter.iter_mut() {
        p.id = next_id();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::{Paragraph, ParagraphKind, Section};

    fn brief_of(texts: &[&str]) -> Brief {
        Brief {
            sections: vec![Section {
                paragraphs: texts
                    .iter()
                    .map(|t| Paragraph::plain(ParagraphKind::Text, *t))
                    .collect(),
                ..Section::default()
            }],
            ..Brief::default()
        }
    }

    fn ids(b: &Brief) -> Vec<String> {
        b.sections[0]
            .paragraphs
            .iter()
            .map(|p| p.id.clone())
            .collect()
    }

    #[test]
    fn whitespace_does_not_change_an_id() {
        let mut a = brief_of(&["兩國元首 作為掌舵人"]);
        let mut b = brief_of(&["兩國元首\n作為掌舵人"]);
        assign_ids(&mut a);
        assign_ids(&mut b);
        assert_eq!(ids(&a), ids(&b));
    }

    #[test]
    fn editing_one_paragraph_keeps_the_others() {
        let mut a = brief_of(&["one", "two", "three"]);
        let mut b = brief_of(&["one", "two, edited", "three"]);
        assign_ids(&mut a);
        assign_ids(&mut b);
        let (a, b) = (ids(&a), ids(&b));
        assert_eq!(a[0], b[0]);
        assert_ne!(a[1], b[1]);
        assert_eq!(a[2], b[2]);
    }

    #[test]
    fn the_digest_is_that_of_the_normalized_text() {
        let mut a = brief_of(&["兩國元首\n作為 掌舵人"]);
        assign_ids(&mut a);
        let whole = blake3::hash(normalized_text("兩國元首作為掌舵人").as_bytes());
        assert_eq!(ids(&a)[0], format!("p{}", &whole.to_hex()[..12]));
    }

    #[test]
    fn identical_paragraphs_get_ordinals() {
        let mut a = brief_of(&["same", "other", "same"]);
        assign_ids(&mut a);
        let a = ids(&a);
        assert_eq!(a[2], format!("{}-2", a[0]));
        assert_ne!(a[0], a[1]);
    }
}
