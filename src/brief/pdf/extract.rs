//! PDF bytes to positioned text runs, one list per page, through `pdf_oxide`.
//!
//! Everything the crate does runs inside `catch_unwind`: a hostile or broken
//! file must end in an error message, never in a panic that takes the
//! terminal with it.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pdf_oxide::PdfDocument;
use pdf_oxide::extractors::SpanMergingConfig;
use pdf_oxide::extractors::page_labels::PageLabelExtractor;

use super::PdfError;
use super::budget::{self, MAX_DECODED_BYTES, MAX_SHOWS_PER_PAGE, Plan};

/// One run of text as the page shows it, in points from the page's top left.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The text of the run.
    pub text: String,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Top edge (smaller is higher on the page).
    pub top: f32,
    /// Bottom edge.
    pub bottom: f32,
    /// Font size in points.
    pub size: f32,
    /// Bold (weight 600 or more, or a bold font name).
    pub bold: bool,
    /// Italic or oblique.
    pub italic: bool,
}

/// One page: its runs in content-stream order and its height in points.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The text runs of the page.
    pub runs: Vec<Run>,
    /// The page height, for telling the foot of the page from the top.
    pub height: f32,
}

/// What extraction gives: pages, their labels, and what went wrong on the way.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// The pages that were read, in order.
    pub pages: Vec<Page>,
    /// The printed label of each page ("vii", "7"), else its number from 1.
    pub labels: Vec<String>,
    /// Pages that could not be read, as one line for the user.
    pub warning: Option<String>,
}

/// More pages than this are not read: a brief is never this long, and a
/// hostile page tree could claim millions.
const MAX_PAGES: usize = 5_000;
/// Text runs kept per page; a page drawing millions of glyphs is noise.
const MAX_RUNS_PER_PAGE: usize = 200_000;

/// Reads the text runs of the first `max_pages` pages (all with `None`).
pub fn extract(bytes: impl Into<Vec<u8>>, max_pages: Option<usize>) -> Result<Extracted, PdfError> {
    extract_with(bytes, max_pages, &|_, _| {})
}

/// As [`extract`], telling `on_page` how many pages are read, of how many,
/// after each page: a long report shows its progress.
pub fn extract_with(
    bytes: impl Into<Vec<u8>>,
    max_pages: Option<usize>,
    on_page: &dyn Fn(usize, usize),
) -> Result<Extracted, PdfError> {
    // Last resort: the crate is large and parses hostile input; a panic in it
    // becomes an error for this file rather than the end of gloss.
    let bytes = bytes.into();
    // Deep nesting overflows the stack, which no catch_unwind survives.
    super::nesting::check(&bytes)?;
    match catch_unwind(AssertUnwindSafe(move || {
        extract_inner(bytes, max_pages, on_page)
    })) {
        Ok(result) => result,
        Err(_) => Err(PdfError::Damaged(
            "the PDF reader failed on it (a damaged or unusual file)".to_string(),
        )),
    }
}

fn extract_inner(
    bytes: Vec<u8>,
    max_pages: Option<usize>,
    on_page: &dyn Fn(usize, usize),
) -> Result<Extracted, PdfError> {
    let mut doc =
        PdfDocument::from_bytes(bytes).map_err(|e| PdfError::Damaged(one_line(&e.to_string())))?;
    // The crate keeps a second copy of the file for editing and signing,
    // which gloss never does: on a long report it is a tenth of the peak.
    doc.source_bytes = Vec::new();
    // An encrypted PDF that opens with the empty user password (most do:
    // they only restrict printing or copying) is read like any other.
    match doc.authenticate(b"") {
        Ok(true) => {}
        Ok(false) => return Err(PdfError::Encrypted),
        Err(e) => {
            let reason = e.to_string().to_lowercase();
            if reason.contains("encrypt") || reason.contains("password") {
                return Err(PdfError::Encrypted);
            }
            return Err(PdfError::Damaged(one_line(&e.to_string())));
        }
    }
    let count = doc
        .page_count()
        .map_err(|e| PdfError::Damaged(one_line(&e.to_string())))?;
    let wanted = count.min(max_pages.unwrap_or(MAX_PAGES)).min(MAX_PAGES);
    let survey =
        catch_unwind(AssertUnwindSafe(|| budget::survey(&doc, wanted))).unwrap_or_else(|_| {
            budget::Survey {
                plans: vec![Plan::Read; wanted],
                over_budget: false,
            }
        });
    // The reader's own extraction first reads every page of the document
    // for running headers: a hostile one is read page by page without it,
    // and so are the first pages alone (the library's look at a brief).
    let alone = survey.hostile() || wanted < count;
    let mut pages: Vec<Page> = Vec::with_capacity(survey.plans.len());
    let mut failed = Vec::new();
    let mut crowded = Vec::new();
    let over_budget = survey.over_budget;
    for (index, plan) in survey.plans.iter().enumerate() {
        let page = match *plan {
            Plan::SameAs(earlier) => Some(pages.get(earlier).cloned().unwrap_or_default()),
            Plan::Crowded => {
                crowded.push(index + 1);
                Some(Page::default())
            }
            Plan::Unreadable => None,
            // One bad page costs that page, not the document.
            Plan::Read => catch_unwind(AssertUnwindSafe(|| read_page(&doc, index, alone)))
                .ok()
                .and_then(Result::ok),
        };
        if page.is_none() {
            failed.push(index + 1);
        }
        pages.push(page.unwrap_or_default());
        on_page(index + 1, wanted);
    }
    let read = pages.len();
    if read == 0 && over_budget {
        return Err(PdfError::Damaged(format!(
            "its first page's content passes the {} MB gloss decodes of one PDF",
            MAX_DECODED_BYTES / (1024 * 1024)
        )));
    }
    if !crowded.is_empty() && crowded.len() == read {
        return Err(PdfError::Damaged(format!(
            "every page shows over {MAX_SHOWS_PER_PAGE} pieces of text, so none was read"
        )));
    }
    if !failed.is_empty() && failed.len() == read {
        return Err(PdfError::Damaged("no page could be read".to_string()));
    }
    let labels = catch_unwind(AssertUnwindSafe(|| page_labels(&doc, read)))
        .unwrap_or_else(|_| (1..=read).map(|n| n.to_string()).collect());
    let mut warnings = Vec::new();
    if !failed.is_empty() {
        warnings.push(format!(
            "{} of {} pages could not be read (page {}{})",
            failed.len(),
            read,
            failed[0],
            if failed.len() > 1 { " …" } else { "" }
        ));
    }
    if !crowded.is_empty() {
        warnings.push(format!(
            "{} pages show over {MAX_SHOWS_PER_PAGE} pieces of text and were left out (page {}{})",
            crowded.len(),
            crowded[0],
            if crowded.len() > 1 { " …" } else { "" }
        ));
    }
    if over_budget {
        warnings.push(format!(
            "only the first {read} of {count} pages are read: their content passes {} MB decoded",
            MAX_DECODED_BYTES / (1024 * 1024)
        ));
    } else if count > MAX_PAGES && max_pages.is_none() {
        warnings.push(format!(
            "only the first {MAX_PAGES} of {count} pages are read"
        ));
    }
    let warning = (!warnings.is_empty()).then(|| warnings.join("; "));
    Ok(Extracted {
        pages,
        labels,
        warning,
    })
}

