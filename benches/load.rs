//! Loading throughput and peak memory of 10 MB briefs, generated here:
//! one Markdown brief and one PDF-style plain-text brief (CJK and Latin,
//! headings, page breaks). Targets: ≥ 50 MB/s each in release; peak heap
//! under 4× the file size. The peak is measured with a counting allocator
//! and printed before the timings. Also: finding every block's line in
//! the file (what `gloss search` prints), on the same briefs.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::brief::decode::decode;
use gloss::brief::load::Format;
use gloss::brief::load_bytes;
use gloss::brief::source_lines::SourceLines;
use heap::{peak_extra, report_peak};

#[path = "support/heap.rs"]
mod heap;

#[global_allocator]
static ALLOCATOR: heap::Counting = heap::Counting;

const SIZE: usize = 10 * 1024 * 1024;

const ZH: &str = "美中雙方在北京峰會後同意恢復軍事溝通管道，但在半導體出口管制、\
                  關稅與臺灣議題上仍有明顯分歧，G20 與 APEC 場合的互動值得觀察。";
const EN: &str = "Export controls on advanced chips were tightened again in 2025, and \
                  compliance costs rose by about 3.5% for mid-sized firms.";

/// A Markdown brief of about `SIZE` bytes, shaped like a real one: front
/// matter, three heading levels, wrapped paragraphs (a quarter of them with
/// emphasis, a link, code and a footnote), lists, quotes and tables.
fn markdown_brief() -> Vec<u8> {
    let mut s = String::from(
        "---\ntitle: 基準測試簡報\nauthor: 測試作者\ndate: 2025-06-01\nseries: 基準\n---\n\n",
    );
    let mut n = 0usize;
    while s.len() < SIZE {
        if n.is_multiple_of(40) {
            s.push_str(&format!("## 第 {n} 章 Chapter {n}\n\n"));
        }
        if n.is_multiple_of(10) {
            s.push_str(&format!("### （{n}）小節 Section {n}\n\n"));
        }
        match n % 12 {
            0 => s.push_str(&format!(
                "{ZH}\n{ZH}**重點**與*強調*。\n{EN} See [the rules](https://example.org/{n}) and `ECCN 3A090`.[^{n}]\n\n[^{n}]: 資料來源：{EN}\n\n"
            )),
            4 => s.push_str(&format!("- {ZH}\n- {EN}\n  1. {ZH}\n  2. {EN}\n\n")),
            7 => s.push_str(&format!("> {ZH}\n> {EN}\n\n")),
            10 => s.push_str(&format!(
                "| 指標 | 2024 | 2025 |\n|---|---|---|\n| 出口 {n} | 3.5% | 4.1% |\n| 進口 | 2.0% | 2.2% |\n\n"
            )),
            _ => s.push_str(&format!("{ZH}{ZH}\n{EN}\n{ZH}{ZH}\n{EN}\n\n")),
        }
        n += 1;
    }
    s.into_bytes()
}

/// A PDF-extracted plain-text brief of about `SIZE` bytes: masthead, numbered
/// headings, hard-wrapped lines, running headers and page numbers at form feeds.
fn plain_text_brief() -> Vec<u8> {
    let mut s = String::from(
        "遠景論壇\n\n基準測試用的政策簡報標題\n\n測試作者\n某大學國際事務學系副教授\n\n",
    );
    let mut n = 0usize;
    let mut page = 1usize;
    while s.len() < SIZE {
        if n.is_multiple_of(12) {
            s.push_str(&format!(
                "{}、第 {n} 部分的標題\n\n",
                ["一", "二", "三", "四"][n % 4]
            ));
        }
        if n.is_multiple_of(4) {
            s.push_str(&format!("（{}）小標題 {n}\n\n", ["一", "二", "三"][n % 3]));
        }
        // Hard-wrapped like a PDF column: CJK lines of 36 characters.
        let para: Vec<char> = format!("{ZH}{ZH}{EN}{ZH}").chars().collect();
        for line in para.chunks(36) {
            s.extend(line);
            s.push('\n');
        }
        s.push('\n');
        if n % 6 == 5 {
            page += 1;
            s.push_str(&format!("- {page} -\n\x0c遠景論壇\n\n"));
        }
        n += 1;
    }
    s.into_bytes()
}

