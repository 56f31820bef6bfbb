//! A linear look at a PDF's bytes before the PDF reader parses them.
//!
//! The reader recurses once per level of nesting: arrays in arrays,
//! dictionaries in dictionaries, page-tree nodes under page-tree nodes. A
//! 40 KB file nesting 20,000 deep overflows the stack, and a stack overflow
//! aborts the process: `catch_unwind` never sees it. So the bytes are
//! scanned first, and a file nesting deeper than any real PDF does is
//! refused with one line, before the reader recurses into it.
//!
//! The scan knows enough of the syntax not to be fooled: strings, comments
//! and stream bodies are skipped (content streams are parsed by the reader
//! without recursion), and compressed object streams, where objects (page
//! trees among them) may hide, are inflated under a cap and scanned too.

use std::collections::HashMap;
use std::io::Read;

use super::PdfError;

/// Deepest nesting accepted, of objects and of the page tree alike: the
/// PDF reader's own default limit, far beyond any real file (a few levels).
pub const MAX_DEPTH: usize = 100;
/// Inflated bytes of object streams scanned per file; past it the rest is
/// left to the reader (a file this size of compressed objects is no brief).
const INFLATE_BUDGET: u64 = 64 * 1024 * 1024;

/// Refuses a PDF whose objects or page tree nest deeper than [`MAX_DEPTH`].
pub fn check(bytes: &[u8]) -> Result<(), PdfError> {
    let mut scan = Scan {
        kids: HashMap::new(),
        budget: INFLATE_BUDGET,
        inside_object_stream: false,
    };
    scan.objects(bytes, None)?;
    if scan.tree_depth() > MAX_DEPTH {
        return Err(too_deep("its page tree"));
    }
    Ok(())
}

fn too_deep(what: &str) -> PdfError {
    PdfError::Damaged(format!(
        "{what} nests more than {MAX_DEPTH} levels deep (a hostile or broken file)"
    ))
}

