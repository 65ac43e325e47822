//! `morgue search` on the sample corpus: the flagship question, filters,
//! facets, output formats.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::env::{column, hits, project_root, sample_env};

fn flagship_expected() -> BTreeSet<String> {
    let text =
        std::fs::read_to_string(project_root().join("tests/fixtures/flagship.json")).unwrap();
    let list: Vec<Value> = serde_json::from_str(&text).unwrap();
    list.iter()
        .map(|q| q["text"].as_str().unwrap().trim().to_string())
        .collect()
}

#[test]
fn flagship_every_rubio_quote_about_ukraine_in_december_2025() {
    let env = sample_env();
    let answer = env.search(&[
        "ukraine",
        "--quotes",
        "--speaker",
        "rubio",
        "--month",
        "december",
        "--limit",
        "100",
    ]);
    let got: BTreeSet<String> = column(&answer, "text")
        .into_iter()
        .map(|t| t.trim().to_string())
        .collect();
    assert_eq!(got, flagship_expected());
    assert_eq!(
        answer["total"].as_u64().unwrap() as usize,
        flagship_expected().len()
    );
    for hit in hits(&answer) {
        assert_eq!(hit["speaker"], "Marco Rubio");
        assert!(hit["date"].as_str().unwrap().starts_with("2025-12-"));
        assert_eq!(hit["kind"], "quote");
    }
}

#[test]
fn flagship_with_fields_in_the_query_string_gives_the_same_answer() {
    let env = sample_env();
    let flags = env.search(&[
        "ukraine",
        "--quotes",
        "--speaker",
        "rubio",
        "--month",
        "2025-12",
        "-n",
        "100",
    ]);
    let fields = env.search(&["ukraine speaker:rubio date:2025-12 kind:quote", "-n", "100"]);
    assert_eq!(column(&flags, "text"), column(&fields, "text"));
}

#[test]
fn rubio_on_ukraine_in_november_is_not_december() {
    let env = sample_env();
    let nov = env.search(&[
        "ukraine",
        "--quotes",
        "--speaker",
        "rubio",
        "--month",
        "2025-11",
        "-n",
        "100",
    ]);
    assert!(!hits(&nov).is_empty(), "the November decoys exist");
    let dec: BTreeSet<String> = flagship_expected();
    for text in column(&nov, "text") {
        assert!(!dec.contains(text.trim()));
    }
}

#[test]
fn facet_counts_cover_every_match_not_only_the_shown_ones() {
    let env = sample_env();
    let answer = env.search(&[
        "ukraine",
        "--quotes",
        "--facets",
        "speaker,source,dateline",
        "--limit",
        "1",
    ]);
    let total = answer["total"].as_u64().unwrap();
    assert_eq!(hits(&answer).len(), 1);
    let sources: u64 = answer["facets"]["source"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .sum();
    assert!(total > 5);
    assert_eq!(
        sources, total,
        "every quote has a source: the counts cover the whole matching set"
    );
    let speakers = answer["facets"]["speaker"].as_array().unwrap();
    assert!(
        speakers.iter().any(|c| c["value"] == "Marco Rubio"),
        "{speakers:?}"
    );
}

#[test]
fn facet_limit_keeps_the_most_frequent_values() {
    let env = sample_env();
    let counts = |limit: &str| -> Vec<u64> {
        let args = [
            "--quotes",
            "--facets",
            "speaker",
            "--facet-limit",
            limit,
            "-n",
            "0",
        ];
        let answer = env.search(&args);
        let values = answer["facets"]["speaker"].as_array().unwrap().clone();
        values
            .iter()
            .map(|c| c["count"].as_u64().unwrap())
            .collect()
    };
    let (two, many) = (counts("2"), counts("50"));
    assert_eq!(two.len(), 2);
    assert!(many.len() > 2, "{many:?}");
    assert!(
        many.windows(2).all(|w| w[0] >= w[1]),
        "most frequent first: {many:?}"
    );
    assert_eq!(
        two,
        many[..2],
        "the limit keeps the top of the same ranking"
    );
}

#[test]
fn speaker_matches_any_part_of_the_name() {
    let env = sample_env();
    let surname = env.search(&["--quotes", "--speaker", "rubio", "-n", "1"]);
    let full = env.search(&["--quotes", "--speaker", "Marco Rubio", "-n", "1"]);
    assert!(surname["total"].as_u64().unwrap() > 10);
    assert_eq!(surname["total"], full["total"]);
}

#[test]
fn stemming_and_folding_find_word_forms() {
    let env = sample_env();
    let talks = env.search(&["talks", "-n", "1"]);
    let talk = env.search(&["talk", "-n", "1"]);
    assert_eq!(talks["total"], talk["total"]);
    let accented = env.search(&["Élysée", "-n", "1"]);
    let plain = env.search(&["elysee", "-n", "1"]);
    assert!(accented["total"].as_u64().unwrap() >= 1);
    assert_eq!(accented["total"], plain["total"]);
}

#[test]
fn no_query_lists_everything_that_passes_the_filters() {
    let env = sample_env();
    let all = env.search(&["-n", "1"]);
    assert_eq!(all["total"], 60, "one article per sample clipping");
    let miami = env.search(&["--dateline", "miami", "-n", "50"]);
    assert!(miami["total"].as_u64().unwrap() >= 3);
    for d in column(&miami, "dateline") {
        assert_eq!(d, "Miami");
    }
}

#[test]
fn json_hits_carry_every_documented_field() {
    let env = sample_env();
    let answer = env.search(&["ukraine", "--quotes", "-n", "3"]);
    for hit in hits(&answer) {
        for key in [
            "kind", "date", "source", "section", "dateline", "title", "path", "snippet", "score",
            "speaker", "text",
        ] {
            assert!(hit.get(key).is_some(), "hit has {key}: {hit}");
        }
    }
}
