//! The inline content of one block: text runs with their styles, merged
//! while the style stays the same, with soft line breaks joined the way
//! the script needs.

use std::borrow::Cow;

use crate::brief::decode::clean_fragment;
use crate::brief::{Span, Style};

/// Collects the spans of the block being read.
#[derive(Debug, Default)]
pub(super) struct Inline {
    spans: Vec<Span>,
    emphasis: u32,
    strong: u32,
    strikethrough: u32,
    links: Vec<String>,
    /// A soft break waits for the next text to know whether it needs a space.
    pending_break: bool,
}

impl Inline {
    /// True when no text has been collected.
    pub(super) fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Takes the collected spans, leaving the buffer empty.
    pub(super) fn take(&mut self) -> Vec<Span> {
        self.pending_break = false;
        let mut spans = std::mem::take(&mut self.spans);
        // Growing strings keep up to twice their length; a brief keeps its
        // paragraphs for the whole session, so give the slack back.
        for span in &mut spans {
            span.text.shrink_to_fit();
        }
        spans.shrink_to_fit();
        spans
    }

    /// Opens or closes an emphasis (italic) run.
    pub(super) fn emphasis(&mut self, open: bool) {
        self.emphasis = step(self.emphasis, open);
    }

    /// Opens or closes a strong (bold) run.
    pub(super) fn strong(&mut self, open: bool) {
        self.strong = step(self.strong, open);
    }

    /// Opens or closes a struck-through (`~~deleted~~`) run.
    pub(super) fn strikethrough(&mut self, open: bool) {
        self.strikethrough = step(self.strikethrough, open);
    }

    /// Opens a link to `url`; its text carries the URL until [`Self::close_link`].
    pub(super) fn open_link(&mut self, url: &str) {
        self.links.push(clean_fragment(url).into_owned());
    }

    /// Closes the innermost link.
    pub(super) fn close_link(&mut self) {
        self.links.pop();
    }

    /// Marks a soft line break: a space between Latin words, nothing between
    /// CJK characters (the break only wrapped the source line).
    pub(super) fn soft_break(&mut self) {
        if !self.spans.is_empty() {
            self.pending_break = true;
        }
    }

    /// A hard line break is kept as a newline in the text.
    pub(super) fn hard_break(&mut self) {
        self.pending_break = false;
        self.push_styled("\n", false);
    }

    /// Adds text in the current style (`code` for an inline code span);
    /// `clean` when the text is known to be clean already.
    pub(super) fn push(&mut self, text: &str, code: bool, clean: bool) {
        let text = if clean && !text.contains('\x0c') {
            Cow::Borrowed(text)
        } else {
            clean_fragment(text)
        };
        let Some(first) = text.chars().next() else {
            return;
        };
        if std::mem::take(&mut self.pending_break) {
            let last = self.spans.last().and_then(|s| s.text.chars().next_back());
            if let Some(last) = last
                && !(is_cjk(last) && is_cjk(first))
                && !last.is_whitespace()
            {
                // The space belongs to a style only when both sides share it:
                // "see the⏎[link]" must not underline the space as link text.
                let current = self.current_style(code);
                let shared = self.spans.last().is_some_and(|s| s.style == current);
                let style = if shared { current } else { Style::default() };
                self.push_with(" ", style);
            }
        }
        self.push_styled(&text, code);
    }

    fn current_style(&self, code: bool) -> Style {
        Style {
            emphasis: self.emphasis > 0,
            strong: self.strong > 0,
            strikethrough: self.strikethrough > 0,
            code,
            link: self.links.last().cloned(),
            note: false,
        }
    }

    fn push_styled(&mut self, text: &str, code: bool) {
        // Comparing before building a style saves cloning the link URL for
        // every text event of a link.
        let link = self.links.last().map(String::as_str);
        let (emphasis, strong) = (self.emphasis > 0, self.strong > 0);
        let struck = self.strikethrough > 0;
        if let Some(last) = self.spans.last_mut()
            && last.style.emphasis == emphasis
            && last.style.strong == strong
            && last.style.strikethrough == struck
            && last.style.code == code
            && last.style.link.as_deref() == link
        {
            last.text.push_str(text);
            return;
        }
        let style = self.current_style(code);
        self.push_with(text, style);
    }

    fn push_with(&mut self, text: &str, style: Style) {
        match self.spans.last_mut() {
            Some(last) if last.style == style => last.text.push_str(text),
            _ => self.spans.push(Span {
                text: text.to_string(),
                style,
            }),
        }
    }
}

fn step(count: u32, open: bool) -> u32 {
    if open {
        count.saturating_add(1)
    } else {
        count.saturating_sub(1)
    }
}

/// Characters written without spaces between them: Han ideographs, kana,
/// bopomofo, CJK punctuation and full-width forms.
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'
        | '\u{3000}'..='\u{303F}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3100}'..='\u{312F}'
        | '\u{31A0}'..='\u{31FF}'
        | '\u{3300}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// The plain text of spans, styles dropped.
pub(super) fn plain_text(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}
