//! The paths issue 20 found quadratic on hostile input, each at two sizes
//! eight times apart, so that the README can show how they grow: `gloss
//! search` on one long paragraph full of hits, loading a long
//! `phrases.txt`, and merging a teammate's long brief record.

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use gloss::brief::load::{Format, load_bytes};
use gloss::brief::source_lines::SourceLines;
use gloss::commands::search::search_brief;
use gloss::convert::config::Target;
use gloss::convert::fold_str;
use gloss::convert::overrides::PhraseFile;
use gloss::notes::BriefInfo;
use gloss::notes::store::merge_brief;

/// One paragraph of about 75 KB and 600 KB, a hit every 27 bytes.
const SEARCH_REPEATS: [usize; 2] = [2_800, 22_400];
/// 7,500 and 60,000 terms.
const PHRASE_TERMS: [usize; 2] = [7_500, 60_000];
/// 7,500 and 60,000 paths and hashes on each side.
const RECORD_ITEMS: [usize; 2] = [7_500, 60_000];

fn search(c: &mut Criterion) {
    let needles = vec![fold_str("美国")];
    let mut group = c.benchmark_group("hostile_search");
    group.sample_size(10);
    for repeats in SEARCH_REPEATS {
        let text = format!("{}\n", "美國與中國的關係，".repeat(repeats));
        let brief = load_bytes(text.as_bytes(), Format::PlainText, "one.txt").unwrap();
        group.bench_function(BenchmarkId::new("one_paragraph_bytes", text.len()), |b| {
            b.iter(|| {
                let lines = SourceLines::new(&brief, &text);
                search_brief(&brief, Some(&lines), black_box(&needles), 24).len()
            })
        });
    }
    group.finish();
}

fn phrases(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile_phrases");
    group.sample_size(10);
    for terms in PHRASE_TERMS {
        let text: String = (0..terms)
            .map(|i| format!("術語{i:06}\t术语{i:06}\n"))
            .collect();
        group.bench_function(BenchmarkId::new("load_terms", terms), |b| {
            b.iter(|| {
                let file = PhraseFile::parse(black_box(&text), Path::new("phrases.txt"));
                file.overrides.toward(Some(Target::Simplified)).len()
            })
        });
    }
    group.finish();
}

fn record(n: usize, from: usize) -> BriefInfo {
    BriefInfo {
        key: "k".into(),
        paths: (from..from + n)
            .map(|i| format!("/briefs/{i}.txt"))
            .collect(),
        hashes: (from..from + n).map(|i| format!("{i:064x}")).collect(),
        ..BriefInfo::default()
    }
}

fn merge(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile_merge");
    group.sample_size(10);
    for n in RECORD_ITEMS {
        let (ours, theirs) = (record(n, 0), record(n, n / 2));
        group.bench_function(BenchmarkId::new("brief_record_items", n), |b| {
            b.iter(|| {
                merge_brief(black_box(&ours), black_box(&theirs))
                    .paths
                    .len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, search, phrases, merge);
criterion_main!(benches);
