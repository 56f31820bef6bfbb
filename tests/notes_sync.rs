//! `gloss notes sync` through a local bare repository (no network, and no
//! git identity on the machine): two and three data folders, briefs at
//! different paths, changes made offline and synced in several orders,
//! syncs at the same moment, an unreachable remote, and syncs killed with
//! SIGKILL at random moments. Every folder ends with the same notes, none
//! lost, and the next sync always completes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use gloss::brief::{Brief, load_path};
use gloss::notes::{BriefNotes, DataDir, Note};

const BRIEF: &str = "川習北京峰會後的美中外交動向\n\n\
美中關係自去年以來持續變化，各方高度關注。\n\n\
習近平曾向美方提及太平洋夠大，容得下中美兩國。\n\n\
美國向來是海洋強權，習近平的談話間接回應有關 G2 的聯想。\n\n\
各界認為川習年內有四次會面機會，雙方派駐大使將擔當溝通重責。\n";

/// One analyst's machine: data and config folders, the brief at a path
/// of its own.
struct Desk {
    data: PathBuf,
    config: tempfile::TempDir,
    file: PathBuf,
    brief: Brief,
    author: String,
    _dirs: (tempfile::TempDir, tempfile::TempDir),
}

impl Desk {
    fn new(author: &str, name: &str) -> Desk {
        let base = tempfile::tempdir().unwrap();
        let docs = tempfile::tempdir().unwrap();
        let config = tempfile::tempdir().unwrap();
        std::fs::write(
            config.path().join("config.toml"),
            format!("author = \"{author}\"\n"),
        )
        .unwrap();
        let file = docs.path().join(name);
        std::fs::write(&file, BRIEF).unwrap();
        let brief = load_path(&file).unwrap();
        Desk {
            data: base.path().join("data"),
            config,
            file,
            brief,
            author: author.to_string(),
            _dirs: (base, docs),
        }
    }

    fn open(&self) -> BriefNotes {
        let dir = DataDir::at(self.data.clone()).with_author(&self.author);
        BriefNotes::open(&dir, &self.file, &self.brief).unwrap()
    }

    fn para(&self, i: usize) -> String {
        let ids: Vec<String> = self.brief.paragraphs().map(|p| p.id.clone()).collect();
        ids[i % ids.len()].clone()
    }

    fn add(&self, text: &str) -> String {
        let mut notes = self.open();
        let id = notes.add(&self.para(text.len()), text, vec![]).unwrap();
        notes.save().unwrap();
        id
    }

    fn state(&self) -> BTreeMap<String, Note> {
        let notes = self.open();
        notes
            .store()
            .all_notes()
            .iter()
            .map(|n| (n.id.clone(), n.clone()))
            .collect()
    }

