//! The flagship question through the library: every Marco Rubio quote about
//! Ukraine in December 2025, from the sample corpus. It asserts what it shows.
//!
//! `cargo run --release --example flagship_quotes`

use std::path::PathBuf;

use chrono::NaiveDate;
use morgue::index::{run_index, IndexLocation, IndexOptions, NoProgress};
use morgue::query::{parse_month, Kind};
use morgue::search::{Engine, Filters, SearchRequest};

fn main() -> morgue::Result<()> {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-corpus");
    let dir = tempfile::tempdir().expect("temp dir");
    let location = IndexLocation::new(dir.path());
    let opts = IndexOptions {
        roots: vec![corpus],
        ..IndexOptions::default()
    };
    let report = run_index(&location, &opts, &NoProgress)?;
    println!(
        "indexed {} articles, {} quotes",
        report.summary.articles, report.summary.quotes
    );

    let today = NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date");
    let request = SearchRequest {
        text: "ukraine".into(),
        kind: Kind::Quote,
        filters: Filters {
            speakers: vec!["rubio".into()],
            dates: parse_month("december", today)?,
            ..Filters::default()
        },
        limit: 100,
        ..SearchRequest::default()
    };
    let results = Engine::open(&location)?.search(&request)?;
    for hit in &results.hits {
        println!(
            "{}  {}: “{}”",
            hit.date.as_deref().unwrap_or("-"),
            hit.speaker.as_deref().unwrap_or("?"),
            hit.snippet
        );
        assert_eq!(hit.speaker.as_deref(), Some("Marco Rubio"));
        assert!(hit
            .date
            .as_deref()
            .is_some_and(|d| d.starts_with("2025-12-")));
    }
    assert_eq!(results.total, 11, "the sample corpus holds 11 such quotes");
    Ok(())
}
