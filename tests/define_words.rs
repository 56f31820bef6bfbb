//! The dictionary against its own data: 200 words from the seed brief and
//! the corpus, each with every entry CC-CEDICT gives it. The expectations
//! in tests/fixtures/define-words.tsv were read from the raw data file by
//! tools/define-fixture, not through gloss.

use assert_cmd::Command;
use predicates::prelude::*;

fn fixture() -> Vec<(String, Vec<[String; 4]>)> {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/define-words.tsv"),
    )
    .unwrap();
    text.lines()
        .map(|line| {
            let mut fields = line.split('\t');
            let word = fields.next().unwrap().to_string();
            let entries = fields
                .map(|e| {
                    let f: Vec<&str> = e.splitn(4, '|').collect();
                    [f[0], f[1], f[2], f[3]].map(String::from)
                })
                .collect();
            (word, entries)
        })
        .collect()
}

#[test]
fn two_hundred_words_read_as_the_dictionary_gives_them() {
    let words = fixture();
    assert_eq!(words.len(), 200);
    for (word, expected) in &words {
        let def = gloss::dict::define(word).unwrap();
        assert_eq!(def.word, word, "the longest word at the start of {word}");
        let got: Vec<[String; 4]> = def
            .entries
            .iter()
            .map(|e| {
                [
                    e.traditional,
                    e.simplified,
                    e.pinyin_numbered,
                    e.senses().next().unwrap_or(""),
                ]
                .map(String::from)
            })
            .collect();
        assert_eq!(&got, expected, "entries of {word}");
    }
}

#[test]
fn readings_are_marked_and_spelled_in_zhuyin() {
    // Checked by hand against the entries' numbered pinyin.
    for (word, pinyin, zhuyin) in [
        ("遠景", "yuǎn jǐng", "ㄩㄢˇ ㄐㄧㄥˇ"),
        ("法律", "fǎ lǜ", "ㄈㄚˇ ㄌㄩˋ"),
        ("區議會", "qū yì huì", "ㄑㄩ ㄧˋ ㄏㄨㄟˋ"),
        ("可靠性", "kě kào xìng", "ㄎㄜˇ ㄎㄠˋ ㄒㄧㄥˋ"),
        ("穩定", "wěn dìng", "ㄨㄣˇ ㄉㄧㄥˋ"),
    ] {
        let def = gloss::dict::define(word).unwrap();
        let e = def.entries[0];
        assert_eq!((e.pinyin(), e.zhuyin()), (pinyin.into(), zhuyin.into()));
    }
}

#[test]
fn the_longest_word_at_the_start_is_taken() {
    let def = gloss::dict::define("建設性戰略穩定關係").unwrap();
    assert_eq!(def.word, "建設性");
    let def = gloss::dict::define("建设性战略").unwrap();
    assert_eq!(def.word, "建设性");
    assert_eq!(def.entries[0].traditional, "建設性");
}

#[test]
fn define_prints_both_scripts_readings_and_senses() {
    Command::cargo_bin("gloss")
        .unwrap()
        .args(["define", "建設性戰略"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "建設性 · 建设性   jiàn shè xìng   ㄐㄧㄢˋ ㄕㄜˋ ㄒㄧㄥˋ",
        ))
        .stdout(predicate::str::contains("  1. constructive"));
}

#[test]
fn define_json_carries_every_field() {
    let out = Command::cargo_bin("gloss")
        .unwrap()
        .args(["define", "--json", "稳定"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["word"], "稳定");
    assert_eq!(v["found"], true);
    let e = &v["entries"][0];
    assert_eq!(e["traditional"], "穩定");
    assert_eq!(e["simplified"], "稳定");
    assert_eq!(e["pinyin"], "wěn dìng");
    assert_eq!(e["pinyin_numbered"], "wen3 ding4");
    assert_eq!(e["zhuyin"], "ㄨㄣˇ ㄉㄧㄥˋ");
    assert_eq!(e["senses"][0], "steady");
}

#[test]
fn a_word_with_no_entry_reads_its_characters_one_by_one() {
    Command::cargo_bin("gloss")
        .unwrap()
        .args(["define", "x国"])
        .assert()
        .success()
        .stdout(predicate::str::contains("x国: no entry"))
        .stdout(predicate::str::contains("  x   (no entry)"))
        .stdout(predicate::str::contains("  国   guó   ㄍㄨㄛˊ"));
}

#[test]
fn nothing_to_look_up_is_a_one_line_error() {
    Command::cargo_bin("gloss")
        .unwrap()
        .args(["define", "  "])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::starts_with("gloss: error: nothing to look up")
                .and(predicate::function(|s: &str| s.lines().count() == 1)),
        );
}

#[test]
fn a_control_sequence_in_the_word_is_not_printed_raw() {
    Command::cargo_bin("gloss")
        .unwrap()
        .args(["define", "\u{1b}[2J国"])
        .assert()
        .success()
        .stdout(predicate::str::contains('\u{1b}').not());
}

#[test]
fn version_names_the_dictionary_and_its_licence() {
    Command::cargo_bin("gloss")
        .unwrap()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(gloss::dict::ATTRIBUTION));
}
