//! End to end (issue 25 #7): a PDF opened at a page (`--page 3`, `--at
//! p3`), and `O`, which hands the PDF at the page on screen to a viewer,
//! or says in one line that there is none.

pub mod support;

use std::path::PathBuf;

use support::{Session, paged_pdf};

fn write_pdf(home: &std::path::Path) -> PathBuf {
    let path = home.join("ports.pdf");
    std::fs::write(&path, paged_pdf::brief()).unwrap();
    path
}

#[test]
fn page_and_at_p_open_a_pdf_at_that_page() {
    let home = tempfile::TempDir::new().unwrap();
    let pdf = write_pdf(home.path());
    let pdf = pdf.to_str().unwrap();
    for args in [[pdf, "--page", "3"], [pdf, "--at", "p3"]] {
        let mut s = Session::start_sized(home.path(), &args, 100, 30);
        let screen = s.wait_text("Page 3 opens");
        assert!(screen.contains("p. 3"), "{args:?}: {screen}");
        assert!(!screen.contains("Page 1 opens"), "{args:?}: {screen}");
        s.quit();
    }
}

#[test]
fn a_page_the_pdf_lacks_is_one_error_line() {
    let home = tempfile::TempDir::new().unwrap();
    let pdf = write_pdf(home.path());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .arg(&pdf)
        .args(["--page", "9"])
        .env("GLOSS_CONFIG_DIR", home.path().join("config"))
        .env("GLOSS_DATA_DIR", home.path().join("data"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("gloss: error: "), "{err}");
    assert!(err.contains("has no page 9 (its last page is 6)"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn o_without_a_viewer_says_so_in_one_line() {
    let home = tempfile::TempDir::new().unwrap();
    let pdf = write_pdf(home.path());
    // An empty PATH: no viewer can start, whatever this machine has.
    let args = [pdf.to_str().unwrap(), "--page", "2"];
    let mut s = Session::start_env(home.path(), &args, 120, 30, &[("PATH", "")]);
    s.wait_text("Page 2 opens");
    s.keys("O");
    let screen = s.wait_text("no PDF viewer here");
    assert!(screen.contains("ports.pdf at p. 2"), "{screen}");
    // The reader goes on: a key still works.
    s.keys("]");
    s.wait_text("§3/");
    s.quit();
}

#[cfg(unix)]
#[test]
fn o_hands_the_page_on_screen_to_a_viewer_that_takes_pages() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::TempDir::new().unwrap();
    let pdf = write_pdf(home.path());
    // A stand-in `zathura` that only writes down how it was called.
    let bin = home.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let called = home.path().join("called");
    let script = bin.join("zathura");
    std::fs::write(
        &script,
        format!("#!/bin/sh\necho \"$@\" > '{}'\n", called.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let args = [pdf.to_str().unwrap(), "--at", "p3"];
    let path = bin.to_str().unwrap();
    let mut s = Session::start_env(home.path(), &args, 120, 30, &[("PATH", path)]);
    s.wait_text("Page 3 opens");
    s.keys("O");
    s.wait_text("opened ports.pdf in zathura at p. 3");
    let start = std::time::Instant::now();
    let written = || std::fs::read_to_string(&called).is_ok_and(|s| s.ends_with('\n'));
    while !written() && start.elapsed() < support::PATIENCE {
        std::thread::sleep(std::time::Duration::from_millis(30));
    }
    let said = std::fs::read_to_string(&called).unwrap();
    assert_eq!(said.trim(), format!("-P 3 {}", pdf.display()));
    s.quit();
}

#[test]
fn page_on_a_folder_is_one_error_line() {
    let home = tempfile::TempDir::new().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .arg(home.path())
        .args(["--page", "2"])
        .env("GLOSS_CONFIG_DIR", home.path().join("config"))
        .env("GLOSS_DATA_DIR", home.path().join("data"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.trim_end(),
        "gloss: error: --at and --page need a brief to open, not a folder"
    );
}
