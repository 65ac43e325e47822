//! One person counted once across the archive: aliases files and surnames
//! resolved to the full name used elsewhere.

use crate::env::{clip, TestEnv};
use morgue::search::{
    facet_values_path, load_facet_values, save_facet_values, FacetName, FacetValues,
};

fn speaker_counts(env: &TestEnv) -> Vec<(String, u64)> {
    let answer = env.search(&["--quotes", "--facets", "speaker", "-n", "0"]);
    answer["facets"]["speaker"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["value"].as_str().unwrap().to_string(),
                c["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Writes each (file, date, source, title, paragraph) as a clipping.
fn write_clips(env: &TestEnv, clips: &[(&str, &str, &str, &str, &str)]) {
    for (file, date, source, title, paragraph) in clips {
        env.write(file, clip(date, source, title, &[paragraph]));
    }
}

#[test]
fn builtin_aliases_merge_transliterations() {
    let env = TestEnv::new();
    let a = "KYIV (Reuters) - \"We will hold the line in the east,\" President Volodymyr Zelenskyy said on Monday.";
    let b = "KYIV (AP) — \"Our army will not retreat from the river,\" President Volodymyr Zelensky said on Tuesday.";
    write_clips(
        &env,
        &[
            (
                "a.txt",
                "2025-12-01",
                "Reuters",
                "Zelenskyy vows to hold line",
                a,
            ),
            ("b.txt", "2025-12-02", "AP", "Zelensky rules out retreat", b),
        ],
    );
    env.index_ok();
    assert_eq!(
        speaker_counts(&env),
        vec![("Volodymyr Zelensky".to_string(), 2)]
    );
    assert_eq!(
        env.search(&["--quotes", "--speaker", "zelenskyy"])["total"],
        2
    );
}

#[test]
fn builtin_aliases_merge_an_agency_and_its_initials() {
    let env = TestEnv::new();
    let a = "WASHINGTON (Reuters) - \"The rule protects small investors,\" the Securities and Exchange Commission said on Monday.";
    let b = "NEW YORK (AP) — \"We will review every filing,\" the SEC said on Tuesday.";
    write_clips(
        &env,
        &[
            ("a.txt", "2025-12-01", "Reuters", "Regulator backs rule", a),
            (
                "b.txt",
                "2025-12-02",
                "AP",
                "Regulator to review filings",
                b,
            ),
        ],
    );
    env.index_ok();
    assert_eq!(
        speaker_counts(&env),
        vec![("Securities and Exchange Commission".to_string(), 2)]
    );
    assert_eq!(env.search(&["--quotes", "--speaker", "sec"])["total"], 2);
}

/// Two quotes of one person: by full name in one clipping, by surname alone
/// in the other.
fn rubio_env() -> TestEnv {
    let env = TestEnv::new();
    let full = "WASHINGTON (Reuters) - \"There is no deal until both sides agree to it,\" Secretary of State Marco Rubio said.";
    let surname = "MIAMI (AP) — \"We are closer than we have been in months,\" Rubio told reporters on Friday.";
    write_clips(
        &env,
        &[
            ("a.txt", "2025-12-01", "Reuters", "Rubio on the deal", full),
            (
                "b.txt",
                "2025-12-05",
                "AP",
                "Talks closer, says secretary",
                surname,
            ),
        ],
    );
    env.index_ok();
    env
}

#[test]
fn a_surname_alone_resolves_to_the_full_name_used_elsewhere() {
    let env = rubio_env();
    assert_eq!(speaker_counts(&env), vec![("Marco Rubio".to_string(), 2)]);
    let answer = env.search(&["closer", "--quotes"]);
    assert_eq!(answer["hits"][0]["speaker"], "Marco Rubio");
}

/// A full name as the filter finds the quotes shown under it, the surname-only
/// one included (it used to find only the quote that spelled the name out).
#[test]
fn a_full_name_filter_finds_quotes_attributed_to_the_surname_alone() {
    let env = rubio_env();
    for filter in [
        vec!["--speaker", "Marco Rubio"],
        vec!["--speaker", "marco rubio"],
        vec!["speaker:\"marco rubio\""],
        vec!["--speaker", "rubio"],
    ] {
        let mut args = vec!["--quotes"];
        args.extend(filter.iter().copied());
        let answer = env.search(&args);
        assert_eq!(answer["total"], 2, "{filter:?}: {answer}");
        let days: Vec<&str> = answer["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["date"].as_str().unwrap())
            .collect();
        assert!(days.contains(&"2025-12-05"), "{filter:?}: {days:?}");
    }
    let other = env.search(&["--quotes", "--speaker", "Jose Rubio"]);
    assert_eq!(other["total"], 0, "another Rubio matches nothing");
    let out = env
        .cmd()
        .args(["speakers", "--speaker", "marco rubio", "--json"])
        .output()
        .unwrap();
    let ranked: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ranked[0]["speaker"], "Marco Rubio", "{ranked}");
    assert_eq!(ranked[0]["quotes"], 2, "{ranked}");
    assert_eq!(ranked[0]["last"], "2025-12-05", "{ranked}");
}

#[test]
fn a_user_aliases_file_beside_the_index_is_read() {
    let env = TestEnv::new();
    let a = "LONDON (Reuters) - \"Prices will fall back by the summer,\" Bank of England Governor Andrew Bailey said.";
    let b = "LONDON (AP) — \"We will not cut rates before we are sure,\" the Old Lady's chief Andy Bailey said.";
    env.write(
        "a.txt",
        clip("2025-12-01", "Reuters", "Bailey on prices", &[a]),
    );
    env.write("b.txt", clip("2025-12-02", "AP", "Bailey on rates", &[b]));
    env.index_ok();
    std::fs::write(
        env.index.join("aliases.txt"),
        "Andrew Bailey = Andy Bailey\n",
    )
    .unwrap();
    assert_eq!(speaker_counts(&env), vec![("Andrew Bailey".to_string(), 2)]);
    std::fs::write(env.index.join("aliases.txt"), "Andrew Bailey\n").unwrap();
    env.cmd()
        .args(["search", "x"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("aliases.txt: line 1"));
}

/// The indexer keeps the archive's speaker renames beside the index, so a
/// one-shot search with speaker facets does not work them out again.
#[test]
fn the_indexer_keeps_speaker_renames_that_searches_use() {
    let env = rubio_env();
    let file = env
        .index
        .join("current")
        .join("morgue-speaker-renames.json");
    let kept: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(
        kept["renames"],
        serde_json::json!([["Rubio", "Marco Rubio"]])
    );
    // Without the kept speaker values (next test), a search names the values
    // it counted and renames them itself.
    let values = facet_values_path(&env.index.join("current"), FacetName::Speaker);
    std::fs::remove_file(values).unwrap();
    // A search takes the kept renames as they are (same index, same aliases).
    let edited = kept
        .to_string()
        .replace("\"Marco Rubio\"]", "\"Rubio Marco\"]");
    std::fs::write(&file, edited).unwrap();
    let counts = speaker_counts(&env);
    assert!(
        counts.contains(&("Rubio Marco".to_string(), 1)),
        "{counts:?}"
    );
    // An aliases change the kept file was not worked out for makes searches
    // ignore it (a new spelling of Rubio: the counts stay his).
    std::fs::write(
        env.index.join("aliases.txt"),
        "Marco Rubio = Senator Rubio\n",
    )
    .unwrap();
    assert_eq!(speaker_counts(&env), vec![("Marco Rubio".to_string(), 2)]);
}

/// The indexer keeps each facet's values across segments beside the index,
/// speakers under the names they are shown; a one-shot search with facet
/// counts adds into them instead of naming every value it counted. A damaged
/// file is ignored.
#[test]
fn the_indexer_keeps_facet_values_that_searches_use() {
    let env = rubio_env();
    let dir = env.index.join("current");
    let renames = std::fs::read(dir.join("morgue-speaker-renames.json")).unwrap();
    let renames: serde_json::Value = serde_json::from_slice(&renames).unwrap();
    let key = renames["key"].as_str().unwrap();
    let path = facet_values_path(&dir, FacetName::Speaker);
    let kept = load_facet_values(&dir, FacetName::Speaker, key).expect("kept for the index");
    assert_eq!(kept.shown(), ["Marco Rubio"]);
    for facet in [FacetName::Dateline, FacetName::Source, FacetName::Section] {
        assert!(load_facet_values(&dir, facet, key).is_some());
    }
    // A search takes the kept values as they are.
    let edited = FacetValues::from_parts(&kept.shown_of_ord(), &["Rubio Marco"]).unwrap();
    save_facet_values(&edited, &path, key).unwrap();
    assert_eq!(speaker_counts(&env), vec![("Rubio Marco".to_string(), 2)]);
    let mut damaged = std::fs::read(&path).unwrap();
    damaged.truncate(damaged.len() - 1);
    std::fs::write(&path, damaged).unwrap();
    assert_eq!(speaker_counts(&env), vec![("Marco Rubio".to_string(), 2)]);
}

#[test]
fn a_surname_with_particles_and_a_spelling_in_capitals_count_as_the_full_name() {
    let env = TestEnv::new();
    let full = "BRUSSELS (Reuters) - \"The summit will settle the budget,\" Herman Van Rompuy said on Thursday.";
    let particles = "BRUSSELS (AP) — \"Nobody will leave the table,\" Van Rompuy told reporters.";
    let capitals = "Following are comments from the summit. EUROPEAN COUNCIL PRESIDENT HERMAN VAN ROMPUY: \"We have a deal on the table tonight.\"";
    write_clips(
        &env,
        &[
            (
                "a.txt",
                "2012-11-22",
                "Reuters",
                "Budget summit opens",
                full,
            ),
            (
                "b.txt",
                "2012-11-23",
                "AP",
                "Leaders stay at the table",
                particles,
            ),
            (
                "c.txt",
                "2012-11-23",
                "Reuters",
                "Summit comments",
                capitals,
            ),
        ],
    );
    env.index_ok();
    assert_eq!(
        speaker_counts(&env),
        vec![("Herman Van Rompuy".to_string(), 3)]
    );
    for words in ["table", "tonight"] {
        let answer = env.search(&[words, "--quotes"]);
        assert_eq!(
            answer["hits"][0]["speaker"], "Herman Van Rompuy",
            "{answer}"
        );
    }
}

#[test]
fn hits_name_their_speakers_from_the_kept_renames_or_without_them() {
    let env = rubio_env();
    let file = env
        .index
        .join("current")
        .join("morgue-speaker-renames.json");
    let surname_hit =
        |env: &TestEnv| env.search(&["closer", "--quotes"])["hits"][0]["speaker"].clone();
    // The kept file answers (edited, it shows its edit) ...
    let kept = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, kept.replace("\"Marco Rubio\"]", "\"Rubio Marco\"]")).unwrap();
    assert_eq!(surname_hit(&env), "Rubio Marco");
    // ... and without it the search resolves the surname itself.
    std::fs::remove_file(&file).unwrap();
    assert_eq!(surname_hit(&env), "Marco Rubio");
}
