//! Reader speed: one frame at 120×40 after jumping to the end, on a 10 MB
//! brief and on a 10 KB one (the frame must not grow with the brief); a
//! search keystroke on 10 MB; opening 10 MB to the first frame, whole and
//! staged (its opening shown while the rest is parsed).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use gloss::app::{Action, App};
use gloss::brief::staged::{Opened, open_path};
use gloss::brief::{Brief, Meta, Paragraph, ParagraphKind, Section, load::Format};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SEED: &str = include_str!("../briefs/prospect-forum-us-china-after-beijing-summit.txt");

/// Copies of the seed brief's paragraphs, one copy a section, until the
/// text reaches `bytes`. Every size ends with the same section, so frames
/// at the end show the same text whatever the size.
fn brief_of_size(bytes: usize) -> Brief {
    let pieces: Vec<String> = SEED
        .split("\n\n")
        .map(|p| p.trim().replace('\n', ""))
        .filter(|p| !p.is_empty())
        .collect();
    let mut sections = Vec::new();
    let mut total = 0;
    while total < bytes {
        total += pieces.iter().map(String::len).sum::<usize>();
        sections.push(Section {
            id: format!("s{}", sections.len()),
            level: 1 + (sections.len() % 2) as u8,
            title: Some(format!("第 {} 節 Section", sections.len() + 1)),
            paragraphs: pieces
                .iter()
                .map(|p| Paragraph::plain(ParagraphKind::Text, p.as_str()))
                .collect(),
        });
    }
    Brief {
        meta: Meta {
            title: Some("Generated brief".into()),
            encoding: "UTF-8".into(),
            ..Meta::default()
        },
        sections,
        ..Brief::default()
    }
}

/// A Markdown brief of about `bytes` in `sections` sections of prose.
fn markdown_of_sections(bytes: usize, sections: usize) -> String {
    let paragraph = SEED.split("\n\n").nth(8).unwrap_or(SEED).replace('\n', "");
    let per_section = bytes / sections;
    let mut text = String::from("# Generated brief\n\n");
    for n in 0..sections {
        text.push_str(&format!("## Section {n}\n\n"));
        let start = text.len();
        while text.len() - start < per_section {
            text.push_str(&paragraph);
            text.push_str("\n\n");
        }
    }
    text
}

fn reader_at_end(bytes: usize) -> (App, Terminal<TestBackend>) {
    let mut app = App::new(brief_of_size(bytes));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| gloss::ui::draw(f, &mut app)).unwrap();
    app.apply(Action::Bottom);
    (app, terminal)
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_120x40_at_end");
    // The seed is 8 KB: the small brief is one copy of it.
    for (name, bytes) in [("8KB", 1), ("10MB", 10_000_000)] {
        let (mut app, mut terminal) = reader_at_end(bytes);
        group.bench_function(name, |b| {
            b.iter(|| {
                terminal.draw(|f| gloss::ui::draw(f, &mut app)).unwrap();
            })
        });
        // Every frame on a new width: nothing on screen is laid out yet.
        let mut wide = true;
        group.bench_function(format!("{name}_reflowed"), |b| {
            b.iter(|| {
                wide = !wide;
                let width = if wide { 120 } else { 119 };
                terminal.backend_mut().resize(width, 40);
                terminal.draw(|f| gloss::ui::draw(f, &mut app)).unwrap();
            })
        });
    }
    group.finish();
}

fn search(c: &mut Criterion) {
    let (mut app, _terminal) = reader_at_end(10_000_000);
    app.prepare_search();
    let mut group = c.benchmark_group("search_10MB");
    group.bench_function("first_key_full_scan", |b| {
        b.iter(|| {
            app.apply(Action::StartSearch);
            app.apply(Action::SearchInput('習'));
            black_box(app.search.matches.len())
        })
    });
    app.apply(Action::StartSearch);
    for c in "習近".chars() {
        app.apply(Action::SearchInput(c));
    }
    // The key typed is timed alone; restoring the query between keys is not.
    group.bench_function("next_key_refine", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                app.apply(Action::SearchInput('平'));
                spent += start.elapsed();
                black_box(app.search.matches.len());
                app.apply(Action::SearchBackspace);
            }
            spent
        })
    });
    group.bench_function("backspace_full_scan", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                app.apply(Action::SearchBackspace);
                spent += start.elapsed();
                black_box(app.search.matches.len());
                app.apply(Action::SearchInput('近'));
            }
            spent
        })
    });
    group.finish();
}

fn opening(c: &mut Criterion) {
    let mut text = String::new();
    while text.len() < 10_000_000 {
        text.push_str(SEED);
        text.push_str("\n\n");
    }
    let mut group = c.benchmark_group("open_10MB");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("load_to_first_frame", |b| {
        b.iter_batched(
            || Terminal::new(TestBackend::new(120, 40)).unwrap(),
            |mut terminal| {
                let brief =
                    gloss::brief::load_bytes(text.as_bytes(), Format::PlainText, "x").unwrap();
                let mut app = App::new(brief);
                terminal.draw(|f| gloss::ui::draw(f, &mut app)).unwrap();
                app
            },
            BatchSize::PerIteration,
        )
    });
    // What the reader waits for before its first frame: reading and
    // decoding the file, parsing its opening, indexing and drawing that
    // (the whole brief is parsed meanwhile on another thread).
    let dir = tempfile::tempdir().unwrap();
    let markdown = markdown_of_sections(10_000_000, 5000);
    for (name, file, body) in [
        ("txt", "brief.txt", &text),
        ("md_5000_sections", "brief.md", &markdown),
    ] {
        let path = dir.path().join(file);
        std::fs::write(&path, body).unwrap();
        group.bench_function(format!("staged_to_first_frame_{name}"), |b| {
            b.iter_batched(
                || Terminal::new(TestBackend::new(120, 40)).unwrap(),
                |mut terminal| {
                    let Ok(Opened::Staged(staged)) = open_path(&path, &mut |_| {}, &|_, _| {})
                    else {
                        panic!("a 10 MB brief is staged");
                    };
                    let mut app = App::new(staged.opening());
                    app.opening_only = true;
                    terminal.draw(|f| gloss::ui::draw(f, &mut app)).unwrap();
                    (app, staged)
                },
                BatchSize::PerIteration,
            )
        });
    }
    // The reader's own share: indexing the loaded brief and drawing.
    group.bench_function("index_and_first_frame", |b| {
        b.iter_batched(
            || {
                let brief =
                    gloss::brief::load_bytes(text.as_bytes(), Format::PlainText, "x").unwrap();
                (brief, Terminal::new(TestBackend::new(120, 40)).unwrap())
            },
            |(brief, mut terminal)| {
                let mut app = App::new(brief);
                terminal.draw(|f| gloss::ui::draw(f, &mut app)).unwrap();
                app
            },
            BatchSize::PerIteration,
        )
    });
    // The share of the loader (decode, parse, ids) in the figure above.
    group.bench_function("load_only", |b| {
        b.iter(|| gloss::brief::load_bytes(text.as_bytes(), Format::PlainText, "x").unwrap())
    });
    group.bench_function("fold_for_search", |b| {
        b.iter_batched(
            || {
                let brief =
                    gloss::brief::load_bytes(text.as_bytes(), Format::PlainText, "x").unwrap();
                App::new(brief)
            },
            |mut app| {
                app.prepare_search();
                app
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, frames, search, opening);
criterion_main!(benches);
