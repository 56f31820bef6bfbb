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

    /// Waits until the screen holds every one of `wanted` and none of
    /// `unwanted` (a frame may arrive in pieces), and returns it.
    fn wait_for(&self, wanted: &[&str], unwanted: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if wanted.iter().all(|w| screen.contains(w))
                && !unwanted.iter().any(|u| screen.contains(u))
            {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {wanted:?} without {unwanted:?}; the screen:\n{screen}"
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
    s.wait_for(&["習近平", "川習北京峰會後的美中外交動向"], &["简体"]);
    s.keys("c");
    s.wait_for(
        &["习近平", "川习北京峰会后的美中外交动向", "简体"],
        &["習近平"],
    );
    s.keys("c");
    s.wait_for(&["繁體", "習近平"], &["简体"]);
    s.keys("c");
    s.wait_for(&["川習北京峰會後的美中外交動向"], &["繁體", "简体"]);
    s.keys("C");
    s.wait_for(&["对照", "國家主席習近平", "国家主席习近平"], &[]);
    assert_eq!(s.quit(), 0);
}

#[test]
fn the_settings_choose_the_script_a_brief_opens_in() {
    let mut s = Session::start("script = \"s\"\n");
    s.wait_for(&["习近平", "简体"], &["習近平"]);
    assert_eq!(s.quit(), 0);
}
