//! Passages in the body: the selection being made (`v`) and the passages
//! that carry notes, marked on the paragraph's text in whatever script it
//! is shown.

use std::collections::HashSet;
use std::ops::Range;

use super::body::Paint;
use crate::app::App;
use crate::notes::AnchorStatus;

/// Marks the selection and the noted passages of `block` on `paint`.
pub(super) fn mark_block(app: &App, block: usize, paint: &mut Paint) {
    let own = app.doc.text(block);
    let mut noted: Vec<Range<usize>> = Vec::new();
    // Many notes on one passage (a teammate's store can hold a hundred
    // thousand) mark it once, and it is checked once.
    let mut seen: HashSet<(Option<Range<usize>>, &str)> = HashSet::new();
    for view in app.notes.each_on(app.paragraph_id(block)) {
        let Some(passage) = &view.note.anchor.passage else {
            continue;
        };
        if view.resolution.status == AnchorStatus::Orphan {
            continue;
        }
        if !seen.insert((view.resolution.passage.clone(), passage.exact.as_str())) {
            continue;
        }
        // The resolution's range is in the paragraph's text as anchoring
        // sees it; a table row is shown with separators, so check it.
        let chars = view
            .resolution
            .passage
            .clone()
            .filter(|r| slice(&own, r) == passage.exact)
            .or_else(|| passage.locate(&own));
        noted.extend(chars);
    }
    let noted = to_bytes(app, block, paint.text(), &noted);
    paint.highlight(noted, app.theme.passage);
    if let Some(sel) = app.selection.filter(|s| s.block == block) {
        let selected = to_bytes(app, block, paint.text(), &[sel.chars()]);
        paint.highlight(selected, app.theme.selection);
    }
}

/// The chars `r` of `text`.
fn slice(text: &str, r: &Range<usize>) -> String {
    text.chars().skip(r.start).take(r.len()).collect()
}

/// Char ranges of block `block`'s own text as byte ranges of `shown` (the
/// text as the view shows it). Glyph conversion keeps the char count, so
/// chars map one to one; when a phrase changed the length, each passage is
/// looked for as the view converts it.
fn to_bytes(app: &App, block: usize, shown: &str, chars: &[Range<usize>]) -> Vec<Range<usize>> {
    if chars.is_empty() {
        return Vec::new();
    }
    let starts: Vec<usize> = shown
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(shown.len()))
        .collect();
    if starts.len() - 1 == app.doc.char_count(block) {
        let at = |c: usize| starts.get(c).copied().unwrap_or(shown.len());
        return chars.iter().map(|r| at(r.start)..at(r.end)).collect();
    }
    let own = app.doc.text(block);
    chars
        .iter()
        .filter_map(|r| {
            let converted = app.display_text(&slice(&own, r)).into_owned();
            let at = shown.find(&converted)?;
            Some(at..at + converted.len())
        })
        .collect()
}
