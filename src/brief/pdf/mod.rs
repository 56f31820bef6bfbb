//! PDF to text for the one structure stage: extract positioned runs
//! ([`extract`]), put them in reading order ([`order`]), read typography
//! ([`typography`]: body size, heading candidates, footnotes), then write
//! the pages as text with `\f` between them and hand it, with the heading
//! candidates as [`Hints`], to the plain-text loader. [`pages`] gives every
//! paragraph the pages it came from.

pub mod extract;
pub mod order;
mod pages;
pub mod typography;

use thiserror::Error;

use super::Brief;
use super::text::Hints;
use order::Line;
use typography::Look;

pub use pages::assign_pages;

/// Why a PDF gives no text; each message is one line for the user.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PdfError {
    /// Encrypted, and the empty user password does not open it.
    #[error("the PDF is encrypted and needs a password; save a copy without one first")]
    Encrypted,
    /// The file is not a PDF that can be read at all.
    #[error("the PDF is damaged or not a PDF: {0}")]
    Damaged(String),
    /// Pages, but no text on them: a scan.
    #[error("the PDF has no text layer (a scan?): run OCR first, e.g. ocrmypdf")]
    NoText,
}

/// True when `bytes` start like a PDF (`%PDF-` within the first KB, as
/// readers allow some junk before it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// A PDF's text with what the page showed beyond it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PdfText {
    /// The text, pages separated by `\f`, blocks by blank lines.
    pub text: String,
    /// Heading candidates by typography.
    pub hints: Hints,
    /// The label of each page ("vii", "7").
    pub labels: Vec<String>,
    /// Something the user should know: pages that could not be read.
    pub warning: Option<String>,
}

/// Extracts the text of the first `max_pages` pages (all with `None`).
pub fn text_of(bytes: &[u8], max_pages: Option<usize>) -> Result<PdfText, PdfError> {
    let extracted = extract::extract(bytes, max_pages)?;
    let pages: Vec<Vec<Line>> = extracted
        .pages
        .iter()
        .map(|p| order::lines_in_order(&p.runs))
        .collect();
    let body = typography::body_size(pages.iter().flatten());
    let body_bold = {
        let (bold, all) = pages.iter().flatten().filter(|l| (l.size - body).abs() < 0.3).fold(
            (0usize, 0usize),
            |(b, a), l| (b + usize::from(l.bold) * l.text.len(), a + l.text.len()),
        );
        bold * 2 > all
    };
    let mut text = String::new();
    let mut candidates: Vec<(String, Look)> = Vec::new();
    for (i, lines) in pages.into_iter().enumerate() {
        if i > 0 {
            text.push('\u{c}');
        }
        let (body_lines, notes) = typography::split_footnotes(lines, body);
        for block in blocks(&body_lines) {
            if let Some(look) = typography::heading_look(block, body, body_bold) {
                let joined: String = block.iter().map(|l| l.text.as_str()).collect();
                candidates.push((joined, look));
            }
            write_block(&mut text, block);
        }
        // Footnotes after the body of their page, as a block of their own.
        for block in blocks(&notes) {
            write_block(&mut text, block);
        }
    }
    if text.chars().all(char::is_whitespace) {
        return Err(PdfError::NoText);
    }
    let looks: Vec<Look> = candidates.iter().map(|(_, l)| *l).collect();
    let tier = typography::tiers(&looks);
    let mut hints = Hints::default();
    for (heading, look) in &candidates {
        hints.add_heading(heading, tier(*look));
    }
    Ok(PdfText {
        text: super::decode::clean(&text),
        hints,
        labels: extracted.labels,
        warning: extracted.warning,
    })
}

/// Parses a PDF into a brief (ids not yet assigned), with its pages.
pub fn parse(bytes: &[u8], max_pages: Option<usize>) -> Result<(Brief, Option<String>), PdfError> {
    let pdf = text_of(bytes, max_pages)?;
    let mut brief = super::text::parse_with_hints(&pdf.text, &pdf.hints);
    assign_pages(&mut brief, &pdf.text, &pdf.labels);
    brief.meta.encoding = "PDF".to_string();
    Ok((brief, pdf.warning))
}

/// Splits lines (in reading order) into blocks at vertical gaps and at
/// changes of size or weight, as a reader's eye would.
fn blocks(lines: &[Line]) -> Vec<&[Line]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..lines.len() {
        let (a, b) = (&lines[i - 1], &lines[i]);
        let size = a.size.max(b.size).max(1.0);
        let gap = b.top - a.bottom;
        let restyled = (a.size - b.size).abs() > 0.1 * size || a.bold != b.bold;
        // Upwards is a new column or band: the paragraph may go on there.
        let far = gap > 0.75 * size;
        if restyled || far {
            out.push(&lines[start..i]);
            start = i;
        }
    }
    if start < lines.len() {
        out.push(&lines[start..]);
    }
    out
}

fn write_block(text: &mut String, block: &[Line]) {
    if !text.is_empty() && !text.ends_with('\u{c}') {
        text.push('\n');
    }
    for line in block {
        text.push_str(&line.text);
        text.push('\n');
    }
}
