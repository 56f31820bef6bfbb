//! Cutting a large Markdown document into pieces that parse the same alone
//! as in the whole. pulldown-cmark holds a tree of the whole document while
//! it runs (about three times the text), so a large brief is parsed piece by
//! piece to keep peak memory bounded.
//!
//! A cut is made only before an ATX heading at column 0 that follows a blank
//! line and lies outside fenced code, HTML blocks that may span blank lines
//! and front matter. Such a line closes every open block (lists and quotes
//! need indentation or a marker, paragraphs and tables end at the blank
//! line), so the blocks on both sides are the same as in a single parse.
//!
//! A long pipe table (one row a line, each starting with `|`) is cut
//! between rows too: the piece after the cut starts with the table's head
//! and delimiter rows written again, and the parser drops that repeated
//! head, so the rows are those of a single parse. A table's cells make
//! pulldown-cmark's tree many times the text (26× for a 10 MB table).
//!
//! What can differ is a reference across pieces: link reference definitions
//! are gathered for the whole text (see [`link_definitions`]); a footnote
//! reference to a definition in another piece stays literal text `[^n]`.

use std::collections::HashMap;

/// Documents up to this size are parsed in one piece, exactly as written.
const ONE_PIECE_MAX: usize = 1024 * 1024;

/// The size a piece grows to before the next possible cut is taken.
const PIECE_MIN: usize = 256 * 1024;

/// A piece of the text, and the head of the table it starts inside, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Piece<'a> {
    /// The head and delimiter rows of the table whose body `body` starts
    /// in; parsed before `body`, and its header row dropped.
    pub head: Option<&'a str>,
    /// The piece itself: the bodies of all pieces cover the text exactly.
    pub body: &'a str,
}

/// Splits `text` into consecutive pieces that cover it exactly.
pub(super) fn pieces(text: &str) -> Vec<Piece<'_>> {
    if text.len() <= ONE_PIECE_MAX {
        return vec![Piece {
            head: None,
            body: text,
        }];
    }
    let mut cuts: Vec<(usize, Option<&str>)> = vec![(0, None)];
    let mut scanner = Scanner::default();
    let mut tables = Tables::default();
    let mut offset = 0;
    let mut last_cut = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let kind = scanner.kind(index, line);
        let head = tables.row_of(text, offset, line, kind == LineKind::Ordinary);
        let cuttable = kind == LineKind::Cut || head.is_some();
        if cuttable && offset - last_cut >= PIECE_MIN {
            cuts.push((offset, head));
            last_cut = offset;
        }
        offset += line.len();
    }
    let mut out = Vec::with_capacity(cuts.len());
    for (i, &(start, head)) in cuts.iter().enumerate() {
        let end = cuts.get(i + 1).map_or(text.len(), |c| c.0);
        out.push(Piece {
            head,
            body: &text[start..end],
        });
    }
    out
}

/// What a line is, for cutting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    /// A heading a cut may go before.
    Cut,
    /// Inside (or opening) fenced code, an HTML block or front matter.
    Held,
    /// Anything else.
    Ordinary,
}

/// Follows pipe tables line by line: where one starts, which lines are its
/// rows.
#[derive(Debug, Default)]
struct Tables {
    /// Start and length of the previous line, and whether a blank line (or
    /// the start) came before it: a table's head row, maybe.
    previous: Option<(usize, usize, bool)>,
    previous_blank: bool,
    /// The head and delimiter rows of the table being read.
    head: Option<(usize, usize)>,
}

impl Tables {
    /// Feeds the line at `offset` (`ordinary`: outside code, HTML and front
    /// matter); returns the head of the table it is a body row of.
    fn row_of<'a>(
        &mut self,
        text: &'a str,
        offset: usize,
        line: &str,
        ordinary: bool,
    ) -> Option<&'a str> {
        let body = line.trim_end_matches(['\n', '\r']);
        let blank = body.trim().is_empty();
        let previous = self.previous.take();
        let previous_blank = std::mem::replace(&mut self.previous_blank, blank);
        self.previous = Some((offset, line.len(), previous_blank || offset == 0));
        if !ordinary || !body.starts_with('|') {
            self.head = None;
            return None;
        }
        if let Some((start, end)) = self.head {
            return Some(&text[start..end]);
        }
        if let Some((start, len, blank_before)) = previous
            && blank_before
            && is_delimiter_row(body)
        {
            let head_row = text[start..start + len].trim_end_matches(['\n', '\r']);
            if head_row.starts_with('|') && cell_count(head_row) == cell_count(body) {
                self.head = Some((start, offset + line.len()));
            }
        }
        None
    }
}