    fn sync_command(&self, init: Option<&Path>) -> Command {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("gloss"));
        cmd.args(["notes", "sync"]);
        if let Some(url) = init {
            cmd.arg("--init").arg(url);
        }
        cmd.env("GLOSS_DATA_DIR", &self.data)
            .env("GLOSS_CONFIG_DIR", self.config.path())
            // A machine with no git identity configured.
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GIT_AUTHOR_NAME")
            .env_remove("GIT_AUTHOR_EMAIL")
            .env_remove("GIT_COMMITTER_NAME")
            .env_remove("GIT_COMMITTER_EMAIL");
        cmd
    }

    fn sync_output(&self, init: Option<&Path>) -> Output {
        self.sync_command(init).output().unwrap()
    }

    /// Syncs and returns what it printed; fails the test if it failed.
    fn sync(&self, init: Option<&Path>) -> String {
        let out = self.sync_output(init);
        assert!(
            out.status.success(),
            "{} sync failed: {}",
            self.author,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

fn bare_repository() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("team-notes.git");
    let ok = Command::new("git")
        .args(["init", "-q", "--bare"])
        .arg(&repo)
        .status()
        .unwrap();
    assert!(ok.success());
    (dir, repo)
}

fn assert_same(desks: &[&Desk], made: &[String]) -> BTreeMap<String, Note> {
    let first = desks[0].state();
    for d in &desks[1..] {
        assert_eq!(
            d.state(),
            first,
            "{} differs from {}",
            d.author,
            desks[0].author
        );
    }
    for id in made {
        assert!(first.contains_key(id), "note {id} lost");
    }
    first
}

fn live_texts(state: &BTreeMap<String, Note>) -> Vec<String> {
    let mut v: Vec<String> = state
        .values()
        .filter(|n| n.is_live())
        .map(|n| n.text.clone())
        .collect();
    v.sort();
    v
}

#[test]
fn three_desks_offline_then_syncing_in_any_order_agree_and_lose_nothing() {
    let (_keep, remote) = bare_repository();
    let ann = Desk::new("Ann Lee", "summit.txt");
    let bob = Desk::new("Bob 王", "川習峰會.txt");
    let chen = Desk::new("Chen", "brief-copy.txt");
    let mut made = Vec::new();

    // Ann starts: a data folder with notes becomes a repository.
    for t in ["ann 1", "ann 2", "ann 3"] {
        made.push(ann.add(t));
    }
    ann.sync(Some(&remote));
    // Bob clones into an empty data folder and sees Ann's notes.
    let said = bob.sync(Some(&remote));
    assert!(said.contains("3 notes from 1 person"), "{said}");
    assert_eq!(live_texts(&bob.state()), vec!["ann 1", "ann 2", "ann 3"]);
    // Chen had notes of his own before joining.
    made.push(chen.add("chen 1"));
    let said = chen.sync(Some(&remote));
    assert!(said.contains("3 notes from 1 person"), "{said}");

    // A week offline: edits, deletes and adds on every side, some on the
    // same notes (the later change wins: Ann's edit after Bob's delete).
    let [a1, a2, a3] = [&made[0], &made[1], &made[2]].map(String::clone);
    let mut b = bob.open();
    b.delete(&a1).unwrap();
    b.edit_text(&a2, "ann 2, bob's wording").unwrap();
    made.push(b.add(&bob.para(1), "bob 1", vec![]).unwrap());
    b.save().unwrap();
    std::thread::sleep(Duration::from_millis(5));
    let mut a = ann.open();
    a.edit_text(&a1, "ann 1, kept").unwrap();
    a.delete(&a3).unwrap();
    made.push(a.add(&ann.para(2), "ann 4", vec![]).unwrap());
    a.save().unwrap();
    made.push(chen.add("chen 2"));

    let said = bob.sync(None);
    assert!(said.contains("1 note from 1 person"), "{said}");
    let said = ann.sync(None);
    // Bob's delete, edit and note, and Chen's note.
    assert!(said.contains("4 notes from 2 people"), "{said}");
    chen.sync(None);
    bob.sync(None);
    ann.sync(None);
    let state = assert_same(&[&ann, &bob, &chen], &made);
    assert_eq!(
        live_texts(&state),
        vec![
            "ann 1, kept",
            "ann 2, bob's wording",
            "ann 4",
            "bob 1",
            "chen 1",
            "chen 2"
        ]
    );
    assert_eq!(state[&made[3]].author.as_deref(), Some("Chen"));
    // Every writer committed only its own files: one per writer.
    let key = &state[&a1].brief;
    let files = std::fs::read_dir(ann.data.join("notes").join(key))
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().ends_with(".json")
        })
        .count();
    assert_eq!(files, 3);
}

