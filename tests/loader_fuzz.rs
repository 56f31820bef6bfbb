//! Fuzzing the loaders, the store reader and the output sanitiser with
//! many generated inputs: sample briefs and a store mutated byte by byte,
//! and arbitrary bytes. Nothing may panic, and the sanitiser's output never
//! holds a control character. PDFs nested at random depths never overflow
//! the stack; PDFs whose pages share streams that inflate a thousandfold
//! hold each about once; PDFs cut anywhere read what is there or give one
//! line of error.
//!
//! `cargo test` runs a few cases; CI runs many for a bounded time:
//! `GLOSS_FUZZ_CASES=1000000 GLOSS_FUZZ_SECONDS=120 cargo test --release --test loader_fuzz`.

use std::time::{Duration, Instant};

use gloss::brief::load::Format;
use gloss::brief::load_bytes;
use gloss::notes::store::parse_store;
use gloss::output::{json_safe, visible, visible_line};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

#[path = "support/heap_peak.rs"]
mod heap_peak;

#[global_allocator]
static HEAP: heap_peak::Counting = heap_peak::Counting;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The start of every sample brief, and a small store, to mutate.
fn seeds() -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/briefs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let mut b = std::fs::read(p).unwrap();
            b.truncate(6000);
            b
        })
        .collect();
    seeds.push(
        br#"{"schema":1,"brief":{"key":"k","paths":["/tmp/x.md"]},"contexts":[{"fingerprint":"p1","paragraph":"p1","quote":"q"}],"notes":[{"id":"a","anchor":{"context":0},"text":"t","tags":["x"],"created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z"}]}"#
            .to_vec(),
    );
    seeds
}

/// One byte-level change: overwrite, insert, delete or cut.
#[derive(Debug, Clone)]
enum Mutation {
    Set(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<usize>(), 1..64usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Set(i, b) if !bytes.is_empty() => bytes[i % len] = *b,
            Mutation::Insert(i, b) => {
                let at = i % (bytes.len() + 1);
                bytes.splice(at..at, b.iter().copied());
            }
            Mutation::Delete(i, n) if !bytes.is_empty() => {
                let at = i % len;
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
            Mutation::Truncate(i) => bytes.truncate(i % (bytes.len() + 1)),
            _ => {}
        }
    }
    bytes
}

fn check(bytes: &[u8]) {
    for format in [Format::Markdown, Format::PlainText] {
        let _ = load_bytes(bytes, format, "fuzz");
    }
    let _ = parse_store(bytes);
    let text = String::from_utf8_lossy(bytes);
    assert!(
        !visible(&text)
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
    );
    assert!(!visible_line(&text).chars().any(char::is_control));
    let json = serde_json::to_string(&text).unwrap();
    let safe = json_safe(&json);
    assert!(!safe.chars().any(char::is_control));
    assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), text);
}

