//! Fuzzing the loaders, the store reader and the output sanitiser with
//! many generated inputs: sample briefs and a store mutated byte by byte,
//! and arbitrary bytes. Nothing may panic, and the sanitiser's output never
//! holds a control character.
//!
//! `cargo test` runs a few cases; CI runs many for a bounded time:
//! `GLOSS_FUZZ_CASES=1000000 GLOSS_FUZZ_SECONDS=120 cargo test --release --test loader_fuzz`.

use std::time::{Duration, Instant};

use gloss::brief::load::Format;
use gloss::brief::load_bytes;
use gloss::notes::store::parse_store;
use gloss::output::{json_safe, visible, visible_line};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The start of every sample brief, and a small store, to mutate.
fn seeds() -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/briefs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let mut b = std::fs::read(p).unwrap();
            b.truncate(6000);
            b
        })
        .collect();
    seeds.push(
        br#"{"schema":1,"brief":{"key":"k","paths":["/tmp/x.md"]},"contexts":[{"fingerprint":"p1","paragraph":"p1","quote":"q"}],"notes":[{"id":"a","anchor":{"context":0},"text":"t","tags":["x"],"created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z"}]}"#
            .to_vec(),
    );
    seeds
}

/// One byte-level change: overwrite, insert, delete or cut.
#[derive(Debug, Clone)]
enum Mutation {
    Set(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<usize>(), 1..64usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Set(i, b) if !bytes.is_empty() => bytes[i % len] = *b,
            Mutation::Insert(i, b) => {
                let at = i % (bytes.len() + 1);
                bytes.splice(at..at, b.iter().copied());
            }
            Mutation::Delete(i, n) if !bytes.is_empty() => {
                let at = i % len;
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
            Mutation::Truncate(i) => bytes.truncate(i % (bytes.len() + 1)),
            _ => {}
        }
    }
    bytes
}

fn check(bytes: &[u8]) {
    for format in [Format::Markdown, Format::PlainText] {
        let _ = load_bytes(bytes, format, "fuzz");
    }
    let _ = parse_store(bytes);
    let text = String::from_utf8_lossy(bytes);
    assert!(
        !visible(&text)
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
    );
    assert!(!visible_line(&text).chars().any(char::is_control));
    let json = serde_json::to_string(&text).unwrap();
    let safe = json_safe(&json);
    assert!(!safe.chars().any(char::is_control));
    assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), text);
}

#[test]
fn loaders_store_reader_and_sanitiser_survive_fuzzing() {
    let cases = env_number("GLOSS_FUZZ_CASES", 64);
    let budget = Duration::from_secs(env_number("GLOSS_FUZZ_SECONDS", 600));
    let started = Instant::now();
    let seeds = seeds();
    let input = prop_oneof![
        (0..seeds.len(), prop::collection::vec(mutation(), 0..12))
            .prop_map(move |(i, m)| apply(seeds[i].clone(), &m)),
        prop::collection::vec(any::<u8>(), 0..4096),
    ];
    let config = Config {
        cases: u32::try_from(cases).unwrap_or(u32::MAX),
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let ran = std::cell::Cell::new(0u64);
    runner
        .run(&input, |bytes| {
            // Past the time budget the remaining cases pass at once.
            if started.elapsed() < budget {
                check(&bytes);
                ran.set(ran.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    eprintln!(
        "loader_fuzz: {} inputs in {:?}",
        ran.get(),
        started.elapsed()
    );
    assert!(ran.get() > 0);
}