/// The runs of page `index`; `alone`: without the reader's first pass over
/// every page, which finds running headers gloss finds itself.
fn read_page(doc: &PdfDocument, index: usize, alone: bool) -> Result<Page, pdf_oxide::Error> {
    let spans = if alone {
        doc.extract_spans_with_config(index, SpanMergingConfig::default())?
    } else {
        doc.extract_spans(index)?
    };
    let height = doc
        .get_page_media_box(index)
        .map(|(_, y0, _, y1)| (y1 - y0).abs())
        .unwrap_or(792.0);
    let runs = spans
        .into_iter()
        .filter(|s| !s.text.trim().is_empty() && s.bbox.width.is_finite() && s.bbox.y.is_finite())
        .take(MAX_RUNS_PER_PAGE)
        .map(|s| {
            let name = s.font_name.to_lowercase();
            // pdf_oxide gives the box in PDF space, y growing upwards.
            let bottom = height - s.bbox.y;
            Run {
                x0: s.bbox.x,
                x1: s.bbox.x + s.bbox.width.max(0.0),
                top: bottom - s.bbox.height.abs(),
                bottom,
                size: if s.font_size.is_finite() {
                    s.font_size.abs()
                } else {
                    0.0
                },
                bold: s.font_weight.is_bold() || name.contains("bold") || name.contains("heavy"),
                italic: s.is_italic || name.contains("italic") || name.contains("oblique"),
                text: unified_ideographs(&s.text),
            }
        })
        .collect();
    Ok(Page { runs, height })
}

/// CJK compatibility ideographs (U+F900–U+FAFF) as the unified ideographs
/// they stand for: fonts' Unicode maps often give them for common
/// characters (不 as U+F967), and a search for 不 must find them. No object
/// replacement character is kept: it marks tables (see [`super::place`]).
fn unified_ideographs(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == super::place::MARK {
            // Marks where a table stands in the text; never the page's own.
            continue;
        }
        if ('\u{F900}'..='\u{FAFF}').contains(&c) {
            out.extend(std::iter::once(c).nfc());
        } else {
            out.push(c);
        }
    }
    out
}

/// Printed page labels when the PDF defines them, else 1, 2, 3 …. A label
/// is the file's to say: its controls (ESC, BEL, line feeds) are dropped
/// here, before it reaches a citation, a clipboard or JSON.
fn page_labels(doc: &PdfDocument, count: usize) -> Vec<String> {
    match PageLabelExtractor::extract(doc) {
        Ok(ranges) if !ranges.is_empty() => PageLabelExtractor::get_all_labels(&ranges, count)
            .into_iter()
            .map(|label| {
                label
                    .chars()
                    .filter(|&c| !crate::output::sanitize::is_terminal_control(c))
                    .collect()
            })
            .collect(),
        _ => (1..=count).map(|n| n.to_string()).collect(),
    }
}

/// The first line of a library message, without control characters.
fn one_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or("").trim();
    line.chars().filter(|c| !c.is_control()).take(160).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compatibility_ideographs_become_the_unified_ones() {
        assert_eq!(unified_ideographs("\u{F967}\u{F9B2}論 abc"), "不零論 abc");
        // A page cannot forge the mark that stands for a table.
        assert_eq!(unified_ideographs("a\u{FFFC}b"), "ab");
    }
}
