//! `morgue index` on temporary folders: summaries, bad files, exit codes.

use predicates::prelude::*;

use crate::env::{clip, hits, TestEnv};

fn good(env: &TestEnv, name: &str, title: &str) {
    let body = format!("WASHINGTON, Dec 3 (Reuters) - {title} was announced on Wednesday.");
    env.write(
        name,
        clip("2025-12-03", "Reuters / politics", title, &[&body]),
    );
}

#[test]
fn bad_files_are_reported_counted_and_skipped_while_the_rest_is_indexed() {
    let env = TestEnv::new();
    good(&env, "a.txt", "Budget deal reached");
    good(&env, "b/c.txt", "Tariff talks resume");
    env.write("empty.txt", "");
    env.write("binary.bin", [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0]);
    env.write(
        "broken.txt",
        "date 2025-13-45 Reuters / politics\n\nTitle\n\nBody text.\n",
    );
    let out = env.cmd().arg("index").arg(&env.clippings).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    for name in ["empty.txt", "binary.bin", "broken.txt"] {
        assert!(stderr.contains(name), "{name} is named in: {stderr}");
    }
    assert!(stdout.contains("5 files seen: 2 indexed"), "{stdout}");
    assert!(stdout.contains("3 skipped"), "{stdout}");
    let answer = env.search(&["tariff OR budget"]);
    assert_eq!(answer["total"], 2);
}

#[test]
fn json_summary_has_every_count() {
    let env = TestEnv::new();
    good(&env, "a.txt", "Budget deal reached");
    let summary = env.index_ok();
    for key in [
        "seen",
        "added",
        "updated",
        "unchanged",
        "deleted",
        "failed",
        "quotes",
        "seconds",
    ] {
        assert!(summary.get(key).is_some(), "summary has {key}: {summary}");
    }
    assert_eq!(summary["added"], 1);
}

#[test]
fn quiet_prints_nothing_on_success() {
    let env = TestEnv::new();
    good(&env, "a.txt", "Budget deal reached");
    env.cmd()
        .args(["index", "--quiet"])
        .arg(&env.clippings)
        .assert()
        .success()
        .stdout("")
        .stderr("");
}

#[test]
fn index_location_comes_from_flag_or_env() {
    let env = TestEnv::new();
    good(&env, "a.txt", "Budget deal reached");
    let other = env.dir.path().join("elsewhere");
    env.cmd()
        .arg("--index")
        .arg(&other)
        .args(["index", "-q"])
        .arg(&env.clippings)
        .assert()
        .success();
    assert!(
        other.join("current").exists(),
        "--index wins over MORGUE_INDEX"
    );
    assert!(!env.index.exists());
}

#[test]
fn default_index_is_dot_morgue_in_the_current_folder() {
    let env = TestEnv::new();
    good(&env, "a.txt", "Budget deal reached");
    env.cmd()
        .env_remove("MORGUE_INDEX")
        .args(["index", "-q", "clippings"])
        .assert()
        .success();
    assert!(env.dir.path().join(".morgue/current").exists());
}

#[test]
fn searching_without_an_index_says_how_to_make_one() {
    let env = TestEnv::new();
    env.cmd()
        .args(["search", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("run `morgue index DIR` first"));
}

#[test]
fn a_file_that_breaks_keeps_its_earlier_documents() {
    let env = TestEnv::new();
    good(&env, "a.txt", "Budget deal reached");
    env.index_ok();
    env.write("a.txt", [0u8, 0, 0, 1]);
    env.cmd().arg("index").arg(&env.clippings).assert().code(1);
    assert_eq!(
        hits(&env.search(&["budget"])).len(),
        1,
        "nothing indexed is lost"
    );
}
