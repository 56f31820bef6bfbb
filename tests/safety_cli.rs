//! Issue 11 through the real binary: nothing lost (kept backups, atomic
//! output, honest lock messages, symlinked stores), nothing injected (no
//! control character from a brief, note, tag, file name, import, theme or
//! config reaches stdout or stderr raw), nothing hangs (FIFOs, devices).

pub mod notes_support;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use notes_support::*;
use serde_json::Value;

/// Clears the screen, writes the clipboard (OSC 52), sets the title, CSI
/// through its C1 form, a carriage return and a bidi override.
const NASTY: &str = "\u{1b}[2J\u{1b}]52;c;aGk=\u{7}\u{1b}]0;PWNED\u{7}\u{9b}31m\r\u{202e}";

/// Long enough for anything here; a hang fails the test instead of CI.
const PATIENCE: Duration = Duration::from_secs(20);

/// The first character that must not reach a terminal, if any.
fn first_unsafe(bytes: &[u8]) -> Option<char> {
    String::from_utf8_lossy(bytes).chars().find(|&c| {
        matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

fn assert_clean(what: &str, out: &Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        if let Some(c) = first_unsafe(bytes) {
            panic!(
                "{what}: {stream} carries {c:?}: {}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}

fn run(cmd: &mut assert_cmd::Command) -> Output {
    cmd.timeout(PATIENCE).output().unwrap()
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

/// #1: the backup the damage message names survives every later save.
#[test]
fn the_backup_named_after_damage_survives_later_saves() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    let first = add(data.path(), &brief, &paras[1].0, "one", &[]);
    add(data.path(), &brief, &paras[2].0, "two", &[]);
    let store = store_of(data.path(), &brief);
    std::fs::write(&store, b"{\"schema\":1,").unwrap();

    let out = run(gloss(data.path()).args(["notes", "add"]).arg(&brief).args([
        "--para",
        &paras[3].0,
        "--text",
        "three",
    ]));
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    let start = err.find("`gloss notes import ").expect(&err) + "`gloss notes import ".len();
    let named = PathBuf::from(&err[start..start + err[start..].find('`').unwrap()]);
    // Two more saves: each rotates the store's ordinary `.bak`.
    add(data.path(), &brief, &paras[0].0, "four", &[]);
    add(data.path(), &brief, &paras[1].0, "five", &[]);

    let out = run(gloss(data.path()).args(["notes", "import"]).arg(&named));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ids = note_ids(&list_json(data.path(), Some(&brief)));
    assert!(
        ids.contains(&first),
        "the named backup lost note one: {ids:?}"
    );
}

/// #2: `convert -o F F` on a disk that fills up (a file size limit here)
/// leaves the original whole, never a truncated half-conversion.
#[cfg(unix)]
#[test]
fn converting_in_place_on_a_full_disk_keeps_the_original() {
    use std::os::unix::process::CommandExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brief.txt");
    let text = "中国经济政策的变化与国际关系。\n".repeat(400);
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    std::fs::write(&file, &gb).unwrap();
    // Room for the input, not for its UTF-8 conversion (1.5× as long).
    let limit = (gb.len() + gb.len() / 4) as libc::rlim_t;
    let mut cmd = std::process::Command::new(gloss_path());
    cmd.args(["convert", "--to", "t", "--force", "-o"])
        .arg(&file)
        .arg(&file);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let lim = libc::rlimit {
                rlim_cur: limit,
                rlim_max: limit,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        gb.as_ref(),
        "the original is gone"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "a temp file was left behind");
}

/// #3: a note that could not be saved is not said to be kept.
#[test]
fn a_note_blocked_by_a_held_lock_is_said_not_saved() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    add(data.path(), &brief, &paras[1].0, "one", &[]);
    let store = store_of(data.path(), &brief);
    let held = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(format!("{}.lock", store.display()))
        .unwrap();
    held.lock().unwrap();
    let out = run(gloss(data.path()).args(["notes", "add"]).arg(&brief).args([
        "--para",
        &paras[2].0,
        "--text",
        "two",
    ]));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("not saved"), "{err}");
    assert!(!err.contains("kept"), "nothing keeps it: {err}");
}

/// #11: a store kept elsewhere in the data folder through a symlink goes
/// on receiving notes (issue 20: a link out of the data folder does not).
#[cfg(unix)]
#[test]
fn a_symlinked_store_is_written_through_to_its_target() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    add(data.path(), &brief, &paras[1].0, "one", &[]);
    let store = store_of(data.path(), &brief);
    let synced = data.path().join("synced");
    std::fs::create_dir(&synced).unwrap();
    let target = synced.join("store.json");
    std::fs::rename(&store, &target).unwrap();
    std::os::unix::fs::symlink(&target, &store).unwrap();
    add(data.path(), &brief, &paras[2].0, "two", &[]);
    add(data.path(), &brief, &paras[3].0, "three", &[]);
    assert!(
        std::fs::symlink_metadata(&store)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let on_target = String::from_utf8(std::fs::read(&target).unwrap()).unwrap();
    assert!(on_target.contains("\"three\""), "{on_target}");
}

/// Issue 20: a store linked out of the data folder is never written
/// through; the link becomes a file of its own, with every note, and the
/// user is told.
#[cfg(unix)]
#[test]
fn a_store_linked_out_of_the_data_folder_is_not_written_through() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    add(data.path(), &brief, &paras[1].0, "one", &[]);
    let store = store_of(data.path(), &brief);
    let target = outside.path().join("store.json");
    std::fs::rename(&store, &target).unwrap();
    std::os::unix::fs::symlink(&target, &store).unwrap();
    let before = std::fs::read(&target).unwrap();
    let out = run(gloss(data.path()).args(["notes", "add"]).arg(&brief).args([
        "--para",
        &paras[2].0,
        "--text",
        "two",
    ]));
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("symlink"), "{err}");
    assert_eq!(std::fs::read(&target).unwrap(), before);
    assert!(!std::fs::symlink_metadata(&store).unwrap().is_symlink());
    let own = std::fs::read_to_string(&store).unwrap();
    assert!(own.contains("\"one\"") && own.contains("\"two\""), "{own}");
}

/// An export of one note whose title, text and tags carry [`NASTY`].
fn nasty_export(data: &Path, docs: &Path) -> Value {
    let brief = write_brief(docs, "summit.txt");
    let paras = paragraphs(&brief);
    add(data, &brief, &paras[1].0, "plain", &["tag"]);
    let mut export = list_json(data, Some(&brief));
    export["briefs"][0]["title"] = Value::from(format!("title{NASTY}"));
    export["notes"][0]["text"] = Value::from(format!("text{NASTY}\nsecond line"));
    export["notes"][0]["tags"] = serde_json::json!([format!("tag{NASTY}")]);
    export
}

fn import(data: &Path, export: &Value) -> Output {
    let file = data.join("import.json");
    std::fs::write(&file, serde_json::to_vec(export).unwrap()).unwrap();
    run(gloss(data).args(["notes", "import"]).arg(&file))
}

/// #5: an import carrying controls is listed in every format and in the tag
/// counts without one control reaching stdout; JSON keeps the text exactly.
#[test]
fn imported_controls_never_reach_stdout_in_any_format() {
    let source = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let export = nasty_export(source.path(), docs.path());
    let data = tempfile::tempdir().unwrap();
    let out = import(data.path(), &export);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for format in ["md", "csv", "json", "w3c"] {
        let out = run(gloss(data.path()).args(["notes", "list", "--format", format]));
        assert!(out.status.success());
        assert_clean(&format!("notes list --format {format}"), &out);
        assert!(String::from_utf8_lossy(&out.stdout).contains("PWNED"));
    }
    let out = run(gloss(data.path()).args(["notes", "list", "--format", "json"]));
    let back: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(back["notes"][0]["text"], export["notes"][0]["text"]);
    let out = run(gloss(data.path()).args(["notes", "tags"]));
    assert_clean("notes tags", &out);
}

/// #5: a brief key from an import becomes a file name: one carrying ESC
/// is refused, and no such file appears.
#[test]
fn an_imported_key_with_controls_is_refused() {
    let source = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let mut export = nasty_export(source.path(), docs.path());
    let key = format!("key{NASTY}");
    export["briefs"][0]["key"] = Value::from(key.clone());
    export["notes"][0]["brief"] = Value::from(key);
    let data = tempfile::tempdir().unwrap();
    let out = import(data.path(), &export);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no usable brief key"));
    assert_clean("notes import", &out);
    assert!(!data.path().join("notes").exists());
}

/// #6: a brief's file name drives nothing, in hits or in errors.
#[test]
fn file_names_with_controls_are_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let name = "\u{1b}]0;PWNED\u{7}\u{9b}2J.md";
    std::fs::write(dir.path().join(name), "# 臺灣\n\n台灣的外交。\n").unwrap();
    std::fs::write(
        dir.path().join(format!("bin{name}")),
        [0u8, 159, 146, 150, 0],
    )
    .unwrap();
    let out = run(assert_cmd::Command::cargo_bin("gloss")
        .unwrap()
        .args(["search", "台湾", "--color", "never"])
        .arg(dir.path()));
    assert!(String::from_utf8_lossy(&out.stdout).contains("PWNED"));
    assert_clean("search", &out);
    let out = run(assert_cmd::Command::cargo_bin("gloss")
        .unwrap()
        .args(["convert", "--to", "s"])
        .arg(dir.path().join(format!("bin{name}"))));
    assert_eq!(out.status.code(), Some(1));
    assert_clean("convert", &out);
    let out = run(assert_cmd::Command::cargo_bin("gloss")
        .unwrap()
        .arg("outline")
        .arg(dir.path().join(format!("missing{name}"))));
    assert_eq!(out.status.code(), Some(1));
    assert_clean("outline", &out);
}

/// #7: a theme's description, an unknown config key and a bad key name are
/// shown escaped.
#[test]
fn themes_and_config_warnings_are_shown_escaped() {
    let config = tempfile::tempdir().unwrap();
    std::fs::create_dir(config.path().join("themes")).unwrap();
    std::fs::write(
        config.path().join("themes/evil.toml"),
        "description = \"evil \\u001b]0;PWNED\\u0007 \\u009b2J \\u202e\"\n",
    )
    .unwrap();
    std::fs::write(
        config.path().join("config.toml"),
        "\"\\u001b]0;PWNED\\u0007\" = 1\n[keys]\nquit = \"\\u001b[2J\"\n",
    )
    .unwrap();
    for args in [&["themes"][..], &["config", "--print"]] {
        let out = run(assert_cmd::Command::cargo_bin("gloss")
            .unwrap()
            .env("GLOSS_CONFIG_DIR", config.path())
            .args(args));
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("PWNED")
                || String::from_utf8_lossy(&out.stderr).contains("PWNED"),
            "{args:?}: {out:?}"
        );
        assert_clean(&format!("{args:?}"), &out);
    }
}

