//! Bad and odd input through the real binary: every refusal is one line on
//! stderr and exit code 1, a usage error exits 2, nothing ever panics, and
//! large or deeply nested briefs load in bounded memory.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

/// Virtual memory cap (KiB) for the large inputs: far above 4× a 10 MB brief
/// plus the binary itself, far below what a runaway copy would need.
const MEMORY_CAP_KIB: u64 = 384 * 1024;

fn gloss() -> Command {
    Command::cargo_bin("gloss").unwrap()
}

fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(bytes))
        .unwrap();
    path
}

fn outline(path: &Path) -> Output {
    gloss().arg("outline").arg(path).output().unwrap()
}

/// Runs `gloss outline [--json] FILE` under a cap on virtual memory.
fn outline_capped(path: &Path, json: bool) -> Output {
    let bin = assert_cmd::cargo::cargo_bin("gloss");
    let script = format!("ulimit -v {MEMORY_CAP_KIB} && exec \"$0\" \"$@\"");
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c").arg(script).arg(bin).arg("outline");
    if json {
        cmd.arg("--json");
    }
    cmd.arg(path).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Exit code 1, exactly one line on stderr starting "gloss: error:",
/// naming `expect` somewhere in it, no panic and nothing on stdout.
fn assert_refused(out: &Output, expect: &str) {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    assert!(err.starts_with("gloss: error: "), "stderr: {err}");
    assert_eq!(err.matches('\n').count(), 1, "one line: {err:?}");
    assert!(err.ends_with('\n'));
    assert!(err.contains(expect), "{err:?} should mention {expect:?}");
    assert!(!err.contains("panicked"));
    assert!(out.stdout.is_empty());
}

fn assert_loaded(out: &Output) -> String {
    let err = text(&out.stderr);
    assert!(
        out.status.success(),
        "status {:?}, stderr: {err}",
        out.status
    );
    assert!(!err.contains("panicked"));
    let stdout = text(&out.stdout);
    assert!(!stdout.is_empty());
    stdout
}

/// Deterministic noise: a fixed xorshift sequence, so failures reproduce.
fn noise(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[3]
        })
        .collect()
}

#[test]
fn missing_file() {
    let dir = TempDir::new().unwrap();
    let out = outline(&dir.path().join("nowhere.md"));
    assert_refused(&out, "no such file");
}

#[test]
fn a_folder() {
    let dir = TempDir::new().unwrap();
    assert_refused(&outline(dir.path()), "is a folder");
}

#[test]
fn no_permission() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "locked.md", "# Locked\n\nsecret text\n".as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = outline(&path);
    if std::fs::read(&path).is_ok() {
        // Running as root (or with CAP_DAC_OVERRIDE) the file stays readable:
        // then gloss must have read it, not made up an error.
        assert!(assert_loaded(&out).contains("Locked"));
    } else {
        assert_refused(&out, "permission denied");
    }
}

#[test]
fn empty_and_whitespace_only_files() {
    let dir = TempDir::new().unwrap();
    for (name, bytes) in [
        ("empty.md", &b""[..]),
        ("empty.txt", b""),
        ("blank.md", b"  \n\n\t \r\n   \n"),
        ("blank.txt", "\u{3000}\n \n".as_bytes()),
    ] {
        assert_refused(&outline(&write(&dir, name, bytes)), "is empty");
    }
}

#[test]
fn a_png_image() {
    let dir = TempDir::new().unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0".to_vec();
    png.extend(noise(512));
    let out = outline(&write(&dir, "chart.md", &png));
    assert_refused(&out, "PNG image");
}

#[test]
fn random_binary() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "blob.txt", &noise(64 * 1024));
    assert_refused(&outline(&path), "binary");
}

#[test]
fn bytes_that_decode_as_nothing_sensible() {
    let dir = TempDir::new().unwrap();
    let bytes: Vec<u8> = [0xFF, 0x81, b' '].repeat(2_000);
    assert_refused(
        &outline(&write(&dir, "garbled.md", &bytes)),
        "do not decode",
    );
}

