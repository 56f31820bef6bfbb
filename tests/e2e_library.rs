//! End to end in a pseudo-terminal: a brief reopens at the paragraph where
//! it was closed; the library lists a folder, filters across scripts, opens
//! a brief and comes back to the list; settings warnings reach the status
//! bar. Config and data folders are temporary.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const SEED: &str = "briefs/prospect-forum-us-china-after-beijing-summit.txt";
const PATIENCE: Duration = Duration::from_secs(15);

/// Temporary config and data folders shared by the runs of one test.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }
}

struct Session {
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start(home: &Home, args: &[&str]) -> Session {
        let (cols, rows) = (100, 30);
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size).unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gloss"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("GLOSS_CONFIG_DIR", home.config());
        cmd.env("GLOSS_DATA_DIR", home.data());
        cmd.env_remove("GLOSS_THEME");
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
        Session {
            writer,
            child,
            parser,
            _master: pair.master,
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
        thread::sleep(Duration::from_millis(150));
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

/// The body's rows (right of the divider), trailing blanks dropped.
fn body(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|l| l.split_once('│').map(|(_, b)| b.trim_end().to_string()))
        .collect()
}

#[test]
fn a_brief_reopens_at_the_line_where_it_was_closed() {
    let home = Home::new();
    let mut s = Session::start(&home, &[SEED]);
    let opening = s.wait_text("%  UTF-8");
    assert!(opening.contains(" 0%"), "{opening}");
    // Two sections on, then a few lines into a paragraph.
    s.keys("]");
    s.keys("]");
    s.keys("jjjj");
    s.wait_for(|now| body(now) != body(&opening), "the body to move");
    thread::sleep(Duration::from_millis(300));
    let before = s.screen();
    s.keys("q");
    assert_eq!(s.exit_code(), 0);
    let kept = std::fs::read_dir(home.data().join("state"))
        .unwrap()
        .count();
    assert_eq!(kept, 1, "one state file");

    let mut again = Session::start(&home, &[SEED]);
    let reopened = again.wait_for(|now| now.contains("%  UTF-8"), "the reader");
    assert!(!reopened.contains(" 0%"), "{reopened}");
    assert_eq!(body(&reopened), body(&before), "{reopened}");
    again.keys("q");
    assert_eq!(again.exit_code(), 0);
}

#[test]
fn the_library_filters_opens_a_brief_and_comes_back() {
    let home = Home::new();
    let folder = home.dir.path().join("briefs");
    std::fs::create_dir_all(folder.join("older")).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, folder.join("older").join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(folder.join("scan.md"), b"%PDF-1.7 binary").unwrap();
    let shown = folder.display().to_string();
    let mut s = Session::start(&home, &[&shown]);
    let list = s.wait_text("4/4 briefs");
    assert!(list.contains("⚠"), "the unreadable file is listed: {list}");
    assert!(list.contains("数字贸易规则"), "{list}");

    // A Traditional query finds the Simplified brief.
    s.keys("/數字貿易");
    s.wait_text("1/4 briefs");
    s.keys("\r");
    s.keys("\r");
    let reading = s.wait_text("§1/");
    assert!(reading.contains("林若文"), "{reading}");
    s.keys("G");
    s.wait_text("100%");

    // q returns to the library, where the brief now has a last reading.
    s.keys("q");
    let back = s.wait_text("briefs  sort:");
    let row = back
        .lines()
        .find(|l| l.contains("数字贸易规则"))
        .unwrap_or_else(|| panic!("{back}"));
    assert!(!row.trim_end().ends_with('—'), "last read is filled: {row}");

    // Opening it again picks up at the end.
    s.keys("\r");
    s.wait_text("100%");
    s.keys("q");
    s.wait_text("briefs  sort:");
    s.keys("q");
    assert_eq!(s.exit_code(), 0);
    assert!(!s.parser.lock().unwrap().screen().alternate_screen());
}

#[test]
fn settings_warnings_show_in_the_status_bar_then_go() {
    let home = Home::new();
    std::fs::create_dir_all(home.config()).unwrap();
    std::fs::write(home.config().join("config.toml"), "colour = \"red\"\n").unwrap();
    let mut s = Session::start(&home, &[SEED]);
    let warned = s.wait_text("unknown key `colour`");
    let last = warned.lines().last().unwrap_or_default().to_string();
    assert!(last.contains("unknown key"), "on the status bar: {warned}");
    // Gone after a few seconds, without a key press.
    s.wait_for(|now| !now.contains("unknown key"), "the warning to go");
    s.wait_text("%  UTF-8");
    s.keys("q");
    assert_eq!(s.exit_code(), 0);
}
