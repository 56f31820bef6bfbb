//! Notes shared by a team through a plain synced folder: each writer writes
//! only its own file, every reader merges them all. Two and three data
//! folders (briefs at different paths) work offline, their `notes/` folders
//! are copied across in every order as a sync tool would, conflict copies
//! included, and every folder ends with the same notes, none lost. An old
//! single-file store migrates without loss.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gloss::brief::{Brief, load_path};
use gloss::notes::{BriefNotes, DataDir, Note};

const BRIEF: &str = "川習北京峰會後的美中外交動向\n\n\
美中關係自去年以來持續變化，各方高度關注。\n\n\
習近平曾向美方提及太平洋夠大，容得下中美兩國。\n\n\
美國向來是海洋強權，習近平的談話間接回應有關 G2 的聯想。\n\n\
各界認為川習年內有四次會面機會，雙方派駐大使將擔當溝通重責。\n";

/// One analyst: a data folder and the brief at a path of their own.
struct Desk {
    data: tempfile::TempDir,
    _docs: tempfile::TempDir,
    file: PathBuf,
    brief: Brief,
    author: String,
}

impl Desk {
    fn new(author: &str, name: &str) -> Desk {
        let data = tempfile::tempdir().unwrap();
        let docs = tempfile::tempdir().unwrap();
        let file = docs.path().join(name);
        std::fs::write(&file, BRIEF).unwrap();
        let brief = load_path(&file).unwrap();
        Desk {
            data,
            _docs: docs,
            file,
            brief,
            author: author.to_string(),
        }
    }

    fn dir(&self) -> DataDir {
        DataDir::at(self.data.path().to_path_buf()).with_author(&self.author)
    }

    fn open(&self) -> BriefNotes {
        BriefNotes::open(&self.dir(), &self.file, &self.brief).unwrap()
    }

    fn para(&self, i: usize) -> String {
        let ids: Vec<String> = self.brief.paragraphs().map(|p| p.id.clone()).collect();
        ids[i % ids.len()].clone()
    }

    /// Every note with tombstones, as the merged store has it.
    fn state(&self) -> BTreeMap<String, Note> {
        let notes = self.open();
        notes
            .store()
            .all_notes()
            .iter()
            .map(|n| (n.id.clone(), n.clone()))
            .collect()
    }

    fn live_texts(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .open()
            .store()
            .notes()
            .map(|n| n.text.clone())
            .collect();
        v.sort();
        v
    }
}

