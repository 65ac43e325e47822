//! [`DateError`]: why a date, month, year, duration, range or clock value
//! could not be understood.
//!
//! Every message names the offending value, says what is wrong with it and,
//! where it helps, lists the accepted forms, so that the CLI can print it as is.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// The accepted forms of a date in `--from`, `--to` and `date:`.
pub(crate) const EXPECT_DATE: &str = "YYYY, YYYY-MM or YYYY-MM-DD";
/// The accepted form of a single day (`--on`, `MORGUE_TODAY`).
pub(crate) const EXPECT_DAY: &str = "YYYY-MM-DD";
/// The accepted forms of a month (`--month`).
pub(crate) const EXPECT_MONTH: &str = "YYYY-MM or a month name like 'december'";
/// The accepted form of a year (`--year`).
pub(crate) const EXPECT_YEAR: &str = "YYYY";

/// A date-like value that could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// A numeric date that is malformed or does not exist.
    #[error("invalid date '{value}': {reason} (expected {expected})")]
    InvalidDate {
        /// The value as given (trimmed).
        value: String,
        /// What is wrong with it, e.g. `month 13 is out of range`.
        reason: String,
        /// The accepted forms, e.g. `YYYY, YYYY-MM or YYYY-MM-DD`.
        expected: &'static str,
    },
    /// A word that is not a month name or abbreviation.
    #[error("unknown month '{value}' (expected a month name like 'december' or YYYY-MM)")]
    UnknownMonth {
        /// The value as given (trimmed).
        value: String,
    },
    /// A `since` value that is not `<number><d|w|m|y>`.
    #[error("invalid duration '{value}' (expected a number followed by d, w, m or y, as in 30d)")]
    InvalidDuration {
        /// The value as given (trimmed).
        value: String,
    },
    /// A well-formed duration reaching before the earliest representable day.
    #[error("invalid duration '{value}': it reaches too far into the past (try a smaller number)")]
    DurationTooLong {
        /// The value as given (trimmed).
        value: String,
    },
    /// A range `A..B` whose end is before its start.
    #[error("invalid date range '{value}': the end {to} is before the start {from}")]
    ReversedRange {
        /// The value as given (trimmed).
        value: String,
        /// First day of the range.
        from: NaiveDate,
        /// Last day of the range.
        to: NaiveDate,
    },
    /// A range whose shape is wrong (`..`, `a...b`).
    #[error("invalid date range '{value}': {reason} (expected A..B, A.. or ..B, as in 2025-11..2025-12)")]
    InvalidRange {
        /// The value as given (trimmed).
        value: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The `MORGUE_TODAY` override is not a valid day.
    #[error("invalid MORGUE_TODAY '{value}': {reason} (expected YYYY-MM-DD)")]
    InvalidToday {
        /// The variable's value as given.
        value: String,
        /// What is wrong with it.
        reason: String,
    },
}

impl DateError {
    /// An [`DateError::InvalidDate`] for `value`.
    pub(crate) fn invalid(value: &str, reason: impl Into<String>, expected: &'static str) -> Self {
        DateError::InvalidDate {
            value: value.to_string(),
            reason: reason.into(),
            expected,
        }
    }
}

/// Serialized as its message, for JSON error output.
impl Serialize for DateError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_date_names_value_reason_and_forms() {
        let err = DateError::invalid("2025-13-45", "month 13 is out of range", EXPECT_DATE);
        assert_eq!(
            err.to_string(),
            "invalid date '2025-13-45': month 13 is out of range (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        );
    }

    #[test]
    fn reversed_range_names_both_ends() {
        let err = DateError::ReversedRange {
            value: "2025-12..2025-01".to_string(),
            from: NaiveDate::from_ymd_opt(2025, 12, 1).unwrap(),
            to: NaiveDate::from_ymd_opt(2025, 1, 31).unwrap(),
        };
        assert_eq!(
            err.to_string(),
            "invalid date range '2025-12..2025-01': the end 2025-01-31 is before the start 2025-12-01"
        );
    }

    #[test]
    fn serializes_as_its_message() {
        let err = DateError::UnknownMonth {
            value: "decembr".to_string(),
        };
        assert_eq!(
            serde_json::to_string(&err).unwrap(),
            r#""unknown month 'decembr' (expected a month name like 'december' or YYYY-MM)""#
        );
    }
}
