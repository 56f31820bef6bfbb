//! A brief of several pages as a PDF, for the reader's page and footnote
//! keys: a section a page, printed page numbers, and on page 2 a footnote
//! that the text marks ("…state banks.1").

use super::pdf_doc::{pdf, text};

/// The section titles, one a page.
pub const SECTIONS: [&str; 6] = [
    "Why ports matter",
    "Who pays for the cranes",
    "What the leases say",
    "Who works the docks",
    "What the navies do",
    "What follows for policy",
];

/// The footnote on page 2.
pub const NOTE: &str = "1 Annual report of the port authority, 2019, table 4.";

/// The PDF's bytes.
pub fn brief() -> Vec<u8> {
    let body = |y: u32, s: &str| text("F1", 10, 72, y, s);
    let mut pages = Vec::new();
    for (i, title) in SECTIONS.iter().enumerate() {
        let n = i + 1;
        let mut page = String::new();
        if n == 1 {
            page += &text("F2", 20, 72, 740, "Ports and Power in the Indian Ocean");
        }
        page += &text("F2", 13, 72, 700, title);
        page += &body(
            680,
            &format!("Page {n} opens with a paragraph about harbours and their trade,"),
        );
        page += &body(668, "written long enough to wrap as a paragraph does.");
        if n == 2 {
            page += &body(
                644,
                "Most of the cranes were financed by state banks.1 The loans run",
            );
            page += &body(632, "for twenty years at rates below the market's.");
            page += &text("F1", 7, 72, 80, NOTE);
        }
        // Enough paragraphs that a page fills a screen.
        for k in 0..9 {
            let y = 608 - 36 * k;
            page += &body(
                y,
                &format!("Paragraph {k} of page {n} follows the ones above it,"),
            );
            page += &body(y - 12, "and it too says something about the harbour.");
        }
        page += &text("F1", 9, 300, 40, &n.to_string());
        pages.push(page);
    }
    pdf(&pages)
}
