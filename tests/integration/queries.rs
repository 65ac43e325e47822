//! The query front end: dates, bad input, histogram, sorting, paging and
//! every output format, parsed back.

use predicates::prelude::*;

use crate::env::{column, hits, sample_corpus, sample_env, TestEnv};

#[test]
fn a_bad_query_points_at_the_problem_and_exits_2() {
    let env = sample_env();
    env.cmd()
        .args(["search", "rubio \"peace deal"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unbalanced quote"))
        .stderr(predicate::str::contains("        ^"));
}

#[test]
fn a_bad_date_names_the_flag_and_the_value() {
    let env = sample_env();
    env.cmd()
        .args(["search", "x", "--from", "2025-13-45"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--from: invalid date '2025-13-45': month 13 is out of range",
        ));
    env.cmd()
        .args(["search", "x", "--month", "decembr"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown month 'decembr'"));
}

#[test]
fn an_unknown_field_is_named() {
    let env = sample_env();
    env.cmd()
        .args(["search", "ukraine colour:red"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown field 'colour'"))
        .stderr(predicate::str::contains(
            "  ukraine colour:red\n          ^",
        ));
}

#[test]
fn month_name_is_the_most_recent_such_month_relative_to_today() {
    let env = sample_env();
    let named = env.search(&["--month", "december", "-n", "100"]);
    let numeric = env.search(&["--month", "2025-12", "-n", "100"]);
    assert_eq!(named["total"], numeric["total"]);
    let other_today = env
        .cmd()
        .env("MORGUE_TODAY", "2025-11-15")
        .args(["search", "--json", "--month", "december"])
        .output()
        .unwrap();
    let answer: serde_json::Value = serde_json::from_slice(&other_today.stdout).unwrap();
    assert_eq!(
        answer["total"], 0,
        "with today in Nov 2025, december is Dec 2024"
    );
}

#[test]
fn to_is_inclusive_of_its_whole_month() {
    let env = sample_env();
    let to_month = env.search(&["--from", "2025-12", "--to", "2025-12", "-n", "1"]);
    let month = env.search(&["--month", "2025-12", "-n", "1"]);
    assert_eq!(to_month["total"], month["total"]);
    let on = env.search(&["--on", "2025-12-20", "-n", "10"]);
    for d in column(&on, "date") {
        assert_eq!(d, "2025-12-20");
    }
}

#[test]
fn month_histogram_crosses_the_year_with_calendar_months() {
    let env = sample_env();
    let answer = env.search(&[
        "--from",
        "2025-11",
        "--to",
        "2026-02",
        "--histogram",
        "month",
        "-n",
        "1",
    ]);
    let buckets = answer["histogram"]["buckets"].as_array().unwrap();
    let labels: Vec<&str> = buckets
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, vec!["2025-11", "2025-12", "2026-01", "2026-02"]);
    let sum: u64 = buckets.iter().map(|b| b["count"].as_u64().unwrap()).sum();
    assert_eq!(sum, answer["total"].as_u64().unwrap());
}

#[test]
fn histogram_is_drawn_as_bars_in_a_terminal() {
    let env = sample_env();
    env.cmd()
        .args(["search", "--histogram", "year"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2025").and(predicate::str::contains("█")));
}

#[test]
fn newest_and_oldest_sort_by_date_and_pages_do_not_overlap() {
    let env = sample_env();
    let newest = column(&env.search(&["--sort", "newest", "-n", "5"]), "date");
    let mut sorted = newest.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(newest, sorted);
    let oldest = column(&env.search(&["--sort", "oldest", "-n", "5"]), "date");
    assert!(oldest[0] <= oldest[4]);
    let page1 = column(&env.search(&["--sort", "oldest", "-n", "5"]), "path");
    let page2 = column(
        &env.search(&["--sort", "oldest", "-n", "5", "--offset", "5"]),
        "path",
    );
    assert!(page1.iter().all(|p| !page2.contains(p)));
}

#[test]
fn ndjson_and_csv_parse_back() {
    let env = sample_env();
    let out = env
        .cmd()
        .args(["search", "ukraine", "--quotes", "--ndjson", "-n", "4"])
        .output()
        .unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 4);
    assert!(lines.iter().all(|h| h["kind"] == "quote"));
    let out = env
        .cmd()
        .args(["search", "ukraine", "--csv", "-n", "3"])
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(reader.headers().unwrap().get(1), Some("date"));
    assert_eq!(reader.records().count(), 3);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let env = sample_env();
    for format in ["--ndjson", "--json", "--csv", "--color=never"] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("morgue"))
            .env("MORGUE_INDEX", &env.index)
            .args(["search", format, "-n", "60"])
            .stdout(writer)
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}: {:?}", out.status);
        assert!(
            out.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn wire_reprints_show_once_with_a_count_unless_asked() {
    let env = sample_env();
    let collapsed = env.search(&["--from", "2025-10-23", "--to", "2025-10-23", "-n", "50"]);
    let all = env.search(&[
        "--from",
        "2025-10-23",
        "--to",
        "2025-10-23",
        "-n",
        "50",
        "--no-collapse",
    ]);
    assert_eq!(hits(&all).len(), hits(&collapsed).len() + 1);
    assert!(hits(&collapsed).iter().any(|h| h["copies"] == 2));
}

#[test]
fn speakers_lists_who_is_quoted_most_with_first_and_last_day() {
    let env = sample_env();
    let out = env
        .cmd()
        .args(["speakers", "ukraine", "--month", "2025-12", "--json"])
        .output()
        .unwrap();
    let list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let rubio = list
        .iter()
        .find(|s| s["speaker"] == "Marco Rubio")
        .expect("Rubio is listed");
    assert!(rubio["quotes"].as_u64().unwrap() >= 8);
    assert!(rubio["first"].as_str().unwrap() >= "2025-12-01");
    assert!(rubio["last"].as_str().unwrap() <= "2025-12-31");
}

#[test]
fn undated_articles_are_found_by_text_and_excluded_by_date_filters() {
    let env = TestEnv::new();
    env.write(
        "bbc/business/001.txt",
        "Steel output rises\n\nSteel output rose sharply in the quarter.\n",
    );
    env.cmd()
        .args(["index", "-q"])
        .arg(&env.clippings)
        .assert()
        .success();
    assert_eq!(env.search(&["steel"])["total"], 1);
    assert_eq!(env.search(&["steel", "--year", "2025"])["total"], 0);
}

/// A facet asked twice in one request finds its counters in use the second
/// time and counts per segment instead: both give the same counts.
#[test]
fn a_facet_asked_twice_counts_the_same_both_ways() {
    use morgue::search::{Engine, FacetName, SearchRequest};
    let env = sample_env();
    let location = morgue::index::IndexLocation::new(&env.index);
    let engine = Engine::open(&location).unwrap();
    let req = SearchRequest {
        facets: vec![FacetName::Speaker, FacetName::Dateline],
        facet_limit: 1000,
        limit: 0,
        ..SearchRequest::default()
    };
    let once = engine.search(&req).unwrap().facets;
    let twice = SearchRequest {
        facets: vec![FacetName::Speaker, FacetName::Speaker],
        ..req
    };
    for _ in 0..2 {
        let got = engine.search(&twice).unwrap().facets;
        assert!(got["speaker"].len() > 1, "{got:?}");
        assert_eq!(
            serde_json::to_value(&got["speaker"]).unwrap(),
            serde_json::to_value(&once["speaker"]).unwrap()
        );
    }
}

/// An engine that counts facets again decodes each facet's values and its
/// documents' ordinals once, names only the values it shows, and reuses its
/// counters: the counts must be those of a first search, every time. A first
/// search counts into the facet values the indexer kept, or without them
/// names the values it saw: the same counts again.
#[test]
fn facet_counts_are_the_same_when_an_engine_counts_again() {
    let env = sample_env();
    let kept = facet_counts_first_and_again(&env);
    let current = env.index.join("current");
    for facet in morgue::search::FacetName::ALL {
        std::fs::remove_file(morgue::search::facet_values_path(&current, facet)).unwrap();
    }
    assert_eq!(facet_counts_first_and_again(&env), kept);
}

/// A search counting every facet (the `limit` most frequent values of each)
/// and no page of hits.
pub fn every_facet(
    text: &str,
    kind: morgue::query::Kind,
    limit: usize,
) -> morgue::search::SearchRequest {
    morgue::search::SearchRequest {
        text: text.to_string(),
        kind,
        facets: morgue::search::FacetName::ALL.to_vec(),
        facet_limit: limit,
        limit: 0,
        ..Default::default()
    }
}

/// The facet counts of first searches of several kinds, texts and limits,
/// each checked against the same search again on the same engine.
fn facet_counts_first_and_again(env: &TestEnv) -> Vec<serde_json::Value> {
    use morgue::query::Kind;
    use morgue::search::Engine;
    let location = morgue::index::IndexLocation::new(&env.index);
    let mut firsts = Vec::new();
    for kind in [Kind::Article, Kind::Quote] {
        for text in ["", "ukraine", "said OR says"] {
            for limit in [3, 1000] {
                let req = every_facet(text, kind, limit);
                let engine = Engine::open(&location).unwrap();
                let first = engine.search(&req).unwrap().facets;
                assert!(first["speaker"].len() > 1, "{kind:?} {text:?}: {first:?}");
                for _ in 0..2 {
                    let again = engine.search(&req).unwrap().facets;
                    assert_eq!(
                        serde_json::to_value(&first).unwrap(),
                        serde_json::to_value(&again).unwrap(),
                        "{kind:?} {text:?} limit {limit}"
                    );
                }
                firsts.push(serde_json::to_value(&first).unwrap());
            }
        }
    }
    firsts
}

/// A match holding half or more of its kind's documents has its facets
/// counted by complement (the kind's totals less the documents not
/// matched) by an engine counting again; the counts must be those of a
/// first search, counted document by document, including in an index whose
/// segments hold deleted documents (a changed and a removed file).
#[test]
fn facet_counts_of_broad_matches_by_complement_are_the_direct_counts() {
    use morgue::query::Kind;
    use morgue::search::Engine;
    let env = TestEnv::new();
    let files = env.copy_sample_corpus();
    env.index_ok();
    let changed =
        std::fs::read_to_string(env.clippings.join(&files[1])).unwrap() + "\nA closing line.\n";
    std::fs::remove_file(env.clippings.join(&files[0])).unwrap();
    env.write(&files[1], changed);
    let summary = env.index_ok();
    assert_eq!(
        (summary["deleted"].as_u64(), summary["updated"].as_u64()),
        (Some(1), Some(1))
    );
    let location = morgue::index::IndexLocation::new(&env.index);
    let broad = Engine::open(&location).unwrap().with_complement_from(1);
    let texts = [
        "",
        "year",
        "minister OR government",
        "the",
        "a OR the",
        "ukraine",
    ];
    for kind in [Kind::Article, Kind::Quote] {
        for text in texts {
            let req = every_facet(text, kind, 1000);
            let direct = Engine::open(&location).unwrap().search(&req).unwrap();
            assert!(direct.facets["speaker"].len() > 1, "{kind:?} {text:?}");
            for _ in 0..3 {
                let counted = broad.search(&req).unwrap();
                assert_eq!(counted.total, direct.total);
                assert_eq!(
                    serde_json::to_value(&counted.facets).unwrap(),
                    serde_json::to_value(&direct.facets).unwrap(),
                    "{kind:?} {text:?}"
                );
            }
        }
    }
}

/// A query's segments searched on two threads give what one thread gives:
/// the total, the page of hits in order, every facet value (counted into
/// one set of counters per thread, summed) and the histogram, for
/// articles and quotes, on an index of several segments.
#[test]
fn segments_searched_in_parallel_give_the_single_thread_results() {
    use morgue::search::Engine;
    let env = TestEnv::new();
    // Two index runs, half the corpus each: two segments.
    let files = env.copy_sample_corpus();
    let later = &files[files.len() / 2..];
    for name in later {
        std::fs::remove_file(env.clippings.join(name)).unwrap();
    }
    env.index_ok();
    for name in later {
        env.write(name, std::fs::read(sample_corpus().join(name)).unwrap());
    }
    env.index_ok();
    let location = morgue::index::IndexLocation::new(&env.index);
    let open = |threads, complement_from| {
        let engine = Engine::open(&location).unwrap();
        engine
            .with_search_threads(threads, 0)
            .with_complement_from(complement_from)
    };
    // Every query goes parallel: counted directly, and by complement from
    // one document (each thread adds its segment's totals less what the
    // match leaves out).
    for from in [u32::MAX, 1] {
        let (one, two) = (open(1, from), open(2, from));
        assert!(one.searcher().segment_readers().len() >= 2, "segments");
        assert_eq!(two.search_threads(), 2);
        same_results(&one, &two);
    }
}

/// `one` and `two` give the same results, three times each, for articles
/// and quotes, broad and narrow queries with every facet and a histogram.
fn same_results(one: &morgue::search::Engine, two: &morgue::search::Engine) {
    use morgue::query::Kind;
    use morgue::search::Interval;
    for kind in [Kind::Article, Kind::Quote] {
        for text in ["", "ukraine", "minister OR government", "the"] {
            let mut req = every_facet(text, kind, 1000);
            req.histogram = Some(Interval::Month);
            req.limit = 20;
            for _ in 0..3 {
                let (a, b) = (one.search(&req).unwrap(), two.search(&req).unwrap());
                assert_eq!(
                    serde_json::to_value(&a).unwrap(),
                    serde_json::to_value(&b).unwrap(),
                    "{kind:?} {text:?}"
                );
            }
        }
    }
}
