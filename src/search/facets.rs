//! Facet counts over the whole matching set. Every facet of morgue is one
//! level deep (`/Marco Rubio`), so a segment counts the term ordinals of the
//! facet's column; the engine names them (see also [`super::facet_values`]).

use std::sync::Arc;

use tantivy::columnar::StrColumn;
use tantivy::{DocId, SegmentReader};

use super::column_batch::ColumnBatch;
use super::complement::Complement;
use super::doc_bits::DocBits;
use super::doc_ords::SegmentDocOrds;
use super::facet_values::FacetValues;
use super::{FacetCount, FacetName};

/// The facet field that holds a facet's values.
pub fn facet_field_name(facet: FacetName) -> &'static str {
    match facet {
        FacetName::Speaker => "speaker_facet",
        FacetName::Dateline => "dateline_facet",
        FacetName::Source => "source_facet",
        FacetName::Section => "section_facet",
    }
}

/// Counts the values of one facet over the matching documents.
pub struct FacetCounter {
    field: &'static str,
    flat: Option<Flat>,
}

/// What a count straight into a facet's counters needs.
#[derive(Clone)]
pub struct Flat {
    /// Each document's shown value numbers.
    pub ords: SegmentDocOrds,
    /// The counters to add them to (the caller holds [`FacetValues::busy`]).
    pub values: Arc<FacetValues>,
    /// The totals over the searched kind, to count a broad match by what it
    /// does not match.
    pub complement: Option<Arc<Complement>>,
}

/// A collector counting every value of `facet`: into per-segment tallies
/// from the facet's columns or, when given, straight into the counters of
/// the facet's values from its documents' value numbers.
pub fn facet_collector(facet: FacetName, flat: Option<Flat>) -> FacetCounter {
    FacetCounter {
        field: facet_field_name(facet),
        flat,
    }
}

/// Per-segment part of [`FacetCounter`]: reads the ordinals of the
/// matching documents a batch at a time.
pub struct FacetSegmentCounter {
    segment: u32,
    column: Option<StrColumn>,
    tally: Tally,
    batch: ColumnBatch<u64>,
    flat: Option<Flat>,
    /// From how many matches (half the searched kind's documents) a match
    /// may be counted by its complement; `None`: always directly.
    broad_from: Option<usize>,
}

impl FacetSegmentCounter {
    /// From how many matches this counter may count by complement.
    pub fn broad_from(&self) -> Option<usize> {
        self.broad_from
    }

    /// The segment's tallies, once every match was counted.
    pub fn harvest(self) -> Vec<SegmentTally> {
        let segment = self.segment;
        let counts = self.tally.finish();
        self.column
            .filter(|_| !counts.is_empty())
            .map(|column| SegmentTally {
                segment,
                column,
                counts,
            })
            .into_iter()
            .collect()
    }

    /// Counts a broad match, every one of whose documents is in `matched`
    /// (only for a counter with [`Self::broad_from`]): the totals less the
    /// documents not matched.
    pub fn count_by_complement(&mut self, matched: &DocBits) {
        let Some(flat) = &self.flat else { return };
        let segment = self.segment as usize;
        let ords = flat.ords.get(segment).and_then(Option::as_ref);
        if let (Some(ords), Some(complement)) = (ords, &flat.complement) {
            let mut counters = flat.values.counters();
            complement.count_into(segment, matched, ords, &mut counters);
        }
    }

    /// Counts a batch of matching documents.
    pub fn collect_batch(&mut self, docs: &[DocId]) {
        // Flat value numbers: none for a segment without the facet's column.
        if let Some(flat) = &self.flat {
            let segment = self.segment as usize;
            if let Some(ords) = flat.ords.get(segment).and_then(Option::as_ref) {
                let mut counters = flat.values.counters();
                ords.count_into(docs, &mut counters);
            }
            return;
        }
        let Some(column) = &self.column else {
            return;
        };
        let tally = &mut self.tally;
        self.batch.for_each_doc(column.ords(), docs, |_, ords| {
            ords.iter().for_each(|&o| tally.add(o as u32))
        });
        tally.settle(column.num_terms());
    }
}

/// Counts per term ordinal: a list of the ordinals seen while few documents
/// match (no array over the whole dictionary to clear), an array of counts
/// once many do.
/// (Keeping a list of the ordinals set in the array, to read back only
/// those, made a broad query's count 40 % slower: a branch and a store on
/// the hottest loop.)
enum Tally {
    Seen { ords: Vec<u32>, limit: usize },
    Counts(Vec<u32>),
}

