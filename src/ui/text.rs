//! Text on its way to the terminal: no control character from a brief may
//! reach it, whatever the loader let through.

use std::borrow::Cow;

use crate::output::sanitize::is_terminal_control;

/// `text` with tabs as spaces and every other control character (escape
/// sequences included) and bidi control replaced by U+FFFD, so that a
/// brief or a note cannot drive the terminal nor reorder what it shows.
/// The characters are those of the one sanitiser, [`crate::output::sanitize`].
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_terminal_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' | '\n' | '\x0c' => ' ',
                c if is_terminal_control(c) => '\u{FFFD}',
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
        assert_eq!(clean("a\u{202e}b"), "a\u{FFFD}b");
        assert!(matches!(clean("平常"), Cow::Borrowed(_)));
    }
}
