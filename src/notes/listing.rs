//! Gathering notes to list or export: one brief or every brief in the
//! store, re-anchored to the brief's current text when it can be found,
//! filtered by tag or text regardless of script and width.

use std::collections::BTreeMap;
use std::path::Path;

use super::anchor::{BriefMap, Resolution};
use super::error::StoreError;
use super::export::{ExportBrief, ExportItem};
use super::index::DataDir;
use super::model::{BriefInfo, Note};
use super::store::NoteStore;
use crate::brief::{self, Brief};
use crate::convert::fold_char;

/// Which notes to keep: all the given tags, and the text and author when given.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    tags: Vec<String>,
    text: Option<String>,
    author: Option<String>,
    keep_briefs: bool,
}

fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

impl Filter {
    /// A filter on tags (all must be present) and a text the note contains.
    pub fn new(tags: &[String], text: Option<&str>) -> Filter {
        Filter {
            tags: tags
                .iter()
                .map(|t| fold(t.trim_start_matches('#')))
                .collect(),
            text: text.map(fold).filter(|t| !t.is_empty()),
            author: None,
            keep_briefs: false,
        }
    }

    /// Keeps each brief's whole text with its notes (the annotated brief
    /// needs it; the other listings need only its meta data).
    pub fn keeping_briefs(mut self, keep: bool) -> Filter {
        self.keep_briefs = keep;
        self
    }

    /// Also requires an author whose name contains `author` (ignoring case
    /// and width); notes without an author never match.
    pub fn with_author(mut self, author: Option<&str>) -> Filter {
        self.author = author
            .map(|a| fold(a).to_lowercase())
            .filter(|a| !a.is_empty());
        self
    }

    /// True when `note` passes.
    pub fn matches(&self, note: &Note) -> bool {
        let tags_ok = self
            .tags
            .iter()
            .all(|want| note.tags.iter().any(|t| fold(t) == *want));
        let text_ok = self
            .text
            .as_ref()
            .is_none_or(|q| fold(&note.text).contains(q.as_str()));
        let author_ok = self.author.as_ref().is_none_or(|want| {
            note.author
                .as_deref()
                .is_some_and(|a| fold(a).to_lowercase().contains(want.as_str()))
        });
        tags_ok && text_ok && author_ok
    }
}

/// Notes gathered for export, and warnings to show the user.
#[derive(Debug, Default)]
pub struct Gathered {
    /// The briefs with their matching notes.
    pub briefs: Vec<ExportBrief>,
    /// Warnings (damaged stores moved aside, read-only stores).
    pub messages: Vec<String>,
}

/// The notes of the brief at `file`.
pub fn gather_one(data: &DataDir, file: &Path, filter: &Filter) -> anyhow::Result<Gathered> {
    let brief = brief::load_path(file)?;
    let info = data.locate(file, Some(&brief))?;
    let store = data.open_store(info)?;
    let mut out = Gathered::default();
    note_messages(&store, &mut out.messages);
    let mut exported = export_brief(&store, Some(&brief), filter);
    exported.meta = Some(brief.meta.clone());
    exported.brief = filter.keep_briefs.then(|| std::sync::Arc::new(brief));
    out.briefs.push(exported);
    Ok(out)
}

/// The notes of every brief in the store; each brief is looked for at the
/// last path it was seen at.
pub fn gather_all(data: &DataDir, filter: &Filter) -> Result<Gathered, StoreError> {
    let mut out = Gathered::default();
    for key in data.brief_keys()? {
        let info = BriefInfo {
            key,
            ..BriefInfo::default()
        };
        let store = data.open_store(info)?;
        note_messages(&store, &mut out.messages);
        if store.notes().next().is_none() {
            continue;
        }
        let brief = store
            .brief()
            .paths
            .iter()
            .rev()
            .find_map(|p| brief::load_path(Path::new(p)).ok());
        let mut exported = export_brief(&store, brief.as_ref(), filter);
        exported.meta = brief.as_ref().map(|b| b.meta.clone());
        exported.brief = brief
            .filter(|_| filter.keep_briefs)
            .map(std::sync::Arc::new);
        if !exported.items.is_empty() {
            out.briefs.push(exported);
        }
    }
    Ok(out)
}

/// Tags with how many live notes carry each.
pub type TagCounts = Vec<(String, usize)>;

/// Tags with their counts across every brief, most used first, and warnings.
pub fn tag_counts(data: &DataDir) -> Result<(TagCounts, Vec<String>), StoreError> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut messages = Vec::new();
    for key in data.brief_keys()? {
        let info = BriefInfo {
            key,
            ..BriefInfo::default()
        };
        let store = data.open_store(info)?;
        note_messages(&store, &mut messages);
        for note in store.notes() {
            for tag in &note.tags {
                *counts.entry(tag.clone()).or_insert(0) += 1;
            }
        }
    }
    let mut list: Vec<(String, usize)> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok((list, messages))
}

fn note_messages(store: &NoteStore, messages: &mut Vec<String>) {
    messages.extend(store.messages().iter().cloned());
    if let Some(why) = store.read_only() {
        messages.push(why.to_string());
    }
}

/// The store's live notes that pass `filter`, re-anchored to `brief` when given.
pub fn export_brief(store: &NoteStore, brief: Option<&Brief>, filter: &Filter) -> ExportBrief {
    let notes: Vec<&Note> = store.notes().filter(|n| filter.matches(n)).collect();
    let mut items: Vec<(usize, ExportItem)> = match brief {
        Some(brief) => {
            let map = BriefMap::new(brief);
            let resolutions = map.resolve_all(notes.iter().copied());
            notes
                .iter()
                .filter_map(|n| Some(item_on(&map, n, resolutions.get(&n.id)?)))
                .collect()
        }
        None => notes.iter().map(|n| (usize::MAX, unchecked(n))).collect(),
    };
    items.sort_by_key(|(pos, item)| (*pos, item.note.anchor.position, item.note.created));
    ExportBrief {
        info: store.brief().clone(),
        items: items.into_iter().map(|(_, item)| item).collect(),
        meta: None,
        brief: None,
    }
}

fn item_on(map: &BriefMap, note: &Note, r: &Resolution) -> (usize, ExportItem) {
    let here = r
        .position
        .and_then(|i| Some((i, map.paragraph(i)?, map.section(i)?)));
    let item = ExportItem {
        note: note.clone(),
        status: Some(r.status),
        paragraph: r.paragraph.clone(),
        score: Some(r.score),
        section: here.map_or_else(|| note.anchor.section.clone(), |(_, _, s)| s.to_vec()),
        quote: here.map_or_else(
            || note.anchor.quote.clone(),
            |(i, _, _)| map.text(i).into_owned(),
        ),
        pages: here.map_or_else(Vec::new, |(_, p, _)| p.pages.clone()),
    };
    (r.position.unwrap_or(usize::MAX), item)
}

fn unchecked(note: &Note) -> ExportItem {
    ExportItem {
        note: note.clone(),
        status: None,
        paragraph: None,
        score: None,
        section: note.anchor.section.clone(),
        quote: note.anchor.quote.clone(),
        pages: Vec::new(),
    }
}
