//! Issue 25, item 14: the documentation gloss carries names PDF briefs,
//! the notes pane's and the note editor's keys, and the `author` setting.

pub mod support;

use support::{Session, gloss_output};

#[test]
fn help_and_the_empty_library_name_pdf() {
    let home = tempfile::TempDir::new().unwrap();
    let help = gloss_output(home.path(), &["--help"]);
    assert!(help.contains("PDF"), "{help}");
    let empty = tempfile::TempDir::new().unwrap();
    let mut s = Session::start(home.path(), &[empty.path().to_str().unwrap()]);
    s.wait_text("no briefs (.md .markdown .txt .pdf) in this folder or below");
    s.keys("q");
    s.wait_exit();
}

#[test]
fn the_help_overlay_and_the_man_page_list_the_pane_and_editor_keys() {
    let home = tempfile::TempDir::new().unwrap();
    let man = gloss_output(home.path(), &["man"]);
    for key in [
        "notes pane: edit the note",
        "notes pane: go to the note",
        "note editor: save",
        "tag line: complete the tag",
    ] {
        assert!(man.contains(key), "{key} not in the man page");
    }
    // Tall enough for every key at once.
    let mut s = Session::start_sized(home.path(), &[support::SEED], 110, 120);
    s.wait_text("§1/");
    s.keys("?");
    s.wait_for(
        |screen| screen.contains("notes pane: delete") && screen.contains("note editor: save"),
        "the notes pane's and the editor's keys in the overlay",
    );
    s.keys("\x1b");
    s.quit();
}

#[test]
fn config_print_names_the_author_setting_set_or_not() {
    let home = tempfile::TempDir::new().unwrap();
    let printed = gloss_output(home.path(), &["config", "--print"]);
    assert!(printed.contains("# author = "), "{printed}");
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    std::fs::write(
        home.path().join("config/config.toml"),
        "author = \"林若文\"\n",
    )
    .unwrap();
    let printed = gloss_output(home.path(), &["config", "--print"]);
    assert!(printed.contains("author = \"林若文\""), "{printed}");
    // What it prints is a config.toml gloss reads back.
    let again = home.path().join("again");
    std::fs::create_dir_all(&again).unwrap();
    std::fs::write(again.join("config.toml"), &printed).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["config", "--print"])
        .env("GLOSS_CONFIG_DIR", &again)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("author = \"林若文\""));
}