impl Tally {
    fn new(terms: usize) -> Tally {
        Tally::Seen {
            ords: Vec::new(),
            // Sorting n ordinals costs about what clearing 32n counters does.
            limit: terms / 32,
        }
    }

    #[inline]
    fn add(&mut self, ord: u32) {
        match self {
            Tally::Seen { ords, .. } => ords.push(ord),
            Tally::Counts(counts) => counts[ord as usize] += 1,
        }
    }

    /// Switches to an array of counts once the ordinals seen pass the limit.
    fn settle(&mut self, terms: usize) {
        if let Tally::Seen { ords, limit } = self {
            if ords.len() > *limit {
                let mut counts = vec![0u32; terms];
                ords.iter().for_each(|&o| counts[o as usize] += 1);
                *self = Tally::Counts(counts);
            }
        }
    }

    /// The tally as kept by a segment's result: counts by ordinal, or the
    /// ordinals seen, sorted and counted.
    fn finish(self) -> Tallied {
        match self {
            Tally::Counts(counts) => Tallied::Counts(counts),
            Tally::Seen { mut ords, .. } => {
                ords.sort_unstable();
                let mut out: Vec<(u64, u32)> = Vec::new();
                for o in ords {
                    match out.last_mut() {
                        Some((last, n)) if *last == u64::from(o) => *n += 1,
                        _ => out.push((u64::from(o), 1)),
                    }
                }
                Tallied::Sorted(out)
            }
        }
    }
}

/// A segment's counts: one per term ordinal, or (ordinal, count) of the
/// few values seen, by ordinal.
enum Tallied {
    Counts(Vec<u32>),
    Sorted(Vec<(u64, u32)>),
}

impl Tallied {
    fn is_empty(&self) -> bool {
        match self {
            Tallied::Counts(counts) => counts.iter().all(|&n| n == 0),
            Tallied::Sorted(seen) => seen.is_empty(),
        }
    }
}

/// What one segment counted, with the column that names the ordinals.
pub struct SegmentTally {
    /// The segment's place in the searcher.
    pub segment: u32,
    /// The facet's column in that segment.
    pub column: StrColumn,
    counts: Tallied,
}

impl SegmentTally {
    /// At most how many values were seen.
    pub fn seen_bound(&self) -> usize {
        match &self.counts {
            Tallied::Counts(counts) => counts.len(),
            Tallied::Sorted(seen) => seen.len(),
        }
    }

    /// How many values were seen.
    pub fn seen(&self) -> usize {
        match &self.counts {
            Tallied::Counts(counts) => counts.iter().filter(|&&n| n > 0).count(),
            Tallied::Sorted(seen) => seen.len(),
        }
    }

    /// Calls `each(ordinal, count)` for every value seen, by ordinal.
    pub fn for_each_seen(&self, mut each: impl FnMut(u64, u32)) {
        match &self.counts {
            Tallied::Counts(counts) => {
                for (o, &n) in counts.iter().enumerate() {
                    if n > 0 {
                        each(o as u64, n);
                    }
                }
            }
            Tallied::Sorted(seen) => seen.iter().for_each(|&(o, n)| each(o, n)),
        }
    }

    /// The values seen, named, with their counts, sorted by value.
    pub fn named(&self) -> ValueCounts {
        let mut seen = Vec::with_capacity(self.seen_bound().min(1 << 16));
        self.for_each_seen(|o, n| seen.push((o, n)));
        name_sorted(&self.column, &seen)
            .into_iter()
            .map(|(value, n)| (value, u64::from(n)))
            .collect()
    }
}

impl FacetCounter {
    /// The counter of segment `id`.
    pub fn for_segment(
        &self,
        id: u32,
        segment: &SegmentReader,
    ) -> tantivy::Result<FacetSegmentCounter> {
        // Counting into flat value numbers needs no column (opening one
        // reads its dictionary's index: a cost per segment and query).
        let column = match self.flat {
            Some(_) => None,
            None => segment.fast_fields().str(self.field)?,
        };
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        let complement = self.flat.as_ref().and_then(|f| f.complement.as_ref());
        let broad_from = complement.and_then(|c| c.broad_from(id as usize));
        Ok(FacetSegmentCounter {
            segment: id,
            column,
            tally: Tally::new(terms),
            batch: ColumnBatch::default(),
            flat: self.flat.clone(),
            broad_from,
        })
    }
}

