//! The built-in backend against OpenCC's own command line (`opencc -c
//! NAME.json`) on every sample brief and every configuration OpenCC 1.1
//! ships: the outputs agree except where the dictionaries changed after
//! OpenCC 1.1, and each such difference is listed in
//! `convert_common::KNOWN_DIFFERENCES`.
//!
//! It needs OpenCC's packages (`opencc`, `libopencc-dev`), so it belongs to
//! the `system-opencc` test run, like the backend comparison; `.ci/run`
//! installs them and runs it.

#![cfg(feature = "system-opencc")]

pub mod convert_common;

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;
use convert_common::{OPENCC_1_1_CONFIGS, differing_runs, known, opencc_cli, sample_briefs};
use gloss::convert::{ConfigName, Converter};

#[test]
fn builtin_backend_matches_the_opencc_command_line_but_for_documented_dictionary_updates() {
    let mut seen: BTreeSet<(String, String, String)> = BTreeSet::new();
    for brief in sample_briefs() {
        let text = std::fs::read_to_string(&brief).unwrap();
        for name in OPENCC_1_1_CONFIGS {
            let config: ConfigName = name.parse().unwrap();
            let ours = Converter::from_config(config).unwrap().convert(&text);
            let reference = opencc_cli(name, &text);
            let runs = differing_runs(&reference, &ours);
            let documented = known(name);
            let undocumented: Vec<_> = runs.difference(&documented).collect();
            assert!(
                undocumented.is_empty(),
                "{name} on {brief:?}: undocumented differences (OpenCC, gloss): {undocumented:?}"
            );
            // Dictionary updates touch a handful of characters, never more.
            let changed: usize = ours
                .chars()
                .zip(reference.chars())
                .filter(|(a, b)| a != b)
                .count();
            assert!(
                changed * 100 <= text.chars().count(),
                "{name} on {brief:?}: {changed} characters differ"
            );
            seen.extend(runs.into_iter().map(|(e, a)| (name.to_string(), e, a)));
        }
    }
    // Configurations without documented differences really agree; the list
    // is not padded with differences that no longer occur on the briefs.
    for name in OPENCC_1_1_CONFIGS {
        if known(name).is_empty() {
            assert!(seen.iter().all(|(c, _, _)| c != name), "{name} differs");
        }
    }
}

#[test]
fn gloss_convert_on_the_command_line_gives_what_the_library_gives() {
    for brief in sample_briefs() {
        let text = std::fs::read_to_string(&brief).unwrap();
        let out = Command::cargo_bin("gloss")
            .unwrap()
            .env("GLOSS_CONFIG_DIR", env!("CARGO_MANIFEST_DIR"))
            .args(["convert", "--no-overrides", "--config", "t2s"])
            .write_stdin(text.clone())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let converted = String::from_utf8(out.stdout).unwrap();
        let reference = opencc_cli("t2s", &text);
        let runs = differing_runs(&reference, &converted);
        assert!(runs.is_subset(&known("t2s")), "{brief:?}: {runs:?}");
    }
}

/// A sample brief with every other line in Simplified (as OpenCC's `t2s`
/// writes it), the way a student's notes quote both kinds of sources.
fn mixed_brief() -> (Vec<String>, Vec<bool>) {
    let brief = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("briefs/prospect-forum-us-china-after-beijing-summit.txt");
    let text = std::fs::read_to_string(brief).unwrap();
    let simplified = opencc_cli("t2s", &text);
    let mut lines = Vec::new();
    let mut is_simplified = Vec::new();
    for (i, (t, s)) in text.lines().zip(simplified.lines()).enumerate() {
        if t == s {
            continue;
        }
        let odd = i % 2 == 1;
        lines.push(if odd { s } else { t }.to_string());
        is_simplified.push(odd);
    }
    (lines, is_simplified)
}

fn gloss_convert(args: &[&str], input: &str) -> String {
    let out = Command::cargo_bin("gloss")
        .unwrap()
        .env("GLOSS_CONFIG_DIR", env!("CARGO_MANIFEST_DIR"))
        .args(["convert", "--no-overrides"])
        .args(args)
        .write_stdin(input.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_brief_that_mixes_scripts_converts_each_line_as_opencc_converts_its_script() {
    let (lines, is_simplified) = mixed_brief();
    assert!(
        lines.len() > 20,
        "the sample brief has too few Chinese lines"
    );
    let input = lines.join("\n") + "\n";
    for (target, from_s, from_t) in [("tw", "s2tw", "t2tw"), ("s", "", "t2s")] {
        let expected: String = lines
            .iter()
            .zip(&is_simplified)
            .map(|(line, &simplified)| {
                let config = if simplified { from_s } else { from_t };
                if config.is_empty() {
                    format!("{line}\n")
                } else {
                    opencc_cli(config, &format!("{line}\n"))
                }
            })
            .collect();
        let ours = gloss_convert(&["--to", target], &input);
        let runs = differing_runs(&expected, &ours);
        let documented: BTreeSet<_> = known(from_s).union(&known(from_t)).cloned().collect();
        let undocumented: Vec<_> = runs.difference(&documented).collect();
        assert!(
            undocumented.is_empty(),
            "--to {target}: (OpenCC, gloss) differ on {undocumented:?}"
        );
    }
}