/// #8: FIFOs and devices are refused at once, never read.
#[cfg(unix)]
#[test]
fn fifos_and_devices_are_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("brief.md");
    mkfifo(&fifo);
    let data = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let cases: Vec<Vec<&std::ffi::OsStr>> = vec![
        vec!["outline".as_ref(), fifo.as_os_str()],
        vec![
            "convert".as_ref(),
            "--to".as_ref(),
            "s".as_ref(),
            fifo.as_os_str(),
        ],
        vec!["search".as_ref(), "x".as_ref(), fifo.as_os_str()],
        vec![fifo.as_os_str()],
        vec!["outline".as_ref(), "/dev/zero".as_ref()],
        vec!["outline".as_ref(), "/dev/urandom".as_ref()],
    ];
    for args in cases {
        let out = run(gloss(data.path()).args(&args));
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("not a regular file"), "{args:?}: {err}");
    }
    // A settings file that is a FIFO is a warning, not a hang.
    let config = tempfile::tempdir().unwrap();
    mkfifo(&config.path().join("config.toml"));
    let out = run(assert_cmd::Command::cargo_bin("gloss")
        .unwrap()
        .env("GLOSS_CONFIG_DIR", config.path())
        .args(["config", "--print"]));
    assert!(out.status.success());
    assert!(started.elapsed() < PATIENCE);
}

