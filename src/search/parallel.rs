//! Searching a query's segments on several threads at once. tantivy
//! collects each segment apart and merges the fruits, so an index of
//! several segments (every index of an archive past a few thousand
//! clippings: one segment per indexing thread and commit) can spread them
//! over the processor's cores: a broad query answers in about half the time
//! on two cores. Handing a segment to another thread costs a wake-up (10 to
//! 25 us measured on Reuters 2006-2013, more than a rare word's whole
//! search), so a query runs on the calling thread alone unless its terms'
//! postings promise enough work ([`PARALLEL_FROM`]).

use std::cell::Cell;
use std::sync::OnceLock;

use tantivy::collector::Collector;
use tantivy::query::{Bm25StatisticsProvider, EnableScoring, Query};
use tantivy::schema::Field;
use tantivy::{Executor, Searcher, SegmentReader, Term};

/// Postings (documents of the query's terms, summed) from which a query's
/// segments are searched in parallel. Measured on Reuters 2006-2013 (two
/// segments, two cores), alternated: `oil prices` (55,000 postings) 500 ->
/// 340 us, `"federal reserve"` (42,000) 1,200 -> 870 us, `said` (99,000)
/// 490 -> 430 us; `lehman` (4,400) 29 -> 43 us and `quarantine` (33) 6 ->
/// 10 us slower: the wake-up of a second thread costs more than their work.
pub const PARALLEL_FROM: u64 = 20_000;

/// Search threads by default: one per core, at most 8.
pub fn per_core() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// How an engine spreads a query's segments over threads.
pub struct SearchThreads {
    /// Threads at most (1: every query on the calling thread).
    threads: usize,
    /// The pool, made by the first query that uses it.
    pool: OnceLock<Option<Executor>>,
    /// Terms of this field (the kind filter) are not counted as work.
    skip: Option<Field>,
    /// Postings from which a query goes parallel.
    from: u64,
}

impl SearchThreads {
    /// Up to `threads` threads; terms of `skip` do not count as work.
    pub fn new(threads: usize, skip: Option<Field>) -> SearchThreads {
        SearchThreads {
            threads: threads.max(1),
            pool: OnceLock::new(),
            skip,
            from: PARALLEL_FROM,
        }
    }

    /// As many threads as [`per_core`].
    pub fn per_core(skip: Option<Field>) -> SearchThreads {
        SearchThreads::new(per_core(), skip)
    }

    /// Goes parallel from `from` postings (0: every query that can).
    pub fn with_parallel_from(mut self, from: u64) -> SearchThreads {
        self.from = from;
        self
    }

    /// How many threads a query may use.
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Runs `query` through `collector` on `searcher`'s segments: in
    /// parallel when there are several and the query promises the work.
    /// (tantivy's `Searcher::search_with_executor`, with the choice of
    /// executor made once the query's weight is built: its BM25 statistics
    /// give the postings of its terms for free.)
    pub fn search<C: Collector>(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        collector: &C,
    ) -> tantivy::Result<C::Fruit> {
        self.search_estimated(searcher, query, collector, &|| None)
    }

    /// [`Self::search`], where a query without terms (a date range alone)
    /// promises the documents `termless` estimates, when it knows (asked
    /// only of a query without terms).
    pub fn search_estimated<C: Collector>(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        collector: &C,
        termless: &dyn Fn() -> Option<u64>,
    ) -> tantivy::Result<C::Fruit> {
        let recorder = Recorder {
            searcher,
            skip: self.skip,
            work: Cell::new(Work::default()),
        };
        let scoring = match collector.requires_scoring() {
            true => EnableScoring::enabled_from_statistics_provider(&recorder, searcher),
            false => EnableScoring::disabled_from_searcher(searcher),
        };
        let weight = query.weight(scoring)?;
        collector.check_schema(searcher.schema())?;
        if !collector.requires_scoring() {
            // Its weight asked no statistics: the terms are looked up.
            query.query_terms(&mut |term, _| {
                recorder.doc_freq(term).ok();
            });
        }
        let segments = searcher.segment_readers();
        let run = |(ord, segment): (usize, &SegmentReader)| {
            collector.collect_segment(weight.as_ref(), ord as u32, segment)
        };
        let work = recorder.work.get();
        let estimate = if work.terms == 0 { termless() } else { None };
        let pool = match self.worth_it(segments.len(), work, estimate) {
            true => self.pool(segments.len()),
            false => None,
        };
        let fruits = match pool {
            Some(pool) => pool.map(run, segments.iter().enumerate())?,
            None => Executor::single_thread().map(run, segments.iter().enumerate())?,
        };
        collector.merge_fruits(fruits)
    }

