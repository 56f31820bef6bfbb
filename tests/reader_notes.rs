//! Notes in the reader: key sequences in, notes state and the store on disk
//! out, with the store in a temporary data folder.

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gloss::app::notes::overlay::Overlay;
use gloss::app::{Action, App};
use gloss::brief;
use gloss::notes::{AnchorStatus, BriefNotes, DataDir};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use tempfile::TempDir;

const BRIEF: &str = "# 美中關係\n\n## 外交\n\n第一段：兩國元首作為掌舵人，應當把握好方向。\n\n\
第二段 second paragraph about APEC and G20.\n\n## 經貿\n\n第三段：關稅與出口管制。\n\n\
第四段 fourth paragraph on export controls.\n";

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
        DataDir::at(self.dir.path().join("data"))
    }

    fn open(&self) -> App {
        let mut app = App::new(brief::load_path(&self.file).unwrap());
        app.resize(Rect::new(0, 0, 80, 24));
        app.open_notes(Ok(self.data()), &self.file);
        app
    }

    /// The notes as a fresh process would read them from disk.
    fn on_disk(&self) -> Vec<(String, String, Vec<String>)> {
        let brief = brief::load_path(&self.file).unwrap();
        let notes = BriefNotes::open(&self.data(), &self.file, &brief).unwrap();
        notes
            .views()
            .iter()
            .map(|v| {
                let para = v.resolution.paragraph.clone().unwrap_or_default();
                (para, v.note.text.clone(), v.note.tags.clone())
            })
            .collect()
    }
}

/// Types `keys`: each char is a key; `<Esc>`, `<Enter>`, `<Tab>`, `<BS>`,
/// `<End>`, `<Down>`, `<C-s>` name the others.
fn type_keys(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (event, len) = if c == '<' && rest.contains('>') {
            let end = rest.find('>').unwrap();
            let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
            let event = match &rest[1..end] {
                "Esc" => plain(KeyCode::Esc),
                "Enter" => plain(KeyCode::Enter),
                "Tab" => plain(KeyCode::Tab),
                "BS" => plain(KeyCode::Backspace),
                "End" => plain(KeyCode::End),
                "Down" => plain(KeyCode::Down),
                "PgDn" => plain(KeyCode::PageDown),
                "C-s" => KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
                other => panic!("unknown key name {other}"),
            };
            (event, end + 1)
        } else {
            (
                KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
                c.len_utf8(),
            )
        };
        if let Some(action) = app.key_action(&event) {
            app.apply(action);
        }
        rest = &rest[len..];
    }
}

fn cursor_text(app: &App) -> String {
    app.doc.text(app.notes.cursor).into_owned()
}

#[test]
fn the_cursor_starts_on_a_paragraph_and_j_k_move_it_by_paragraph() {
    let f = Fixture::new();
    let mut app = f.open();
    assert!(cursor_text(&app).starts_with("第一段"));
    type_keys(&mut app, "J");
    assert!(cursor_text(&app).starts_with("第二段"));
    // Headings are skipped.
    type_keys(&mut app, "J");
    assert!(cursor_text(&app).starts_with("第三段"));
    type_keys(&mut app, "KK");
    assert!(cursor_text(&app).starts_with("第一段"));
    type_keys(&mut app, "K");
    assert!(cursor_text(&app).starts_with("第一段"));
}

#[test]
fn a_adds_a_note_saved_at_once_with_cjk_and_several_lines() {
    let f = Fixture::new();
    let mut app = f.open();
    type_keys(&mut app, "Ja美中關係<Enter>第二行<C-s>");
    assert!(app.notes.overlay.is_none());
    assert!(!app.notes.has_unsaved());
    let disk = f.on_disk();
    assert_eq!(disk.len(), 1);
    assert_eq!(disk[0].1, "美中關係\n第二行");
    let para = app.cursor_paragraph().unwrap().to_string();
    assert_eq!(disk[0].0, para);
    // The note is laid out under its paragraph.
    let lines = app.lines(app.notes.cursor);
    assert!(
        lines
            .iter()
            .any(|l| matches!(l.kind, gloss::app::LineKind::Note { .. }))
    );
    type_keys(&mut app, "o");
    let lines = app.lines(app.notes.cursor);
    assert!(
        !lines
            .iter()
            .any(|l| matches!(l.kind, gloss::app::LineKind::Note { .. }))
    );
}

