//! The UI-free document model: a brief is meta data, front matter, sections
//! of paragraphs, and back matter. Loaders build it; everything else reads it.

mod authorship;
pub mod cells;
pub mod date;
pub mod decode;
mod ids;
pub mod load;
pub mod markdown;
mod note_refs;
pub mod pdf;
pub mod source_lines;
pub mod staged;
pub mod text;

use std::sync::Arc;

use serde::Serialize;

pub use cells::Cells;
pub use ids::{assign_ids, normalized_text};
pub use load::{LoadError, load_bytes, load_path};
pub use note_refs::footnote_label;

/// A loaded brief.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Brief {
    /// Title, authors and other facts about the brief.
    pub meta: Meta,
    /// Paragraphs that precede the body: captions, source lines, masthead extras.
    pub front_matter: Vec<Paragraph>,
    /// The body, in reading order.
    pub sections: Vec<Section>,
    /// Paragraphs that follow the body: editor's note, publisher footer.
    pub back_matter: Vec<Paragraph>,
}

/// Facts about a brief, from front matter or recognised in its first blocks.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Meta {
    /// The brief's title.
    pub title: Option<String>,
    /// A subtitle, when the brief has one.
    pub subtitle: Option<String>,
    /// Authors in the order given.
    pub authors: Vec<String>,
    /// The authors' affiliation or position.
    pub affiliation: Option<String>,
    /// The publication date as written in the brief.
    pub date: Option<String>,
    /// The series or masthead the brief appears in.
    pub series: Option<String>,
    /// The publishing organisation.
    pub publisher: Option<String>,
    /// The path the brief was read from, when it came from a file.
    pub source: Option<String>,
    /// The text encoding the bytes were decoded from (e.g. "UTF-8", "Big5"),
    /// or "PDF" for text extracted from a PDF.
    pub encoding: String,
    /// What the user should know about how the brief was read (one line
    /// each), e.g. pages of a damaged PDF that could not be read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// For a PDF, the label printed on each page, in page order (a viewer
    /// opens a page by its place, the reader knows its label).
    #[serde(skip)]
    pub page_labels: Vec<String>,
}

/// The one name of the untitled section before the first heading, in the
/// reader, `gloss outline` and note exports alike.
pub const OPENING_TITLE: &str = "(opening)";

/// A heading and the paragraphs under it, up to the next heading.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Section {
    /// Stable id derived from the title (and an ordinal for repeated titles).
    pub id: String,
    /// Heading level, 1 for the top; 0 for the untitled opening section.
    pub level: u8,
    /// The heading text; `None` for text before the first heading.
    pub title: Option<String>,
    /// The paragraphs of this section, not those of its subsections.
    pub paragraphs: Vec<Paragraph>,
}

/// One block of text: a paragraph, list item, quote, table row and so on.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Paragraph {
    /// Stable id derived from the normalized text; see [`assign_ids`].
    pub id: String,
    /// What kind of block this is.
    pub kind: ParagraphKind,
    /// Nesting depth for list items and quotes (0 = not nested).
    #[serde(skip_serializing_if = "is_zero")]
    pub depth: u16,
    /// The list marker ("1.", "•") for list items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Plain text of each cell, for table rows.
    #[serde(skip_serializing_if = "Cells::is_empty")]
    pub cells: Cells,
    /// True for a table's header row.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub header: bool,
    /// How each column of a table row is aligned, as the table declares it
    /// (`:--`, `:-:`, `--:`); empty when it declares none. Shared by the
    /// table's rows (a list for each of 100k rows cost 3 MB).
    #[serde(skip_serializing_if = "<[Align]>::is_empty", serialize_with = "aligns")]
    pub align: Arc<[Align]>,
    /// The text with its inline styles; none for a table row whose text is
    /// just its cells joined by [`cells::ROW_JOIN`] (see [`Paragraph::text`]).
    pub spans: Vec<Span>,
    /// The pages the paragraph came from, as printed on them when readable
    /// ("vii", "7"), else counted from 1; empty when the source has no pages.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<String>,
}

/// The kind of a paragraph.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// Ordinary running text.
    #[default]
    Text,
    /// One item of a bulleted or numbered list.
    ListItem,
    /// Block-quoted text.
    Quote,
    /// One row of a table.
    TableRow,
    /// An image caption or a source line.
    Caption,
    /// A footnote's text.
    Footnote,
    /// Preformatted code or verbatim text.
    Code,
}

/// How a table column is aligned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// As the reader sees fit: to the left.
    #[default]
    Default,
    /// To the left.
    Left,
    /// Centred.
    Center,
    /// To the right.
    Right,
}

/// A run of text with one style.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The text of the run.
    pub text: String,
    /// Inline styles of the run.
    #[serde(flatten)]
    pub style: Style,
}

/// Inline styles a span can carry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Style {
    /// Emphasis (italic).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub emphasis: bool,
    /// Strong emphasis (bold).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub strong: bool,
    /// Struck through (`~~deleted~~`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub strikethrough: bool,
    /// Inline code.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub code: bool,
    /// Link target, kept verbatim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// A footnote's reference mark in the text ("ledgers3"): the note is in
    /// the back matter under the same label.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub note: bool,
}

fn is_zero(n: &u16) -> bool {
    *n == 0
}

fn aligns<S: serde::Serializer>(align: &Arc<[Align]>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(align.iter())
}

impl Span {
    /// A span of unstyled text.
    pub fn plain(text: impl Into<String>) -> Self {
        Span {
            text: text.into(),
            style: Style::default(),
        }
    }
}

impl Paragraph {
    /// A paragraph of one unstyled span; the id is assigned later.
    pub fn plain(kind: ParagraphKind, text: impl Into<String>) -> Self {
        Paragraph {
            kind,
            spans: vec![Span::plain(text)],
            ..Paragraph::default()
        }
    }

    /// The paragraph's plain text: its spans concatenated.
    pub fn text(&self) -> String {
        if self.spans.is_empty() {
            return self.cells.join(cells::ROW_JOIN);
        }
        // Sized first: copies of every paragraph's text are kept (notes'
        // anchoring), and a growing string keeps up to twice its length.
        let mut text = String::with_capacity(self.spans.iter().map(|s| s.text.len()).sum());
        for span in &self.spans {
            text.push_str(&span.text);
        }
        text
    }
}

impl Brief {
    /// Every paragraph in reading order: front matter, sections, back matter.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.front_matter
            .iter()
            .chain(self.sections.iter().flat_map(|s| s.paragraphs.iter()))
            .chain(self.back_matter.iter())
    }
}
