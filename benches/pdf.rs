//! Reading a 300-page PDF report (issue 10: under 3 s with progress, peak
//! memory under 10× the file): extraction, the structure stage and ids,
//! as `gloss outline` and the reader do it. The PDF is written here, in
//! the standard 14 fonts: a heading every third page, 40 lines of body, a
//! footnote and a page number on each page. The peak heap of one reading
//! is printed before the timings.
//!
//! Real PDFs carry embedded fonts and compressed streams, so their bytes
//! say less about their text; the README also gives the peak RSS of the
//! whole process on a real 308-page report.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::brief::load::load_pdf;
use heap::{peak_extra, report_peak};

#[path = "support/heap.rs"]
mod heap;

#[path = "../tests/support/pdf_doc.rs"]
mod pdf_doc;

#[global_allocator]
static ALLOCATOR: heap::Counting = heap::Counting;

const PAGES: usize = 300;

const BODY: &str = "Export controls on advanced chips were tightened again in the year, and";

fn report() -> Vec<u8> {
    let pages: Vec<String> = (1..=PAGES)
        .map(|n| {
            let mut page = String::new();
            let mut y = 720;
            if n % 3 == 1 {
                page += &pdf_doc::text(
                    "F2",
                    14,
                    72,
                    y,
                    &format!("{}. Findings of part {}", n / 3 + 1, n),
                );
                y -= 28;
            }
            for line in 0..40 {
                let mark = if line == 20 { " 1" } else { "" };
                page += &pdf_doc::text("F1", 10, 72, y, &format!("{BODY} line {line}{mark}"));
                y -= 14;
            }
            page += &pdf_doc::text(
                "F1",
                7,
                72,
                60,
                &format!("{n} A footnote that gives the source of page {n}."),
            );
            page += &pdf_doc::text("F1", 9, 300, 40, &n.to_string());
            page
        })
        .collect();
    pdf_doc::pdf(&pages)
}

fn bench_pdf(c: &mut Criterion) {
    let bytes = report();
    report_peak(
        "300-page PDF",
        &bytes,
        peak_extra(|| load_pdf(bytes.as_slice(), "report.pdf", None)),
    );
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("report_300_pages", |b| {
        b.iter(|| load_pdf(black_box(bytes.as_slice()), "report.pdf", None))
    });
    group.finish();
}

criterion_group!(benches, bench_pdf);
criterion_main!(benches);