/// One token of PDF syntax, as far as the scan needs to tell them apart.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Token<'a> {
    Int(u64),
    Name(&'a [u8]),
    Word(&'a [u8]),
    Open,
    Close,
}

/// What the scan learns: the page-tree edges, by object number.
struct Scan {
    kids: HashMap<u64, Vec<u64>>,
    budget: u64,
    /// True while scanning an object stream's objects: a stream inside one
    /// is not inflated (the reader would not either, and it could nest).
    inside_object_stream: bool,
}

/// What is known of the object being read, for its stream if it has one.
#[derive(Default)]
struct Object {
    number: Option<u64>,
    length: Option<u64>,
    first: Option<u64>,
    object_stream: bool,
    /// The stream's filters, in the order they decode.
    filters: Vec<String>,
    /// The depth of the `/Filter` array being read, while inside it.
    filters_at: Option<usize>,
    /// The depth of the `/Kids` array being read, while inside it.
    kids_at: Option<usize>,
}

fn is_space(b: u8) -> bool {
    matches!(b, 0 | b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

impl Scan {
    /// Scans `bytes` (a whole file, or one object of an object stream when
    /// `number` is given), recording page-tree edges and refusing deep nesting.
    fn objects(&mut self, bytes: &[u8], number: Option<u64>) -> Result<(), PdfError> {
        let mut depth = 0usize;
        let mut recent: [Option<Token>; 4] = [None; 4];
        let mut object = Object {
            number,
            ..Object::default()
        };
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let token = match b {
                _ if is_space(b) => {
                    i += 1;
                    continue;
                }
                b'%' => {
                    i = skip_line(bytes, i);
                    continue;
                }
                b'(' => {
                    i = skip_string(bytes, i);
                    continue;
                }
                b'<' if bytes.get(i + 1) == Some(&b'<') => {
                    i += 2;
                    Token::Open
                }
                b'<' => {
                    i = skip_hex(bytes, i);
                    continue;
                }
                b'[' => {
                    i += 1;
                    Token::Open
                }
                b'>' if bytes.get(i + 1) == Some(&b'>') => {
                    i += 2;
                    Token::Close
                }
                b']' => {
                    i += 1;
                    Token::Close
                }
                b'/' => {
                    let end = word_end(bytes, i + 1);
                    let name = &bytes[i + 1..end];
                    i = end;
                    Token::Name(name)
                }
                _ if is_delimiter(b) => {
                    i += 1;
                    continue;
                }
                _ => {
                    let end = word_end(bytes, i);
                    let word = &bytes[i..end];
                    i = end;
                    match std::str::from_utf8(word).ok().and_then(|w| w.parse().ok()) {
                        Some(n) => Token::Int(n),
                        None => Token::Word(word),
                    }
                }
            };
            match token {
                Token::Open => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(too_deep("an object"));
                    }
                    if recent[0] == Some(Token::Name(&b"Kids"[..])) {
                        object.kids_at = Some(depth);
                    }
                    if recent[0] == Some(Token::Name(&b"Filter"[..])) {
                        object.filters_at = Some(depth);
                        object.filters.clear();
                    }
                }
                Token::Close => {
                    if object.kids_at == Some(depth) {
                        object.kids_at = None;
                    }
                    if object.filters_at == Some(depth) {
                        object.filters_at = None;
                    }
                    depth = depth.saturating_sub(1);
                }
                Token::Int(n) => match recent[0] {
                    Some(Token::Name(b"Length")) => object.length = Some(n),
                    Some(Token::Name(b"First")) => object.first = Some(n),
                    _ => {}
                },
                Token::Name(name) => match recent[0] {
                    Some(Token::Name(b"Type")) => {
                        object.object_stream |= name == b"ObjStm";
                    }
                    Some(Token::Name(b"Filter")) => {
                        object.filters = vec![String::from_utf8_lossy(name).into_owned()];
                    }
                    _ if object.filters_at == Some(depth) => {
                        object
                            .filters
                            .push(String::from_utf8_lossy(name).into_owned());
                    }
                    _ => {}
                },
                Token::Word(b"R") => {
                    if let (Some(Token::Int(_)), Some(Token::Int(target))) = (recent[0], recent[1])
                    {
                        if recent[2] == Some(Token::Name(b"Length")) {
                            // An indirect length is not known here.
                            object.length = None;
                        }
                        if let (Some(_), Some(from)) = (object.kids_at, object.number) {
                            self.kids.entry(from).or_default().push(target);
                        }
                    }
                }
                Token::Word(b"obj") => {
                    if let (Some(Token::Int(_)), Some(Token::Int(n))) = (recent[0], recent[1]) {
                        object = Object {
                            number: Some(n),
                            ..Object::default()
                        };
                        depth = 0;
                    }
                }
                Token::Word(b"stream") => {
                    let start = body_start(bytes, i);
                    let end = stream_end(bytes, start, object.length);
                    if object.object_stream && !self.inside_object_stream {
                        self.object_stream(&bytes[start..end], &object.filters, object.first)?;
                    }
                    object = Object::default();
                    depth = 0;
                    i = end;
                }
                Token::Word(_) => {}
            }
            recent.rotate_right(1);
            recent[0] = Some(token);
        }
        Ok(())
    }

    /// Decodes an object stream (under the budget) and scans each object in
    /// it under its own number.
    fn object_stream(
        &mut self,
        body: &[u8],
        filters: &[String],
        first: Option<u64>,
    ) -> Result<(), PdfError> {
        let Some(inflated) = decode(body, filters, self.budget) else {
            return Ok(());
        };
        self.budget = self.budget.saturating_sub(inflated.len() as u64);
        let first = first
            .and_then(|f| usize::try_from(f).ok())
            .unwrap_or(0)
            .min(inflated.len());
        let header = numbers(&inflated[..first]);
        let places: Vec<(u64, usize)> = header
            .chunks_exact(2)
            .filter_map(|pair| Some((pair[0], first.checked_add(usize::try_from(pair[1]).ok()?)?)))
            .filter(|&(_, at)| at <= inflated.len())
            .collect();
        self.inside_object_stream = true;
        let scanned = if places.is_empty() {
            // No readable header: the nesting is still checked.
            self.objects(&inflated[first..], None)
        } else {
            places
                .iter()
                .enumerate()
                .try_for_each(|(k, &(number, at))| {
                    let end = places
                        .get(k + 1)
                        .map_or(inflated.len(), |&(_, next)| next)
                        .max(at);
                    self.objects(&inflated[at..end], Some(number))
                })
        };
        self.inside_object_stream = false;
        scanned
    }

    /// The longest chain of page-tree nodes (a node on a cycle counts once:
    /// the reader stops at a node it has seen).
    fn tree_depth(&self) -> usize {
        let mut depth: HashMap<u64, usize> = HashMap::new();
        let mut deepest = 0;
        for &root in self.kids.keys() {
            if depth.contains_key(&root) {
                continue;
            }
            // Iterative post-order walk: this is the recursion being avoided.
            let mut on_path: std::collections::HashSet<u64> = std::collections::HashSet::new();
            let mut stack: Vec<(u64, usize)> = vec![(root, 0)];
            on_path.insert(root);
            while let Some(top) = stack.last_mut() {
                let node = top.0;
                let kids = self.kids.get(&node).map_or(&[][..], Vec::as_slice);
                if let Some(&kid) = kids.get(top.1) {
                    top.1 += 1;
                    if !depth.contains_key(&kid) && on_path.insert(kid) {
                        stack.push((kid, 0));
                    }
                    continue;
                }
                let below = kids
                    .iter()
                    .filter_map(|k| depth.get(k))
                    .max()
                    .copied()
                    .unwrap_or(0);
                depth.insert(node, below + 1);
                deepest = deepest.max(below + 1);
                on_path.remove(&node);
                stack.pop();
            }
        }
        deepest
    }
}

