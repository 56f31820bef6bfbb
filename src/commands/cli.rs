//! The command line, declared with clap; one subcommand a variant.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::{config, convert, define, notes, outline, search, shell, themes};

/// `gloss --version`: the version, and the built-in data's attribution.
const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "\nDictionary: CC-CEDICT (MDBG, 2023-11-07), CC BY-SA 4.0, ",
    "https://www.mdbg.net/chinese/dictionary?page=cc-cedict"
);

/// Read, annotate and convert policy briefs in the terminal.
#[derive(Debug, Parser)]
#[command(
    name = "gloss",
    version,
    long_version = LONG_VERSION,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A brief to read (Markdown, plain text or PDF), or a folder of
    /// briefs to list in the library (default: the current folder).
    #[arg(value_name = "FILE|DIR")]
    pub file: Option<PathBuf>,
    /// Open the brief at this paragraph or section id (as `gloss search`
    /// prints it, `#p…`), at this line of the file (`12` or `+12`), or at
    /// this printed page (`p7`).
    #[arg(long, value_name = "ID|LINE|pPAGE", requires = "file")]
    pub at: Option<String>,
    /// Open the brief (a PDF, or text with pages) at this printed page.
    #[arg(long, value_name = "PAGE", requires = "file", conflicts_with = "at")]
    pub page: Option<String>,
    /// The theme to read in (see `gloss themes`), over the settings.
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,
    /// What to do instead of opening the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a brief's meta data and section tree.
    Outline(outline::OutlineArgs),
    /// Convert text between Traditional and Simplified Chinese.
    Convert(convert::ConvertArgs),
    /// Look a Chinese word up: both scripts, pinyin, Zhuyin, English senses.
    Define(define::DefineArgs),
    /// Search briefs, ignoring the script (Traditional/Simplified).
    Search(search::SearchArgs),
    /// Add, list, import and export notes.
    Notes(notes::NotesArgs),
    /// List the themes, or check theme files.
    Themes(themes::ThemesArgs),
    /// Print the settings in force and where each comes from.
    Config(config::ConfigArgs),
    /// Print shell completions (bash, zsh, fish, …).
    Completions(shell::CompletionsArgs),
    /// Print the man page (roff).
    Man(shell::ManArgs),
}
