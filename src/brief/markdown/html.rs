//! Raw HTML in Markdown, read for its text: tags never reach the body.
//!
//! An HTML block becomes paragraphs: block-level tags (`<p>`, `<div>`,
//! `<li>`, `<figure>` …) end one, `<tr>` makes a table row of its `<td>` and
//! `<th>` cells, `<figcaption>` and `<caption>` make captions, `<img>` gives
//! its alt text, and `<script>`, `<style>`, `<template>` and `<svg>` give
//! nothing. Character references are decoded and whitespace collapsed the
//! way a browser would, except that a line end between CJK characters joins
//! them without a space. A single forward scan: no tree, no recursion.

use std::borrow::Cow;

use super::inline::is_cjk;
use crate::brief::decode::clean_fragment;

/// A paragraph read from an HTML block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum HtmlBlock {
    /// Running text.
    Text(String),
    /// A figure or table caption.
    Caption(String),
    /// A table row: its cells, and whether it is a header row.
    Row { cells: Vec<String>, header: bool },
}

/// What the text being collected belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Caption,
    Cell,
}

/// The paragraphs of an HTML block, in order.
pub(super) fn blocks(html: &str) -> Vec<HtmlBlock> {
    let mut reader = Reader::default();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        reader.text(&rest[..open]);
        let after = &rest[open..];
        match tag_at(after) {
            Some(tag) => {
                reader.tag(&tag);
                rest = &after[tag.len..];
                if let Some(end) = tag.skips_content() {
                    // To just after the end tag's `>`, or to the end.
                    let lower = rest.to_ascii_lowercase();
                    let skip = lower
                        .find(end)
                        .and_then(|i| lower[i..].find('>').map(|j| i + j + 1))
                        .unwrap_or(rest.len());
                    rest = &rest[skip..];
                }
            }
            None => {
                reader.text("<");
                rest = &after[1..];
            }
        }
    }
    reader.text(rest);
    reader.finish()
}

/// True when an inline HTML fragment is a line break tag (`<br>`, `<br/>`).
pub(super) fn is_line_break(html: &str) -> bool {
    tag_at(html).is_some_and(|t| t.name == "br" && !t.closing)
}

/// The alt text of an inline `<img>` tag, decoded; `None` for other tags.
pub(super) fn image_alt(html: &str) -> Option<String> {
    let tag = tag_at(html).filter(|t| t.name == "img" && !t.closing)?;
    let alt = decode_entities(tag.attribute("alt")?).trim().to_string();
    (!alt.is_empty()).then_some(alt)
}

/// A tag found in the text.
#[derive(Debug)]
struct Tag<'a> {
    /// Lower-case name; empty for comments, doctypes and processing instructions.
    name: String,
    closing: bool,
    /// The attributes' source text.
    attributes: &'a str,
    /// Its length in bytes, `<` to `>`.
    len: usize,
}

impl Tag<'_> {
    /// The end tag of an element whose content is not text to read.
    fn skips_content(&self) -> Option<&'static str> {
        if self.closing {
            return None;
        }
        match self.name.as_str() {
            "script" => Some("</script"),
            "style" => Some("</style"),
            "template" => Some("</template"),
            "svg" => Some("</svg"),
            _ => None,
        }
    }

    /// The value of attribute `name`, quoted or not.
    fn attribute(&self, name: &str) -> Option<&str> {
        let lower = self.attributes.to_ascii_lowercase();
        let mut from = 0;
        while let Some(found) = lower[from..].find(name) {
            let at = from + found;
            from = at + name.len();
            let boundary = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
            let rest = self.attributes[from..].trim_start();
            let Some(value) = rest.strip_prefix('=') else {
                continue;
            };
            if !boundary {
                continue;
            }
            let value = value.trim_start();
            return Some(match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
                _ => value
                    .split(|c: char| c.is_whitespace() || c == '>')
                    .next()
                    .unwrap_or(""),
            });
        }
        None
    }
}

/// The tag at the start of `text` (which starts with `<`), if it is one:
/// `<name …>`, `</name>`, `<!-- … -->`, `<!…>` or `<?…?>`.
fn tag_at(text: &str) -> Option<Tag<'_>> {
    let body = text.strip_prefix('<')?;
    let unnamed = |len: usize| Tag {
        name: String::new(),
        closing: false,
        attributes: "",
        len,
    };
    if let Some(comment) = body.strip_prefix("!--") {
        let end = comment.find("-->").map_or(text.len(), |i| 4 + i + 3);
        return Some(unnamed(end));
    }
    if body.starts_with('!') || body.starts_with('?') {
        let end = body.find('>').map_or(text.len(), |i| i + 2);
        return Some(unnamed(end));
    }
    let (closing, named) = match body.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    if !named.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_len = named
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(named.len());
    let after_name = &named[name_len..];
    if !after_name.starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/') {
        return None;
    }
    // The tag ends at the first `>` outside a quoted attribute value.
    let mut quote = None;
    let mut end = None;
    for (i, c) in after_name.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => {
                end = Some(i);
                break;
            }
            (None, '<') => return None,
            _ => {}
        }
    }
    let end = end?;
    let prefix = 1 + usize::from(closing) + name_len;
    Some(Tag {
        name: named[..name_len].to_ascii_lowercase(),
        closing,
        attributes: after_name[..end].trim_end_matches('/'),
        len: prefix + end + 1,
    })
}