#[test]
fn esc_asks_before_saving_and_n_discards() {
    let f = Fixture::new();
    let mut app = f.open();
    type_keys(&mut app, "a草稿<Esc>");
    match &app.notes.overlay {
        Some(Overlay::Note(ed)) => assert!(ed.confirming),
        other => panic!("expected the editor asking, got {other:?}"),
    }
    type_keys(&mut app, "n");
    assert!(app.notes.overlay.is_none());
    assert!(f.on_disk().is_empty());
    type_keys(&mut app, "a保留<Esc>y");
    assert_eq!(f.on_disk()[0].1, "保留");
    // Esc then Esc goes back to editing.
    type_keys(&mut app, "e!<Esc><Esc>");
    assert!(matches!(&app.notes.overlay, Some(Overlay::Note(ed)) if !ed.confirming));
}

#[test]
fn e_edits_the_newest_note_and_says_when_there_are_several() {
    let f = Fixture::new();
    let mut app = f.open();
    type_keys(&mut app, "a舊<C-s>a新<C-s>");
    type_keys(&mut app, "e<End>版<C-s>");
    let texts: Vec<String> = f.on_disk().into_iter().map(|n| n.1).collect();
    assert_eq!(texts, vec!["舊", "新版"]);
    type_keys(&mut app, "e");
    let said = app.notes.message.clone().unwrap().text;
    assert!(said.contains("newest of 2"), "{said}");
}

#[test]
fn braces_step_through_a_paragraphs_notes_and_e_d_act_on_the_one_picked() {
    let f = Fixture::new();
    let mut app = f.open();
    let texts = |f: &Fixture| -> Vec<String> { f.on_disk().into_iter().map(|n| n.1).collect() };
    type_keys(&mut app, "a一<C-s>a二<C-s>a三<C-s>");
    // From the paragraph itself: its first note, then the second.
    type_keys(&mut app, "}}");
    assert_eq!(app.selected_note_index(app.notes.cursor), Some(1));
    assert!(
        app.notes
            .message
            .clone()
            .unwrap()
            .text
            .contains("note 2 of 3")
    );
    type_keys(&mut app, "e<End>改<C-s>");
    assert_eq!(texts(&f), ["一", "二改", "三"]);
    type_keys(&mut app, "{d");
    assert_eq!(texts(&f), ["二改", "三"]);
    // The next note of the brief may be on another paragraph.
    type_keys(&mut app, "Ja四<C-s>K");
    type_keys(&mut app, "}}}");
    assert!(
        cursor_text(&app).starts_with("第二段"),
        "{}",
        cursor_text(&app)
    );
    type_keys(&mut app, "}");
    assert!(
        app.notes
            .message
            .clone()
            .unwrap()
            .text
            .contains("no note after")
    );
    // `g` puts the cursor on the first paragraph on screen.
    type_keys(&mut app, "g");
    assert!(
        cursor_text(&app).starts_with("第一段"),
        "{}",
        cursor_text(&app)
    );
}

#[test]
fn the_pane_edits_and_deletes_the_selected_note() {
    let f = Fixture::new();
    let mut app = f.open();
    type_keys(&mut app, "a甲<C-s>a乙<C-s>");
    type_keys(&mut app, "Mje<End>丙<C-s>");
    let texts: Vec<String> = f.on_disk().into_iter().map(|n| n.1).collect();
    assert_eq!(texts, ["甲", "乙丙"]);
    type_keys(&mut app, "Md<Esc>");
    let texts: Vec<String> = f.on_disk().into_iter().map(|n| n.1).collect();
    assert_eq!(texts, ["乙丙"]);
}

