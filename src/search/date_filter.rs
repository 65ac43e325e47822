//! A date-range filter that picks, segment by segment, the cheaper of
//! tantivy's two ways of matching a range.
//!
//! tantivy's `RangeQuery` on a fast field scans the date column from the
//! segment's first document until it meets a date in range: cheap for wide
//! ranges, but a fixed cost of a large part of the column for a narrow one
//! (a month of a decade's archive), paid by every query. Matching through
//! the inverted index instead (`InvertedIndexRangeQuery`: the postings of
//! each day in range, gathered into a bit set) costs in proportion to the
//! documents in range: cheap for a month, dear for years. The column's
//! bounds tell, without reading postings, about how many documents a range
//! holds, and so which way is cheaper for that segment.

use std::ops::Bound;

use tantivy::columnar::Column;
use tantivy::query::{
    EnableScoring, Explanation, InvertedIndexRangeQuery, Query, RangeQuery, Scorer, Weight,
};
use tantivy::{DateTime, DocId, Score, Searcher, SegmentReader, Term};

/// Matching through postings pays when the range holds fewer than one
/// document in this many of a segment's...
const POSTINGS_SHARE: u64 = 8;

/// ...and not more than this many (past that, gathering them costs more than
/// the column's scan: measured on ten copies of Reuters 2006-2013).
const POSTINGS_MAX: u64 = 20_000;

/// Documents whose `field` (an indexed, fast date field) lies between two bounds.
#[derive(Debug, Clone)]
pub struct DateRangeQuery {
    field: tantivy::schema::Field,
    lower: Bound<DateTime>,
    upper: Bound<DateTime>,
    by_column: RangeQuery,
    by_postings: InvertedIndexRangeQuery,
}

impl DateRangeQuery {
    /// Dates in `lower..upper` of `field`. At least one bound must be set.
    pub fn new(
        field: tantivy::schema::Field,
        lower: Bound<DateTime>,
        upper: Bound<DateTime>,
    ) -> DateRangeQuery {
        let term = |d: &DateTime| Term::from_field_date_for_search(field, *d);
        let (lo, hi) = (lower.as_ref().map(term), upper.as_ref().map(term));
        DateRangeQuery {
            field,
            lower,
            upper,
            by_column: RangeQuery::new(lo.clone(), hi.clone()),
            by_postings: InvertedIndexRangeQuery::new(lo, hi),
        }
    }
}

impl DateRangeQuery {
    /// The date field.
    pub fn field(&self) -> tantivy::schema::Field {
        self.field
    }

    /// The lower and upper bounds.
    pub fn bounds(&self) -> (Bound<DateTime>, Bound<DateTime>) {
        (self.lower, self.upper)
    }
}

impl Query for DateRangeQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.date_weight(scoring)?))
    }
}

impl DateRangeQuery {
    /// Its weight, as its own type.
    pub(super) fn date_weight(
        &self,
        scoring: EnableScoring<'_>,
    ) -> tantivy::Result<DateRangeWeight> {
        Ok(DateRangeWeight {
            field_name: scoring.schema().get_field_name(self.field).to_string(),
            lower: self.lower,
            upper: self.upper,
            by_column: self.by_column.weight(scoring)?,
            by_postings: self.by_postings.weight(scoring)?,
        })
    }
}

/// The weight of a [`DateRangeQuery`].
pub(super) struct DateRangeWeight {
    field_name: String,
    lower: Bound<DateTime>,
    upper: Bound<DateTime>,
    by_column: Box<dyn Weight>,
    by_postings: Box<dyn Weight>,
}

impl DateRangeWeight {
    /// The way to use on a segment of `max_doc` documents, `in_range` of
    /// them estimated in range (`None`: no document has a date).
    fn pick(&self, in_range: Option<u64>, max_doc: u32) -> &dyn Weight {
        let Some(in_range) = in_range else {
            // No document of this segment has a date: the postings say so at once.
            return &*self.by_postings;
        };
        let few = in_range * POSTINGS_SHARE < u64::from(max_doc) && in_range <= POSTINGS_MAX;
        if few {
            &*self.by_postings
        } else {
            &*self.by_column
        }
    }

    /// The scorer of a segment whose documents in range were estimated
    /// ([`in_column`]).
    pub(super) fn scorer_estimated(
        &self,
        reader: &SegmentReader,
        boost: Score,
        in_range: Option<u64>,
    ) -> tantivy::Result<Box<dyn Scorer>> {
        self.pick(in_range, reader.max_doc()).scorer(reader, boost)
    }
}

impl Weight for DateRangeWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let in_range = in_segment(reader, &self.field_name, self.lower, self.upper)?;
        self.scorer_estimated(reader, boost, in_range)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.by_column.explain(reader, doc)
    }
}

fn seconds(d: DateTime) -> i64 {
    d.into_timestamp_secs()
}

fn bound_seconds(b: Bound<DateTime>) -> Bound<i64> {
    b.map(seconds)
}

/// About how many documents of `searcher` have their `field` (a fast date
/// field) between the bounds, from each segment's column bounds: the work
/// a query of that range alone promises, read without touching a posting.
pub fn documents_in_range(
    searcher: &Searcher,
    field: &str,
    lower: Bound<DateTime>,
    upper: Bound<DateTime>,
) -> tantivy::Result<u64> {
    let mut total = 0;
    for segment in searcher.segment_readers() {
        total += in_segment(segment, field, lower, upper)?.unwrap_or(0);
    }
    Ok(total)
}

