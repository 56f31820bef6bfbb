//! gloss on a terminal that a test alone holds, so that closing it hangs
//! the terminal up as closing a window does: the [`super::Session`]
//! harness keeps a second handle on its terminal for its reader thread,
//! which keeps the terminal up.

/// gloss in a terminal of its own, read without a second handle.
pub struct Window {
    master: Option<std::os::fd::OwnedFd>,
    child: std::process::Child,
    screen: vt100::Parser,
}

impl Window {
    /// Starts `gloss ARGS` at 100×30 with folders under `home`, as
    /// [`super::Session::start`] does.
    pub fn open(home: &std::path::Path, args: &[&str]) -> Window {
        use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
        use std::os::unix::process::CommandExt;
        let (mut master, mut slave) = (0, 0);
        let size = libc::winsize {
            ws_row: 30,
            ws_col: 100,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two descriptors we then own.
        let opened = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(opened, 0, "openpty");
        // SAFETY: both were just opened for us.
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        // Close-on-exec, or the gloss of a test running beside this one
        // inherits the master and keeps the terminal from hanging up.
        // SAFETY: fcntl on descriptors we own.
        unsafe {
            libc::fcntl(master.as_raw_fd(), libc::F_SETFD, libc::FD_CLOEXEC);
            libc::fcntl(slave.as_raw_fd(), libc::F_SETFD, libc::FD_CLOEXEC);
            libc::fcntl(master.as_raw_fd(), libc::F_SETFL, libc::O_NONBLOCK);
        }
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"));
        cmd.args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("TERM", "xterm-256color")
            .env("GLOSS_CONFIG_DIR", home.join("config"))
            .env("GLOSS_DATA_DIR", home.join("data"))
            .env_remove("GLOSS_THEME")
            .stdin(slave.try_clone().unwrap())
            .stdout(slave.try_clone().unwrap())
            .stderr(slave);
        // SAFETY: only async-signal-safe calls between fork and exec: a new
        // session whose controlling terminal is the pty, as a window's shell.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().unwrap();
        drop(cmd);
        Window {
            master: Some(master),
            child,
            screen: vt100::Parser::new(30, 100, 0),
        }
    }

    /// Reads what gloss wrote so far, so that it never blocks writing.
    pub fn pump(&mut self) {
        use std::io::Read;
        let Some(master) = &self.master else { return };
        let mut file = std::fs::File::from(master.try_clone().unwrap());
        let mut buf = [0u8; 8192];
        while let Ok(n) = file.read(&mut buf) {
            if n == 0 {
                break;
            }
            self.screen.process(&buf[..n]);
        }
    }

    /// Waits until `text` is on screen.
    pub fn wait_text(&mut self, text: &str) {
        let start = std::time::Instant::now();
        loop {
            self.pump();
            if self.screen.screen().contents().contains(text) {
                return;
            }
            assert!(
                start.elapsed() < super::PATIENCE,
                "waited for {text}; the screen:\n{}",
                self.screen.screen().contents()
            );
            std::thread::sleep(std::time::Duration::from_millis(30));
        }
    }

    /// Sends keys, then reads the screen for a moment.
    pub fn keys(&mut self, keys: &str) {
        use std::io::Write;
        if let Some(master) = &self.master {
            let mut file = std::fs::File::from(master.try_clone().unwrap());
            file.write_all(keys.as_bytes()).unwrap();
        }
        for _ in 0..5 {
            std::thread::sleep(std::time::Duration::from_millis(30));
            self.pump();
        }
    }

    /// Closes the window: the terminal hangs up. Waits for gloss to end.
    pub fn close(mut self) {
        self.master = None;
        let start = std::time::Instant::now();
        while self.child.try_wait().unwrap().is_none() {
            if start.elapsed() > super::PATIENCE {
                let _ = self.child.kill();
                panic!("gloss did not end when its terminal hung up");
            }
            std::thread::sleep(std::time::Duration::from_millis(30));
        }
    }
}
