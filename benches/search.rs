//! Criterion benches for searching: a one-word query, a phrase, a speaker
//! plus date-range quote query, the same with facet counts, a month
//! histogram, the date-ranged queries of the baselines, and the first
//! faceted search of a fresh engine (a one-shot `morgue search`, which counts
//! into the facet values the indexer kept).
//!
//! `cargo bench --bench search`. On the Reuters 2006-2013 corpus when it is
//! unpacked (`../shared/tools/corpus reuters-financial-2006-2013`; the index
//! is built once into `$MORGUE_BENCH_DIR`, default `/tmp/morgue-bench`), else
//! on the sample corpus.

use std::hint::black_box;
use std::path::PathBuf;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use morgue::index::{run_index, IndexLocation, IndexOptions, NoProgress};
use morgue::query::{DateRange, Kind};
use morgue::search::{Engine, FacetName, Filters, Interval, SearchRequest};

struct Setup {
    name: &'static str,
    location: IndexLocation,
    engine: Engine,
    speaker: &'static str,
    range: DateRange,
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn setup() -> Setup {
    let fin = PathBuf::from("/tmp/morgue-corpora/reuters-financial-2006-2013/ReutersNews106521");
    let bench_dir = PathBuf::from(
        std::env::var("MORGUE_BENCH_DIR").unwrap_or_else(|_| "/tmp/morgue-bench".into()),
    );
    let (name, corpus, location, speaker, range) = if fin.is_dir() {
        let range = DateRange::new(day("2008-09-01"), day("2008-09-30"));
        (
            "reuters-financial",
            fin,
            IndexLocation::new(bench_dir.join("fin-index")),
            "paulson",
            range,
        )
    } else {
        eprintln!("Reuters 2006-2013 not unpacked: benchmarking the sample corpus");
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-corpus");
        let range = DateRange::new(day("2025-12-01"), day("2025-12-31"));
        (
            "sample-corpus",
            root,
            IndexLocation::new(bench_dir.join("sample-index")),
            "rubio",
            range,
        )
    };
    if location.open().is_err() {
        // An index of an older schema version is rebuilt.
        let opts = IndexOptions {
            roots: vec![corpus],
            rebuild: location.current_dir().is_some(),
            ..IndexOptions::default()
        };
        run_index(&location, &opts, &NoProgress).expect("bench index builds");
    }
    Setup {
        name,
        engine: Engine::open(&location).expect("bench index opens"),
        location,
        speaker,
        range,
    }
}

fn request(text: &str) -> SearchRequest {
    SearchRequest {
        text: text.into(),
        collapse: false,
        ..SearchRequest::default()
    }
}

fn bench_search(c: &mut Criterion) {
    let s = setup();
    let mut group = c.benchmark_group(format!("search/{}", s.name));
    let quote_query = SearchRequest {
        kind: Kind::Quote,
        filters: Filters {
            speakers: vec![s.speaker.into()],
            dates: s.range,
            ..Filters::default()
        },
        ..request("")
    };
    let with_facets = SearchRequest {
        facets: vec![FacetName::Speaker, FacetName::Dateline],
        ..quote_query.clone()
    };
    let histogram = SearchRequest {
        histogram: Some(Interval::Month),
        limit: 0,
        ..request("oil")
    };
    let ranged = |text: &str| SearchRequest {
        filters: Filters {
            dates: s.range,
            ..Filters::default()
        },
        ..request(text)
    };
    let faceted = |text: &str| SearchRequest {
        facets: vec![FacetName::Speaker, FacetName::Dateline],
        limit: 0,
        ..request(text)
    };
    let cases: Vec<(&str, SearchRequest)> = vec![
        ("one-word", request("bankruptcy")),
        // Counted again by one engine: a broad match (by complement) and a sparse one.
        ("said+facets", faceted("said")),
        ("lehman+facets", faceted("lehman")),
        ("phrase", request("\"federal reserve\"")),
        ("speaker+dates quotes", quote_query),
        ("speaker+dates quotes+facets", with_facets),
        ("month histogram", histogram),
        ("said, date range", ranged("said")),
        ("lehman, date range", ranged("lehman")),
        ("quarantine, date range", ranged("quarantine")),
    ];
    for (name, req) in &cases {
        group.bench_function(*name, |b| {
            b.iter(|| black_box(s.engine.search(req).unwrap()))
        });
    }
    let first_faceted = faceted("said");
    group.bench_function("said+facets, a fresh engine's first search", |b| {
        b.iter_batched(
            || Engine::open(&s.location).expect("bench index opens"),
            |engine| black_box(engine.search(&first_faceted).unwrap()),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