/// Counts of every value seen in `tallies`, named, merged across segments.
pub fn named_counts(tallies: &[SegmentTally]) -> ValueCounts {
    merge_sorted(tallies.iter().map(SegmentTally::named).collect())
}

/// Names the term ordinals of `column` whose entry in `per_ord` is set, in
/// ordinal (that is, name) order.
pub fn name_ords<T: Copy>(
    column: &StrColumn,
    per_ord: &[T],
    is_set: impl Fn(&T) -> bool,
) -> Vec<(String, T)> {
    let set: Vec<(u64, T)> = (0..per_ord.len())
        .filter(|&o| is_set(&per_ord[o]))
        .map(|o| (o as u64, per_ord[o]))
        .collect();
    name_sorted(column, &set)
}

/// Names the ordinals of `set` (sorted by ordinal), keeping their values.
/// The dictionary decodes each of its blocks that holds one of them once,
/// and skips the others.
fn name_sorted<T: Copy>(column: &StrColumn, set: &[(u64, T)]) -> Vec<(String, T)> {
    let ords: Vec<u64> = set.iter().map(|(o, _)| *o).collect();
    let mut out = Vec::with_capacity(set.len());
    let mut next = set.iter();
    let named = column.dictionary().sorted_ords_to_term_cb(&ords, |key| {
        if let Some((_, value)) = next.next() {
            out.push((facet_value(key), *value));
        }
    });
    if named.is_err() {
        out.clear();
    }
    out
}

/// Every value of a facet column's dictionary, as shown, by term ordinal.
pub fn column_values(column: &StrColumn) -> tantivy::Result<Vec<String>> {
    let mut out = Vec::with_capacity(column.num_terms());
    let mut stream = column.dictionary().stream()?;
    while stream.advance() {
        out.push(facet_value(stream.key()));
    }
    Ok(out)
}

/// A facet dictionary key as the value shown: one allocation for the usual
/// one-level value (a deeper one has `\0` between its levels).
pub fn facet_value(key: &[u8]) -> String {
    match std::str::from_utf8(key) {
        Ok(s) if !key.contains(&0) => s.to_owned(),
        _ => String::from_utf8_lossy(key).replace('\u{0}', "/"),
    }
}

/// Facet values and their counts, sorted by value (each segment's dictionary
/// is sorted, so segments merge without hashing).
pub type ValueCounts = Vec<(String, u64)>;

/// Merges lists sorted by value, adding the counts of equal values.
pub fn merge_sorted(lists: Vec<ValueCounts>) -> ValueCounts {
    let mut lists: Vec<ValueCounts> = lists.into_iter().filter(|l| !l.is_empty()).collect();
    match lists.len() {
        0 => Vec::new(),
        1 => lists.remove(0),
        _ => sum_values(lists.into_iter().flatten().collect()),
    }
}

/// Sorts by value and adds up the counts of equal values. On runs of sorted
/// input (one per segment), the stable sort merges in linear passes.
pub fn sum_values(mut all: ValueCounts) -> ValueCounts {
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 += later.1;
        }
        same
    });
    all
}

/// The `limit` most frequent values, most frequent first, ties by name.
pub fn top_values(counts: ValueCounts, limit: usize) -> Vec<FacetCount> {
    let mut all: Vec<FacetCount> = counts
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    let order =
        |a: &FacetCount, b: &FacetCount| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value));
    if limit < all.len() {
        all.select_nth_unstable_by(limit, order);
        all.truncate(limit);
    }
    all.sort_unstable_by(order);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(list: &[(&str, u64)]) -> ValueCounts {
        list.iter().map(|(v, n)| (v.to_string(), *n)).collect()
    }

    #[test]
    fn segments_merge_adding_equal_values() {
        let merged = merge_sorted(vec![
            counts(&[("Kallas", 1), ("Rubio", 2)]),
            counts(&[]),
            counts(&[("Macron", 4), ("Rubio", 3)]),
        ]);
        assert_eq!(
            merged,
            counts(&[("Kallas", 1), ("Macron", 4), ("Rubio", 5)])
        );
    }

    #[test]
    fn top_values_keeps_the_most_frequent_ties_by_name() {
        let top = top_values(counts(&[("b", 2), ("a", 2), ("c", 9), ("d", 1)]), 3);
        let got: Vec<_> = top.iter().map(|c| (c.value.as_str(), c.count)).collect();
        assert_eq!(got, vec![("c", 9), ("a", 2), ("b", 2)]);
    }
}
