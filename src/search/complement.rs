//! Facet counts of a broad match, by its complement. A query that matches
//! most documents of its kind (`said`: 98,765 of 106,494 articles) would add
//! one to a counter for every value of every one of them; the counts over
//! all documents of the kind are the same for every such query, so the
//! engine keeps them (per segment, worked out by the first broad query) and
//! takes away the values of the documents the query did *not* match, a
//! small set. Lucene's facet module did the same ("complements").

use std::sync::OnceLock;

use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocSet, Searcher, Term, TERMINATED};

use super::column_batch::BATCH;
use super::doc_bits::DocBits;
use super::doc_ords::DocOrds;
use super::facet_values::ShownCounters;
use crate::error::Result;

/// The live documents of one kind (`kind` field term `kind`), segment by
/// segment.
pub fn kind_docs(searcher: &Searcher, field: Field, kind: &str) -> Result<Vec<DocBits>> {
    let term = Term::from_field_text(field, kind);
    let mut all = Vec::with_capacity(searcher.segment_readers().len());
    for segment in searcher.segment_readers() {
        let mut bits = DocBits::with_max_doc(segment.max_doc());
        let postings = segment
            .inverted_index(field)?
            .read_postings(&term, IndexRecordOption::Basic)
            .map_err(tantivy::TantivyError::from)?;
        if let Some(mut postings) = postings {
            let alive = segment.alive_bitset();
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    bits.insert(doc);
                }
                doc = postings.advance();
            }
        }
        all.push(bits);
    }
    Ok(all)
}

/// A segment with fewer documents of the searched kind is always counted
/// directly: its counts cost little either way.
pub const COMPLEMENT_FROM: u32 = 4 * BATCH as u32;

/// One facet's counts over all documents of one kind, kept per segment.
pub struct Complement {
    /// The kind's live documents, by segment.
    kind: std::sync::Arc<Vec<DocBits>>,
    /// How many, by segment.
    kind_counts: Vec<u32>,
    /// Counts of every value over them, by segment; worked out on first use.
    totals: Vec<OnceLock<ShownCounters>>,
    /// Segments with at least this many documents of the kind count by
    /// complement ([`COMPLEMENT_FROM`], lower in tests).
    from: u32,
}

impl Complement {
    /// Counts by complement over the documents `kind`, in segments holding
    /// at least `from` of them.
    pub fn new(kind: std::sync::Arc<Vec<DocBits>>, from: u32) -> Complement {
        let totals = (0..kind.len()).map(|_| OnceLock::new()).collect();
        let kind_counts = kind.iter().map(DocBits::count).collect();
        Complement {
            kind,
            kind_counts,
            totals,
            from,
        }
    }

    /// How many matches of segment `segment` make a broad match, counted by
    /// complement: half its documents of the kind; `None` for a segment
    /// always counted directly.
    pub fn broad_from(&self, segment: usize) -> Option<usize> {
        let n = self.kind_counts.get(segment).copied().unwrap_or(0);
        (n >= self.from.max(1)).then(|| (n as usize / 2).max(1))
    }

    /// Adds to `counters` the values of the documents of `matched` (in
    /// segment `segment`, whose documents' value numbers are `ords`): the
    /// kind's totals, less the values of the kind's documents not matched,
    /// plus those of any matched document of another kind.
    pub fn count_into(
        &self,
        segment: usize,
        matched: &DocBits,
        ords: &DocOrds,
        counters: &mut ShownCounters,
    ) {
        // Only segments with [`Self::broad_from`] come here: they have both.
        let (kind, empty) = (&self.kind[segment], DocBits::default());
        let totals = self.totals[segment].get_or_init(|| {
            let mut totals = ShownCounters::sized(counters.size());
            kind.for_each_batch(&empty, |k, _| k, |docs| ords.count_into(docs, &mut totals));
            totals
        });
        counters.add_counters(totals);
        kind.for_each_batch(
            matched,
            |k, m| k & !m,
            |docs| ords.for_each_of(docs, |o| counters.sub_each(o)),
        );
        matched.for_each_batch(kind, |m, k| m & !k, |docs| ords.count_into(docs, counters));
    }
}