/// Copies every file of `from/notes` that `to/notes` lacks or has older,
/// as a sync tool does (each writer's file only changes on its machine).
fn copy_notes(from: &Path, to: &Path) {
    for entry in walk(&from.join("notes")) {
        let rel = entry.strip_prefix(from).unwrap();
        let target = to.join(rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        let name = target.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name.starts_with('.') {
            continue;
        }
        let mtime = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        if mtime(&target).is_none() || mtime(&target) < mtime(&entry) {
            std::fs::copy(&entry, &target).unwrap();
            // A sync tool keeps the time of the version it copies.
            let file = std::fs::File::options().write(true).open(&target).unwrap();
            file.set_modified(mtime(&entry).unwrap()).unwrap();
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if e.file_type().unwrap().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn a_week_offline_then_a_copied_folder_loses_nothing_and_agrees() {
    let ann = Desk::new("Ann Lee", "summit.txt");
    let bob = Desk::new("Bob 王", "川習峰會-copy.txt");

    let mut a = ann.open();
    let kept = a
        .add(&ann.para(1), "ann: background", vec!["外交".into()])
        .unwrap();
    let contested = a
        .add(&ann.para(2), "ann: to be argued over", vec![])
        .unwrap();
    a.save().unwrap();
    assert_eq!(
        a.store().note(&kept).unwrap().author.as_deref(),
        Some("Ann Lee")
    );
    copy_notes(ann.data.path(), bob.data.path());

    // Bob finds Ann's notes by the brief's content, at another path.
    let mut b = bob.open();
    assert_eq!(b.store().brief().key, a.store().brief().key);
    assert_eq!(b.store().notes().count(), 2);
    // Offline: Bob edits one, deletes another and adds; Ann edits what Bob
    // deleted (later, so her edit wins) and adds too.
    b.edit_text(&kept, "bob: background, sharpened").unwrap();
    b.delete(&contested).unwrap();
    b.add(&bob.para(3), "bob: G2", vec![]).unwrap();
    b.save().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    let mut a = ann.open();
    a.edit_text(&contested, "ann: still argued").unwrap();
    a.add(&ann.para(4), "ann: four meetings", vec![]).unwrap();
    a.save().unwrap();

    copy_notes(bob.data.path(), ann.data.path());
    copy_notes(ann.data.path(), bob.data.path());
    assert_eq!(ann.state(), bob.state());
    assert_eq!(
        ann.live_texts(),
        vec![
            "ann: four meetings",
            "ann: still argued",
            "bob: G2",
            "bob: background, sharpened"
        ]
    );
    // Each writer wrote only its own file.
    let key = a.store().brief().key.clone();
    let files = walk(&ann.data.path().join("notes").join(&key));
    assert_eq!(files.iter().filter(|p| is_json(p)).count(), 2, "{files:?}");
}

fn is_json(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "json")
}

#[test]
fn conflict_copies_of_a_sync_tool_are_merged_in() {
    let ann = Desk::new("Ann", "a.txt");
    let mut a = ann.open();
    let first = a.add(&ann.para(1), "first", vec![]).unwrap();
    a.save().unwrap();
    let own = a.store().path().to_path_buf();
    let start = std::fs::read(&own).unwrap();
    a.add(&ann.para(2), "second", vec![]).unwrap();
    a.save().unwrap();
    let here = std::fs::read(&own).unwrap();
    // Two more machines wrote the same file from `start` (say `local/` was
    // copied by mistake): the sync tools keep their versions as copies.
    let elsewhere = |change: &dyn Fn(&mut BriefNotes)| {
        std::fs::write(&own, &start).unwrap();
        let mut notes = ann.open();
        change(&mut notes);
        notes.save().unwrap();
        std::fs::read(&own).unwrap()
    };
    let edited = elsewhere(&|n| n.edit_text(&first, "first, edited elsewhere").unwrap());
    let added = elsewhere(&|n| {
        n.add(&ann.para(3), "third", vec![]).unwrap();
    });
    std::fs::write(&own, &here).unwrap();
    let stem = own.file_stem().unwrap().to_string_lossy().into_owned();
    let dropbox = own.with_file_name(format!("{stem} (Bob's conflicted copy 2026-01-02).json"));
    std::fs::write(&dropbox, edited).unwrap();
    let syncthing = own.with_file_name(format!("{stem}.sync-conflict-20260102-1-AB.json"));
    std::fs::write(&syncthing, added).unwrap();

    assert_eq!(
        ann.live_texts(),
        vec!["first, edited elsewhere", "second", "third"]
    );
}

/// A small pseudo-random sequence; the seed is in the failure message.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

#[test]
fn three_desks_with_random_changes_agree_after_syncs_in_any_order() {
    for seed in [7u64, 1234, 99991] {
        let mut rng = XorShift(seed);
        let desks = [
            Desk::new("Ann", "a.txt"),
            Desk::new("Bob", "b.md.txt"),
            Desk::new("Chen", "c.txt"),
        ];
        let mut made: Vec<String> = Vec::new();
        for round in 0..4 {
            for (d, desk) in desks.iter().enumerate() {
                let mut notes = desk.open();
                for step in 0..6 {
                    let ids: Vec<String> = notes
                        .store()
                        .all_notes()
                        .iter()
                        .map(|n| n.id.clone())
                        .collect();
                    match (rng.next(4), ids.is_empty()) {
                        (0, false) => {
                            let id = &ids[rng.next(ids.len() as u64) as usize];
                            let _ = notes.edit_text(id, &format!("edit {d}/{round}/{step}"));
                        }
                        (1, false) => {
                            let id = &ids[rng.next(ids.len() as u64) as usize];
                            let _ = notes.delete(id);
                        }
                        _ => {
                            let para = desk.para(rng.next(5) as usize);
                            let text = format!("note {d}/{round}/{step}");
                            made.push(notes.add(&para, &text, vec![]).unwrap());
                        }
                    }
                }
                notes.save().unwrap();
            }
            // Syncs in a random order, some pairs only.
            for _ in 0..3 {
                let (from, to) = (rng.next(3) as usize, rng.next(3) as usize);
                if from != to {
                    copy_notes(desks[from].data.path(), desks[to].data.path());
                }
            }
        }
        for from in 0..3 {
            for to in 0..3 {
                if from != to {
                    copy_notes(desks[from].data.path(), desks[to].data.path());
                }
            }
        }
        let states: Vec<_> = desks.iter().map(Desk::state).collect();
        assert_eq!(states[0], states[1], "seed {seed}");
        assert_eq!(states[1], states[2], "seed {seed}");
        for id in &made {
            assert!(states[0].contains_key(id), "seed {seed}: note {id} lost");
        }
    }
}

#[test]
fn an_old_single_file_store_migrates_on_the_next_save_and_is_kept_until_then() {
    let ann = Desk::new("Ann", "a.txt");
    let dd = ann.dir();
    let info = dd.locate(&ann.file, Some(&ann.brief)).unwrap();
    dd.register(&info).unwrap();
    // The store as gloss wrote it before teams: `notes/<key>.json`.
    let legacy = dd.legacy_store_path(&info.key);
    let mut old = gloss::notes::NoteStore::open(&legacy, info.clone()).unwrap();
    let mut ids = Vec::new();
    for i in 0..3 {
        let anchor = gloss::notes::BriefMap::new(&ann.brief)
            .anchor_for(&ann.para(i))
            .unwrap();
        ids.push(old.add(anchor, &format!("old {i}"), vec![]).unwrap());
    }
    old.save().unwrap();
    let before = std::fs::read(&legacy).unwrap();

    let notes = ann.open();
    assert_eq!(notes.store().notes().count(), 3);
    assert!(notes.store().needs_migration());
    drop(notes);
    assert_eq!(std::fs::read(&legacy).unwrap(), before, "kept untouched");

    let mut notes = ann.open();
    notes.edit_text(&ids[0], "old 0, edited").unwrap();
    notes.save().unwrap();
    assert!(!legacy.exists(), "migrated and removed");
    assert!(!notes.store().needs_migration());
    assert_eq!(ann.live_texts(), vec!["old 0, edited", "old 1", "old 2"]);
}

#[test]
fn an_open_brief_shows_a_teammates_notes_once_they_arrive_marked_with_the_author() {
    let ann = Desk::new("Ann", "a.txt");
    let bob = Desk::new("Bob", "b.txt");
    let mut reading = ann.open();
    let mine = reading.add(&ann.para(1), "mine", vec![]).unwrap();
    reading.save().unwrap();
    assert!(!reading.reload_if_changed(), "nothing changed on disk");

    let mut b = bob.open();
    let theirs = b.add(&bob.para(2), "from Bob", vec![]).unwrap();
    b.save().unwrap();
    // Unsaved work in the open reader survives the reload.
    reading.edit_text(&mine, "mine, unsaved").unwrap();
    copy_notes(bob.data.path(), ann.data.path());
    assert!(reading.reload_if_changed());
    let views = reading.views();
    let shown: Vec<(&str, Option<&str>)> = views
        .iter()
        .map(|v| (v.note.text.as_str(), v.from_other))
        .collect();
    assert_eq!(
        shown,
        vec![("mine, unsaved", None), ("from Bob", Some("Bob"))]
    );
    assert!(reading.has_unsaved());
    assert!(reading.resolution(&theirs).is_some());
}

#[test]
fn an_edit_to_a_teammates_note_records_who_made_it_and_survives_a_reload() {
    let ann = Desk::new("Ann", "a.txt");
    let bob = Desk::new("Bob", "b.txt");
    let mut b = bob.open();
    let id = b.add(&bob.para(1), "from Bob", vec![]).unwrap();
    b.save().unwrap();
    drop(b);
    copy_notes(bob.data.path(), ann.data.path());

    let mut a = ann.open();
    a.edit_text(&id, "from Bob, fixed by Ann").unwrap();
    a.save().unwrap();
    drop(a);
    // Read back from disk: the author stays Bob, the change is Ann's.
    let note = ann.state().remove(&id).unwrap();
    assert_eq!(note.author.as_deref(), Some("Bob"));
    assert_eq!(note.modified_by.as_deref(), Some("Ann"));
    assert_eq!(note.text, "from Bob, fixed by Ann");

    // Bob's own later change makes the note wholly his again.
    copy_notes(ann.data.path(), bob.data.path());
    let mut b = bob.open();
    b.set_tags(&id, vec!["checked".into()]).unwrap();
    b.save().unwrap();
    drop(b);
    let note = bob.state().remove(&id).unwrap();
    assert_eq!(note.modified_by, None);
    assert_eq!(note.text, "from Bob, fixed by Ann");
}