/// Collects text and cuts it into blocks as tags arrive.
#[derive(Debug, Default)]
struct Reader {
    out: Vec<HtmlBlock>,
    text: String,
    target: Option<Target>,
    row: Option<(Vec<String>, bool)>,
    in_head: bool,
}

impl Reader {
    fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let decoded = decode_entities(raw);
        push_collapsed(&mut self.text, &decoded);
    }

    fn tag(&mut self, tag: &Tag<'_>) {
        match tag.name.as_str() {
            "br" => self.text.push('\n'),
            "img" => {
                if let Some(alt) = tag.attribute("alt") {
                    self.text(alt);
                }
            }
            "tr" => {
                self.end_row();
                if !tag.closing {
                    self.flush();
                    self.row = Some((Vec::new(), self.in_head));
                }
            }
            "td" | "th" => {
                self.end_cell();
                if !tag.closing {
                    if self.row.is_none() {
                        self.flush();
                        self.row = Some((Vec::new(), self.in_head));
                    }
                    if let Some(row) = self.row.as_mut() {
                        row.1 |= tag.name == "th";
                    }
                    self.target = Some(Target::Cell);
                }
            }
            "thead" => {
                self.end_row();
                self.in_head = !tag.closing;
            }
            "table" | "tbody" | "tfoot" => {
                self.end_row();
                self.flush();
                self.in_head = false;
            }
            "figcaption" | "caption" if self.row.is_none() => {
                self.flush();
                self.target = (!tag.closing).then_some(Target::Caption);
            }
            name if is_block(name) => {
                if self.row.is_none() {
                    self.flush();
                } else {
                    push_collapsed(&mut self.text, " ");
                }
            }
            _ => {}
        }
    }

    /// Ends the paragraph being collected.
    fn flush(&mut self) {
        let text = tidy(&std::mem::take(&mut self.text));
        let target = self.target.take();
        if text.is_empty() {
            return;
        }
        self.out.push(match target {
            Some(Target::Caption) => HtmlBlock::Caption(text),
            Some(Target::Cell) | None => HtmlBlock::Text(text),
        });
    }

    fn end_cell(&mut self) {
        if self.target == Some(Target::Cell)
            && let Some((cells, _)) = self.row.as_mut()
        {
            cells.push(tidy(&std::mem::take(&mut self.text)));
            self.target = None;
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        if let Some((cells, header)) = self.row.take() {
            // Text between cells (stray or after the last) is not lost.
            let stray = tidy(&std::mem::take(&mut self.text));
            let mut cells = cells;
            if !stray.is_empty() {
                cells.push(stray);
            }
            if cells.iter().any(|c| !c.is_empty()) {
                self.out.push(HtmlBlock::Row { cells, header });
            }
        }
    }

    fn finish(mut self) -> Vec<HtmlBlock> {
        self.end_row();
        self.flush();
        self.out
    }
}

/// Elements that start a new paragraph.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "main"
            | "figure"
            | "blockquote"
            | "pre"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hr"
            | "details"
            | "summary"
            | "center"
            | "address"
    )
}

/// Appends `text` with runs of whitespace collapsed to one space, and a
/// line end between CJK characters dropped; `<br>` line ends are kept.
fn push_collapsed(out: &mut String, text: &str) {
    let mut pending: Option<bool> = None; // Some(had a line end)
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{3000}' && c != '\u{a0}' {
            pending = Some(pending.unwrap_or(false) || c == '\n');
            continue;
        }
        if let Some(had_line_end) = pending.take() {
            let prev = out.chars().next_back();
            let joins_cjk = had_line_end && prev.is_some_and(is_cjk) && is_cjk(c);
            if !joins_cjk && prev.is_some_and(|p| !p.is_whitespace() || p == '\u{a0}') {
                out.push(' ');
            }
        }
        out.push(c);
    }
    if pending.is_some() && out.chars().next_back().is_some_and(|p| !p.is_whitespace()) {
        out.push(' ');
    }
}

