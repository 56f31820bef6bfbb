//! What the conversion tests share: the sample briefs, the OpenCC command
//! line as an oracle, and the documented differences between OpenCC 1.1's
//! dictionaries (Debian 12's `opencc`, `libopencc`) and the current OpenCC
//! dictionaries the built-in backend carries.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The configurations OpenCC 1.1 ships (the newer s2hkp & co. it lacks).
pub const OPENCC_1_1_CONFIGS: [&str; 14] = [
    "s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "s2twp", "tw2sp", "t2tw", "tw2t", "t2hk", "hk2t",
    "t2jp", "jp2t",
];

/// Each place where OpenCC 1.1 and the built-in backend disagree on the
/// sample briefs, as `(config, OpenCC 1.1 wrote, gloss writes)`. All come
/// from dictionary updates in OpenCC after 1.1, none from the algorithm:
/// - standard Traditional now prefers 為/啟/峰/著/才/核/針/參/秘 over the
///   older 爲/啓/峯/着/纔/覈/鍼/蔘/祕 (s2t, s2hk, tw2t, hk2t);
/// - 著 stays 著 in Simplified where it is the verb "write" (t2s, hk2s);
/// - Taiwan writes 祕書 (s2tw, s2twp);
/// - the vocabulary tables dropped 文字→文本, 透過⇄通過, 資料→數據 and
///   行程→進程, and write 奧巴馬 (s2twp, tw2sp) — the very rewrites of
///   ordinary policy words DESIGN.md warns about;
/// - Japanese tables: 値 for 值 (t2jp), and jp2t leaves 並/即/內/卻/慎/概/
///   研/稅/峰/才/聯 as they are instead of old variants (竝, 卽 …).
pub const KNOWN_DIFFERENCES: &[(&str, &str, &str)] = &[
    ("s2t", "峯", "峰"),
    ("s2t", "爲", "為"),
    ("s2t", "着", "著"),
    ("t2s", "著", "着"),
    ("s2tw", "秘", "祕"),
    ("s2hk", "峯", "峰"),
    ("s2hk", "着", "著"),
    ("hk2s", "著", "着"),
    ("s2twp", "字", "本"),
    ("s2twp", "秘", "祕"),
    ("s2twp", "資料", "數據"),
    ("s2twp", "透", "通"),
    ("tw2sp", "本", "字"),
    ("tw2sp", "欧", "奥"),
    ("tw2sp", "行", "进"),
    ("tw2sp", "通", "透"),
    ("tw2t", "啓", "啟"),
    ("tw2t", "峯", "峰"),
    ("tw2t", "爲", "為"),
    ("tw2t", "着", "著"),
    ("tw2t", "祕", "秘"),
    ("tw2t", "纔", "才"),
    ("tw2t", "蔘", "參"),
    ("tw2t", "覈", "核"),
    ("tw2t", "鍼", "針"),
    ("hk2t", "纔", "才"),
    ("hk2t", "覈", "核"),
    ("hk2t", "鍼", "針"),
    ("t2jp", "值", "値"),
    ("jp2t", "並", "竝"),
    ("jp2t", "內", "内"),
    ("jp2t", "即", "卽"),
    ("jp2t", "卻", "却"),
    ("jp2t", "峯", "峰"),
    ("jp2t", "慎", "愼"),
    ("jp2t", "概", "槪"),
    ("jp2t", "研", "硏"),
    ("jp2t", "稅", "税"),
    ("jp2t", "纔", "才"),
    ("jp2t", "聯", "連"),
];

/// The sample briefs in `briefs/`, sorted.
pub fn sample_briefs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("briefs/ is part of the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no sample briefs in {dir:?}");
    files
}

/// Runs OpenCC's own command line. `.ci/run` installs it; when it is
/// missing the test fails here, loudly, rather than skipping.
pub fn opencc_cli(config: &str, input: &str) -> String {
    let mut child = Command::new("opencc")
        .args(["-c", &format!("{config}.json")])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect(
            "OpenCC's command line `opencc` is the oracle of this test: \
             install it (`apt-get install -y opencc`, as .ci/run does)",
        );
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "opencc -c {config}.json failed");
    String::from_utf8(out.stdout).unwrap()
}

/// Runs of differing characters between two outputs of the same length in
/// chars, as `(expected run, actual run)`.
pub fn differing_runs(expected: &str, actual: &str) -> BTreeSet<(String, String)> {
    let e: Vec<char> = expected.chars().collect();
    let a: Vec<char> = actual.chars().collect();
    assert_eq!(
        e.len(),
        a.len(),
        "the outputs differ in length, so not by dictionary entries of equal length"
    );
    let mut runs = BTreeSet::new();
    let mut i = 0;
    while i < e.len() {
        if e[i] == a[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < e.len() && e[i] != a[i] {
            i += 1;
        }
        runs.insert((
            e[start..i].iter().collect::<String>(),
            a[start..i].iter().collect::<String>(),
        ));
    }
    runs
}

/// The differences of `config` that are documented in [`KNOWN_DIFFERENCES`].
pub fn known(config: &str) -> BTreeSet<(String, String)> {
    KNOWN_DIFFERENCES
        .iter()
        .filter(|(c, _, _)| *c == config)
        .map(|(_, e, a)| (e.to_string(), a.to_string()))
        .collect()
}
