//! Text on its way to the terminal: no control character from a brief may
//! reach it, whatever the loader let through.

use std::borrow::Cow;

use ratatui::text::Span;
use unicode_width::UnicodeWidthChar;

use crate::output::sanitize::is_terminal_control;

/// `spans` cut to `width` columns, the last one ending with `…` when
/// something was cut, so that a cut line reads as cut (a wide character is
/// never split).
pub(super) fn fit_spans(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let full: usize = spans.iter().map(Span::width).sum();
    if full <= width || width == 0 {
        return spans;
    }
    let mut out = Vec::new();
    let mut used = 0;
    for span in spans {
        let mut kept = String::new();
        let mut full_span = true;
        for c in span.content.chars() {
            let w = c.width().unwrap_or(0);
            if used + w + 1 > width {
                full_span = false;
                break;
            }
            kept.push(c);
            used += w;
        }
        if !full_span {
            kept.push('…');
            out.push(Span::styled(kept, span.style));
            break;
        }
        out.push(Span::styled(kept, span.style));
    }
    out
}

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
    fn a_line_too_wide_is_cut_with_an_ellipsis() {
        let spans = vec![Span::raw(" 川習北京峰會"), Span::raw(" — 美中外交動向")];
        let text = |spans: Vec<Span<'static>>| -> String {
            spans.iter().map(|s| s.content.as_ref()).collect()
        };
        assert_eq!(
            text(fit_spans(spans.clone(), 40)),
            " 川習北京峰會 — 美中外交動向"
        );
        assert_eq!(text(fit_spans(spans.clone(), 12)), " 川習北京峰…");
        assert_eq!(text(fit_spans(spans, 19)), " 川習北京峰會 — 美…");
    }

    #[test]
    fn escape_sequences_lose_their_escape() {
        assert_eq!(clean("a\x1b[2Jb\u{9b}c"), "a\u{FFFD}[2Jb\u{FFFD}c");
        assert_eq!(clean("x\ty"), "x y");
        assert_eq!(clean("a\u{202e}b"), "a\u{FFFD}b");
        assert!(matches!(clean("平常"), Cow::Borrowed(_)));
    }
}
