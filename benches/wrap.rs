//! Wrapping speed: one long Chinese paragraph, the visible window of a
//! 10 MB brief (which must cost no more than that of a 10 KB brief), and
//! single lines of 1 MB and 4 MB (whose times must grow linearly).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use gloss::layout::{WrapCache, wrap};

const SEED: &str = include_str!("../briefs/prospect-forum-us-china-after-beijing-summit.txt");

/// Rows and body width of the reader's text pane on a 120×40 terminal.
const ROWS: usize = 40;
const BODY_WIDTH: usize = 80;

/// The seed brief's paragraphs, each joined into one line as the loader does.
fn seed_paragraphs() -> Vec<String> {
    SEED.split("\n\n")
        .map(|block| block.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|paragraph| !paragraph.is_empty())
        .collect()
}

/// Paragraphs repeated from the seed brief until they hold `bytes` bytes.
fn brief_of_size(bytes: usize) -> Vec<String> {
    let seed = seed_paragraphs();
    let mut paragraphs = Vec::new();
    let mut size = 0;
    for paragraph in seed.iter().cycle() {
        if size >= bytes {
            break;
        }
        size += paragraph.len() + 2;
        paragraphs.push(paragraph.clone());
    }
    paragraphs
}

/// A paragraph of `chars` characters of Chinese text from the seed brief.
fn chinese_paragraph(chars: usize) -> String {
    seed_paragraphs()
        .into_iter()
        .filter(|paragraph| paragraph.chars().filter(|c| !c.is_ascii()).count() > 100)
        .collect::<String>()
        .chars()
        .cycle()
        .take(chars)
        .collect()
}

/// Wraps paragraphs from the end of the brief backwards until the pane is
/// full, as the reader does after jumping to the end.
fn fill_window_from_end(paragraphs: &[String], cache: &mut WrapCache<usize>) -> usize {
    let mut rows = 0;
    for (index, paragraph) in paragraphs.iter().enumerate().rev() {
        rows += cache.lines(&index, paragraph, BODY_WIDTH).len() + 1;
        if rows >= ROWS {
            break;
        }
    }
    rows
}

fn paragraph(c: &mut Criterion) {
    let text = chinese_paragraph(1000);
    let mut group = c.benchmark_group("wrap_paragraph");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("cjk_1000_chars_width_80", |b| {
        b.iter(|| wrap(black_box(&text), black_box(80)))
    });
    group.finish();
}

fn visible_window(c: &mut Criterion) {
    let mut group = c.benchmark_group("wrap_visible_window");
    for (label, bytes) in [("10KB", 10 << 10), ("10MB", 10 << 20)] {
        let paragraphs = brief_of_size(bytes);
        group.bench_with_input(BenchmarkId::new("cold", label), &paragraphs, |b, p| {
            b.iter(|| fill_window_from_end(black_box(p), &mut WrapCache::new(256)))
        });
        let mut warm = WrapCache::new(256);
        fill_window_from_end(&paragraphs, &mut warm);
        group.bench_with_input(BenchmarkId::new("cached", label), &paragraphs, |b, p| {
            b.iter(|| fill_window_from_end(black_box(p), &mut warm))
        });
    }
    group.finish();
}

fn long_line(c: &mut Criterion) {
    let mut group = c.benchmark_group("wrap_long_line");
    group.sample_size(10);
    let unit = chinese_paragraph(1000);
    for megabytes in [1, 4] {
        let text = unit.repeat((megabytes << 20) / unit.len() + 1);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{megabytes}MB")),
            &text,
            |b, t| b.iter(|| wrap(black_box(t), 80).len()),
        );
    }
    group.finish();
}

criterion_group!(benches, paragraph, visible_window, long_line);
criterion_main!(benches);
