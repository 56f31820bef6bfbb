//! `gloss` on PDFs: small PDFs written by hand here (fonts are the standard
//! 14, so no font file is needed), and two real PDFs kept in the repository
//! against their `pdftotext` text.

use std::path::{Path, PathBuf};

use serde_json::Value;

#[path = "support/pdf_doc.rs"]
mod pdf_doc;
#[path = "support/pdf_outline.rs"]
pub mod pdf_outline;
use pdf_doc::{pdf, raw_pdf, text};
use pdf_outline::{
    assert_note_reanchors, gloss, outline_json, recall_of_conversion, section_titles, table_rows,
};

/// A two-page brief: a title, bold headings, body, a footnote, page numbers.
fn sample() -> Vec<u8> {
    let body = |y: u32, s: &str| text("F1", 10, 72, y, s);
    let mut one = text("F2", 20, 72, 720, "Chokepoints and Workarounds");
    one += &text("F2", 13, 72, 680, "Why export controls leak");
    one += &body(
        660,
        "Export controls on chips work only as far as the supply",
    );
    one += &body(648, "chain allows, and firms route around them quickly.");
    one += &body(
        624,
        "A second paragraph says more about the routes that matter.",
    );
    one += &text(
        "F1",
        7,
        72,
        80,
        "1 Footnote text that belongs at the end of page one.",
    );
    one += &text("F1", 9, 300, 40, "1");
    let mut two = text("F2", 13, 72, 720, "What follows for policy");
    two += &body(
        700,
        "Policy should follow the routes, not the rules on paper.",
    );
    two += &text("F1", 9, 300, 40, "2");
    pdf(&[one, two])
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn all_paragraph_texts(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for s in v["sections"].as_array().into_iter().flatten() {
        for p in s["paragraphs"].as_array().into_iter().flatten() {
            out.push(p["text"].as_str().unwrap_or_default().to_string());
        }
    }
    out
}

#[test]
fn a_pdf_opens_with_title_headings_pages_and_footnotes_after_the_body() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "brief.pdf", &sample());
    let v = outline_json(&path);
    assert_eq!(v["meta"]["encoding"], "PDF");
    assert_eq!(v["meta"]["title"], "Chokepoints and Workarounds");
    let titles: Vec<&str> = v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        ["Why export controls leak", "What follows for policy"]
    );
    let first = &v["sections"][0]["paragraphs"];
    let texts = all_paragraph_texts(&v);
    assert!(
        texts[0]
            .starts_with("Export controls on chips work only as far as the supply chain allows"),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t.starts_with("A second")), "{texts:?}");
    // The footnote leaves the body for the back matter, labelled, with its page.
    assert!(
        !texts.iter().any(|t| t.contains("Footnote text")),
        "{texts:?}"
    );
    let note = &v["back_matter"][0];
    assert_eq!(note["kind"], "footnote", "{note}");
    assert_eq!(note["marker"], "1", "{note}");
    assert!(
        note["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("1 Footnote text")),
        "{note}"
    );
    assert_eq!(note["pages"], serde_json::json!(["1"]));
    assert_eq!(first[0]["pages"], serde_json::json!(["1"]));
    assert_eq!(
        v["sections"][1]["paragraphs"][0]["pages"],
        serde_json::json!(["2"])
    );
    // Page numbers are furniture.
    assert!(!texts.iter().any(|t| t == "1" || t == "2"), "{texts:?}");
}

/// A page with prose, a three-column table (bold heads, a wrapped cell)
/// and prose after it.
fn with_table() -> Vec<u8> {
    let body = |y: u32, s: &str| text("F1", 10, 72, y, s);
    let mut page = text("F2", 20, 72, 720, "Delivery of the Plan");
    page += &text("F2", 13, 72, 690, "Timetable");
    page += &body(
        670,
        "The government sets out when each part of the plan is due,",
    );
    page += &body(658, "and who leads it, in the table below.");
    for (x, head) in [(72, "Item"), (250, "Lead"), (420, "Due")] {
        page += &text("F2", 10, x, 630, head);
    }
    page += &body(606, "Compute strategy");
    page += &text("F1", 10, 250, 606, "DSIT with the research");
    page += &text("F1", 10, 250, 594, "councils");
    page += &text("F1", 10, 420, 606, "Spring 2025");
    page += &body(570, "Data library");
    page += &text("F1", 10, 250, 570, "DSIT");
    page += &text("F1", 10, 420, 570, "Summer 2025");
    page += &body(540, "Progress is reported to Parliament every six months.");
    pdf(&[page])
}