#[test]
fn t_sets_tags_and_tab_completes_from_tags_in_any_brief() {
    let f = Fixture::new();
    // A tag used in another brief of the same store.
    let other = f.dir.path().join("other.md");
    std::fs::write(&other, "# Other\n\nAnother paragraph entirely.\n").unwrap();
    let other_brief = brief::load_path(&other).unwrap();
    let mut notes = BriefNotes::open(&f.data(), &other, &other_brief).unwrap();
    let para = other_brief.sections[0].paragraphs[0].id.clone();
    notes.add(&para, "x", vec!["出口管制".into()]).unwrap();
    notes.save().unwrap();

    let mut app = f.open();
    type_keys(&mut app, "t外交 G2<Enter>");
    assert_eq!(f.on_disk()[0].2, vec!["外交", "G2"]);
    assert_eq!(f.on_disk()[0].1, "");
    type_keys(&mut app, "Jt出<Tab>, 外<Tab><Enter>");
    let disk = f.on_disk();
    assert_eq!(disk[1].2, vec!["出口管制", "外交"]);
    // Editing the tags of the first note again starts from its tags.
    type_keys(&mut app, "Kt");
    match &app.notes.overlay {
        Some(Overlay::Tags(ed)) => assert_eq!(ed.editor.text(), "外交, G2, "),
        other => panic!("expected the tag line, got {other:?}"),
    }
}

#[test]
fn d_deletes_and_u_undoes_on_disk_too() {
    let f = Fixture::new();
    let mut app = f.open();
    type_keys(&mut app, "a要刪的<C-s>");
    type_keys(&mut app, "d");
    assert!(f.on_disk().is_empty());
    type_keys(&mut app, "u");
    assert_eq!(f.on_disk()[0].1, "要刪的");
    // `L` now toggles link addresses, `u` does not.
    assert!(app.show_links);
    type_keys(&mut app, "u");
    assert!(app.show_links);
    type_keys(&mut app, "L");
    assert!(!app.show_links);
}

fn pane(app: &App) -> &gloss::app::notes::overlay::Pane {
    match &app.notes.overlay {
        Some(Overlay::Pane(p)) => p,
        other => panic!("expected the pane, got {other:?}"),
    }
}

#[test]
fn the_pane_filters_script_blind_and_enter_jumps_to_the_paragraph() {
    let f = Fixture::new();
    let mut app = f.open();
    app.resize(Rect::new(0, 0, 60, 8));
    type_keys(&mut app, "a臺灣議題<C-s>JJJa關稅<C-s>t經貿<Enter>");
    type_keys(&mut app, "gKKK");
    assert!(cursor_text(&app).starts_with("第一段"));
    type_keys(&mut app, "M");
    assert_eq!(app.pane_rows(pane(&app)).len(), 2);
    // Simplified 台湾 finds Traditional 臺灣.
    type_keys(&mut app, "/台湾");
    assert_eq!(app.pane_rows(pane(&app)).len(), 1);
    type_keys(&mut app, "<BS><BS>#经贸<Enter>");
    let rows = app.pane_rows(pane(&app));
    assert_eq!(rows.len(), 1);
    type_keys(&mut app, "<Enter>");
    assert!(app.notes.overlay.is_none());
    assert!(cursor_text(&app).starts_with("第四段"));
    assert!(screen_text(&screen(&mut app, 80, 24)).contains("第四段"));
}

#[test]
fn an_orphan_is_listed_and_r_reattaches_it_to_the_cursor() {
    let f = Fixture::new();
    let mut app = f.open();
    type_keys(&mut app, "JJa會被刪掉的段落<C-s>");
    drop(app);
    // The annotated paragraph disappears from the brief.
    let edited = BRIEF.replace("第三段：關稅與出口管制。\n\n", "");
    std::fs::write(&f.file, edited).unwrap();
    let mut app = f.open();
    let session = app.notes.session().unwrap();
    assert_eq!(session.orphans().len(), 1);
    type_keys(&mut app, "M");
    assert_eq!(app.pane_rows(pane(&app)).len(), 1);
    type_keys(&mut app, "<Esc>JM");
    let target = app.cursor_paragraph().unwrap().to_string();
    type_keys(&mut app, "r<Esc>");
    let session = app.notes.session().unwrap();
    assert!(session.orphans().is_empty());
    let view = &session.views()[0];
    assert_eq!(view.resolution.status, AnchorStatus::Anchored);
    assert_eq!(view.resolution.paragraph.as_deref(), Some(target.as_str()));
    assert_eq!(f.on_disk()[0].0, target);
}

