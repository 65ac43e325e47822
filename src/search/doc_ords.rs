//! Each document's facet values, decoded once into an entry per document,
//! for an engine that counts a facet again (a scheduled job's many
//! queries, a benchmark, a server). A column read costs a rank in its
//! optional index and reads of its start index and values, even a batch at
//! a time; an entry costs one load a document. A first query counts from
//! the columns ([`super::column_batch`]); the second builds these, once per
//! facet, with each ordinal replaced by its value's number across segments
//! ([`super::facet_values`]), so that a query adds straight into one
//! counter per value.
//!
//! A facet of one value a document at most (a dateline, a source) keeps a
//! 32-bit entry a document. A facet of several (the speakers an article
//! quotes) packs a document's values into one 64-bit entry when they fit
//! (four speakers of 53,000: 91 % of the articles that quote anyone on
//! Reuters 2006-2013) and lists the others apart, so that most documents
//! cost one load where an entry pointing to a list cost two in turn. A
//! sparse query's documents are lines apart: their entries are all loaded
//! first, a batch at a time (loads that do not wait on one another, which
//! the processor overlaps), then counted.

use std::sync::Arc;

use tantivy::columnar::StrColumn;
use tantivy::{DocId, Searcher};

use super::column_batch::{ColumnBatch, BATCH};
use super::facet_values::{ShownCounters, SPARE};
use crate::error::Result;

/// The value numbers of one segment's facet column, document by document.
#[derive(Debug, PartialEq)]
pub struct DocOrds {
    entries: Entries,
    /// Every value is below it (checked as entries are set).
    bound: u32,
    /// The lists of the documents whose values do not fit their entry:
    /// how many, then the values.
    many: Vec<u32>,
}

/// One entry a document.
#[derive(Debug, PartialEq)]
enum Entries {
    /// At most one value a document: the value, or [`NONE`].
    One(Vec<u32>),
    /// Each value plus one in `bits` bits, the first lowest, zeros after
    /// the last; or, when the lowest `bits` are all ones (above any value
    /// plus one), the place in `many` of the document's list in the bits
    /// above.
    Packed { words: Vec<u64>, bits: u32 },
}

/// No value (an entry of [`Entries::One`]).
const NONE: u32 = u32::MAX;

/// How many entries are loaded before they are counted.
const LOADED: usize = 64;

/// [`DocOrds`] of every segment of a searcher (None: the segment has no
/// such column), by segment ordinal.
pub type SegmentDocOrds = Arc<Vec<Option<DocOrds>>>;

impl DocOrds {
    /// Decodes `column` for documents `0..max_doc`, each ordinal replaced
    /// by `number(ordinal)`.
    ///
    /// # Panics
    /// When a number is not below `bound`.
    pub fn build(
        column: &StrColumn,
        max_doc: u32,
        bound: u32,
        number: impl Fn(u32) -> u32,
    ) -> DocOrds {
        let mut flat = DocOrds {
            entries: match column.ords().get_cardinality().is_multivalue() {
                false => Entries::One(vec![NONE; max_doc as usize]),
                true => Entries::Packed {
                    words: vec![0; max_doc as usize],
                    bits: u32::BITS - (bound + 1).leading_zeros(),
                },
            },
            bound,
            many: Vec::new(),
        };
        let mut batch = ColumnBatch::default();
        let mut docs = Vec::with_capacity(BATCH);
        let mut numbers = Vec::new();
        for start in (0..max_doc).step_by(BATCH) {
            docs.clear();
            docs.extend(start..max_doc.min(start + BATCH as u32));
            batch.for_each_doc(column.ords(), &docs, |doc, values| {
                numbers.clear();
                numbers.extend(values.iter().map(|&v| number(v as u32)));
                flat.set(doc, &numbers);
            });
        }
        flat
    }

    /// Sets document `doc`'s entry to `values`.
    fn set(&mut self, doc: DocId, values: &[u32]) {
        assert!(
            values.iter().all(|&v| v < self.bound),
            "a facet value numbered out of its table"
        );
        match &mut self.entries {
            Entries::One(entries) => entries[doc as usize] = values.first().map_or(NONE, |&v| v),
            Entries::Packed { words, bits } => {
                words[doc as usize] = if values.len() <= (u64::BITS / *bits) as usize {
                    let pack = |w: u64, &v: &u32| w << *bits | (u64::from(v) + 1);
                    values.iter().rev().fold(0, pack)
                } else {
                    let at = self.many.len() as u64;
                    self.many.push(values.len() as u32);
                    self.many.extend_from_slice(values);
                    at << *bits | mask(*bits)
                }
            }
        }
    }

    /// Calls `each` with the values of every document of `docs` that has
    /// any.
    pub fn for_each_of(&self, docs: &[DocId], mut each: impl FnMut(&[u32])) {
        let mut unpacked = [0u32; u64::BITS as usize];
        for &doc in docs {
            match &self.entries {
                Entries::One(entries) => {
                    let entry = &entries[doc as usize];
                    if *entry != NONE {
                        each(std::slice::from_ref(entry));
                    }
                }
                Entries::Packed { words, bits } => match self.listed(words[doc as usize], *bits) {
                    Some(values) => each(values),
                    None => {
                        let mut n = 0;
                        unpack(words[doc as usize], *bits, |v| {
                            (unpacked[n], n) = (v, n + 1)
                        });
                        if n > 0 {
                            each(&unpacked[..n]);
                        }
                    }
                },
            }
        }
    }