#[test]
fn syncs_at_the_same_moment_and_an_unreachable_remote_lose_nothing() {
    let (_keep, remote) = bare_repository();
    let ann = Desk::new("Ann", "a.txt");
    let bob = Desk::new("Bob", "b.txt");
    let mut made = vec![ann.add("ann 0")];
    ann.sync(Some(&remote));
    bob.sync(Some(&remote));
    for round in 0..3 {
        made.push(ann.add(&format!("ann {round}")));
        made.push(bob.add(&format!("bob {round}")));
        // Both push at once: one is rejected, merges and pushes again.
        let (a, b) = std::thread::scope(|s| {
            let a = s.spawn(|| ann.sync_output(None));
            let b = s.spawn(|| bob.sync_output(None));
            (a.join().unwrap(), b.join().unwrap())
        });
        for out in [a, b] {
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    ann.sync(None);
    bob.sync(None);
    assert_same(&[&ann, &bob], &made);

    // Offline: the remote is gone. A clear message, nothing lost.
    let moved = remote.with_extension("away");
    std::fs::rename(&remote, &moved).unwrap();
    made.push(ann.add("written offline"));
    let out = ann.sync_output(None);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("next `gloss notes sync` sends them"), "{err}");
    assert!(ann.state().contains_key(made.last().unwrap()));
    std::fs::rename(&moved, &remote).unwrap();
    ann.sync(None);
    let said = bob.sync(None);
    assert!(said.contains("1 note from 1 person"), "{said}");
    assert_same(&[&ann, &bob], &made);
}

/// A small pseudo-random sequence; the seed is printed for a replay.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

#[test]
fn syncs_killed_at_random_moments_lose_nothing_and_the_next_one_completes() {
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("seed {seed}");
    let mut rng = XorShift(seed);
    let (_keep, remote) = bare_repository();
    let ann = Desk::new("Ann", "a.txt");
    let bob = Desk::new("Bob", "b.txt");
    let mut made = Vec::new();
    // Enough notes that git has some work to do when killed.
    let mut notes = ann.open();
    for i in 0..300 {
        let text = format!("ann bulk {i} {}", "長".repeat(60));
        made.push(notes.add(&ann.para(i), &text, vec![]).unwrap());
    }
    notes.save().unwrap();
    drop(notes);
    ann.sync(Some(&remote));
    bob.sync(Some(&remote));

    let mut killed = 0;
    let started = Instant::now();
    for round in 0..10 {
        for desk in [&ann, &bob] {
            made.push(desk.add(&format!("{} round {round}", desk.author)));
            let mut child = desk.sync_command(None).spawn().unwrap();
            std::thread::sleep(Duration::from_millis(rng.next(120)));
            if child.try_wait().unwrap().is_none() {
                child.kill().unwrap();
                killed += 1;
            }
            let _ = child.wait();
        }
    }
    eprintln!("killed {killed} of 20 syncs in {:?}", started.elapsed());
    ann.sync(None);
    bob.sync(None);
    ann.sync(None);
    assert_same(&[&ann, &bob], &made);
}

#[test]
fn notes_list_shows_filters_and_exports_the_author() {
    let (_keep, remote) = bare_repository();
    let ann = Desk::new("Ann Lee", "a.txt");
    let bob = Desk::new("Bob 王", "b.txt");
    ann.add("ann's note");
    ann.sync(Some(&remote));
    bob.sync(Some(&remote));
    bob.add("bob's note");
    bob.sync(None);
    ann.sync(None);
    let list = |args: &[&str]| {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("gloss"));
        cmd.env("GLOSS_DATA_DIR", &ann.data)
            .env("GLOSS_CONFIG_DIR", ann.config.path())
            .args(["notes", "list"])
            .args(args);
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let md = list(&["--author", "王"]);
    assert!(md.contains("bob's note") && md.contains("Bob 王"), "{md}");
    assert!(!md.contains("ann's note"), "{md}");
    let csv = list(&["--format", "csv"]);
    assert!(
        csv.lines().next().unwrap().ends_with(",author,modified_by"),
        "{csv}"
    );
    assert!(csv.contains("Ann Lee") && csv.contains("Bob 王"), "{csv}");
    let w3c: serde_json::Value = serde_json::from_str(&list(&["--format", "w3c"])).unwrap();
    let creators: Vec<&str> = w3c["first"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["creator"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(creators.len(), 2);
    assert!(creators.contains(&"Ann Lee") && creators.contains(&"Bob 王"));
}

fn tracked(desk: &Desk) -> Vec<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(&desk.data)
        .args(["ls-tree", "-r", "--name-only", "HEAD"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn a_store_from_before_teams_is_migrated_and_shared_by_the_first_sync() {
    let (_keep, remote) = bare_repository();
    let ann = Desk::new("Ann", "a.txt");
    let bob = Desk::new("Bob", "b.txt");
    let dd = DataDir::at(ann.data.clone()).with_author("Ann");
    let info = dd.locate(&ann.file, Some(&ann.brief)).unwrap();
    dd.register(&info).unwrap();
    let legacy = dd.legacy_store_path(&info.key);
    let mut old = gloss::notes::NoteStore::open(&legacy, info.clone()).unwrap();
    let map = gloss::notes::BriefMap::new(&ann.brief);
    let mut made = Vec::new();
    for i in 0..3 {
        let anchor = map.anchor_for(&ann.para(i)).unwrap();
        made.push(old.add(anchor, &format!("old {i}"), vec![]).unwrap());
    }
    old.save().unwrap();

    ann.sync(Some(&remote));
    assert!(!legacy.exists(), "migrated into Ann's own file");
    let files = tracked(&ann);
    let own = format!("notes/{}/{}.json", info.key, dd.writer().id);
    assert!(files.contains(&own), "{files:?}");
    assert!(
        files
            .iter()
            .all(|f| !f.ends_with(".lock") && !f.starts_with("local/"))
    );
    assert!(!files.contains(&format!("notes/{}.json", info.key)));
    let said = bob.sync(Some(&remote));
    assert!(said.contains("3 notes from 1 person"), "{said}");
    assert_same(&[&ann, &bob], &made);
}

#[test]
fn two_machines_writing_the_same_file_keep_both_sides_through_git() {
    // `local/` copied to a second machine by mistake: both write one file.
    let (_keep, remote) = bare_repository();
    let desk = Desk::new("Ann", "a.txt");
    let laptop = Desk::new("Ann", "elsewhere.txt");
    let mut made = vec![desk.add("from before")];
    desk.sync(Some(&remote));
    laptop.sync(Some(&remote));
    let host = gloss::notes::writer::host_name();
    std::fs::copy(
        gloss::notes::writer::writer_file(&desk.data, &host),
        gloss::notes::writer::writer_file(&laptop.data, &host),
    )
    .unwrap();
    made.push(desk.add("on the desk"));
    made.push(laptop.add("on the laptop"));
    desk.sync(None);
    laptop.sync(None);
    desk.sync(None);
    let state = assert_same(&[&desk, &laptop], &made);
    assert_eq!(
        live_texts(&state),
        vec!["from before", "on the desk", "on the laptop"]
    );
    assert!(
        tracked(&desk)
            .iter()
            .any(|f| f.contains(".sync-conflict-git-")),
        "the other side is kept as a conflict copy"
    );
}

/// Runs git in `dir` with an identity of its own; fails the test if git fails.
fn git_in(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=Bob",
            "-c",
            "user.email=bob@example.invalid",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A desk whose data folder is a git repository with a remote, and a
/// folder outside it (standing for the home folder).
fn team_desk() -> (tempfile::TempDir, Desk, tempfile::TempDir) {
    let (keep, remote) = bare_repository();
    let ann = Desk::new("Ann", "a.txt");
    ann.add("first");
    ann.sync(Some(&remote));
    (keep, ann, tempfile::tempdir().unwrap())
}

/// Issue 20 #10: a link a teammate pushed, named like my store file of a
/// brief I have not noted yet, pointing at a file not there yet.
#[cfg(unix)]
#[test]
fn a_teammates_link_named_like_my_store_file_is_not_written_through() {
    let (_keep, ann, outside) = team_desk();
    let profile = outside.path().join("bash_profile");
    let dd = DataDir::at(ann.data.clone()).with_author("Ann");
    let other = ann.file.with_file_name("other.txt");
    std::fs::write(
        &other,
        "另一份簡報\n\n內容完全不同，談的是能源政策與天然氣價格。\n",
    )
    .unwrap();
    let other_brief = load_path(&other).unwrap();
    let key = dd.locate(&other, Some(&other_brief)).unwrap().key;
    let store = dd.store_path(&key);
    std::fs::create_dir_all(store.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&profile, &store).unwrap();
    let mut notes = BriefNotes::open(&dd, &other, &other_brief).unwrap();
    let para = other_brief.paragraphs().last().unwrap().id.clone();
    notes.add(&para, "a note of mine", vec![]).unwrap();
    notes.save().unwrap();
    assert!(!profile.exists(), "a note was written through the link");
    assert!(!std::fs::symlink_metadata(&store).unwrap().is_symlink());
    let own = std::fs::read_to_string(&store).unwrap();
    assert!(own.contains("a note of mine"), "{own}");
}

/// Issue 20 #11: a reading-state file force-added as a link.
#[cfg(unix)]
#[test]
fn a_state_file_linked_out_of_the_team_repository_is_not_written_through() {
    let (_keep, ann, outside) = team_desk();
    let bashrc = outside.path().join("bashrc");
    std::fs::write(&bashrc, "# mine\n").unwrap();
    let states = gloss::library::StateDir::new(DataDir::at(ann.data.clone()));
    let state = states.path_for("some-brief-0123456789abcdef");
    std::fs::create_dir_all(state.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&bashrc, &state).unwrap();
    states
        .save(
            "some-brief-0123456789abcdef",
            &gloss::library::BriefState::default(),
        )
        .unwrap();
    assert_eq!(std::fs::read_to_string(&bashrc).unwrap(), "# mine\n");
    assert!(!std::fs::symlink_metadata(&state).unwrap().is_symlink());
}

/// Issue 20 #12: the repository's `.gitignore` made a link.
#[cfg(unix)]
#[test]
fn a_gitignore_linked_out_of_the_repository_is_not_appended_to() {
    let (_keep, ann, outside) = team_desk();
    let ignore = outside.path().join("ignore");
    std::fs::write(&ignore, "# mine\n").unwrap();
    let gitignore = ann.data.join(".gitignore");
    std::fs::remove_file(&gitignore).unwrap();
    std::os::unix::fs::symlink(&ignore, &gitignore).unwrap();
    ann.sync(None);
    assert_eq!(std::fs::read_to_string(&ignore).unwrap(), "# mine\n");
    let text = std::fs::read_to_string(&gitignore).unwrap();
    assert!(text.contains("/local/"), "{text}");
}

#[test]
fn a_teams_gitignore_and_gitattributes_never_keep_my_notes_from_leaving() {
    let (_keep, remote) = bare_repository();
    let ann = Desk::new("Ann", "a.txt");
    let bob = Desk::new("Bob", "b.txt");
    let mut made = vec![ann.add("before the rules")];
    ann.sync(Some(&remote));
    bob.sync(Some(&remote));
    // Bob pushes rules that would keep every store out, or re-encode it.
    std::fs::write(bob.data.join(".gitignore"), "*.json\n").unwrap();
    std::fs::write(
        bob.data.join(".gitattributes"),
        "*.json working-tree-encoding=UTF-16LE\n",
    )
    .unwrap();
    git_in(&bob.data, &["add", "--", ".gitignore", ".gitattributes"]);
    git_in(&bob.data, &["commit", "-q", "-m", "rules"]);
    git_in(&bob.data, &["push", "-q", "origin", "HEAD"]);

    ann.sync(None);
    made.push(ann.add("after the rules"));
    let said = ann.sync(None);
    assert!(said.contains("your notes were sent"), "{said}");
    made.push(bob.add("bob, after the rules"));
    bob.sync(None);
    ann.sync(None);
    let state = assert_same(&[&ann, &bob], &made);
    assert_eq!(
        live_texts(&state),
        vec![
            "after the rules",
            "before the rules",
            "bob, after the rules"
        ]
    );
}