#[test]
fn loaders_store_reader_and_sanitiser_survive_fuzzing() {
    let cases = env_number("GLOSS_FUZZ_CASES", 64);
    let budget = Duration::from_secs(env_number("GLOSS_FUZZ_SECONDS", 600));
    let started = Instant::now();
    let seeds = seeds();
    let input = prop_oneof![
        (0..seeds.len(), prop::collection::vec(mutation(), 0..12))
            .prop_map(move |(i, m)| apply(seeds[i].clone(), &m)),
        prop::collection::vec(any::<u8>(), 0..4096),
    ];
    let config = Config {
        cases: u32::try_from(cases).unwrap_or(u32::MAX),
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let ran = std::cell::Cell::new(0u64);
    runner
        .run(&input, |bytes| {
            // Past the time budget the remaining cases pass at once.
            if started.elapsed() < budget {
                check(&bytes);
                ran.set(ran.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    eprintln!(
        "loader_fuzz: {} inputs in {:?}",
        ran.get(),
        started.elapsed()
    );
    assert!(ran.get() > 0);
}

// Only some of the PDF builders are needed here.
#[allow(dead_code)]
#[path = "support/pdf_doc.rs"]
mod pdf_doc;

/// How a generated PDF nests: what, and how deep.
#[derive(Debug, Clone, Copy)]
enum Nesting {
    Array(usize),
    Dictionary(usize),
    PageTree(usize),
    /// Arrays inside a compressed object stream.
    ObjectStream(usize),
}

impl Nesting {
    fn depth(self) -> usize {
        match self {
            Nesting::Array(d)
            | Nesting::Dictionary(d)
            | Nesting::PageTree(d)
            | Nesting::ObjectStream(d) => d,
        }
    }
}

/// A one-page PDF showing "Fuzzed text." whose structure nests as `n` says.
fn nested_pdf(n: Nesting) -> Vec<u8> {
    use std::io::Write;
    let content = pdf_doc::text("F1", 10, 72, 700, "Fuzzed text.");
    let stream = format!(
        "<< /Length {} >>\nstream\n{content}\nendstream",
        content.len() + 1
    );
    let page = |extra: &str| {
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
             /Resources << /Font << /F1 5 0 R >> >> {extra} >>"
        )
    };
    let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string();
    let catalog = "<< /Type /Catalog /Pages 2 0 R >>".to_string();
    let tree = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string();
    let mut objects: Vec<Vec<u8>> = match n {
        Nesting::Array(d) => {
            let junk = format!("/Junk {}0{}", "[".repeat(d), "]".repeat(d));
            vec![catalog, tree, page(&junk), stream, font]
        }
        Nesting::Dictionary(d) => {
            let junk = format!("/Junk {}0{}", "<< /A ".repeat(d), " >>".repeat(d));
            vec![catalog, tree, page(&junk), stream, font]
        }
        Nesting::PageTree(d) => {
            let mut objects = vec![
                "<< /Type /Catalog /Pages 6 0 R >>".to_string(),
                tree,
                page(""),
                stream,
                font,
            ];
            for k in 0..d {
                let kid = if k + 1 == d { 3 } else { 6 + k + 1 };
                objects.push(format!("<< /Type /Pages /Kids [{kid} 0 R] /Count 1 >>"));
            }
            objects
        }
        Nesting::ObjectStream(_) => vec![catalog, tree, page("/Junk 7 0 R"), stream, font],
    }
    .into_iter()
    .map(String::into_bytes)
    .collect();
    if let Nesting::ObjectStream(d) = n {
        let plain = format!("7 0 {}0{}", "[".repeat(d), "]".repeat(d));
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(plain.as_bytes()).unwrap();
        let body = z.finish().unwrap();
        let mut object = format!(
            "<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {} >>\nstream\n",
            body.len()
        )
        .into_bytes();
        object.extend_from_slice(&body);
        object.extend_from_slice(b"\nendstream");
        objects.push(object);
    }
    let bodies: Vec<&[u8]> = objects.iter().map(Vec::as_slice).collect();
    pdf_doc::raw_pdf(&bodies)
}

/// Issue 20 #1: PDFs nested at random depths, up to 50,000, as arrays,
/// dictionaries, page trees and arrays inside object streams. A stack
/// overflow would abort this test; a shallow file reads, a deep one is one
/// error that says it nests too deep.
#[test]
fn pdfs_nested_at_random_depths_never_overflow_the_stack() {
    let cases = env_number("GLOSS_FUZZ_CASES", 48).min(2_000);
    let depth = || prop_oneof![1..50usize, 200..50_000usize];
    let nesting = prop_oneof![
        depth().prop_map(Nesting::Array),
        depth().prop_map(Nesting::Dictionary),
        depth().prop_map(Nesting::PageTree),
        depth().prop_map(Nesting::ObjectStream),
    ];
    let config = Config {
        cases: u32::try_from(cases).unwrap_or(u32::MAX),
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new(config)
        .run(&nesting, |n| {
            let read = gloss::brief::load::load_pdf(nested_pdf(n), "nested.pdf", None);
            match read {
                Ok(brief) => prop_assert!(
                    n.depth() < 50 && brief.paragraphs().any(|p| p.text().contains("Fuzzed")),
                    "{n:?} read"
                ),
                Err(e) => prop_assert!(
                    n.depth() >= 200 && e.to_string().contains("deep"),
                    "{n:?}: {e}"
                ),
            }
            Ok(())
        })
        .unwrap();
}

/// A Flate stream object that inflates to `size` bytes: spaces, then one
/// line of text naming `name`. A few KB on disk.
fn bomb_stream(size: usize, name: usize) -> Vec<u8> {
    use std::io::Write;
    let mut content = vec![b' '; size];
    content
        .extend_from_slice(pdf_doc::text("F1", 10, 72, 700, &format!("Stream {name}.")).as_bytes());
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&content).unwrap();
    let packed = z.finish().unwrap();
    let mut object = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        packed.len()
    )
    .into_bytes();
    object.extend_from_slice(&packed);
    object.extend_from_slice(b"\nendstream");
    object
}

/// How pages share streams: each of `streams` inflates to `size` bytes,
/// and page `k` lists the streams `pages[k]` names (as one reference when
/// it names one, else as an array).
#[derive(Debug, Clone)]
struct Shared {
    size: usize,
    streams: usize,
    pages: Vec<Vec<usize>>,
}

fn shared_pdf(shape: &Shared) -> Vec<u8> {
    let first_page = 4 + shape.streams;
    let kids: Vec<String> = (0..shape.pages.len())
        .map(|k| format!("{} 0 R", first_page + k))
        .collect();
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            shape.pages.len()
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    objects.extend((0..shape.streams).map(|i| bomb_stream(shape.size, i)));
    for listed in &shape.pages {
        let refs: Vec<String> = listed.iter().map(|s| format!("{} 0 R", 4 + s)).collect();
        let contents = match refs.as_slice() {
            [one] => one.clone(),
            _ => format!("[{}]", refs.join(" ")),
        };
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {contents} \
                 /Resources << /Font << /F1 3 0 R >> >> >>"
            )
            .into_bytes(),
        );
    }
    let bodies: Vec<&[u8]> = objects.iter().map(Vec::as_slice).collect();
    pdf_doc::raw_pdf(&bodies)
}

/// Issue 20 #3: pages sharing streams that inflate a thousandfold, in any
/// arrangement. Each distinct stream is held about once, however many
/// pages list it (each page held its own copy: 100 MB listed by 200 pages
/// went past 6 GB), and the read ends with the text or one line of error.
#[test]
fn pdfs_sharing_inflating_streams_hold_each_about_once() {
    let cases = env_number("GLOSS_FUZZ_CASES", 12).min(400);
    let budget = Duration::from_secs(env_number("GLOSS_FUZZ_SECONDS", 600));
    let started = Instant::now();
    let shape =
        (1usize..4, 1usize..40, 1usize..(2 << 20)).prop_flat_map(|(streams, pages, size)| {
            let listed = prop::collection::vec(0..streams, 1..3);
            prop::collection::vec(listed, pages).prop_map(move |pages| Shared {
                size,
                streams,
                pages,
            })
        });
    let config = Config {
        cases: u32::try_from(cases).unwrap_or(u32::MAX),
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new(config)
        .run(&shape, |shape| {
            if started.elapsed() >= budget {
                return Ok(());
            }
            let bytes = shared_pdf(&shape);
            let _alone = heap_peak::alone();
            let (peak, read) =
                heap_peak::peak_extra(|| gloss::brief::load::load_pdf(bytes, "shared.pdf", None));
            // Each distinct list of streams is decoded once (pages listing
            // the same list share it), within the document's budget; the
            // text beside it, and the other tests running, take a few MB.
            let lists: std::collections::HashSet<&Vec<usize>> = shape.pages.iter().collect();
            let decoded: usize = lists.iter().map(|l| l.len() * shape.size).sum();
            let held = decoded.min(256 << 20);
            prop_assert!(
                peak < 4 * held + (48 << 20),
                "{shape:?}: peak heap {} MB",
                peak >> 20
            );
            match read {
                Ok(brief) => prop_assert!(
                    brief.paragraphs().any(|p| p.text().contains("Stream")),
                    "{shape:?}: no text"
                ),
                Err(e) => prop_assert!(!e.to_string().contains('\n'), "{shape:?}: {e}"),
            }
            Ok(())
        })
        .unwrap();
}

/// A report of `pages` pages; with `streams_first` each page's stream
/// comes before the page object (as in many writers' files).
fn report(pages: usize, streams_first: bool) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        Vec::new(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    let mut kids = Vec::new();
    for i in 0..pages {
        let content = pdf_doc::text("F1", 10, 72, 700, &format!("Page {i} of the report."));
        let stream = format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len() + 1
        )
        .into_bytes();
        let (page_at, stream_at) = if streams_first {
            (objects.len() + 2, objects.len() + 1)
        } else {
            (objects.len() + 1, objects.len() + 2)
        };
        let page = format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {stream_at} 0 R \
             /Resources << /Font << /F1 3 0 R >> >> >>"
        )
        .into_bytes();
        if streams_first {
            objects.extend([stream, page]);
        } else {
            objects.extend([page, stream]);
        }
        kids.push(format!("{page_at} 0 R"));
    }
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {pages} >>",
        kids.join(" ")
    )
    .into_bytes();
    let bodies: Vec<&[u8]> = objects.iter().map(Vec::as_slice).collect();
    pdf_doc::raw_pdf(&bodies)
}

