//! The seed brief (PDF-extracted plain text) through the real binary:
//! `gloss outline --json` must give exactly the structure the issue asks for.

use assert_cmd::Command;
use serde_json::Value;

const SEED: &str = "briefs/prospect-forum-us-china-after-beijing-summit.txt";

fn outline_json(path: &std::path::Path) -> Value {
    let out = Command::cargo_bin("gloss")
        .expect("binary built")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["outline", "--json"])
        .arg(path)
        .output()
        .expect("gloss runs");
    assert!(out.status.success(), "gloss failed: {out:?}");
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn seed() -> Value {
    outline_json(std::path::Path::new(SEED))
}

fn texts(paragraphs: &Value) -> Vec<String> {
    paragraphs
        .as_array()
        .expect("paragraphs are an array")
        .iter()
        .map(|p| p["text"].as_str().expect("text is a string").to_string())
        .collect()
}

#[test]
fn meta_of_the_seed() {
    let json = seed();
    let meta = &json["meta"];
    assert_eq!(meta["title"], "川習北京峰會後的美中外交動向");
    assert_eq!(meta["authors"], serde_json::json!(["盧政鋒"]));
    assert_eq!(meta["affiliation"], "金門大學國際暨大陸事務學系副教授");
    assert_eq!(meta["series"], "遠景論壇");
    assert_eq!(meta["publisher"], "財團法人兩岸交流遠景基金會");
    assert_eq!(meta["subtitle"], Value::Null);
    assert_eq!(
        meta["date"],
        Value::Null,
        "the only date is inside the caption"
    );
    assert_eq!(meta["encoding"], "UTF-8");
}

#[test]
fn sections_of_the_seed() {
    let json = seed();
    let sections = json["sections"].as_array().expect("sections");
    let shape: Vec<(Option<&str>, u64, usize)> = sections
        .iter()
        .map(|s| {
            (
                s["title"].as_str(),
                s["level"].as_u64().expect("level"),
                s["paragraphs"].as_array().expect("paragraphs").len(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            (None, 0, 2),
            (Some("各方關注中美構建「建設性戰略穩定關係」"), 1, 2),
            (Some("美中外交交鋒走向競爭有度？"), 1, 4),
            (Some("川習互動升溫下的臺灣議題戰略敏感性持續升高"), 1, 1),
        ]
    );
    for section in sections {
        for p in section["paragraphs"].as_array().expect("paragraphs") {
            assert_eq!(p["kind"], "text");
            assert!(p["id"].as_str().is_some_and(|id| !id.is_empty()));
        }
    }
}

#[test]
fn the_three_page_cuts_are_joined() {
    let json = seed();
    let sections = json["sections"].as_array().expect("sections");
    let opening = texts(&sections[0]["paragraphs"]);
    assert!(opening[0].contains("兩國元首作為掌舵人"), "{}", opening[0]);
    assert!(opening[0].starts_with("中國國家主席習近平掌政以來"));
    assert!(opening[0].ends_with("而是出訪俄羅斯、東南亞與中亞周邊國家。"));
    let second = texts(&sections[1]["paragraphs"]);
    // The source itself prints 東 for 束 here ("結東北京訪問"); the loader
    // joins what is there and corrects nothing.
    assert!(second[1].contains("川普結東北京訪問"), "{}", second[1]);
    let third = texts(&sections[2]["paragraphs"]);
    assert!(third[3].contains("美國國會對中國"), "{}", third[3]);
    let all: String = [opening, second, third].concat().concat();
    for cut in ["兩國元首 ", "川普結 ", "美國國 ", "\n", "\u{c}"] {
        assert!(!all.contains(cut), "no trace of a cut: {cut:?}");
    }
}

#[test]
fn the_caption_is_front_matter() {
    let json = seed();
    let front = json["front_matter"].as_array().expect("front matter");
    assert_eq!(front[0]["kind"], "caption");
    // The byline's lines follow the caption: the meta data copies them.
    let byline: Vec<&str> = front[1..]
        .iter()
        .filter_map(|p| p["text"].as_str())
        .collect();
    assert_eq!(byline, ["盧政鋒", "金門大學國際暨大陸事務學系副教授"]);
    let text = front[0]["text"].as_str().expect("text");
    assert!(text.starts_with("2026年5月13日至15日，美國總統川普時隔近九年再度訪問中國。"));
    assert!(text.contains("(圖片來源：<https://www.flickr.com/photos/whitehouse/"));
}

#[test]
fn the_editors_note_and_footer_are_back_matter() {
    let json = seed();
    let back = texts(&json["back_matter"]);
    assert_eq!(back.len(), 7, "{back:?}");
    assert_eq!(
        back[0],
        "編按：本文僅代表作者個人觀點，不代表遠景基金會之政策與立場。"
    );
    assert_eq!(back[1], "財團法人兩岸交流遠景基金會");
    assert!(back[2].starts_with("本基金會為研究國際政經情勢之民間學術智庫"));
    assert_eq!(back[3], "臺北市汀州路三段 60 巷 1 號");
    assert_eq!(back[4], "Tel: 886-2-23654366");
    assert_eq!(back[5], "Fax: 886-2-23679193");
    assert_eq!(back[6], "<http://www.pf.org.tw>");
    let last_section = json["sections"]
        .as_array()
        .and_then(|s| s.last())
        .expect("a section");
    let last_texts = texts(&last_section["paragraphs"]);
    assert!(
        last_texts
            .iter()
            .all(|t| !t.contains("編按") && !t.contains("基金會為"))
    );
}

#[test]
fn the_seed_file_is_unchanged() {
    let bytes =
        std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)).expect("seed");
    assert_eq!(bytes.len(), 7999);
    assert_eq!(blake3::hash(&bytes).to_hex().to_string(), SEED_BLAKE3);
}

