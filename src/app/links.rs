//! Following links (`f`) from the cursor's paragraph: a footnote reference
//! (`[1]`, or the mark a PDF's note answers to) or an in-document link
//! (`#section`) jumps there, a web address (marked up or written out) is
//! handed to the system's opener; `Ctrl-O` jumps back. With several links
//! in the paragraph, `f` lists them to pick from, or a count picks one (`2f`).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::notes::overlay::Overlay;
use super::{App, Pos};

/// The list `f` shows when the paragraph has several links.
#[derive(Debug, Clone)]
pub struct LinkList {
    /// The paragraph's links in reading order, each with its text.
    pub links: Vec<(String, LinkTarget)>,
    /// The highlighted row.
    pub selected: usize,
}

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
    /// The links of block `i` in reading order, each with its text:
    /// link markup, footnote reference marks (a note span, or `[label]`
    /// in the text) and web addresses written out in the text.
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
            if span.style.note {
                let label = span.text.trim().trim_matches(['[', ']']);
                if let Some(block) = self.footnote_block(label, i) {
                    out.push((format!("[{label}]"), LinkTarget::Block(block)));
                }
                continue;
            }
            let mut found: Vec<(usize, String, LinkTarget)> = Vec::new();
            // Footnote references are also `[label]` in the text.
            let mut at = 0;
            while let Some(open) = span.text[at..].find('[') {
                let start = at + open + 1;
                let Some(close) = span.text[start..].find(']') else {
                    break;
                };
                let label = &span.text[start..start + close];
                if let Some(block) = self.footnote_block(label, i) {
                    found.push((start, format!("[{label}]"), LinkTarget::Block(block)));
                }
                at = start + close + 1;
            }
            for (range, url) in super::bare_urls::bare_urls(&span.text) {
                let written = span.text[range.clone()].to_string();
                found.push((range.start, written, LinkTarget::External(url)));
            }
            found.sort_by_key(|(at, _, _)| *at);
            out.extend(found.into_iter().map(|(_, text, target)| (text, target)));
        }
        out
    }

    /// The footnote labelled `label`: the first after block `from` (notes
    /// numbered again in each chapter), else the first in the brief.
    fn footnote_block(&self, label: &str, from: usize) -> Option<usize> {
        if label.is_empty() {
            return None;
        }
        let answers = |i: &usize| {
            self.doc.paragraph(*i).is_some_and(|p| {
                p.kind == crate::brief::ParagraphKind::Footnote
                    && crate::brief::footnote_label(p).as_deref() == Some(label)
            })
        };
        let blocks = 0..self.doc.blocks.len();
        (from..self.doc.blocks.len())
            .find(answers)
            .or_else(|| blocks.clone().find(answers))
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

    /// `f`: follows link number `n` (from 1) of the cursor's paragraph;
    /// without a number, the only link, or a list of them to pick from.
    pub(super) fn follow_link(&mut self, n: Option<usize>) {
        let links = self.links_in(self.notes.cursor);
        if links.is_empty() {
            self.notes
                .say("no link or footnote in this paragraph (J/K move the cursor)");
            return;
        }
        let n = match n {
            Some(n) => n,
            None if links.len() > 1 => {
                self.notes.overlay = Some(Overlay::Links(LinkList { links, selected: 0 }));
                return;
            }
            None => 1,
        };
        let Some((text, target)) = links.get(n.saturating_sub(1)).cloned() else {
            let count = match links.len() {
                1 => "1 link".to_string(),
                n => format!("{n} links"),
            };
            self.notes.say(format!("this paragraph has {count}"));
            return;
        };
        let more = if links.len() > 1 {
            format!(" ({n} of {}: 2f, 3f … for the others)", links.len())
        } else {
            String::new()
        };
        self.follow(&text, target, &more);
    }

    /// Goes where a link leads: a block of the brief (`Ctrl-O` comes back),
    /// or an address for the opener.
    fn follow(&mut self, text: &str, target: LinkTarget, more: &str) {
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

    /// A key in the list of the paragraph's links: j/k move, Enter or the
    /// link's number follows it, Esc closes.
    pub(super) fn link_list_key(&mut self, mut list: LinkList, key: KeyEvent) -> Option<Overlay> {
        let last = list.links.len().saturating_sub(1);
        let picked = match key.code {
            KeyCode::Char('j') | KeyCode::Down => {
                list.selected = (list.selected + 1).min(last);
                None
            }
            KeyCode::Char('k') | KeyCode::Up => {
                list.selected = list.selected.saturating_sub(1);
                None
            }
            KeyCode::Enter | KeyCode::Char('f') => Some(list.selected),
            KeyCode::Char(c @ '1'..='9') => {
                let n = c as usize - '1' as usize;
                if n > last {
                    return Some(Overlay::Links(list));
                }
                Some(n)
            }
            KeyCode::Esc | KeyCode::Char('q') => return None,
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => return None,
            _ => None,
        };
        let Some(i) = picked else {
            return Some(Overlay::Links(list));
        };
        let (text, target) = list.links.swap_remove(i);
        self.follow(&text, target, "");
        None
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
