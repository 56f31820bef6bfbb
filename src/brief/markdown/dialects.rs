//! Line-level markup of Markdown dialects that CommonMark would show as
//! text, removed before parsing:
//!
//! - container fences (`:::success`, `::: {.note}`, `:::`) of HackMD,
//!   markdown-it-container and Pandoc fenced divs: the fence line goes, the
//!   content stays;
//! - kramdown attribute lists: block IALs and ALDs on a line of their own
//!   (`{: #from}`, `{:ref: .class}`), span IALs after inline text
//!   (`**Subject:**{: .from}`), and `{:toc}`, which replaces the list it
//!   follows by a generated table of contents, so that list goes too;
//! - pandoc attributes glued to an image, a link or a span
//!   (`![图 2](a.png){width="5.7in"}`, `[text]{.underline}`);
//! - a raw HTML tag whose `>` was wrapped to the start of the next line: in
//!   CommonMark that `>` would open a block quote, in the dialects that
//!   write such files it ends the tag, so the line is rejoined.
//!
//! Fenced code and front matter are left exactly as written. One pass over
//! the lines; the text is copied only from the first change on.

use std::borrow::Cow;

/// The text with dialect markup removed (see the module docs).
pub(super) fn normalize(text: &str) -> Cow<'_, str> {
    if !text.contains(":::")
        && !text.contains("{:")
        && !text.contains("\n>")
        && !text.contains("){")
        && !text.contains("]{")
    {
        return Cow::Borrowed(text);
    }
    let mut out = Output::new(text);
    let mut fence: Option<(u8, usize)> = None;
    let mut in_front_matter = false;
    // Where the current run of non-blank lines starts in the output, and
    // whether its first line is a list item (for `{:toc}`).
    let mut run_start = 0usize;
    let mut run_is_list = false;
    let mut previous_blank = true;
    let mut previous_open_tag = false;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let body = line.trim_end_matches(['\n', '\r']);
        let indent = body.len() - body.trim_start_matches(' ').len();
        let rest = &body[indent..];
        if index == 0 && body == "---" {
            in_front_matter = true;
        } else if in_front_matter {
            in_front_matter = !(body == "---" || body == "...");
        } else if let Some((ch, len)) = fence {
            let run = rest.bytes().take_while(|&b| b == ch).count();
            if indent <= 3 && run >= len && rest[run..].trim().is_empty() {
                fence = None;
            }
        } else if indent <= 3 && code_fence(rest).is_some() {
            fence = code_fence(rest);
        } else if indent <= 3 && is_container_fence(rest) {
            out.blank(line);
            previous_blank = true;
            previous_open_tag = false;
            continue;
        } else if indent <= 3 && is_attribute_line(rest) {
            if is_toc(rest) && !previous_blank && run_is_list {
                out.drop_since(run_start);
            }
            out.blank(line);
            previous_blank = true;
            previous_open_tag = false;
            continue;
        } else if previous_open_tag && body.starts_with('>') {
            // Rejoin: the line end inside the tag becomes a space.
            out.join_with_previous(line);
            previous_open_tag = ends_inside_tag(body);
            previous_blank = false;
            continue;
        } else if body.contains("{:") || body.contains("){") || body.contains("]{") {
            let stripped = strip_span_attributes(body);
            if stripped.len() != body.len() {
                out.replace(line, &stripped);
                let blank = stripped.trim().is_empty();
                if previous_blank && !blank {
                    run_start = out.line_start();
                    run_is_list = is_list_item(stripped.trim_start());
                }
                previous_blank = blank;
                previous_open_tag = ends_inside_tag(&stripped);
                continue;
            }
        }
        let blank = body.trim().is_empty();
        if previous_blank && !blank {
            run_start = out.len();
            run_is_list = is_list_item(rest);
        }
        out.keep(line);
        previous_blank = blank;
        previous_open_tag = fence.is_none() && !in_front_matter && ends_inside_tag(body);
    }
    out.finish()
}

/// The output, borrowed from the input until the first change.
struct Output<'a> {
    text: &'a str,
    /// Bytes of the input consumed so far.
    read: usize,
    /// The copy, made at the first change.
    copy: Option<String>,
    /// Where the last line written starts in the output.
    last_line: usize,
}

impl<'a> Output<'a> {
    fn new(text: &'a str) -> Self {
        Output {
            text,
            read: 0,
            copy: None,
            last_line: 0,
        }
    }

    fn len(&self) -> usize {
        self.copy.as_ref().map_or(self.read, String::len)
    }

    fn line_start(&self) -> usize {
        self.last_line
    }

    fn copy(&mut self) -> &mut String {
        let (text, read) = (self.text, self.read);
        self.copy.get_or_insert_with(|| {
            let mut s = String::with_capacity(text.len());
            s.push_str(&text[..read]);
            s
        })
    }