#[test]
fn a_newer_store_is_read_only_and_edits_are_refused_politely() {
    let f = Fixture::new();
    let mut app = f.open();
    type_keys(&mut app, "a原本<C-s>");
    let path = app.notes.session().unwrap().store().path().to_path_buf();
    drop(app);
    let text = std::fs::read_to_string(&path).unwrap();
    let newer = text.replacen("\"schema\": 1", "\"schema\": 99", 1);
    let newer = newer.replacen("\"schema\":1", "\"schema\":99", 1);
    assert_ne!(newer, text, "the store names its schema");
    std::fs::write(&path, &newer).unwrap();
    let mut app = f.open();
    type_keys(&mut app, "a");
    assert!(app.notes.overlay.is_none());
    let said = app.notes.message.clone().unwrap();
    assert!(said.warning);
    assert!(said.text.contains("read-only"), "{}", said.text);
    type_keys(&mut app, "d");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
}

fn block_notes_dir(f: &Fixture) -> PathBuf {
    let notes = f.data().notes_dir();
    std::fs::remove_dir_all(&notes).unwrap();
    std::fs::write(&notes, "not a folder").unwrap();
    notes
}

#[test]
fn a_failed_save_shows_keeps_the_note_and_the_retry_writes_it() {
    let f = Fixture::new();
    let mut app = f.open();
    type_keys(&mut app, "a先存<C-s>");
    let notes = block_notes_dir(&f);
    type_keys(&mut app, "J");
    type_keys(&mut app, "a存不了<C-s>");
    assert!(app.notes.has_unsaved());
    let error = app.notes.save_error.clone().expect("the failure is kept");
    assert!(error.contains("notes"), "{error}");
    let status = screen_text(&screen(&mut app, 200, 24));
    assert!(
        status.contains("notes not saved yet (will retry): cannot"),
        "{status}"
    );
    let buf = screen(&mut app, 200, 24);
    let warning_bg = app.theme.status_warning.bg.unwrap();
    let warned = (0..200).any(|x| buf[(x, 23)].bg == warning_bg && buf[(x, 23)].symbol() == "c");
    assert!(warned, "the failure is drawn in the warning style");
    // Still shown under its paragraph while unsaved.
    assert_eq!(app.notes.notes_on(app.cursor_paragraph()).len(), 1);
    std::fs::remove_file(&notes).unwrap();
    std::fs::create_dir_all(&notes).unwrap();
    app.retry_notes_save();
    assert!(!app.notes.has_unsaved());
    assert!(app.notes.save_error.is_none());
    let texts: Vec<String> = f.on_disk().into_iter().map(|n| n.1).collect();
    assert!(texts.contains(&"存不了".to_string()), "{texts:?}");
}

#[test]
fn quitting_with_unsaved_notes_writes_a_rescue_file_that_imports() {
    let f = Fixture::new();
    let mut app = f.open();
    type_keys(&mut app, "a先存<C-s>");
    block_notes_dir(&f);
    type_keys(&mut app, "a救我<C-s>");
    let line = app.notes.finish().unwrap_err();
    let path = line
        .split("kept in ")
        .nth(1)
        .and_then(|rest| rest.split(" — ").next())
        .map(Path::new)
        .unwrap_or_else(|| panic!("no rescue path in {line}"));
    let rescued = std::fs::read_to_string(path).unwrap();
    assert!(rescued.contains("救我"));
    let other = TempDir::new().unwrap();
    let imported =
        gloss::notes::import::import_file(&DataDir::at(other.path().into()), path).unwrap();
    assert_eq!(imported.added, 2);
    std::fs::remove_file(path).unwrap();
}

#[test]
fn the_cursor_follows_the_screen_and_a_click_moves_it() {
    let f = Fixture::new();
    let mut app = f.open();
    app.resize(Rect::new(0, 0, 60, 8));
    type_keys(&mut app, "G");
    assert!(app.notes.cursor >= app.top.block);
    assert!(app.doc.paragraph(app.notes.cursor).is_some());
    type_keys(&mut app, "g");
    let body = app.screen.body;
    app.apply(Action::ClickAt {
        column: body.x + 3,
        row: body.y + 2,
    });
    assert!(
        cursor_text(&app).starts_with("第一段"),
        "{}",
        cursor_text(&app)
    );
}

