//! The pseudo-terminal session the end-to-end tests share: the real
//! binary in a pty with private data and config folders, keys in, the
//! screen (through vt100) and the raw bytes out.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// The sample brief most tests read.
pub const SEED: &str = "briefs/prospect-forum-us-china-after-beijing-summit.txt";
/// How long to wait for the screen before failing.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// gloss running in a pseudo-terminal.
pub struct Session {
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
}

impl Session {
    /// Starts `gloss ARGS` at 100×30 with folders under `home`.
    pub fn start(home: &Path, args: &[&str]) -> Session {
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
        cmd.env("GLOSS_CONFIG_DIR", home.join("config"));
        cmd.env("GLOSS_DATA_DIR", home.join("data"));
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
                r.lock().unwrap().extend_from_slice(&buf[..n]);
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
            raw,
        }
    }

    /// The screen as text.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Every byte gloss wrote so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Sends keys, then gives the program a moment so that a lone Esc is
    /// not read as the start of the next key's escape sequence.
    pub fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        thread::sleep(Duration::from_millis(150));
    }

    /// Waits until `text` is on screen; returns the screen.
    pub fn wait_text(&self, text: &str) -> String {
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

    /// Waits until gloss has written `bytes`; returns everything written.
    pub fn wait_bytes(&self, bytes: &[u8]) -> Vec<u8> {
        let start = Instant::now();
        loop {
            let raw = self.raw();
            if raw.windows(bytes.len()).any(|w| w == bytes) {
                return raw;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {:?}; the screen:\n{}",
                String::from_utf8_lossy(bytes),
                self.screen()
            );
            thread::sleep(Duration::from_millis(30));
        }
    }

    /// Presses `q` and waits for a clean exit.
    pub fn quit(&mut self) {
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

/// Runs `gloss ARGS` (not the reader) with folders under `home`; stdout.
pub fn gloss_output(home: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("GLOSS_CONFIG_DIR", home.join("config"))
        .env("GLOSS_DATA_DIR", home.join("data"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
