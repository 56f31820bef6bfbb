//! Several writers and writers that die: two processes adding at once lose
//! nothing, and a writer killed with SIGKILL at any moment leaves a store
//! that parses and holds every note whose add had returned.

pub mod notes_support;

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use gloss::notes::store::{ReadOutcome, read_store};
use gloss::notes::{BriefNotes, DataDir};
use notes_support::*;

#[test]
fn two_processes_adding_200_notes_each_keep_all_400() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let (data, brief, para) = (
                data.path().to_path_buf(),
                brief.clone(),
                paras[1 + w].0.clone(),
            );
            std::thread::spawn(move || {
                (0..200)
                    .map(|i| add(&data, &brief, &para, &format!("writer {w} note {i}"), &[]))
                    .collect::<Vec<String>>()
            })
        })
        .collect();
    let mut added: Vec<String> = writers
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    assert_eq!(added.len(), 400);
    let mut listed = note_ids(&list_json(data.path(), Some(&brief)));
    added.sort();
    listed.sort();
    assert_eq!(listed, added);
}

/// A small pseudo-random sequence; the seed is printed so a failure can be replayed.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

fn store_ids(store: &Path) -> Vec<String> {
    match read_store(store).unwrap() {
        ReadOutcome::Good(f) => f.notes.into_iter().map(|n| n.id).collect(),
        other => panic!("the store must always parse, found {other:?}"),
    }
}

#[test]
fn a_writer_killed_at_random_moments_never_damages_the_store() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief_path = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief_path);

    // A store big enough that a save takes a while, so kills land mid-write.
    let dd = DataDir::at(data.path().to_path_buf());
    let brief = gloss::brief::load_path(&brief_path).unwrap();
    let mut notes = BriefNotes::open(&dd, &brief_path, &brief).unwrap();
    let mut acknowledged: Vec<String> = (0..800)
        .map(|i| {
            let text = format!("預先存在的筆記 {i}：{}", "內容".repeat(40));
            notes.add(&paras[i % paras.len()].0, &text, vec![]).unwrap()
        })
        .collect();
    notes.save().unwrap();
    let store = notes.store().path().to_path_buf();

    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("seed {seed}");
    let mut rng = XorShift(seed);
    // Calibrate: kill at random moments within 1.5 times an add's duration.
    let started = std::time::Instant::now();
    acknowledged.push(add(
        data.path(),
        &brief_path,
        &paras[1].0,
        "calibration",
        &[],
    ));
    let window = (started.elapsed().as_millis() as u64 * 3 / 2).max(10);
    eprintln!("kill window {window} ms");
    let (mut killed, mut finished) = (0, 0);
    for round in 0..60 {
        let mut child = std::process::Command::new(gloss_path())
            .env("GLOSS_DATA_DIR", data.path())
            .args(["notes", "add"])
            .arg(&brief_path)
            .args(["--para", &paras[1].0, "--text", &format!("round {round}")])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.next(window)));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            finished += 1;
            acknowledged.push(String::from_utf8(out.stdout).unwrap().trim().to_string());
        } else {
            killed += 1;
        }
        let ids = store_ids(&store);
        for id in &acknowledged {
            assert!(
                ids.contains(id),
                "round {round} (seed {seed}): note {id} lost"
            );
        }
    }
    eprintln!("{killed} killed, {finished} finished");
    assert!(
        killed > 0,
        "some writers must have been killed (seed {seed})"
    );
    let leftovers: Vec<String> = std::fs::read_dir(store.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".corrupt-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no store was ever damaged: {leftovers:?}"
    );
    // A later writer clears the temp files killed writers left behind.
    add(data.path(), &brief_path, &paras[2].0, "after", &[]);
    let temps = std::fs::read_dir(store.parent().unwrap())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    assert_eq!(
        temps,
        0,
        "{:?}",
        std::fs::read_dir(store.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect::<Vec<_>>()
    );
}
