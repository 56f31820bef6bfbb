//! PDF to text for the one structure stage: extract positioned runs
//! ([`extract`]), take the tables off each page ([`table`]), put the rest in
//! reading order ([`order`]), read typography ([`typography`]: body size,
//! heading candidates, footnotes), then write the pages as text with `\f`
//! between them and hand it, with the heading candidates as [`Hints`], to
//! the plain-text loader; each table stands in that text as one mark, which
//! `place` replaces by its rows. [`pages`] gives every paragraph the pages
//! it came from.

mod align;
mod budget;
mod contents;
pub mod extract;
mod footnotes;
mod nesting;
pub mod order;
mod pages;
mod place;
pub mod table;
pub mod typography;

use std::collections::HashSet;

use thiserror::Error;

use super::text::Hints;
use super::{Brief, Paragraph, ParagraphKind};
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
    /// Every page is of zero size: nothing on it could show.
    #[error("the PDF's pages are empty (zero-size pages): there is nothing to read")]
    EmptyPages,
}

/// True when `bytes` start with the PDF signature `%PDF-`. (A text brief
/// may quote the signature; only a file that starts with it is taken for a
/// PDF by content. A `.pdf` file is one by its name, see [`has_header`].)
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// True when `%PDF-` stands within the first KB: readers allow some junk
/// before it in a file named `.pdf`.
pub fn has_header(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// A PDF's text with what the page showed beyond it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PdfText {
    /// The text, pages separated by `\f`, blocks by blank lines, a table's
    /// rows one a line.
    pub text: String,
    /// The text without its tables, for the structure stage.
    pub flow: String,
    /// The tables, each with where it stands in `flow`.
    pub tables: Vec<place::PlacedTable>,
    /// The title by typography: the largest type on the first page.
    pub title: Option<String>,
    /// The footnotes' text, whitespace removed.
    pub footnotes: HashSet<String>,
    /// Heading candidates by typography.
    pub hints: Hints,
    /// The label of each page ("vii", "7").
    pub labels: Vec<String>,
    /// Something the user should know: pages that could not be read.
    pub warning: Option<String>,
}

/// Extracts the text of the first `max_pages` pages (all with `None`).
pub fn text_of(bytes: impl Into<Vec<u8>>, max_pages: Option<usize>) -> Result<PdfText, PdfError> {
    text_of_with(bytes, max_pages, &|_, _| {})
}

