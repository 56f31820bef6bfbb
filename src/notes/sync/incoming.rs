//! Counting what a merge brought in: the note revisions in other writers'
//! files that this folder did not have, and who wrote them.

use std::collections::{BTreeSet, HashMap};

use super::git::Git;
use crate::notes::index::DataDir;
use crate::notes::merge::writer_of;
use crate::notes::model::Note;
use crate::notes::store::{ReadOutcome, parse_store};

/// Notes that came in from others.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Incoming {
    /// New or changed notes (deletions included).
    pub notes: usize,
    /// The writers whose files they came in (an edit is its editor's).
    pub people: BTreeSet<String>,
}

impl Incoming {
    /// Adds what a later merge brought.
    pub fn add(&mut self, more: Incoming) {
        self.notes += more.notes;
        self.people.extend(more.people);
    }

    /// "12 notes from 2 people", or "no new notes from others".
    pub fn summary(&self) -> String {
        match (self.notes, self.people.len()) {
            (0, _) => "no new notes from others".to_string(),
            (n, p) => format!(
                "{n} {} from {p} {}",
                if n == 1 { "note" } else { "notes" },
                if p == 1 { "person" } else { "people" }
            ),
        }
    }
}

/// What changed in other writers' files between `before` (none: an empty
/// history) and HEAD.
pub(super) fn count(git: &Git, data: &DataDir, before: Option<&str>) -> Incoming {
    let own = format!("{}.json", data.writer().id);
    let changed = match before {
        Some(rev) => git.run(&["diff", "--name-only", "-z", rev, "HEAD", "--", "notes"]),
        None => git.run(&["ls-tree", "-r", "-z", "--name-only", "HEAD", "--", "notes"]),
    }
    .unwrap_or_default();
    let mut incoming = Incoming::default();
    for path in changed.split('\0').filter(|p| p.ends_with(".json")) {
        let name = path.rsplit('/').next().unwrap_or(path);
        if name == own {
            continue;
        }
        let notes = |rev: &str| match git.show(rev, path).map(|b| parse_store(&b)) {
            Some(ReadOutcome::Good(f) | ReadOutcome::Newer(_, Some(f))) => f.notes,
            _ => Vec::new(),
        };
        let old: HashMap<String, Note> = before
            .map(&notes)
            .unwrap_or_default()
            .into_iter()
            .map(|n| (n.id.clone(), n))
            .collect();
        for note in notes("HEAD") {
            if old
                .get(&note.id)
                .is_some_and(|o| o.modified == note.modified)
            {
                continue;
            }
            incoming.notes += 1;
            incoming
                .people
                .insert(writer_of(name).unwrap_or_else(|| name.to_string()));
        }
    }
    incoming
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_notes_and_people() {
        let mut i = Incoming::default();
        assert_eq!(i.summary(), "no new notes from others");
        i.notes = 12;
        i.people = ["Ann".to_string(), "Bob".to_string()].into();
        assert_eq!(i.summary(), "12 notes from 2 people");
        i.notes = 1;
        i.people = ["Ann".to_string()].into();
        assert_eq!(i.summary(), "1 note from 1 person");
    }
}
