//! End to end: `gloss search` names a hit's paragraph and line, and
//! `gloss FILE --at` opens the reader there, with the cursor on it.

pub mod support;

use support::{SEED, Session, gloss_output};

/// The `:line` and `#id` of the search hit whose context has `needle`.
fn hit_place(home: &std::path::Path, query: &str, needle: &str) -> (String, String) {
    let out = gloss_output(home, &["search", query, SEED, "--color", "never"]);
    let line = out
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no hit with {needle:?} in\n{out}"));
    let (place, _) = line.split_once(" › ").unwrap();
    let (file_line, id) = place.split_once(" #").unwrap();
    let (_, number) = file_line.rsplit_once(':').unwrap();
    (number.to_string(), id.to_string())
}

/// The first row of the body: what follows the section list's border.
fn top_of_body(screen: &str) -> String {
    let row = screen.lines().nth(2).unwrap_or("");
    row.split_once('│').map_or("", |(_, b)| b).to_string()
}

#[test]
fn a_hit_id_and_its_line_open_the_reader_on_its_paragraph() {
    let home = tempfile::TempDir::new().unwrap();
    let (line, id) = hit_place(home.path(), "釜山", "**釜山**會晤後");
    assert_eq!(line, "21");
    assert!(id.starts_with('p'), "{id}");
    let start = "習近平去年與川普釜山會晤後";
    for at in [format!("#{id}"), line] {
        let mut s = Session::start(home.path(), &[SEED, "--at", &at]);
        // The first frame shows the place; the cursor bar comes with the
        // notes, a frame later (under load the first frame may be caught).
        let screen = s.wait_text(&format!("▎{start}"));
        let top = top_of_body(&screen);
        // The cursor mark, then the paragraph's first words.
        assert!(
            top.starts_with(&format!("▎{start}")),
            "--at {at}:\n{screen}"
        );
        s.quit();
    }
}

#[test]
fn an_unknown_id_or_a_line_past_the_end_is_a_one_line_error() {
    for (at, says) in [
        ("pnothere", "has no paragraph or section with id pnothere"),
        ("9999", "has lines 1 to "),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
            .args([SEED, "--at", at])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.starts_with("gloss: error: ") && err.contains(says),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}