/// As [`text_of`], telling `on_page` the pages read so far and in all.
pub fn text_of_with(
    bytes: impl Into<Vec<u8>>,
    max_pages: Option<usize>,
    on_page: &dyn Fn(usize, usize),
) -> Result<PdfText, PdfError> {
    let bytes = bytes.into();
    // A file cut short (a broken download) lacks the end-of-file marker; the
    // reader rebuilds what it can, and the user should know text may be gone.
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let cut_short = !tail.windows(5).any(|w| w == b"%%EOF");
    let extracted = extract::extract_with(bytes, max_pages, on_page)?;
    let mut page_tables: Vec<Vec<table::Table>> = Vec::with_capacity(extracted.pages.len());
    let mut numbers: Vec<PageNumbers> = Vec::with_capacity(extracted.pages.len());
    let pages: Vec<Vec<Line>> = extracted
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let carried = page_tables
                .last()
                .and_then(|t| t.last())
                .map(|t| t.columns.as_slice());
            let (tables, rest) = table::take(&p.runs, carried);
            page_tables.push(tables);
            let lines = order::lines_in_order(&rest);
            let label = extracted.labels.get(i).map(String::as_str);
            let (found, lines): (Vec<Line>, Vec<Line>) = lines
                .into_iter()
                .partition(|l| is_page_number(l, p.height, label, i + 1));
            numbers.push(PageNumbers::of(found, p.height));
            lines
        })
        .collect();
    let body = typography::body_size(pages.iter().flatten());
    let body_bold = {
        let (bold, all) = pages
            .iter()
            .flatten()
            .filter(|l| (l.size - body).abs() < 0.3)
            .fold((0usize, 0usize), |(b, a), l| {
                (b + usize::from(l.bold) * l.text.len(), a + l.text.len())
            });
        bold * 2 > all
    };
    let pitch = typography::body_pitch(pages.iter().map(Vec::as_slice), body);
    let mut text = String::new();
    let mut candidates: Vec<(String, Look)> = Vec::new();
    let mut title = None;
    let mut footnotes = HashSet::new();
    let mut hints = Hints::default();
    let mut last_note = None;
    // Tables by where they stand in `text`: byte offset, page, rows.
    let mut tables: Vec<(usize, usize, Vec<table::Row>)> = Vec::new();
    let entries: HashSet<String> = pages
        .iter()
        .flatten()
        .filter_map(|l| contents::entry(&l.text))
        .collect();
    let margins = align::margins(pages.iter().flatten(), body);
    for (i, lines) in pages.into_iter().enumerate() {
        if i > 0 {
            text.push('\u{c}');
        }
        if i == 0 {
            title = typography::title(&lines, body);
        }
        let parts = typography::split_footnotes(lines, body);
        let (body_lines, notes) = (parts.body, parts.notes);
        let middle = align::middle(&body_lines);
        let mut write_body = |text: &mut String, lines: &[Line]| {
            for block in blocks(lines, pitch) {
                let look = typography::heading_look(block, body, body_bold);
                if look.is_some() && !align::heading_placed(block, &margins, middle) {
                    // Heading type where no heading stands: a table's cell,
                    // which heads nothing even when numbered.
                    for line in block {
                        hints.add_inner_line(&line.text);
                    }
                } else if let Some(look) = look {
                    // A heading goes on one line, without its footnote mark, so
                    // the loader sees it whole and as the page shows it.
                    let heading = join_lines(block.iter().map(|l| match l.mark_at {
                        Some(at) if std::ptr::eq(l, &block[block.len() - 1]) => &l.text[..at],
                        _ => l.text.as_str(),
                    }));
                    if !text.is_empty() && !text.ends_with('\u{c}') {
                        text.push('\n');
                    }
                    text.push_str(&heading);
                    text.push('\n');
                    candidates.push((heading, look));
                    continue;
                }
                // Lines that run on inside a block, and the cells of a table
                // row, head nothing however they are numbered.
                for (k, line) in block.iter().enumerate() {
                    if k > 0 || line.shared {
                        hints.add_inner_line(&line.text);
                    }
                }
                write_block(text, block);
            }
        };
        // Each table stands where it stood among the body lines: before the
        // first line below its top that it shares some width with.
        let mut from = 0;
        for mut found in std::mem::take(&mut page_tables[i]) {
            // A row the page break cut (its first cell empty here) is made
            // whole on the table of the page before.
            if let Some((_, page, rows)) = tables.last_mut()
                && found.goes_on
                && *page + 1 == i
                && found.rows.first().is_some_and(|r| r.cells[0].is_empty())
                && let Some(last) = rows.last_mut()
                && last.cells.len() == found.rows[0].cells.len()
            {
                last.join(found.rows.remove(0));
            }
            let at = body_lines
                .iter()
                .position(|l| l.top >= found.top && l.x1 > found.x0 && l.x0 < found.x1)
                .unwrap_or(body_lines.len())
                .max(from);
            write_body(&mut text, &body_lines[from..at]);
            from = at;
            if !text.is_empty() && !text.ends_with(['\n', '\u{c}']) {
                text.push('\n');
            }
            tables.push((text.len(), i, found.rows));
        }
        write_body(&mut text, &body_lines[from..]);
        // Footnotes after the body of their page, as a block of their own.
        for block in blocks(&notes, pitch) {
            for note in footnotes::split(block, &mut last_note) {
                footnotes.insert(dense(&join_lines(note.iter().map(|l| l.text.as_str()))));
                write_block(&mut text, note);
            }
        }
        if !parts.furniture.is_empty() {
            write_block(&mut text, &parts.furniture);
        }
    }
    if text.chars().all(char::is_whitespace) {
        // A page of no size is no scan: OCR would find nothing either.
        let no_size =
            !extracted.pages.is_empty() && extracted.pages.iter().all(|p| p.height == 0.0);
        return Err(if cut_short {
            PdfError::Damaged("it is cut short and no text could be read from it".to_string())
        } else if no_size {
            PdfError::EmptyPages
        } else {
            PdfError::NoText
        });
    }
    let mut warning = extracted.warning;
    if cut_short {
        let short = "the PDF is cut short (no end-of-file marker): some text may be missing";
        warning = Some(warning.map_or(short.to_string(), |w| format!("{short}; {w}")));
    }
    let headings: Vec<String> = candidates.iter().map(|(h, _)| h.clone()).collect();
    candidates.drain(..contents::front_count(&headings, &entries));
    let looks: Vec<Look> = candidates.iter().map(|(_, l)| *l).collect();
    let tier = typography::tiers(&looks);
    for (heading, look) in &candidates {
        hints.add_heading(heading, tier(*look));
    }
    let (text, flow, tables) = place::weave(&text, tables);
    let text = with_page_numbers(&text, &numbers);
    Ok(PdfText {
        text,
        flow,
        tables,
        title,
        footnotes,
        hints,
        labels: extracted.labels,
        warning,
    })
}

