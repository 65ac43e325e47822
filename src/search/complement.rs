//! Facet counts of a broad match, by its complement. A query that matches
//! most documents of its kind (`said`: 98,765 of 106,494 articles) would add
//! one to a counter for every value of every one of them; the counts over
//! all documents of the kind are the same for every such query, so the
//! engine keeps them (per segment, worked out by the first broad query) and
//! takes away the values of the documents the query did *not* match, a
//! small set. Lucene's facet module did the same ("complements").

use std::sync::OnceLock;

use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Searcher, Term, TERMINATED};

use super::column_batch::BATCH;
use super::doc_ords::DocOrds;
use super::facet_values::ShownCounters;
use crate::error::Result;

/// A set of a segment's documents, a bit each.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocBits {
    words: Vec<u64>,
}

impl DocBits {
    /// An empty set for documents `0..max_doc`.
    pub fn with_max_doc(max_doc: u32) -> DocBits {
        DocBits {
            words: vec![0; (max_doc as usize).div_ceil(64)],
        }
    }

    /// Adds `doc` (below the set's `max_doc`).
    #[inline]
    pub fn insert(&mut self, doc: DocId) {
        self.words[doc as usize / 64] |= 1u64 << (doc % 64);
    }

    /// How many documents the set holds.
    pub fn count(&self) -> u32 {
        self.words.iter().map(|w| w.count_ones()).sum()
    }

    /// Calls `each` with the documents, a batch at a time, in order, of the
    /// set made of each word of `self` combined with the same word of `other`
    /// by `op` (`other` empty: taken as words of zeroes).
    fn for_each_batch(
        &self,
        other: &DocBits,
        op: impl Fn(u64, u64) -> u64,
        mut each: impl FnMut(&[DocId]),
    ) {
        let mut docs = Vec::with_capacity(BATCH + 64);
        for (i, &word) in self.words.iter().enumerate() {
            let mut bits = op(word, other.words.get(i).copied().unwrap_or(0));
            while bits != 0 {
                docs.push((i * 64) as DocId + bits.trailing_zeros());
                bits &= bits - 1;
            }
            if docs.len() >= BATCH {
                each(&docs);
                docs.clear();
            }
        }
        if !docs.is_empty() {
            each(&docs);
        }
    }
}

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
        let empty = DocBits::default();
        let kind = self.kind.get(segment).unwrap_or(&empty);
        let totals = self.totals[segment].get_or_init(|| {
            let mut totals = ShownCounters::sized(counters.size());
            let mut spans = Vec::new();
            kind.for_each_batch(
                &empty,
                |k, _| k,
                |docs| ords.for_each_of(docs, &mut spans, |o| totals.add_each(o)),
            );
            totals
        });
        counters.add_counters(totals);
        let mut spans = Vec::new();
        kind.for_each_batch(
            matched,
            |k, m| k & !m,
            |docs| ords.for_each_of(docs, &mut spans, |o| counters.sub_each(o)),
        );
        matched.for_each_batch(
            kind,
            |m, k| m & !k,
            |docs| ords.for_each_of(docs, &mut spans, |o| counters.add_each(o)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(max_doc: u32, docs: &[DocId]) -> DocBits {
        let mut b = DocBits::with_max_doc(max_doc);
        docs.iter().for_each(|&d| b.insert(d));
        b
    }

    fn listed(set: &DocBits, other: &DocBits, op: impl Fn(u64, u64) -> u64) -> Vec<DocId> {
        let mut out = Vec::new();
        set.for_each_batch(other, op, |docs| out.extend_from_slice(docs));
        out
    }

    #[test]
    fn bits_count_each_document_once_and_list_them_in_order() {
        let b = bits(200, &[0, 63, 64, 199, 63]);
        assert_eq!(b.count(), 4);
        assert_eq!(
            listed(&b, &DocBits::default(), |w, _| w),
            vec![0, 63, 64, 199]
        );
    }

    #[test]
    fn difference_lists_the_documents_of_one_set_not_in_the_other() {
        let all: Vec<DocId> = (0..3000).collect();
        let kind = bits(3000, &all);
        let matched = bits(3000, &(0..3000).filter(|d| d % 7 != 0).collect::<Vec<_>>());
        let missed = listed(&kind, &matched, |k, m| k & !m);
        assert_eq!(missed, (0..3000).step_by(7).collect::<Vec<_>>());
        assert!(listed(&matched, &kind, |m, k| m & !k).is_empty());
    }
}