#[test]
fn a_utf8_brief_cut_in_its_last_character_loads_with_one_warning() {
    let dir = TempDir::new().unwrap();
    let brief = "# 標題\n\n兩國元首同意恢復軍事溝通管道，但在半導體出口管制方面分歧依舊。";
    let bytes = &brief.as_bytes()[..brief.len() - 1];
    let path = write(&dir, "cut.md", bytes);
    let out = gloss()
        .args(["outline", "--json"])
        .arg(&path)
        .output()
        .unwrap();
    let stdout = assert_loaded(&out);
    assert!(
        stdout.contains("兩國元首") && stdout.contains("\"UTF-8\""),
        "{stdout}"
    );
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("gloss: warning: ") && stderr.contains("invalid"));
}

#[test]
fn usage_errors_exit_2() {
    let no_file = gloss().arg("outline").output().unwrap();
    assert_eq!(no_file.status.code(), Some(2));
    let bad_flag = gloss()
        .args(["outline", "--no-such-flag", "x.md"])
        .output()
        .unwrap();
    assert_eq!(bad_flag.status.code(), Some(2));
    assert!(!text(&bad_flag.stderr).contains("panicked"));
}

#[test]
fn escape_and_bell_never_reach_the_output() {
    let dir = TempDir::new().unwrap();
    let brief = "---\ntitle: \"Title\\e[2J\"\n---\n\n# Heading \x1b[31mred\x07\n\n\
                 Body text\x1b]0;pwned\x07 with &#27;[1m entities &#7; too.\n";
    for name in ["escapes.md", "escapes.txt"] {
        let path = write(&dir, name, brief.as_bytes());
        for json in [false, true] {
            let stdout = assert_loaded(&outline_capped(&path, json));
            assert!(
                !stdout.contains('\x1b') && !stdout.contains('\x07'),
                "{stdout}"
            );
            assert!(!stdout.contains("\\u001b") && !stdout.contains("\\u0007"));
            // The visible text survives; escape sequences go whole. An
            // entity only makes the ESC, so the "[1m" after it is text.
            if json {
                assert!(stdout.contains("Heading red") && !stdout.contains("[31m"));
                assert!(stdout.contains("[1m entities"));
            }
        }
    }
}

/// A brief of about `target` bytes: CJK and Latin paragraphs under headings.
fn big_brief(target: usize) -> String {
    let para = "二〇二五年，全球數字貿易規則的談判進入關鍵階段，G20 成員國在數據跨境流動與\
                個人信息保護上的分歧依舊明顯。Export controls on advanced chips tightened \
                again, and compliance costs rose by 3.5% for mid-sized firms.\n\n";
    let mut out = String::with_capacity(target + para.len() * 2);
    let mut n = 0usize;
    while out.len() < target {
        if n.is_multiple_of(20) {
            out.push_str(&format!("## 第 {n} 節 Section {n}\n\n"));
        }
        out.push_str(para);
        n += 1;
    }
    out
}

#[test]
fn a_ten_megabyte_brief_in_both_formats() {
    let dir = TempDir::new().unwrap();
    let brief = big_brief(10 * 1024 * 1024);
    for name in ["big.md", "big.txt"] {
        let path = write(&dir, name, brief.as_bytes());
        let stdout = assert_loaded(&outline_capped(&path, false));
        assert!(stdout.contains("encoding:    UTF-8"));
    }
}

#[test]
fn a_four_megabyte_line_without_newline() {
    let dir = TempDir::new().unwrap();
    let unit = "數據跨境流動 data flows ";
    let line = unit.repeat((4 * 1024 * 1024_usize).div_ceil(unit.len()));
    assert!(line.len() >= 4 * 1024 * 1024);
    for name in ["line.md", "line.txt"] {
        let path = write(&dir, name, line.as_bytes());
        assert_loaded(&outline_capped(&path, false));
    }
}

