//! `gloss notes`: add, list, tag counts, import, and where the store is.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};

use crate::brief;
use crate::convert::fold_str;
use crate::notes::annotated::to_annotated;
use crate::notes::cite::{to_bibtex, to_csl_json, to_ris};
use crate::notes::export::{ExportBrief, JsonExport, W3cExport, to_csv, to_markdown};
use crate::notes::import::import_file;
use crate::notes::listing::{Filter, gather_all, gather_one, tag_counts};
use crate::notes::{BriefNotes, DataDir};
use crate::output;

/// Arguments of `gloss notes`.
#[derive(Debug, Args)]
pub struct NotesArgs {
    /// What to do with the notes.
    #[command(subcommand)]
    pub action: NotesAction,
}

/// The `gloss notes` subcommands.
#[derive(Debug, Subcommand)]
pub enum NotesAction {
    /// Add a note to a paragraph, or to a passage (--quote), and print the
    /// new note's id.
    Add {
        /// The brief.
        file: PathBuf,
        /// The paragraph's id, as in `gloss outline --json`; with --quote,
        /// the paragraph to look for the quote in.
        #[arg(long = "para", value_name = "ID", required_unless_present = "quote")]
        paragraph: Option<String>,
        /// A passage to note, in any script (found as search finds text).
        #[arg(long, value_name = "TEXT")]
        quote: Option<String>,
        /// The note's text.
        #[arg(long)]
        text: String,
        /// A tag; repeat for several.
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
    },
    /// List notes of one brief, or of every brief when no file is given.
    List {
        /// The brief; every brief in the store when left out.
        file: Option<PathBuf>,
        /// Only notes with this tag; repeat to require several.
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Only notes whose text contains this (ignoring case and width).
        #[arg(long)]
        text: Option<String>,
        /// Only notes by an author whose name contains this.
        #[arg(long, value_name = "NAME")]
        author: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Md)]
        format: ListFormat,
    },
    /// List tags with how many notes carry each, across all briefs.
    Tags,
    /// Merge notes from a JSON export (or a store file or its backup).
    Import {
        /// The JSON file.
        file: PathBuf,
    },
    /// Print the path of the store file that holds a brief's notes.
    Where {
        /// The brief.
        file: PathBuf,
    },
    /// Share notes through git: commit yours, fetch, merge, push, and say
    /// what came in. The data folder must be a git repository with a remote.
    Sync {
        /// Set the data folder up first: clone URL into an empty data
        /// folder, or add URL as its remote.
        #[arg(long, value_name = "URL")]
        init: Option<String>,
    },
}

/// Formats of `gloss notes list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Markdown grouped by section, the paragraph as a block quote.
    Md,
    /// Full JSON records with anchor status; importable.
    Json,
    /// CSV (UTF-8 with BOM) for spreadsheets.
    Csv,
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// BibTeX: an @report for each brief noted, with the pages noted.
    Bibtex,
    /// RIS (Zotero, EndNote): a report record for each brief noted.
    Ris,
    /// CSL-JSON (pandoc, Zotero): a report item for each brief noted.
    CslJson,
    /// The whole brief as Markdown, each note under its paragraph and the
    /// passages notes quote highlighted.
    Annotated,
}

