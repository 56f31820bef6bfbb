//! Clean-up of decoded text, so that what a brief holds can be shown safely:
//!
//! - CRLF and a lone CR become LF;
//! - tabs are expanded to spaces with tab stops every 4 columns (the stops
//!   CommonMark uses for indentation, so Markdown structure is unchanged),
//!   columns counted in display width so CJK text lines up;
//! - a form feed is kept: the plain-text loader takes it as a page break;
//! - a terminal escape sequence (`ESC [ 31 m`, an `ESC ]` title string …) is
//!   removed whole, so colour codes in saved terminal output leave no
//!   `[31m` behind;
//! - every other control character (C0 including NUL, BEL, BS and ESC; DEL;
//!   C1 U+0080–U+009F) and the bidi embedding, override and isolate controls
//!   (which can make text read differently from what it holds) are removed;
//! - Kangxi radicals and CJK Radicals Supplement code points become the
//!   unified ideographs they stand for, and so do CJK compatibility
//!   ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F), which PDF fonts emit and
//!   which look like, but do not match, the ideographs a reader searches for;
//! - a private-use glyph (U+E000–U+F8FF, a bullet font's) becomes a bullet
//!   where it opens a line and disappears elsewhere: it has no meaning of
//!   its own to show.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

use super::radicals::{KANGXI_RADICALS, SUPPLEMENT_RADICALS};

/// Columns between tab stops.
const TAB_STOP: usize = 4;

/// What to do with one character.
enum Action {
    Keep,
    Drop,
    Replace(char),
    LineBreak,
    Tab,
    /// A private-use glyph (a bullet font's): a bullet where it opens a
    /// line, else nothing.
    PrivateUse,
}

fn action(c: char) -> Action {
    match c {
        '\n' | '\x0c' => Action::Keep,
        '\r' => Action::LineBreak,
        '\t' => Action::Tab,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Action::Drop,
        c if c.is_control() => Action::Drop,
        '\u{2E80}'..='\u{2FD5}' => match radical_to_ideograph(c) {
            Some(ideograph) => Action::Replace(ideograph),
            None => Action::Keep,
        },
        '\u{E000}'..='\u{F8FF}' => Action::PrivateUse,
        '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}' => match unified_ideograph(c) {
            Some(ideograph) => Action::Replace(ideograph),
            None => Action::Keep,
        },
        _ => Action::Keep,
    }
}

/// The unified ideograph a radical code point stands for, if Unicode names one.
fn radical_to_ideograph(c: char) -> Option<char> {
    let code = u32::from(c);
    if (0x2F00..=0x2FD5).contains(&code) {
        let index = usize::try_from(code - 0x2F00).ok()?;
        return KANGXI_RADICALS.get(index).copied();
    }
    SUPPLEMENT_RADICALS
        .binary_search_by_key(&c, |&(radical, _)| radical)
        .ok()
        .map(|i| SUPPLEMENT_RADICALS[i].1)
}

/// The unified ideograph a compatibility ideograph is canonically equal to
/// (Unicode maps each to exactly one).
fn unified_ideograph(c: char) -> Option<char> {
    let mut single = None;
    let mut count = 0;
    unicode_normalization::char::decompose_canonical(c, |d| {
        single = Some(d);
        count += 1;
    });
    single.filter(|d| count == 1 && *d != c)
}

/// True for a byte that may start a character the clean-up changes: ASCII
/// controls and DEL, and the lead bytes of C1 controls (0xC2), of the bidi
/// controls and radicals (0xE2), of private-use glyphs (0xEE, 0xEF) and of
/// compatibility ideographs (0xEF, 0xF0). Never a continuation byte, so a
/// position holding one is a character boundary.
fn needs_attention(b: u8) -> bool {
    ATTENTION[usize::from(b)]
}

/// [`needs_attention`] as a table: the scan runs over every byte of a brief.
const ATTENTION: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b != 0x0A && b != 0x0C;
        b += 1;
    }
    table[0x7F] = true;
    table[0xC2] = true;
    table[0xE2] = true;
    table[0xEE] = true;
    table[0xEF] = true;
    table[0xF0] = true;
    table
};