    /// Adds one to the counter of each value of each document of `docs`.
    ///
    /// # Panics
    /// When `counters` are fewer than the values this was built for.
    #[inline]
    pub fn count_into(&self, docs: &[DocId], counters: &mut ShownCounters) {
        assert!(counters.size() >= self.bound as usize, "too few counters");
        let spare = counters.spare();
        // SAFETY (each add below): a value is below `bound` (`set` checks),
        // so below the counters' size, and an empty place is sent to a
        // spare counter, `spare + place % SPARE`.
        match &self.entries {
            Entries::One(entries) => {
                for (i, &doc) in docs.iter().enumerate() {
                    if let Some(&ahead) = docs.get(i + LOADED / 4) {
                        prefetch(&entries[ahead as usize]);
                    }
                    // NONE (u32::MAX) goes to the first spare: no branch on
                    // whether a document has a value.
                    unsafe { counters.add_or_spare(entries[doc as usize].min(spare)) };
                }
            }
            Entries::Packed { words, bits } => {
                let places = u64::BITS / *bits;
                let mut loaded = [0u64; LOADED];
                for docs in docs.chunks(LOADED) {
                    for (word, &doc) in loaded.iter_mut().zip(docs) {
                        *word = words[doc as usize];
                        if *word & mask(*bits) == mask(*bits) {
                            prefetch(&self.many[(*word >> *bits) as usize]);
                        }
                    }
                    for &word in &loaded[..docs.len()] {
                        match self.listed(word, *bits) {
                            Some(values) => values
                                .iter()
                                .for_each(|&v| unsafe { counters.add_or_spare(v) }),
                            // Every place, empty or not: a loop of as many
                            // turns for every document, where stopping at
                            // the last value mispredicted once a document.
                            None => (0..places).for_each(|place| {
                                let v = (word >> (place * *bits) & mask(*bits)) as u32;
                                let at = v.wrapping_sub(1).min(spare + place % SPARE);
                                unsafe { counters.add_or_spare(at) }
                            }),
                        }
                    }
                }
            }
        }
    }

    /// The values listed for a packed entry that says they are.
    #[inline]
    fn listed(&self, word: u64, bits: u32) -> Option<&[u32]> {
        if word & mask(bits) != mask(bits) {
            return None;
        }
        let at = (word >> bits) as usize;
        let n = self.many[at] as usize;
        Some(&self.many[at + 1..at + 1 + n])
    }

    /// Decodes the facet column `field` of every segment of `searcher`,
    /// each ordinal of segment `s` replaced by `number(s, ordinal)`, every
    /// number below `bound`.
    pub fn build_all(
        searcher: &Searcher,
        field: &str,
        bound: u32,
        number: impl Fn(usize, u32) -> u32,
    ) -> Result<Vec<Option<DocOrds>>> {
        let mut all = Vec::new();
        for (s, segment) in searcher.segment_readers().iter().enumerate() {
            let column = segment.fast_fields().str(field)?;
            let build =
                |c: StrColumn| DocOrds::build(&c, segment.max_doc(), bound, |o| number(s, o));
            all.push(column.map(build));
        }
        Ok(all)
    }
}

/// The lowest `bits` bits set.
#[inline]
fn mask(bits: u32) -> u64 {
    (1u64 << bits) - 1
}

/// Calls `each` with every value packed in `word`, `bits` bits each (none
/// when it is 0).
#[inline]
fn unpack(mut word: u64, bits: u32, mut each: impl FnMut(u32)) {
    while word != 0 {
        each((word & mask(bits)) as u32 - 1);
        word >>= bits;
    }
}