fn max_depth(json: &str) -> u64 {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["paragraphs"].as_array().unwrap())
        .filter_map(|p| p["depth"].as_u64())
        .max()
        .unwrap_or(0)
}

#[test]
fn lists_nested_two_thousand_deep() {
    let dir = TempDir::new().unwrap();
    let one_line = "- ".repeat(2_000) + "deepest item\n";
    let indented: String = (0..2_000)
        .map(|i| format!("{}- item {i}\n", "  ".repeat(i)))
        .collect();
    for (i, brief) in [one_line, indented].iter().enumerate() {
        let md = write(&dir, &format!("lists{i}.md"), brief.as_bytes());
        assert_eq!(max_depth(&assert_loaded(&outline_capped(&md, true))), 1_999);
        let txt = write(&dir, &format!("lists{i}.txt"), brief.as_bytes());
        assert_loaded(&outline_capped(&txt, true));
    }
}

#[test]
fn a_quote_nested_five_thousand_deep() {
    let dir = TempDir::new().unwrap();
    let brief = ">".repeat(5_000) + " the innermost words\n";
    let md = write(&dir, "quote.md", brief.as_bytes());
    assert_eq!(max_depth(&assert_loaded(&outline_capped(&md, true))), 4_999);
    let txt = write(&dir, "quote.txt", brief.as_bytes());
    assert_loaded(&outline_capped(&txt, true));
}

#[test]
fn three_thousand_headings_and_no_text() {
    let dir = TempDir::new().unwrap();
    let md: String = (0..3_000).map(|i| format!("## Heading {i}\n\n")).collect();
    let out = assert_loaded(&outline_capped(
        &write(&dir, "heads.md", md.as_bytes()),
        false,
    ));
    assert_eq!(out.matches("(0 paragraphs)").count(), 3_000);
    let txt: String = (1..=3_000)
        .map(|i| format!("{i}. Heading {i}\n\n"))
        .collect();
    assert_loaded(&outline_capped(
        &write(&dir, "heads.txt", txt.as_bytes()),
        false,
    ));
}

#[test]
fn legacy_and_utf16_encodings_load_through_the_binary() {
    let dir = TempDir::new().unwrap();
    let brief =
        "# 美中外交動向\n\n川習北京峰會後，美中兩國在貿易、科技與臺灣議題上的互動仍然充滿變數。\n";
    let (big5, _, _) = encoding_rs::BIG5.encode(brief);
    let simplified = brief.replace("動向", "动向");
    let (gbk, _, _) = encoding_rs::GBK.encode(&simplified);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(brief.encode_utf16().flat_map(u16::to_le_bytes));
    for (name, bytes, encoding) in [
        ("big5.md", big5.to_vec(), "Big5"),
        ("gbk.md", gbk.to_vec(), "gb18030"),
        ("utf16.md", utf16, "UTF-16LE"),
    ] {
        let stdout = assert_loaded(&outline(&write(&dir, name, &bytes)));
        assert!(
            stdout.contains(&format!("encoding:    {encoding}")),
            "{stdout}"
        );
        assert!(stdout.contains("title:       美中外交"), "{stdout}");
    }
}

#[test]
fn the_reader_without_a_terminal_says_so_and_writes_no_escape_sequences() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("briefs/prospect-forum-us-china-after-beijing-summit.txt");
    let home = tempfile::tempdir().unwrap();
    // assert_cmd pipes stdout, so gloss is not on a terminal here.
    let out = gloss()
        .arg(&seed)
        .env("GLOSS_CONFIG_DIR", home.path().join("config"))
        .env("GLOSS_DATA_DIR", home.path().join("data"))
        .output()
        .unwrap();
    assert_refused(&out, "needs a terminal");
    assert!(out.stdout.is_empty(), "{:?}", text(&out.stdout));
}