/// Cleans a whole decoded text (see the module docs for the rules).
pub fn clean(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // Unchanged runs are copied in one piece; most text has no change at all.
    let mut run_start = 0;
    // The display column is worked out lazily, only when a tab needs it.
    let mut column = 0usize;
    let mut column_at = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i..].iter().position(|&b| needs_attention(b)) {
            Some(skip) => i += skip,
            None => break,
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        if c == '\x1b' {
            out.push_str(&text[run_start..i]);
            i += escape_len(&bytes[i..]);
            run_start = i;
            continue;
        }
        let act = action(c);
        if matches!(act, Action::Keep) {
            i += c.len_utf8();
            continue;
        }
        out.push_str(&text[run_start..i]);
        i += c.len_utf8();
        run_start = i;
        match act {
            Action::Keep | Action::Drop => {}
            Action::Replace(r) => out.push(r),
            Action::PrivateUse => {
                let line_so_far = text[..i - c.len_utf8()]
                    .rsplit('\n')
                    .next()
                    .unwrap_or_default();
                if line_so_far.trim().is_empty() {
                    out.push('•');
                    if text[i..].starts_with(|n: char| !n.is_whitespace()) {
                        out.push(' ');
                    }
                }
            }
            Action::LineBreak => {
                out.push('\n');
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                    run_start = i;
                }
            }
            Action::Tab => {
                let pending = &out[column_at..];
                column = match pending.rfind('\n') {
                    Some(nl) => pending[nl + 1..].width(),
                    None => column + pending.width(),
                };
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
                column_at = out.len();
            }
        }
    }
    out.push_str(&text[run_start..]);
    out
}

/// The length in bytes of the escape sequence at the start of `bytes`
/// (which starts with ESC), per ECMA-48: a control sequence `ESC [`
/// parameters, intermediates and a final byte; a control string (`ESC ]`,
/// `ESC P`, `ESC X`, `ESC ^`, `ESC _`) up to BEL or `ESC \`; otherwise ESC,
/// intermediates and one final byte. Malformed or unterminated sequences stop
/// at the first byte that cannot belong to them, and a control string stops
/// at a line end, so a lone ESC never swallows the text after it.
fn escape_len(bytes: &[u8]) -> usize {
    let at = |k: usize| bytes.get(k).copied();
    match at(1) {
        Some(b'[') => {
            let mut k = 2;
            while matches!(at(k), Some(0x30..=0x3F)) {
                k += 1;
            }
            while matches!(at(k), Some(0x20..=0x2F)) {
                k += 1;
            }
            k + usize::from(matches!(at(k), Some(0x40..=0x7E)))
        }
        Some(b']' | b'P' | b'X' | b'^' | b'_') => {
            let mut k = 2;
            loop {
                match at(k) {
                    None | Some(b'\n') => return k,
                    Some(0x07) => return k + 1,
                    Some(0x1B) if at(k + 1) == Some(b'\\') => return k + 2,
                    Some(0x1B) => return k,
                    Some(_) => k += 1,
                }
            }
        }
        _ => {
            let mut k = 1;
            while matches!(at(k), Some(0x20..=0x2F)) {
                k += 1;
            }
            k + usize::from(matches!(at(k), Some(0x30..=0x7E)))
        }
    }
}

/// Cleans a fragment of text that did not come through [`clean`], such as a
/// Markdown character reference (`&#27;`) or a YAML escape (`"\e"`): the same
/// rules, but a tab or a line break becomes one space, since a fragment has
/// no columns of its own. Borrows when nothing changes.
pub fn clean_fragment(text: &str) -> Cow<'_, str> {
    if text
        .chars()
        .all(|c| matches!(action(c), Action::Keep) && c != '\x0c')
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut skip_to = 0;
    for (i, c) in text.char_indices() {
        if i < skip_to {
            continue;
        }
        if c == '\x1b' {
            skip_to = i + escape_len(&text.as_bytes()[i..]);
            continue;
        }
        match action(c) {
            Action::Keep if c == '\x0c' => out.push(' '),
            Action::Keep => out.push(c),
            Action::Drop | Action::PrivateUse => {}
            Action::Replace(r) => out.push(r),
            Action::LineBreak | Action::Tab => out.push(' '),
        }
    }
    Cow::Owned(out)
}
