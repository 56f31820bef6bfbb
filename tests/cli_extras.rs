//! The commands around the reader: completions, the man page, `themes`,
//! `themes --check`, `config --print` and `--theme`.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

const SUBCOMMANDS: &[&str] = &["outline", "convert", "search", "notes", "themes", "config"];

/// gloss with its own empty config folder and no NO_COLOR/GLOSS_THEME
/// from the machine running the tests.
fn gloss(config_dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("gloss").unwrap();
    cmd.env("GLOSS_CONFIG_DIR", config_dir)
        .env_remove("NO_COLOR")
        .env_remove("GLOSS_THEME");
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn completions_for_each_shell_mention_the_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout_of(gloss(dir.path()).args(["completions", shell]));
        assert!(script.len() > 500, "{shell}: {script}");
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} lacks {sub}");
        }
        let flag = if shell == "fish" {
            "-l theme"
        } else {
            "--theme"
        };
        assert!(script.contains(flag), "{shell}: the --theme flag");
    }
    gloss(dir.path())
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("tcsh"));
}

#[test]
fn the_man_page_is_roff_naming_the_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let page = stdout_of(gloss(dir.path()).arg("man"));
    assert!(page.contains(".TH gloss 1"), "{page}");
    assert!(page.contains(".SH SYNOPSIS"), "{page}");
    for sub in SUBCOMMANDS {
        assert!(page.contains(sub), "man page lacks {sub}");
    }
}

#[test]
fn the_man_page_documents_keys_files_environment_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let page = stdout_of(gloss(dir.path()).arg("man"));
    for needle in [
        ".SH KEYS",
        "search as you type",
        ".SH FILES",
        "phrases.txt",
        ".SH ENVIRONMENT",
        "GLOSS_DATA_DIR",
        ".SH \"EXIT STATUS\"",
        "gloss notes add",
    ] {
        assert!(page.contains(needle), "man page lacks {needle}:\n{page}");
    }
    // Only gloss(1) exists: no page of a subcommand is referred to.
    assert!(!page.contains("gloss\\-search(1)"), "{page}");
}

#[test]
fn themes_lists_builtins_and_user_themes_marking_the_one_in_use() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("themes")).unwrap();
    fs::write(
        dir.path().join("themes/sepia.toml"),
        "description = \"warm paper\"\ninherit = \"light\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("config.toml"), "theme = \"sepia\"\n").unwrap();
    let list = stdout_of(gloss(dir.path()).arg("themes"));
    for name in ["terminal", "dark", "light", "high-contrast"] {
        assert!(
            list.lines()
                .any(|l| l[2..].starts_with(name) && l.contains("[built-in]")),
            "{name}: {list}"
        );
    }
    let sepia = list.lines().find(|l| l.contains("sepia")).unwrap();
    assert!(sepia.starts_with("* sepia"), "{list}");
    assert!(sepia.contains("warm paper"));
    assert!(list.lines().filter(|l| l.starts_with('*')).count() == 1);

    let keys = stdout_of(gloss(dir.path()).args(["themes", "--keys"]));
    assert!(keys.lines().any(|l| l.starts_with("search_match ")));
    assert!(keys.lines().any(|l| l.starts_with("note_marker ")));
}

#[test]
fn themes_check_passes_good_files_and_fails_bad_ones_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    gloss(dir.path())
        .args(["themes", "--check"])
        .arg(repo.join("themes/dark.toml"))
        .arg(repo.join("themes/light.toml"))
        .assert()
        .success()
        .stdout(predicate::str::contains("ok: ").count(2));

    let bad = dir.path().join("bad.toml");
    fs::write(
        &bad,
        "inherit = \"dark\"\nheader_title = { fg = \"yelow\" }\n",
    )
    .unwrap();
    gloss(dir.path())
        .args(["themes", "--check"])
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains(bad.display().to_string())
                .and(predicate::str::contains("header_title.fg"))
                .and(predicate::str::contains("\"yelow\"")),
        );

    // Unknown keys pass in the reader but not in a strict check.
    fs::create_dir(dir.path().join("themes")).unwrap();
    fs::write(dir.path().join("themes/typo.toml"), "bodyy = \"red\"\n").unwrap();
    gloss(dir.path())
        .args(["themes", "--check"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown key `bodyy`"));
}

#[test]
fn config_print_gives_sources_and_warns_about_unknown_keys() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    fs::write(&file, "wrap_width = 90\nwrap_widht = 70\n").unwrap();
    let assert = gloss(dir.path())
        .args(["config", "--print"])
        .env("GLOSS_THEME", "light")
        .assert()
        .success()
        .stderr(predicate::str::contains("unknown key `wrap_widht`"));
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let line = |start: &str| out.lines().find(|l| l.starts_with(start)).unwrap();
    assert!(line("wrap_width = 90").ends_with(&file.display().to_string()));
    assert!(line("theme = \"light\"").ends_with("environment GLOSS_THEME"));
    assert!(line("list_width = \"auto\"").ends_with("default"));
    assert!(out.contains("[keys]"));

    let path = stdout_of(gloss(dir.path()).args(["config", "--path"]));
    assert_eq!(path.trim_end(), file.display().to_string());
}

#[test]
fn an_unknown_theme_on_the_command_line_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("briefs/prospect-forum-us-china-after-beijing-summit.txt");
    gloss(dir.path())
        .args(["--theme", "nonesuch"])
        .arg(&seed)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no theme named \"nonesuch\"")
                .and(predicate::str::contains("high-contrast")),
        );
}

#[test]
fn help_names_file_or_dir_and_input_errors_read_gloss_error() {
    let dir = tempfile::tempdir().unwrap();
    let help = stdout_of(gloss(dir.path()).arg("--help"));
    assert!(help.contains("gloss [OPTIONS] [FILE|DIR]"), "{help}");
    let missing = dir.path().join("missing.md");
    for args in [
        vec!["search", "x"],
        vec!["convert", "--to", "s"],
        vec!["outline"],
    ] {
        let out = gloss(dir.path())
            .args(&args)
            .arg(&missing)
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.starts_with("gloss: error: cannot read ") && err.contains("missing.md"),
            "{args:?}: {err}"
        );
    }
}
