//! [`DateRange`]: a span of calendar days, open at either end, and its
//! conversion to UTC unix-second bounds for the index's `date` field.
//!
//! Dates are calendar days with no time zone: the index stores each
//! publication day as midnight UTC, so a range `[from, to]` becomes the
//! half-open interval `[from 00:00 UTC, (to + 1 day) 00:00 UTC)`.

use chrono::{Days, NaiveDate, NaiveTime};
use serde::{Serialize, Serializer};

/// A span of calendar days; both ends inclusive, `None` meaning open.
///
/// Serialized as `{"from": "2025-12-01", "to": null}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct DateRange {
    /// First day included, or `None` for no lower bound.
    #[serde(serialize_with = "serialize_day")]
    pub from: Option<NaiveDate>,
    /// Last day included, or `None` for no upper bound.
    #[serde(serialize_with = "serialize_day")]
    pub to: Option<NaiveDate>,
}

impl DateRange {
    /// A range from `from` to `to`, both inclusive.
    pub fn new(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Self {
        DateRange { from, to }
    }

    /// The range holding every day (no bounds).
    pub fn all() -> Self {
        DateRange::default()
    }

    /// The range holding the single day `day`.
    pub fn day(day: NaiveDate) -> Self {
        DateRange::new(Some(day), Some(day))
    }

    /// True when the range holds no day (its end is before its start).
    pub fn is_empty(&self) -> bool {
        matches!((self.from, self.to), (Some(from), Some(to)) if to < from)
    }

    /// True when `day` lies inside the range.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= day) && self.to.is_none_or(|to| day <= to)
    }

    /// The days in both ranges, or `None` when they share no day.
    pub fn intersect(&self, other: &Self) -> Option<DateRange> {
        let from = later(self.from, other.from);
        let to = earlier(self.to, other.to);
        let range = DateRange::new(from, to);
        (!range.is_empty()).then_some(range)
    }
}

/// The later of two lower bounds (`None` = unbounded).
fn later(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// The earlier of two upper bounds (`None` = unbounded).
fn earlier(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Unix seconds of midnight UTC starting `day`.
fn midnight_utc(day: NaiveDate) -> i64 {
    day.and_time(NaiveTime::MIN).and_utc().timestamp()
}

/// The range as UTC unix seconds `[start, end)`: `start` is midnight UTC of
/// `from`, `end` is midnight UTC of the day after `to`; `None` stays open.
pub fn to_utc_bounds(range: &DateRange) -> (Option<i64>, Option<i64>) {
    let start = range.from.map(midnight_utc);
    let end = range
        .to
        .and_then(|to| to.checked_add_days(Days::new(1)))
        .map(midnight_utc);
    (start, end)
}

/// Serializes an optional day as `"YYYY-MM-DD"` or `null` (chrono's own serde
/// support is not enabled in this crate).
fn serialize_day<S: Serializer>(day: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
    match day {
        Some(day) => serializer.serialize_str(&day.format("%Y-%m-%d").to_string()),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn r(from: Option<&str>, to: Option<&str>) -> DateRange {
        DateRange::new(from.map(d), to.map(d))
    }

    #[test]
    fn empty_only_when_end_before_start() {
        assert!(!DateRange::all().is_empty());
        assert!(!DateRange::day(d("2025-12-20")).is_empty());
        assert!(!r(Some("2025-12-20"), None).is_empty());
        assert!(!r(None, Some("2025-12-20")).is_empty());
        assert!(r(Some("2025-12-21"), Some("2025-12-20")).is_empty());
    }

    #[test]
    fn contains_checks_both_ends_inclusive() {
        let range = r(Some("2025-12-01"), Some("2025-12-31"));
        assert!(range.contains(d("2025-12-01")));
        assert!(range.contains(d("2025-12-31")));
        assert!(!range.contains(d("2025-11-30")));
        assert!(!range.contains(d("2026-01-01")));
        assert!(DateRange::all().contains(d("1900-01-01")));
    }

    #[test]
    fn intersect_takes_later_start_and_earlier_end() {
        let a = r(Some("2025-01-01"), Some("2025-12-31"));
        let b = r(Some("2025-06-01"), None);
        assert_eq!(
            a.intersect(&b),
            Some(r(Some("2025-06-01"), Some("2025-12-31")))
        );
        let c = r(None, Some("2025-03-31"));
        assert_eq!(
            a.intersect(&c),
            Some(r(Some("2025-01-01"), Some("2025-03-31")))
        );
        assert_eq!(
            DateRange::all().intersect(&DateRange::all()),
            Some(DateRange::all())
        );
    }

    #[test]
    fn intersect_of_touching_ranges_is_one_day() {
        let a = r(Some("2025-01-01"), Some("2025-06-15"));
        let b = r(Some("2025-06-15"), Some("2025-12-31"));
        assert_eq!(a.intersect(&b), Some(DateRange::day(d("2025-06-15"))));
    }

    #[test]
    fn intersect_of_disjoint_ranges_is_none() {
        let a = r(Some("2025-01-01"), Some("2025-06-14"));
        let b = r(Some("2025-06-15"), None);
        assert_eq!(a.intersect(&b), None);
        assert_eq!(b.intersect(&a), None);
    }

    #[test]
    fn utc_bounds_are_half_open_midnights() {
        let range = DateRange::day(d("2025-12-20"));
        assert_eq!(
            to_utc_bounds(&range),
            (Some(1_766_188_800), Some(1_766_275_200))
        );
        let epoch = DateRange::day(d("1970-01-01"));
        assert_eq!(to_utc_bounds(&epoch), (Some(0), Some(86_400)));
    }

    #[test]
    fn utc_bounds_cross_year_and_leap_day() {
        let range = r(Some("2024-02-29"), Some("2024-12-31"));
        let (start, end) = to_utc_bounds(&range);
        assert_eq!(start, Some(midnight_utc(d("2024-02-29"))));
        assert_eq!(end, Some(midnight_utc(d("2025-01-01"))));
    }

    #[test]
    fn utc_bounds_keep_open_ends_open() {
        assert_eq!(to_utc_bounds(&DateRange::all()), (None, None));
        let last = DateRange::new(None, Some(NaiveDate::MAX));
        assert_eq!(to_utc_bounds(&last), (None, None));
    }

    #[test]
    fn serializes_days_as_strings() {
        let json = serde_json::to_string(&r(Some("2025-12-01"), None)).unwrap();
        assert_eq!(json, r#"{"from":"2025-12-01","to":null}"#);
    }
}
