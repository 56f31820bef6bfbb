//! What one copy of a brief's record takes from another: a teammate's
//! store file is read as it is pushed, so its paths, hashes and unknown
//! fields are checked and bounded before they join this writer's own file,
//! which the next sync would otherwise send on to everyone.

use std::collections::HashSet;
use std::path::Path;

use serde_json::{Map, Value};

use super::index::{HISTORY, SAMPLE_SIZE};
use super::model::BriefInfo;

/// The longest path kept, in bytes (`PATH_MAX` on Linux).
const MAX_PATH_BYTES: usize = 4096;
/// The longest title kept, in characters.
const MAX_TITLE_CHARS: usize = 1000;
/// Unknown fields kept from another copy: a later gloss adds a few.
const MAX_EXTRA_KEYS: usize = 16;
/// The largest unknown field kept, its name and JSON value together.
const MAX_EXTRA_BYTES: usize = 4096;

/// The union of what two copies know of a brief; `ours` leads. Paths and
/// hashes are the latest [`HISTORY`] distinct ones that look like what
/// gloss records; anything else is dropped.
pub fn merge_brief(ours: &BriefInfo, theirs: &BriefInfo) -> BriefInfo {
    let title = ours
        .title
        .clone()
        .or_else(|| theirs.title.clone().filter(|t| valid_title(t)));
    let sample = if ours.sample.is_empty() {
        latest(&theirs.sample, &[], SAMPLE_SIZE, valid_fingerprint)
    } else {
        ours.sample.clone()
    };
    let mut extra = bounded_extra(&theirs.extra);
    for (k, v) in &ours.extra {
        extra.insert(k.clone(), v.clone());
    }
    BriefInfo {
        key: ours.key.clone(),
        title,
        paths: latest(&theirs.paths, &ours.paths, HISTORY, valid_path),
        hashes: latest(&theirs.hashes, &ours.hashes, HISTORY, valid_hash),
        sample,
        extra,
    }
}

/// The last `keep` distinct items of `ours` after the valid ones of
/// `theirs`: each item where it last occurs. One pass from the end with a
/// set, however long the lists. Only `theirs` is checked: a path of ours
/// with odd characters in it is still where the brief is.
fn latest(theirs: &[String], ours: &[String], keep: usize, valid: fn(&str) -> bool) -> Vec<String> {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut out: Vec<String> = Vec::new();
    let ours = ours.iter().rev().map(|item| (item, true));
    let theirs = theirs.iter().rev().map(|item| (item, false));
    for (item, own) in ours.chain(theirs) {
        if out.len() == keep {
            break;
        }
        if (own || valid(item)) && seen.insert(item.as_str()) {
            out.push(item.clone());
        }
    }
    out.reverse();
    out
}

/// A path as `canonicalize` gives it: absolute, of a sane length, with no
/// control characters.
fn valid_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= MAX_PATH_BYTES
        && !path.chars().any(char::is_control)
        && Path::new(path).is_absolute()
}

/// A content hash as gloss writes it: blake3 in 64 lowercase hex digits.
fn valid_hash(hash: &str) -> bool {
    hash.len() == 64 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// A paragraph fingerprint: `p` and a few hex digits.
fn valid_fingerprint(fingerprint: &str) -> bool {
    fingerprint.len() <= 64
        && fingerprint
            .strip_prefix('p')
            .is_some_and(|hex| !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn valid_title(title: &str) -> bool {
    title.chars().nth(MAX_TITLE_CHARS).is_none()
}

/// The first few small unknown fields of another copy.
fn bounded_extra(extra: &Map<String, Value>) -> Map<String, Value> {
    extra
        .iter()
        .filter(|(k, v)| small_field(k, v))
        .take(MAX_EXTRA_KEYS)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// Keeps the first few small unknown fields of a note or an anchor read
/// from another writer (or an import), as of a brief's record: a teammate
/// can put megabytes of them on each of a hundred thousand notes, and an
/// edit of one copies it into this writer's file, which a sync sends on.
pub fn bound_extra(extra: &mut Map<String, Value>) {
    let mut kept = 0;
    extra.retain(|k, v| {
        let keep = kept < MAX_EXTRA_KEYS && small_field(k, v);
        kept += usize::from(keep);
        keep
    });
}

/// Whether a field's name and JSON value together fit [`MAX_EXTRA_BYTES`];
/// a large value is written out only up to that size.
fn small_field(key: &str, value: &Value) -> bool {
    let Some(left) = MAX_EXTRA_BYTES.checked_sub(key.len()) else {
        return false;
    };
    serde_json::to_writer(Budget(left), value).is_ok()
}

/// A writer that takes `.0` more bytes, then fails.
struct Budget(usize);

impl std::io::Write for Budget {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 = self
            .0
            .checked_sub(buf.len())
            .ok_or_else(|| std::io::Error::other("over the budget"))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(paths: &[&str], hashes: &[&str]) -> BriefInfo {
        BriefInfo {
            key: "k".into(),
            paths: paths.iter().map(|p| p.to_string()).collect(),
            hashes: hashes.iter().map(|h| h.to_string()).collect(),
            ..BriefInfo::default()
        }
    }

    #[test]
    fn ours_lead_and_each_item_stands_where_it_last_occurs() {
        let h = |c: char| c.to_string().repeat(64);
        let (a, b, c) = (h('a'), h('b'), h('c'));
        let ours = info(&["/x", "/y"], &[&a]);
        let theirs = info(&["/y", "/z", "/z"], &[&b, &a, &c]);
        let merged = merge_brief(&ours, &theirs);
        assert_eq!(merged.paths, ["/z", "/x", "/y"]);
        assert_eq!(merged.hashes, [b, c, a]);
    }

    #[test]
    fn what_gloss_never_records_is_dropped() {
        let theirs = info(
            &["relative/path", "/ok", "/bad\u{1b}[31m", ""],
            &["not-a-hash", &"A".repeat(64), &"0".repeat(64)],
        );
        let mut theirs = theirs;
        theirs.title = Some("題".repeat(MAX_TITLE_CHARS + 1));
        theirs.sample = vec!["p0a1b".into(), "rm -rf".into()];
        theirs
            .extra
            .insert("huge".into(), Value::from("x".repeat(MAX_EXTRA_BYTES)));
        theirs.extra.insert("colour".into(), Value::from("amber"));
        let merged = merge_brief(&info(&[], &[]), &theirs);
        assert_eq!(merged.paths, ["/ok"]);
        assert_eq!(merged.hashes, ["0".repeat(64)]);
        assert_eq!(merged.title, None);
        assert_eq!(merged.sample, ["p0a1b"]);
        assert_eq!(merged.extra.keys().collect::<Vec<_>>(), ["colour"]);
    }
}