    fn keep(&mut self, line: &str) {
        self.last_line = self.len();
        if let Some(copy) = self.copy.as_mut() {
            copy.push_str(line);
        }
        self.read += line.len();
    }

    fn replace(&mut self, line: &str, with: &str) {
        let ending = &line[line.trim_end_matches(['\n', '\r']).len()..];
        self.last_line = self.len();
        let copy = self.copy();
        copy.push_str(with);
        copy.push_str(ending);
        self.read += line.len();
    }

    /// Writes an empty line in place of `line`: it still ends a paragraph.
    fn blank(&mut self, line: &str) {
        self.replace(line, "");
    }

    /// Appends `line` to the previous line, replacing the line end between.
    fn join_with_previous(&mut self, line: &str) {
        let copy = self.copy();
        let trimmed = copy.trim_end_matches(['\n', '\r']).len();
        copy.truncate(trimmed);
        copy.push(' ');
        copy.push_str(line);
        self.read += line.len();
    }

    /// Blanks everything written from output offset `start` on, keeping
    /// the line count.
    fn drop_since(&mut self, start: usize) {
        let copy = self.copy();
        if start <= copy.len() && copy.is_char_boundary(start) {
            let lines = copy[start..].matches('\n').count();
            copy.truncate(start);
            copy.extend(std::iter::repeat_n('\n', lines));
        }
    }

    fn finish(self) -> Cow<'a, str> {
        match self.copy {
            Some(copy) => Cow::Owned(copy),
            None => Cow::Borrowed(self.text),
        }
    }
}

/// A backtick or tilde code fence opening: its character and length.
pub(super) fn code_fence(rest: &str) -> Option<(u8, usize)> {
    let ch = *rest.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let run = rest.bytes().take_while(|&b| b == ch).count();
    let valid = run >= 3 && !(ch == b'`' && rest[run..].contains('`'));
    valid.then_some((ch, run))
}

/// `:::`, `:::name`, `::: name title`, `::: {.class}`: a container fence.
fn is_container_fence(rest: &str) -> bool {
    let colons = rest.bytes().take_while(|&b| b == b':').count();
    colons >= 3 && {
        let after = rest[colons..].trim_start();
        after.is_empty() || after.starts_with(|c: char| c.is_alphanumeric() || c == '{')
    }
}

/// A line made only of kramdown attribute lists: `{: #id .class}`,
/// `{:toc}`, an ALD `{:name: .class}`, an extension `{::options …/}`.
fn is_attribute_line(rest: &str) -> bool {
    let mut line = rest.trim_end();
    if line.is_empty() {
        return false;
    }
    while !line.is_empty() {
        match attribute_list_len(line) {
            Some(len) => line = line[len..].trim_start(),
            None => return false,
        }
    }
    true
}

/// `{:toc}`: the list before it stands for a generated table of contents.
fn is_toc(rest: &str) -> bool {
    rest.trim()
        .strip_prefix("{:")
        .and_then(|r| r.strip_suffix('}'))
        .is_some_and(|inner| inner.split_whitespace().any(|w| w == "toc"))
}

/// The length of the attribute list `{:…}` at the start of `text`, when
/// what is inside reads as attributes: `#id`, `.class`, `key="value"`,
/// a reference name, or an ALD/extension (`name:`, `:ext`).
fn attribute_list_len(text: &str) -> Option<usize> {
    let inner_start = text.strip_prefix("{:")?;
    let close = inner_start.find('}')?;
    let inner = &inner_start[..close];
    if inner.contains(['{', '\n']) {
        return None;
    }
    let ok = inner.split_whitespace().all(|token| {
        let token = token.trim_start_matches([':', '/', '#', '.']);
        token.is_empty()
            || token.chars().all(|c| {
                c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '=' | '"' | '\'' | '/' | '.')
            })
    });
    ok.then_some(close + 3)
}

/// The length of pandoc attributes `{#id .class key="value"}` at the start
/// of `text`: every token one of those forms, at least one token.
fn pandoc_attributes_len(text: &str) -> Option<usize> {
    let inner_start = text.strip_prefix('{')?;
    let close = inner_start.find('}')?;
    let inner = &inner_start[..close];
    let mut tokens = 0;
    // Quoted values may hold spaces: split outside quotes only.
    let mut quoted = false;
    let mut token = String::new();
    let mut valid = true;
    for c in inner.chars().chain([' ']) {
        match c {
            '"' => {
                quoted = !quoted;
                token.push(c);
            }
            c if c.is_whitespace() && !quoted => {
                if !token.is_empty() {
                    tokens += 1;
                    valid &= is_pandoc_token(&token);
                    token.clear();
                }
            }
            c => token.push(c),
        }
    }
    (valid && !quoted && tokens > 0).then_some(close + 2)
}

