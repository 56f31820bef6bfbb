//! `gloss outline`: a brief's meta data and section tree, as text or JSON.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use crate::brief::{self, Brief, Cells, Meta, Paragraph, ParagraphKind, Section, Span};

/// Arguments of `gloss outline`.
#[derive(Debug, Args)]
pub struct OutlineArgs {
    /// Print the whole model as JSON instead of the indented tree.
    #[arg(long)]
    pub json: bool,
    /// The brief to outline.
    pub file: PathBuf,
}

/// Runs `gloss outline`.
pub fn run(args: &OutlineArgs) -> anyhow::Result<ExitCode> {
    print_outline(&args.file, args.json)
}

/// Loads `file` and prints its outline (or JSON) to stdout.
pub fn print_outline(file: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let brief = brief::load::load_path_warning(file, &mut |w| crate::output::warn(w))?;
    // How the brief was read (pages of a damaged PDF lost).
    for warning in &brief.meta.warnings {
        crate::output::warn(warning);
    }
    if json {
        // Written as it is serialised: a copy of a large brief as one JSON
        // string doubled the peak memory.
        crate::output::write_json(&OutlineJson::from(&brief))
    } else {
        crate::output::print_text(&outline_text(&brief))
    }
}

fn count(n: usize) -> String {
    if n == 1 {
        "1 paragraph".to_string()
    } else {
        format!("{n} paragraphs")
    }
}

/// The indented text outline: meta lines, then one line a section.
pub fn outline_text(brief: &Brief) -> String {
    let m = &brief.meta;
    let mut out = String::new();
    let mut field = |name: &str, value: Option<&str>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            out.push_str(&format!("{:<12} {v}\n", format!("{name}:")));
        }
    };
    field("title", m.title.as_deref());
    field("subtitle", m.subtitle.as_deref());
    field("authors", Some(&m.authors.join(", ")));
    field("affiliation", m.affiliation.as_deref());
    field("date", m.date.as_deref());
    field("series", m.series.as_deref());
    field("publisher", m.publisher.as_deref());
    field("encoding", Some(&m.encoding));
    out.push('\n');
    if !brief.front_matter.is_empty() {
        out.push_str(&format!(
            "[front matter] ({})\n",
            count(brief.front_matter.len())
        ));
    }
    for s in &brief.sections {
        let indent = "  ".repeat(usize::from(s.level.saturating_sub(1)));
        let title = s.title.as_deref().unwrap_or(crate::brief::OPENING_TITLE);
        out.push_str(&format!(
            "{indent}{title} ({})\n",
            count(s.paragraphs.len())
        ));
    }
    if !brief.back_matter.is_empty() {
        out.push_str(&format!(
            "[back matter] ({})\n",
            count(brief.back_matter.len())
        ));
    }
    out
}

/// The JSON shape of `gloss outline --json`.
#[derive(Serialize)]
pub struct OutlineJson<'a> {
    meta: &'a Meta,
    front_matter: Paragraphs<'a>,
    sections: Sections<'a>,
    back_matter: Paragraphs<'a>,
}

/// Paragraphs, each turned into its JSON shape only as it is written.
struct Paragraphs<'a>(&'a [Paragraph]);

impl Serialize for Paragraphs<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(ParagraphJson::from))
    }
}

/// Sections, each turned into its JSON shape only as it is written.
struct Sections<'a>(&'a [Section]);

impl Serialize for Sections<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|s| SectionJson {
            id: &s.id,
            level: s.level,
            title: s.title.as_deref(),
            paragraphs: Paragraphs(&s.paragraphs),
        }))
    }
}

#[derive(Serialize)]
struct SectionJson<'a> {
    id: &'a str,
    level: u8,
    title: Option<&'a str>,
    paragraphs: Paragraphs<'a>,
}

#[derive(Serialize)]
struct ParagraphJson<'a> {
    id: &'a str,
    kind: ParagraphKind,
    text: String,
    #[serde(skip_serializing_if = "is_zero")]
    depth: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    marker: Option<&'a str>,
    #[serde(skip_serializing_if = "Cells::is_empty")]
    cells: &'a Cells,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    header: bool,
    /// Only present when some span carries a style, to keep plain text lean.
    #[serde(skip_serializing_if = "Option::is_none")]
    spans: Option<&'a [Span]>,
    /// The pages the paragraph is on, for citing; absent without pages.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pages: &'a [String],
}

fn is_zero(n: &u16) -> bool {
    *n == 0
}

impl<'a> From<&'a Paragraph> for ParagraphJson<'a> {
    fn from(p: &'a Paragraph) -> Self {
        let styled = p.spans.iter().any(|s| s.style != Default::default());
        ParagraphJson {
            id: &p.id,
            kind: p.kind,
            text: p.text(),
            depth: p.depth,
            marker: p.marker.as_deref(),
            cells: &p.cells,
            header: p.header,
            spans: styled.then_some(p.spans.as_slice()),
            pages: &p.pages,
        }
    }
}

impl<'a> From<&'a Brief> for OutlineJson<'a> {
    fn from(b: &'a Brief) -> Self {
        OutlineJson {
            meta: &b.meta,
            front_matter: Paragraphs(&b.front_matter),
            sections: Sections(&b.sections),
            back_matter: Paragraphs(&b.back_matter),
        }
    }
}
