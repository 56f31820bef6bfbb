//! Issue 20, item 6: a teammate's store with a great many notes on one
//! paragraph. The reader lays out a bounded number of them under the
//! paragraph, and the JSON exports are written as they are serialised,
//! never held whole as JSON.

#[path = "support/heap_peak.rs"]
mod heap_peak;

#[global_allocator]
static HEAP: heap_peak::Counting = heap_peak::Counting;

use std::path::{Path, PathBuf};

use gloss::app::App;
use gloss::brief;
use gloss::notes::DataDir;
use gloss::notes::export::{JsonExport, W3cExport, to_json};
use gloss::notes::listing::{Filter, gather_one};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use tempfile::TempDir;

const BRIEF: &str = "# 美中關係\n\n第一段：兩國元首作為掌舵人，應當把握好方向。\n\n\
第二段 second paragraph about APEC and G20.\n";

struct Fixture {
    dir: TempDir,
    file: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = TempDir::new().unwrap();
        let file = dir.path().join("brief.md");
        std::fs::write(&file, BRIEF).unwrap();
        Fixture { dir, file }
    }

    fn data(&self) -> DataDir {
        DataDir::at(self.dir.path().join("data")).with_author("me")
    }

    fn open(&self) -> App {
        let mut app = App::new(brief::load_path(&self.file).unwrap());
        app.resize(Rect::new(0, 0, 80, 24));
        app.open_notes(Ok(self.data()), &self.file);
        app
    }

    /// Writes one note of this writer on the first paragraph, then a
    /// teammate's file beside it holding `count` notes on that paragraph.
    fn with_teammate_notes(&self, count: usize) -> PathBuf {
        let brief = brief::load_path(&self.file).unwrap();
        let mut notes = gloss::notes::BriefNotes::open(&self.data(), &self.file, &brief).unwrap();
        let first = brief.paragraphs().next().unwrap().id.clone();
        notes.add(&first, "mine", vec![]).unwrap();
        notes.save().unwrap();
        let own = notes.store().path().to_path_buf();
        write_teammate(&own, count);
        own
    }
}

/// A teammate's store beside `own`: `count` copies of its first note.
fn write_teammate(own: &Path, count: usize) {
    let mine: serde_json::Value = serde_json::from_slice(&std::fs::read(own).unwrap()).unwrap();
    let template = mine["notes"][0].clone();
    let notes: Vec<serde_json::Value> = (0..count)
        .map(|i| {
            let mut n = template.clone();
            n["id"] = format!("00000000-0000-4000-8000-{i:012}").into();
            n["text"] = format!("mallory's note {i}").into();
            n
        })
        .collect();
    let file = serde_json::json!({
        "schema": 1,
        "brief": mine["brief"],
        "contexts": mine["contexts"],
        "notes": notes,
    });
    std::fs::write(
        own.with_file_name("mallory-0000.json"),
        serde_json::to_vec(&file).unwrap(),
    )
    .unwrap();
}

/// #6: 20,000 notes on one paragraph lay out a bounded number of lines
/// under it (120,000 froze the reader for 16 s), the rest counted on one
/// line; a frame draws, and the notes pane still lists them all.
#[test]
fn a_paragraph_with_twenty_thousand_notes_lays_out_a_bounded_few() {
    let _alone = heap_peak::alone();
    let f = Fixture::new();
    f.with_teammate_notes(20_000);
    let mut app = f.open();
    let block = app.notes.cursor;
    let lines = app.lines(block);
    assert!(
        lines.len() < 300,
        "{} lines laid out under one paragraph",
        lines.len()
    );
    assert_eq!(
        app.notes.notes_on(app.paragraph_id(block)).len(),
        20_001,
        "every note is still there"
    );
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|fr| gloss::ui::draw(fr, &mut app)).unwrap();
    // The last note line says how many more there are.
    app.apply(gloss::app::Action::Bottom);
    terminal.draw(|fr| gloss::ui::draw(fr, &mut app)).unwrap();
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(screen.contains("19801 more notes"), "{screen}");
}

/// #6: the JSON and W3C exports of 20,000 notes are written as they are
/// serialised: the export holds a fraction of what the JSON weighs (it
/// held the whole as a JSON value and then as text, 1.7 GB for a 44 MB
/// store), and says the same as the value it used to build.
#[test]
fn exports_of_many_notes_are_streamed() {
    let _alone = heap_peak::alone();
    let f = Fixture::new();
    let own = f.with_teammate_notes(20_000);
    let store_bytes = std::fs::metadata(own.with_file_name("mallory-0000.json"))
        .unwrap()
        .len() as usize;
    let gathered = gather_one(&f.data(), &f.file, &Filter::default()).unwrap();
    assert_eq!(gathered.briefs[0].items.len(), 20_001);
    for format in ["json", "w3c"] {
        let mut written = 0usize;
        let (peak, ()) = heap_peak::peak_extra(|| {
            let mut sink = Counter(&mut written);
            match format {
                "json" => serde_json::to_writer_pretty(&mut sink, &JsonExport(&gathered.briefs)),
                _ => serde_json::to_writer_pretty(&mut sink, &W3cExport(&gathered.briefs)),
            }
            .unwrap();
        });
        assert!(written > store_bytes, "{format}: {written} bytes written");
        assert!(
            peak < store_bytes / 4,
            "{format}: the export held {peak} bytes at once for {written} written"
        );
    }
    let streamed = serde_json::to_string_pretty(&JsonExport(&gathered.briefs)).unwrap();
    let value = serde_json::to_string_pretty(&to_json(&gathered.briefs)).unwrap();
    assert_eq!(streamed, value);
}

/// A writer that only counts bytes.
struct Counter<'a>(&'a mut usize);

impl std::io::Write for Counter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        *self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