/// #8: a brief path in an imported export that is a FIFO or /dev/zero is
/// not read by `notes list`.
#[cfg(unix)]
#[test]
fn an_imported_brief_path_that_is_a_fifo_is_not_read() {
    let source = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let mut export = nasty_export(source.path(), docs.path());
    let fifo = docs.path().join("pipe.txt");
    mkfifo(&fifo);
    for path in [fifo.display().to_string(), "/dev/zero".to_string()] {
        export["briefs"][0]["paths"] = serde_json::json!([path]);
        let data = tempfile::tempdir().unwrap();
        assert!(import(data.path(), &export).status.success());
        let out = run(gloss(data.path()).args(["notes", "list"]));
        assert!(out.status.success(), "{path}: {out:?}");
    }
}

/// #10: symlinked briefs are converted; the output folder inside the input
/// folder is never converted again.
#[cfg(unix)]
#[test]
fn convert_follows_symlinks_and_skips_its_own_output() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let input = dir.path().join("briefs");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.txt"), "臺灣的外交\n").unwrap();
    std::fs::write(elsewhere.path().join("b.txt"), "經濟與貿易\n").unwrap();
    std::os::unix::fs::symlink(elsewhere.path().join("b.txt"), input.join("b.txt")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), input.join("linked")).unwrap();
    let out_dir = input.join("out");
    // The second run replaces the first's files: --force.
    for _ in 0..2 {
        let out = run(assert_cmd::Command::cargo_bin("gloss")
            .unwrap()
            .args(["convert", "--to", "s", "--force", "-o"])
            .arg(&out_dir)
            .arg(&input));
        assert!(out.status.success(), "{out:?}");
    }
    assert_eq!(
        std::fs::read_to_string(out_dir.join("b.txt")).unwrap(),
        "经济与贸易\n"
    );
    assert!(out_dir.join("linked/b.txt").exists());
    assert!(
        !out_dir.join("out").exists(),
        "the output was converted into itself"
    );
}

/// A teammate's tag with a line feed in it: printed, it would fake a line.
#[test]
fn a_line_feed_in_a_tag_never_makes_a_line_of_its_own() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    add(
        data.path(),
        &brief,
        &paras[1].0,
        "plain",
        &["real\n     9  forged"],
    );
    let out = run(gloss(data.path()).args(["notes", "tags"]));
    assert!(out.status.success());
    let tags = String::from_utf8(out.stdout).unwrap();
    assert_eq!(tags.lines().count(), 1, "{tags}");
    let out = run(gloss(data.path())
        .args(["notes", "list", "--format", "md"])
        .arg(&brief));
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.lines().all(|l| !l.trim_start().starts_with("9  forged")),
        "{md}"
    );
}