/// About `SIZE` bytes of real briefs: the corpus's `pdftotext` texts
/// (contents pages, footnotes, tables dumped cell by cell, CJK and Latin)
/// one after another, as a reader of real documents meets them.
fn real_text_brief() -> Vec<u8> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/text");
    let mut texts: Vec<Vec<u8>> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| std::fs::read(entry.path()).ok())
        .collect();
    texts.sort();
    let mut out = Vec::with_capacity(SIZE + 1024 * 1024);
    while out.len() < SIZE && !texts.is_empty() {
        for text in &texts {
            out.extend_from_slice(text);
            out.push(b'\n');
        }
    }
    out
}

/// A Markdown brief that is one table of about `SIZE` bytes (issue 11 #12:
/// a table's cells cost far more memory than prose; parsed in pieces, a
/// row is still several times its text in the brief).
fn table_brief() -> Vec<u8> {
    let mut s = String::from("# 表格\n\n| 年份 | 項目 | 數值 | 說明 |\n|---|---|---|---|\n");
    let mut i = 0usize;
    while s.len() < SIZE {
        s.push_str(&format!(
            "| {} | 出口管制項目{i} | {} | 半導體設備與技術 |\n",
            2000 + i % 30,
            i * 37 % 1000
        ));
        i += 1;
    }
    s.into_bytes()
}

fn bench_load(c: &mut Criterion) {
    let markdown = markdown_brief();
    let plain = plain_text_brief();

    report_peak(
        "decode (markdown bytes)",
        &markdown,
        peak_extra(|| decode(&markdown)),
    );
    report_peak(
        "load markdown",
        &markdown,
        peak_extra(|| load_bytes(&markdown, Format::Markdown, "bench.md")),
    );
    // For comparison: what the Markdown parser alone keeps while it runs.
    let text = std::str::from_utf8(&markdown).unwrap_or_default();
    let options = pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_FOOTNOTES
        | pulldown_cmark::Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    report_peak(
        "pulldown-cmark events alone",
        &markdown,
        peak_extra(|| pulldown_cmark::Parser::new_ext(text, options).count()),
    );
    let table = table_brief();
    report_peak(
        "load a table-heavy markdown brief",
        &table,
        peak_extra(|| load_bytes(&table, Format::Markdown, "table.md")),
    );
    let table_text = std::str::from_utf8(&table).unwrap_or_default();
    report_peak(
        "pulldown-cmark events alone, table-heavy",
        &table,
        peak_extra(|| pulldown_cmark::Parser::new_ext(table_text, options).count()),
    );
    report_peak(
        "load plain text",
        &plain,
        peak_extra(|| load_bytes(&plain, Format::PlainText, "bench.txt")),
    );

    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(markdown.len() as u64));
    group.bench_function("decode_10mb", |b| b.iter(|| decode(black_box(&markdown))));
    group.bench_function("markdown_10mb", |b| {
        b.iter(|| load_bytes(black_box(&markdown), Format::Markdown, "bench.md"))
    });
    group.bench_function("pulldown_cmark_alone_10mb", |b| {
        b.iter(|| pulldown_cmark::Parser::new_ext(black_box(text), options).count())
    });
    group.throughput(Throughput::Bytes(plain.len() as u64));
    group.bench_function("plain_text_10mb", |b| {
        b.iter(|| load_bytes(black_box(&plain), Format::PlainText, "bench.txt"))
    });
    let real = real_text_brief();
    group.throughput(Throughput::Bytes(real.len() as u64));
    group.bench_function("real_briefs_text_10mb", |b| {
        b.iter(|| load_bytes(black_box(&real), Format::PlainText, "real.txt"))
    });
    group.finish();

    // `gloss search` finds the lines of a brief with hits (and `--at LINE`
    // the block of a line) by looking each block up in the file again.
    let mut group = c.benchmark_group("source_lines");
    group.sample_size(10);
    for (name, bytes, format) in [
        ("plain_text_10mb", &plain, Format::PlainText),
        ("markdown_10mb", &markdown, Format::Markdown),
    ] {
        let brief = load_bytes(bytes, format, "bench").unwrap();
        let source = decode(bytes).unwrap().text;
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| SourceLines::new(black_box(&brief), black_box(&source)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
