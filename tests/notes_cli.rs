//! `gloss notes` through the real binary, each test with its own data folder.

pub mod notes_support;

use notes_support::*;
use serde_json::Value;

#[test]
fn add_list_restart_list_round_trip() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    let first = add(
        data.path(),
        &brief,
        &paras[1].0,
        "太平洋夠大：重要論述",
        &["外交", "美中"],
    );
    let second = add(data.path(), &brief, &paras[3].0, "four meetings", &[]);
    assert_eq!(first.len(), 36, "a UUID: {first}");
    assert_ne!(first, second);

    // Each run is a fresh process: the listing reads what the adds wrote.
    for _ in 0..2 {
        let listing = list_json(data.path(), Some(&brief));
        assert_eq!(note_ids(&listing), vec![first.clone(), second.clone()]);
        let n = &listing["notes"][0];
        assert_eq!(n["text"], "太平洋夠大：重要論述");
        assert_eq!(n["tags"], serde_json::json!(["外交", "美中"]));
        assert_eq!(n["status"], "anchored");
        assert_eq!(n["current_paragraph"], paras[1].0.as_str());
        assert_eq!(n["anchor"]["quote"], paras[1].1.as_str());
        let prefix = n["anchor"]["prefix"].as_str().unwrap();
        let suffix = n["anchor"]["suffix"].as_str().unwrap();
        assert!(
            !prefix.is_empty() && paras[0].1.ends_with(prefix),
            "{prefix}"
        );
        assert!(
            !suffix.is_empty() && paras[2].1.starts_with(suffix),
            "{suffix}"
        );
        assert!(n["created"].as_str().unwrap().ends_with('Z'));
    }
    // Listing every brief finds the same notes.
    assert_eq!(note_ids(&list_json(data.path(), None)).len(), 2);
}

#[test]
fn an_unknown_paragraph_id_is_a_one_line_error() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let out = gloss(data.path())
        .args(["notes", "add"])
        .arg(&brief)
        .args(["--para", "p000000000000", "--text", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no paragraph with id p000000000000"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_missing_brief_is_a_one_line_error() {
    let data = tempfile::tempdir().unwrap();
    let out = gloss(data.path())
        .args([
            "notes",
            "add",
            "/nonexistent/brief.txt",
            "--para",
            "p1",
            "--text",
            "x",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn markdown_groups_by_section_and_quotes_the_paragraph() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    add(
        data.path(),
        &brief,
        &paras[2].0,
        "海洋強權\n第二行",
        &["G2"],
    );
    add(
        data.path(),
        &brief,
        &paras[2].0,
        "another on the same paragraph",
        &[],
    );
    let out = gloss(data.path())
        .args(["notes", "list"])
        .arg(&brief)
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# "), "{md}");
    assert_eq!(md.matches(&format!("> {}", paras[2].1)).count(), 1, "{md}");
    assert!(md.contains("- 海洋強權\n  第二行\n"), "{md}");
    assert!(md.contains("#G2"), "{md}");
    assert!(md.contains("- another on the same paragraph"), "{md}");
}

#[test]
fn csv_has_a_bom_and_reads_back_with_chinese_text() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    add(
        data.path(),
        &brief,
        &paras[1].0,
        "引號 \"quoted\", 逗號",
        &["外交"],
    );
    let out = gloss(data.path())
        .args(["notes", "list", "--format", "csv"])
        .arg(&brief)
        .output()
        .unwrap();
    assert!(out.stdout.starts_with("\u{FEFF}".as_bytes()));
    let body = &out.stdout[3..];
    let mut reader = csv::Reader::from_reader(body);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "brief");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][col("note")], "引號 \"quoted\", 逗號");
    assert_eq!(&rows[0][col("quote")], paras[1].1);
    assert_eq!(&rows[0][col("tags")], "外交");
    assert_eq!(&rows[0][col("status")], "anchored");
}

#[test]
fn csv_cells_that_look_like_formulas_are_kept_as_text() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    add(
        data.path(),
        &brief,
        &paras[1].0,
        "=HYPERLINK(\"http://example.invalid\")",
        &[],
    );
    let out = gloss(data.path())
        .args(["notes", "list", "--format", "csv"])
        .arg(&brief)
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(&out.stdout[3..]);
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let note = headers.iter().position(|h| h == "note").unwrap();
    assert_eq!(&rows[0][note], "'=HYPERLINK(\"http://example.invalid\")");
}

