//! Conversion quality on OpenCC's own upstream test cases (the shared
//! oracle `shared/oracles/opencc-testcases.json`, found in a parent folder
//! of the crate as laid out for the developers and CI). The same figure as
//! `shared/tools/convert-cases target/release/gloss`, computed in process;
//! the floor guards against regressions (the issue asks for at least 58%).

use std::collections::BTreeMap;
use std::path::PathBuf;

use gloss::convert::{ConfigName, Converter};

fn oracle() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .map(|dir| dir.join("shared/oracles/opencc-testcases.json"))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!("shared/oracles/opencc-testcases.json not found above {here:?}: this test needs the shared oracles")
        })
}

#[test]
fn upstream_opencc_cases_pass_at_least_85_percent() {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(oracle()).unwrap()).unwrap();
    let cases = json["cases"].as_array().expect("a cases array");
    let mut per_config: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut converters: BTreeMap<String, Converter> = BTreeMap::new();
    for case in cases {
        let input = case["input"].as_str().unwrap();
        for (name, want) in case["expected"].as_object().unwrap() {
            let converter = converters.entry(name.clone()).or_insert_with(|| {
                let config: ConfigName = name.parse().unwrap();
                Converter::from_config(config).unwrap()
            });
            let entry = per_config.entry(name.clone()).or_default();
            entry.1 += 1;
            if converter.convert(input) == want.as_str().unwrap() {
                entry.0 += 1;
            }
        }
    }
    let passed: usize = per_config.values().map(|(p, _)| p).sum();
    let total: usize = per_config.values().map(|(_, t)| t).sum();
    let report: Vec<String> = per_config
        .iter()
        .map(|(name, (p, t))| format!("{name}:{p}/{t}"))
        .collect();
    assert!(total > 500, "the oracle shrank: {total} pairs");
    assert!(
        passed * 100 >= total * 85,
        "{passed}/{total} passed: {}",
        report.join(" ")
    );
    for (name, (p, t)) in &per_config {
        assert!(p * 10 >= t * 7, "{name}: {p}/{t} ({})", report.join(" "));
    }
}
