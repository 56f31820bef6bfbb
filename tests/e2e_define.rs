//! End to end: the real binary in a pseudo-terminal opens the dictionary
//! pop-up with `D` on a search match and on a selection, steps through the
//! words with `]` and `[`, and closes it with Esc.

pub mod support;

use support::Session;
use tempfile::TempDir;

fn start() -> (Session, TempDir) {
    let home = TempDir::new().unwrap();
    let brief = home.path().join("brief.md");
    std::fs::write(
        &brief,
        "# 戰略對話\n\n雙方同意維持建設性戰略穩定關係。\n\n第二段落。\n",
    )
    .unwrap();
    let s = Session::start(home.path(), &[brief.to_str().unwrap()]);
    s.wait_text("維持建設性");
    (s, home)
}

#[test]
fn d_on_a_match_defines_the_longest_word_and_steps_through_the_paragraph() {
    let (mut s, _home) = start();
    s.keys("/建設\r");
    s.keys("D");
    s.wait_text("jiàn shè xìng");
    s.wait_text("ㄐㄧㄢˋ ㄕㄜˋ ㄒㄧㄥˋ");
    s.wait_text("constructive");
    s.keys("]");
    s.wait_text("zhàn lüè");
    s.wait_text("ㄓㄢˋ ㄌㄩㄝˋ");
    s.keys("[");
    s.wait_text("jiàn shè xìng");
    s.keys("\x1b");
    s.wait_for(|screen| !screen.contains("Dictionary"), "the pop-up closed");
    s.quit();
}

#[test]
fn d_in_a_selection_defines_the_word_at_its_start() {
    let (mut s, _home) = start();
    s.keys("/穩定\r");
    s.keys("v");
    s.keys("l");
    s.keys("D");
    s.wait_text("wěn dìng");
    s.wait_text("ㄨㄣˇ ㄉㄧㄥˋ");
    s.keys("\x1b");
    s.wait_for(|screen| !screen.contains("Dictionary"), "the pop-up closed");
    s.quit();
}