fn screen(app: &mut App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|fr| gloss::ui::draw(fr, app)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as read, wide characters once, with note times masked.
fn screen_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut covered = false;
        let mut row = String::new();
        for x in 0..buf.area.width {
            let symbol = buf[(x, y)].symbol();
            if !std::mem::take(&mut covered) {
                row.push_str(symbol);
                covered = unicode_width::UnicodeWidthStr::width(symbol) > 1;
            }
        }
        if let Some(at) = row.find(" UTC") {
            let start = row[..at].char_indices().rev().nth(15).map_or(0, |(i, _)| i);
            row.replace_range(start..at, "YYYY-MM-DD hh:mm");
        }
        out.push_str(&row);
        out.push('\n');
    }
    out
}

#[test]
fn screens_with_a_note_under_its_paragraph_and_the_notes_pane() {
    let f = Fixture::new();
    let mut app = f.open();
    type_keys(&mut app, "J");
    type_keys(&mut app, "a注意 APEC 與 G20<C-s>t多邊<Enter>");
    let buf = screen(&mut app, 70, 16);
    insta::assert_snapshot!("notes-under-paragraph", screen_text(&buf));
    // The mark sits in the margin beside the annotated paragraph's first line.
    let text_x = app.screen.body.x + 1;
    let row = (0..16)
        .find(|&y| buf[(text_x, y)].symbol() == "第" && buf[(text_x + 2, y)].symbol() == "二")
        .unwrap();
    assert_eq!(buf[(app.screen.body.x, row)].symbol(), "✎");
    assert_eq!(
        buf[(app.screen.body.x, row)].fg,
        app.theme.note_marker.fg.unwrap()
    );
    type_keys(&mut app, "M");
    let buf = screen(&mut app, 70, 16);
    insta::assert_snapshot!("notes-pane", screen_text(&buf));
}

#[test]
fn a_paste_goes_into_the_open_editor_line_breaks_and_all() {
    let f = Fixture::new();
    let mut app = f.open();
    type_keys(&mut app, "a");
    app.paste("第一行\r\n第二行");
    type_keys(&mut app, "<C-s>");
    assert_eq!(f.on_disk()[0].1, "第一行\n第二行");
    // With no editor open a paste changes nothing.
    app.paste("ignored");
    assert_eq!(f.on_disk().len(), 1);
}

#[test]
fn every_overlay_draws_at_every_small_size_without_panicking() {
    let f = Fixture::new();
    let mut app = f.open();
    type_keys(&mut app, "a長一點的筆記 with words<C-s>");
    for keys in ["a美中<Enter>關係", "t外交", "M", "M/x"] {
        type_keys(&mut app, keys);
        assert!(app.notes.overlay.is_some(), "{keys}");
        for width in 0..=30 {
            for height in 0..=10 {
                screen(&mut app, width, height);
            }
        }
        app.notes.overlay = None;
    }
}

#[test]
fn without_a_store_the_reader_works_and_says_why_notes_are_off() {
    let f = Fixture::new();
    let mut app = App::new(brief::load_path(&f.file).unwrap());
    app.resize(Rect::new(0, 0, 80, 24));
    app.open_notes(Err(gloss::notes::StoreError::NoDataDir), &f.file);
    type_keys(&mut app, "a");
    assert!(app.notes.overlay.is_none());
    let said = app.notes.message.clone().unwrap();
    assert!(
        said.warning && said.text.contains("GLOSS_DATA_DIR"),
        "{}",
        said.text
    );
    type_keys(&mut app, "jJ");
    assert!(screen_text(&screen(&mut app, 140, 24)).contains("GLOSS_DATA_DIR"));
}

#[test]
fn notes_follow_the_view_script_and_stay_stored_as_typed() {
    let f = Fixture::new();
    let mut app = f.open();
    type_keys(&mut app, "Ja關於臺灣的說明<C-s>");
    let original = screen_text(&screen(&mut app, 80, 24));
    assert!(original.contains("關於臺灣的說明"), "{original}");
    app.apply(Action::CycleView);
    let simplified = screen_text(&screen(&mut app, 80, 24));
    assert!(simplified.contains("关于台湾的说明"), "{simplified}");
    assert!(!simplified.contains("關於臺灣的說明"), "{simplified}");
    // The store keeps what was typed, whatever the view.
    assert_eq!(f.on_disk()[0].1, "關於臺灣的說明");
}

