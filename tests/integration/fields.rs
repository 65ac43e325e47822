//! Every flag and friendly field of `morgue search`, on the sample corpus:
//! the flag and the field mean the same thing, and they combine.

use crate::env::{column, hits, sample_env};

fn total(answer: &serde_json::Value) -> u64 {
    answer["total"].as_u64().unwrap()
}

#[test]
fn source_section_and_dateline_fields_equal_their_flags() {
    let env = sample_env();
    let pairs: [(&[&str], &str); 4] = [
        (&["--source", "le monde"], "source:\"le monde\""),
        (&["--section", "markets"], "section:markets"),
        (&["--dateline", "miami"], "dateline:miami"),
        (
            &["--speaker", "kallas", "--quotes"],
            "speaker:kallas kind:quote",
        ),
    ];
    for (flags, field) in pairs {
        let mut args = flags.to_vec();
        args.extend(["-n", "100"]);
        let by_flag = env.search(&args);
        let by_field = env.search(&[field, "-n", "100"]);
        assert!(total(&by_flag) > 0, "{flags:?} matches something");
        assert_eq!(
            column(&by_flag, "path"),
            column(&by_field, "path"),
            "{flags:?} = {field}"
        );
    }
    for source in column(&env.search(&["source:\"le monde\"", "-n", "100"]), "source") {
        assert_eq!(source, "Le Monde (English)");
    }
}

#[test]
fn flags_and_fields_combine() {
    let env = sample_env();
    let both = env.search(&["source:reuters", "--month", "2025-12", "-n", "100"]);
    assert!(total(&both) > 0);
    for h in hits(&both) {
        assert_eq!(h["source"], "Reuters");
        assert!(h["date"].as_str().unwrap().starts_with("2025-12"));
    }
}

#[test]
fn date_field_ranges_and_year_since_on() {
    let env = sample_env();
    let field = env.search(&["date:2025-12-01..2025-12-20", "-n", "1"]);
    let flags = env.search(&["--from", "2025-12-01", "--to", "2025-12-20", "-n", "1"]);
    assert_eq!(field["total"], flags["total"]);
    let y2026 = env.search(&["--year", "2026", "-n", "100"]);
    assert!(column(&y2026, "date")
        .iter()
        .all(|d| d.starts_with("2026-")));
    assert!(total(&y2026) > 0);
    let since = env
        .cmd()
        .env("MORGUE_TODAY", "2026-03-31")
        .args(["search", "--json", "--since", "30d", "-n", "100"])
        .output()
        .unwrap();
    let since: serde_json::Value = serde_json::from_slice(&since.stdout).unwrap();
    assert!(total(&since) > 0);
    assert!(column(&since, "date")
        .iter()
        .all(|d| d.as_str() >= "2026-03-01"));
}

#[test]
fn phrases_slop_or_and_negation() {
    let env = sample_env();
    let phrase = total(&env.search(&["\"security guarantees\"", "-n", "1"]));
    let words = total(&env.search(&["security guarantees", "-n", "1"]));
    assert!(phrase > 0 && phrase <= words);
    let slop = total(&env.search(&["\"security for\"~3", "-n", "1"]));
    assert!(slop >= total(&env.search(&["\"security for\"", "-n", "1"])));
    let either = total(&env.search(&["venezuela OR cuba", "-n", "1"]));
    let v = total(&env.search(&["venezuela", "-n", "1"]));
    assert!(either >= v && v > 0);
    let without = total(&env.search(&["ukraine -rubio", "-n", "1"]));
    let with = total(&env.search(&["ukraine", "-n", "1"]));
    assert!(without < with);
}

#[test]
fn fuzzy_finds_misspelled_names() {
    let env = sample_env();
    assert_eq!(total(&env.search(&["zelenskiy", "--quotes", "-n", "1"])), 0);
    assert!(total(&env.search(&["zelenskiy", "--fuzzy", "-n", "1"])) > 0);
    assert!(total(&env.search(&["zelenskiy~1", "-n", "1"])) > 0);
}

#[test]
fn kind_field_switches_to_quotes() {
    let env = sample_env();
    let answer = env.search(&["kind:quote ukraine", "-n", "5"]);
    assert!(hits(&answer).iter().all(|h| h["kind"] == "quote"));
    env.cmd()
        .args(["search", "--quotes", "kind:article"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("contradict"));
}

#[test]
fn color_always_bolds_matches_and_never_does_not() {
    let env = sample_env();
    let out = env
        .cmd()
        .args(["search", "ukraine", "--color", "always", "-n", "2"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("\x1b[1m"));
    let out = env
        .cmd()
        .args(["search", "ukraine", "--color", "never", "-n", "2"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\x1b'));
}

#[test]
fn week_and_day_histograms_count_every_match() {
    let env = sample_env();
    for interval in ["day", "week"] {
        let answer = env.search(&["--month", "2025-12", "--histogram", interval, "-n", "0"]);
        let buckets = answer["histogram"]["buckets"].as_array().unwrap();
        let sum: u64 = buckets.iter().map(|b| b["count"].as_u64().unwrap()).sum();
        assert_eq!(sum, total(&answer), "{interval}");
        if interval == "day" {
            let day = |b: &serde_json::Value| {
                chrono::NaiveDate::parse_from_str(b["start"].as_str().unwrap(), "%Y-%m-%d").unwrap()
            };
            let span = (day(buckets.last().unwrap()) - day(&buckets[0])).num_days() as usize;
            assert_eq!(
                buckets.len(),
                span + 1,
                "one bucket for every day from the first to the last"
            );
            assert!(
                buckets.iter().any(|b| b["count"] == 0),
                "empty days are shown"
            );
        }
    }
}

#[test]
fn apostrophes_in_words_are_searchable() {
    let env = sample_env();
    for query in ["ukraine's", "\"Ukraine's security\"", "don't"] {
        let answer = env.search(&[query, "-n", "1"]);
        assert!(total(&answer) > 0, "{query} finds something");
    }
}

#[test]
fn the_byline_is_a_searchable_author() {
    let env = crate::env::TestEnv::new();
    let fixture = crate::env::project_root().join("tests/fixtures/formats/dashed/20061020");
    for entry in std::fs::read_dir(&fixture).unwrap() {
        let path = entry.unwrap().path();
        env.write(
            &format!(
                "dashed/20061020/{}",
                path.file_name().unwrap().to_string_lossy()
            ),
            std::fs::read(&path).unwrap(),
        );
    }
    env.index_ok();
    let by_flag = env.search(&["--author", "whitfield"]);
    assert_eq!(total(&by_flag), 1);
    assert_eq!(by_flag["hits"][0]["author"], "Dana K. Whitfield");
    assert_eq!(
        total(&env.search(&["author:\"dana whitfield\""])),
        0,
        "a phrase of the byline's words in order"
    );
    assert_eq!(total(&env.search(&["author:\"k whitfield\""])), 1);
    assert_eq!(by_flag["hits"][0]["date"], "2006-10-20");
}