/// Trims each line of a paragraph and drops empty ones.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// Decodes character references: numeric (`&#8212;`, `&#x2014;`) and the
/// named ones briefs use. Unknown names stay as written; the result is
/// cleaned, so `&#27;` cannot smuggle a control character through.
pub(super) fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return clean_fragment(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';').filter(|&i| i <= 32);
        let decoded = semi.and_then(|i| entity(&after[..i]));
        match (semi, decoded) {
            (Some(i), Some(c)) => {
                out.push(c);
                rest = &after[i + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(clean_fragment(&out).into_owned())
}

/// The character a reference names (without `&` and `;`).
fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return Some(match char::from_u32(code) {
            Some('\0') | None => '\u{FFFD}',
            Some(c) => c,
        });
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "deg" => '°',
        "times" => '×',
        "divide" => '÷',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "sect" => '§',
        "para" => '¶',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "shy" => '\u{ad}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> HtmlBlock {
        HtmlBlock::Text(s.to_string())
    }

    #[test]
    fn tags_go_and_their_text_stays() {
        assert_eq!(
            blocks("<div class=\"figure\">\n<b>Bold</b> and <i>it</i>\n</div>"),
            [text("Bold and it")]
        );
        assert_eq!(blocks("</div>"), []);
        assert_eq!(blocks("<!-- a comment --><p>kept</p>"), [text("kept")]);
    }

    #[test]
    fn block_tags_make_paragraphs_and_br_a_line_break() {
        assert_eq!(
            blocks("<p>one<br/>two</p><p>three</p>"),
            [text("one\ntwo"), text("three")]
        );
    }

    #[test]
    fn table_rows_become_rows_of_cells() {
        let html = "<table>\n  <tr>\n    <td>面向</td>\n    <td>意涵</td>\n  </tr>\n  <tr>\n\
                    <td>透明化\n</td><td>公開</td></tr>\n</table>";
        assert_eq!(
            blocks(html),
            [
                HtmlBlock::Row {
                    cells: vec!["面向".into(), "意涵".into()],
                    header: false
                },
                HtmlBlock::Row {
                    cells: vec!["透明化".into(), "公開".into()],
                    header: false
                },
            ]
        );
        let head = blocks("<table><thead><tr><th>A</th></tr></thead><tr><td>1</td></tr></table>");
        assert!(matches!(&head[0], HtmlBlock::Row { header: true, .. }));
        assert!(matches!(&head[1], HtmlBlock::Row { header: false, .. }));
    }

    #[test]
    fn figure_captions_and_image_alt_text() {
        let html = "<figure>\n<img src=\"a.png\" alt=\"\">\n<figcaption>2006年報告，取自網站。</figcaption>\n</figure>";
        assert_eq!(
            blocks(html),
            [HtmlBlock::Caption("2006年報告，取自網站。".into())]
        );
        assert_eq!(blocks("<img alt='A chart' src=x.png>"), [text("A chart")]);
    }

    #[test]
    fn scripts_and_styles_give_nothing() {
        assert_eq!(
            blocks("<script>alert(1)</script><style>p{}</style>after"),
            [text("after")]
        );
    }

    #[test]
    fn character_references_are_decoded_and_cleaned() {
        assert_eq!(decode_entities("Policy&#8212;Managing"), "Policy—Managing");
        assert_eq!(
            decode_entities("a &amp; b &lt;c&gt; &#x4E2D;"),
            "a & b <c> 中"
        );
        // The decoded ESC takes its sequence with it.
        assert_eq!(
            decode_entities("&#27;[1m &unknown; & alone"),
            " &unknown; & alone"
        );
    }

    #[test]
    fn cjk_lines_join_without_a_space_latin_with_one() {
        assert_eq!(
            blocks("<p>兩國\n元首 and\nmore</p>"),
            [text("兩國元首 and more")]
        );
    }

    #[test]
    fn angle_brackets_that_are_not_tags_stay_text() {
        assert_eq!(
            blocks("<p><圖表 1.1> 比較 a < b</p>"),
            [text("<圖表 1.1> 比較 a < b")]
        );
    }

    #[test]
    fn an_inline_image_gives_its_alt_text() {
        assert_eq!(
            image_alt("<img src=\"a.png\" alt=\"圖 1 &amp; 2\">").as_deref(),
            Some("圖 1 & 2")
        );
        assert_eq!(image_alt("<img src=a.png alt=\"\">"), None);
        assert_eq!(image_alt("<span>"), None);
    }

    #[test]
    fn br_is_recognised_in_its_spellings() {
        assert!(is_line_break("<br>") && is_line_break("<br />") && is_line_break("<BR/>"));
        assert!(!is_line_break("</br>") && !is_line_break("<b>"));
    }
}
