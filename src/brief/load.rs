//! From a path or bytes to a [`Brief`]: decode, pick the loader, assign ids.

use std::path::Path;

use thiserror::Error;

use super::{Brief, assign_ids, authorship, decode, markdown, pdf, text};

/// Why a brief could not be loaded; each message is one line for the user.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file or folder could not be read.
    #[error("cannot read {path}: {reason}")]
    Io {
        /// The path as the user gave it.
        path: String,
        /// What the operating system said, in words.
        reason: String,
    },
    /// The path is a folder, not a file.
    #[error("{0} is a folder, not a brief")]
    IsDir(String),
    /// The bytes are not text in any encoding gloss reads.
    #[error("{path}: {reason}")]
    Decode {
        /// The path as the user gave it.
        path: String,
        /// What is wrong with the bytes.
        reason: decode::DecodeError,
    },
    /// The file holds nothing but whitespace.
    #[error("{0} is empty: there is no text to read")]
    Empty(String),
    /// A PDF that gives no text: encrypted, damaged, or a scan.
    #[error("{path}: {reason}")]
    Pdf {
        /// The path as the user gave it.
        path: String,
        /// Why the PDF gives no text.
        reason: pdf::PdfError,
    },
}

/// How a brief's text is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CommonMark with tables, footnotes and YAML front matter.
    Markdown,
    /// Plain text, typically extracted from a PDF.
    PlainText,
    /// A PDF document; also recognised by its `%PDF-` signature.
    Pdf,
}

impl Format {
    /// The format a path's extension names; plain text when unknown.
    pub fn from_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            Some("pdf") => Format::Pdf,
            _ => Format::PlainText,
        }
    }
}

/// Reads and loads the brief at `path`.
pub fn load_path(path: &Path) -> Result<Brief, LoadError> {
    load_path_warning(path, &mut |_| {})
}

/// Reads and loads the brief at `path`, passing `warn` one line for each
/// repair the bytes needed (invalid UTF-8 replaced). Callers that own the
/// terminal print it; the library screen, drawing on it, does not.
pub fn load_path_warning(path: &Path, warn: &mut dyn FnMut(&str)) -> Result<Brief, LoadError> {
    let shown = path.display().to_string();
    let bytes = read_brief_bytes(path)?;
    let format = Format::from_path(path);
    let mut brief = if format == Format::Pdf || pdf::is_pdf(&bytes) {
        load_pdf(bytes, &shown, None)?
    } else {
        let decoded = decode_text(&bytes, &shown, warn)?;
        // Only the text is needed from here on: a brief's worth of memory
        // is given back before the parse takes its own.
        drop(bytes);
        parse_owned_text(decoded.text, format, decoded.encoding)
    };
    brief.meta.source = Some(shown);
    Ok(brief)
}

/// As [`load_path_warning`], also giving the decoded text the brief was
/// read from (`None` for a PDF, which has no lines to point at).
pub fn load_path_with_source(
    path: &Path,
    warn: &mut dyn FnMut(&str),
) -> Result<(Brief, Option<String>), LoadError> {
    let shown = path.display().to_string();
    let bytes = read_brief_bytes(path)?;
    let (mut brief, source) = load_bytes_source(&bytes, Format::from_path(path), &shown, warn)?;
    brief.meta.source = Some(shown);
    Ok((brief, source))
}

/// The bytes of the brief at `path`: a regular file, within the size cap.
pub(super) fn read_brief_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(LoadError::IsDir(shown));
    }
    crate::files::read_regular(path, crate::files::BRIEF_CAP).map_err(|e| LoadError::Io {
        path: shown,
        reason: io_reason(&e),
    })
}

/// Loads a brief from bytes already read; `name` is used in messages.
/// A PDF is recognised by its signature whatever `format` says.
pub fn load_bytes(bytes: &[u8], format: Format, name: &str) -> Result<Brief, LoadError> {
    load_bytes_warning(bytes, format, name, &mut |_| {})
}

pub(super) fn load_bytes_warning(
    bytes: &[u8],
    format: Format,
    name: &str,
    warn: &mut dyn FnMut(&str),
) -> Result<Brief, LoadError> {
    if format == Format::Pdf || pdf::is_pdf(bytes) {
        return load_pdf(bytes, name, None);
    }
    let decoded = decode_text(bytes, name, warn)?;
    Ok(parse_owned_text(decoded.text, format, decoded.encoding))
}

