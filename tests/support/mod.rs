//! The pseudo-terminal session the end-to-end tests share: the real
//! binary in a pty with private data and config folders, keys in, the
//! screen (through vt100), the terminal's modes and the raw bytes out.
//!
//! Each test declares it `pub mod support;`: public from the test crate,
//! the helpers that one test does not use are not dead code there, so no
//! `allow` is needed.

pub mod paged_pdf;
pub mod pdf_doc;
#[cfg(unix)]
pub mod window;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// The sample brief most tests read.
pub const SEED: &str = "briefs/prospect-forum-us-china-after-beijing-summit.txt";
/// How long to wait for the screen or an exit before failing.
pub const PATIENCE: Duration = Duration::from_secs(15);

/// gloss running in a pseudo-terminal.
pub struct Session {
    /// Kept open for the session: dropping it hangs up the child's terminal.
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte gloss wrote, to check what reached the terminal.
    raw: Arc<Mutex<Vec<u8>>>,
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
    /// Starts `gloss ARGS` at 100×30 with folders under `home`.
    pub fn start(home: &Path, args: &[&str]) -> Session {
        Session::start_sized(home, args, 100, 30)
    }

    /// Starts `gloss ARGS` at `cols`×`rows` with its settings in
    /// `home/config` and its notes and state in `home/data`, never the
    /// developer's.
    pub fn start_sized(home: &Path, args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_env(home, args, cols, rows, &[])
    }

    /// As [`Session::start_sized`], with `env` set for gloss (say an empty
    /// `PATH`, so that no viewer or browser can be started).
    pub fn start_env(
        home: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let pair = native_pty_system().openpty(size(cols, rows)).unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gloss"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("GLOSS_CONFIG_DIR", home.join("config"));
        cmd.env("GLOSS_DATA_DIR", home.join("data"));
        cmd.env_remove("GLOSS_THEME");
        for (name, value) in env {
            cmd.env(name, value);
        }
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
        Session {
            master: pair.master,
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

    /// The emulated terminal: its modes (alternate screen, mouse, cursor)
    /// as gloss left them.
    pub fn terminal(&self) -> vt100::Screen {
        self.parser.lock().unwrap().screen().clone()
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

    /// Waits until the screen satisfies `what` (`label` says what that is
    /// if it never does); returns the screen.
    pub fn wait_for(&self, what: impl Fn(&str) -> bool, label: &str) -> String {
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

    /// Waits until `text` is on screen; returns the screen.
    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(|s| s.contains(text), text)
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

    /// Resizes the terminal, as a user dragging the window does.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        self.master.resize(size(cols, rows)).unwrap();
    }

    /// gloss's process id, to signal it.
    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    /// The terminal's file descriptor, to read its mode (raw or cooked).
    #[cfg(unix)]
    pub fn fd(&self) -> std::os::fd::RawFd {
        self.master.as_raw_fd().unwrap()
    }

    /// Waits for gloss to end, then for its last bytes to arrive; its exit
    /// status. Kills it if it does not end.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                thread::sleep(Duration::from_millis(200));
                return status;
            }
            if start.elapsed() > PATIENCE {
                self.child.kill().unwrap();
                panic!("gloss did not exit; the screen:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(30));
        }
    }

    /// Waits for gloss to end; its exit code.
    pub fn exit_code(&mut self) -> u32 {
        self.wait_exit().exit_code()
    }

    /// Presses `q` and waits for a clean exit.
    pub fn quit(&mut self) {
        self.keys("q");
        let code = self.exit_code();
        assert_eq!(code, 0, "{}", self.screen());
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
