//! `gloss convert` through the real binary: standard input, files, folders,
//! Markdown that stays Markdown, user overrides, and bad input.

use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

#[path = "support/pdf_doc.rs"]
pub mod pdf_doc;

/// `gloss convert` with an empty config folder, so the user's own phrase
/// file never leaks into a test.
fn gloss(config_dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("gloss").unwrap();
    cmd.env("GLOSS_CONFIG_DIR", config_dir).arg("convert");
    cmd
}

fn stdout_of(cmd: &mut Command, input: &str) -> String {
    let out = cmd.write_stdin(input.to_string()).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn standard_input_to_standard_output_in_every_direction() {
    let cfg = TempDir::new().unwrap();
    let t = "川習北京峰會後的美中外交動向，臺灣。\n";
    let s = "川习北京峰会后的美中外交动向，台湾。\n";
    assert_eq!(stdout_of(gloss(cfg.path()).args(["--to", "s"]), t), s);
    assert_eq!(
        stdout_of(gloss(cfg.path()).args(["--to", "t", "-"]), s),
        "川習北京峯會後的美中外交動向，臺灣。\n".replace('峯', "峰")
    );
    assert_eq!(
        stdout_of(gloss(cfg.path()).args(["--to", "tw"]), s),
        "川習北京峰會後的美中外交動向，臺灣。\n"
    );
    // Text already in the target script is left alone.
    assert_eq!(stdout_of(gloss(cfg.path()).args(["--to", "s"]), s), s);
    assert_eq!(stdout_of(gloss(cfg.path()).args(["--to", "tw"]), t), t);
}

#[test]
fn phrases_are_an_explicit_choice() {
    let cfg = TempDir::new().unwrap();
    let text = "软件的进程\n";
    assert_eq!(
        stdout_of(gloss(cfg.path()).args(["--to", "tw"]), text),
        "軟件的進程\n"
    );
    assert_eq!(
        stdout_of(gloss(cfg.path()).args(["--to", "tw", "--phrases"]), text),
        "軟體的程序\n"
    );
    let out = gloss(cfg.path())
        .args(["--to", "t", "--phrases"])
        .write_stdin("软件")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--phrases works with"));
}

#[test]
fn any_opencc_config_name_and_a_clear_error_for_unknown_ones() {
    let cfg = TempDir::new().unwrap();
    assert_eq!(
        stdout_of(gloss(cfg.path()).args(["--config", "hk2s"]), "香港著名"),
        "香港著名"
    );
    assert_eq!(
        stdout_of(gloss(cfg.path()).args(["--config", "s2hk.json"]), "台湾"),
        "台灣"
    );
    let out = gloss(cfg.path())
        .args(["--config", "x2y"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown OpenCC config \"x2y\""), "{err}");
}

#[test]
fn a_file_to_an_output_file() {
    let cfg = TempDir::new().unwrap();
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("brief.txt");
    let output = dir.path().join("out").join("brief-s.txt");
    std::fs::write(&input, "習近平與川普\n").unwrap();
    let out = gloss(cfg.path())
        .args(["--to", "s", "-o"])
        .arg(&output)
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "习近平与川普\n");

    // An existing folder as -o receives the file under its own name.
    let folder = dir.path().join("existing");
    std::fs::create_dir(&folder).unwrap();
    let out = gloss(cfg.path())
        .args(["--to", "s", "-o"])
        .arg(&folder)
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(folder.join("brief.txt")).unwrap(),
        "习近平与川普\n"
    );
}

