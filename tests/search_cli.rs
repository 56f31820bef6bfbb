//! `gloss search` through the real binary: script-blind hits with file,
//! section and context, and grep's exit codes.

use assert_cmd::Command;
use tempfile::TempDir;

fn search(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("gloss")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("search")
        .args(args)
        .output()
        .unwrap()
}

fn corpus() -> TempDir {
    let dir = TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("tw.md"),
        "# 川習北京峰會\n\n中國國家主席習近平與川普在臺灣議題上交鋒。\n\n## 台灣\n\n台灣與 Ｇ２ 的聯想。\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("cn.md"),
        "# 数字贸易\n\n习近平在台湾问题上表态。\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.bin"), b"\x00\x01\x02").unwrap();
    dir
}

#[test]
fn simplified_queries_find_traditional_text_and_back() {
    let dir = corpus();
    let out = search(&["台湾", dir.path().to_str().unwrap(), "--color", "never"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    // One hit a line: file:line #id › section: context, the hit marked.
    // (Which section a heading's hit is filed under is the loader's
    // business.)
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    let has = |file: &str, context: &str| {
        lines
            .iter()
            .any(|l| l.contains(&format!("{file}:")) && l.ends_with(context))
    };
    assert!(has("cn.md", ": 习近平在**台湾**问题上表态。"), "{text}");
    assert!(
        has("tw.md", ": 中國國家主席習近平與川普在**臺灣**議題上交鋒。"),
        "{text}"
    );
    assert!(has("tw.md", "**台灣**"), "{text}");
    assert!(has("tw.md", ": **台灣**與 Ｇ２ 的聯想。"), "{text}");

    let out = search(&["習近平", dir.path().to_str().unwrap(), "--color", "never"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("**习近平**") && text.contains("**習近平**"),
        "{text}"
    );
}

#[test]
fn full_width_and_case_are_ignored() {
    let dir = corpus();
    let out = search(&[
        "g2",
        dir.path().join("tw.md").to_str().unwrap(),
        "--color=never",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout).unwrap().contains("**Ｇ２**"));
}

#[test]
fn nothing_found_exits_1_like_grep() {
    let dir = corpus();
    let out = search(&["香港", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn unreadable_files_exit_2_after_the_others_are_searched() {
    let dir = corpus();
    let missing = dir.path().join("missing.md");
    let out = search(&[
        "台湾",
        missing.to_str().unwrap(),
        dir.path().join("cn.md").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stdout).unwrap().contains("台湾"));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("missing.md")
    );
}

#[test]
fn the_sample_brief_is_searchable_in_simplified() {
    let out = search(&["习近平", "briefs", "--color", "never"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().count() >= 5, "{text}");
    assert!(text.lines().all(|l| l.contains("**習近平**")), "{text}");
}

#[test]
fn an_empty_query_is_an_error() {
    let out = search(&["  ", "briefs"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("the query is empty")
    );
}

#[test]
fn each_hit_gives_its_line_and_paragraph_id() {
    let dir = corpus();
    let file = dir.path().join("tw.md");
    let out = search(&["台湾", file.to_str().unwrap(), "--color", "never"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let shown = file.display().to_string();
    let brief = gloss::brief::load_path(&file).unwrap();
    let id = |i: usize| brief.sections[i].paragraphs[0].id.clone();
    let section = &brief.sections[1].id;
    let want = [
        format!("{shown}:3 #{} › 川習北京峰會: ", id(0)),
        format!("{shown}:5 #{section} › 台灣: "),
        format!("{shown}:7 #{} › 台灣: ", id(1)),
    ];
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), want.len(), "{text}");
    for (line, start) in lines.iter().zip(&want) {
        assert!(
            line.starts_with(start.as_str()),
            "{line:?} should start {start:?}"
        );
    }
}

#[test]
fn a_word_finds_the_other_regions_word_unless_as_typed() {
    let dir = TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("cn.md"),
        "# 数字经济\n\n信息安全与软件供应链的数据治理。\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("tw.md"),
        "# 數位經濟\n\n資訊安全與軟體供應鏈的資料治理。\n",
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    for (query, found) in [
        ("資訊", ["信息", "資訊"]),
        ("軟體", ["软件", "軟體"]),
        ("資料", ["数据", "資料"]),
        ("软件", ["软件", "軟體"]),
    ] {
        let out = search(&[query, path, "--color", "never"]);
        assert_eq!(out.status.code(), Some(0), "{query}: {out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        for word in found {
            assert!(text.contains(&format!("**{word}**")), "{query}: {text}");
        }
        assert_eq!(text.lines().count(), 2, "{query}: {text}");
    }
    let out = search(&["資訊", path, "--color", "never", "--as-typed"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("**資訊**") && !text.contains("信息"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1, "{text}");
}
