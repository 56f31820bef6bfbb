//! Text on its way to the terminal: no control character from a brief may
//! reach it, whatever the loader let through.

use std::borrow::Cow;

/// `text` with tabs as spaces and every other control character (escape
/// sequences included) replaced by U+FFFD, so that a brief cannot drive the
/// terminal.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' | '\n' | '\x0c' => ' ',
                c if c.is_control() => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_lose_their_escape() {
        assert_eq!(clean("a\x1b[2Jb\u{9b}c"), "a\u{FFFD}[2Jb\u{FFFD}c");
        assert_eq!(clean("x\ty"), "x y");
        assert!(matches!(clean("平常"), Cow::Borrowed(_)));
    }
}
