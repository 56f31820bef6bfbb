//! A lookup as lines of text, the same in `gloss define` and the reader's
//! pop-up.

use super::{Definition, Entry};

/// The heading of one entry: the word in both scripts (once when they
/// agree), then its pinyin and Zhuyin.
pub fn entry_heading(entry: &Entry) -> String {
    let words = if entry.traditional == entry.simplified {
        entry.traditional.to_string()
    } else {
        format!("{} · {}", entry.traditional, entry.simplified)
    };
    format!("{words}   {}   {}", entry.pinyin(), entry.zhuyin())
}

/// The whole lookup: each entry's heading and numbered senses, or, for a
/// word with no entry, "no entry" and each character's readings.
pub fn definition_lines(def: &Definition<'_>) -> Vec<String> {
    let mut out = Vec::new();
    if def.entries.is_empty() {
        out.push(format!("{}: no entry", def.word));
        for (c, entries) in &def.characters {
            if entries.is_empty() {
                out.push(format!("  {c}   (no entry)"));
            }
            for e in entries {
                let sense = e.senses().next().unwrap_or("");
                out.push(format!("  {c}   {}   {}   {sense}", e.pinyin(), e.zhuyin()));
            }
        }
        return out;
    }
    for (n, e) in def.entries.iter().enumerate() {
        if n > 0 {
            out.push(String::new());
        }
        out.push(entry_heading(e));
        for (i, sense) in e.senses().enumerate() {
            out.push(format!("  {}. {sense}", i + 1));
        }
    }
    out
}
