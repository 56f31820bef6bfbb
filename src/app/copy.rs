//! Copying (`y`, `Y`): the selection or the cursor's paragraph, or a
//! citation of it, in the script the reader shows. The text is handed to
//! the terminal as an OSC 52 sequence, which works over SSH and needs no
//! clipboard program; the event loop writes it (the app never draws).

use base64::Engine;

use super::{App, Mode};

/// The OSC 52 sequence that puts `text` on the terminal's clipboard. The
/// text goes through the output sanitiser first: pasted into a shell, an
/// ESC from a brief (`ESC[201~` ends a bracketed paste) would run what follows.
pub fn osc52(text: &str) -> String {
    let text = crate::output::sanitize::visible(text);
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{encoded}\x07")
}

impl App {
    /// Copies the selection (else the cursor's paragraph), or with
    /// `citation` a citation of it; leaves visual mode.
    pub(super) fn copy(&mut self, citation: bool) {
        let (block, quote) = match self.selection {
            Some(sel) => (sel.block, self.shown_chars(sel.block, sel.chars())),
            None => {
                let block = self.notes.cursor;
                (block, self.shown_text(block).into_owned())
            }
        };
        if self.mode == Mode::Visual {
            self.end_visual();
        }
        if quote.trim().is_empty() {
            self.notes.say("nothing to copy here");
            return;
        }
        let text = if citation {
            self.citation(block, &quote)
        } else {
            quote
        };
        let what = if citation { "citation" } else { "text" };
        self.notes.say(format!(
            "copied {what} ({} characters) to the clipboard",
            text.chars().count()
        ));
        self.clipboard = Some(text);
    }

    /// The text the event loop should hand to the terminal's clipboard.
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }

    /// Chars `chars` of block `block`'s original text, as the view shows
    /// them: the same chars of the shown text when the conversion kept
    /// the count (glyph conversion does), else the passage converted alone.
    fn shown_chars(&self, block: usize, chars: std::ops::Range<usize>) -> String {
        let shown = self.shown_text(block);
        if shown.chars().count() == self.doc.char_count(block) {
            return shown.chars().skip(chars.start).take(chars.len()).collect();
        }
        let own: String = self
            .doc
            .text(block)
            .chars()
            .skip(chars.start)
            .take(chars.len())
            .collect();
        self.display_text(&own).into_owned()
    }

    /// `“quote” — authors, title, section path, pages` in the view script.
    fn citation(&self, block: usize, quote: &str) -> String {
        let meta = &self.doc.brief.meta;
        let mut parts: Vec<String> = Vec::new();
        if !meta.authors.is_empty() {
            parts.push(meta.authors.join(", "));
        }
        if let Some(title) = &meta.title {
            // 《》 mark a Chinese title; an English one stands as written.
            if title.chars().any(crate::layout::classes::is_han) {
                parts.push(format!("《{title}》"));
            } else {
                parts.push(title.clone());
            }
        }
        if let Some(series) = &meta.series {
            parts.push(series.clone());
        }
        if let Some(date) = &meta.date {
            parts.push(date.clone());
        }
        let entry = self.doc.entry_of(block);
        let path = self.breadcrumb_of(entry);
        if !path.is_empty() {
            parts.push(path.join(" › "));
        }
        if let Some(p) = self.doc.paragraph(block)
            && !p.pages.is_empty()
        {
            parts.push(format!("p. {}", p.pages.join("–")));
        }
        let source = self.display_text(&parts.join(", ")).into_owned();
        format!("“{}” — {source}", quote.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::osc52;

    #[test]
    fn the_sequence_carries_the_text_in_base64() {
        assert_eq!(osc52("台湾"), "\x1b]52;c;5Y+w5rm+\x07");
    }

    #[test]
    fn no_control_from_the_text_reaches_the_clipboard() {
        use base64::Engine;
        let sequence = osc52("p. iv\x1b[201~\x07rm -rf ~\nline two");
        let payload = sequence
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .unwrap();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(payload)
            .unwrap();
        let text = String::from_utf8(decoded).unwrap();
        assert!(!text.contains(['\x1b', '\x07']), "{text:?}");
        assert!(text.contains("line two") && text.contains('\n'), "{text:?}");
    }
}
