//! `morgue parse`: what the parser sees, as JSON lines, and the seed article
//! against its gold quotes.

use std::ffi::OsStr;

use serde_json::Value;

use crate::env::{clip, shared, TestEnv};

/// `morgue parse --json ARGS`: its exit code and one JSON object per line.
fn parse_json_with(env: &TestEnv, args: &[&OsStr]) -> (Option<i32>, Vec<Value>) {
    let out = env
        .cmd()
        .args(["parse", "--json"])
        .args(args)
        .output()
        .unwrap();
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    (out.status.code(), lines)
}

fn parse_json(env: &TestEnv, path: &std::path::Path) -> Vec<Value> {
    parse_json_with(env, &[path.as_os_str()]).1
}

#[test]
fn parse_prints_fields_quotes_and_offsets() {
    let env = TestEnv::new();
    let body = "KYIV (Reuters) - Talks resumed. \"We will not give up land,\" Ukrainian President Volodymyr Zelensky said.";
    let path = env.write(
        "a.txt",
        clip("2025-12-03", "Reuters / world", "Talks resume", &[body]),
    );
    let lines = parse_json(&env, &path);
    assert_eq!(lines.len(), 1);
    let a = &lines[0];
    assert_eq!(a["date"], "2025-12-03");
    assert_eq!(a["source"], "Reuters");
    assert_eq!(a["section"], "world");
    assert_eq!(a["title"], "Talks resume");
    assert_eq!(a["dateline"], "Kyiv");
    let q = &a["quotes"][0];
    assert_eq!(q["speaker"], "Volodymyr Zelensky");
    let (start, end) = (
        q["start"].as_u64().unwrap() as usize,
        q["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &a["body"].as_str().unwrap()[start..end],
        q["text"].as_str().unwrap()
    );
    assert!(a["warnings"].is_array());
}

#[test]
fn parse_walks_folders_and_reports_errors_per_file() {
    let env = TestEnv::new();
    env.write("ok.txt", clip("2025-12-03", "Reuters", "Fine", &["Body."]));
    env.write("empty.txt", "");
    let out = env
        .cmd()
        .args(["parse", "--json"])
        .arg(&env.clippings)
        .assert()
        .code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let failed = lines
        .iter()
        .find(|l| l.get("error").is_some())
        .expect("an error line");
    assert!(failed["path"].as_str().unwrap().ends_with("empty.txt"));
}

#[test]
fn seed_article_gives_exactly_its_gold_quotes_and_speakers() {
    let Some(shared) = shared("the seed gold test") else {
        return;
    };
    let env = TestEnv::new();
    let gold: Value = serde_json::from_str(
        std::fs::read_to_string(shared.join("eval/seed/gold.jsonl"))
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    let lines = parse_json(&env, &shared.join("seed"));
    assert_eq!(lines.len(), 1);
    let a = &lines[0];
    for key in ["date", "source", "section", "title", "dateline"] {
        assert_eq!(a[key], gold[key], "{key}");
    }
    let got: Vec<(String, String)> = a["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["text"].as_str().unwrap().to_string(),
                q["speaker"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let want: Vec<(String, String)> = gold["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["text"].as_str().unwrap().to_string(),
                q["speaker"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(got, want);
}

/// `morgue parse` takes `--max-file-size` as `index` does: a larger file is
/// reported as failed (exit code 1) and the others are still parsed.
#[test]
fn parse_reports_files_over_the_size_limit_and_goes_on() {
    let env = TestEnv::new();
    let small = env.write("a.txt", clip("2025-12-03", "AP", "Small", &["Short."]));
    let big_body = "word ".repeat(300_000);
    let big = env.write("b.txt", clip("2025-12-03", "AP", "Big", &[&big_body]));
    let args = [
        OsStr::new("--max-file-size"),
        OsStr::new("1"),
        small.as_os_str(),
        big.as_os_str(),
    ];
    let (code, lines) = parse_json_with(&env, &args);
    assert_eq!(code, Some(1));
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["title"], "Small");
    let error = lines[1]["error"].as_str().unwrap();
    assert!(error.contains("size limit"), "{error}");
    let (code, lines) = parse_json_with(&env, &[big.as_os_str()]);
    assert_eq!(code, Some(0), "under the default 50 MB");
    assert_eq!(lines[0]["title"], "Big");
}
