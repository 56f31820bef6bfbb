//! Following links (`f`) from the cursor's paragraph: a footnote reference
//! (`[1]`) or an in-document link (`#section`) jumps there, a web address
//! is handed to the system's opener; `Ctrl-O` jumps back. With several
//! links in the paragraph, a count picks one (`2f`).

use super::{App, Pos};

/// Where a link in a paragraph leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// A block of this brief (a footnote, a section's heading).
    Block(usize),
    /// An address outside the brief.
    External(String),
    /// A link gloss cannot follow, with why.
    Unfollowable(String),
}

/// A place to come back to: the top line and the note cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JumpedFrom {
    top: Pos,
    cursor: usize,
}

/// Schemes handed to the system's opener; anything else in a brief (say
/// `file:` or a custom scheme) could run more than a browser.
const OPENED_SCHEMES: [&str; 3] = ["http://", "https://", "mailto:"];

/// A heading's fragment as Markdown renderers make it: lowercase, spaces
/// to `-`, punctuation other than `-` and `_` dropped (CJK is kept).
fn slug(title: &str) -> String {
    title
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

impl App {
    /// The links of block `i` in reading order, each with its text.
    pub fn links_in(&self, i: usize) -> Vec<(String, LinkTarget)> {
        let Some(p) = self.doc.paragraph(i) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for span in &p.spans {
            if let Some(url) = &span.style.link {
                out.push((span.text.clone(), self.link_target(url)));
                continue;
            }
            // Footnote references are `[label]` in the text.
            let mut rest = span.text.as_str();
            while let Some(open) = rest.find('[') {
                let after = &rest[open + 1..];
                let Some(close) = after.find(']') else {
                    break;
                };
                let label = &after[..close];
                if let Some(block) = self.footnote_block(label) {
                    out.push((format!("[{label}]"), LinkTarget::Block(block)));
                }
                rest = &after[close + 1..];
            }
        }
        out
    }

    fn footnote_block(&self, label: &str) -> Option<usize> {
        if label.is_empty() {
            return None;
        }
        (0..self.doc.blocks.len()).find(|&i| {
            self.doc.paragraph(i).is_some_and(|p| {
                p.kind == crate::brief::ParagraphKind::Footnote
                    && p.marker.as_deref() == Some(label)
            })
        })
    }

    fn link_target(&self, url: &str) -> LinkTarget {
        if let Some(fragment) = url.strip_prefix('#') {
            let wanted = slug(&percent_encoding::percent_decode_str(fragment).decode_utf8_lossy());
            let found = self
                .doc
                .entries
                .iter()
                .find(|e| e.kind == super::doc::EntryKind::Section && slug(&e.title) == wanted);
            return match found {
                Some(e) => LinkTarget::Block(e.first_block),
                None => LinkTarget::Unfollowable(format!("no section here is called {url}")),
            };
        }
        let lower = url.to_ascii_lowercase();
        if OPENED_SCHEMES.iter().any(|s| lower.starts_with(s)) {
            LinkTarget::External(url.to_string())
        } else {
            LinkTarget::Unfollowable(format!(
                "not opened (only web and mail addresses are): {url}"
            ))
        }
    }

    /// `f`: follows link number `n` (from 1) of the cursor's paragraph.
    pub(super) fn follow_link(&mut self, n: usize) {
        let links = self.links_in(self.notes.cursor);
        if links.is_empty() {
            self.notes
                .say("no link or footnote in this paragraph (J/K move the cursor)");
            return;
        }
        let Some((text, target)) = links.get(n.saturating_sub(1)).cloned() else {
            self.notes
                .say(format!("this paragraph has {} links", links.len()));
            return;
        };
        let more = if links.len() > 1 {
            format!(" ({n} of {}: 2f, 3f … for the others)", links.len())
        } else {
            String::new()
        };
        match target {
            LinkTarget::Block(block) => {
                self.jumps.push(JumpedFrom {
                    top: self.top,
                    cursor: self.notes.cursor,
                });
                self.set_top(Pos { block, line: 0 });
                if self.doc.paragraph(block).is_some() {
                    self.notes.cursor = block;
                }
                self.notes
                    .say(format!("went to {text}{more} · Ctrl-O goes back"));
            }
            LinkTarget::External(url) => {
                self.notes.say(format!("opening {url}{more}"));
                self.open_url = Some(url);
            }
            LinkTarget::Unfollowable(why) => self.notes.warn(why),
        }
    }

    /// Remembers where the reader is, for `Ctrl-O` to come back to.
    pub(super) fn remember_place(&mut self) {
        self.jumps.push(JumpedFrom {
            top: self.top,
            cursor: self.notes.cursor,
        });
    }

    /// `Ctrl-O`: back to where the last link was followed from.
    pub(super) fn jump_back(&mut self) {
        let Some(from) = self.jumps.pop() else {
            self.notes.say("no link followed to go back from");
            return;
        };
        self.set_top(from.top);
        self.notes.cursor = from.cursor;
        self.notes.message = None;
    }

    /// The address the event loop should hand to the system's opener.
    pub fn take_open_url(&mut self) -> Option<String> {
        self.open_url.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_as_markdown_renderers_make_them() {
        assert_eq!(slug("Key Findings: 2025"), "key-findings-2025");
        assert_eq!(slug("一、全球數字貿易"), "一全球數字貿易");
    }
}
