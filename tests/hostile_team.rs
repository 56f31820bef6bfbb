//! Issue 20, item 9: a teammate's store file is read as pushed. What it
//! says of the brief (paths, hashes, unknown fields) is checked and
//! bounded before it joins this writer's own file, which a sync sends on.

use std::path::{Path, PathBuf};

use gloss::brief::{Brief, load_path};
use gloss::notes::{BriefNotes, DataDir};

const BRIEF: &str = "川習北京峰會後的美中外交動向\n\n\
美中關係自去年以來持續變化，各方高度關注。\n\n\
習近平曾向美方提及太平洋夠大，容得下中美兩國。\n";

struct Desk {
    data: tempfile::TempDir,
    _docs: tempfile::TempDir,
    file: PathBuf,
    brief: Brief,
}

impl Desk {
    fn new() -> Desk {
        let data = tempfile::tempdir().unwrap();
        let docs = tempfile::tempdir().unwrap();
        let file = docs.path().join("brief.txt");
        std::fs::write(&file, BRIEF).unwrap();
        let brief = load_path(&file).unwrap();
        Desk {
            data,
            _docs: docs,
            file,
            brief,
        }
    }

    fn open(&self) -> BriefNotes {
        let dir = DataDir::at(self.data.path().to_path_buf()).with_author("me");
        BriefNotes::open(&dir, &self.file, &self.brief).unwrap()
    }

    /// Adds a note and saves; returns the own store file.
    fn note(&self, text: &str) -> PathBuf {
        let mut notes = self.open();
        let first = self.brief.paragraphs().next().unwrap().id.clone();
        notes.add(&first, text, vec![]).unwrap();
        notes.save().unwrap();
        notes.store().path().to_path_buf()
    }
}

/// A teammate's store file beside `own` (copied from it, in its layout):
/// one note, and a brief record
/// listing `paths` paths, as many hashes, and as many unknown fields.
fn hostile_teammate(own: &Path, paths: usize) -> serde_json::Value {
    let mine: serde_json::Value = serde_json::from_slice(&std::fs::read(own).unwrap()).unwrap();
    let key = mine["brief"]["key"].clone();
    let note = mine["notes"][0].clone();
    let mut brief = serde_json::json!({
        "key": key,
        "paths": (0..paths).map(|i| format!("/home/mallory/copies/{i:06}/brief.txt")).collect::<Vec<_>>(),
        "hashes": (0..paths).map(|i| format!("{i:064x}")).collect::<Vec<_>>(),
    });
    for i in 0..paths / 10 {
        brief[format!("x-{i}")] = serde_json::Value::from("junk".repeat(8));
    }
    let mut note = note;
    note["id"] = "00000000-0000-4000-8000-000000000001".into();
    note["text"] = "from mallory".into();
    serde_json::json!({
        "schema": 1,
        "brief": brief,
        "contexts": mine["contexts"],
        "notes": [note],
    })
}

/// #9: 60,000 paths from a teammate leave the own file as small as before
/// (it grew from 659 B to 6.4 MB), with the teammate's note merged.
#[test]
fn a_teammates_sixty_thousand_paths_are_not_merged_into_the_own_store() {
    let desk = Desk::new();
    let own = desk.note("mine");
    let before = std::fs::metadata(&own).unwrap().len();
    let theirs = own.with_file_name("mallory-0000.json");
    std::fs::write(
        &theirs,
        serde_json::to_vec(&hostile_teammate(&own, 60_000)).unwrap(),
    )
    .unwrap();
    desk.note("mine again");
    let after = std::fs::metadata(&own).unwrap().len();
    assert!(
        after < before + 8 * 1024,
        "the own store grew from {before} to {after} bytes"
    );
    let mine: serde_json::Value = serde_json::from_slice(&std::fs::read(&own).unwrap()).unwrap();
    let paths = mine["brief"]["paths"].as_array().unwrap();
    assert!(paths.len() <= 32, "{} paths kept", paths.len());
    // The own path is the latest, never pushed out by the teammate's.
    let canonical = std::fs::canonicalize(&desk.file).unwrap();
    assert_eq!(
        paths.last().and_then(|p| p.as_str()),
        Some(canonical.to_str().unwrap())
    );
    assert!(mine["brief"]["hashes"].as_array().unwrap().len() <= 32);
    let texts: Vec<String> = desk
        .open()
        .store()
        .notes()
        .map(|n| n.text.clone())
        .collect();
    assert!(texts.contains(&"from mallory".to_string()), "{texts:?}");
    assert!(texts.contains(&"mine again".to_string()), "{texts:?}");
}

/// Unknown fields on a teammate's notes and anchors are bounded as the
/// brief record's are: the first 16 small ones are kept. Editing the note
/// copies it into the own file, which grew by every megabyte the teammate
/// put on it, and a sync would send them on.
#[test]
fn unknown_fields_on_a_teammates_notes_are_bounded() {
    let desk = Desk::new();
    let own = desk.note("mine");
    let mut theirs = hostile_teammate(&own, 0);
    let note = &mut theirs["notes"][0];
    note["colour"] = "amber".into();
    note["huge"] = "x".repeat(4 << 20).into();
    for i in 0..5_000 {
        note[format!("x-{i:04}")] = "junk".into();
        note["anchor"][format!("y-{i:04}")] = "junk".into();
    }
    note["anchor"]["page"] = 3.into();
    let theirs_path = own.with_file_name("mallory-0000.json");
    std::fs::write(&theirs_path, serde_json::to_vec(&theirs).unwrap()).unwrap();

    let mut notes = desk.open();
    let id = "00000000-0000-4000-8000-000000000001";
    let read = notes.store().note(id).unwrap();
    assert_eq!(read.text, "from mallory");
    assert!(read.extra.len() <= 16, "{} fields kept", read.extra.len());
    assert!(read.anchor.extra.len() <= 16);
    assert_eq!(read.extra.get("colour"), Some(&"amber".into()));
    assert!(!read.extra.contains_key("huge"));
    assert_eq!(read.anchor.extra.get("page"), Some(&3.into()));

    let before = std::fs::metadata(&own).unwrap().len();
    notes.edit_text(id, "from mallory, edited by me").unwrap();
    notes.save().unwrap();
    let after = std::fs::metadata(&own).unwrap().len();
    assert!(
        after < before + 8 * 1024,
        "the own store grew from {before} to {after} bytes"
    );
    let texts: Vec<String> = desk
        .open()
        .store()
        .notes()
        .map(|n| n.text.clone())
        .collect();
    assert!(
        texts.contains(&"from mallory, edited by me".to_string()),
        "{texts:?}"
    );
}
