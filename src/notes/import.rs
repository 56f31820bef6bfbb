//! `gloss notes import`: merge a JSON or W3C export, a store file or a
//! store's backup into the store, by note id, so importing twice adds nothing.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use super::error::{StoreError, io_error};
use super::export::EXPORT_ONLY_KEYS;
use super::index::DataDir;
use super::model::{BriefInfo, Note, SCHEMA_VERSION};
use super::store::{ReadOutcome, parse_store};

/// What an import did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ImportReport {
    /// Notes the store did not have.
    pub added: usize,
    /// Notes that replaced an older version.
    pub updated: usize,
    /// Notes the store already had as they are (or newer).
    pub unchanged: usize,
    /// Briefs touched.
    pub briefs: usize,
}

/// Merges the notes in `file` into the store under `data`.
pub fn import_file(data: &DataDir, file: &Path) -> Result<ImportReport, StoreError> {
    let bad = |reason: String| StoreError::BadImport {
        path: file.display().to_string(),
        reason,
    };
    let bytes = crate::files::read_regular(file, crate::files::DATA_CAP)
        .map_err(|e| io_error("read", file, &e))?;
    // A CSV or Markdown listing cannot be read back: say what can be.
    let value: Value = serde_json::from_slice(&bytes).map_err(|_| {
        bad(
            "it is not JSON; gloss imports what `gloss notes list --format json` or \
             `--format w3c` writes, or a notes store file"
                .into(),
        )
    })?;
    if super::import_w3c::is_w3c(&value) {
        let (by_brief, infos) = super::import_w3c::w3c_notes(data, &value).map_err(bad)?;
        return merge_groups(data, by_brief, infos);
    }
    let schema = value.get("schema").and_then(Value::as_u64).unwrap_or(0);
    if schema > u64::from(SCHEMA_VERSION) {
        return Err(bad(format!(
            "it was written by a newer gloss (schema {schema}, this one knows {SCHEMA_VERSION})"
        )));
    }
    if value.get("brief").is_some() {
        // A store file or its backup, in the store's own layout.
        return match parse_store(&bytes) {
            ReadOutcome::Good(f) if valid_key(&f.brief.key) => {
                let by_brief = BTreeMap::from([(f.brief.key.clone(), f.notes)]);
                merge_groups(data, by_brief, vec![f.brief])
            }
            ReadOutcome::Good(_) => Err(bad("its brief has no usable key".into())),
            ReadOutcome::Damaged(reason) => Err(bad(reason)),
            ReadOutcome::Newer(schema, _) => Err(bad(format!(
                "it was written by a newer gloss (schema {schema}, this one knows {SCHEMA_VERSION})"
            ))),
            ReadOutcome::Missing => Err(bad("it is empty".into())),
        };
    }
    let records = value
        .get("notes")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("it has no \"notes\" list".to_string()))?;
    let infos: Vec<BriefInfo> = match value.get("briefs") {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(|b| serde_json::from_value(b.clone()).ok())
            .collect(),
        _ => Vec::new(),
    };
    let mut by_brief: BTreeMap<String, Vec<Note>> = BTreeMap::new();
    for (i, record) in records.iter().enumerate() {
        let mut record = record.clone();
        if let Value::Object(map) = &mut record {
            for key in EXPORT_ONLY_KEYS {
                map.remove(key);
            }
        }
        let note: Note = serde_json::from_value(record)
            .map_err(|e| bad(format!("note {} is not a note record: {e}", i + 1)))?;
        if !valid_key(&note.brief) {
            return Err(bad(format!("note {} has no usable brief key", i + 1)));
        }
        by_brief.entry(note.brief.clone()).or_default().push(note);
    }
    merge_groups(data, by_brief, infos)
}

/// A key becomes a file name in the store folder, so an imported one must
/// look like the keys gloss makes: ASCII letters, digits, `-`, `_` and `.`,
/// not hidden, not too long. Anything else (a separator, ESC, a bidi
/// override) would name a file nobody can see or type safely.
fn valid_key(key: &str) -> bool {
    (1..=120).contains(&key.len())
        && !key.starts_with('.')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Merges each brief's notes into its store, creating stores as needed.
fn merge_groups(
    data: &DataDir,
    by_brief: BTreeMap<String, Vec<Note>>,
    infos: Vec<BriefInfo>,
) -> Result<ImportReport, StoreError> {
    let mut report = ImportReport::default();
    for (key, notes) in by_brief {
        let info = infos
            .iter()
            .find(|i| i.key == key)
            .cloned()
            .unwrap_or_else(|| BriefInfo {
                key: key.clone(),
                ..BriefInfo::default()
            });
        let total = notes.len();
        let mut store = data.open_store(info)?;
        let (added, updated) = store.merge_in(notes)?;
        if store.has_unsaved() {
            store.save()?;
        }
        data.register(store.brief())?;
        report.added += added;
        report.updated += updated;
        report.unchanged += total - added - updated;
        report.briefs += 1;
    }
    Ok(report)
}