/// `body` decoded through `filters`, never more than `budget` bytes; `None`
/// for a filter the scan does not decode (left to the reader: object
/// streams are Flate-compressed in practice) or one that would need more.
fn decode(body: &[u8], filters: &[String], budget: u64) -> Option<Vec<u8>> {
    let mut data = body.to_vec();
    for filter in filters {
        let size = data.len() as u64;
        data = match filter.as_str() {
            "FlateDecode" | "Fl" => {
                let mut inflated = Vec::new();
                // A damaged stream inflates as far as it can; the reader says more.
                let _ = flate2::read::ZlibDecoder::new(data.as_slice())
                    .take(budget)
                    .read_to_end(&mut inflated);
                inflated
            }
            // The reader's own decoders, on inputs small enough that their
            // worst growth (hex and base-85 shrink; run-length grows at most
            // 64 times, LZW a few thousand) stays within the budget.
            "ASCIIHexDecode" | "AHx" | "ASCII85Decode" | "A85" if size <= budget => {
                decode_with(&data, filter)?
            }
            "RunLengthDecode" | "RL" if size.saturating_mul(128) <= budget => {
                decode_with(&data, filter)?
            }
            "LZWDecode" | "LZW" if size.saturating_mul(4096) <= budget => {
                decode_with(&data, filter)?
            }
            _ => return None,
        };
        data.truncate(usize::try_from(budget).unwrap_or(usize::MAX));
    }
    Some(data)
}

fn decode_with(data: &[u8], filter: &str) -> Option<Vec<u8>> {
    pdf_oxide::decoders::decode_stream(data, &[filter.to_string()]).ok()
}

/// The non-negative integers in `bytes` (an object stream's header).
fn numbers(bytes: &[u8]) -> Vec<u64> {
    bytes
        .split(|&b| is_space(b))
        .filter_map(|w| std::str::from_utf8(w).ok()?.parse().ok())
        .collect()
}

fn word_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| is_space(b) || is_delimiter(b))
        .map_or(bytes.len(), |n| from + n)
}

fn skip_line(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map_or(bytes.len(), |n| from + n)
}

