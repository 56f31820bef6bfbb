//! End to end: the real binary in a pseudo-terminal. Keys go in as bytes,
//! the screen comes back through a terminal emulator (vt100).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use gloss::app::Doc;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const SEED: &str = "briefs/prospect-forum-us-china-after-beijing-summit.txt";
const PATIENCE: Duration = Duration::from_secs(10);

struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, to check how it left the terminal.
    raw: Arc<Mutex<Vec<u8>>>,
    /// Empty config and data folders, so no one's settings or saved
    /// places change what the test sees.
    _home: tempfile::TempDir,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        let pair = native_pty_system().openpty(size(cols, rows)).unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gloss"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        let home = tempfile::tempdir().unwrap();
        cmd.env("GLOSS_CONFIG_DIR", home.path().join("config"));
        cmd.env("GLOSS_DATA_DIR", home.path().join("data"));
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            master: pair.master,
            writer,
            child,
            parser,
            raw,
            _home: home,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Sends keys, then gives the program a moment so that a lone Esc is not
    /// read as the start of the next key's escape sequence.
    fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        thread::sleep(Duration::from_millis(120));
    }

    fn wait_for(&self, what: impl Fn(&str) -> bool, label: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if what(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {label}; the screen:\n{screen}"
            );
            thread::sleep(Duration::from_millis(30));
        }
    }

    fn wait_text(&self, text: &str) -> String {
        self.wait_for(|s| s.contains(text), text)
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        self.master.resize(size(cols, rows)).unwrap();
    }

    fn exit_code(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            if start.elapsed() > PATIENCE {
                self.child.kill().unwrap();
                panic!("gloss did not exit; the screen:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(30));
        }
    }
}

fn seed_doc() -> Doc {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    Doc::new(gloss::brief::load_path(&path).unwrap())
}

/// The first few characters of block `i`, as they start its first line.
fn opening(doc: &Doc, i: usize) -> String {
    doc.text(i).chars().take(4).collect()
}

fn body_rows(screen: &str) -> Vec<String> {
    screen.lines().map(str::to_string).collect()
}

#[test]
fn read_scroll_jump_search_resize_and_quit() {
    let doc = seed_doc();
    let mut s = Session::start(&[SEED], 100, 30);
    let first = s.wait_text(&opening(&doc, 0));
    assert!(first.contains("§1/"), "{first}");
    assert!(first.contains("0%"), "{first}");
    assert!(s.parser.lock().unwrap().screen().alternate_screen());

    // Scroll: three lines down moves the text up by three rows.
    s.keys("jjj");
    let scrolled = s.wait_for(|now| now != first, "the body to scroll");
    let (before, after) = (body_rows(&first), body_rows(&scrolled));
    // Cleared cells and written blanks read back differently; only the text counts.
    let body = |row: &String| row.split_once('│').map(|(_, b)| b.trim_end().to_string());
    assert!(body(&after[2]).is_some(), "{scrolled}");
    assert_eq!(body(&before[2 + 3]), body(&after[2]), "{scrolled}");

    // To the end, then back with a jump to the first section in the list.
    s.keys("G");
    let end = s.wait_text("100%");
    assert!(!end.contains(&opening(&doc, 0)), "{end}");
    s.keys("\t");
    s.keys("g");
    s.keys("\r");
    s.wait_text(&opening(&doc, doc.entries[0].first_block));
    s.wait_text(" 0%");

    // Search: every match counted, the first one current.
    s.keys("/習近平");
    let searching = s.wait_text("match 1 of ");
    assert!(searching.contains("/習近平"), "{searching}");
    s.keys("\r");
    s.keys("n");
    s.wait_text("match 2 of ");
    s.keys("\x1b");
    s.wait_for(|now| !now.contains("match 2 of"), "Esc to clear the search");

    // Resize: the status bar follows the last row at once.
    s.resize(60, 20);
    let small = s.wait_for(
        |now| now.lines().nth(19).is_some_and(|l| l.contains("§1/")),
        "the status bar on row 20",
    );
    assert!(small.lines().all(|l| l.chars().count() <= 60), "{small}");

    // Help overlay, closed by Esc, then quit.
    s.keys("?");
    s.wait_text("Keys");
    s.keys("\x1b");
    s.wait_for(|now| !now.contains("Keys ·"), "the help to close");
    s.keys("q");
    assert_eq!(s.exit_code(), 0);
    let screen = s.parser.lock().unwrap().screen().clone();
    assert!(!screen.alternate_screen(), "left the alternate screen");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse capture is off again"
    );
    let raw = s.raw.lock().unwrap();
    assert!(!raw.is_empty());
}

#[test]
fn the_wheel_scrolls_and_a_click_on_a_section_jumps() {
    let doc = seed_doc();
    let mut s = Session::start(&[SEED], 100, 30);
    let first = s.wait_text(&opening(&doc, 0));
    // SGR mouse reports: wheel down (button 65) over the body, twice.
    s.keys("\x1b[<65;60;10M");
    s.keys("\x1b[<65;60;10M");
    let row = |screen: &str, n: usize| {
        let line = screen.lines().nth(n)?;
        Some(line.split_once('│')?.1.trim_end().to_string())
    };
    s.wait_for(
        |now| row(now, 2) == row(&first, 2 + 6),
        "the wheel to scroll six lines",
    );
    // A left click on the first entry of the section list (row 3).
    s.keys("\x1b[<0;5;3M\x1b[<0;5;3m");
    s.wait_for(|now| row(now, 2) == row(&first, 2), "the jump");
    s.keys("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn a_missing_file_is_one_line_and_exit_1_without_touching_the_terminal() {
    let mut s = Session::start(&["no/such/brief.md"], 80, 24);
    assert_eq!(s.exit_code(), 1);
    let screen = s.wait_text("gloss: error:");
    let errors: Vec<&str> = screen.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(errors.len(), 1, "{screen}");
    assert!(errors[0].contains("no such file"), "{screen}");
    assert!(!s.parser.lock().unwrap().screen().alternate_screen());
    let raw = s.raw.lock().unwrap();
    assert!(
        !raw.windows(8).any(|w| w == b"\x1b[?1049h"),
        "never entered the alternate screen"
    );
}
