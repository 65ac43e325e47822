//! Counts matches per calendar day with a collector over the `date` fast
//! field, then folds the days into day, week, month or year buckets, empty
//! buckets included.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, Months, NaiveDate};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DateTime, DocId, Score, SegmentReader};

use super::{Bucket, Histogram, Interval};

/// Matches per calendar day (days since the epoch), and the undated ones.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct DayCounts {
    /// Day number (days since 1970-01-01) → matches.
    pub days: BTreeMap<i64, u64>,
    /// Matches without a date.
    pub undated: u64,
}

/// Collects [`DayCounts`] over the matching set.
pub struct DayCollector;

/// Per-segment part of [`DayCollector`].
pub struct DaySegmentCollector {
    dates: Column<DateTime>,
    counts: DayCounts,
}

impl Collector for DayCollector {
    type Fruit = DayCounts;
    type Child = DaySegmentCollector;

    fn for_segment(&self, _id: u32, segment: &SegmentReader) -> tantivy::Result<Self::Child> {
        Ok(DaySegmentCollector {
            dates: segment.fast_fields().date("date")?,
            counts: DayCounts::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<DayCounts>) -> tantivy::Result<DayCounts> {
        let mut all = DayCounts::default();
        for fruit in fruits {
            all.undated += fruit.undated;
            for (day, n) in fruit.days {
                *all.days.entry(day).or_default() += n;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for DaySegmentCollector {
    type Fruit = DayCounts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        match self.dates.first(doc) {
            Some(date) => {
                let day = date.into_timestamp_secs().div_euclid(86_400);
                *self.counts.days.entry(day).or_default() += 1;
            }
            None => self.counts.undated += 1,
        }
    }

    fn harvest(self) -> DayCounts {
        self.counts
    }
}

/// The calendar day of a day number (days since 1970-01-01).
pub fn day_of(number: i64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::Duration::days(number))
}

/// The first day of the bucket holding `day`.
pub fn bucket_start(day: NaiveDate, interval: Interval) -> NaiveDate {
    match interval {
        Interval::Day => day,
        Interval::Week => day - Days::new(day.weekday().num_days_from_monday() as u64),
        Interval::Month => day.with_day(1).expect("day 1 exists"),
        Interval::Year => NaiveDate::from_ymd_opt(day.year(), 1, 1).expect("jan 1 exists"),
    }
}

fn next_bucket(start: NaiveDate, interval: Interval) -> Option<NaiveDate> {
    match interval {
        Interval::Day => start.succ_opt(),
        Interval::Week => start.checked_add_days(Days::new(7)),
        Interval::Month => start.checked_add_months(Months::new(1)),
        Interval::Year => start.checked_add_months(Months::new(12)),
    }
}

fn label(start: NaiveDate, interval: Interval) -> String {
    match interval {
        Interval::Day => start.format("%Y-%m-%d").to_string(),
        Interval::Week => {
            let week = start.iso_week();
            format!("{}-W{:02}", week.year(), week.week())
        }
        Interval::Month => start.format("%Y-%m").to_string(),
        Interval::Year => start.format("%Y").to_string(),
    }
}

/// Folds day counts into calendar buckets from the first to the last
/// matching day, empty buckets included.
pub fn fold(counts: &DayCounts, interval: Interval) -> Histogram {
    let mut per_bucket: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    for (&number, &n) in &counts.days {
        if let Some(day) = day_of(number) {
            *per_bucket.entry(bucket_start(day, interval)).or_default() += n;
        }
    }
    let mut buckets = Vec::new();
    if let (Some(&first), Some(&last)) = (per_bucket.keys().next(), per_bucket.keys().last()) {
        let mut start = first;
        while start <= last {
            buckets.push(Bucket {
                start: start.format("%Y-%m-%d").to_string(),
                label: label(start, interval),
                count: per_bucket.get(&start).copied().unwrap_or(0),
            });
            match next_bucket(start, interval) {
                Some(next) => start = next,
                None => break,
            }
        }
    }
    Histogram {
        interval,
        buckets,
        undated: counts.undated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(y: i32, m: u32, d: u32) -> i64 {
        let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        (day - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days()
    }

    fn counts(days: &[((i32, u32, u32), u64)]) -> DayCounts {
        DayCounts {
            days: days
                .iter()
                .map(|&((y, m, d), n)| (number(y, m, d), n))
                .collect(),
            undated: 2,
        }
    }

    #[test]
    fn months_are_calendar_months_with_empty_ones_shown_across_a_year() {
        let c = counts(&[
            ((2025, 11, 30), 1),
            ((2025, 12, 1), 2),
            ((2025, 12, 31), 1),
            ((2026, 2, 1), 4),
        ]);
        let h = fold(&c, Interval::Month);
        let got: Vec<_> = h
            .buckets
            .iter()
            .map(|b| (b.label.as_str(), b.count))
            .collect();
        assert_eq!(
            got,
            vec![
                ("2025-11", 1),
                ("2025-12", 3),
                ("2026-01", 0),
                ("2026-02", 4)
            ]
        );
        assert_eq!(h.undated, 2);
    }

    #[test]
    fn years_and_days() {
        let c = counts(&[((2024, 12, 31), 1), ((2026, 1, 1), 1)]);
        let years: Vec<_> = fold(&c, Interval::Year)
            .buckets
            .iter()
            .map(|b| b.count)
            .collect();
        assert_eq!(years, vec![1, 0, 1]);
        let days = fold(
            &counts(&[((2025, 12, 30), 1), ((2026, 1, 1), 1)]),
            Interval::Day,
        );
        let labels: Vec<_> = days.buckets.iter().map(|b| b.label.clone()).collect();
        assert_eq!(labels, vec!["2025-12-30", "2025-12-31", "2026-01-01"]);
    }

    #[test]
    fn weeks_start_on_monday_and_use_iso_numbers() {
        // 2025-12-28 is a Sunday (week 52), 2025-12-29 a Monday (ISO week 2026-W01).
        let c = counts(&[((2025, 12, 28), 1), ((2025, 12, 29), 1)]);
        let h = fold(&c, Interval::Week);
        let got: Vec<_> = h
            .buckets
            .iter()
            .map(|b| (b.start.as_str(), b.label.as_str(), b.count))
            .collect();
        assert_eq!(
            got,
            vec![("2025-12-22", "2025-W52", 1), ("2025-12-29", "2026-W01", 1)]
        );
    }

    #[test]
    fn no_dated_match_gives_no_bucket() {
        let h = fold(&DayCounts::default(), Interval::Month);
        assert!(h.buckets.is_empty());
    }
}