/// Past a literal string: balanced parentheses, backslash escapes.
fn skip_string(bytes: &[u8], from: usize) -> usize {
    let mut open = 0usize;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'(' => open += 1,
            b')' => {
                open -= 1;
                if open == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

fn skip_hex(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'>')
        .map_or(bytes.len(), |n| from + n + 1)
}

/// Where a stream's data starts: after the end of line that follows `stream`.
fn body_start(bytes: &[u8], after_keyword: usize) -> usize {
    match bytes.get(after_keyword..after_keyword + 2) {
        Some(b"\r\n") => after_keyword + 2,
        _ if matches!(bytes.get(after_keyword), Some(b'\n' | b'\r')) => after_keyword + 1,
        _ => after_keyword,
    }
    .min(bytes.len())
}

/// Where a stream's data ends: at its `/Length` when `endstream` stands
/// there, else at the next `endstream` (a wrong length is common).
fn stream_end(bytes: &[u8], start: usize, length: Option<u64>) -> usize {
    if let Some(end) = length
        .and_then(|l| usize::try_from(l).ok())
        .and_then(|l| start.checked_add(l))
        .filter(|&end| end <= bytes.len())
    {
        let after = &bytes[end..];
        let trimmed = after
            .iter()
            .position(|&b| !is_space(b))
            .unwrap_or(after.len());
        if after[trimmed..].starts_with(b"endstream") {
            return end;
        }
    }
    find(&bytes[start..], b"endstream").map_or(bytes.len(), |n| start + n)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(open: &str, close: &str, n: usize) -> Vec<u8> {
        format!(
            "1 0 obj\n<< /A {}1{} >>\nendobj\n",
            open.repeat(n),
            close.repeat(n)
        )
        .into_bytes()
    }

    #[test]
    fn deep_arrays_and_dictionaries_are_refused_shallow_ones_pass() {
        assert!(check(&nested("[", "]", MAX_DEPTH - 2)).is_ok());
        assert!(check(&nested("[", "]", 20_000)).is_err());
        assert!(check(&nested("<< /B ", " >>", 20_000)).is_err());
    }

    #[test]
    fn brackets_in_strings_comments_and_streams_do_not_count() {
        let deep = "[".repeat(5_000);
        let bytes = format!(
            "1 0 obj\n<< /T ({deep}\\) (x)) /H <5b5b> >>\n% {deep}\nendobj\n\
             2 0 obj\n<< /Length {} >>\nstream\n{deep}\nendstream\nendobj\n",
            deep.len() + 1
        );
        assert!(check(bytes.as_bytes()).is_ok());
    }

    #[test]
    fn a_deep_page_tree_is_refused_a_cycle_is_not() {
        let chain = |n: u64| {
            let mut s = String::new();
            for k in 1..=n {
                s += &format!(
                    "{k} 0 obj\n<< /Type /Pages /Kids [{} 0 R] >>\nendobj\n",
                    k + 1
                );
            }
            s.into_bytes()
        };
        assert!(check(&chain(50)).is_ok());
        assert!(check(&chain(5_000)).is_err());
        let cycle = b"1 0 obj << /Kids [2 0 R] >> endobj 2 0 obj << /Kids [1 0 R 2 0 R] >> endobj";
        assert!(check(cycle).is_ok());
    }

    #[test]
    fn nesting_inside_a_compressed_object_stream_is_found() {
        use std::io::Write;
        let object = format!("<< /A {}1{} >>", "[".repeat(20_000), "]".repeat(20_000));
        let header = "7 0 ";
        let plain = format!("{header}{object}");
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(plain.as_bytes()).unwrap();
        let body = z.finish().unwrap();
        let mut bytes = format!(
            "5 0 obj\n<< /Type /ObjStm /N 1 /First {} /Filter /FlateDecode /Length {} >>\nstream\n",
            header.len(),
            body.len()
        )
        .into_bytes();
        bytes.extend_from_slice(&body);
        bytes.extend_from_slice(b"\nendstream\nendobj\n");
        assert!(check(&bytes).is_err());
    }

    #[test]
    fn nesting_behind_a_chain_of_filters_is_found_too() {
        use std::io::Write;
        let plain = format!("7 0 << /A {}1{} >>", "[".repeat(20_000), "]".repeat(20_000));
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(plain.as_bytes()).unwrap();
        let hex: String = z
            .finish()
            .unwrap()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let bytes = format!(
            "5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter [/ASCIIHexDecode /FlateDecode] \
             /Length {} >>\nstream\n{hex}>\nendstream\nendobj\n",
            hex.len() + 1
        );
        assert!(check(bytes.as_bytes()).is_err());
    }
}