#[test]
fn a_table_on_the_page_is_rows_of_cells_between_its_prose() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "table.pdf", &with_table());
    let v = outline_json(&path);
    let section = &v["sections"][0];
    assert_eq!(section["title"], "Timetable", "{v}");
    let paragraphs = section["paragraphs"].as_array().unwrap();
    let shown: Vec<(&str, &str)> = paragraphs
        .iter()
        .map(|p| (p["kind"].as_str().unwrap(), p["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        shown,
        [
            (
                "text",
                "The government sets out when each part of the plan is due, and who leads it, in the table below."
            ),
            ("table_row", "Item | Lead | Due"),
            (
                "table_row",
                "Compute strategy | DSIT with the research councils | Spring 2025"
            ),
            ("table_row", "Data library | DSIT | Summer 2025"),
            (
                "text",
                "Progress is reported to Parliament every six months."
            ),
        ]
    );
    assert_eq!(paragraphs[1]["header"], true);
    assert_eq!(
        paragraphs[2]["cells"],
        serde_json::json!([
            "Compute strategy",
            "DSIT with the research councils",
            "Spring 2025"
        ])
    );
    assert_eq!(paragraphs[2]["pages"], serde_json::json!(["1"]));
    // The converted text keeps the table a row a line.
    let out = gloss()
        .args(["convert", "--to", "t"])
        .arg(&path)
        .output()
        .unwrap();
    let converted = String::from_utf8_lossy(&out.stdout);
    assert!(
        converted.contains("Data library  DSIT  Summer 2025"),
        "{converted}"
    );
}

#[test]
fn a_pdf_is_known_by_its_signature_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "brief.txt", &sample());
    assert_eq!(outline_json(&path)["meta"]["encoding"], "PDF");
    // A text brief that quotes the signature stays text.
    let path = write(
        dir.path(),
        "about.txt",
        b"How PDFs begin\n\nEvery file starts with %PDF-1.7 and a version.\n",
    );
    assert_eq!(outline_json(&path)["meta"]["encoding"], "UTF-8");
    // A .pdf with junk before its header is still read.
    let mut junk = b"junk\n".to_vec();
    junk.extend(sample());
    let path = write(dir.path(), "junk-first.pdf", &junk);
    assert_eq!(
        outline_json(&path)["meta"]["title"],
        "Chokepoints and Workarounds"
    );
}

#[test]
fn a_pdf_without_text_is_a_scan_and_says_to_run_ocr() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "scan.pdf",
        &pdf(&["0 0 m 100 100 l S".to_string()]),
    );
    let out = gloss().arg("outline").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("gloss: error: "), "{err}");
    assert!(
        err.contains("no text layer") && err.contains("ocrmypdf"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn garbage_after_the_signature_is_one_error_line_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        (
            "junk.pdf",
            b"%PDF-1.7\n\x00\x01 garbage ) ( << >> stream".to_vec(),
        ),
        ("empty.pdf", b"%PDF-".to_vec()),
    ] {
        let path = write(dir.path(), name, &bytes);
        let out = gloss().arg("outline").arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("gloss: error: "), "{name}: {err}");
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
    }
}