/// Issue 11 #3: another gloss holding the store's lock must not freeze the
/// reader's Ctrl-S for the ten seconds the command line waits; the note
/// stays in memory and is saved once the lock is free.
#[test]
fn ctrl_s_behind_a_held_lock_returns_at_once_and_saves_later() {
    let f = Fixture::new();
    let mut app = f.open();
    type_keys(&mut app, "a先寫一則<C-s>");
    let store = app.notes.session().unwrap().store().path().to_path_buf();
    let lock_path = PathBuf::from(format!("{}.lock", store.display()));
    let held = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .unwrap();
    held.lock().unwrap();
    let started = std::time::Instant::now();
    type_keys(&mut app, "J");
    type_keys(&mut app, "a鎖住時寫的<C-s>");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "the screen froze for {:?}",
        started.elapsed()
    );
    assert!(app.notes.has_unsaved());
    let said = app.notes.message.clone().unwrap();
    assert!(said.warning && said.text.contains("busy"), "{said:?}");
    held.unlock().unwrap();
    app.retry_notes_save();
    assert!(!app.notes.has_unsaved());
    let texts: Vec<String> = f.on_disk().into_iter().map(|n| n.1).collect();
    assert!(texts.contains(&"鎖住時寫的".to_string()), "{texts:?}");
}

/// Issue 11 #4: a data folder gloss cannot write (here: its index lock
/// cannot be opened, which root cannot get round either) still shows the
/// notes it holds, read-only, and the status line says why.
#[test]
fn notes_in_a_data_folder_that_cannot_be_written_are_shown_read_only() {
    let f = Fixture::new();
    let mut app = f.open();
    type_keys(&mut app, "a已有的筆記<C-s>");
    assert!(!app.notes.has_unsaved());
    drop(app);
    let lock = f.dir.path().join("data").join("index.json.lock");
    let _ = std::fs::remove_file(&lock);
    std::fs::create_dir(&lock).unwrap();

    let mut app = f.open();
    let session = app.notes.session().expect("the notes are open");
    let texts: Vec<&str> = session
        .views()
        .iter()
        .map(|v| v.note.text.as_str())
        .collect();
    assert_eq!(texts, vec!["已有的筆記"]);
    let said = app.notes.message.clone().unwrap();
    assert!(said.text.contains("cannot be saved"), "{said:?}");
    type_keys(&mut app, "a");
    assert!(app.notes.overlay.is_none());
    let said = app.notes.message.clone().unwrap();
    assert!(said.text.contains("read-only"), "{said:?}");
}

#[test]
fn a_teammates_note_arriving_while_reading_shows_with_their_name() {
    let f = Fixture::new();
    let mut app = f.open();
    type_keys(&mut app, "amine<C-s>");
    let para = app.cursor_paragraph().unwrap().to_string();
    // Bob's file comes in (by a sync) while Ann reads: he noted the same
    // paragraph, under his own writer id.
    let file = brief::load_path(&f.file).unwrap();
    let info = f.data().locate(&f.file, Some(&file)).unwrap();
    let bobs = f.data().brief_dir(&info.key).join("bob-0123456789ab.json");
    let mut theirs = gloss::notes::NoteStore::open(&bobs, info).unwrap();
    theirs.set_author("Bob");
    let anchor = gloss::notes::BriefMap::new(&file)
        .anchor_for(&para)
        .unwrap();
    theirs.add(anchor, "from Bob", vec![]).unwrap();
    theirs.save().unwrap();

    let shown = |app: &App| -> Vec<String> {
        app.notes
            .notes_on(Some(&para))
            .iter()
            .map(gloss::app::notes::NotesState::display_text)
            .collect()
    };
    assert_eq!(shown(&app), vec!["mine"]);
    app.reload_notes_if_changed();
    assert_eq!(shown(&app), vec!["mine", "[Bob] from Bob"]);
}
