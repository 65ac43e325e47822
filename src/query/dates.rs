//! Numeric dates as people type them (`2025`, `2025-12`, `2025-12-20`) and
//! the CLI flag parsers built on them: [`parse_from`], [`parse_to`],
//! [`parse_year`], [`parse_on`], plus [`today_from_env`] for the clock.
//!
//! Every parser that may need "now" takes `today` from the caller; nothing
//! here reads the clock except [`today_from_env`] when no override is given.

use chrono::{Local, Months, NaiveDate};

use super::date_error::{DateError, EXPECT_DATE, EXPECT_DAY, EXPECT_YEAR};
use super::date_range::DateRange;
use super::month::{looks_like_month_name, month_name_span};

/// How much of a date was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Precision {
    Year,
    Month,
    Day,
}

/// A date given to year, month or day precision; always a real calendar span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PartialDate {
    pub(crate) precision: Precision,
    /// The first day of the span.
    pub(crate) first: NaiveDate,
    /// The last day of the span.
    pub(crate) last: NaiveDate,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (month and day may have one
    /// digit); the error is the reason, without the value.
    pub(crate) fn parse(s: &str) -> Result<Self, String> {
        let parts: Vec<&str> = s.split('-').collect();
        if parts.len() > 3 {
            return Err("too many '-'-separated parts".to_string());
        }
        let year = parse_year_part(parts[0])?;
        let Some(month) = parts.get(1) else {
            return Ok(Self::year(year));
        };
        let month = parse_month_part(month)?;
        match parts.get(2) {
            None => Ok(Self::month(year, month)),
            Some(day) => Self::day(year, month, day),
        }
    }

    fn year(year: i32) -> Self {
        let first = NaiveDate::from_ymd_opt(year, 1, 1).expect("four-digit year");
        let last = NaiveDate::from_ymd_opt(year, 12, 31).expect("four-digit year");
        PartialDate {
            precision: Precision::Year,
            first,
            last,
        }
    }

    pub(crate) fn month(year: i32, month: u32) -> Self {
        let first = NaiveDate::from_ymd_opt(year, month, 1).expect("valid month");
        let next = first.checked_add_months(Months::new(1));
        let last = next
            .and_then(|next| next.pred_opt())
            .expect("four-digit year");
        PartialDate {
            precision: Precision::Month,
            first,
            last,
        }
    }

    fn day(year: i32, month: u32, day: &str) -> Result<Self, String> {
        let n = parse_number(day, "day", 2)?;
        if !(1..=31).contains(&n) {
            return Err(format!("day {n} is out of range"));
        }
        let date = NaiveDate::from_ymd_opt(year, month, n)
            .ok_or_else(|| format!("day {n} is out of range for {year:04}-{month:02}"))?;
        Ok(PartialDate {
            precision: Precision::Day,
            first: date,
            last: date,
        })
    }

    /// The span as an inclusive range.
    pub(crate) fn range(&self) -> DateRange {
        DateRange::new(Some(self.first), Some(self.last))
    }
}

/// The `label` part (year, month, day): an unsigned decimal of at most
/// `max_digits` ASCII digits.
fn parse_number(part: &str, label: &str, max_digits: usize) -> Result<u32, String> {
    if part.is_empty() {
        return Err(format!("the {label} is missing"));
    }
    if !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("the {label} '{part}' is not a number"));
    }
    if part.len() > max_digits {
        return Err(format!(
            "the {label} '{part}' has more than {max_digits} digits"
        ));
    }
    part.parse()
        .map_err(|_| format!("the {label} '{part}' is not a number"))
}

fn parse_year_part(part: &str) -> Result<i32, String> {
    let year = parse_number(part, "year", 4)?;
    if part.len() != 4 {
        return Err(format!("the year '{part}' must have four digits"));
    }
    i32::try_from(year).map_err(|_| format!("the year '{part}' is not a number"))
}

fn parse_month_part(part: &str) -> Result<u32, String> {
    let month = parse_number(part, "month", 2)?;
    if !(1..=12).contains(&month) {
        return Err(format!("month {month} is out of range"));
    }
    Ok(month)
}

/// Any single date form: a month name (resolved against `today`) or a
/// numeric date; errors list `expected`.
pub(crate) fn parse_span(
    s: &str,
    today: NaiveDate,
    expected: &'static str,
) -> Result<PartialDate, DateError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(DateError::invalid(s, "the value is empty", expected));
    }
    if looks_like_month_name(s) {
        return month_name_span(s, today);
    }
    PartialDate::parse(s).map_err(|reason| DateError::invalid(s, reason, expected))
}

/// `--from`: the first day of a year, month or day (`2025` = 2025-01-01).
/// A month name is the most recent such month that has begun (see
/// [`parse_month`](super::parse_month)).
pub fn parse_from(s: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    parse_span(s, today, EXPECT_DATE).map(|span| span.first)
}

