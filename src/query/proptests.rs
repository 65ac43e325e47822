//! Property tests: the query and date parsers never panic on arbitrary
//! input, error positions are char boundaries inside the input, and the
//! text handed to tantivy keeps every byte offset of the input.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::{
    parse_from, parse_month, parse_on, parse_query, parse_range_expr, parse_since, parse_to,
    parse_year, render_caret, to_utc_bounds, today_from_env,
};

/// Fragments that steer random queries into the interesting paths.
const FRAGMENTS: &[&str] = &[
    " ",
    "  ",
    "\t",
    "\"",
    "'",
    "(",
    ")",
    "\\",
    "-",
    "+",
    ":",
    "/",
    "~2",
    "..",
    "OR ",
    "AND ",
    "NOT ",
    "speaker:",
    "Speaker:",
    "date:",
    "kind:",
    "source:",
    "title:",
    "rubio",
    "peace deal",
    "2025",
    "2025-12",
    "2025-13-45",
    "december",
    "30d",
    "quote",
    "é",
    "«мир»",
    "日本",
];

fn query_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..16).prop_map(|parts| parts.concat())
}

fn any_today() -> impl Strategy<Value = NaiveDate> {
    (0u64..200_000).prop_map(|n| NaiveDate::from_ymd_opt(1500, 1, 1).unwrap() + Days::new(n))
}

/// Checks the invariants of one `parse_query` call.
fn check_query(input: &str, today: NaiveDate) -> Result<(), TestCaseError> {
    match parse_query(input, today) {
        Ok(query) => {
            prop_assert!(query.text.len() <= input.len());
            let kept = query.text.bytes().zip(input.bytes());
            prop_assert!(kept.into_iter().all(|(t, i)| t == i || t == b' '));
            prop_assert!(query.text.is_empty() || !query.text.trim().is_empty());
        }
        Err(err) => {
            prop_assert!(err.position < input.len(), "{err:?} for {input:?}");
            prop_assert!(input.is_char_boundary(err.position));
            prop_assert_eq!(err.column, input[..err.position].chars().count() + 1);
            prop_assert_eq!(render_caret(input, &err).lines().count(), 2);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parse_query_never_panics_on_any_string(input in any::<String>(), today in any_today()) {
        check_query(&input, today)?;
    }

    #[test]
    fn parse_query_never_panics_on_query_like_strings(input in query_like(), today in any_today()) {
        check_query(&input, today)?;
    }

    #[test]
    fn date_parsers_never_panic(input in any::<String>(), today in any_today()) {
        let _ = parse_from(&input, today);
        let _ = parse_to(&input, today);
        let _ = parse_month(&input, today);
        let _ = parse_year(&input);
        let _ = parse_on(&input);
        let _ = parse_since(&input, today);
        let _ = today_from_env(Some(&input));
        if let Ok(range) = parse_range_expr(&input, today) {
            prop_assert!(!range.is_empty());
            let _ = to_utc_bounds(&range);
        }
    }

    #[test]
    fn since_ranges_end_today(n in 0u32..100_000, unit in prop::sample::select(&['d', 'w', 'm', 'y'][..]), today in any_today()) {
        if let Ok(range) = parse_since(&format!("{n}{unit}"), today) {
            prop_assert_eq!(range.to, Some(today));
            prop_assert!(range.from.unwrap() <= today);
        }
    }

    #[test]
    fn from_never_after_to(y in 1000u32..9999, m in 1u32..=12, today in any_today()) {
        for value in [format!("{y}"), format!("{y}-{m:02}")] {
            prop_assert!(parse_from(&value, today).unwrap() <= parse_to(&value, today).unwrap());
        }
    }
}
