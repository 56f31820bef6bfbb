//! Damaged and foreign stores: never overwritten, never treated as empty,
//! moved aside with a message that says how to restore; newer schemas are
//! opened read-only; fields gloss does not know survive.

pub mod notes_support;

use std::path::{Path, PathBuf};

use notes_support::*;

fn aside_files(store: &Path) -> Vec<PathBuf> {
    let stem = store.file_stem().unwrap().to_string_lossy().into_owned();
    let mut v: Vec<PathBuf> = std::fs::read_dir(store.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(&format!("{stem}.corrupt-")) && name.ends_with(".json")
        })
        .collect();
    v.sort();
    v
}

/// Writes `damage(good bytes)` over a store holding two notes, then adds a
/// third: the bad file must be kept aside, the user told, the new note kept,
/// and the backup must still restore the first two.
fn damaged_store_is_kept_aside(damage: fn(&[u8]) -> Vec<u8>) {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    let first = add(data.path(), &brief, &paras[1].0, "one", &[]);
    let second = add(data.path(), &brief, &paras[2].0, "two", &[]);
    let store = store_of(data.path(), &brief);
    let bad = damage(&std::fs::read(&store).unwrap());
    std::fs::write(&store, &bad).unwrap();

    let out = gloss(data.path())
        .args(["notes", "add"])
        .arg(&brief)
        .args(["--para", &paras[3].0, "--text", "three"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let third = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("was damaged"), "{err}");
    assert!(err.contains("moved aside to"), "{err}");
    assert!(
        err.contains("gloss notes import"),
        "the way back is given: {err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");

    let aside = aside_files(&store);
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read(&aside[0]).unwrap(),
        bad,
        "the bad file is kept as it was"
    );
    assert_eq!(
        note_ids(&list_json(data.path(), Some(&brief))),
        vec![third.clone()]
    );

    // The advice works: importing the backup brings the earlier notes back.
    let bak = PathBuf::from(format!("{}.bak", store.display()));
    let out = gloss(data.path())
        .args(["notes", "import"])
        .arg(&bak)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut ids = note_ids(&list_json(data.path(), Some(&brief)));
    ids.sort();
    // The backup is the store as it was before the last good save: it holds
    // the first note; the second is only in the damaged file kept aside.
    let mut want = vec![first, third];
    want.sort();
    assert_eq!(ids, want);
    assert!(!ids.contains(&second));
}

#[test]
fn a_truncated_store_is_kept_aside() {
    damaged_store_is_kept_aside(|good| good[..good.len() / 2].to_vec());
}

#[test]
fn an_empty_store_is_kept_aside() {
    damaged_store_is_kept_aside(|_| Vec::new());
}

#[test]
fn a_nul_filled_store_is_kept_aside() {
    damaged_store_is_kept_aside(|good| vec![0; good.len()]);
}

#[test]
fn an_invalid_json_store_is_kept_aside() {
    damaged_store_is_kept_aside(|_| b"{\"schema\": 1, \"notes\": [oops]}".to_vec());
}

#[test]
fn listing_a_damaged_store_says_so_and_keeps_it() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    add(data.path(), &brief, &paras[1].0, "one", &[]);
    let store = store_of(data.path(), &brief);
    std::fs::write(&store, b"{\"schema\":1,\"brief\":").unwrap();
    let out = gloss(data.path()).args(["notes", "list"]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("was damaged"), "{err}");
    assert_eq!(aside_files(&store).len(), 1);
}

#[test]
fn a_newer_schema_is_read_only_and_left_alone() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    let id = add(data.path(), &brief, &paras[1].0, "one", &[]);
    let store = store_of(data.path(), &brief);
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&store).unwrap()).unwrap();
    v["schema"] = 99.into();
    v["from_the_future"] = "yes".into();
    let newer = serde_json::to_vec(&v).unwrap();
    std::fs::write(&store, &newer).unwrap();

    let out = gloss(data.path())
        .args(["notes", "add"])
        .arg(&brief)
        .args(["--para", &paras[2].0, "--text", "two"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("newer gloss (schema 99"), "{err}");
    assert!(err.contains("read-only"), "{err}");
    assert_eq!(
        std::fs::read(&store).unwrap(),
        newer,
        "the file is untouched"
    );

    // Reading still works, with the warning.
    let out = gloss(data.path())
        .args(["notes", "list", "--format", "json"])
        .arg(&brief)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stderr).unwrap().contains("read-only"));
    let listing: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(note_ids(&listing), vec![id]);
    assert!(aside_files(&store).is_empty());
}

#[test]
fn unknown_fields_survive_a_save() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    add(data.path(), &brief, &paras[1].0, "one", &[]);
    let store = store_of(data.path(), &brief);
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&store).unwrap()).unwrap();
    v["sync"] = serde_json::json!({"peer": "laptop"});
    v["notes"][0]["colour"] = "amber".into();
    v["notes"][0]["anchor"]["pdf_page"] = 3.into();
    v["brief"]["doi"] = "10.0/x".into();
    std::fs::write(&store, serde_json::to_vec(&v).unwrap()).unwrap();

    add(data.path(), &brief, &paras[2].0, "two", &[]);
    let after: serde_json::Value = serde_json::from_slice(&std::fs::read(&store).unwrap()).unwrap();
    assert_eq!(after["sync"]["peer"], "laptop");
    assert_eq!(after["notes"][0]["colour"], "amber");
    assert_eq!(after["notes"][0]["anchor"]["pdf_page"], 3);
    assert_eq!(after["brief"]["doi"], "10.0/x");
    assert_eq!(after["notes"].as_array().unwrap().len(), 2);
}