#[test]
fn a_truncated_pdf_shows_what_can_be_read_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let whole = sample();
    // Cut off the index at the end: the objects are still there to find.
    let path = write(dir.path(), "cut.pdf", &whole[..whole.len() - 120]);
    let out = gloss()
        .args(["outline", "--json"])
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.starts_with("gloss: warning: the PDF is cut short"),
        "{err}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        all_paragraph_texts(&v)
            .iter()
            .any(|t| t.contains("Export controls"))
    );
    // Cut in the middle of the first page's text: nothing to show.
    let path = write(dir.path(), "half.pdf", &whole[..whole.len() / 2]);
    let out = gloss().arg("outline").arg(&path).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.starts_with("gloss: error: ") && err.contains("cut short"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn convert_and_search_take_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "brief.pdf", &sample());
    let out = gloss()
        .args(["search", "route around"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out_dir = dir.path().join("out");
    let out = gloss()
        .args(["convert", "--to", "s", "-o"])
        .arg(&out_dir)
        .arg(&path)
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(out_dir.join("brief.txt")).unwrap();
    assert!(
        text.contains("Chokepoints") && text.contains('\u{c}'),
        "{text}"
    );
    // The converted text keeps each page's number at its foot, as the page
    // prints it, so it opens later with the same page labels.
    let feet: Vec<&str> = text
        .split('\u{c}')
        .map(|page| page.trim_end().lines().last().unwrap_or(""))
        .collect();
    assert_eq!(feet, ["1", "2"], "{text}");
}

#[test]
fn the_library_lists_pdfs_with_their_titles() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "brief.pdf", &sample());
    let entries = gloss::library::scan::scan(dir.path(), None).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].title(), "Chokepoints and Workarounds");
}

/// Real PDFs kept in the repository (`tests/corpus/pdf/`), with the text
/// `pdftotext` gives of each (`tests/corpus/text/`). The whole development
/// corpus is measured by `tests/corpus_pdf.rs`, which `.ci/run` runs.
fn kept(name: &str) -> (PathBuf, PathBuf) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    (
        corpus.join("pdf").join(format!("{name}.pdf")),
        corpus.join("text").join(format!("{name}.txt")),
    )
}

#[test]
fn real_pdfs_keep_the_characters_pdftotext_finds() {
    for name in ["tw-yda-minutes-2018", "tw-yda-roadshow-agenda-2019"] {
        let (pdf, txt) = kept(name);
        let reference = std::fs::read_to_string(&txt).unwrap();
        // Into the script it is already in, which leaves it as extracted.
        let r = recall_of_conversion(&pdf, "t", &reference);
        assert!(
            r >= 0.995,
            "{name}: {:.1}% of pdftotext's characters",
            r * 100.0
        );
    }
}

#[test]
fn a_real_timetable_reads_row_by_row_with_its_cells_whole() {
    // A wrapped cell centred beside one-line cells, where pdftotext reads
    // column by column.
    let (pdf, _) = kept("tw-yda-roadshow-agenda-2019");
    let v = outline_json(&pdf);
    let rows = table_rows(&v);
    assert!(
        rows.contains(&vec![
            "14:30-14:35".to_string(),
            "開幕詞".to_string(),
            "行政院唐政務委員兼副召集人鳳致詞".to_string()
        ]),
        "{rows:?}"
    );
    assert!(section_titles(&v).is_empty(), "{v}");
}

#[test]
fn a_note_added_on_the_pdftotext_text_reanchors_on_the_pdf() {
    let name = "tw-yda-minutes-2018";
    let (pdf, txt) = kept(name);
    assert_note_reanchors(name, &txt, &pdf, 301);
}

/// The sample brief encrypted (AES-128) with `user` as the open password.
fn encrypted(user: &str) -> Vec<u8> {
    use pdf_oxide::editor::{DocumentEditor, EncryptionAlgorithm, EncryptionConfig, SaveOptions};
    let mut editor = DocumentEditor::from_bytes(sample()).expect("the sample opens");
    let config =
        EncryptionConfig::new(user, "owner-secret").with_algorithm(EncryptionAlgorithm::Aes128);
    let bytes = editor
        .save_to_bytes_with_options(SaveOptions::with_encryption(config))
        .expect("saved encrypted");
    assert!(
        bytes.windows(8).any(|w| w == b"/Encrypt"),
        "the copy is encrypted"
    );
    bytes
}

