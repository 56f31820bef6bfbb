//! Conversion quality on OpenCC's own upstream test cases, computed in
//! process: the same figure as `shared/tools/convert-cases`. The cases are
//! measuring data kept outside the repository, so this is a CI step
//! (`.ci/run`), not part of `cargo test`:
//!
//!     cargo run --example convert_quality -- ../shared/oracles/opencc-testcases.json
//!
//! Prints the pass rate per config and exits 1 below the floor (85% overall,
//! 70% per config; the issue asks for at least 58%).

use std::collections::BTreeMap;
use std::process::ExitCode;

use gloss::convert::{ConfigName, Converter};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: convert_quality PATH/opencc-testcases.json");
        return ExitCode::from(2);
    };
    match measure(&path) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("convert_quality: {e}");
            ExitCode::from(2)
        }
    }
}

fn measure(path: &str) -> Result<bool, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let cases = json["cases"].as_array().ok_or("no cases array")?;
    let mut per_config: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut converters: BTreeMap<String, Converter> = BTreeMap::new();
    for case in cases {
        let input = case["input"].as_str().ok_or("a case without input")?;
        let expected = case["expected"]
            .as_object()
            .ok_or("a case without expected")?;
        for (name, want) in expected {
            if !converters.contains_key(name) {
                let config: ConfigName = name.parse().map_err(|e| format!("{name}: {e}"))?;
                let converter = Converter::from_config(config).map_err(|e| e.to_string())?;
                converters.insert(name.clone(), converter);
            }
            let entry = per_config.entry(name.clone()).or_default();
            entry.1 += 1;
            if converters[name].convert(input) == want.as_str().unwrap_or_default() {
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
    println!("{}", report.join(" "));
    println!(
        "passed {passed}/{total} ({:.0}%)",
        100.0 * passed as f64 / total.max(1) as f64
    );
    let mut ok = total > 500 && passed * 100 >= total * 85;
    for (name, (p, t)) in &per_config {
        if p * 10 < t * 7 {
            println!("{name} is below 70%: {p}/{t}");
            ok = false;
        }
    }
    Ok(ok)
}