/// About how many of a segment's documents have their `field` between the
/// bounds, from the column's bounds; `None` when no document has a date.
fn in_segment(
    reader: &SegmentReader,
    field: &str,
    lower: Bound<DateTime>,
    upper: Bound<DateTime>,
) -> tantivy::Result<Option<u64>> {
    let column = reader.fast_fields().column_opt::<DateTime>(field)?;
    Ok(column.map(|c| in_column(&c, lower, upper)))
}

/// About how many of a date column's documents lie between the bounds,
/// from its bounds.
pub(super) fn in_column(
    column: &Column<DateTime>,
    lower: Bound<DateTime>,
    upper: Bound<DateTime>,
) -> u64 {
    let span = (seconds(column.min_value()), seconds(column.max_value()));
    let range = (bound_seconds(lower), bound_seconds(upper));
    estimate(span, range, u64::from(column.num_docs()))
}

/// About how many of `docs` documents, dated evenly over `span` (inclusive
/// seconds), fall in `range`.
fn estimate(span: (i64, i64), range: (Bound<i64>, Bound<i64>), docs: u64) -> u64 {
    let (min, max) = span;
    let lo = match range.0 {
        Bound::Included(s) => s.max(min),
        Bound::Excluded(s) => s.saturating_add(1).max(min),
        Bound::Unbounded => min,
    };
    let hi = match range.1 {
        Bound::Included(s) => s.min(max),
        Bound::Excluded(s) => s.saturating_sub(1).min(max),
        Bound::Unbounded => max,
    };
    if lo > hi {
        return 0;
    }
    let whole = (max - min) as f64 + 1.0;
    let part = (hi - lo) as f64 + 1.0;
    ((part / whole) * docs as f64).ceil() as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::Count;
    use tantivy::schema::{DateOptions, Schema, FAST, INDEXED};
    use tantivy::{doc, Index};

    fn day(n: i64) -> DateTime {
        DateTime::from_timestamp_secs(n * DAY)
    }

    /// An index of one date field, a segment per list of days (`None`: a
    /// document without a date).
    fn dated(segments: &[Vec<Option<i64>>]) -> (Index, tantivy::schema::Field) {
        let mut builder = Schema::builder();
        let date = builder.add_date_field("date", DateOptions::from(INDEXED) | FAST);
        let index = Index::create_in_ram(builder.build());
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        for days in segments {
            for n in days {
                let doc = match n {
                    Some(n) => doc!(date => day(*n)),
                    None => doc!(),
                };
                writer.add_document(doc).unwrap();
            }
            writer.commit().unwrap();
        }
        (index, date)
    }

    #[test]
    fn narrow_and_wide_ranges_match_the_same_documents_as_tantivys_range_query() {
        let mut days: Vec<Option<i64>> = (0..4000).map(|n| Some(n % 3650)).collect();
        days.push(None);
        let (index, date) = dated(&[days]);
        let searcher = index.reader().unwrap().searcher();
        let ranges = [
            (Bound::Included(day(100)), Bound::Excluded(day(130))),
            (Bound::Included(day(100)), Bound::Unbounded),
            (Bound::Unbounded, Bound::Included(day(3000))),
            (Bound::Included(day(5000)), Bound::Unbounded),
        ];
        for (lo, hi) in ranges {
            let ours = DateRangeQuery::new(date, lo, hi);
            let term = |d: &DateTime| Term::from_field_date_for_search(date, *d);
            let theirs = RangeQuery::new(lo.as_ref().map(term), hi.as_ref().map(term));
            let expected = searcher.search(&theirs, &Count).unwrap();
            assert_eq!(
                searcher.search(&ours, &Count).unwrap(),
                expected,
                "{lo:?}..{hi:?}"
            );
        }
    }

    const DAY: i64 = 86_400;

    #[test]
    fn a_ranges_documents_are_estimated_from_each_segments_date_bounds() {
        // Two segments: a document a day for ten years, then the same again.
        let ten_years: Vec<Option<i64>> = (0..3650).map(Some).collect();
        let (index, _) = dated(&[ten_years.clone(), ten_years]);
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        let guess = |lo, hi| documents_in_range(&searcher, "date", lo, hi).unwrap();
        let month = guess(Bound::Included(day(100)), Bound::Excluded(day(130)));
        assert!((58..=64).contains(&month), "{month}");
        assert_eq!(guess(Bound::Unbounded, Bound::Unbounded), 7300);
        assert_eq!(guess(Bound::Included(day(5000)), Bound::Unbounded), 0);
    }

    #[test]
    fn a_month_of_ten_years_is_about_a_hundred_and_twentieth() {
        let span = (0, 3650 * DAY - 1);
        let month = (Bound::Included(100 * DAY), Bound::Excluded(130 * DAY));
        let n = estimate(span, month, 120_000);
        assert!((900..=1100).contains(&n), "{n}");
    }

    #[test]
    fn ranges_outside_the_span_hold_nothing_and_open_ones_everything() {
        let span = (10 * DAY, 20 * DAY);
        let before = (Bound::Unbounded, Bound::Excluded(10 * DAY));
        assert_eq!(estimate(span, before, 500), 0);
        let after = (Bound::Included(21 * DAY), Bound::Unbounded);
        assert_eq!(estimate(span, after, 500), 0);
        assert_eq!(
            estimate(span, (Bound::Unbounded, Bound::Unbounded), 500),
            500
        );
    }
}
