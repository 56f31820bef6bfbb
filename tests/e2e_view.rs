//! End to end: the real binary in a pseudo-terminal switches the view with
//! `c`, opens the compare view with `C`, and starts in the script
//! `config.toml` names. Settings and data go to temporary folders.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use tempfile::TempDir;

const SEED: &str = "briefs/prospect-forum-us-china-after-beijing-summit.txt";
const PATIENCE: Duration = Duration::from_secs(15);

struct Session {
    /// Kept open: dropping it would hang up the child's terminal.
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    _config: TempDir,
    _data: TempDir,
}

impl Session {
    /// Starts gloss on the seed brief with `config_toml` as its settings.
    fn start(config_toml: &str) -> Session {
        let (cols, rows) = (100, 30);
        let config = TempDir::new().unwrap();
        let data = TempDir::new().unwrap();
        std::fs::write(config.path().join("config.toml"), config_toml).unwrap();
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
        cmd.env("GLOSS_CONFIG_DIR", config.path());
        cmd.env("GLOSS_DATA_DIR", data.path());
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
            _master: pair.master,
            writer,
            child,
            parser,
            _config: config,
            _data: data,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        thread::sleep(Duration::from_millis(120));
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

    fn quit(&mut self) -> u32 {
        self.keys("q");
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

#[test]
fn c_shows_the_brief_in_simplified_then_taiwan_then_as_written() {
    let mut s = Session::start("");
    let first = s.wait_text("習近平");
    assert!(first.contains("川習北京峰會後的美中外交動向"));
    s.keys("c");
    let simplified = s.wait_text("习近平");
    assert!(simplified.contains("川习北京峰会后的美中外交动向"));
    assert!(simplified.contains("简体"));
    assert!(!simplified.contains("習近平"));
    s.keys("c");
    s.wait_text("繁體");
    s.keys("c");
    let back = s.wait_text("川習北京峰會後的美中外交動向");
    assert!(!back.contains("繁體"));
    s.keys("C");
    let compare = s.wait_text("对照");
    assert!(compare.contains("國家主席習近平") && compare.contains("国家主席习近平"));
    assert_eq!(s.quit(), 0);
}

#[test]
fn the_settings_choose_the_script_a_brief_opens_in() {
    let mut s = Session::start("script = \"s\"\n");
    let screen = s.wait_text("习近平");
    assert!(screen.contains("简体"));
    assert_eq!(s.quit(), 0);
}