#[test]
fn an_encrypted_pdf_opens_with_the_empty_password_and_else_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let open = write(dir.path(), "open.pdf", &encrypted(""));
    let v = outline_json(&open);
    assert_eq!(v["meta"]["title"], "Chokepoints and Workarounds");
    let locked = write(dir.path(), "locked.pdf", &encrypted("user-secret"));
    let out = gloss().arg("outline").arg(&locked).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("gloss: error: ") && err.contains("password"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// `gloss outline FILE` under a cap on virtual memory (KiB).
fn outline_capped(path: &Path, cap_kib: u64) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("gloss");
    let script = format!("ulimit -v {cap_kib} && exec \"$0\" \"$@\"");
    std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(bin)
        .arg("outline")
        .arg(path)
        .output()
        .expect("runs")
}

#[test]
fn hostile_pdfs_end_in_one_line_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    // A page tree that holds itself.
    let cycle = raw_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]);
    // A content stream of 200,000 nested arrays.
    let mut deep = b"<< /Length 200037 >>\nstream\n".to_vec();
    deep.extend(std::iter::repeat_n(b'[', 200_000));
    deep.extend_from_slice(b" BT /F1 10 Tf 72 700 Td (deep) Tj ET\nendstream");
    let deep = raw_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
          /Resources << /Font << /F1 5 0 R >> >> >>",
        &deep,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]);
    // 13 KB that inflate (twice) to 2 GB of text operators: one content
    // stream with `/Filter [/FlateDecode /FlateDecode]`, made once with
    // zlib from a 2 GB run of `BT /F1 10 Tf 72 700 Td (bomb) Tj ET` lines.
    let bomb = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inflate-bomb.pdf"),
    )
    .unwrap();
    for (name, bytes) in [("cycle.pdf", cycle), ("deep.pdf", deep), ("bomb.pdf", bomb)] {
        let path = write(dir.path(), name, &bytes);
        let started = std::time::Instant::now();
        // 768 MiB: far below what the bomb would need inflated.
        let out = outline_capped(&path, 768 * 1024);
        assert!(started.elapsed().as_secs() < 60, "{name} took too long");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{name}: {:?} {err}",
            out.status
        );
        if out.status.code() == Some(1) {
            assert!(
                err.starts_with("gloss: error: ") && err.lines().count() == 1,
                "{name}: {err}"
            );
        }
    }
}

#[test]
fn reading_a_pdf_reports_each_page_read_of_all() {
    let seen = std::sync::Mutex::new(Vec::new());
    let record = |read: usize, all: usize| {
        if let Ok(mut seen) = seen.lock() {
            seen.push((read, all));
        }
    };
    let brief = gloss::brief::load::load_pdf_with(sample(), "sample.pdf", None, &record)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(brief.paragraphs().next().is_some());
    let seen = seen.into_inner().unwrap_or_default();
    assert_eq!(seen, [(1, 2), (2, 2)]);
}

/// PDFs of 40 KB or so nesting 20,000 deep: an array, a dictionary, and
/// the page tree. Each overflowed the stack (an abort, not an error).
fn deeply_nested() -> Vec<(&'static str, Vec<u8>)> {
    const DEEP: usize = 20_000;
    let page = |extra: &str| {
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
             /Resources << /Font << /F1 5 0 R >> >> {extra} >>"
        )
    };
    let content = b"<< /Length 35 >>\nstream\nBT /F1 10 Tf 72 700 Td (deep) Tj ET\nendstream";
    let font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    let with_page = |page: String| {
        raw_pdf(&[
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            page.as_bytes(),
            content,
            font,
        ])
    };
    let array = with_page(page(&format!(
        "/Junk {}0{}",
        "[".repeat(DEEP),
        "]".repeat(DEEP)
    )));
    let dict = with_page(page(&format!(
        "/Junk {}0{}",
        "<< /A ".repeat(DEEP),
        " >>".repeat(DEEP)
    )));
    // The page tree: object 6 + k is a node whose only kid is 6 + k + 1;
    // the last holds the page (object 3).
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 6 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        page("").into_bytes(),
        content.to_vec(),
        font.to_vec(),
    ];
    for k in 0..DEEP {
        let kid = if k + 1 == DEEP { 3 } else { 6 + k + 1 };
        objects.push(format!("<< /Type /Pages /Kids [{kid} 0 R] /Count 1 >>").into_bytes());
    }
    let bodies: Vec<&[u8]> = objects.iter().map(Vec::as_slice).collect();
    let tree = raw_pdf(&bodies);
    vec![("array.pdf", array), ("dict.pdf", dict), ("tree.pdf", tree)]
}

