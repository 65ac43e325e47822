//! The value of the `date:` query field: one span (`2025`, `2025-12`,
//! `2025-12-20`, `december`, `30d`) or a range `A..B` with either side
//! optional (`2025-12-01..2025-12-20`, `2025-11..`, `..2025-06`).

use chrono::NaiveDate;

use super::date_error::{DateError, EXPECT_DATE};
use super::date_range::DateRange;
use super::dates::parse_span;
use super::since::{looks_like_duration, parse_since};

/// One side of a range or a lone value: a duration or any date form.
fn parse_point(s: &str, today: NaiveDate) -> Result<DateRange, DateError> {
    if looks_like_duration(s) {
        parse_since(s, today)
    } else {
        parse_span(s, today, EXPECT_DATE).map(|span| span.range())
    }
}

/// Parses a `date:` value. A lone value is its whole span (`2025-12` is all
/// of December 2025; `30d` is the last 30 days through `today`). In `A..B`,
/// `A` contributes its first day and `B` its last day; a missing side is
/// open. Month names are resolved against `today` (see
/// [`parse_month`](super::parse_month)).
pub fn parse_range_expr(s: &str, today: NaiveDate) -> Result<DateRange, DateError> {
    let s = s.trim();
    let Some((left, right)) = s.split_once("..") else {
        return parse_point(s, today);
    };
    let range_error = |reason: &str| DateError::InvalidRange {
        value: s.to_string(),
        reason: reason.to_string(),
    };
    if right.starts_with('.') || right.contains("..") {
        return Err(range_error("use exactly two dots between the ends"));
    }
    let (left, right) = (left.trim(), right.trim());
    if left.is_empty() && right.is_empty() {
        return Err(range_error("both ends are missing"));
    }
    let from = side(left, today, |range| range.from)?;
    let to = side(right, today, |range| range.to)?;
    check_order(s, DateRange::new(from, to))
}

/// Parses one side (`None` when empty) and keeps the bound `pick` chooses.
fn side(
    s: &str,
    today: NaiveDate,
    pick: fn(DateRange) -> Option<NaiveDate>,
) -> Result<Option<NaiveDate>, DateError> {
    if s.is_empty() {
        return Ok(None);
    }
    parse_point(s, today).map(pick)
}

/// Rejects a range whose end precedes its start.
fn check_order(s: &str, range: DateRange) -> Result<DateRange, DateError> {
    match (range.from, range.to) {
        (Some(from), Some(to)) if to < from => Err(DateError::ReversedRange {
            value: s.to_string(),
            from,
            to,
        }),
        _ => Ok(range),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn today() -> NaiveDate {
        d("2026-11-26")
    }

    fn r(from: Option<&str>, to: Option<&str>) -> DateRange {
        DateRange::new(from.map(d), to.map(d))
    }

    fn parse(s: &str) -> DateRange {
        parse_range_expr(s, today()).unwrap()
    }

    fn error(s: &str) -> String {
        parse_range_expr(s, today()).unwrap_err().to_string()
    }

    #[test]
    fn single_values_are_whole_spans() {
        assert_eq!(parse("2025"), r(Some("2025-01-01"), Some("2025-12-31")));
        assert_eq!(parse("2025-12"), r(Some("2025-12-01"), Some("2025-12-31")));
        assert_eq!(
            parse("2025-12-20"),
            r(Some("2025-12-20"), Some("2025-12-20"))
        );
        assert_eq!(parse("december"), r(Some("2025-12-01"), Some("2025-12-31")));
        assert_eq!(parse("2024-02"), r(Some("2024-02-01"), Some("2024-02-29")));
        assert_eq!(parse("30d"), r(Some("2026-10-27"), Some("2026-11-26")));
    }

    #[test]
    fn ranges_take_first_and_last_days() {
        assert_eq!(
            parse("2025-12-01..2025-12-20"),
            r(Some("2025-12-01"), Some("2025-12-20"))
        );
        assert_eq!(
            parse("2025-11..2025-12"),
            r(Some("2025-11-01"), Some("2025-12-31"))
        );
        assert_eq!(
            parse("2024..2025"),
            r(Some("2024-01-01"), Some("2025-12-31"))
        );
        assert_eq!(
            parse("october..november"),
            r(Some("2026-10-01"), Some("2026-11-30"))
        );
        assert_eq!(
            parse(" 2025-12 .. 2026-01 "),
            r(Some("2025-12-01"), Some("2026-01-31"))
        );
    }

    #[test]
    fn either_side_may_be_open() {
        assert_eq!(parse("2025-11.."), r(Some("2025-11-01"), None));
        assert_eq!(parse("..2025-06"), r(None, Some("2025-06-30")));
        assert_eq!(parse("..2024-02"), r(None, Some("2024-02-29")));
    }

    #[test]
    fn single_day_range_is_allowed() {
        assert_eq!(
            parse("2025-12-20..2025-12-20"),
            r(Some("2025-12-20"), Some("2025-12-20"))
        );
        assert_eq!(
            parse("2025-12..2025-12-01"),
            r(Some("2025-12-01"), Some("2025-12-01"))
        );
    }

    #[test]
    fn reversed_ranges_are_rejected() {
        assert_eq!(
            error("2025-12-20..2025-12-01"),
            "invalid date range '2025-12-20..2025-12-01': the end 2025-12-01 is before the start 2025-12-20"
        );
        assert_eq!(
            error("november..october"),
            "invalid date range 'november..october': the end 2026-10-31 is before the start 2026-11-01"
        );
    }

    #[test]
    fn malformed_ranges_are_rejected() {
        let expected = "(expected A..B, A.. or ..B, as in 2025-11..2025-12)";
        assert_eq!(
            error(".."),
            format!("invalid date range '..': both ends are missing {expected}")
        );
        assert_eq!(
            error("2025...2026"),
            format!("invalid date range '2025...2026': use exactly two dots between the ends {expected}")
        );
        assert_eq!(
            error("2025..2026..2027"),
            format!("invalid date range '2025..2026..2027': use exactly two dots between the ends {expected}")
        );
    }

    #[test]
    fn bad_sides_report_the_side() {
        assert_eq!(
            error("2025-13..2026"),
            "invalid date '2025-13': month 13 is out of range (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        );
        assert_eq!(
            error("..decembr"),
            "unknown month 'decembr' (expected a month name like 'december' or YYYY-MM)"
        );
        assert_eq!(
            error("3x"),
            "invalid duration '3x' (expected a number followed by d, w, m or y, as in 30d)"
        );
        assert_eq!(
            error(""),
            "invalid date '': the value is empty (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        );
    }
}
