//! `gloss define`: a word's readings and English senses from the built-in
//! CC-CEDICT, as text or JSON.

use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use crate::dict::{self, Definition, Entry};

/// Arguments of `gloss define`.
#[derive(Debug, Args)]
pub struct DefineArgs {
    /// Print the lookup as JSON.
    #[arg(long)]
    pub json: bool,
    /// The word, in Traditional or Simplified characters; the longest
    /// dictionary word at its start is looked up.
    #[arg(value_name = "WORD")]
    pub word: String,
}

/// Runs `gloss define`.
pub fn run(args: &DefineArgs) -> anyhow::Result<ExitCode> {
    let Some(def) = dict::define(&args.word) else {
        anyhow::bail!("nothing to look up: give a word, such as 建設 or 建设");
    };
    if dict::get().is_empty() {
        anyhow::bail!("the built-in dictionary could not be read");
    }
    if args.json {
        crate::output::write_json(&DefinitionJson::from(&def))
    } else {
        let mut text = dict::definition_lines(&def).join("\n");
        text.push('\n');
        crate::output::print_text(&text)
    }
}

#[derive(Serialize)]
struct DefinitionJson<'a> {
    word: &'a str,
    found: bool,
    entries: Vec<EntryJson>,
    /// Filled only when the word has no entry.
    characters: Vec<CharacterJson>,
}

#[derive(Serialize)]
struct EntryJson {
    traditional: &'static str,
    simplified: &'static str,
    pinyin: String,
    pinyin_numbered: &'static str,
    zhuyin: String,
    senses: Vec<&'static str>,
}

#[derive(Serialize)]
struct CharacterJson {
    character: String,
    entries: Vec<EntryJson>,
}

impl From<&Entry> for EntryJson {
    fn from(e: &Entry) -> Self {
        EntryJson {
            traditional: e.traditional,
            simplified: e.simplified,
            pinyin: e.pinyin(),
            pinyin_numbered: e.pinyin_numbered,
            zhuyin: e.zhuyin(),
            senses: e.senses().collect(),
        }
    }
}

impl<'a> From<&'a Definition<'a>> for DefinitionJson<'a> {
    fn from(d: &'a Definition<'a>) -> Self {
        DefinitionJson {
            word: d.word,
            found: !d.entries.is_empty(),
            entries: d.entries.iter().map(EntryJson::from).collect(),
            characters: d
                .characters
                .iter()
                .map(|(c, es)| CharacterJson {
                    character: c.to_string(),
                    entries: es.iter().map(EntryJson::from).collect(),
                })
                .collect(),
        }
    }
}
