//! Months by name (`december`, `Dec`) or number (`2025-12`), resolved
//! against the caller's `today`: a name means the most recent such month
//! that has already begun.

use chrono::{Datelike, NaiveDate};

use super::date_error::{DateError, EXPECT_MONTH};
use super::date_range::DateRange;
use super::dates::{parse_numeric_month, PartialDate};
use crate::clipping::month_from_name;

/// True when `s` should be read as a month name rather than a number: it
/// holds no ASCII digit.
pub(crate) fn looks_like_month_name(s: &str) -> bool {
    !s.is_empty() && !s.bytes().any(|b| b.is_ascii_digit())
}

/// The most recent month numbered `month` that has begun by `today`: this
/// year's if it is `today`'s month or earlier, else last year's.
fn latest_begun(month: u32, today: NaiveDate) -> PartialDate {
    let year = if month <= today.month() {
        today.year()
    } else {
        today.year() - 1
    };
    PartialDate::month(year, month)
}

/// A month name resolved against `today` (see [`parse_month`]).
pub(crate) fn month_name_span(s: &str, today: NaiveDate) -> Result<PartialDate, DateError> {
    let s = s.trim();
    let month = month_from_name(s).ok_or_else(|| DateError::UnknownMonth {
        value: s.to_string(),
    })?;
    Ok(latest_begun(month, today))
}

/// `--month`: `YYYY-MM`, or a month name or 3-letter abbreviation in any
/// case, meaning the most recent such month that has begun by `today`
/// (today 2026-11-26: `december` = 2025-12, `november` = 2026-11).
pub fn parse_month(s: &str, today: NaiveDate) -> Result<DateRange, DateError> {
    let s = s.trim();
    if looks_like_month_name(s) {
        month_name_span(s, today).map(|span| span.range())
    } else {
        parse_numeric_month(s, EXPECT_MONTH)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn month(from: &str, to: &str) -> DateRange {
        DateRange::new(Some(d(from)), Some(d(to)))
    }

    #[test]
    fn names_resolve_to_the_latest_begun_month() {
        let today = d("2026-11-26");
        assert_eq!(
            parse_month("december", today),
            Ok(month("2025-12-01", "2025-12-31"))
        );
        assert_eq!(
            parse_month("november", today),
            Ok(month("2026-11-01", "2026-11-30"))
        );
        assert_eq!(
            parse_month("january", today),
            Ok(month("2026-01-01", "2026-01-31"))
        );
        assert_eq!(
            parse_month("october", today),
            Ok(month("2026-10-01", "2026-10-31"))
        );
    }

    #[test]
    fn names_cross_the_year_boundary() {
        let early_january = d("2026-01-05");
        assert_eq!(
            parse_month("december", early_january),
            Ok(month("2025-12-01", "2025-12-31"))
        );
        assert_eq!(
            parse_month("january", early_january),
            Ok(month("2026-01-01", "2026-01-31"))
        );
        assert_eq!(
            parse_month("february", early_january),
            Ok(month("2025-02-01", "2025-02-28"))
        );
        let first_of_december = d("2026-12-01");
        assert_eq!(
            parse_month("december", first_of_december),
            Ok(month("2026-12-01", "2026-12-31"))
        );
    }

    #[test]
    fn names_know_leap_februaries() {
        let today = d("2024-03-10");
        assert_eq!(
            parse_month("feb", today),
            Ok(month("2024-02-01", "2024-02-29"))
        );
    }

    #[test]
    fn names_ignore_case_and_accept_abbreviations() {
        let today = d("2026-11-26");
        let december = Ok(month("2025-12-01", "2025-12-31"));
        for name in [
            "december", "December", "DECEMBER", "Dec", "dec", "DEC", " dec ",
        ] {
            assert_eq!(parse_month(name, today), december, "{name}");
        }
        assert_eq!(
            parse_month("Sept", today),
            Ok(month("2026-09-01", "2026-09-30"))
        );
        assert_eq!(
            parse_month("may", today),
            Ok(month("2026-05-01", "2026-05-31"))
        );
    }

    #[test]
    fn numeric_months_ignore_today() {
        let today = d("2026-11-26");
        assert_eq!(
            parse_month("2025-12", today),
            Ok(month("2025-12-01", "2025-12-31"))
        );
        assert_eq!(
            parse_month("2027-02", today),
            Ok(month("2027-02-01", "2027-02-28"))
        );
    }

    #[test]
    fn abbreviations_may_end_with_a_period() {
        let today = d("2026-11-26");
        assert_eq!(parse_month("Sep.", today), parse_month("september", today));
        assert_eq!(parse_month("sept", today), parse_month("september", today));
    }

    #[test]
    fn unknown_names_are_reported() {
        let today = d("2026-11-26");
        for value in ["decembr", "de", "decem", "sepp.", "-"] {
            let message = format!(
                "unknown month '{value}' (expected a month name like 'december' or YYYY-MM)"
            );
            assert_eq!(parse_month(value, today).unwrap_err().to_string(), message);
        }
    }

    #[test]
    fn numeric_months_must_be_months() {
        let today = d("2026-11-26");
        let expected = "(expected YYYY-MM or a month name like 'december')";
        let cases = [
            ("2025", "give a year and a month, without a day"),
            ("2025-12-20", "give a year and a month, without a day"),
            ("2025-13", "month 13 is out of range"),
            ("", "the value is empty"),
        ];
        for (value, reason) in cases {
            let message = format!("invalid date '{value}': {reason} {expected}");
            assert_eq!(parse_month(value, today).unwrap_err().to_string(), message);
        }
    }

    #[test]
    fn month_name_detection() {
        assert!(looks_like_month_name("december"));
        assert!(!looks_like_month_name("2025-12"));
        assert!(!looks_like_month_name("dec2025"));
        assert!(!looks_like_month_name(""));
    }
}
