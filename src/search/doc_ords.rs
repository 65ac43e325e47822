//! Each document's facet ordinals, decoded once into two flat arrays (one
//! for a facet with at most one value a document, as datelines), for an
//! engine that counts a facet again (a scheduled job's many queries, a
//! benchmark, a server). A column read costs a rank in its optional index
//! and reads of its start index and values, even a batch at a time; a flat
//! array costs two loads a document. A first query counts from the columns
//! ([`super::column_batch`]); the second builds these, once per facet, with
//! each ordinal replaced by its value's number across segments
//! ([`super::facet_values`]), so that a query adds straight into one counter
//! per value.

use std::sync::Arc;

use tantivy::columnar::StrColumn;
use tantivy::{DocId, Searcher};

use super::column_batch::{ColumnBatch, BATCH};
use crate::error::Result;

/// The ordinals of one segment's facet column, document by document.
#[derive(Debug, Default, PartialEq)]
pub struct DocOrds {
    /// The ordinals of document `d` are `ords[offsets[d]..offsets[d + 1]]`...
    offsets: Vec<u32>,
    ords: Vec<u32>,
    /// ...or, for a column with at most one value per document (a
    /// dateline, a source), `ords[d]` ([`NONE`]: no value) and no offsets:
    /// one load a document instead of two.
    single: bool,
}

/// No value, in a single-valued [`DocOrds`].
const NONE: u32 = u32::MAX;

/// [`DocOrds`] of every segment of a searcher (None: the segment has no
/// such column), by segment ordinal.
pub type SegmentDocOrds = Arc<Vec<Option<DocOrds>>>;

impl DocOrds {
    /// Decodes `column` for documents `0..max_doc`.
    pub fn build(column: &StrColumn, max_doc: u32) -> DocOrds {
        let mut offsets = Vec::with_capacity(max_doc as usize + 1);
        let mut ords = Vec::new();
        let mut batch = ColumnBatch::default();
        let mut docs = Vec::with_capacity(BATCH);
        offsets.push(0);
        // Invariant: offsets[next] is where document `next` starts.
        let mut next: DocId = 0;
        for start in (0..max_doc).step_by(BATCH) {
            docs.clear();
            docs.extend(start..max_doc.min(start + BATCH as u32));
            batch.for_each_doc(column.ords(), &docs, |doc, values| {
                // Documents without a value in between: empty.
                offsets.extend((next..doc).map(|_| ords.len() as u32));
                ords.extend(values.iter().map(|&v| v as u32));
                offsets.push(ords.len() as u32);
                next = doc + 1;
            });
        }
        offsets.extend((next..max_doc).map(|_| ords.len() as u32));
        DocOrds {
            offsets,
            ords,
            single: false,
        }
        .single_when_possible()
    }

    /// The single-valued layout, when no document has two values.
    fn single_when_possible(self) -> DocOrds {
        if self.offsets.windows(2).any(|w| w[1] - w[0] > 1) {
            return self;
        }
        let ords = (self.offsets.windows(2))
            .map(|w| match w[1] > w[0] {
                true => self.ords[w[0] as usize],
                false => NONE,
            })
            .collect();
        DocOrds {
            offsets: Vec::new(),
            ords,
            single: true,
        }
    }

    /// Calls `each` with the ordinals of every document of `docs`, reading
    /// all their offsets first (into `spans`): loads that do not wait on one
    /// another, which the processor overlaps, where reading one document's
    /// offsets and then its ordinals waits on each cache miss in turn.
    #[inline]
    pub fn for_each_of(
        &self,
        docs: &[DocId],
        spans: &mut Vec<(u32, u32)>,
        mut each: impl FnMut(&[u32]),
    ) {
        if self.single {
            for &doc in docs {
                let ord = &self.ords[doc as usize];
                if *ord != NONE {
                    each(std::slice::from_ref(ord));
                }
            }
            return;
        }
        spans.clear();
        spans.extend(docs.iter().map(|&doc| {
            let d = doc as usize;
            (self.offsets[d], self.offsets[d + 1])
        }));
        for &(start, end) in spans.iter() {
            each(&self.ords[start as usize..end as usize]);
        }
    }

    /// Replaces every ordinal by `f(ordinal)`.
    pub fn map(&mut self, f: impl Fn(u32) -> u32) {
        let values = self.ords.iter_mut().filter(|o| **o != NONE);
        values.for_each(|o| *o = f(*o));
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
        assert_eq!(got, expected(&column, 0..max_doc));
        assert!(got.iter().any(|o| o.len() == 3) && got.iter().any(Vec::is_empty));
        // Every third document, as a count reads a batch of matches.
        let some: Vec<DocId> = (0..max_doc).step_by(3).collect();
        assert_eq!(read(&some), expected(&column, some.iter().copied()));
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
        assert!(flat.single && flat.offsets.is_empty());
        let read = |flat: &DocOrds, docs: &[DocId]| {
            let mut got: Vec<Vec<u32>> = Vec::new();
            flat.for_each_of(docs, &mut Vec::new(), |ords| got.push(ords.to_vec()));
            got
        };
        let some: Vec<DocId> = (0..max_doc).step_by(2).collect();
        let want: Vec<Vec<u32>> = expected(&column, some.iter().copied())
            .into_iter()
            .filter(|v| !v.is_empty())
            .collect();
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