/// Issue 20 #5: reports of up to 1,000 pages cut at any byte, some with
/// junk after the cut. Each reads what is left, saying the file is cut
/// short, or gives one line of error; never a panic. (A 5,000-page report
/// cut in half took over 60 s: a missing page was looked for through every
/// object of the file.)
#[test]
fn pdfs_cut_anywhere_read_what_is_left_or_say_why_not() {
    let cases = env_number("GLOSS_FUZZ_CASES", 12).min(2_000);
    let budget = Duration::from_secs(env_number("GLOSS_FUZZ_SECONDS", 600));
    let started = Instant::now();
    let cut = (
        prop_oneof![1usize..20, 20usize..1_000],
        any::<bool>(),
        0.0f64..1.0,
        prop::collection::vec(any::<u8>(), 0..64),
    );
    let config = Config {
        cases: u32::try_from(cases).unwrap_or(u32::MAX),
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new(config)
        .run(&cut, |(pages, streams_first, at, junk)| {
            if started.elapsed() >= budget {
                return Ok(());
            }
            let whole = report(pages, streams_first);
            let end = ((whole.len() as f64) * at) as usize;
            let mut bytes = whole[..end.min(whole.len())].to_vec();
            bytes.extend_from_slice(&junk);
            let cut_short = !bytes.windows(5).any(|w| w == b"%%EOF");
            match gloss::brief::load::load_pdf(bytes, "cut.pdf", None) {
                Ok(brief) => {
                    prop_assert!(
                        brief
                            .paragraphs()
                            .all(|p| p.text().contains("of the report")),
                        "{pages} pages cut at {end}: text from nowhere"
                    );
                    prop_assert!(
                        !cut_short || !brief.meta.warnings.is_empty(),
                        "{pages} pages cut at {end}: read without a warning"
                    );
                }
                Err(e) => prop_assert!(
                    !e.to_string().contains('\n'),
                    "{pages} pages cut at {end}: {e}"
                ),
            }
            Ok(())
        })
        .unwrap();
}
