//! A query restricted to a date range, which reads the dates of a rare
//! match one by one instead of matching the range.
//!
//! Intersecting a query with [`DateRangeQuery`] first matches the range: a
//! month's documents gathered from the postings of its days, or the date
//! column scanned up to the range. For a query matching far fewer documents
//! than the range holds (`quarantine` in September 2008: 33 documents
//! against the month's thousands), reading each match's date from the column
//! costs a fraction of that: 51 -> 8-14 us on Reuters 2006-2013, where raw
//! tantivy's `RangeQuery` takes 27. Each segment picks the cheaper way from
//! the query's cost and the range's estimated documents; the matches and
//! their scores are those of the intersection either way (the range adds its
//! constant score, as tantivy's boolean query does, and nothing where it
//! covers every document of the segment, as tantivy drops its `AllScorer`).

use std::ops::Bound;

use tantivy::columnar::{Cardinality, Column};
use tantivy::query::{
    intersect_scorers, AllScorer, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::{DateTime, DocId, DocSet, Score, SegmentReader, TantivyError, Term};

use super::date_filter::{in_column, DateRangeQuery, DateRangeWeight};

/// A query's dates are read one by one when it promises (its scorer's cost)
/// at most one document in this many of those the range holds in the
/// segment: reading a match's date costs more than a range's document
/// gathered from postings (the match is scored as well), measured on
/// Reuters 2006-2013 in September 2008: `quarantine` (33 documents) 51 ->
/// 10 us, `lehman` (4,400 postings) 73 -> 92 us when its dates were read.
const READ_DATES_SHARE: u64 = 8;

/// `rest` (every other part of a search) within a date range.
#[derive(Debug)]
pub struct DateFilteredQuery {
    rest: Box<dyn Query>,
    range: DateRangeQuery,
}

impl Clone for DateFilteredQuery {
    fn clone(&self) -> DateFilteredQuery {
        DateFilteredQuery {
            rest: self.rest.box_clone(),
            range: self.range.clone(),
        }
    }
}

impl DateFilteredQuery {
    /// The documents of `rest` whose date `range` matches.
    pub fn new(rest: Box<dyn Query>, range: DateRangeQuery) -> DateFilteredQuery {
        DateFilteredQuery { rest, range }
    }
}

impl Query for DateFilteredQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let field = self.range.field();
        Ok(Box::new(DateFilteredWeight {
            rest: self.rest.weight(scoring)?,
            range: self.range.date_weight(scoring)?,
            field_name: scoring.schema().get_field_name(field).to_string(),
            bounds: self.range.bounds(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.rest.query_terms(visitor);
        self.range.query_terms(visitor);
    }
}

struct DateFilteredWeight {
    rest: Box<dyn Weight>,
    range: DateRangeWeight,
    field_name: String,
    bounds: (Bound<DateTime>, Bound<DateTime>),
}

impl DateFilteredWeight {
    /// Whether every document of the segment has a date in range: where
    /// tantivy's range query gives an `AllScorer`, which its boolean query
    /// drops from an intersection (no score added).
    fn covers_segment(&self, column: &Column<DateTime>) -> bool {
        let full = column.index.get_cardinality() == Cardinality::Full;
        full && contains(self.bounds, column.min_value())
            && contains(self.bounds, column.max_value())
    }
}

impl Weight for DateFilteredWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let column = reader
            .fast_fields()
            .column_opt::<DateTime>(&self.field_name)?;
        if let Some(column) = &column {
            if boost == 1.0 && self.covers_segment(column) {
                return self.rest.scorer(reader, boost);
            }
        }
        let rest = self.rest.scorer(reader, boost)?;
        let (lower, upper) = self.bounds;
        let in_range = column.as_ref().map(|c| in_column(c, lower, upper));
        let rare = rest.cost().saturating_mul(READ_DATES_SHARE) <= in_range.unwrap_or(0);
        if let Some(column) = column.filter(|_| rare) {
            return Ok(Box::new(DatesRead::new(rest, column, self.bounds, boost)));
        }
        let range = self.range.scorer_estimated(reader, boost, in_range)?;
        if range.is::<AllScorer>() {
            return Ok(rest);
        }
        Ok(intersect_scorers(vec![rest, range], reader.num_docs()))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        let mut explanation = Explanation::new("date filtered", scorer.score());
        explanation.add_detail(self.rest.explain(reader, doc)?);
        Ok(explanation)
    }
}

/// Whether `date` lies within `bounds`.
fn contains(bounds: (Bound<DateTime>, Bound<DateTime>), date: DateTime) -> bool {
    let above = match bounds.0 {
        Bound::Included(lo) => date >= lo,
        Bound::Excluded(lo) => date > lo,
        Bound::Unbounded => true,
    };
    let below = match bounds.1 {
        Bound::Included(hi) => date <= hi,
        Bound::Excluded(hi) => date < hi,
        Bound::Unbounded => true,
    };
    above && below
}

/// The documents of a scorer whose date, read from the column, is in range;
/// scored as the intersection with the range would be (plus its constant).
struct DatesRead {
    rest: Box<dyn Scorer>,
    column: Column<DateTime>,
    bounds: (Bound<DateTime>, Bound<DateTime>),
    range_score: Score,
}

impl DatesRead {
    fn new(
        rest: Box<dyn Scorer>,
        column: Column<DateTime>,
        bounds: (Bound<DateTime>, Bound<DateTime>),
        range_score: Score,
    ) -> DatesRead {
        let mut read = DatesRead {
            rest,
            column,
            bounds,
            range_score,
        };
        read.settle();
        read
    }

    /// Moves on from the current document to the first one in range.
    fn settle(&mut self) -> DocId {
        let mut doc = self.rest.doc();
        while doc != tantivy::TERMINATED && !self.in_range(doc) {
            doc = self.rest.advance();
        }
        doc
    }

    fn in_range(&self, doc: DocId) -> bool {
        (self.column.values_for_doc(doc)).any(|date| contains(self.bounds, date))
    }
}

impl DocSet for DatesRead {
    fn advance(&mut self) -> DocId {
        self.rest.advance();
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.rest.seek(target);
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.rest.doc()
    }

    fn size_hint(&self) -> u32 {
        self.rest.size_hint()
    }

    fn cost(&self) -> u64 {
        self.rest.cost()
    }
}

impl Scorer for DatesRead {
    fn score(&mut self) -> Score {
        self.rest.score() + self.range_score
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, Occur, TermQuery};
    use tantivy::schema::{DateOptions, IndexRecordOption, Schema, FAST, INDEXED, TEXT};
    use tantivy::{doc, DocAddress, Index};

    const DAY: i64 = 86_400;

    fn day(n: i64) -> DateTime {
        DateTime::from_timestamp_secs(n * DAY)
    }

    /// Two segments of a document a day for two years, each with "common"
    /// and every 97th with "rare" (some without a date), and a third
    /// segment whose every document is dated within the ranges below.
    fn index() -> (Index, tantivy::schema::Field, tantivy::schema::Field) {
        let mut builder = Schema::builder();
        let text = builder.add_text_field("text", TEXT);
        let date = builder.add_date_field("date", DateOptions::from(INDEXED) | FAST);
        let index = Index::create_in_ram(builder.build());
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        for segment in 0..2 {
            for n in 0..730 {
                let words = if n % 97 == 0 { "common rare" } else { "common" };
                let words = format!("{words} {}", "filler ".repeat((n % 7) as usize));
                match (n + segment) % 50 {
                    0 => writer.add_document(doc!(text => words)),
                    _ => writer.add_document(doc!(text => words, date => day(n))),
                }
                .unwrap();
            }
            writer.commit().unwrap();
        }
        for n in 0..400 {
            let words = if n % 50 == 0 { "common rare" } else { "common" };
            writer
                .add_document(doc!(text => words, date => day(400 + n / 10)))
                .unwrap();
        }
        writer.commit().unwrap();
        (index, text, date)
    }

    /// What tantivy's boolean query of the word and the range finds, in
    /// order, with scores.
    fn both_ways(word: &str, (lower, upper): (Bound<DateTime>, Bound<DateTime>)) {
        let (index, text, date) = index();
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 3);
        let term = || -> Box<dyn Query> {
            let term = Term::from_field_text(text, word);
            Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
        };
        let range = DateRangeQuery::new(date, lower, upper);
        let theirs = BooleanQuery::new(vec![
            (Occur::Must, term()),
            (Occur::Must, Box::new(range.clone())),
        ]);
        let ours = DateFilteredQuery::new(term(), range);
        let top = TopDocs::with_limit(2_000).order_by_score();
        let expected: Vec<(f32, DocAddress)> = searcher.search(&theirs, &top).unwrap();
        let top = TopDocs::with_limit(2_000).order_by_score();
        let got = searcher.search(&ours, &top).unwrap();
        assert!(!expected.is_empty(), "{word}");
        assert_eq!(got, expected, "{word} {lower:?}..{upper:?}");
        let count = tantivy::collector::Count;
        assert_eq!(searcher.search(&ours, &count).unwrap(), expected.len());
    }

    /// Days `a` to `b`, `b` excluded.
    fn days(a: i64, b: i64) -> (Bound<DateTime>, Bound<DateTime>) {
        (Bound::Included(day(a)), Bound::Excluded(day(b)))
    }

    #[test]
    fn a_rare_words_dates_read_one_by_one_match_and_score_as_the_intersection() {
        // "rare" is under an eighth of a year's documents: read one by one.
        both_ways("rare", days(300, 700));
        both_ways("rare", (Bound::Unbounded, Bound::Included(day(500))));
    }

    #[test]
    fn a_common_word_is_intersected_with_the_range() {
        both_ways("common", days(380, 420));
        both_ways("common", (Bound::Included(day(100)), Bound::Unbounded));
    }

    #[test]
    fn a_range_covering_a_whole_segment_adds_no_score_there_as_tantivy_drops_it() {
        // The third segment lies within it, every document dated.
        both_ways("common", days(390, 500));
        both_ways("rare", days(390, 500));
    }
}
