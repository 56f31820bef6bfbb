//! The two backends side by side (feature `system-opencc`): the system
//! backend is OpenCC 1.1 itself, so it must give exactly what OpenCC's
//! command line gives; against the built-in backend the two agree on the
//! sample briefs but for the documented dictionary updates.

#![cfg(feature = "system-opencc")]

pub mod convert_common;

use std::path::Path;

use assert_cmd::Command;
use convert_common::{OPENCC_1_1_CONFIGS, differing_runs, known, opencc_cli, sample_briefs};
use gloss::convert::system::SystemBackend;
use gloss::convert::{Backend, BuiltinBackend, ConfigName, Converter, Overrides};

#[test]
fn system_backend_is_the_opencc_command_line() {
    for brief in sample_briefs() {
        let text = std::fs::read_to_string(&brief).unwrap();
        for name in OPENCC_1_1_CONFIGS {
            let config: ConfigName = name.parse().unwrap();
            let system = SystemBackend::new(config).unwrap();
            assert_eq!(
                system.convert(&text),
                opencc_cli(name, &text),
                "{name} on {brief:?}"
            );
        }
    }
}

#[test]
fn backends_agree_but_for_documented_dictionary_updates() {
    for brief in sample_briefs() {
        let text = std::fs::read_to_string(&brief).unwrap();
        for name in OPENCC_1_1_CONFIGS {
            let config: ConfigName = name.parse().unwrap();
            let builtin = BuiltinBackend::new(config).unwrap().convert(&text);
            let system = SystemBackend::new(config).unwrap().convert(&text);
            let runs = differing_runs(&system, &builtin);
            assert!(
                runs.is_subset(&known(name)),
                "{name} on {brief:?}: undocumented differences {runs:?}"
            );
        }
    }
}

#[test]
fn overrides_win_in_the_system_backend_too() {
    let overrides = Overrides::parse("程序\n行程\n川普\t特朗普\n", Path::new("p")).unwrap();
    let converter = Converter::from_config(ConfigName::Tw2sp)
        .unwrap()
        .using_system_opencc()
        .unwrap()
        .with_overrides(overrides);
    assert_eq!(
        converter.convert("川普的行程與程序，訊息"),
        "特朗普的行程与程序，消息"
    );
}

#[test]
fn any_opencc_json_config_file_is_accepted() {
    let config = Path::new("/usr/share/opencc/t2s.json");
    let out = Command::cargo_bin("gloss")
        .unwrap()
        .args(["convert", "--no-overrides", "--opencc-config"])
        .arg(config)
        .write_stdin("臺灣習近平")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "台湾习近平");

    let out = Command::cargo_bin("gloss")
        .unwrap()
        .args(["convert", "--opencc-config", "/nonexistent/mine.json"])
        .write_stdin("臺灣")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("/nonexistent/mine.json") && err.contains("no such file"),
        "{err}"
    );
}

#[test]
fn system_opencc_flag_uses_the_system_library() {
    // tw2sp in OpenCC 1.1 still turns 文字 into 文本; the built-in tables do not.
    let run = |extra: &[&str]| {
        let out = Command::cargo_bin("gloss")
            .unwrap()
            .args(["convert", "--no-overrides", "--config", "tw2sp"])
            .args(extra)
            .write_stdin("中法的共同聲明也有文字")
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(run(&["--system-opencc"]), "中法的共同声明也有文本");
    assert_eq!(run(&[]), "中法的共同声明也有文字");
}
