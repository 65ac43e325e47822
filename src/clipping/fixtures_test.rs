//! End-to-end tests over the fixture files in `tests/fixtures/formats/`
//! (invented articles, one or more per supported format).

use std::path::Path;

use chrono::NaiveDate;

use crate::clipping::{parse_file, Clipping, Format, ParseError};

/// Fixture bytes, embedded at compile time (paths relative to this file).
macro_rules! fixture {
    ($name:literal) => {
        (
            concat!("tests/fixtures/formats/", $name),
            &include_bytes!(concat!("../../tests/fixtures/formats/", $name))[..],
        )
    };
}

fn parse(fixture: (&str, &[u8])) -> Result<Vec<Clipping>, ParseError> {
    parse_file(Path::new(fixture.0), fixture.1)
}

fn one(fixture: (&str, &[u8])) -> Clipping {
    let mut clips = parse(fixture).expect("fixture parses");
    assert_eq!(clips.len(), 1);
    clips.remove(0)
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn seed_with_colon_dateline() {
    let c = one(fixture!("seed_harbour_talks.txt"));
    assert_eq!(c.format, Format::Seed);
    assert_eq!(c.date, day(2025, 12, 20));
    assert_eq!(c.source.as_deref(), Some("Coastal Ledger"));
    assert_eq!(c.section.as_deref(), Some("international"));
    assert_eq!(
        c.title,
        "Port Authorities Agree Fee Freeze As Shipping Talks Resume In Lisbon"
    );
    assert_eq!(c.dateline.as_deref(), Some("Lisbon"));
    assert_eq!(c.body.split("\n\n").count(), 3);
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}

#[test]
fn seed_wire_style() {
    let c = one(fixture!("seed_wire_1987_style.txt"));
    assert_eq!(c.date, day(1987, 3, 9));
    assert_eq!(c.section.as_deref(), Some("grain"));
    assert_eq!(c.dateline.as_deref(), Some("Omaha"));
}

#[test]
fn seed_in_utf16_with_crlf() {
    let c = one(fixture!("seed_utf16le_bom.txt"));
    assert_eq!(c.format, Format::Seed);
    assert_eq!(c.date, day(2024, 2, 29));
    assert_eq!(c.dateline.as_deref(), Some("Ashford"));
    assert!(!c.body.contains('\r'));
    assert_eq!(
        c.warnings,
        vec!["decoded as UTF-16LE (the file is not UTF-8)".to_string()]
    );
}

#[test]
fn reuters_dashed() {
    let c = one(fixture!(
        "dashed/20061020/acme-widgets-idUSN2012345620061020"
    ));
    assert_eq!(c.format, Format::ReutersDashed);
    assert_eq!(
        c.title,
        "UPDATE 2-Acme Widgets lifts outlook as orders jump"
    );
    assert_eq!(c.author.as_deref(), Some("Dana K. Whitfield"));
    assert_eq!(c.date, day(2006, 10, 20));
    assert_eq!(c.source.as_deref(), Some("Reuters"));
    assert_eq!(c.dateline.as_deref(), Some("New York/London"));
    assert!(c
        .body
        .starts_with("NEW YORK/LONDON  Oct 20 (Reuters) - Acme Widgets Inc ( ACME.N ) raised"));
    assert!(!c.body.contains("(Adds analyst"));
    assert_eq!(c.body.split("\n\n").count(), 3);
}

#[test]
fn plain_title_with_path_date_and_section() {
    let c = one(fixture!("plain/business/2025-12-20-harbour-fees.txt"));
    assert_eq!(c.format, Format::PlainTitle);
    assert_eq!(c.title, "Harbour fees frozen for a year");
    assert_eq!(c.date, day(2025, 12, 20));
    assert_eq!(c.section.as_deref(), Some("business"));
    assert_eq!(c.source, None);
}

#[test]
fn plain_title_in_windows_1252() {
    let c = one(fixture!("plain/business/bakery-sale-cp1252.txt"));
    assert_eq!(c.title, "Bakery chain sold for \u{a3}42m");
    assert!(c.body.contains("\u{a3}42m (\u{20ac}49m)"));
    assert!(c.body.contains("\u{201c}It was the right moment,\u{201d}"));
    assert!(c.body.contains("caf\u{e9}s"));
    assert!(!c.body.contains('\u{fffd}'));
    assert_eq!(c.date, None);
    assert!(c.warnings.iter().any(|w| w.contains("windows-1252")));
}

#[test]
fn markdown_with_front_matter() {
    let c = one(fixture!("clipper_front_matter.md"));
    assert_eq!(c.format, Format::Markdown);
    assert_eq!(c.title, "Rail operators promise winter timetable fix");
    assert_eq!(c.source.as_deref(), Some("example-news.com"));
    assert_eq!(c.author.as_deref(), Some("Ines Halvorsen, Tom Achebe"));
    assert_eq!(c.date, day(2025, 12, 20));
    assert_eq!(c.dateline.as_deref(), Some("Oslo"));
    assert!(c.body.starts_with("OSLO (Reuters)"));
    assert!(c.body.contains("The transport ministry said"));
    assert!(!c.body.contains("img.example-news.com"));
    assert!(!c.body.contains("# Rail"));
}

#[test]
fn news_please_json() {
    let c = one(fixture!("news_please_record.json"));
    assert_eq!(c.format, Format::Json);
    assert_eq!(
        c.title,
        "Flood-hit farmers to get relief before sowing season"
    );
    assert_eq!(c.date, day(2025, 12, 20));
    assert_eq!(c.source.as_deref(), Some("www.example-daily.in"));
    assert_eq!(c.author.as_deref(), Some("Priya Raman"));
    assert_eq!(c.dateline.as_deref(), Some("New Delhi"));
    assert_eq!(c.body.split("\n\n").count(), 3);
}

#[test]
fn json_array_skips_bad_record() {
    let clips = parse(fixture!("export_array.json")).unwrap();
    assert_eq!(
        clips.iter().map(|c| c.ordinal).collect::<Vec<_>>(),
        vec![0, 2]
    );
    assert_eq!(clips[0].dateline.as_deref(), Some("Bristol"));
    assert_eq!(clips[0].author.as_deref(), Some("Alan Pryce"));
    assert_eq!(clips[0].date, day(2025, 12, 16));
    assert_eq!(clips[1].source.as_deref(), Some("libraries.example.org"));
    assert!(clips[1]
        .warnings
        .iter()
        .any(|w| w == "skipped: record 1 has no title"));
}

#[test]
fn ndjson_dump() {
    let clips = parse(fixture!("scraper_dump.ndjson")).unwrap();
    assert_eq!(clips.len(), 3);
    assert!(clips.iter().all(|c| c.format == Format::Ndjson));
    assert_eq!(
        clips.iter().map(|c| c.ordinal).collect::<Vec<_>>(),
        vec![0, 1, 3]
    );
    assert_eq!(clips[0].dateline.as_deref(), Some("Kirkwall"));
    assert_eq!(clips[2].author.as_deref(), Some("Sam Flett, Ruth Isbister"));
    assert!(clips[1]
        .warnings
        .iter()
        .any(|w| w.starts_with("skipped: line 3")));
}

#[test]
fn saved_html_page() {
    let c = one(fixture!("saved_article_page.html"));
    assert_eq!(c.format, Format::Html);
    assert_eq!(c.title, "Glacier retreat speeds up, survey finds");
    assert_eq!(c.source.as_deref(), Some("The Alpine Observer"));
    assert_eq!(c.author.as_deref(), Some("Lena Brunner"));
    assert_eq!(c.section.as_deref(), Some("science"));
    assert_eq!(c.date, day(2025, 12, 19));
    assert_eq!(c.dateline.as_deref(), Some("Zurich"));
    assert!(c
        .body
        .starts_with("ZURICH, Dec 19 (Reuters) \u{2014} Alpine glaciers"));
    for junk in [
        "Home",
        "Advertisement",
        "Related",
        "Share this",
        "Great article",
        "rights reserved",
        "trackPageView",
    ] {
        assert!(!c.body.contains(junk), "{junk} in body: {}", c.body);
    }
}

#[test]
fn empty_and_binary_files() {
    assert_eq!(parse(fixture!("empty.txt")), Err(ParseError::Empty));
    assert!(matches!(
        parse(fixture!("not_text.gz")),
        Err(ParseError::Binary { .. })
    ));
}
