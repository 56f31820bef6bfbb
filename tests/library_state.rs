//! Picking up where you left off, without a terminal: marks set, jumped to
//! and kept across a save and a new reader; theme cycling; the library's
//! notes counts, tags and last readings from the data folder.

use std::path::Path;

use gloss::app::{Action, App};
use gloss::commands::reading::use_theme;
use gloss::config::Settings;
use gloss::library::{BriefState, StateDir, scan};
use gloss::notes::{BriefNotes, DataDir};
use gloss::theme::{Strictness, ThemeCatalog};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SEED: &str = "briefs/prospect-forum-us-china-after-beijing-summit.txt";

fn seed_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)
}

fn seed() -> App {
    App::new(gloss::brief::load_path(&seed_path()).unwrap())
}

fn draw(app: &mut App) {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| gloss::ui::draw(f, app)).unwrap();
}

fn status_row(app: &mut App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| gloss::ui::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer();
    (0..100).map(|x| buf[(x, 29)].symbol()).collect()
}

#[test]
fn marks_are_set_jumped_to_and_kept() {
    let mut app = seed();
    draw(&mut app);
    app.apply(Action::NextSection);
    app.apply(Action::NextSection);
    let marked = app.top.block;
    assert!(marked > 0);
    app.apply(Action::SetMark);
    app.apply(Action::MarkLetter('a'));
    assert!(status_row(&mut app).contains("mark a set"));
    app.apply(Action::Bottom);
    assert_ne!(app.top.block, marked);
    app.apply(Action::JumpToMark);
    app.apply(Action::MarkLetter('a'));
    assert_eq!(app.top.block, marked);
    assert_eq!(app.top.line, 0);

    // A mark that was never set says so and does not move.
    app.apply(Action::Top);
    app.apply(Action::JumpToMark);
    app.apply(Action::MarkLetter('z'));
    assert_eq!(app.top.block, 0);
    assert!(status_row(&mut app).contains("no mark z"));
    // Only letters name marks.
    app.apply(Action::SetMark);
    app.apply(Action::MarkLetter('1'));
    assert!(!app.resume.marks.contains_key(&'1'));

    // Saved and restored in a new reader: the marks and the place.
    // Mid-paragraph: the same line comes back, not only the paragraph.
    // Two pages down is in the body's long paragraphs, past the byline.
    app.apply(Action::PageDown);
    app.apply(Action::PageDown);
    app.apply(Action::Down);
    let place = app.top;
    assert!(place.line > 0, "{place:?}");
    let data = tempfile::tempdir().unwrap();
    let states = StateDir::new(DataDir::at(data.path().to_path_buf()));
    let key = states.key_for(&seed_path(), &app.doc.brief).unwrap();
    let mut state = BriefState::default();
    app.save_state(&mut state);
    states.save(&key, &state).unwrap();

    let mut again = seed();
    let key_again = states.key_for(&seed_path(), &again.doc.brief).unwrap();
    assert_eq!(key_again, key);
    again.restore_state(&states.load(&key_again));
    draw(&mut again);
    assert_eq!(again.top, place);
    again.apply(Action::JumpToMark);
    again.apply(Action::MarkLetter('a'));
    assert_eq!(again.top.block, marked);
}

#[test]
fn marks_follow_their_paragraph_when_the_brief_changes_above_it() {
    let mut app = seed();
    draw(&mut app);
    app.apply(Action::NextSection);
    app.apply(Action::NextSection);
    let text = app.doc.text(app.top.block).to_string();
    app.apply(Action::SetMark);
    app.apply(Action::MarkLetter('b'));
    let mut state = BriefState::default();
    app.save_state(&mut state);

    // A paragraph inserted at the start shifts every block by one or more.
    let original = std::fs::read_to_string(seed_path()).unwrap();
    let edited = format!("編者按：本文為新增的段落，放在最前面。\n\n{original}");
    let brief = gloss::brief::load_bytes(
        edited.as_bytes(),
        gloss::brief::load::Format::PlainText,
        "x",
    )
    .unwrap();
    let mut changed = App::new(brief);
    changed.restore_state(&state);
    draw(&mut changed);
    changed.apply(Action::JumpToMark);
    changed.apply(Action::MarkLetter('b'));
    assert_eq!(changed.doc.text(changed.top.block), text);
}

