//! Facet counts over the whole matching set. Every facet of morgue is one
//! level deep (`/Marco Rubio`), so a segment counts term ordinals of the
//! facet's column in a flat array and names only the ordinals it saw.

use std::collections::HashMap;

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
    type Fruit = HashMap<String, u64>;
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
        let mut all: HashMap<String, u64> = HashMap::new();
        for fruit in fruits {
            for (value, n) in fruit {
                *all.entry(value).or_default() += n;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for FacetSegmentCounter {
    type Fruit = HashMap<String, u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(column) = &self.column {
            for ord in column.term_ords(doc) {
                self.counts[ord as usize] += 1;
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut out = HashMap::new();
        let Some(column) = &self.column else {
            return out;
        };
        let seen: Vec<usize> = (0..self.counts.len())
            .filter(|&o| self.counts[o] > 0)
            .collect();
        if seen.len() * 32 < self.counts.len() {
            // Few values: look each up (a dictionary block decoded per value).
            let mut value = String::new();
            for ord in seen {
                value.clear();
                if column.ord_to_str(ord as u64, &mut value).unwrap_or(false) {
                    out.insert(value.replace('\u{0}', "/"), u64::from(self.counts[ord]));
                }
            }
            return out;
        }
        // Many values: one pass over the whole dictionary.
        let Ok(mut stream) = column.dictionary().stream() else {
            return out;
        };
        let mut ord = 0;
        while stream.advance() {
            let n = self.counts.get(ord).copied().unwrap_or(0);
            if n > 0 {
                let value = String::from_utf8_lossy(stream.key()).replace('\u{0}', "/");
                out.insert(value, u64::from(n));
            }
            ord += 1;
        }
        out
    }
}

/// The `limit` most frequent values, most frequent first, ties by name.
pub fn top_values(counts: HashMap<String, u64>, limit: usize) -> Vec<FacetCount> {
    let mut all: Vec<FacetCount> = counts
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    all.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    all.truncate(limit);
    all
}
