//! Facet counts over the whole matching set, with tantivy's FacetCollector.

use tantivy::collector::{FacetCollector, FacetCounts};

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

/// A collector counting every top-level value of `facet`.
pub fn facet_collector(facet: FacetName) -> FacetCollector {
    let mut collector = FacetCollector::for_field(facet_field_name(facet));
    collector.add_facet("/");
    collector
}

/// The `limit` most frequent values, most frequent first, ties by name.
pub fn top_values(counts: &FacetCounts, limit: usize) -> Vec<FacetCount> {
    let mut all: Vec<FacetCount> = counts
        .get("/")
        .map(|(facet, count)| FacetCount {
            value: facet
                .to_path()
                .first()
                .map(|s| s.to_string())
                .unwrap_or_default(),
            count,
        })
        .collect();
    all.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    all.truncate(limit);
    all
}
