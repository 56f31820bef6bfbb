//! A team's notes: 10,000 notes from 5 writers (2,000 each) on one brief.
//! Opening merges the five files; a sync brings 8,000 of them in from four
//! writers through a local bare repository (git's own time included).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::notes::{Anchor, BriefInfo, DataDir, NoteStore};

const WRITERS: usize = 5;
const PER_WRITER: usize = 2_000;
const KEY: &str = "bench";

fn info() -> BriefInfo {
    BriefInfo {
        key: KEY.into(),
        ..BriefInfo::default()
    }
}

/// Writes `PER_WRITER` notes as writer `writer` into `notes_dir/bench/`.
fn write_writer(notes_dir: &Path, writer: &str) {
    let path = notes_dir.join(KEY).join(format!("{writer}.json"));
    let mut store = NoteStore::open(&path, info()).unwrap();
    store.set_author(writer);
    for i in 0..PER_WRITER {
        let anchor = Anchor {
            fingerprint: format!("p{:012x}", i % 300),
            paragraph: format!("p{:012x}", i % 300),
            quote: format!(
                "第 {} 段：中美關係建設性戰略穩定合作競爭分歧可控。",
                i % 300
            ),
            position: i % 300,
            ..Anchor::default()
        };
        store
            .add(
                anchor,
                &format!("{writer} 的第 {i} 則筆記"),
                vec!["外交".into()],
            )
            .unwrap();
    }
    store.save().unwrap();
}

fn git(dir: &Path, args: &[&str]) -> String {
    let ok = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=bench",
            "-c",
            "user.email=bench@gloss.invalid",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    String::from_utf8_lossy(&ok.stdout).trim().to_string()
}

/// A bare repository holding four writers' notes.
fn team_remote(base: &Path) -> PathBuf {
    let remote = base.join("team.git");
    std::fs::create_dir_all(&remote).unwrap();
    git(&remote, &["init", "-q", "--bare"]);
    let team = base.join("team");
    std::fs::create_dir_all(&team).unwrap();
    git(&team, &["init", "-q"]);
    for w in 1..WRITERS {
        write_writer(&team.join("notes"), &format!("writer-{w}"));
    }
    git(&team, &["add", "notes"]);
    git(&team, &["commit", "-q", "-m", "team"]);
    let url = remote.display().to_string();
    git(&team, &["push", "-q", &url, "HEAD:refs/heads/main"]);
    remote
}

fn benches(c: &mut Criterion) {
    let base = tempfile::tempdir().unwrap();
    let folder = base.path().join("merged");
    for w in 0..WRITERS {
        write_writer(&folder.join("notes"), &format!("writer-{w}"));
    }
    let own = folder.join("notes").join(KEY).join("writer-0.json");
    c.bench_function("notes_team/open_merged_10k_from_5_writers", |bench| {
        bench.iter(|| {
            let store = NoteStore::open(&own, info()).unwrap();
            black_box(store.notes().count())
        })
    });
    let store = NoteStore::open(&own, info()).unwrap();
    assert_eq!(store.notes().count(), WRITERS * PER_WRITER);

    let remote = team_remote(base.path());
    let team_head = git(&remote, &["rev-parse", "refs/heads/main"]);
    let mut round = 0;
    c.bench_function("notes_team/sync_in_8k_from_4_writers_with_git", |bench| {
        bench.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                round += 1;
                let root = base.path().join(format!("desk-{round}"));
                let data = DataDir::at(root.clone()).with_author("Me");
                let path = data.store_path(KEY);
                write_writer(&data.notes_dir(), &data.writer().id);
                assert!(path.exists());
                gloss::notes::sync::init(&root, &remote.display().to_string()).unwrap();
                let started = Instant::now();
                let report = gloss::notes::sync::sync(&data, false).unwrap();
                total += started.elapsed();
                assert_eq!(report.incoming.notes, (WRITERS - 1) * PER_WRITER);
                // The next desk finds the four writers only.
                git(&remote, &["update-ref", "refs/heads/main", &team_head]);
                let _ = std::fs::remove_dir_all(&root);
            }
            total
        })
    });
}

criterion_group! {
    name = notes_team;
    config = Criterion::default()
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    targets = benches
}
criterion_main!(notes_team);