/// Parses a PDF into a brief (ids not yet assigned), with its pages.
pub fn parse(
    bytes: impl Into<Vec<u8>>,
    max_pages: Option<usize>,
) -> Result<(Brief, Option<String>), PdfError> {
    parse_with(bytes, max_pages, &|_, _| {})
}

/// As [`parse`], telling `on_page` the pages read so far and in all.
pub fn parse_with(
    bytes: impl Into<Vec<u8>>,
    max_pages: Option<usize>,
    on_page: &dyn Fn(usize, usize),
) -> Result<(Brief, Option<String>), PdfError> {
    let pdf = text_of_with(bytes, max_pages, on_page)?;
    let mut brief = super::text::parse_with_hints(&pdf.flow, &pdf.hints);
    if let Some(title) = pdf.title {
        set_title(&mut brief.meta, title);
    }
    assign_pages(&mut brief, &pdf.flow, &pdf.labels);
    brief.meta.page_labels.clone_from(&pdf.labels);
    place::place_tables(&mut brief, &pdf.flow, &pdf.tables, &pdf.labels);
    // Footnotes go to the back matter, in the order they are printed, each
    // with its label; the marks in the text stay where they are.
    let mut notes = Vec::new();
    for section in &mut brief.sections {
        let (moved, kept): (Vec<Paragraph>, Vec<Paragraph>) =
            std::mem::take(&mut section.paragraphs)
                .into_iter()
                .partition(|p| {
                    matches!(p.kind, ParagraphKind::Text | ParagraphKind::ListItem)
                        && pdf.footnotes.contains(&dense(&whole_text(p)))
                });
        section.paragraphs = kept;
        notes.extend(moved.into_iter().map(footnote));
    }
    brief
        .sections
        .retain(|s| s.title.is_some() || !s.paragraphs.is_empty());
    brief.back_matter.splice(0..0, notes);
    super::note_refs::mark_note_references(&mut brief);
    brief.meta.encoding = "PDF".to_string();
    Ok((brief, pdf.warning))
}

/// A footnote paragraph, its label as its marker. The text keeps the label
/// as printed, so the paragraph has the same id as in `pdftotext` text and
/// a brief read both ways is known as one.
fn footnote(p: Paragraph) -> Paragraph {
    let text = whole_text(&p);
    let marker = footnotes::label(&text).map(|(label, _)| label.to_string());
    Paragraph {
        marker,
        pages: p.pages,
        ..Paragraph::plain(ParagraphKind::Footnote, text)
    }
}

/// A paragraph's text with the list marker the loader read it with ("1").
fn whole_text(p: &Paragraph) -> String {
    match &p.marker {
        Some(marker) => format!("{marker} {}", p.text()),
        None => p.text(),
    }
}