const SEED_BLAKE3: &str = "07377876efed4b5094389f7651c0a283d493b4718aee6acd4c4f364a617b2fd8";

/// A synthetic multi-page brief written to a file: form feeds, a running
/// header, "- 3 -" page numbers and an English sentence cut by a page break.
#[test]
fn a_synthetic_multi_page_brief_through_the_binary() {
    let text = "Prospect Forum\n\nManaged Rivalry After Beijing\n\nJane Doe\n\nSenior Fellow, Prospect Foundation\n\n2026-05-13\n\n\
1. Background\n\nThe leaders met in Beijing and agreed to keep talking about\n\
trade, technology and the inter-\n\
\u{c}Prospect Forum | Managed Rivalry\n- 2 -\n\n\
national institutions that both sides still need.\n\n\
2. Outlook\n\nTalks resume in\n\n\
\u{c}Prospect Forum | Managed Rivalry\n- 3 -\n\n\
Washington in the autumn.\n\n\
Editor's note: the views are the author's own.\n";
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("multi-page.txt");
    std::fs::write(&path, text).expect("written");
    let json = outline_json(&path);
    assert_eq!(json["meta"]["title"], "Managed Rivalry After Beijing");
    assert_eq!(json["meta"]["date"], "2026-05-13");
    let sections = json["sections"].as_array().expect("sections");
    let titles: Vec<_> = sections.iter().map(|s| s["title"].as_str()).collect();
    assert_eq!(titles, [Some("1. Background"), Some("2. Outlook")]);
    assert_eq!(
        texts(&sections[0]["paragraphs"]),
        [
            "The leaders met in Beijing and agreed to keep talking about trade, technology and the international institutions that both sides still need."
        ]
    );
    assert_eq!(
        texts(&sections[1]["paragraphs"]),
        ["Talks resume in Washington in the autumn."]
    );
    assert_eq!(
        texts(&json["back_matter"]),
        ["Editor's note: the views are the author's own."]
    );
}
