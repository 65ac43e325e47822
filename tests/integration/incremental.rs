//! Re-indexing: only what changed is read; moves, deletions, unmounted
//! folders, kills, concurrent indexers and failed files are all safe.

use std::fs::{self, File};
use std::process::Stdio;
use std::thread::sleep;
use std::time::{Duration, Instant};

use predicates::prelude::*;
use serde_json::Value;

use crate::env::{clip, TestEnv};

fn article(env: &TestEnv, name: &str, word: &str) {
    let quote = format!("\"The {word} plan will pass,\" Senator Jane Holloway said.");
    let body = format!("WASHINGTON (Reuters) - Lawmakers debated the {word} plan on Monday.");
    env.write(
        name,
        clip(
            "2025-12-03",
            "Reuters / politics",
            &format!("{word} plan debated"),
            &[&body, &quote],
        ),
    );
}

fn status(env: &TestEnv) -> Value {
    let out = env.cmd().args(["status", "--json"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn reindex(env: &TestEnv) -> Value {
    let out = env.cmd().args(["index", "--json"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_rerun_with_no_folder_rewalks_and_touches_only_what_changed() {
    let env = TestEnv::new();
    for (i, w) in ["alpha", "bravo", "charlie"].iter().enumerate() {
        article(&env, &format!("{i}.txt"), w);
    }
    env.index_ok();
    let again = reindex(&env);
    assert_eq!(
        (again["unchanged"].as_u64(), again["added"].as_u64()),
        (Some(3), Some(0))
    );
    article(&env, "3.txt", "delta");
    article(&env, "0.txt", "echo");
    fs::remove_file(env.clippings.join("1.txt")).unwrap();
    let run = reindex(&env);
    assert_eq!(run["added"], 1);
    assert_eq!(run["updated"], 1);
    assert_eq!(run["deleted"], 1);
    assert_eq!(run["unchanged"], 1);
    assert_eq!(
        env.search(&["alpha"])["total"],
        0,
        "the changed file's old text is gone"
    );
    assert_eq!(env.search(&["echo"])["total"], 1);
    assert_eq!(
        env.search(&["bravo"])["total"],
        0,
        "the deleted file is gone"
    );
    assert_eq!(
        env.search(&["plan", "--quotes"])["total"],
        3,
        "quotes replaced, not duplicated"
    );
}

#[test]
fn a_touched_but_unchanged_file_is_not_parsed_again() {
    let env = TestEnv::new();
    article(&env, "a.txt", "alpha");
    env.index_ok();
    let path = env.clippings.join("a.txt");
    File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(std::time::SystemTime::now() + Duration::from_secs(5))
        .unwrap();
    let run = reindex(&env);
    assert_eq!(
        (run["updated"].as_u64(), run["unchanged"].as_u64()),
        (Some(0), Some(1))
    );
}

#[test]
fn a_moved_file_is_recognised_by_content_and_not_parsed_twice() {
    let env = TestEnv::new();
    article(&env, "old/a.txt", "alpha");
    env.index_ok();
    fs::create_dir_all(env.clippings.join("new")).unwrap();
    fs::rename(
        env.clippings.join("old/a.txt"),
        env.clippings.join("new/b.txt"),
    )
    .unwrap();
    let run = reindex(&env);
    assert_eq!(
        (
            run["moved"].as_u64(),
            run["added"].as_u64(),
            run["deleted"].as_u64()
        ),
        (Some(1), Some(0), Some(0))
    );
    let answer = env.search(&["alpha"]);
    assert_eq!(answer["total"], 1);
    assert!(answer["hits"][0]["path"]
        .as_str()
        .unwrap()
        .ends_with("new/b.txt"));
    assert_eq!(
        env.search(&["alpha", "--quotes", "--speaker", "holloway"])["total"],
        1
    );
}

#[test]
fn an_unmounted_folder_is_not_taken_for_deleted_files() {
    let env = TestEnv::new();
    article(&env, "a.txt", "alpha");
    env.index_ok();
    let away = env.dir.path().join("unmounted");
    fs::rename(&env.clippings, &away).unwrap();
    env.cmd()
        .args(["index", "--json"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nothing under it is removed"));
    assert_eq!(env.search(&["alpha"])["total"], 1);
}

#[test]
fn failed_files_are_listed_then_indexed_once_fixed() {
    let env = TestEnv::new();
    env.write("bad.txt", "date 2025-13-45 Reuters\n\nTitle\n\nBody.\n");
    env.cmd()
        .args(["index", "-q"])
        .arg(&env.clippings)
        .assert()
        .code(1);
    let s = status(&env);
    assert_eq!(
        s["failed"][0]["path"].as_str().unwrap(),
        env.clippings.join("bad.txt").to_str().unwrap()
    );
    assert!(s["failed"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("2025-13-45"));
    let unchanged = env.cmd().args(["index", "--json"]).output().unwrap();
    assert!(
        unchanged.status.success(),
        "an unchanged failed file is not retried"
    );
    env.cmd()
        .args(["index", "--retry-failed", "-q"])
        .assert()
        .code(1);
    article(&env, "bad.txt", "fixed");
    reindex(&env);
    assert!(status(&env)["failed"].as_array().unwrap().is_empty());
    assert_eq!(env.search(&["fixed"])["total"], 1);
}

#[test]
fn a_second_indexer_exits_at_once_with_code_3_or_waits() {
    let env = TestEnv::new();
    article(&env, "a.txt", "alpha");
    env.index_ok();
    let lock = File::options()
        .write(true)
        .open(env.index.join("lock"))
        .unwrap();
    lock.lock().unwrap();
    env.cmd()
        .args(["index"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "another `morgue index` is running",
        ));
    env.cmd().args(["search", "alpha"]).assert().success();
    let mut waiting = std::process::Command::new(assert_cmd::cargo::cargo_bin("morgue"))
        .env("MORGUE_INDEX", &env.index)
        .args(["index", "--wait", "-q"])
        .spawn()
        .unwrap();
    sleep(Duration::from_millis(300));
    assert!(
        waiting.try_wait().unwrap().is_none(),
        "--wait waits for the lock"
    );
    drop(lock);
    assert!(waiting.wait().unwrap().success());
}

fn many(env: &TestEnv, n: usize) {
    for i in 0..n {
        article(
            env,
            &format!("bulk/{:03}/{i}.txt", i % 50),
            &format!("word{i}"),
        );
    }
}

#[test]
fn a_killed_run_resumes_with_nothing_lost_or_duplicated() {
    let env = TestEnv::new();
    many(&env, 1500);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("morgue"))
        .env("MORGUE_INDEX", &env.index)
        .args(["index", "-q", "--threads", "1", "--commit-every", "40"])
        .arg(&env.clippings)
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut interrupted = false;
    while start.elapsed() < Duration::from_secs(60) && child.try_wait().unwrap().is_none() {
        let out = env.cmd().args(["status", "--json"]).output().unwrap();
        if let Ok(s) = serde_json::from_slice::<Value>(&out.stdout) {
            if s["interrupted"] == true && s["articles"].as_u64().unwrap_or(0) > 0 {
                interrupted = true;
                break;
            }
        }
        sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(interrupted, "the run was killed after a mid-run commit");
    let partial = status(&env);
    assert!(
        partial["articles"].as_u64().unwrap() < 1500,
        "killed before the end"
    );
    assert!(
        env.search(&["plan"])["total"].as_u64().unwrap() > 0,
        "searchable after the kill"
    );
    reindex(&env);
    let resumed = status(&env);
    let fresh = TestEnv::new();
    fresh
        .cmd()
        .args(["index", "-q"])
        .arg(&env.clippings)
        .assert()
        .success();
    let full = status(&fresh);
    for key in ["files", "articles", "quotes"] {
        assert_eq!(
            resumed[key], full[key],
            "{key} after resume equals a fresh build"
        );
    }
    assert_eq!(resumed["articles"], 1500);
}

#[test]
fn searches_run_while_an_index_run_is_going() {
    let env = TestEnv::new();
    article(&env, "first.txt", "alpha");
    env.index_ok();
    many(&env, 800);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("morgue"))
        .env("MORGUE_INDEX", &env.index)
        .args(["index", "-q", "--threads", "1"])
        .spawn()
        .unwrap();
    let mut searched = 0;
    while child.try_wait().unwrap().is_none() {
        assert_eq!(env.search(&["alpha"])["total"], 1);
        searched += 1;
    }
    assert!(child.wait().unwrap().success());
    assert!(searched > 0);
    assert_eq!(env.search(&["plan"])["total"], 801);
}

#[test]
fn rebuild_swaps_in_a_fresh_index_with_the_same_content() {
    let env = TestEnv::new();
    article(&env, "a.txt", "alpha");
    article(&env, "b.txt", "bravo");
    env.index_ok();
    let before = status(&env);
    let out = env
        .cmd()
        .args(["index", "--rebuild", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let after = status(&env);
    assert_eq!(before["articles"], after["articles"]);
    assert_eq!(before["quotes"], after["quotes"]);
    let gens = fs::read_dir(&env.index)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("gen-")
        })
        .count();
    assert_eq!(gens, 1, "the old generation is removed");
}

#[test]
fn an_ndjson_file_gives_one_article_per_record_replaced_and_deleted_together() {
    let env = TestEnv::new();
    let record = |title: &str, text: &str| {
        format!(
            "{{\"title\": \"{title}\", \"maintext\": \"{text}\", \"date_publish\": \"2025-12-0{}\", \"source_domain\": \"example.com\"}}\n",
            title.len() % 9 + 1
        )
    };
    let two = record(
        "Harbour fees rise",
        "Port charges climbed for a third year.",
    ) + &record(
        "Ferry strike ends",
        "Crews returned to work after a deal on pay.",
    );
    env.write("scrape/export.ndjson", &two);
    env.index_ok();
    assert_eq!(env.search(&["harbour OR ferry"])["total"], 2);
    env.write(
        "scrape/export.ndjson",
        record(
            "Ferry strike ends",
            "Crews returned to work after a deal on pay.",
        ),
    );
    let run = reindex(&env);
    assert_eq!(run["updated"], 1);
    assert_eq!(env.search(&["harbour OR ferry"])["total"], 1);
    fs::remove_file(env.clippings.join("scrape/export.ndjson")).unwrap();
    reindex(&env);
    assert_eq!(env.search(&["harbour OR ferry"])["total"], 0);
}

#[test]
fn a_file_moved_and_copied_is_moved_once_and_indexed_once() {
    let env = TestEnv::new();
    article(&env, "old/a.txt", "alpha");
    env.index_ok();
    let content = fs::read(env.clippings.join("old/a.txt")).unwrap();
    fs::remove_dir_all(env.clippings.join("old")).unwrap();
    env.write("new/a.txt", &content);
    env.write("new/b.txt", &content);
    let run = reindex(&env);
    assert_eq!(
        (
            run["moved"].as_u64(),
            run["added"].as_u64(),
            run["deleted"].as_u64()
        ),
        (Some(1), Some(1), Some(0))
    );
    assert_eq!(env.search(&["alpha", "--no-collapse"])["total"], 2);
    assert_eq!(
        env.search(&["alpha", "--quotes", "--no-collapse"])["total"],
        2
    );
}
