//! Conversion and folding search on a 10 MB Traditional brief (the sample
//! brief repeated). Targets: conversion well ahead of OpenCC's command line
//! (measured side by side, see the README), a folded search under 30 ms.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::convert::{ConfigName, Converter, FoldedText, fold_str};

const TEN_MB: usize = 10 * 1024 * 1024;

fn big_brief() -> String {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/briefs/prospect-forum-us-china-after-beijing-summit.txt"
    ))
    .expect("the sample brief is part of the repository");
    seed.repeat(TEN_MB / seed.len() + 1)
}

fn conversion(c: &mut Criterion) {
    let text = big_brief();
    let converter = Converter::from_config(ConfigName::T2s).unwrap();
    let mut group = c.benchmark_group("convert");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("t2s_10mb", |b| {
        b.iter(|| converter.convert(black_box(&text)))
    });
    group.finish();
}

fn folding_search(c: &mut Criterion) {
    let text = big_brief();
    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    // Done once when a brief is opened, not per query.
    group.bench_function("fold_10mb", |b| {
        b.iter(|| FoldedText::new(black_box(&text)))
    });
    let folded = FoldedText::new(&text);
    group.bench_function("query_10mb", |b| {
        b.iter(|| folded.find(black_box("台湾")).len())
    });
    let needle = fold_str("习近平");
    assert!(!folded.find_folded(&needle).is_empty());
    group.bench_function("query_folded_10mb", |b| {
        b.iter(|| folded.find_folded(black_box(&needle)).len())
    });
    group.finish();
}

criterion_group!(benches, conversion, folding_search);
criterion_main!(benches);