#[test]
fn w3c_export_has_text_quote_selectors() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "峰會 summit.txt");
    let paras = paragraphs(&brief);
    let id = add(data.path(), &brief, &paras[2].0, "note", &["G2"]);
    let out = gloss(data.path())
        .args(["notes", "list", "--format", "w3c"])
        .arg(&brief)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    let a = &v["first"]["items"][0];
    assert_eq!(a["type"], "Annotation");
    assert_eq!(a["id"], format!("urn:uuid:{id}"));
    let sel = &a["target"]["selector"];
    assert_eq!(sel["type"], "TextQuoteSelector");
    assert_eq!(sel["exact"], paras[2].1.as_str());
    assert!(paras[1].1.ends_with(sel["prefix"].as_str().unwrap()));
    assert!(paras[3].1.starts_with(sel["suffix"].as_str().unwrap()));
    let source = a["target"]["source"].as_str().unwrap();
    assert!(
        source.starts_with("file:///") && source.ends_with("%20summit.txt"),
        "{source}"
    );
    assert!(source.is_ascii());
    assert_eq!(a["body"][1]["purpose"], "tagging");
    assert_eq!(a["body"][1]["value"], "G2");
}

#[test]
fn tag_and_text_filters_ignore_case_and_width() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    let g2 = add(
        data.path(),
        &brief,
        &paras[1].0,
        "ＡＰＥＣ meeting",
        &["G2"],
    );
    add(data.path(), &brief, &paras[2].0, "other", &["外交"]);
    let list = |args: &[&str]| {
        let out = gloss(data.path())
            .args(["notes", "list", "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success());
        note_ids(&serde_json::from_slice(&out.stdout).unwrap())
    };
    assert_eq!(list(&["--tag", "ｇ２"]), vec![g2.clone()]);
    assert_eq!(list(&["--text", "apec"]), vec![g2.clone()]);
    assert_eq!(
        list(&["--tag", "外交", "--text", "apec"]),
        Vec::<String>::new()
    );
    assert_eq!(list(&[]).len(), 2);
}

#[test]
fn tags_are_counted_across_briefs() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let one = write_brief(docs.path(), "one.txt");
    let two = docs.path().join("two.txt");
    std::fs::write(&two, "另一份簡報\n\n前言段落。\n\n內容段落。\n").unwrap();
    let p1 = paragraphs(&one);
    let p2 = paragraphs(&two);
    add(data.path(), &one, &p1[1].0, "a", &["外交", "G2"]);
    add(data.path(), &two, &p2[1].0, "b", &["外交"]);
    let out = gloss(data.path()).args(["notes", "tags"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(lines, vec![vec!["2", "外交"], vec!["1", "G2"]]);
}

#[test]
fn import_merges_by_id_and_twice_adds_nothing() {
    let data = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    let a = add(other.path(), &brief, &paras[1].0, "from elsewhere", &["x"]);
    let b = add(data.path(), &brief, &paras[2].0, "mine", &[]);
    let export = docs.path().join("export.json");
    let out = gloss(other.path())
        .args(["notes", "list", "--format", "json"])
        .output()
        .unwrap();
    std::fs::write(&export, &out.stdout).unwrap();
    for (round, expect) in [(1, "imported 1 new"), (2, "imported 0 new")] {
        let out = gloss(data.path())
            .args(["notes", "import"])
            .arg(&export)
            .output()
            .unwrap();
        assert!(out.status.success(), "round {round}");
        let said = String::from_utf8(out.stdout).unwrap();
        assert!(said.starts_with(expect), "round {round}: {said}");
    }
    let mut ids = note_ids(&list_json(data.path(), Some(&brief)));
    ids.sort();
    let mut want = vec![a, b];
    want.sort();
    assert_eq!(ids, want);
    // The export-only fields do not leak into the store.
    let store = std::fs::read_to_string(store_of(data.path(), &brief)).unwrap();
    assert!(!store.contains("current_paragraph"));
}

#[test]
fn importing_garbage_is_a_one_line_error() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let bad = docs.path().join("bad.json");
    std::fs::write(&bad, "{\"notes\": [{\"id\": 1}]}").unwrap();
    let out = gloss(data.path())
        .args(["notes", "import"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("is not a gloss notes export"), "{err}");
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn a_moved_and_renamed_brief_finds_its_notes_and_an_edited_one_too() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    let id = add(data.path(), &brief, &paras[2].0, "keep me", &[]);
    let store = store_of(data.path(), &brief);

    let elsewhere = tempfile::tempdir().unwrap();
    let moved = elsewhere.path().join("renamed brief.txt");
    std::fs::rename(&brief, &moved).unwrap();
    assert_eq!(store_of(data.path(), &moved), store);
    assert_eq!(
        note_ids(&list_json(data.path(), Some(&moved))),
        vec![id.clone()]
    );

    // Now edit it in place: found by path, the note re-anchored.
    let edited = BRIEF.replace("美國向來", "新增一段。\n\n美國向來");
    std::fs::write(&moved, edited).unwrap();
    assert_eq!(store_of(data.path(), &moved), store);
    let listing = list_json(data.path(), Some(&moved));
    assert_eq!(note_ids(&listing), vec![id]);
    assert_eq!(listing["notes"][0]["status"], "anchored");
}

#[test]
fn a_read_only_brief_folder_is_no_obstacle() {
    use std::os::unix::fs::PermissionsExt;
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    std::fs::set_permissions(docs.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let id = add(data.path(), &brief, &paras[1].0, "note", &[]);
    std::fs::set_permissions(docs.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(note_ids(&list_json(data.path(), Some(&brief))), vec![id]);
    assert!(store_of(data.path(), &brief).starts_with(data.path()));
}

#[test]
fn an_empty_note_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    let out = gloss(data.path())
        .args(["notes", "add"])
        .arg(&brief)
        .args(["--para", &paras[1].0, "--text", "  "])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("needs some --text")
    );
    // A tag alone is a note.
    add(data.path(), &brief, &paras[1].0, "", &["待查"]);
}

#[test]
fn add_quote_finds_the_passage_in_any_script_and_asks_for_para_when_ambiguous() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "brief.txt");
    let paras = paragraphs(&brief);
    // Typed in Simplified; the brief is Traditional.
    let out = gloss(data.path())
        .args(["notes", "add"])
        .arg(&brief)
        .args(["--quote", "太平洋够大", "--text", "海權"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = gloss(data.path())
        .args(["notes", "list", "--format", "w3c"])
        .arg(&brief)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let target = &v["first"]["items"][0]["target"];
    assert_eq!(target["selector"]["exact"], "太平洋夠大");
    assert_eq!(target["gloss:paragraph"], paras[1].0.as_str());
    // CSV has the passage in a column of its own, beside the paragraph.
    let out = gloss(data.path())
        .args(["notes", "list", "--format", "csv"])
        .arg(&brief)
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(&out.stdout[3..]);
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][col("passage")], "太平洋夠大");
    assert_eq!(&rows[0][col("quote")], paras[1].1);

    // 習近平 is in two paragraphs: gloss asks which.
    let out = gloss(data.path())
        .args(["notes", "add"])
        .arg(&brief)
        .args(["--quote", "习近平", "--text", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("gloss: error: ") && err.contains("--para"),
        "{err}"
    );
    let out = gloss(data.path())
        .args(["notes", "add"])
        .arg(&brief)
        .args(["--quote", "习近平", "--para", &paras[2].0, "--text", "x"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = gloss(data.path())
        .args(["notes", "add"])
        .arg(&brief)
        .args(["--quote", "不在這裡", "--text", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

/// The sample brief of the repository: it has front and back matter.
fn sample_brief() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("briefs/prospect-forum-us-china-after-beijing-summit.txt")
}

#[test]
fn notes_on_front_and_back_matter_are_filed_under_their_names() {
    let data = tempfile::tempdir().unwrap();
    let brief = sample_brief();
    let out = gloss(data.path())
        .args(["outline", "--json"])
        .arg(&brief)
        .output()
        .unwrap();
    let outline: Value = serde_json::from_slice(&out.stdout).unwrap();
    let front = outline["front_matter"][0]["id"].as_str().unwrap();
    let back = outline["back_matter"][0]["id"].as_str().unwrap();
    add(data.path(), &brief, front, "圖說", &[]);
    add(data.path(), &brief, back, "基金會", &[]);

    let out = gloss(data.path())
        .args(["notes", "list", "--format", "csv"])
        .arg(&brief)
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(&out.stdout[3..]);
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let sections: Vec<(String, String)> = reader
        .records()
        .map(Result::unwrap)
        .map(|r| (r[col("note")].to_string(), r[col("section")].to_string()))
        .collect();
    assert_eq!(
        sections,
        [
            ("圖說".to_string(), "Front matter".to_string()),
            ("基金會".to_string(), "Back matter".to_string())
        ]
    );
    let out = gloss(data.path())
        .args(["notes", "list"])
        .arg(&brief)
        .output()
        .unwrap();
    let markdown = String::from_utf8(out.stdout).unwrap();
    assert!(markdown.contains("## Front matter\n"), "{markdown}");
    assert!(markdown.contains("## Back matter\n"), "{markdown}");
    assert!(!markdown.contains("(no section)"), "{markdown}");
}

/// Runs `gloss ARGS` with `data`; the exit code and stderr.
fn failing(data: &std::path::Path, args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let out = gloss(data).args(args).output().unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_quote_only_in_a_heading_says_so_and_names_the_paragraph_under_it() {
    let data = tempfile::tempdir().unwrap();
    let brief = sample_brief();
    let under = paragraphs(&brief)
        .into_iter()
        .find(|(_, text)| text.starts_with("習近平指出"))
        .unwrap()
        .0;
    let (code, err) = failing(
        data.path(),
        &[
            "notes".as_ref(),
            "add".as_ref(),
            brief.as_os_str(),
            "--quote".as_ref(),
            "美中外交交鋒".as_ref(),
            "--text".as_ref(),
            "x".as_ref(),
        ],
    );
    assert_eq!(code, Some(1));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("only in the heading"), "{err}");
    assert!(!err.contains("does not contain"), "{err}");
    assert!(err.contains(&format!("--para {under}")), "{err}");
}

#[test]
fn an_ambiguous_quote_lists_its_matches_in_context() {
    let data = tempfile::tempdir().unwrap();
    let brief = sample_brief();
    let (code, err) = failing(
        data.path(),
        &[
            "notes".as_ref(),
            "add".as_ref(),
            brief.as_os_str(),
            "--quote".as_ref(),
            "建設性戰略穩定".as_ref(),
            "--text".as_ref(),
            "x".as_ref(),
        ],
    );
    assert_eq!(code, Some(1));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("is in 3 paragraphs"), "{err}");
    // Each match with a few characters either side, after its id.
    let (id, _) = paragraphs(&brief)
        .into_iter()
        .find(|(_, text)| text.contains("中美構建建設性戰略穩定關係"))
        .unwrap();
    {
        {
            assert!(
                err.contains(&format!(
                    "{id} \"…有共識「中美構建[建設性戰略穩定]關係」，白宮的新…\""
                )),
                "{err}"
            );
        }
    }
    assert!(err.contains("美中[建設性戰略穩定]關係的動向"), "{err}");
}

#[test]
fn importing_csv_says_what_can_be_imported() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let csv = docs.path().join("x.csv");
    std::fs::write(&csv, "\u{FEFF}brief,section\nA,B\n").unwrap();
    let (code, err) = failing(
        data.path(),
        &["notes".as_ref(), "import".as_ref(), csv.as_os_str()],
    );
    assert_eq!(code, Some(1));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains("expected value"), "{err}");
    assert!(
        err.contains("--format json") && err.contains("--format w3c"),
        "{err}"
    );
}

#[test]
fn the_w3c_export_imports_back_with_its_passages_tags_and_authors() {
    let data = tempfile::tempdir().unwrap();
    let brief = sample_brief();
    let out = gloss(data.path())
        .args(["notes", "add"])
        .arg(&brief)
        .args(["--quote", "川普啟程", "--text", "一段", "--tag", "外交"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let front = paragraphs(&brief)[0].0.clone();
    add(data.path(), &brief, &front, "圖說", &["圖"]);
    let before = list_json(data.path(), Some(&brief));
    let out = gloss(data.path())
        .args(["notes", "list", "--format", "w3c"])
        .arg(&brief)
        .output()
        .unwrap();
    let docs = tempfile::tempdir().unwrap();
    let w3c = docs.path().join("notes.jsonld");
    std::fs::write(&w3c, &out.stdout).unwrap();

    let elsewhere = tempfile::tempdir().unwrap();
    let out = gloss(elsewhere.path())
        .args(["notes", "import"])
        .arg(&w3c)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 2 new"));
    let after = list_json(elsewhere.path(), Some(&brief));
    let fields = |listing: &Value| -> Vec<Value> {
        listing["notes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| {
                serde_json::json!([
                    n["id"],
                    n["text"],
                    n["tags"],
                    n["author"],
                    n["status"],
                    n["current_paragraph"],
                    n["anchor"]["passage"]["exact"],
                    n["anchor"]["section"],
                    n["created"],
                ])
            })
            .collect()
    };
    assert_eq!(fields(&after), fields(&before));
    assert_eq!(after["notes"][1]["anchor"]["passage"]["exact"], "川普啟程");
    // Twice adds nothing.
    let out = gloss(elsewhere.path())
        .args(["notes", "import"])
        .arg(&w3c)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 new, 0 updated, 2 already present"));
}

#[test]
fn listing_by_a_tag_no_note_has_says_so_and_fails() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let brief = write_brief(docs.path(), "summit.txt");
    let paras = paragraphs(&brief);
    add(data.path(), &brief, &paras[1].0, "n", &["外交"]);
    let (code, err) = failing(
        data.path(),
        &[
            "notes".as_ref(),
            "list".as_ref(),
            "--tag".as_ref(),
            "nosuch".as_ref(),
        ],
    );
    assert_eq!(code, Some(1));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no note has the tag #nosuch"), "{err}");
    // A tag in use, any case or width, still lists.
    let out = gloss(data.path())
        .args(["notes", "list", "--tag", "外交"])
        .arg(&brief)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("- n"));
}
