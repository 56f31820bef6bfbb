//! `7P`: the page a citation names. Each paragraph knows the printed pages
//! it is on (a PDF's page labels, or form feeds counted in plain text), so
//! the first paragraph on a page is where that page starts. `O` shows the
//! page on screen in the system's PDF viewer.

use std::path::{Path, PathBuf};

use super::{App, Pos};

impl App {
    /// Goes to the first paragraph on the printed page numbered `page`.
    pub(super) fn go_to_page(&mut self, page: Option<usize>) {
        let Some(page) = page else {
            self.notes
                .say("type the page number first: 7P goes to page 7");
            return;
        };
        let label = page.to_string();
        let found = (0..self.doc.blocks.len()).find(|&i| {
            self.doc
                .paragraph(i)
                .is_some_and(|p| p.pages.contains(&label))
        });
        let Some(block) = found else {
            let last = (0..self.doc.blocks.len())
                .rev()
                .find_map(|i| self.doc.paragraph(i).and_then(|p| p.pages.last()));
            let message = match last {
                Some(last) => format!("no page {page} in this brief (its last page is {last})"),
                None => "this brief has no page numbers".to_string(),
            };
            self.notes.say(message);
            return;
        };
        self.remember_place();
        // A heading just above the page's first paragraph is shown with it.
        let top = match block.checked_sub(1) {
            Some(before) if self.doc.paragraph(before).is_none() => before,
            _ => block,
        };
        self.set_top(Pos {
            block: top,
            line: 0,
        });
        self.notes.cursor = block;
        self.notes.say(format!("page {page} · Ctrl-O goes back"));
    }
}

/// A PDF page for the system's viewer to show (`O`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfPage {
    /// The PDF file.
    pub path: PathBuf,
    /// The page's place in the file, from 1, when known.
    pub index: Option<usize>,
    /// The page's label as printed ("vii", "7"), when known.
    pub label: Option<String>,
}

impl App {
    /// `O`: asks for the PDF the brief came from (or, for its text
    /// extraction, the PDF beside it) at the page on screen.
    pub(super) fn open_pdf_here(&mut self) {
        let Some(path) = self.pdf_path() else {
            self.notes
                .say("O opens a brief's PDF: this brief is not one, and no PDF of it is beside it");
            return;
        };
        let label = (self.top.block..self.doc.blocks.len())
            .take(8)
            .find_map(|i| self.doc.paragraph(i))
            .and_then(|p| p.pages.first().cloned());
        let labels = &self.doc.brief.meta.page_labels;
        let index = label
            .as_ref()
            .and_then(|l| match labels.iter().position(|x| x == l) {
                Some(i) => Some(i + 1),
                None if labels.is_empty() => l.parse().ok(),
                None => None,
            });
        self.open_pdf = Some(PdfPage { path, index, label });
    }

    /// The PDF to open: the brief's own file, or a PDF of the same name
    /// beside its text.
    fn pdf_path(&self) -> Option<PathBuf> {
        let source = Path::new(self.doc.brief.meta.source.as_deref()?);
        if self.doc.brief.meta.encoding == "PDF" {
            return Some(source.to_path_buf());
        }
        let beside = source.with_extension("pdf");
        beside.is_file().then_some(beside)
    }

    /// The page the event loop should hand to a PDF viewer.
    pub fn take_open_pdf(&mut self) -> Option<PdfPage> {
        self.open_pdf.take()
    }
}
