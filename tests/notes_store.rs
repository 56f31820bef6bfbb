//! The store API the reader uses: merges between two open copies, undo of a
//! deletion, re-attaching an orphan, a failed save that keeps the notes and
//! succeeds on retry, and property tests on arbitrary bytes and round trips.

use std::path::Path;

use gloss::brief::{Brief, Paragraph, ParagraphKind, Section, assign_ids};
use gloss::notes::store::{ReadOutcome, parse_store, read_store};
use gloss::notes::{AnchorStatus, BriefInfo, BriefNotes, NoteStore};
use proptest::prelude::*;

fn brief(texts: &[&str]) -> Brief {
    let mut b = Brief {
        sections: vec![Section {
            level: 1,
            title: Some("一".into()),
            paragraphs: texts
                .iter()
                .map(|t| Paragraph::plain(ParagraphKind::Text, *t))
                .collect(),
            ..Section::default()
        }],
        ..Brief::default()
    };
    assign_ids(&mut b);
    b
}

fn open(path: &Path, b: &Brief) -> BriefNotes {
    let info = BriefInfo {
        key: "k".into(),
        ..BriefInfo::default()
    };
    BriefNotes::with_store(NoteStore::open(path, info).unwrap(), b)
}

fn pid(b: &Brief, i: usize) -> String {
    b.sections[0].paragraphs[i].id.clone()
}

const TEXTS: [&str; 3] = [
    "第一段：背景說明。",
    "第二段：峰會成果。",
    "第三段：未來展望。",
];

#[test]
fn two_open_copies_merge_and_the_newest_change_wins() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.json");
    let b = brief(&TEXTS);
    let mut one = open(&path, &b);
    let id = one.add(&pid(&b, 0), "original", vec![]).unwrap();
    one.save().unwrap();

    let mut two = open(&path, &b);
    let other = two.add(&pid(&b, 1), "from two", vec![]).unwrap();
    two.edit_text(&id, "edited in two").unwrap();
    two.save().unwrap();

    // `one` still holds the old text; saving merges, and two's edit is newer.
    one.set_tags(&other, vec!["x".into()]).unwrap_err();
    one.save().unwrap();
    assert_eq!(one.store().note(&id).unwrap().text, "edited in two");
    assert!(one.store().note(&other).is_some());
    assert_eq!(one.notes_for_paragraph(&pid(&b, 1)).len(), 1);

    // A deletion in one beats the older edit still in two.
    one.delete(&id).unwrap();
    one.save().unwrap();
    two.save().unwrap();
    assert!(!two.store().note(&id).unwrap().is_live());
    assert_eq!(two.views().len(), 1);
}

#[test]
fn undo_of_a_delete_brings_the_note_back_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.json");
    let b = brief(&TEXTS);
    let mut n = open(&path, &b);
    let id = n.add(&pid(&b, 2), "keep", vec!["甲".into()]).unwrap();
    n.save().unwrap();
    n.delete(&id).unwrap();
    assert!(n.notes_for_paragraph(&pid(&b, 2)).is_empty());
    n.save().unwrap();
    n.restore(&id).unwrap();
    n.save().unwrap();
    let again = open(&path, &b);
    let shown = again.notes_for_paragraph(&pid(&b, 2));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].note.tags, vec!["甲"]);
}

#[test]
fn an_orphan_is_listed_and_can_be_reattached() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.json");
    let b = brief(&TEXTS);
    let mut n = open(&path, &b);
    let id = n.add(&pid(&b, 1), "on the summit", vec![]).unwrap();
    n.save().unwrap();

    let changed = brief(&[
        TEXTS[0],
        "完全不同的一段文字，談的是別的事情，與原文無關。",
        TEXTS[2],
    ]);
    let mut n = open(&path, &changed);
    let orphans = n.orphans();
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0].note.anchor.quote, TEXTS[1]);
    assert!(n.annotated_paragraphs().is_empty());
    n.reattach(&id, &pid(&changed, 2)).unwrap();
    n.save().unwrap();
    let n = open(&path, &changed);
    assert_eq!(n.resolution(&id).unwrap().status, AnchorStatus::Anchored);
    assert_eq!(n.notes_for_paragraph(&pid(&changed, 2)).len(), 1);
}

