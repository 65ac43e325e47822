//! Calendar-date reading: strict ISO days with precise errors, and the loose
//! forms found in metadata ("December 20, 2025", RFC 2822, ISO date-times).
//!
//! Dates are kept as printed: a time or zone suffix is ignored, never used to
//! shift the day.

use chrono::{Datelike, NaiveDate};

use crate::clipping::error::ParseError;

/// Earliest accepted year.
pub(crate) const MIN_YEAR: i32 = 1800;
/// Latest accepted year (no clock is consulted: this is the far-future bound).
pub(crate) const MAX_YEAR: i32 = 2100;

/// Parse `YYYY-MM-DD` strictly, explaining what is wrong when it is not a day.
pub(crate) fn parse_iso_day(value: &str) -> Result<NaiveDate, String> {
    let b = value.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit());
    if !shape_ok {
        return Err("expected the form YYYY-MM-DD".into());
    }
    let year: i32 = value[..4].parse().map_err(|_| "bad year".to_string())?;
    let month: u32 = value[5..7].parse().map_err(|_| "bad month".to_string())?;
    let day: u32 = value[8..10].parse().map_err(|_| "bad day".to_string())?;
    ymd(year, month, day)
}

/// Build a date from numbers, explaining which part is impossible.
pub(crate) fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate, String> {
    if !(1..=12).contains(&month) {
        return Err(format!("month {month} is out of range"));
    }
    if !(1..=31).contains(&day) {
        return Err(format!("day {day} is out of range"));
    }
    // The month is 1 to 12 here: chrono names it ("December").
    let name = chrono::Month::try_from(month as u8).map_or("", |m| m.name());
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| format!("{name} {year} has no day {day}"))
}

/// Reject dates outside 1800..=2100.
pub(crate) fn check_range(date: NaiveDate) -> Result<NaiveDate, ParseError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(ParseError::DateOutOfRange { date })
    }
}

/// English month names in lowercase, January first (the one list of them:
/// datelines, metadata dates and `--month` read it).
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month number from a full or abbreviated English name ("Dec", "Dec.", "Sept", "march").
pub(crate) fn month_from_name(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word);
    if w.len() < 3 || w.len() > 9 || !w.is_ascii() {
        return None;
    }
    if w.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(w) || (w.len() == 3 && m[..3].eq_ignore_ascii_case(w)))
        .map(|i| i as u32 + 1)
}

/// Read a date in any common metadata form; the calendar day as printed.
///
/// Accepts `2025-12-20`, `2025-12-20T14:03:00Z`, `2025/12/20`, `20251220`,
/// `December 20, 2025`, `Dec. 20 2025`, `20 December 2025`,
/// `Sat, 20 Dec 2025 14:03:00 +0000`, `Fri Oct 20, 2006 4:25pm EDT`, and unix
/// timestamps in seconds. Returns an explanation when nothing fits.
pub(crate) fn parse_loose(value: &str) -> Result<NaiveDate, String> {
    let v = value.trim();
    if let Some(date) = iso_prefix(v)? {
        return Ok(date);
    }
    if let Some(date) = unix_seconds(v) {
        return Ok(date);
    }
    words_date(v).unwrap_or_else(|| Err("not a recognised date".into()))
}

/// `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYYMMDD` at the start, then nothing or a time.
fn iso_prefix(v: &str) -> Result<Option<NaiveDate>, String> {
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    let (end, parts) = if b.len() >= 10
        && digits(0..4)
        && digits(5..7)
        && digits(8..10)
        && b[4] == b[7]
        && matches!(b[4], b'-' | b'/' | b'.')
    {
        (10, (&v[..4], &v[5..7], &v[8..10]))
    } else if b.len() == 8 && digits(0..8) {
        (8, (&v[..4], &v[4..6], &v[6..8]))
    } else {
        return Ok(None);
    };
    let rest = &v[end..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return Ok(None);
    }
    let num = |s: &str| s.parse::<u32>().unwrap_or(0);
    ymd(num(parts.0) as i32, num(parts.1), num(parts.2)).map(Some)
}

