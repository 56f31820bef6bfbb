//! End to end in a pseudo-terminal (issue 11): a quit signal from another
//! process restores the terminal and saves the place as `q` does, and no
//! control byte from a brief, a note, a tag, a file name, an import or a
//! theme reaches the terminal from any command in any format.

#![cfg(unix)]

pub mod support;

use std::os::fd::RawFd;

use support::window::Window;
use support::{SEED, Session};

const NASTY: &str = "\u{1b}[2J\u{1b}]52;c;aGk=\u{7}\u{1b}]0;PWNED\u{7}\u{9b}31m\r\u{202e}";

/// True while the terminal is in canonical (cooked) mode with echo.
fn cooked(fd: RawFd) -> bool {
    // SAFETY: tcgetattr writes a termios into the zeroed struct we own.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
    t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0
}

/// Issue 11 #9: SIGTERM, SIGINT and SIGQUIT from another process leave the
/// terminal as gloss found it, and the place in the brief is saved.
#[test]
fn a_quit_signal_restores_the_terminal_and_saves_the_place() {
    for signal in [libc::SIGTERM, libc::SIGINT, libc::SIGQUIT] {
        let home = tempfile::tempdir().unwrap();
        let mut pty = Session::start(home.path(), &[SEED]);
        pty.wait_text("§1/");
        pty.keys("]]");
        pty.wait_text("§3/");
        assert!(!cooked(pty.fd()), "the reader runs in raw mode");
        let pid = pty.pid() as libc::pid_t;
        // SAFETY: sending a signal to our own child.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let status = pty.wait_exit();
        assert!(status.success(), "signal {signal}: {status:?}");
        {
            let screen = pty.terminal();
            assert!(
                !screen.alternate_screen(),
                "signal {signal}: still on the alternate screen"
            );
            assert!(
                !screen.hide_cursor(),
                "signal {signal}: the cursor is hidden"
            );
            assert_eq!(
                screen.mouse_protocol_mode(),
                vt100::MouseProtocolMode::None,
                "signal {signal}: mouse reporting is on"
            );
        }
        assert!(cooked(pty.fd()), "signal {signal}: left in raw mode");

        // The place was saved as on `q`.
        let mut again = Session::start(home.path(), &[SEED]);
        again.wait_text("§3/");
        again.keys("q");
        again.wait_exit();
    }
}

/// Issue 25 #2: the window closed (SIGHUP) or a SIGTERM with the note
/// editor open and text typed: the place is saved, and the next start
/// opens the editor again with the text, which Ctrl-S saves as the note.
#[test]
fn a_closed_window_keeps_the_place_and_the_note_being_written() {
    for signal in [libc::SIGHUP, libc::SIGTERM] {
        let home = tempfile::tempdir().unwrap();
        let mut pty = Session::start(home.path(), &[SEED]);
        pty.wait_text("§1/");
        pty.keys("]]");
        pty.wait_text("§3/");
        pty.keys("a");
        pty.wait_text("Ctrl-S save");
        pty.keys("半句話 half a thought");
        pty.wait_text("half a thought");
        let pid = pty.pid() as libc::pid_t;
        // SAFETY: sending a signal to our own child.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let status = pty.wait_exit();
        assert!(status.success(), "signal {signal}: {status:?}");

        let mut again = Session::start(home.path(), &[SEED]);
        let screen = again.wait_text("Note kept when gloss was closed");
        assert!(screen.contains("§3/"), "signal {signal}: {screen}");
        assert!(
            screen.contains("半句話 half a thought"),
            "signal {signal}: {screen}"
        );
        again.keys("\x13");
        again.wait_text("note saved");
        again.quit();
        let listed = support::gloss_output(home.path(), &["notes", "list", SEED]);
        assert!(
            listed.contains("半句話 half a thought"),
            "signal {signal}: {listed}"
        );

        // Saved, it is no longer offered.
        let mut third = Session::start(home.path(), &[SEED]);
        let screen = third.wait_text("half a thought");
        assert!(!screen.contains("Note kept"), "signal {signal}: {screen}");
        third.quit();
    }
}