#[test]
fn a_folder_is_mirrored_and_bad_files_do_not_stop_the_others() {
    let cfg = TempDir::new().unwrap();
    let dir = TempDir::new().unwrap();
    let src = dir.path().join("briefs");
    std::fs::create_dir_all(src.join("2026").join("may")).unwrap();
    std::fs::write(src.join("a.txt"), "臺灣\n").unwrap();
    std::fs::write(
        src.join("2026").join("may").join("b.md"),
        "# 峰會後\n\n兩國\n",
    )
    .unwrap();
    std::fs::write(
        src.join("cover.png"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe",
    )
    .unwrap();
    std::fs::write(src.join(".hidden.txt"), "臺灣\n").unwrap();
    let dest = dir.path().join("simplified");

    let out = gloss(cfg.path())
        .args(["--to", "s", "-o"])
        .arg(&dest)
        .arg(&src)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("cover.png"), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        [
            lines[0],
            format!("gloss: wrote 2 files in {}", dest.display()).as_str()
        ],
        "one line for the one bad file, one for what was written: {err}"
    );
    assert_eq!(
        std::fs::read_to_string(dest.join("a.txt")).unwrap(),
        "台湾\n"
    );
    assert_eq!(
        std::fs::read_to_string(dest.join("2026/may/b.md")).unwrap(),
        "# 峰会后\n\n两国\n"
    );
    assert!(!dest.join("cover.png").exists());
    assert!(!dest.join(".hidden.txt").exists());
}

#[test]
fn a_folder_needs_an_output_folder() {
    let cfg = TempDir::new().unwrap();
    let dir = TempDir::new().unwrap();
    let out = gloss(cfg.path())
        .args(["--to", "s"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("add -o DIR"));
}

#[test]
fn missing_inputs_and_unwritable_targets_are_reported_per_file() {
    let cfg = TempDir::new().unwrap();
    let dir = TempDir::new().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "臺灣\n").unwrap();
    let missing = dir.path().join("missing.txt");
    let out = gloss(cfg.path())
        .args(["--to", "s"])
        .arg(&missing)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "台湾\n");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("gloss: error: cannot read ") && err.contains("missing.txt: no such file"),
        "{err}"
    );

    // A target below a regular file cannot be created, even by root.
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "").unwrap();
    let out = gloss(cfg.path())
        .args(["--to", "s", "-o"])
        .arg(blocker.join("out.txt"))
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("blocker/out.txt: cannot"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn markdown_code_and_urls_are_not_converted() {
    let cfg = TempDir::new().unwrap();
    let dir = TempDir::new().unwrap();
    let md = dir.path().join("brief.md");
    let text = "# 臺灣\n\n見 `臺灣.toml` 與 [臺灣](https://例.tw/臺灣)。\n\n```\n臺灣 = 1\n```\n\n    縮排的臺灣\n\n完。\n";
    std::fs::write(&md, text).unwrap();
    let out = gloss(cfg.path())
        .args(["--to", "s"])
        .arg(&md)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "# 台湾\n\n见 `臺灣.toml` 与 [台湾](https://例.tw/臺灣)。\n\n```\n臺灣 = 1\n```\n\n    縮排的臺灣\n\n完。\n"
    );
}

#[test]
fn user_overrides_win_and_bad_lines_name_file_and_line() {
    let cfg = TempDir::new().unwrap();
    std::fs::write(
        cfg.path().join("phrases.txt"),
        "# my terms\n行程\n程序\t程序\n川普\t特朗普\n",
    )
    .unwrap();
    let text = "川普的行程與程序\n";
    assert_eq!(
        stdout_of(gloss(cfg.path()).args(["--to", "s", "--phrases"]), text),
        "特朗普的行程与程序\n"
    );
    // Without them, the vocabulary tables turn both policy words into 进程.
    assert_eq!(
        stdout_of(
            gloss(cfg.path()).args(["--to", "s", "--phrases", "--no-overrides"]),
            text
        ),
        "川普的进程与进程\n"
    );

    // A bad line is a warning naming its line; the rest still applies.
    std::fs::write(cfg.path().join("phrases.txt"), "# ok\n川普\t\n臺灣\t宝岛\n").unwrap();
    let out = gloss(cfg.path())
        .args(["--to", "s"])
        .write_stdin("臺灣")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "宝岛");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.trim_end(),
        format!(
            "gloss: warning: {}:2: nothing after the tab: write a target, or the term alone to protect it (line skipped)",
            cfg.path().join("phrases.txt").display()
        )
    );
}