/// Puts the title the first page shows largest in place of the loader's
/// guess; a guess that is part of it, and authors that are, give way.
fn set_title(meta: &mut super::Meta, title: String) {
    let whole = dense(&title);
    if meta.title.as_deref().is_some_and(|t| dense(t) == whole) {
        return;
    }
    // The largest line may be the first part of a title that goes on in
    // smaller type ("Digital Society Survey" / "Codebook"): the guess that
    // starts with it and goes on is the whole title.
    if meta
        .title
        .as_deref()
        .is_some_and(|t| dense(t).starts_with(&whole))
    {
        return;
    }
    let within = |s: &str| whole.contains(&dense(s));
    meta.authors.retain(|a| !within(a));
    // The loader may have taken the title for the masthead.
    if meta.series.as_deref().is_some_and(|s| dense(s) == whole) {
        meta.series = None;
    }
    if meta.subtitle.as_deref().is_some_and(within) {
        meta.subtitle = None;
    }
    match meta.title.take() {
        Some(old) if !within(&old) && meta.subtitle.is_none() => meta.subtitle = Some(old),
        _ => {}
    }
    meta.title = Some(title);
}

/// True for a line at the top or foot of the page that reads as the page's
/// label or number ("ii", "- 7 -"): the PDF says what its page numbers are,
/// so roman ones go too, which the plain-text rules cannot know.
fn is_page_number(line: &Line, height: f32, label: Option<&str>, number: usize) -> bool {
    let edge = line.top < height * 0.12 || line.bottom > height * 0.88;
    let bare = line
        .text
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|'));
    edge && !bare.is_empty() && (Some(bare) == label || bare.parse::<usize>().ok() == Some(number))
}

/// A page's own numbers, printed at its top and at its foot.
#[derive(Default)]
struct PageNumbers {
    top: Vec<String>,
    foot: Vec<String>,
}

impl PageNumbers {
    fn of(lines: Vec<Line>, height: f32) -> Self {
        let mut numbers = Self::default();
        for line in lines {
            if line.top < height / 2.0 {
                numbers.top.push(line.text);
            } else {
                numbers.foot.push(line.text);
            }
        }
        numbers
    }
}

/// The text with each page's numbers back where the page prints them: the
/// structure stage drops them, but a converted file keeps them, as
/// `pdftotext` does, so it opens later with the same page labels.
fn with_page_numbers(text: &str, numbers: &[PageNumbers]) -> String {
    if numbers
        .iter()
        .all(|n| n.top.is_empty() && n.foot.is_empty())
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + numbers.len() * 8);
    for (i, page) in text.split('\u{c}').enumerate() {
        if i > 0 {
            out.push('\u{c}');
        }
        let Some(number) = numbers.get(i) else {
            out.push_str(page);
            continue;
        };
        for line in &number.top {
            out.push_str(line);
            out.push_str("\n\n");
        }
        out.push_str(page);
        if !number.foot.is_empty() {
            if !page.is_empty() && !page.ends_with('\n') {
                out.push('\n');
            }
            if !page.trim_end().is_empty() {
                out.push('\n');
            }
            for line in &number.foot {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

fn dense(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Joins the lines of one block: no space between two CJK characters, one
/// between words.
pub fn join_lines<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        let wide = out.chars().last().is_some_and(order::is_wide)
            && line.chars().next().is_some_and(order::is_wide);
        if !out.is_empty() && !wide {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// Splits lines (in reading order) into blocks at vertical gaps and at
/// changes of size or weight, as a reader's eye would; `pitch` is the body's
/// usual line pitch in font sizes.
fn blocks(lines: &[Line], pitch: f32) -> Vec<&[Line]> {
    // A little more than the usual pitch is a paragraph gap.
    let gap = (pitch * 1.15).max(1.3);
    let mut out = Vec::new();
    let mut start = 0;
    // The pitch inside the current block: lines set at one steady pitch
    // (a pull quote in large type) stay together whatever it is.
    let mut rhythm: Option<f32> = None;
    for i in 1..lines.len() {
        let (a, b) = (&lines[i - 1], &lines[i]);
        let step = b.bottom - a.bottom;
        let size = a.size.max(b.size).max(1.0);
        // Baseline to baseline: box heights vary by font, the pitch does not.
        // Upwards is a new column or band: the paragraph may go on there.
        let restyled = (a.size - b.size).abs() > 0.1 * size || a.bold != b.bold;
        let steady = rhythm.is_some_and(|r| (step - r).abs() < 0.1 * size);
        let far = step > gap * size && !steady;
        if restyled || far {
            out.push(&lines[start..i]);
            start = i;
            rhythm = None;
        } else {
            rhythm = Some(step);
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