/// Issue 25 #2: the window closed for real (the terminal hung up, not
/// only a SIGHUP sent): gloss ends, with the place and the note being
/// written saved.
#[test]
fn a_terminal_that_hangs_up_ends_gloss_with_the_place_and_the_draft_saved() {
    let home = tempfile::tempdir().unwrap();
    let mut window = Window::open(home.path(), &[SEED]);
    window.wait_text("§1/");
    window.keys("]]");
    window.wait_text("§3/");
    window.keys("a");
    window.wait_text("Ctrl-S save");
    window.keys("關窗前 closing thought");
    window.wait_text("closing thought");
    window.close();

    let mut again = Session::start(home.path(), &[SEED]);
    let screen = again.wait_text("Note kept when gloss was closed");
    assert!(screen.contains("§3/"), "{screen}");
    assert!(screen.contains("關窗前 closing thought"), "{screen}");
    again.keys("\x13");
    again.wait_text("note saved");
    again.quit();
}

/// Characters that must not reach the terminal; `\r` only as the
/// terminal's own `\r\n`.
fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
    if let Some(c) = text.chars().find(|&c| {
        matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }) {
        panic!("{what}: {c:?} reached the terminal: {text}");
    }
}

/// Issue 11 #5–#7: every command and format, run on a terminal, over a
/// brief, notes, tags, a file name, an import, a theme and a config that
/// all carry controls: not one control byte reaches the terminal.
#[test]
fn no_control_byte_reaches_the_terminal_from_any_command() {
    let home = tempfile::tempdir().unwrap();
    let docs = home.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let name = format!("b{}.md", "\u{1b}]0;PWNED\u{7}");
    let brief = docs.join(&name);
    std::fs::write(
        &brief,
        // Enough text around the controls that it is not taken for binary.
        format!(
            "# 標題{NASTY}\n\n臺灣的外交{NASTY}政策。\n\n{}\n",
            "第二段落的內容，美中關係持續變化。".repeat(40)
        ),
    )
    .unwrap();
    let themes = home.path().join("config/themes");
    std::fs::create_dir_all(&themes).unwrap();
    std::fs::write(
        themes.join("evil.toml"),
        "description = \"evil \\u001b]0;PWNED\\u0007 \\u009b2J \\u202e\"\n",
    )
    .unwrap();
    std::fs::write(
        home.path().join("config/config.toml"),
        "\"\\u001b]0;PWNED\\u0007\" = 1\n",
    )
    .unwrap();

    // A note whose text and tag carry the controls, through the CLI.
    let outline = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["outline", "--json"])
        .arg(&brief)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&outline.stdout).unwrap();
    let para = v["sections"][0]["paragraphs"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let added = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .env("GLOSS_DATA_DIR", home.path().join("data"))
        .args(["notes", "add"])
        .arg(&brief)
        .args([
            "--para",
            &para,
            "--text",
            &format!("note{NASTY}"),
            "--tag",
            &format!("t{NASTY}"),
        ])
        .output()
        .unwrap();
    assert!(added.status.success(), "{added:?}");

    let b = brief.to_str().unwrap();
    let d = docs.to_str().unwrap();
    let to = format!("x{NASTY}");
    let runs: Vec<Vec<&str>> = vec![
        vec!["outline", b],
        vec!["outline", "--json", b],
        vec!["search", "台湾", d],
        vec!["search", "台湾", "--color", "never", d],
        vec!["convert", "--to", "s", b],
        vec!["notes", "list", "--format", "md"],
        vec!["notes", "list", "--format", "csv"],
        vec!["notes", "list", "--format", "json"],
        vec!["notes", "list", "--format", "w3c"],
        vec!["notes", "list", b],
        vec!["notes", "tags"],
        vec!["notes", "where", b],
        vec!["themes"],
        vec!["config", "--print"],
        vec!["outline", "/nonexistent\u{1b}[2J.md"],
        // Usage errors quote what was typed.
        vec!["convert", "--to", &to, b],
        vec!["notes", "list", "--format", NASTY],
    ];
    for args in runs {
        let mut pty = Session::start(home.path(), &args);
        pty.wait_exit();
        let out = pty.raw();
        let shown = String::from_utf8_lossy(&out).to_string();
        if args[0] == "search" && !args.contains(&"never") {
            // The hit's colour is gloss's own: only SGR sequences, nothing else.
            let stripped = shown.replace("\u{1b}[1;31m", "").replace("\u{1b}[0m", "");
            assert_clean(&format!("{args:?}"), stripped.as_bytes());
        } else {
            assert_clean(&format!("{args:?}"), &out);
        }
    }
}
