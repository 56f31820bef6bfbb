//! Listing a folder of 2,000 briefs, generated here in a temporary folder:
//! copies of the sample briefs (Markdown with front matter and PDF-style
//! plain text, 8–60 KB each) in 20 subfolders, with a data folder that
//! knows some of them (notes and last readings). Target: under 1 s for the
//! whole list (walk, meta data, notes counts, last readings).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::library::{BriefState, StateDir, scan};
use gloss::notes::{BriefNotes, DataDir};

const BRIEFS: usize = 2_000;

fn generate(root: &Path, data: &DataDir) {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
    let mut texts: Vec<(String, String)> = std::fs::read_dir(&samples)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let ext = path.extension().unwrap().to_string_lossy().into_owned();
            (ext, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    texts.sort();
    let states = StateDir::new(data.clone());
    for i in 0..BRIEFS {
        let (ext, text) = &texts[i % texts.len()];
        let folder = root.join(format!("folder-{:02}", i % 20));
        std::fs::create_dir_all(&folder).unwrap();
        // Every brief differs (its own title and sentences, so that the
        // notes index does not take one for an edited copy of another),
        // and some are long.
        let copies = 1 + i % 7;
        let body = text
            .repeat(copies)
            .replace('。', &format!("（{i}）。"))
            .replace(". ", &format!(" ({i}). "));
        let text = match ext.as_str() {
            "md" => body.replacen("title: ", &format!("title: {i} "), 1),
            _ => format!("第 {i} 號簡報\n\n{body}"),
        };
        let path = folder.join(format!("brief-{i:04}.{ext}"));
        std::fs::write(&path, text).unwrap();
        if i % 50 == 0 {
            let brief = gloss::brief::load_path(&path).unwrap();
            let mut notes = BriefNotes::open(data, &path, &brief).unwrap();
            let para = brief.paragraphs().next().unwrap().id.clone();
            notes.add(&para, "note", vec!["tag".into()]).unwrap();
            notes.save().unwrap();
            let key = states.key_for(&path, &brief).unwrap();
            let state = BriefState {
                last_read: Some(jiff::Timestamp::now()),
                ..BriefState::default()
            };
            states.save(&key, &state).unwrap();
        }
    }
}

fn bench(c: &mut Criterion) {
    let root = tempfile::tempdir().unwrap();
    let data_root = tempfile::tempdir().unwrap();
    let data = DataDir::at(data_root.path().to_path_buf());
    generate(root.path(), &data);
    let states = StateDir::new(data);
    let entries = scan(root.path(), Some(&states)).unwrap();
    assert_eq!(entries.len(), BRIEFS);
    assert!(entries.iter().all(|e| e.meta.is_ok()));
    assert_eq!(entries.iter().filter(|e| e.notes == 1).count(), BRIEFS / 50);
    let mut group = c.benchmark_group("library");
    group.sample_size(10);
    group.bench_function("scan 2000 briefs", |b| {
        b.iter(|| black_box(scan(root.path(), Some(&states)).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