/// `--to`: the last day of a year, month or day (`2025-12` = 2025-12-31).
/// A month name is the most recent such month that has begun.
pub fn parse_to(s: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    parse_span(s, today, EXPECT_DATE).map(|span| span.last)
}

/// Parses `s` to exactly `precision`, else explains what is missing or extra.
fn parse_exact(
    s: &str,
    precision: Precision,
    expected: &'static str,
) -> Result<PartialDate, DateError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(DateError::invalid(s, "the value is empty", expected));
    }
    let date = PartialDate::parse(s).map_err(|reason| DateError::invalid(s, reason, expected))?;
    if date.precision != precision {
        let reason = match precision {
            Precision::Year => "give a year alone",
            Precision::Month => "give a year and a month, without a day",
            Precision::Day => "give a year, a month and a day",
        };
        return Err(DateError::invalid(s, reason, expected));
    }
    Ok(date)
}

/// `--year`: the whole year `YYYY`.
pub fn parse_year(s: &str) -> Result<DateRange, DateError> {
    parse_exact(s, Precision::Year, EXPECT_YEAR).map(|date| date.range())
}

/// `--on`: the single day `YYYY-MM-DD`.
pub fn parse_on(s: &str) -> Result<DateRange, DateError> {
    parse_exact(s, Precision::Day, EXPECT_DAY).map(|date| date.range())
}

/// Parses a `YYYY-MM-DD` month (for [`parse_month`](super::parse_month)).
pub(crate) fn parse_numeric_month(s: &str, expected: &'static str) -> Result<DateRange, DateError> {
    parse_exact(s, Precision::Month, expected).map(|date| date.range())
}

/// The day to treat as today: `var` (the value of `MORGUE_TODAY`, as
/// `YYYY-MM-DD`) when set and non-empty, else the local clock's date.
pub fn today_from_env(var: Option<&str>) -> Result<NaiveDate, DateError> {
    match var.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(Local::now().date_naive()),
        Some(value) => parse_exact(value, Precision::Day, EXPECT_DAY)
            .map(|date| date.first)
            .map_err(|err| clock_error(value, err)),
    }
}