#[test]
fn phrase_entries_apply_only_toward_the_script_their_heading_names() {
    let cfg = TempDir::new().unwrap();
    std::fs::write(
        cfg.path().join("phrases.txt"),
        "[to s]\n川普\t特朗普\n[to tw]\n特朗普\t川普\n",
    )
    .unwrap();
    let to = |target: &str, text: &str| stdout_of(gloss(cfg.path()).args(["--to", target]), text);
    assert_eq!(to("s", "川普訪問北京"), "特朗普访问北京");
    // Toward Traditional the t→s entry does nothing; the tw entry does.
    assert_eq!(to("tw", "川普访问北京"), "川普訪問北京");
    assert_eq!(to("tw", "特朗普访问北京"), "川普訪問北京");
    assert_eq!(to("t", "特朗普访问北京"), "特朗普訪問北京");
    // A config names its direction too.
    assert_eq!(
        stdout_of(gloss(cfg.path()).args(["--config", "s2t"]), "特朗普"),
        "特朗普"
    );
}

#[test]
fn no_progress_bar_when_not_on_a_terminal() {
    let cfg = TempDir::new().unwrap();
    let dir = TempDir::new().unwrap();
    let src = dir.path().join("in");
    std::fs::create_dir(&src).unwrap();
    for i in 0..5 {
        std::fs::write(src.join(format!("{i}.txt")), "臺灣\n").unwrap();
    }
    let out = gloss(cfg.path())
        .args(["--to", "s", "-o"])
        .arg(dir.path().join("out"))
        .arg(&src)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    // What was written, and no bar drawn.
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "gloss: wrote 5 files in {}\n",
            dir.path().join("out").display()
        )
    );
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read_dir(dir.path().join("out")).unwrap().count(),
        5
    );
}

/// Issue 25 #1: a folder holding `X.pdf` and `X.txt`, converted into a
/// folder that already holds a file of the same name as one output: both
/// inputs come out under their own names, the existing file is left as it
/// was, the refusal is said and the exit code is 1; `--force` replaces it.
#[test]
fn a_folder_conversion_never_overwrites_and_no_two_inputs_share_an_output() {
    let cfg = TempDir::new().unwrap();
    let dir = TempDir::new().unwrap();
    let src = dir.path().join("corpus");
    std::fs::create_dir(&src).unwrap();
    let page = pdf_doc::text("F1", 12, 72, 700, "Export controls and their routes");
    std::fs::write(src.join("X.pdf"), pdf_doc::pdf(&[page])).unwrap();
    std::fs::write(src.join("X.txt"), "臺灣的外交\n").unwrap();
    std::fs::write(src.join("kept.txt"), "經濟與貿易\n").unwrap();
    let dest = dir.path().join("out");
    std::fs::create_dir(&dest).unwrap();
    std::fs::write(dest.join("kept.txt"), "my own file\n").unwrap();

    let out = gloss(cfg.path())
        .args(["--to", "s", "-o"])
        .arg(&dest)
        .arg(&src)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(dest.join("kept.txt")).unwrap(),
        "my own file\n"
    );
    assert_eq!(
        std::fs::read_to_string(dest.join("X.txt")).unwrap(),
        "台湾的外交\n"
    );
    let from_pdf = std::fs::read_to_string(dest.join("X.pdf.txt")).unwrap();
    assert!(from_pdf.contains("Export controls"), "{from_pdf}");
    let err = String::from_utf8(out.stderr).unwrap();
    let shown = |p: &Path| p.display().to_string();
    assert!(
        err.contains(&format!(
            "gloss: error: {} exists and was not written by this run: not replaced (--force replaces it)",
            shown(&dest.join("kept.txt"))
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{} → {}",
            shown(&src.join("X.pdf")),
            shown(&dest.join("X.pdf.txt"))
        )),
        "{err}"
    );
    assert!(
        err.ends_with(&format!(
            "gloss: wrote 2 files in {}; 1 existing file not replaced (--force replaces it)\n",
            shown(&dest)
        )),
        "{err}"
    );

    // --force replaces what is there, this run's names unchanged.
    let out = gloss(cfg.path())
        .args(["--to", "s", "--force", "-o"])
        .arg(&dest)
        .arg(&src)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(dest.join("kept.txt")).unwrap(),
        "经济与贸易\n"
    );
    assert_eq!(std::fs::read_dir(&dest).unwrap().count(), 3);
}