/// Runs `gloss notes`.
pub fn run(args: &NotesArgs) -> anyhow::Result<ExitCode> {
    let data = DataDir::from_env()?;
    match &args.action {
        NotesAction::Add {
            file,
            paragraph,
            quote,
            text,
            tags,
        } => {
            if text.trim().is_empty() && tags.iter().all(|t| t.trim().is_empty()) {
                anyhow::bail!("a note needs some --text or at least one --tag");
            }
            let brief = std::sync::Arc::new(brief::load_path(file)?);
            let mut notes = BriefNotes::open_shared(&data, file, std::sync::Arc::clone(&brief))?;
            warn_all(notes.store().messages());
            if let Some(paragraph) = paragraph
                && notes.map().position_of(paragraph).is_none()
            {
                anyhow::bail!(
                    "no paragraph with id {paragraph} in {} (see `gloss outline --json`)",
                    file.display()
                );
            }
            let id = match (quote, paragraph) {
                (Some(quote), within) => {
                    let (para, passage) =
                        super::quote::find_passage(&notes, &brief, file, quote, within.as_deref())?;
                    notes.add_passage(&para, passage, text, tags.clone())?
                }
                (None, Some(paragraph)) => notes.add(paragraph, text, tags.clone())?,
                // clap requires --para when --quote is absent.
                (None, None) => anyhow::bail!("give --para ID or --quote TEXT"),
            };
            // Nothing keeps the note after this process ends: say so plainly.
            let said = notes.store().messages().len();
            notes.save().map_err(|e| {
                anyhow::anyhow!("the note was not saved: {e}; run the command again")
            })?;
            warn_all(notes.store().messages().get(said..).unwrap_or_default());
            print(&format!("{id}\n"))
        }
        NotesAction::List {
            file,
            tags,
            text,
            author,
            format,
        } => {
            let filter = Filter::new(tags, text.as_deref())
                .with_author(author.as_deref())
                .keeping_briefs(*format == ListFormat::Annotated);
            let gather = |filter: &Filter| match file {
                Some(f) => gather_one(&data, f, filter),
                None => Ok(gather_all(&data, filter)?),
            };
            let gathered = gather(&filter)?;
            warn_all(&gathered.messages);
            let none = gathered.briefs.iter().all(|b| b.items.is_empty());
            if none && !tags.is_empty() {
                // An empty listing would look like a brief without notes:
                // a tag no note has is more likely a typo, so say which.
                let every = gather(&Filter::new(&[], None))?;
                if let Some(missing) = tag_no_note_has(tags, &every.briefs) {
                    let place = file
                        .as_ref()
                        .map_or_else(String::new, |f| format!(" of {}", f.display()));
                    anyhow::bail!(
                        "no note{place} has the tag #{missing} (`gloss notes tags` lists the tags in use)"
                    );
                }
            }
            // Text formats have their controls escaped visibly, JSON ones
            // as \u escapes: no format carries a raw control to a terminal.
            match format {
                ListFormat::Md => output::print_text(&to_markdown(&gathered.briefs)),
                // Written as serialised: a big store is never held as JSON.
                ListFormat::Json => output::write_json(&JsonExport(&gathered.briefs)),
                ListFormat::Csv => {
                    let csv = to_csv(&gathered.briefs).context("cannot write CSV")?;
                    output::print_text(&String::from_utf8_lossy(&csv))
                }
                ListFormat::W3c => output::write_json(&W3cExport(&gathered.briefs)),
                ListFormat::Bibtex => output::print_text(&to_bibtex(&gathered.briefs)),
                ListFormat::Ris => output::print_text(&to_ris(&gathered.briefs)),
                ListFormat::CslJson => output::write_json(&to_csl_json(&gathered.briefs)),
                ListFormat::Annotated => output::print_text(&to_annotated(&gathered.briefs)),
            }
        }
        NotesAction::Tags => {
            let (tags, messages) = tag_counts(&data)?;
            warn_all(&messages);
            let out: String = tags
                .iter()
                // One line a tag, whatever a teammate's tag holds.
                .map(|(tag, n)| format!("{n:>6}  {}\n", output::visible_line(tag)))
                .collect();
            print(&out)
        }
        NotesAction::Import { file } => {
            let r = import_file(&data, file)?;
            print(&format!(
                "imported {} new, {} updated, {} already present, in {} brief(s)\n",
                r.added, r.updated, r.unchanged, r.briefs
            ))
        }
        NotesAction::Sync { init } => {
            let mut cloned = false;
            if let Some(url) = init {
                let setup = crate::notes::sync::init(data.root(), url)?;
                output::stderr_text(&format!("gloss: {}", setup.said));
                cloned = setup.cloned;
            }
            let report = crate::notes::sync::sync(&data, cloned)?;
            print(&format!("{}\n", report.summary()))
        }
        NotesAction::Where { file } => {
            let brief = brief::load_path(file)?;
            let info = data.locate(file, Some(&brief))?;
            print(&format!("{}\n", data.store_path(&info.key).display()))
        }
    }
}

/// The first of `tags` (as typed) that no note of `briefs` has, compared
/// as the filter compares them (case, width and script folded).
fn tag_no_note_has<'a>(tags: &'a [String], briefs: &[ExportBrief]) -> Option<&'a str> {
    let has = |want: &str| {
        let want = fold_str(want.trim_start_matches('#'));
        briefs
            .iter()
            .flat_map(|b| &b.items)
            .any(|item| item.note.tags.iter().any(|t| fold_str(t) == want))
    };
    tags.iter()
        .find(|t| !has(t))
        .map(|t| t.trim_start_matches('#'))
}

fn warn_all(messages: &[String]) {
    for m in messages {
        output::warn(m);
    }
}

fn print(s: &str) -> anyhow::Result<ExitCode> {
    output::print_text(s)
}