/// `|---|:--:|` and the like.
fn is_delimiter_row(body: &str) -> bool {
    body.contains('-')
        && body
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Cells of a pipe-table row: `|` not escaped, without the outer ones.
fn cell_count(row: &str) -> usize {
    let inner = row.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut count = 1;
    let mut escaped = false;
    for c in inner.chars() {
        match c {
            '\\' => escaped = !escaped,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
    }
    count
}

/// Line-by-line state: what a line is inside of.
#[derive(Debug, Default)]
struct Scanner {
    previous_blank: bool,
    /// The open code fence: its character and length.
    fence: Option<(u8, usize)>,
    /// The end marker of an open HTML block that may span blank lines.
    html_end: Option<&'static str>,
    in_front_matter: bool,
}

impl Scanner {
    /// Feeds line number `index`; says whether a cut may go before it.
    fn kind(&mut self, index: usize, line: &str) -> LineKind {
        let body = line.trim_end_matches(['\n', '\r']);
        let blank = body.trim().is_empty();
        let previous_blank = std::mem::replace(&mut self.previous_blank, blank);
        if index == 0 && body == "---" {
            self.in_front_matter = true;
            return LineKind::Held;
        }
        if self.in_front_matter {
            if body == "---" || body == "..." {
                self.in_front_matter = false;
            }
            return LineKind::Held;
        }
        let indent = body.len() - body.trim_start_matches(' ').len();
        let rest = &body[indent..];
        if let Some((ch, len)) = self.fence {
            let run = rest.bytes().take_while(|&b| b == ch).count();
            if indent <= 3 && run >= len && rest[run..].trim().is_empty() {
                self.fence = None;
            }
            return LineKind::Held;
        }
        if let Some(end) = self.html_end {
            if body.to_ascii_lowercase().contains(end) {
                self.html_end = None;
            }
            return LineKind::Held;
        }
        if indent <= 3 {
            if let Some(fence) = fence_opening(rest) {
                self.fence = Some(fence);
                return LineKind::Held;
            }
            if let Some(end) = html_block_end(rest)
                && !rest[1..].to_ascii_lowercase().contains(end)
            {
                self.html_end = Some(end);
                return LineKind::Held;
            }
        }
        if previous_blank && indent == 0 && is_atx_heading(rest) {
            LineKind::Cut
        } else {
            LineKind::Ordinary
        }
    }
}

fn fence_opening(rest: &str) -> Option<(u8, usize)> {
    let ch = *rest.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let run = rest.bytes().take_while(|&b| b == ch).count();
    // A backtick fence's info string may not hold a backtick.
    let valid = run >= 3 && !(ch == b'`' && rest[run..].contains('`'));
    valid.then_some((ch, run))
}

/// The end marker of an HTML block of the kinds that continue past blank lines.
fn html_block_end(rest: &str) -> Option<&'static str> {
    if !rest.starts_with('<') {
        return None;
    }
    let lower = rest.to_ascii_lowercase();
    for (tag, end) in [
        ("<script", "</script>"),
        ("<pre", "</pre>"),
        ("<style", "</style>"),
        ("<textarea", "</textarea>"),
    ] {
        if let Some(after) = lower.strip_prefix(tag)
            && after.chars().next().is_none_or(|c| c == ' ' || c == '>')
        {
            return Some(end);
        }
    }
    if lower.starts_with("<!--") {
        Some("-->")
    } else if lower.starts_with("<?") {
        Some("?>")
    } else if lower.starts_with("<![cdata[") {
        Some("]]>")
    } else if lower.starts_with("<!") && lower[2..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        Some(">")
    } else {
        None
    }
}

fn is_atx_heading(rest: &str) -> bool {
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && rest[hashes..].chars().next().is_none_or(|c| c == ' ')
}

/// Link reference definitions (`[label]: url`) anywhere in the text, by
/// normalized label, so a link in one piece finds a definition in another.
/// Approximate by design: it is consulted only for links the piece alone
/// could not resolve.
pub(super) fn link_definitions(text: &str) -> HashMap<String, &str> {
    let mut found = HashMap::new();
    for line in text.lines() {
        let rest = line.trim_start_matches(' ');
        if line.len() - rest.len() > 3 {
            continue;
        }
        let Some(inner) = rest.strip_prefix('[') else {
            continue;
        };
        let Some((label, after)) = inner.split_once("]:") else {
            continue;
        };
        if label.starts_with('^') || label.trim().is_empty() {
            continue;
        }
        let Some(dest) = after.split_whitespace().next() else {
            continue;
        };
        let dest = dest.trim_start_matches('<').trim_end_matches('>');
        found.entry(normalize_label(label)).or_insert(dest);
    }
    found
}

/// Labels match case-insensitively with runs of whitespace as one space.
pub(super) fn normalize_label(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