/// Issue 25 #1: one input to an output file that exists is refused too.
#[test]
fn an_existing_output_file_is_kept_without_force() {
    let cfg = TempDir::new().unwrap();
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("brief.txt");
    let output = dir.path().join("brief-s.txt");
    std::fs::write(&input, "臺灣\n").unwrap();
    std::fs::write(&output, "notes I typed\n").unwrap();
    let out = gloss(cfg.path())
        .args(["--to", "s", "-o"])
        .arg(&output)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "notes I typed\n");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--force replaces it"),
        "{out:?}"
    );
}

/// Issue 25 #1: `-o DIR DIR` is refused with a reason; `--force` converts
/// the folder in place.
#[test]
fn the_input_folder_as_output_is_refused_unless_forced_then_converted_in_place() {
    let cfg = TempDir::new().unwrap();
    let dir = TempDir::new().unwrap();
    let src = dir.path().join("briefs");
    std::fs::create_dir(&src).unwrap();
    std::fs::write(src.join("a.txt"), "臺灣\n").unwrap();
    let out = gloss(cfg.path())
        .args(["--to", "s", "-o"])
        .arg(&src)
        .arg(&src)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("gloss: error: ") && err.contains("add --force"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(src.join("a.txt")).unwrap(),
        "臺灣\n"
    );

    let out = gloss(cfg.path())
        .args(["--to", "s", "--force", "-o"])
        .arg(&src)
        .arg(&src)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(src.join("a.txt")).unwrap(),
        "台湾\n"
    );
    assert_eq!(std::fs::read_dir(&src).unwrap().count(), 1);
}

/// Two Traditional lines, then two Simplified ones.
const MIXED: &str = "川習北京峰會後的美中外交動向。\n國家主席習近平與美國總統在臺灣議題上交換意見。\n我们在这里着手准备软件和信息的报告。\n后来双方发表了联合声明。\n";

#[test]
fn a_file_that_mixes_scripts_is_converted_run_by_run() {
    let cfg = TempDir::new().unwrap();
    // What OpenCC 1.1 writes with t2tw for the first two lines and s2tw
    // (s2twp) for the last two.
    assert_eq!(
        stdout_of(gloss(cfg.path()).args(["--to", "tw"]), MIXED),
        "川習北京峰會後的美中外交動向。\n國家主席習近平與美國總統在臺灣議題上交換意見。\n\
         我們在這裡著手準備軟件和信息的報告。\n後來雙方發表了聯合聲明。\n"
    );
    assert_eq!(
        stdout_of(gloss(cfg.path()).args(["--to", "tw", "--phrases"]), MIXED),
        "川習北京峰會後的美中外交動向。\n國家主席習近平與美國總統在臺灣議題上交換意見。\n\
         我們在這裡著手準備軟體和資訊的報告。\n後來雙方發表了聯合宣告。\n"
    );
    // t2s for the first two; the last two are Simplified already.
    assert_eq!(
        stdout_of(gloss(cfg.path()).args(["--to", "s"]), MIXED),
        "川习北京峰会后的美中外交动向。\n国家主席习近平与美国总统在台湾议题上交换意见。\n\
         我们在这里着手准备软件和信息的报告。\n后来双方发表了联合声明。\n"
    );
    // A file whose main script is Simplified, with one Traditional line.
    let mostly_simplified =
        "我们在这里着手准备。\n后来双方发表了联合声明。\n國家主席習近平與美國總統會面。\n";
    assert_eq!(
        stdout_of(gloss(cfg.path()).args(["--to", "s"]), mostly_simplified),
        "我们在这里着手准备。\n后来双方发表了联合声明。\n国家主席习近平与美国总统会面。\n"
    );
}
