//! Each document's facet ordinals, decoded once into an entry per document
//! (and lists for the documents with several values), for an engine that
//! counts a facet again (a scheduled job's many queries, a benchmark, a
//! server). A column read costs a rank in its optional index and reads of
//! its start index and values, even a batch at a time; an entry costs one
//! load a document, two with several values. A first query counts from the columns
//! ([`super::column_batch`]); the second builds these, once per facet, with
//! each ordinal replaced by its value's number across segments
//! ([`super::facet_values`]), so that a query adds straight into one counter
//! per value.

use std::sync::Arc;

use tantivy::columnar::StrColumn;
use tantivy::{DocId, Searcher};

use super::column_batch::{ColumnBatch, BATCH};
use super::facet_values::ShownCounters;
use crate::error::Result;

/// The ordinals of one segment's facet column, document by document: one
/// entry a document, holding its value itself when it has one (most
/// documents: a dateline, a source, an article quoting one speaker), so
/// that a count loads one word a document, or where its values are listed
/// when it has several.
#[derive(Debug, Default, PartialEq)]
pub struct DocOrds {
    /// Document `d`'s entry: [`NONE`], its one value (below [`MANY`]), or
    /// `MANY | i` where `many[i]` is how many values it has and the values
    /// follow.
    entries: Vec<u32>,
    many: Vec<u32>,
}

/// No value.
const NONE: u32 = u32::MAX;

/// The flag of an entry that points into [`DocOrds::many`].
const MANY: u32 = 1 << 31;

/// [`DocOrds`] of every segment of a searcher (None: the segment has no
/// such column), by segment ordinal.
pub type SegmentDocOrds = Arc<Vec<Option<DocOrds>>>;

impl DocOrds {
    /// Decodes `column` for documents `0..max_doc`.
    pub fn build(column: &StrColumn, max_doc: u32) -> DocOrds {
        let mut flat = DocOrds {
            entries: vec![NONE; max_doc as usize],
            many: Vec::new(),
        };
        let mut batch = ColumnBatch::default();
        let mut docs = Vec::with_capacity(BATCH);
        for start in (0..max_doc).step_by(BATCH) {
            docs.clear();
            docs.extend(start..max_doc.min(start + BATCH as u32));
            batch.for_each_doc(column.ords(), &docs, |doc, values| {
                flat.entries[doc as usize] = match values {
                    [] => NONE,
                    [one] if (*one as u32) < MANY => *one as u32,
                    _ => {
                        let at = flat.many.len() as u32;
                        flat.many.push(values.len() as u32);
                        flat.many.extend(values.iter().map(|&v| v as u32));
                        MANY | at
                    }
                };
            });
        }
        flat
    }

    /// Calls `each` with the ordinals of every document of `docs` that has
    /// any, reading all their entries first (into `spans`): loads that do
    /// not wait on one another, which the processor overlaps, where reading
    /// one document's entry and then its values waits on each cache miss in
    /// turn.
    #[inline]
    pub fn for_each_of(&self, docs: &[DocId], spans: &mut Vec<u32>, mut each: impl FnMut(&[u32])) {
        if self.many.is_empty() {
            for &doc in docs {
                let entry = &self.entries[doc as usize];
                if *entry != NONE {
                    each(std::slice::from_ref(entry));
                }
            }
            return;
        }
        spans.clear();
        spans.extend(docs.iter().map(|&doc| self.entries[doc as usize]));
        for entry in spans.iter() {
            if *entry < MANY {
                each(std::slice::from_ref(entry));
            } else if *entry != NONE {
                each(self.listed(*entry));
            }
        }
    }

    /// Adds one to the counter of each value of each document of `docs`:
    /// [`Self::for_each_of`] adding each document's values, in one loop
    /// (a sparse query's facets spent as much on handing each document's
    /// values over as on counting them).
    #[inline]
    pub fn count_into(&self, docs: &[DocId], counters: &mut ShownCounters) {
        for &doc in docs {
            match self.entries[doc as usize] {
                NONE => {}
                one if one < MANY => counters.add(one, 1),
                listed => self.listed(listed).iter().for_each(|&v| counters.add(v, 1)),
            }
        }
    }