#[test]
fn a_pdf_nested_thousands_deep_is_one_error_line_in_outline_convert_and_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("briefs");
    std::fs::create_dir(&folder).unwrap();
    write(&folder, "good.pdf", &sample());
    for (name, bytes) in deeply_nested() {
        let path = write(&folder, name, &bytes);
        let out = gloss().arg("outline").arg(&path).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(
            err.starts_with("gloss: error: ") && err.contains("deep"),
            "{name}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
    }
    // A folder: each bad file costs one line, the good one converts.
    let out_dir = dir.path().join("out");
    let out = gloss()
        .args(["convert", "--to", "s", "-o"])
        .arg(&out_dir)
        .arg(&folder)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let errors: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("gloss: error: "))
        .collect();
    assert_eq!(errors.len(), 3, "{err}");
    assert!(errors.iter().all(|l| l.contains("deep")), "{err}");
    let text = std::fs::read_to_string(out_dir.join("good.txt")).unwrap();
    assert!(text.contains("Chokepoints"), "{text}");
    // The library lists all four, the bad ones with their reason.
    let entries = gloss::library::scan::scan(&folder, None).unwrap();
    assert_eq!(entries.len(), 4);
    let bad: Vec<&str> = entries
        .iter()
        .filter_map(|e| e.meta.as_ref().err().map(String::as_str))
        .collect();
    assert_eq!(bad.len(), 3, "{bad:?}");
    assert!(bad.iter().all(|e| e.contains("deep")), "{bad:?}");
}

#[test]
fn a_pdf_nested_to_just_under_the_limit_still_opens() {
    // 90 levels: a generated file may nest a few; the check must not refuse
    // what the reader handles (on a test thread's small stack, too).
    let extra = format!("/Junk {}0{}", "[".repeat(90), "]".repeat(90));
    let one = raw_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
             /Resources << /Font << /F1 5 0 R >> >> {extra} >>"
        )
        .as_bytes(),
        b"<< /Length 42 >>\nstream\nBT /F1 10 Tf 72 700 Td (Still here.) Tj ET\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]);
    let brief = gloss::brief::load::load_pdf_with(one, "near.pdf", None, &|_, _| {})
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(brief.paragraphs().any(|p| p.text().contains("Still here")));
}

#[test]
fn page_labels_lose_their_controls_before_they_reach_json() {
    let dir = tempfile::tempdir().unwrap();
    let content = text(
        "F1",
        10,
        72,
        700,
        "A paragraph long enough to be a paragraph of the brief.",
    );
    let stream = format!(
        "<< /Length {} >>\nstream\n{content}\nendstream",
        content.len() + 1
    );
    // A label prefix of ESC [ 2 0 1 ~ (the end of a bracketed paste) and BEL.
    let bytes = raw_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R \
          /PageLabels << /Nums [0 << /S /r /P (\\033[201~\\007) >>] >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
          /Resources << /Font << /F1 5 0 R >> >> >>",
        stream.as_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]);
    let path = write(dir.path(), "labels.pdf", &bytes);
    let v = outline_json(&path);
    let pages: Vec<String> = v["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["paragraphs"].as_array().into_iter().flatten())
        .flat_map(|p| p["pages"].as_array().into_iter().flatten())
        .filter_map(|l| l.as_str().map(str::to_string))
        .collect();
    assert!(pages.iter().any(|l| l.contains("[201~")), "{pages:?}");
    assert!(
        pages.iter().all(|l| !l.chars().any(char::is_control)),
        "{pages:?}"
    );
}

#[test]
fn a_zero_size_page_is_called_empty_not_a_scan() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = raw_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 0 0] >>",
    ]);
    let path = write(dir.path(), "empty.pdf", &bytes);
    let out = gloss().arg("outline").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("gloss: error: "), "{err}");
    assert!(err.contains("zero-size") && !err.contains("scan"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