/// Rewords a day-parsing error as a `MORGUE_TODAY` error.
fn clock_error(value: &str, err: DateError) -> DateError {
    let reason = match err {
        DateError::InvalidDate { reason, .. } => reason,
        other => other.to_string(),
    };
    DateError::InvalidToday {
        value: value.to_string(),
        reason,
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

    fn range(from: &str, to: &str) -> DateRange {
        DateRange::new(Some(d(from)), Some(d(to)))
    }

    fn err(result: Result<impl std::fmt::Debug, DateError>) -> String {
        result.unwrap_err().to_string()
    }

    #[test]
    fn from_is_first_day_of_year_month_or_day() {
        assert_eq!(parse_from("2025", today()), Ok(d("2025-01-01")));
        assert_eq!(parse_from("2025-12", today()), Ok(d("2025-12-01")));
        assert_eq!(parse_from("2025-12-20", today()), Ok(d("2025-12-20")));
        assert_eq!(parse_from(" 2025-3-5 ", today()), Ok(d("2025-03-05")));
    }

    #[test]
    fn to_is_last_day_of_year_month_or_day() {
        assert_eq!(parse_to("2025", today()), Ok(d("2025-12-31")));
        assert_eq!(parse_to("2025-12", today()), Ok(d("2025-12-31")));
        assert_eq!(parse_to("2025-11", today()), Ok(d("2025-11-30")));
        assert_eq!(parse_to("2025-12-20", today()), Ok(d("2025-12-20")));
    }

    #[test]
    fn to_knows_leap_years() {
        assert_eq!(parse_to("2024-02", today()), Ok(d("2024-02-29")));
        assert_eq!(parse_to("2025-02", today()), Ok(d("2025-02-28")));
        assert_eq!(parse_to("2000-02", today()), Ok(d("2000-02-29")));
        assert_eq!(parse_to("1900-02", today()), Ok(d("1900-02-28")));
        assert_eq!(parse_from("2024-02-29", today()), Ok(d("2024-02-29")));
    }

    #[test]
    fn from_and_to_accept_month_names() {
        assert_eq!(parse_from("december", today()), Ok(d("2025-12-01")));
        assert_eq!(parse_to("Dec", today()), Ok(d("2025-12-31")));
        assert_eq!(parse_to("november", today()), Ok(d("2026-11-30")));
    }

    #[test]
    fn from_rejects_out_of_range_month() {
        assert_eq!(
            err(parse_from("2025-13-45", today())),
            "invalid date '2025-13-45': month 13 is out of range (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        );
        assert_eq!(
            err(parse_to("2025-00", today())),
            "invalid date '2025-00': month 0 is out of range (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        );
    }

    #[test]
    fn from_rejects_missing_days() {
        assert_eq!(
            err(parse_from("2025-02-29", today())),
            "invalid date '2025-02-29': day 29 is out of range for 2025-02 (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        );
        assert_eq!(
            err(parse_from("2025-12-32", today())),
            "invalid date '2025-12-32': day 32 is out of range (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        );
        assert_eq!(
            err(parse_from("2025-12-00", today())),
            "invalid date '2025-12-00': day 0 is out of range (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        );
    }

    #[test]
    fn from_rejects_malformed_numbers() {
        let expected = "(expected YYYY, YYYY-MM or YYYY-MM-DD)";
        let cases = [
            ("25", "the year '25' must have four digits"),
            ("20255", "the year '20255' has more than 4 digits"),
            ("2025-1x", "the month '1x' is not a number"),
            ("2025-", "the month is missing"),
            ("2025-12-", "the day is missing"),
            ("2025-012", "the month '012' has more than 2 digits"),
            ("2025-12-123", "the day '123' has more than 2 digits"),
            ("2025-12-20-1", "too many '-'-separated parts"),
            ("2025/12", "the year '2025/12' is not a number"),
            ("-2025", "the year is missing"),
            ("", "the value is empty"),
        ];
        for (value, reason) in cases {
            let message = format!("invalid date '{value}': {reason} {expected}");
            assert_eq!(err(parse_from(value, today())), message, "{value}");
        }
    }

    #[test]
    fn from_reports_unknown_month_names() {
        assert_eq!(
            err(parse_from("decembr", today())),
            "unknown month 'decembr' (expected a month name like 'december' or YYYY-MM)"
        );
    }

    #[test]
    fn year_is_the_whole_year() {
        assert_eq!(parse_year("2025"), Ok(range("2025-01-01", "2025-12-31")));
        assert_eq!(parse_year(" 2024 "), Ok(range("2024-01-01", "2024-12-31")));
    }

    #[test]
    fn year_rejects_other_forms() {
        assert_eq!(
            err(parse_year("2025-12")),
            "invalid date '2025-12': give a year alone (expected YYYY)"
        );
        assert_eq!(
            err(parse_year("'25")),
            "invalid date ''25': the year ''25' is not a number (expected YYYY)"
        );
        assert_eq!(
            err(parse_year("")),
            "invalid date '': the value is empty (expected YYYY)"
        );
    }

    #[test]
    fn on_is_one_day() {
        assert_eq!(
            parse_on("2025-12-20"),
            Ok(range("2025-12-20", "2025-12-20"))
        );
        assert_eq!(
            parse_on("2024-02-29"),
            Ok(range("2024-02-29", "2024-02-29"))
        );
    }

    #[test]
    fn on_rejects_partial_and_bad_days() {
        assert_eq!(
            err(parse_on("2025-12")),
            "invalid date '2025-12': give a year, a month and a day (expected YYYY-MM-DD)"
        );
        assert_eq!(
            err(parse_on("2026-02-29")),
            "invalid date '2026-02-29': day 29 is out of range for 2026-02 (expected YYYY-MM-DD)"
        );
    }

    #[test]
    fn partial_dates_at_the_year_boundaries() {
        let first = PartialDate::parse("0001").unwrap();
        assert_eq!(
            (first.first, first.last),
            (d("0001-01-01"), d("0001-12-31"))
        );
        let last = PartialDate::parse("9999-12").unwrap();
        assert_eq!((last.first, last.last), (d("9999-12-01"), d("9999-12-31")));
        assert_eq!(
            PartialDate::parse("2025-12").unwrap().precision,
            Precision::Month
        );
    }

    #[test]
    fn today_from_env_uses_the_override() {
        assert_eq!(today_from_env(Some("2026-11-26")), Ok(d("2026-11-26")));
        assert_eq!(today_from_env(Some(" 2024-02-29 ")), Ok(d("2024-02-29")));
    }

    #[test]
    fn today_from_env_falls_back_to_the_clock() {
        let now = Local::now().date_naive();
        let got = today_from_env(None).unwrap();
        assert!((got - now).num_days().abs() <= 1);
        let got = today_from_env(Some("")).unwrap();
        assert!((got - now).num_days().abs() <= 1);
    }

    #[test]
    fn today_from_env_names_the_variable() {
        assert_eq!(
            err(today_from_env(Some("2026-13-01"))),
            "invalid MORGUE_TODAY '2026-13-01': month 13 is out of range (expected YYYY-MM-DD)"
        );
        assert_eq!(
            err(today_from_env(Some("tomorrow"))),
            "invalid MORGUE_TODAY 'tomorrow': the year 'tomorrow' is not a number (expected YYYY-MM-DD)"
        );
        assert_eq!(
            err(today_from_env(Some("2026-11"))),
            "invalid MORGUE_TODAY '2026-11': give a year, a month and a day (expected YYYY-MM-DD)"
        );
    }
}