#[test]
fn t_cycles_through_every_theme_and_back() {
    let config = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(config.path().join("themes")).unwrap();
    std::fs::write(
        config.path().join("themes/paper.toml"),
        "inherit = \"light\"\nbody = { fg = \"#3b3024\" }\n",
    )
    .unwrap();
    let settings = Settings {
        config_dir: Some(gloss::config::Sourced {
            value: config.path().to_path_buf(),
            source: gloss::config::Source::Default,
        }),
        ..Settings::default()
    };
    let catalog = ThemeCatalog::new(Some(config.path()));
    let names: Vec<String> = catalog.entries().into_iter().map(|e| e.name).collect();
    assert!(names.contains(&"paper".to_string()));

    let mut app = seed();
    assert!(use_theme(&mut app, &settings, None, None).is_empty());
    let start = app.resume.theme_name.clone();
    let mut seen = vec![start.clone()];
    for _ in 1..names.len() {
        app.apply(Action::CycleTheme);
        let name = app.resume.theme_name.clone();
        let (expected, _) = catalog.load(&name, Strictness::Lenient).unwrap();
        assert_eq!(app.theme, expected, "theme {name}");
        assert!(status_row(&mut app).contains(&format!("theme: {name}")));
        seen.push(name);
    }
    seen.sort();
    let mut all = names.clone();
    all.sort();
    assert_eq!(seen, all);
    app.apply(Action::CycleTheme);
    assert_eq!(app.resume.theme_name, start);
    assert!(app.resume.theme_picked);

    // The picked theme is what the brief's state remembers.
    let mut state = BriefState::default();
    app.save_state(&mut state);
    assert_eq!(state.theme.as_deref(), Some(start.as_str()));
    // And it wins over the default when the brief opens again.
    let mut again = seed();
    use_theme(&mut again, &settings, Some("paper"), Some("dark"));
    assert_eq!(again.resume.theme_name, "paper");
    assert_eq!(
        again.theme,
        catalog.load("paper", Strictness::Lenient).unwrap().0
    );
}

#[test]
fn the_library_counts_notes_and_shows_the_last_reading() {
    let docs = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let brief_path = docs.path().join("seed.txt");
    std::fs::copy(seed_path(), &brief_path).unwrap();
    std::fs::write(docs.path().join("other.md"), "# Other\n\ntext\n").unwrap();
    let data_dir = DataDir::at(data.path().to_path_buf());
    let brief = gloss::brief::load_path(&brief_path).unwrap();
    let mut notes = BriefNotes::open(&data_dir, &brief_path, &brief).unwrap();
    let para = brief.paragraphs().nth(2).unwrap().id.clone();
    notes.add(&para, "one", vec!["外交".into()]).unwrap();
    let deleted = notes.add(&para, "two", vec!["G2".into()]).unwrap();
    notes.add(&para, "three", vec!["外交".into()]).unwrap();
    notes.delete(&deleted).unwrap();
    notes.save().unwrap();

    let states = StateDir::new(data_dir);
    let key = states.key_for(&brief_path, &brief).unwrap();
    let read_at: jiff::Timestamp = "2026-03-04T05:06:07Z".parse().unwrap();
    let state = BriefState {
        last_read: Some(read_at),
        ..BriefState::default()
    };
    states.save(&key, &state).unwrap();

    let entries = scan(docs.path(), Some(&states)).unwrap();
    let seed = entries.iter().find(|e| e.name == "seed.txt").unwrap();
    assert_eq!(seed.notes, 2);
    assert_eq!(seed.tags, ["外交"]);
    assert_eq!(seed.last_read, Some(read_at));
    let other = entries.iter().find(|e| e.name == "other.md").unwrap();
    assert_eq!((other.notes, other.last_read), (0, None));
}

/// Notes on `path` (one, tagged) and a last reading; returns that time.
fn note_on(data_dir: &DataDir, path: &Path) -> jiff::Timestamp {
    let brief = gloss::brief::load_path(path).unwrap();
    let mut notes = BriefNotes::open(data_dir, path, &brief).unwrap();
    let para = brief.paragraphs().nth(2).unwrap().id.clone();
    notes.add(&para, "one", vec!["外交".into()]).unwrap();
    notes.save().unwrap();
    let states = StateDir::new(data_dir.clone());
    let key = states.key_for(path, &brief).unwrap();
    let read_at: jiff::Timestamp = "2026-03-04T05:06:07Z".parse().unwrap();
    let state = BriefState {
        last_read: Some(read_at),
        ..BriefState::default()
    };
    states.save(&key, &state).unwrap();
    read_at
}

#[test]
fn the_library_finds_the_notes_of_a_brief_moved_or_copied() {
    let docs = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let data_dir = DataDir::at(data.path().to_path_buf());
    let first = docs.path().join("first.txt");
    std::fs::copy(seed_path(), &first).unwrap();
    let read_at = note_on(&data_dir, &first);
    // The seed is far longer than the part of a file the library reads for
    // the list, so its hash alone cannot be compared.
    let size = std::fs::metadata(&first).unwrap().len();
    assert!(size > gloss::library::scan::PREFIX_BYTES as u64);

    let moved = docs.path().join("sub/moved.txt");
    std::fs::create_dir(docs.path().join("sub")).unwrap();
    std::fs::rename(&first, &moved).unwrap();
    let copied = docs.path().join("copy.txt");
    std::fs::copy(&moved, &copied).unwrap();

    let states = StateDir::new(data_dir);
    let entries = scan(docs.path(), Some(&states)).unwrap();
    for name in ["sub/moved.txt", "copy.txt"] {
        let entry = entries.iter().find(|e| e.name == name).unwrap();
        assert_eq!((entry.notes, entry.last_read), (1, Some(read_at)), "{name}");
        assert_eq!(entry.tags, ["外交"], "{name}");
    }
    // The next listing finds them by path, as the reader recorded them.
    let index = std::fs::read_to_string(data.path().join("index.json")).unwrap();
    assert!(
        index.contains("moved.txt") && index.contains("copy.txt"),
        "{index}"
    );
}