fn load_bytes_source(
    bytes: &[u8],
    format: Format,
    name: &str,
    warn: &mut dyn FnMut(&str),
) -> Result<(Brief, Option<String>), LoadError> {
    if format == Format::Pdf || pdf::is_pdf(bytes) {
        return load_pdf(bytes, name, None).map(|brief| (brief, None));
    }
    let decoded = decode_text(bytes, name, warn)?;
    let brief = parse_text(&decoded.text, format, decoded.encoding);
    Ok((brief, Some(decoded.text)))
}

/// Decodes a text brief's bytes; the errors a load can have are all here,
/// so what follows ([`parse_text`]) cannot fail.
pub(super) fn decode_text(
    bytes: &[u8],
    name: &str,
    warn: &mut dyn FnMut(&str),
) -> Result<decode::Decoded, LoadError> {
    let decoded = decode::decode(bytes).map_err(|reason| LoadError::Decode {
        path: name.to_string(),
        reason,
    })?;
    if let Some(warning) = &decoded.warning {
        warn(&format!("{name}: {warning}"));
    }
    if decoded.text.trim().is_empty() {
        return Err(LoadError::Empty(name.to_string()));
    }
    Ok(decoded)
}

/// Parses decoded text with the loader `format` names and assigns ids.
pub(super) fn parse_text(text: &str, format: Format, encoding: &str) -> Brief {
    let mut brief = parse_only(text, format);
    brief.meta.encoding = encoding.to_string();
    authorship::fill_authors(&mut brief);
    assign_ids(&mut brief);
    brief
}

/// As [`parse_text`], giving `text` back before the ids are made: at that
/// moment the text was a brief's worth of the peak.
pub(super) fn parse_owned_text(text: String, format: Format, encoding: &str) -> Brief {
    let mut brief = match format {
        Format::Markdown if markdown::has_markup(&text) => markdown::parse(&text),
        Format::Markdown | Format::PlainText | Format::Pdf => text::parse_owned(text),
    };
    brief.meta.encoding = encoding.to_string();
    authorship::fill_authors(&mut brief);
    assign_ids(&mut brief);
    brief
}

fn parse_only(text: &str, format: Format) -> Brief {
    match format {
        Format::Markdown if markdown::has_markup(text) => markdown::parse(text),
        // A `.md` file with no markup in it is plain text under another name.
        Format::Markdown | Format::PlainText | Format::Pdf => text::parse(text),
    }
}

/// Loads a PDF's first `max_pages` pages (all with `None`): enough of
/// them give the meta data for a list of briefs.
pub fn load_pdf(
    bytes: impl Into<Vec<u8>>,
    name: &str,
    max_pages: Option<usize>,
) -> Result<Brief, LoadError> {
    load_pdf_with(bytes, name, max_pages, &|_, _| {})
}

/// As [`load_pdf`], telling `on_page` the pages read so far and in all.
pub fn load_pdf_with(
    bytes: impl Into<Vec<u8>>,
    name: &str,
    max_pages: Option<usize>,
    on_page: &dyn Fn(usize, usize),
) -> Result<Brief, LoadError> {
    let failed = |reason| LoadError::Pdf {
        path: name.to_string(),
        reason,
    };
    let bytes = bytes.into();
    if !pdf::has_header(&bytes) {
        return Err(failed(pdf::PdfError::Damaged(
            "there is no %PDF- header at its start".to_string(),
        )));
    }
    let (mut brief, warning) = pdf::parse_with(bytes, max_pages, on_page).map_err(failed)?;
    if brief.paragraphs().next().is_none() && brief.meta.title.is_none() {
        return Err(LoadError::Empty(name.to_string()));
    }
    brief.meta.warnings.extend(warning);
    authorship::fill_authors(&mut brief);
    assign_ids(&mut brief);
    Ok(brief)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            // The OS message carries "(os error N)", which helps no reader.
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s,
            }
        }
    }
}

#[cfg(test)]
mod markup_tests {
    use super::{Format, parse_text};

    /// A law copied out of a database and saved as `.md`, with no markup:
    /// its chapter and article lines are headings, as in a `.txt`.
    #[test]
    fn a_markdown_file_without_markup_is_read_as_plain_text() {
        let law = "法規名稱：個人資料保護法\n\n   第 一 章 總則\n\n第 1 條\n為規範個人資料之蒐集、處理及利用，特制定本法。\n\n\
第 2 條\n本法用詞，定義如下：\n一、個人資料：指自然人之姓名。\n";
        let as_md = parse_text(law, Format::Markdown, "UTF-8");
        let as_txt = parse_text(law, Format::PlainText, "UTF-8");
        let titles = |b: &super::Brief| {
            b.sections
                .iter()
                .filter_map(|s| s.title.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(titles(&as_md), titles(&as_txt));
        assert!(titles(&as_md).contains(&"第 1 條".to_string()));
    }
}