/// Asks the processor to fetch `at` into the cache: an instruction that
/// cannot fault and changes nothing but timing.
#[inline(always)]
fn prefetch<T>(at: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing the program sees and cannot fault;
    // the pointer comes from a reference.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>((at as *const T).cast::<i8>())
    };
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

    /// Each document's values as `for_each_of` hands them over.
    fn read(flat: &DocOrds, docs: &[DocId]) -> Vec<Vec<u32>> {
        let mut got: Vec<Vec<u32>> = Vec::new();
        flat.for_each_of(docs, |values| got.push(values.to_vec()));
        got
    }

    /// Documents of no value, one, three and five, over two batches.
    fn mixed(d: usize) -> Vec<&'static str> {
        match d % 7 {
            0 | 1 => vec![],
            2 => vec!["b", "a", "c"],
            3 => vec!["e", "d", "c", "b", "a"],
            _ => vec![["a", "b", "c", "d"][d % 4]],
        }
    }

    #[test]
    fn flat_ordinals_match_the_column_with_gaps_and_many_values() {
        let values: Vec<Vec<&str>> = (0..2 * BATCH + 17).map(mixed).collect();
        let (searcher, column) = segment(&values);
        let max_doc = searcher.segment_reader(0).max_doc();
        // Five values: three bits each, all in the entry.
        let flat = DocOrds::build(&column, max_doc, 5, |o| o);
        assert!(flat.many.is_empty(), "every document's values fit");
        let all: Vec<DocId> = (0..max_doc).collect();
        let got = read(&flat, &all);
        assert_eq!(got, expected_valued(&column, 0..max_doc));
        assert!(got.iter().any(|o| o.len() == 5) && got.iter().any(|o| o.len() == 1));
        // Every third document, as a count reads a batch of matches.
        let some: Vec<DocId> = (0..max_doc).step_by(3).collect();
        assert_eq!(
            read(&flat, &some),
            expected_valued(&column, some.iter().copied())
        );
    }

    #[test]
    fn values_numbered_past_what_an_entry_holds_are_listed_apart() {
        let values: Vec<Vec<&str>> = (0..2 * BATCH + 17).map(mixed).collect();
        let (searcher, column) = segment(&values);
        let max_doc = searcher.segment_reader(0).max_doc();
        // Numbers of 16 bits: four to an entry, the five-value documents
        // listed.
        let number = |o: u32| o * 10_000 + 7;
        let flat = DocOrds::build(&column, max_doc, 60_000, number);
        assert!(!flat.many.is_empty(), "documents of five values are listed");
        let all: Vec<DocId> = (0..max_doc).collect();
        let want: Vec<Vec<u32>> = (expected_valued(&column, 0..max_doc).into_iter())
            .map(|v| v.into_iter().map(number).collect())
            .collect();
        assert_eq!(read(&flat, &all), want);
    }

    #[test]
    #[should_panic(expected = "out of its table")]
    fn a_number_past_the_bound_is_refused() {
        let (searcher, column) = segment(&[vec!["a"], vec!["b", "c"]]);
        let max_doc = searcher.segment_reader(0).max_doc();
        DocOrds::build(&column, max_doc, 2, |o| o);
    }

    #[test]
    fn counting_into_counters_adds_each_value_of_each_document() {
        let values: Vec<Vec<&str>> = (0..BATCH + 9)
            .map(|d| match d % 4 {
                0 => vec![],
                1 => vec!["a", "c", "b", "e", "d"],
                _ => vec![["a", "b", "c"][d % 3]],
            })
            .collect();
        let (searcher, column) = segment(&values);
        let max_doc = searcher.segment_reader(0).max_doc();
        let some: Vec<DocId> = (0..max_doc).filter(|d| d % 5 != 2).collect();
        let mut want = [0u32; 5];
        for ords in expected_valued(&column, some.iter().copied()) {
            ords.iter().for_each(|&o| want[o as usize] += 1);
        }
        assert!(want.iter().all(|&n| n > 0));
        // Packed whole (5 values) and with the long lists apart (40,000).
        for bound in [5, 40_000] {
            let flat = DocOrds::build(&column, max_doc, bound, |o| o);
            assert_eq!(flat.many.is_empty(), bound == 5);
            let mut counters = ShownCounters::sized(bound as usize);
            flat.count_into(&some, &mut counters);
            let got: Vec<u32> = (0..5).map(|v| counters.count(v)).collect();
            assert_eq!(got, want, "bound {bound}");
        }
    }

    #[test]
    #[should_panic(expected = "too few counters")]
    fn counting_into_fewer_counters_than_values_is_refused() {
        let (searcher, column) = segment(&[vec!["a"], vec!["b", "c"]]);
        let max_doc = searcher.segment_reader(0).max_doc();
        let flat = DocOrds::build(&column, max_doc, 3, |o| o);
        flat.count_into(&[0, 1], &mut ShownCounters::sized(2));
    }

    #[test]
    fn a_column_of_one_value_at_most_keeps_one_number_a_document() {
        let values: Vec<Vec<&str>> = (0..2 * BATCH + 5)
            .map(|d| match d % 3 {
                0 => vec![],
                _ => vec![["x", "y", "z"][d % 3]],
            })
            .collect();
        let (searcher, column) = segment(&values);
        let max_doc = searcher.segment_reader(0).max_doc();
        let flat = DocOrds::build(&column, max_doc, 13, |o| o + 10);
        assert!(
            matches!(flat.entries, Entries::One(_)),
            "one value a document"
        );
        let some: Vec<DocId> = (0..max_doc).step_by(2).collect();
        let want = expected_valued(&column, some.iter().copied());
        let shifted: Vec<Vec<u32>> = want.iter().map(|v| vec![v[0] + 10]).collect();
        assert_eq!(
            read(&flat, &some),
            shifted,
            "documents without a value stay so"
        );
        let mut counters = ShownCounters::sized(13);
        flat.count_into(&some, &mut counters);
        let counted: u32 = (10..13).map(|v| counters.count(v)).sum();
        assert_eq!(counted as usize, want.len());
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