/// Nine- or ten-digit unix seconds (2001..2286), read as a UTC day.
fn unix_seconds(v: &str) -> Option<NaiveDate> {
    if !(9..=10).contains(&v.len()) || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let secs: i64 = v.parse().ok()?;
    chrono::DateTime::from_timestamp(secs, 0).map(|dt| dt.date_naive())
}

/// Dates written with a month name, in either order, with optional weekday.
fn words_date(v: &str) -> Option<Result<NaiveDate, String>> {
    let tokens: Vec<&str> = v
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .take(6)
        .collect();
    let month_at = tokens.iter().position(|t| month_from_name(t).is_some())?;
    let month = month_from_name(tokens[month_at])?;
    let number = |t: Option<&&str>| -> Option<u32> {
        let t = t?.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())?
    };
    let after = number(tokens.get(month_at + 1));
    let before = month_at.checked_sub(1).and_then(|i| number(tokens.get(i)));
    let (day, year) = match (before, after) {
        (Some(d), Some(y)) if d <= 31 && y >= 1000 => (d, y),
        (_, Some(d)) if d <= 31 => (d, number(tokens.get(month_at + 2))?),
        (Some(d), _) if d <= 31 => (d, number(tokens.get(month_at + 1))?),
        _ => return None,
    };
    (year >= 1000).then(|| ymd(year as i32, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn strict_iso() {
        assert_eq!(parse_iso_day("2025-12-20"), Ok(d(2025, 12, 20)));
        assert_eq!(
            parse_iso_day("2025-13-45").unwrap_err(),
            "month 13 is out of range"
        );
        assert_eq!(
            parse_iso_day("2025-12-45").unwrap_err(),
            "day 45 is out of range"
        );
        assert_eq!(
            parse_iso_day("2025-02-30").unwrap_err(),
            "February 2025 has no day 30"
        );
        assert!(parse_iso_day("20-12-2025").is_err());
        assert!(parse_iso_day("2025-1-2").is_err());
    }

    #[test]
    fn range_bounds() {
        assert!(check_range(d(1800, 1, 1)).is_ok());
        assert!(check_range(d(2100, 12, 31)).is_ok());
        assert!(check_range(d(1799, 12, 31)).is_err());
        assert!(check_range(d(2101, 1, 1)).is_err());
    }

    #[test]
    fn month_names() {
        assert_eq!(month_from_name("Dec."), Some(12));
        assert_eq!(month_from_name("march"), Some(3));
        assert_eq!(month_from_name("Sept"), Some(9));
        assert_eq!(month_from_name("Mayor"), None);
        assert_eq!(month_from_name("Ma"), None);
    }

    #[test]
    fn loose_forms() {
        let want = d(2025, 12, 20);
        for v in [
            "2025-12-20",
            "2025-12-20T14:03:00Z",
            "2025-12-20 23:59:00-05:00",
            "2025/12/20",
            "20251220",
            "December 20, 2025",
            "Dec. 20 2025",
            "20 December 2025",
            "Sat, 20 Dec 2025 14:03:00 +0000",
            "Saturday, December 20, 2025 4:25pm EST",
        ] {
            assert_eq!(parse_loose(v), Ok(want), "{v}");
        }
        assert_eq!(
            parse_loose("Fri Oct 20, 2006 4:25pm EDT"),
            Ok(d(2006, 10, 20))
        );
        assert_eq!(parse_loose("1766188800"), Ok(want));
    }

    #[test]
    fn loose_rejects() {
        assert!(parse_loose("soon").is_err());
        assert!(parse_loose("2025-13-01").is_err());
        assert!(parse_loose("May").is_err());
        assert!(parse_loose("").is_err());
    }
}
