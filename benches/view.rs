//! Switching the view script on a 10 MB Traditional brief: the time from
//! the `c` action to a drawn frame at 120×40. Printed once: the very first
//! switch of the process, which also loads the dictionaries (the reader
//! loads them on a background thread at start, so a user rarely sees it).
//! Measured by criterion: later switches to a script nothing is cached in,
//! and a switch back to the original.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use gloss::app::{Action, App, ViewScript};
use gloss::brief::{Brief, Meta, Paragraph, ParagraphKind, Section};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SEED: &str = include_str!("../briefs/prospect-forum-us-china-after-beijing-summit.txt");

/// Copies of the seed brief's paragraphs, one copy a section, up to 10 MB.
fn brief_10mb() -> Brief {
    let pieces: Vec<String> = SEED
        .split("\n\n")
        .map(|p| p.trim().replace('\n', ""))
        .filter(|p| !p.is_empty())
        .collect();
    let mut sections = Vec::new();
    let mut total = 0;
    while total < 10_000_000 {
        total += pieces.iter().map(String::len).sum::<usize>();
        sections.push(Section {
            id: format!("s{}", sections.len()),
            level: 1,
            title: Some(format!("第 {} 節 臺灣議題", sections.len() + 1)),
            paragraphs: pieces
                .iter()
                .map(|p| Paragraph::plain(ParagraphKind::Text, p.as_str()))
                .collect(),
        });
    }
    Brief {
        meta: Meta {
            title: Some("川習北京峰會後的美中外交動向".into()),
            encoding: "UTF-8".into(),
            ..Meta::default()
        },
        sections,
        ..Brief::default()
    }
}

fn reader() -> (App, Terminal<TestBackend>) {
    let mut app = App::new(brief_10mb());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| gloss::ui::draw(f, &mut app)).unwrap();
    (app, terminal)
}

fn draw(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    terminal.draw(|f| gloss::ui::draw(f, app)).unwrap();
}

/// The first switch of the process: dictionaries, script detection,
/// converter and the screen's blocks, all cold.
fn first_switch() {
    let (mut app, mut terminal) = reader();
    app.apply(Action::Bottom);
    draw(&mut app, &mut terminal);
    let start = Instant::now();
    app.apply(Action::CycleView);
    draw(&mut app, &mut terminal);
    let spent = start.elapsed();
    assert_eq!(app.view.script(), ViewScript::Simplified);
    println!("view_switch_10MB/first_of_process (dictionaries cold): {spent:.2?}");
    // A second reader: its first switch still detects the script and
    // builds its converter, but the dictionaries are loaded, as they are
    // once the reader's background warm-up has finished.
    let (mut app, mut terminal) = reader();
    app.apply(Action::Bottom);
    draw(&mut app, &mut terminal);
    let start = Instant::now();
    app.apply(Action::CycleView);
    draw(&mut app, &mut terminal);
    let spent = start.elapsed();
    println!("view_switch_10MB/first_of_reader (dictionaries warm): {spent:.2?}");
}

fn switching(c: &mut Criterion) {
    let (mut app, mut terminal) = reader();
    let sections = app.doc.entries.len();
    let mut group = c.benchmark_group("view_switch_10MB_120x40");
    let mut section = 0;
    // A new place each time and nothing converted: what a user sees when
    // pressing `c` anywhere in the brief.
    group.bench_function("to_simplified_cold_blocks", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                section = (section + 97) % sections;
                app.set_view_script(ViewScript::Original);
                app.view.forget();
                app.apply(Action::Top);
                for _ in 0..section.min(40) {
                    app.apply(Action::NextSection);
                }
                draw(&mut app, &mut terminal);
                let start = Instant::now();
                app.apply(Action::CycleView);
                draw(&mut app, &mut terminal);
                spent += start.elapsed();
            }
            spent
        })
    });
    group.bench_function("to_taiwan_cold_blocks", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                app.set_view_script(ViewScript::Simplified);
                app.view.forget();
                draw(&mut app, &mut terminal);
                let start = Instant::now();
                app.apply(Action::CycleView);
                draw(&mut app, &mut terminal);
                spent += start.elapsed();
            }
            spent
        })
    });
    group.bench_function("back_to_original", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                app.set_view_script(ViewScript::Taiwan);
                draw(&mut app, &mut terminal);
                let start = Instant::now();
                app.apply(Action::CycleView);
                draw(&mut app, &mut terminal);
                spent += start.elapsed();
            }
            spent
        })
    });
    group.bench_function("compare_view_frame", |b| {
        app.set_view_script(ViewScript::Original);
        app.apply(Action::ToggleCompare);
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                app.view.forget();
                app.apply(Action::PageDown);
                let start = Instant::now();
                draw(&mut app, &mut terminal);
                spent += start.elapsed();
            }
            spent
        })
    });
    group.finish();
}

criterion_group!(benches, switching);

fn main() {
    first_switch();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
