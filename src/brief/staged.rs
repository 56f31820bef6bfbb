//! A large text brief in two stages: its opening is parsed at once for the
//! first screen, the whole later (the reader does it on another thread).
//! Reading and decoding stay in the first stage, so every load error is
//! known before the reader touches the terminal.

use std::path::Path;

use super::load::{self, Format, LoadError};
use super::{Brief, pdf};

/// Text briefs this large (in bytes) are staged; smaller ones parse in a
/// few milliseconds, quicker than a second frame would be.
pub const STAGED_FROM: usize = 256 * 1024;

/// How much of a staged brief's text its opening parses: many screens'
/// worth, and a millisecond of work.
const OPENING: usize = 64 * 1024;

/// A brief read from a path: parsed whole, or decoded and waiting.
#[derive(Debug)]
pub enum Opened {
    /// A small brief or a PDF, parsed.
    Whole(Box<Brief>),
    /// A large text brief, decoded but not parsed.
    Staged(StagedBrief),
}

/// A large text brief's decoded text, ready to parse.
#[derive(Debug)]
pub struct StagedBrief {
    text: String,
    format: Format,
    encoding: &'static str,
    source: String,
}

/// Reads and decodes the brief at `path`; parses it too unless it is a
/// large text brief. `warn` gets one line for each repair the bytes needed,
/// `on_page` the pages read of a PDF so far and in all.
pub fn open_path(
    path: &Path,
    warn: &mut dyn FnMut(&str),
    on_page: &dyn Fn(usize, usize),
) -> Result<Opened, LoadError> {
    let bytes = load::read_brief_bytes(path)?;
    let format = Format::from_path(path);
    let source = path.display().to_string();
    if format == Format::Pdf || pdf::is_pdf(&bytes) {
        let mut brief = load::load_pdf_with(bytes, &source, None, on_page)?;
        brief.meta.source = Some(source);
        return Ok(Opened::Whole(Box::new(brief)));
    }
    if bytes.len() < STAGED_FROM {
        let mut brief = load::load_bytes_warning(&bytes, format, &source, warn)?;
        brief.meta.source = Some(source);
        return Ok(Opened::Whole(Box::new(brief)));
    }
    let decoded = load::decode_text(&bytes, &source, warn)?;
    // The text is all that is needed from here on; a brief's worth of
    // memory is given back before the parse needs its own.
    drop(bytes);
    Ok(Opened::Staged(StagedBrief {
        text: decoded.text,
        format,
        encoding: decoded.encoding,
        source,
    }))
}

impl StagedBrief {
    /// The brief's opening, parsed as the whole would be: its first
    /// paragraphs have the ids they have in the whole.
    pub fn opening(&self) -> Brief {
        let end = opening_end(&self.text, OPENING);
        self.with_source(load::parse_text(
            &self.text[..end],
            self.format,
            self.encoding,
        ))
    }

    /// The whole brief, parsed.
    pub fn parse(self) -> Brief {
        let mut brief = load::parse_owned_text(self.text, self.format, self.encoding);
        brief.meta.source = Some(self.source);
        brief
    }

    fn with_source(&self, mut brief: Brief) -> Brief {
        brief.meta.source = Some(self.source.clone());
        brief
    }
}

/// Where the opening ends: after the last blank line within `max` bytes,
/// so no paragraph is cut in the middle; at the last line end when there
/// is none in the second half (a long table has no blank line: its
/// opening was its title alone, and its rows waited for the whole).
fn opening_end(text: &str, max: usize) -> usize {
    if text.len() <= max {
        return text.len();
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    match head.rfind("\n\n") {
        Some(i) if i >= cut / 2 => i + 2,
        _ => head.rfind('\n').map_or(head.len(), |i| i + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    fn large_markdown() -> String {
        let mut s = String::from("# 大型簡報\n\n");
        let mut n = 0;
        while s.len() < STAGED_FROM * 2 {
            s.push_str(&format!(
                "## 第 {n} 節\n\n美中雙方在北京峰會後同意恢復軍事溝通管道 {n}。\n\n"
            ));
            n += 1;
        }
        s
    }

    #[test]
    fn a_small_brief_is_parsed_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, "small.md", "# Title\n\nA paragraph.\n");
        let Opened::Whole(brief) = open_path(&path, &mut |_| {}, &|_, _| {}).unwrap() else {
            panic!("a small brief was staged");
        };
        assert_eq!(brief.meta.title.as_deref(), Some("Title"));
        assert_eq!(brief.meta.source, Some(path.display().to_string()));
    }

    #[test]
    fn the_opening_starts_as_the_whole_brief_does() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, "large.md", &large_markdown());
        let Opened::Staged(staged) = open_path(&path, &mut |_| {}, &|_, _| {}).unwrap() else {
            panic!("a large brief was not staged");
        };
        let opening = staged.opening();
        let whole = staged.parse();
        assert_eq!(opening.meta.title, whole.meta.title);
        assert_eq!(whole.meta.source, Some(path.display().to_string()));
        let first: Vec<_> = opening.paragraphs().map(|p| p.id.clone()).collect();
        let all: Vec<_> = whole.paragraphs().map(|p| p.id.clone()).collect();
        assert!(first.len() > 100, "the opening holds many screens");
        assert!(first.len() < all.len() / 2, "the opening is not the whole");
        assert_eq!(first[..first.len() - 1], all[..first.len() - 1]);
    }

    #[test]
    fn a_large_brief_that_does_not_decode_fails_before_any_parse() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("large.txt");
        let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
        bytes.resize(STAGED_FROM * 2, 0);
        std::fs::write(&path, bytes).unwrap();
        assert!(matches!(
            open_path(&path, &mut |_| {}, &|_, _| {}),
            Err(LoadError::Decode { .. })
        ));
    }

    #[test]
    fn the_opening_of_a_long_table_holds_its_first_rows() {
        let mut text = String::from("# 表格\n\n| 年份 | 項目 |\n|---|---|\n");
        let mut n = 0;
        while text.len() < STAGED_FROM * 2 {
            text.push_str(&format!("| {n} | 出口管制項目{n} |\n"));
            n += 1;
        }
        let staged = StagedBrief {
            text,
            format: Format::Markdown,
            encoding: "UTF-8",
            source: "table.md".to_string(),
        };
        let opening = staged.opening();
        let rows: Vec<_> = opening.paragraphs().map(|p| p.id.clone()).collect();
        assert!(rows.len() > 500, "only {} rows in the opening", rows.len());
        let whole: Vec<_> = staged.parse().paragraphs().map(|p| p.id.clone()).collect();
        assert_eq!(rows, whole[..rows.len()]);
    }

    #[test]
    fn the_opening_ends_after_a_blank_line_within_the_limit() {
        let text = "一二三\n\n四五六\n七八九\n";
        assert_eq!(opening_end(text, 100), text.len());
        assert_eq!(&text[..opening_end(text, 20)], "一二三\n\n");
        // No blank line: the last line end; no line end: a character boundary.
        assert_eq!(&text[..opening_end("一二三\n四五六", 14)], "一二三\n");
        assert_eq!(opening_end("一二三四", 7), 6);
    }
}
