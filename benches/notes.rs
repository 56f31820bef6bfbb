//! Notes store speed with 10,000 notes on one brief: load and re-anchor an
//! unchanged brief, re-anchor after the brief was edited, one save.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::brief::{Brief, Paragraph, ParagraphKind, Section, Span, assign_ids};
use gloss::notes::{BriefInfo, BriefMap, NoteStore};

const PARAGRAPHS: usize = 300;
const NOTES: usize = 10_000;

/// A deterministic brief of Chinese-looking paragraphs, about 150 characters each.
fn brief() -> Brief {
    let pool: Vec<char> = "中美關係建設性戰略穩定合作競爭分歧可控和平持久外交經貿科技軍事人文交流國際組織領袖峰會訪問北京華府東京"
        .chars()
        .collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let sections = (0..10)
        .map(|s| Section {
            level: 1,
            title: Some(format!("第{s}節")),
            paragraphs: (0..PARAGRAPHS / 10)
                .map(|_| {
                    let text: String = (0..150)
                        .map(|i| {
                            if i % 30 == 29 {
                                '。'
                            } else {
                                pool[(next() % pool.len() as u64) as usize]
                            }
                        })
                        .collect();
                    Paragraph::plain(ParagraphKind::Text, text)
                })
                .collect(),
            ..Section::default()
        })
        .collect();
    let mut b = Brief {
        sections,
        ..Brief::default()
    };
    assign_ids(&mut b);
    b
}

/// The brief with a sentence of every paragraph rewritten: every note needs
/// the fuzzy search, the worst case of an edit.
fn edited(b: &Brief) -> Brief {
    let mut e = b.clone();
    for s in &mut e.sections {
        for p in &mut s.paragraphs {
            let text = p.text();
            let cut: String = text.chars().skip(30).collect();
            p.spans = vec![Span::plain(format!(
                "此句已經改寫為新的內容以供測試之用途。{cut}"
            ))];
        }
    }
    assign_ids(&mut e);
    e
}

fn store_with_notes(dir: &std::path::Path, b: &Brief) -> std::path::PathBuf {
    let path = dir.join("bench.json");
    let info = BriefInfo {
        key: "bench".into(),
        ..BriefInfo::default()
    };
    let mut store = NoteStore::open(&path, info).unwrap();
    let map = BriefMap::new(b);
    for i in 0..NOTES {
        let p = map.paragraph(i % map.len()).unwrap();
        let anchor = map.anchor_for(&p.id).unwrap();
        store
            .add(
                anchor,
                &format!("第 {i} 則筆記：值得追蹤的論述"),
                vec!["外交".into()],
            )
            .unwrap();
    }
    store.save().unwrap();
    path
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let b = brief();
    let path = store_with_notes(dir.path(), &b);
    let info = BriefInfo {
        key: "bench".into(),
        ..BriefInfo::default()
    };
    c.bench_function("notes/load_and_reanchor_unchanged_10k", |bench| {
        bench.iter(|| {
            let store = NoteStore::open(&path, info.clone()).unwrap();
            let map = BriefMap::new(&b);
            black_box(map.resolve_all(store.notes()).len())
        })
    });
    let e = edited(&b);
    let store = NoteStore::open(&path, info.clone()).unwrap();
    let anchored = BriefMap::new(&e)
        .resolve_all(store.notes())
        .values()
        .filter(|r| r.status == gloss::notes::AnchorStatus::Anchored)
        .count();
    assert_eq!(anchored, NOTES, "every note finds its edited paragraph");
    c.bench_function("notes/reanchor_after_edit_10k", |bench| {
        bench.iter(|| {
            let map = BriefMap::new(&e);
            black_box(map.resolve_all(store.notes()).len())
        })
    });
    let mut store = NoteStore::open(&path, info.clone()).unwrap();
    let id = store.notes().next().unwrap().id.clone();
    c.bench_function("notes/save_10k", |bench| {
        bench.iter(|| {
            store.edit_text(&id, "edited").unwrap();
            store.save().unwrap();
        })
    });
}

criterion_group! {
    name = notes;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(notes);
