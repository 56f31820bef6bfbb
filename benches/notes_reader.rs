//! Notes in the reader with 10,000 notes on one brief: one frame at 120×40
//! after moving the paragraph cursor, and one note added with keys (editor,
//! Ctrl-S, the save to disk and the re-layout).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gloss::app::{Action, App};
use gloss::brief;
use gloss::notes::{BriefNotes, DataDir};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const SEED: &str = include_str!("../briefs/prospect-forum-us-china-after-beijing-summit.txt");
const NOTES: usize = 10_000;

/// The seed's paragraphs fifteen times over (about 300 paragraphs), with
/// 10,000 notes spread over them, in a fresh data folder.
fn setup(dir: &Path) -> (std::path::PathBuf, DataDir) {
    let pieces: Vec<&str> = SEED
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    let mut text = String::new();
    for round in 0..15 {
        for p in &pieces {
            text.push_str(&format!("{}（{round}）\n\n", p.trim()));
        }
    }
    let file = dir.join("brief.txt");
    std::fs::write(&file, text).unwrap();
    let data = DataDir::at(dir.join("data"));
    let loaded = brief::load_path(&file).unwrap();
    let mut notes = BriefNotes::open(&data, &file, &loaded).unwrap();
    let ids: Vec<String> = loaded.paragraphs().map(|p| p.id.clone()).collect();
    for n in 0..NOTES {
        let tags = vec![format!("tag{}", n % 40)];
        notes
            .add(&ids[n % ids.len()], &format!("筆記 {n} note text"), tags)
            .unwrap();
    }
    notes.save().unwrap();
    (file, data)
}

fn open(file: &Path, data: &DataDir) -> App {
    let mut app = App::new(brief::load_path(file).unwrap());
    app.resize(Rect::new(0, 0, 120, 40));
    app.open_notes(Ok(data.clone()), file);
    app
}

fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(action) = app.key_action(&KeyEvent::new(code, modifiers)) {
        app.apply(action);
    }
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::TempDir::new().unwrap();
    let (file, data) = setup(dir.path());
    let mut group = c.benchmark_group("reader_10k_notes");
    group.sample_size(20);

    let mut app = open(&file, &data);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    group.bench_function("frame_after_cursor_move", |b| {
        b.iter(|| {
            app.apply(Action::CursorDown);
            if app.notes.cursor + 3 >= app.doc.blocks.len() {
                app.apply(Action::Top);
            }
            terminal.draw(|f| gloss::ui::draw(f, &mut app)).unwrap();
            black_box(terminal.backend().buffer().area);
        })
    });

    group.bench_function("add_note_with_keys_and_save", |b| {
        b.iter(|| {
            press(&mut app, KeyCode::Char('a'), KeyModifiers::NONE);
            press(&mut app, KeyCode::Char('記'), KeyModifiers::NONE);
            press(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
            assert!(!app.notes.has_unsaved());
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