    /// Whether a query of `work` should go parallel over `segments`
    /// segments: several, and a query whose terms' postings reach
    /// [`Self::from`], or one without terms whose estimated documents
    /// (`termless`) do, or whose work is unknown (a date range, every
    /// document: it may match most documents). A broad match whose
    /// facets are counted by complement ([`super::complement`]) goes
    /// parallel too: each thread's counters then hold a count for every
    /// value, all read when the top values are taken, and the parallel pass
    /// still saves more (measured, `benches/HISTORY.md` "Segments searched in parallel").
    fn worth_it(&self, segments: usize, work: Work, termless: Option<u64>) -> bool {
        let enough = match work.terms {
            0 => termless.is_none_or(|docs| docs >= self.from),
            _ => work.postings >= self.from,
        };
        self.threads >= 2 && segments >= 2 && enough
    }

    /// The pool, for as many threads as there are `segments` (within
    /// [`Self::threads`]); `None` when it cannot be made.
    fn pool(&self, segments: usize) -> Option<&Executor> {
        let threads = self.threads.min(segments);
        let made = self
            .pool
            .get_or_init(|| Executor::multi_thread(threads, "morgue-search-").ok());
        made.as_ref()
    }
}

/// The work a query's terms promise: how many, and their postings summed.
#[derive(Debug, Default, Clone, Copy)]
struct Work {
    terms: u32,
    postings: u64,
}

impl Work {
    fn add(&mut self, postings: u64) {
        self.terms += 1;
        self.postings += postings;
    }
}

/// The searcher's BM25 statistics, adding up the document frequencies a
/// query's weight asks for (its terms' postings).
struct Recorder<'a> {
    searcher: &'a Searcher,
    skip: Option<Field>,
    work: Cell<Work>,
}

impl Bm25StatisticsProvider for Recorder<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        self.searcher.total_num_tokens(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.searcher.total_num_docs()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        let n = self.searcher.doc_freq(term)?;
        if Some(term.field()) != self.skip {
            let mut work = self.work.get();
            work.add(n);
            self.work.set(work);
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn work(terms: u32, postings: u64) -> Work {
        Work { terms, postings }
    }

    #[test]
    fn a_query_goes_parallel_from_its_postings_over_several_segments() {
        let two = SearchThreads::new(2, None).with_parallel_from(100);
        assert!(!two.worth_it(2, work(2, 99), None), "too little work");
        assert!(two.worth_it(2, work(2, 100), None));
        assert!(two.worth_it(3, work(0, 0), None), "work unknown");
        assert!(two.worth_it(3, work(0, 0), Some(100)), "a wide range");
        assert!(!two.worth_it(3, work(0, 0), Some(99)), "a narrow range");
        let words_and_range = work(1, 5);
        assert!(
            !two.worth_it(3, words_and_range, Some(1_000)),
            "the words decide"
        );
        assert!(!two.worth_it(1, work(1, 1_000_000), None), "one segment");
        let one = SearchThreads::new(1, None).with_parallel_from(0);
        assert!(!one.worth_it(4, work(1, 1_000_000), None), "one thread");
        assert_eq!(SearchThreads::new(0, None).threads(), 1);
    }
}
