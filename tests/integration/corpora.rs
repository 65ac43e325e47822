//! Checks over the real corpora in ../shared (skipped when it is absent).
//! Run them in release mode: `cargo test --release`.

use std::process::Command;

use serde_json::Value;

use crate::env::{shared, TestEnv};

fn corpus(shared: &std::path::Path, name: &str) -> std::path::PathBuf {
    let out = Command::new(shared.join("tools/corpus"))
        .arg(name)
        .output()
        .unwrap();
    assert!(out.status.success(), "unpacking {name}");
    std::path::PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
}

#[test]
fn reuters_1987_parses_without_a_single_failure_and_finds_datelines() {
    let Some(shared) = shared("the Reuters 1987 parse check") else {
        return;
    };
    let dir = corpus(&shared, "reuters21578-clippings");
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["parse", "--json"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "no clipping failed to parse");
    let mut articles = 0;
    let mut with_dateline = 0;
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        assert!(v.get("error").is_none(), "{line}");
        articles += 1;
        with_dateline += v["dateline"].is_string() as usize;
        assert!(v["date"].is_string());
    }
    assert_eq!(articles, 21_578);
    assert!(
        with_dateline * 100 >= articles * 85,
        "{with_dateline} of {articles} have a dateline"
    );
}

#[test]
fn polnear_dev_end_to_end_f1_does_not_regress() {
    let Some(shared) = shared("the polnear-dev quote score") else {
        return;
    };
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["parse", "--json"])
        .arg(shared.join("eval/polnear-dev/clippings"))
        .output()
        .unwrap();
    let pred = env.dir.path().join("pred.ndjson");
    std::fs::write(&pred, &out.stdout).unwrap();
    let score = Command::new(shared.join("tools/quote-score"))
        .arg(shared.join("eval/polnear-dev/gold.jsonl"))
        .arg(&pred)
        .args([
            "--fail-under-f1",
            &format!("{}", crate::corpora::POLNEAR_E2E_FLOOR),
        ])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&score.stdout);
    assert!(
        score.status.success(),
        "end-to-end F1 fell below {}: {report}",
        POLNEAR_E2E_FLOOR
    );
}

#[test]
fn sample_corpus_quotes_and_full_name_speakers_do_not_regress() {
    scores_at_least(
        "sample-corpus",
        "tests/fixtures/sample-gold.jsonl",
        SAMPLE_E2E_FLOOR,
    );
}

#[test]
fn written_articles_in_six_styles_do_not_regress() {
    let dir = "tests/fixtures/written/clippings";
    scores_at_least(dir, "tests/fixtures/written-gold.jsonl", WRITTEN_E2E_FLOOR);
}

/// Runs `morgue parse --json` over the project's folder `dir` and asserts
/// that the scorer of ../shared gives at least `floor` end-to-end F1
/// against `gold` (skipped without ../shared).
fn scores_at_least(dir: &str, gold: &str, floor: f64) {
    let Some(shared) = shared(&format!("the quote score of {dir}")) else {
        return;
    };
    let env = TestEnv::new();
    let root = crate::env::project_root();
    let out = env
        .cmd()
        .current_dir(&root)
        .args(["parse", "--json", dir])
        .output()
        .unwrap();
    let pred = env.dir.path().join("pred.ndjson");
    std::fs::write(&pred, &out.stdout).unwrap();
    let score = Command::new(shared.join("tools/quote-score"))
        .arg(root.join(gold))
        .arg(&pred)
        .args(["--fail-under-f1", &format!("{floor}")])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&score.stdout);
    assert!(
        score.status.success(),
        "{dir}: end-to-end F1 fell below {floor}: {report}"
    );
}

/// The end-to-end F1 reached on the sample corpus (speakers as full names), minus 0.01.
pub const SAMPLE_E2E_FLOOR: f64 = 0.972;

/// The end-to-end F1 reached on the written articles of
/// `tests/fixtures/written` (114 in many styles, speakers as full names), minus 0.01.
pub const WRITTEN_E2E_FLOOR: f64 = 0.935;

/// The end-to-end F1 reached on polnear-dev, minus 0.01.
pub const POLNEAR_E2E_FLOOR: f64 = 0.951;