/// `#id`, `.class`, `key=value` or `key="value"`.
fn is_pandoc_token(token: &str) -> bool {
    let word = |w: &str| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
    };
    if let Some(name) = token.strip_prefix(['#', '.']) {
        return word(name);
    }
    match token.split_once('=') {
        Some((key, value)) => word(key) && !value.is_empty(),
        None => false,
    }
}

/// `body` without the span IALs (`{: .class}`) and the pandoc attributes
/// glued to a link, image, span or code (`){…}`, `]{…}`), outside code spans.
fn strip_span_attributes(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    let mut backticks = 0usize;
    while let Some(at) = rest.find('{') {
        let before = &rest[..at];
        backticks += before.matches('`').count();
        out.push_str(before);
        let here = &rest[at..];
        let glued = out.ends_with([')', ']']);
        let len = if here.starts_with("{:") {
            attribute_list_len(here)
        } else if glued {
            pandoc_attributes_len(here)
        } else {
            None
        };
        match len {
            Some(len) if backticks.is_multiple_of(2) => {
                // The space before a trailing list goes with it.
                if here[len..].trim().is_empty() {
                    let kept = out.trim_end().len();
                    out.truncate(kept);
                }
                rest = &here[len..];
            }
            _ => {
                out.push('{');
                rest = &here[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A bullet or ordered list item line.
fn is_list_item(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some('*' | '-' | '+') => chars.next().is_none_or(|c| c == ' '),
        Some(c) if c.is_ascii_digit() => {
            let after = rest.trim_start_matches(|c: char| c.is_ascii_digit());
            after.starts_with(". ") || after.starts_with(") ")
        }
        _ => false,
    }
}

/// True when the line ends inside an HTML start tag with an attribute
/// (`<a href=…` with no `>` yet) outside a code span.
fn ends_inside_tag(body: &str) -> bool {
    let Some(open) = body.rfind('<') else {
        return false;
    };
    let tag = &body[open + 1..];
    body[..open].matches('`').count().is_multiple_of(2)
        && tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag.contains(' ')
        && tag.contains('=')
        && !tag.contains(['>', '`'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_fences_go_and_their_content_stays() {
        let text = ":::success\n## 關鍵結論\n\n內容\n:::\n\n::: {.note}\nmore\n::::\n";
        assert_eq!(normalize(text), "\n## 關鍵結論\n\n內容\n\n\n\nmore\n\n");
    }

    #[test]
    fn colons_inside_text_and_code_stay() {
        let text = "a ::: b\n\n```\n:::\n{: .x}\n```\n\n:::: ratio 3:1\n";
        assert_eq!(normalize(text), "a ::: b\n\n```\n:::\n{: .x}\n```\n\n\n");
    }

    #[test]
    fn block_attribute_lists_on_their_own_line_go() {
        let text = "* **A**<br />Director\n{: #from}\n\n{:ref: .cls}\ntext\n";
        assert_eq!(normalize(text), "* **A**<br />Director\n\n\n\ntext\n");
    }

    #[test]
    fn span_attribute_lists_go_but_not_in_code_or_braces_of_prose() {
        let text = "**Subject:**{: .from} Open Data\n`{: .x}` and {: not attrs!}\n";
        assert_eq!(
            normalize(text),
            "**Subject:** Open Data\n`{: .x}` and {: not attrs!}\n"
        );
    }

    #[test]
    fn pandoc_attributes_glued_to_images_links_and_spans_go() {
        let text = "![图 2：示意图](./media/image2.png){width=\"5.7in\" height=\"2.6in\"}\n\
                    [重点]{.underline} and [x](u){#id} but {not this} or a){b c}\n";
        assert_eq!(
            normalize(text),
            "![图 2：示意图](./media/image2.png)\n[重点] and [x](u) but {not this} or a){b c}\n"
        );
    }

    #[test]
    fn toc_removes_the_list_it_stands_for() {
        let text = "intro\n\n* Table of Contents\n{:toc}\n\nbody\n";
        let out = normalize(text);
        assert!(!out.contains("Table of Contents") && !out.contains("toc"));
        assert!(out.starts_with("intro\n\n") && out.ends_with("body\n"));
    }

    #[test]
    fn a_tag_wrapped_before_its_closing_bracket_is_rejoined() {
        let text =
            "[^1]: See <a href=https://x.org/a.pdf\n>https://x.org/a.pdf</a>\n\n> a real quote\n";
        assert_eq!(
            normalize(text),
            "[^1]: See <a href=https://x.org/a.pdf >https://x.org/a.pdf</a>\n\n> a real quote\n"
        );
    }

    #[test]
    fn front_matter_is_untouched() {
        let text = "---\nnote: \":::\"\n---\n\ntext\n";
        assert_eq!(normalize(text), text);
    }
}
