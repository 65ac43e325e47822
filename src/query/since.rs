//! Relative spans (`30d`, `2w`, `6m`, `1y`) ending today, for `--since` and
//! the `date:` query field.
//!
//! Months and years are calendar-aware: stepping back from a day that the
//! target month lacks lands on that month's last day (6m before 2026-08-31
//! is 2026-02-28).

use chrono::{Days, Months, NaiveDate};

use super::date_error::DateError;
use super::date_range::DateRange;

/// The unit of a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Days,
    Weeks,
    Months,
    Years,
}

impl Unit {
    fn from_char(c: char) -> Option<Self> {
        match c.to_ascii_lowercase() {
            'd' => Some(Unit::Days),
            'w' => Some(Unit::Weeks),
            'm' => Some(Unit::Months),
            'y' => Some(Unit::Years),
            _ => None,
        }
    }
}

/// True when `s` has the shape of a duration: digits then one letter.
pub(crate) fn looks_like_duration(s: &str) -> bool {
    let s = s.trim();
    match s.char_indices().last() {
        Some((i, c)) if i > 0 && c.is_ascii_alphabetic() => {
            s[..i].bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// Splits `30d` into 30 and days; `None` when the shape is wrong.
fn split_duration(s: &str) -> Option<(&str, Unit)> {
    let (i, c) = s.char_indices().last()?;
    let digits = &s[..i];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((digits, Unit::from_char(c)?))
}

/// `today` minus `count` units, or `None` when out of chrono's range.
fn step_back(today: NaiveDate, count: u32, unit: Unit) -> Option<NaiveDate> {
    match unit {
        Unit::Days => today.checked_sub_days(Days::new(count.into())),
        Unit::Weeks => today.checked_sub_days(Days::new(u64::from(count) * 7)),
        Unit::Months => today.checked_sub_months(Months::new(count)),
        Unit::Years => today.checked_sub_months(Months::new(count.checked_mul(12)?)),
    }
}

/// `--since`: from `today` minus the duration to `today`, both inclusive
/// (`30d`, `2w`, `6m`, `1y`; the unit letter in any case; `0d` = today).
pub fn parse_since(s: &str, today: NaiveDate) -> Result<DateRange, DateError> {
    let s = s.trim();
    let invalid = || DateError::InvalidDuration {
        value: s.to_string(),
    };
    let too_long = || DateError::DurationTooLong {
        value: s.to_string(),
    };
    let (digits, unit) = split_duration(s).ok_or_else(invalid)?;
    let count: u32 = digits.parse().map_err(|_| too_long())?;
    let from = step_back(today, count, unit).ok_or_else(too_long)?;
    Ok(DateRange::new(Some(from), Some(today)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn since(value: &str, today: &str) -> (NaiveDate, NaiveDate) {
        let range = parse_since(value, d(today)).unwrap();
        (range.from.unwrap(), range.to.unwrap())
    }

    #[test]
    fn each_unit_steps_back_from_today() {
        let today = "2026-11-26";
        assert_eq!(since("30d", today), (d("2026-10-27"), d(today)));
        assert_eq!(since("2w", today), (d("2026-11-12"), d(today)));
        assert_eq!(since("6m", today), (d("2026-05-26"), d(today)));
        assert_eq!(since("1y", today), (d("2025-11-26"), d(today)));
        assert_eq!(since("0d", today), (d(today), d(today)));
    }

    #[test]
    fn units_ignore_case_and_spaces() {
        let today = "2026-11-26";
        assert_eq!(since(" 30D ", today), (d("2026-10-27"), d(today)));
        assert_eq!(since("1Y", today), (d("2025-11-26"), d(today)));
    }

    #[test]
    fn months_clamp_to_month_end() {
        assert_eq!(since("6m", "2026-08-31").0, d("2026-02-28"));
        assert_eq!(since("1m", "2026-03-31").0, d("2026-02-28"));
        assert_eq!(since("1m", "2024-03-31").0, d("2024-02-29"));
        assert_eq!(since("3m", "2026-05-31").0, d("2026-02-28"));
        assert_eq!(since("1y", "2024-02-29").0, d("2023-02-28"));
    }

    #[test]
    fn days_cross_year_and_leap_boundaries() {
        assert_eq!(since("5d", "2026-01-03").0, d("2025-12-29"));
        assert_eq!(since("1d", "2024-03-01").0, d("2024-02-29"));
        assert_eq!(since("365d", "2025-01-01").0, d("2024-01-02"));
        assert_eq!(since("1m", "2026-01-15").0, d("2025-12-15"));
    }

    #[test]
    fn malformed_durations_are_rejected() {
        for value in ["3x", "30", "d", "", "3.5d", "-3d", "30 d", "30dd", "thirty"] {
            let message = format!(
                "invalid duration '{value}' (expected a number followed by d, w, m or y, as in 30d)"
            );
            let got = parse_since(value, d("2026-11-26")).unwrap_err().to_string();
            assert_eq!(got, message, "{value}");
        }
    }

    #[test]
    fn huge_durations_are_rejected() {
        let message = |value: &str| {
            format!("invalid duration '{value}': it reaches too far into the past (try a smaller number)")
        };
        for value in ["99999999999d", "4000000000y", "300000y", "99999999w"] {
            let got = parse_since(value, d("2026-11-26")).unwrap_err().to_string();
            assert_eq!(got, message(value), "{value}");
        }
    }

    #[test]
    fn duration_shape_detection() {
        assert!(looks_like_duration("30d"));
        assert!(looks_like_duration("3x"));
        assert!(!looks_like_duration("2025"));
        assert!(!looks_like_duration("dec"));
        assert!(!looks_like_duration("d"));
    }
}
