//! End to end: the real binary in a pseudo-terminal switches the view with
//! `c`, opens the compare view with `C`, and starts in the script
//! `config.toml` names. Settings and data go to temporary folders.

pub mod support;

use support::{SEED, Session};
use tempfile::TempDir;

/// Starts gloss on the seed brief with `config_toml` as its settings.
fn start(config_toml: &str) -> (Session, TempDir) {
    let home = TempDir::new().unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    std::fs::write(home.path().join("config/config.toml"), config_toml).unwrap();
    (Session::start(home.path(), &[SEED]), home)
}

/// Waits until the screen holds every one of `wanted` and none of
/// `unwanted` (a frame may arrive in pieces), and returns it.
fn wait_for(s: &Session, wanted: &[&str], unwanted: &[&str]) -> String {
    s.wait_for(
        |screen| {
            wanted.iter().all(|w| screen.contains(w))
                && !unwanted.iter().any(|u| screen.contains(u))
        },
        &format!("{wanted:?} without {unwanted:?}"),
    )
}

#[test]
fn c_shows_the_brief_in_simplified_then_taiwan_then_as_written() {
    let (mut s, _home) = start("");
    wait_for(&s, &["習近平", "川習北京峰會後的美中外交動向"], &["简体"]);
    s.keys("c");
    wait_for(
        &s,
        &["习近平", "川习北京峰会后的美中外交动向", "简体"],
        &["習近平"],
    );
    s.keys("c");
    wait_for(&s, &["繁體", "習近平"], &["简体"]);
    s.keys("c");
    wait_for(&s, &["川習北京峰會後的美中外交動向"], &["繁體", "简体"]);
    s.keys("C");
    wait_for(&s, &["对照", "國家主席習近平", "国家主席习近平"], &[]);
    s.quit();
}

#[test]
fn the_settings_choose_the_script_a_brief_opens_in() {
    let (mut s, _home) = start("script = \"s\"\n");
    wait_for(&s, &["习近平", "简体"], &["習近平"]);
    s.quit();
}

#[test]
fn a_brief_that_mixes_scripts_is_shown_converted_paragraph_by_paragraph() {
    let home = TempDir::new().unwrap();
    let brief = home.path().join("mixed.txt");
    std::fs::write(
        &brief,
        "美中峰會觀察\n\n川習北京峰會後的美中外交動向。\n\n國家主席習近平與美國總統在臺灣議題上交換意見。\n\n\
         后来双方发表了联合声明。\n\n我们在这里着手准备报告。\n",
    )
    .unwrap();
    let mut s = Session::start(home.path(), &[brief.to_str().unwrap()]);
    wait_for(&s, &["后来双方发表了联合声明", "國家主席習近平"], &[]);
    s.keys("c");
    wait_for(
        &s,
        &["简体", "国家主席习近平", "后来双方发表了联合声明"],
        &["國家主席習近平"],
    );
    s.keys("c");
    wait_for(
        &s,
        &[
            "繁體",
            "國家主席習近平",
            "後來雙方發表了聯合聲明",
            "我們在這裡著手準備報告",
        ],
        &["后来双方", "我们在这里"],
    );
    s.quit();
}
