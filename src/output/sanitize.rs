//! The one sanitiser for text gloss prints. Briefs, notes, tags, file
//! names, imports and themes come from strangers: a C0 or C1 control
//! (ESC, BEL, CSI U+009B, CR …) would drive the terminal (clear it, set its
//! title, write the clipboard through OSC 52), and a bidi override would
//! show text in an order other than the bytes'. Each such character is
//! replaced by a visible escape such as `\x1b` or `\u{202e}`.

use std::borrow::Cow;
use std::fmt::Write;

/// True for a character that must never reach a terminal raw: C0 controls
/// (line feed and tab aside, when `keep_lines`), DEL, C1 controls, and the
/// bidi embeddings, overrides, isolates and marks.
fn is_unsafe(c: char, keep_lines: bool) -> bool {
    match c {
        '\n' | '\t' => !keep_lines,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            true
        }
        _ => false,
    }
}

/// True for a character that must never reach a terminal raw, line feeds
/// and tabs included (the screen drawing replaces them all).
pub fn is_terminal_control(c: char) -> bool {
    is_unsafe(c, false)
}

fn escape_into(out: &mut String, c: char) {
    let code = u32::from(c);
    let _ = if code <= 0xff {
        write!(out, "\\x{code:02x}")
    } else {
        write!(out, "\\u{{{code:x}}}")
    };
}

fn replace(s: &str, keep_lines: bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c, keep_lines)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c, keep_lines) {
            escape_into(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text for a terminal or a text export (Markdown, CSV, plain listings):
/// line feeds and tabs kept, every other control and bidi control escaped.
pub fn visible(s: &str) -> Cow<'_, str> {
    replace(s, true)
}

/// One line for a terminal (a file name, a message): line feeds and tabs
/// escaped too, so nothing can forge a line of its own.
pub fn visible_line(s: &str) -> Cow<'_, str> {
    replace(s, false)
}

/// JSON text as serde_json wrote it, with the characters it leaves raw (DEL,
/// C1 controls, bidi controls) written as `\uXXXX` escapes. They can only
/// occur inside strings, where such an escape means the same character,
/// so the JSON reads back unchanged.
pub fn json_safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c, true)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c, true) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NASTY: &str = "a\u{1b}[2J\u{1b}]52;c;aGk=\u{7}\u{9b}31m\r\u{202e}b\u{7f}";

    #[test]
    fn every_control_is_escaped_visibly() {
        let shown = visible(NASTY);
        assert_eq!(
            shown,
            "a\\x1b[2J\\x1b]52;c;aGk=\\x07\\x9b31m\\x0d\\u{202e}b\\x7f"
        );
        assert!(!shown.chars().any(|c| c.is_control()));
    }

    #[test]
    fn lines_and_tabs_survive_in_text_but_not_in_a_line() {
        assert_eq!(visible("a\n\tb"), "a\n\tb");
        assert_eq!(visible_line("a\n\tb"), "a\\x0a\\x09b");
        assert!(matches!(visible("川習 plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_stays_json_with_the_same_strings() {
        let value = serde_json::json!({ "t": NASTY });
        let text = serde_json::to_string(&value).unwrap();
        let safe = json_safe(&text);
        assert!(!safe.chars().any(|c| c.is_control() || c == '\u{202e}'));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }
}
