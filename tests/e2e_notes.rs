//! End to end: notes typed into the real binary in a pseudo-terminal
//! survive a restart, and `gloss notes list` sees them.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const SEED: &str = "briefs/prospect-forum-us-china-after-beijing-summit.txt";
const PATIENCE: Duration = Duration::from_secs(10);

struct Session {
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
}

impl Session {
    fn start(home: &Path) -> Session {
        let (cols, rows) = (100, 30);
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size).unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gloss"));
        cmd.arg(SEED);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("GLOSS_CONFIG_DIR", home.join("config"));
        cmd.env("GLOSS_DATA_DIR", home.join("data"));
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let p = Arc::clone(&parser);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        // The master must outlive the child's output; leak it with the session.
        std::mem::forget(pair.master);
        Session {
            writer,
            child,
            parser,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Sends keys, then gives the program a moment so that a lone Esc is
    /// not read as the start of the next key's escape sequence.
    fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        thread::sleep(Duration::from_millis(150));
    }

    fn wait_text(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {text}; the screen:\n{screen}"
            );
            thread::sleep(Duration::from_millis(30));
        }
    }

    fn quit(&mut self) {
        self.keys("q");
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert_eq!(status.exit_code(), 0, "{}", self.screen());
                return;
            }
            assert!(start.elapsed() < PATIENCE, "gloss did not quit");
            thread::sleep(Duration::from_millis(30));
        }
    }
}

#[test]
fn a_note_and_a_tag_typed_in_the_reader_are_there_after_a_restart() {
    let home = tempfile::TempDir::new().unwrap();
    let mut s = Session::start(home.path());
    s.wait_text("§1/");
    // Cursor to the second paragraph, a note in two lines, Ctrl-S saves.
    s.keys("J");
    s.keys("a");
    s.wait_text("Ctrl-S save");
    s.keys("終端機筆記 pty");
    s.keys("\r");
    s.keys("第二行");
    s.keys("\x13");
    s.wait_text("note saved");
    s.keys("t");
    s.wait_text("Tab completes");
    s.keys("外交 G2\r");
    s.wait_text("tags saved");
    s.quit();

    let mut s = Session::start(home.path());
    let screen = s.wait_text("終端機筆記 pty");
    assert!(screen.contains("第二行  #外交 #G2"), "{screen}");
    let marked = screen
        .lines()
        .filter(|l| l.contains("│✎") && !l.contains("終端機筆記"))
        .count();
    assert_eq!(marked, 1, "one paragraph carries the mark:\n{screen}");
    s.keys("M");
    let pane = s.wait_text("Notes 1 of 1");
    assert!(pane.contains("#外交 #G2"), "{pane}");
    s.keys("\x1b");
    s.quit();

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["notes", "list", SEED, "--format", "json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("GLOSS_CONFIG_DIR", home.path().join("config"))
        .env("GLOSS_DATA_DIR", home.path().join("data"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(listed.contains("終端機筆記 pty\\n第二行"), "{listed}");
    assert!(listed.contains("\"G2\""), "{listed}");
    assert!(listed.contains("anchored"), "{listed}");
}