#[test]
fn a_failed_save_keeps_the_note_and_a_retry_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    // The store's folder cannot be created while a file sits at its path.
    let blocked = dir.path().join("notes");
    let path = blocked.join("k.json");
    let b = brief(&TEXTS);
    let mut n = open(&path, &b);
    std::fs::write(&blocked, b"not a folder").unwrap();
    let id = n.add(&pid(&b, 0), "precious", vec![]).unwrap();
    let err = n.save().unwrap_err().to_string();
    assert!(err.starts_with("cannot create the folder"), "{err}");
    assert!(!err.contains('\n'));
    assert!(n.has_unsaved());
    assert_eq!(n.notes_for_paragraph(&pid(&b, 0)).len(), 1);

    std::fs::remove_file(&blocked).unwrap();
    n.save().unwrap();
    assert!(!n.has_unsaved());
    match read_store(&path).unwrap() {
        ReadOutcome::Good(f) => assert_eq!(f.notes[0].id, id),
        other => panic!("{other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic_nor_pass_for_an_empty_store(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        match parse_store(&bytes) {
            ReadOutcome::Good(f) => prop_assert!(serde_json::from_slice::<serde_json::Value>(&bytes).is_ok() && f.schema <= 1),
            ReadOutcome::Damaged(reason) => prop_assert!(!reason.is_empty()),
            _ => {}
        }
    }

    #[test]
    fn save_then_load_round_trips(texts in proptest::collection::vec("\\PC{0,40}", 1..8), tags in proptest::collection::vec("[a-z甲乙丙]{1,4}", 0..3)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.json");
        let b = brief(&TEXTS);
        let mut n = open(&path, &b);
        for (i, t) in texts.iter().enumerate() {
            n.add(&pid(&b, i % 3), t, tags.clone()).unwrap();
        }
        n.save().unwrap();
        let again = open(&path, &b);
        prop_assert_eq!(again.store().all_notes(), n.store().all_notes());
    }
}

/// Sets every note's `key` in the store file at `path` to `value`.
fn forge(path: &Path, key: &str, value: serde_json::Value) {
    let mut file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    for note in file["notes"].as_array_mut().unwrap() {
        note[key] = value.clone();
    }
    std::fs::write(path, serde_json::to_vec(&file).unwrap()).unwrap();
}

#[test]
fn a_teammates_revision_stamped_at_the_end_of_time_gives_way_to_my_edit() {
    let dir = tempfile::tempdir().unwrap();
    let b = brief(&TEXTS);
    // The teammate's id sorts after mine: a tie on time would go their way.
    let theirs = dir.path().join("zzz-mallory.json");
    let mine = dir.path().join("aaa-me.json");
    let mut mallory = open(&theirs, &b);
    let id = mallory.add(&pid(&b, 0), "mallory's text", vec![]).unwrap();
    mallory.save().unwrap();
    forge(
        &theirs,
        "modified",
        serde_json::json!("9999-12-30T22:00:00.999999999Z"),
    );

    let mut me = open(&mine, &b);
    // Read from another writer, the stamp is no later than now plus a skew.
    let shown = me.store().note(&id).unwrap().modified;
    let bound = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(3600);
    assert!(shown < bound, "{shown}");
    me.edit_text(&id, "my text").unwrap();
    me.save().unwrap();
    let again = open(&mine, &b);
    assert_eq!(again.store().note(&id).unwrap().text, "my text");
}

#[test]
fn an_edit_that_cannot_win_is_kept_and_the_user_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let b = brief(&TEXTS);
    let theirs = dir.path().join("zzz-mallory.json");
    let mine = dir.path().join("aaa-me.json");
    let mut mallory = open(&theirs, &b);
    let id = mallory.add(&pid(&b, 0), "mallory's text", vec![]).unwrap();
    mallory.save().unwrap();
    forge(&theirs, "revision", serde_json::json!(u64::MAX));
    forge(
        &theirs,
        "modified",
        serde_json::json!("9999-12-30T22:00:00.999999999Z"),
    );

    let mut me = open(&mine, &b);
    let said = me.edit_text(&id, "my text").unwrap_err().to_string();
    assert!(said.contains("does not show"), "{said}");
    me.save().unwrap();
    // Not lost: the edit is in my own file.
    let own = std::fs::read_to_string(&mine).unwrap();
    assert!(own.contains("my text"), "{own}");
}
