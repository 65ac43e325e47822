//! Facet counts over the whole matching set. Every facet of morgue is one
//! level deep (`/Marco Rubio`), so a segment counts term ordinals of the
//! facet's column in a flat array and names only the ordinals it saw.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentReader};

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
}

/// A collector counting every value of `facet`.
pub fn facet_collector(facet: FacetName) -> FacetCounter {
    FacetCounter {
        field: facet_field_name(facet),
    }
}

/// Per-segment part of [`FacetCounter`].
pub struct FacetSegmentCounter {
    column: Option<StrColumn>,
    counts: Vec<u32>,
}

impl Collector for FacetCounter {
    type Fruit = ValueCounts;
    type Child = FacetSegmentCounter;

    fn for_segment(&self, _id: u32, segment: &SegmentReader) -> tantivy::Result<Self::Child> {
        let column = segment.fast_fields().str(self.field)?;
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        Ok(FacetSegmentCounter {
            column,
            counts: vec![0; terms],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        Ok(merge_sorted(fruits))
    }
}

impl SegmentCollector for FacetSegmentCounter {
    type Fruit = ValueCounts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(column) = &self.column {
            for ord in column.term_ords(doc) {
                self.counts[ord as usize] += 1;
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        match &self.column {
            Some(column) => name_ords(column, &self.counts, |n| *n > 0)
                .into_iter()
                .map(|(value, n)| (value, u64::from(n)))
                .collect(),
            None => ValueCounts::new(),
        }
    }
}

/// Names the term ordinals of `column` whose entry in `per_ord` is set, in
/// ordinal (that is, name) order: a lookup each when few are set (one
/// dictionary block decoded per value), else one pass over the dictionary.
pub fn name_ords<T: Copy>(
    column: &StrColumn,
    per_ord: &[T],
    is_set: impl Fn(&T) -> bool,
) -> Vec<(String, T)> {
    let set: Vec<usize> = (0..per_ord.len())
        .filter(|&o| is_set(&per_ord[o]))
        .collect();
    let mut out = Vec::with_capacity(set.len());
    if set.len() * 32 < per_ord.len() {
        let mut value = String::new();
        for ord in set {
            value.clear();
            if column.ord_to_str(ord as u64, &mut value).unwrap_or(false) {
                out.push((value.replace('\u{0}', "/"), per_ord[ord]));
            }
        }
        return out;
    }
    let Ok(mut stream) = column.dictionary().stream() else {
        return out;
    };
    let mut ord = 0;
    while stream.advance() {
        if let Some(v) = per_ord.get(ord).filter(|v| is_set(v)) {
            let value = String::from_utf8_lossy(stream.key()).replace('\u{0}', "/");
            out.push((value, *v));
        }
        ord += 1;
    }
    out
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