    /// The values listed at a `MANY` entry.
    #[inline]
    fn listed(&self, entry: u32) -> &[u32] {
        let at = (entry & !MANY) as usize;
        let n = self.many[at] as usize;
        &self.many[at + 1..at + 1 + n]
    }

    /// Replaces every ordinal by `f(ordinal)` (below [`MANY`]).
    pub fn map(&mut self, f: impl Fn(u32) -> u32) {
        for entry in &mut self.entries {
            if *entry < MANY {
                *entry = f(*entry);
            } else if *entry != NONE {
                let at = (*entry & !MANY) as usize;
                let n = self.many[at] as usize;
                let values = &mut self.many[at + 1..at + 1 + n];
                values.iter_mut().for_each(|v| *v = f(*v));
            }
        }
    }

    /// Decodes the facet column `field` of every segment of `searcher`.
    pub fn build_all(searcher: &Searcher, field: &str) -> Result<Vec<Option<DocOrds>>> {
        let mut all = Vec::new();
        for segment in searcher.segment_readers() {
            let column = segment.fast_fields().str(field)?;
            all.push(column.map(|c| DocOrds::build(&c, segment.max_doc())));
        }
        Ok(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Facet, FacetOptions, Schema};
    use tantivy::{Index, TantivyDocument};

    /// A segment whose documents hold `values[d]` as facets.
    fn segment(values: &[Vec<&str>]) -> (Searcher, StrColumn) {
        let mut schema = Schema::builder();
        let f = schema.add_facet_field("f", FacetOptions::default());
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for doc_values in values {
            let mut doc = TantivyDocument::new();
            for v in doc_values {
                doc.add_facet(f, Facet::from_path([*v]));
            }
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let column = searcher.segment_reader(0).fast_fields().str("f");
        (searcher.clone(), column.unwrap().unwrap())
    }

    /// What tantivy's own per-document reads give.
    fn expected(column: &StrColumn, docs: impl Iterator<Item = DocId>) -> Vec<Vec<u32>> {
        docs.map(|d| column.term_ords(d).map(|o| o as u32).collect())
            .collect()
    }

    /// The same, for the documents that have values (the others are skipped).
    fn expected_valued(column: &StrColumn, docs: impl Iterator<Item = DocId>) -> Vec<Vec<u32>> {
        let all = expected(column, docs);
        all.into_iter().filter(|v| !v.is_empty()).collect()
    }

    #[test]
    fn flat_ordinals_match_the_column_with_gaps_and_many_values() {
        // Over two batches, with runs of documents without a value.
        let mut values: Vec<Vec<&str>> = Vec::new();
        for d in 0..2 * BATCH + 17 {
            values.push(match d % 7 {
                0 | 1 => vec![],
                2 => vec!["b", "a", "c"],
                _ => vec![["a", "b", "c", "d"][d % 4]],
            });
        }
        let (searcher, column) = segment(&values);
        let max_doc = searcher.segment_reader(0).max_doc();
        let flat = DocOrds::build(&column, max_doc);
        let read = |docs: &[DocId]| {
            let mut got: Vec<Vec<u32>> = Vec::new();
            flat.for_each_of(docs, &mut Vec::new(), |ords| got.push(ords.to_vec()));
            got
        };
        let all: Vec<DocId> = (0..max_doc).collect();
        let got = read(&all);
        assert_eq!(got, expected_valued(&column, 0..max_doc));
        assert!(got.iter().any(|o| o.len() == 3) && got.iter().any(|o| o.len() == 1));
        assert!(
            !flat.many.is_empty(),
            "documents of three values are listed"
        );
        // Every third document, as a count reads a batch of matches.
        let some: Vec<DocId> = (0..max_doc).step_by(3).collect();
        assert_eq!(read(&some), expected_valued(&column, some.iter().copied()));
        // Numbers replaced, inline and listed alike.
        let mut shifted = DocOrds::build(&column, max_doc);
        shifted.map(|o| o + 100);
        let mut got = Vec::new();
        shifted.for_each_of(&all, &mut Vec::new(), |ords| got.push(ords.to_vec()));
        let want: Vec<Vec<u32>> = (expected_valued(&column, 0..max_doc).into_iter())
            .map(|v| v.iter().map(|o| o + 100).collect())
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn counting_into_counters_adds_each_value_of_each_document() {
        let values: Vec<Vec<&str>> = (0..BATCH + 9)
            .map(|d| match d % 4 {
                0 => vec![],
                1 => vec!["a", "c", "b"],
                _ => vec![["a", "b", "c"][d % 3]],
            })
            .collect();
        let (searcher, column) = segment(&values);
        let max_doc = searcher.segment_reader(0).max_doc();
        let flat = DocOrds::build(&column, max_doc);
        assert!(
            !flat.many.is_empty(),
            "documents of three values are listed"
        );
        let some: Vec<DocId> = (0..max_doc).filter(|d| d % 5 != 2).collect();
        let mut counters = ShownCounters::sized(3);
        flat.count_into(&some, &mut counters);
        let mut want = [0u32; 3];
        for ords in expected_valued(&column, some.iter().copied()) {
            ords.iter().for_each(|&o| want[o as usize] += 1);
        }
        let got: Vec<u32> = (0..3).map(|v| counters.count(v)).collect();
        assert_eq!(got, want);
        assert!(want.iter().all(|&n| n > 0));
    }

    #[test]
    fn a_column_of_one_value_at_most_reads_from_one_array() {
        let values: Vec<Vec<&str>> = (0..2 * BATCH + 5)
            .map(|d| match d % 3 {
                0 => vec![],
                _ => vec![["x", "y", "z"][d % 3]],
            })
            .collect();
        let (searcher, column) = segment(&values);
        let max_doc = searcher.segment_reader(0).max_doc();
        let mut flat = DocOrds::build(&column, max_doc);
        assert!(flat.many.is_empty(), "one value a document: no lists");
        let read = |flat: &DocOrds, docs: &[DocId]| {
            let mut got: Vec<Vec<u32>> = Vec::new();
            flat.for_each_of(docs, &mut Vec::new(), |ords| got.push(ords.to_vec()));
            got
        };
        let some: Vec<DocId> = (0..max_doc).step_by(2).collect();
        let want = expected_valued(&column, some.iter().copied());
        assert_eq!(read(&flat, &some), want);
        flat.map(|o| o + 10);
        let shifted: Vec<Vec<u32>> = want.iter().map(|v| vec![v[0] + 10]).collect();
        assert_eq!(
            read(&flat, &some),
            shifted,
            "documents without a value stay so"
        );
    }

    #[test]
    fn batches_of_sparse_and_dense_documents_match_the_column() {
        let values: Vec<Vec<&str>> = (0..3000)
            .map(|d| match d % 5 {
                0 => vec![],
                1 => vec!["x", "y"],
                _ => vec!["z"],
            })
            .collect();
        let (_, column) = segment(&values);
        let mut batch = ColumnBatch::default();
        for docs in [
            (0..1024).collect::<Vec<DocId>>(),
            (0..3000).step_by(97).collect(),
            vec![5, 6, 2999],
        ] {
            let mut got = Vec::new();
            batch.for_each_doc(column.ords(), &docs, |doc, v| {
                got.push((doc, v.iter().map(|&o| o as u32).collect::<Vec<_>>()))
            });
            let want: Vec<(DocId, Vec<u32>)> = docs
                .iter()
                .zip(expected(&column, docs.iter().copied()))
                .filter(|(_, v)| !v.is_empty())
                .map(|(&d, v)| (d, v))
                .collect();
            assert_eq!(got, want);
        }
    }
}
