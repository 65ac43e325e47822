//! The facet counts and the day histogram a search asks for, as one
//! collector beside the ranked page and the count. A pass is then a static
//! `(TopDocs, Count, Extras)` triple: one direct call per matching document
//! reaches every facet counter and the histogram, where tantivy's
//! `MultiCollector` made two dynamic calls per document for each collector
//! (a fifth of a sparse faceted query's time, profiled on Reuters
//! 2006-2013). The matching documents are gathered once for all facets and
//! handed to each facet's counter a batch at a time.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocId, Score, SegmentReader};

use super::column_batch::BATCH;
use super::doc_bits::DocBits;
use super::facets::{FacetCounter, FacetSegmentCounter, SegmentTally};
use super::histogram::{DayCollector, DayCounts, DaySegmentCollector};

/// Counts the facets asked for (in order) and, when asked, matches per day.
pub struct Extras {
    /// One counter per facet asked for.
    pub facets: Vec<FacetCounter>,
    /// Matches per day, for a histogram.
    pub days: Option<DayCollector>,
}

/// What [`Extras`] counted.
pub struct ExtrasFruit {
    /// Each facet's per-segment tallies, in the order of [`Extras::facets`].
    pub facets: Vec<Vec<SegmentTally>>,
    /// Matches per day, when asked.
    pub days: Option<DayCounts>,
}

/// The per-segment part of [`Extras`].
pub struct ExtrasSegment {
    facets: Vec<FacetSegmentCounter>,
    /// Matching documents gathered for the facet counters, handed to each
    /// a batch at a time.
    docs: Vec<DocId>,
    /// The matches of the facets that may count by complement.
    broad: Option<BroadMatch>,
    days: Option<DaySegmentCollector>,
}

/// The matches kept for the facet counters that count a broad match by its
/// complement (see [`super::complement`]): as a list until half the
/// searched kind's documents match, then as bits. All facets share them.
struct BroadMatch {
    from: usize,
    listed: Vec<DocId>,
    bits: Option<DocBits>,
    max_doc: DocId,
}

impl BroadMatch {
    fn add(&mut self, docs: &[DocId]) {
        if let Some(bits) = &mut self.bits {
            return docs.iter().for_each(|&d| bits.insert(d));
        }
        self.listed.extend_from_slice(docs);
        if self.listed.len() >= self.from {
            let mut bits = DocBits::with_max_doc(self.max_doc);
            self.listed.iter().for_each(|&d| bits.insert(d));
            self.bits = Some(bits);
            self.listed = Vec::new();
        }
    }
}

impl Collector for Extras {
    type Fruit = ExtrasFruit;
    type Child = ExtrasSegment;

    fn for_segment(&self, id: u32, segment: &SegmentReader) -> tantivy::Result<ExtrasSegment> {
        let facets = (self.facets.iter())
            .map(|f| f.for_segment(id, segment))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let days = match &self.days {
            Some(d) => Some(d.for_segment(id, segment)?),
            None => None,
        };
        let broad = facets
            .iter()
            .find_map(FacetSegmentCounter::broad_from)
            .map(|from| BroadMatch {
                from,
                listed: Vec::new(),
                bits: None,
                max_doc: segment.max_doc(),
            });
        Ok(ExtrasSegment {
            facets,
            docs: Vec::with_capacity(BATCH),
            broad,
            days,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<ExtrasFruit>) -> tantivy::Result<ExtrasFruit> {
        let mut facets: Vec<Vec<SegmentTally>> = self.facets.iter().map(|_| Vec::new()).collect();
        let mut days = Vec::new();
        for fruit in fruits {
            for (all, tallies) in facets.iter_mut().zip(fruit.facets) {
                all.extend(tallies);
            }
            days.extend(fruit.days);
        }
        let days = match &self.days {
            Some(d) => Some(d.merge_fruits(days)?),
            None => None,
        };
        Ok(ExtrasFruit { facets, days })
    }
}

impl ExtrasSegment {
    /// Hands the documents gathered to every facet counter, or keeps them
    /// for those that may count by complement.
    fn hand_over(&mut self) {
        for facet in &mut self.facets {
            if facet.broad_from().is_none() {
                facet.collect_batch(&self.docs);
            }
        }
        if let Some(broad) = &mut self.broad {
            broad.add(&self.docs);
        }
        self.docs.clear();
    }
}

impl SegmentCollector for ExtrasSegment {
    type Fruit = ExtrasFruit;

    #[inline]
    fn collect(&mut self, doc: DocId, score: Score) {
        if !self.facets.is_empty() {
            self.docs.push(doc);
            if self.docs.len() == BATCH {
                self.hand_over();
            }
        }
        if let Some(days) = &mut self.days {
            days.collect(doc, score);
        }
    }

    /// A block of matches of a pass without scores (a request for no hits).
    fn collect_block(&mut self, docs: &[DocId]) {
        if let Some(days) = &mut self.days {
            docs.iter().for_each(|&doc| days.collect(doc, 0.0));
        }
        if self.facets.is_empty() {
            return;
        }
        let mut rest = docs;
        while !rest.is_empty() {
            let (now, later) = rest.split_at((BATCH - self.docs.len()).min(rest.len()));
            self.docs.extend_from_slice(now);
            if self.docs.len() == BATCH {
                self.hand_over();
            }
            rest = later;
        }
    }

    fn harvest(mut self) -> ExtrasFruit {
        self.hand_over();
        if let Some(broad) = self.broad.take() {
            let can = |f: &&mut FacetSegmentCounter| f.broad_from().is_some();
            for facet in self.facets.iter_mut().filter(can) {
                match &broad.bits {
                    Some(bits) => facet.count_by_complement(bits),
                    None => facet.collect_batch(&broad.listed),
                }
            }
        }
        ExtrasFruit {
            facets: self.facets.into_iter().map(|f| f.harvest()).collect(),
            days: self.days.map(|d| d.harvest()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::facets::{facet_collector, named_counts};
    use crate::search::FacetName;
    use tantivy::collector::Count;
    use tantivy::query::AllQuery;
    use tantivy::schema::{DateOptions, Facet, FacetOptions, Schema};
    use tantivy::{DateTime, Index, TantivyDocument};

    /// Two segments of documents with a speaker, a dateline and a day.
    fn index() -> Index {
        let mut schema = Schema::builder();
        let speaker = schema.add_facet_field("speaker_facet", FacetOptions::default());
        let dateline = schema.add_facet_field("dateline_facet", FacetOptions::default());
        let date = schema.add_date_field("date", DateOptions::default().set_fast());
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let segments = [
            vec![("Rubio", "Miami", 1), ("Rubio", "Kyiv", 2)],
            vec![("Kallas", "Kyiv", 2), ("Rubio", "Kyiv", 3)],
        ];
        for docs in segments {
            for (who, place, day) in docs {
                let mut doc = TantivyDocument::new();
                doc.add_facet(speaker, Facet::from_path([who]));
                doc.add_facet(dateline, Facet::from_path([place]));
                doc.add_date(date, DateTime::from_timestamp_secs(day * 86_400));
                writer.add_document(doc).unwrap();
            }
            writer.commit().unwrap();
        }
        index
    }

    #[test]
    fn each_facet_keeps_its_place_and_segments_are_merged() {
        let searcher = index().reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        let extras = Extras {
            facets: vec![
                facet_collector(FacetName::Dateline, None),
                facet_collector(FacetName::Speaker, None),
            ],
            days: Some(DayCollector),
        };
        let (total, fruit) = searcher.search(&AllQuery, &(Count, extras)).unwrap();
        assert_eq!(total, 4);
        let named = |n: usize| {
            let mut counts = named_counts(&fruit.facets[n]);
            counts.sort();
            counts
        };
        assert_eq!(named(0), [("Kyiv".into(), 3), ("Miami".into(), 1)]);
        assert_eq!(named(1), [("Kallas".into(), 1), ("Rubio".into(), 3)]);
        let days = fruit.days.expect("days were asked for");
        assert_eq!(days.days.values().sum::<u64>(), 4);
        assert_eq!(days.days.len(), 3);
    }

    #[test]
    fn nothing_asked_counts_nothing() {
        let searcher = index().reader().unwrap().searcher();
        let extras = Extras {
            facets: Vec::new(),
            days: None,
        };
        let fruit = searcher.search(&AllQuery, &extras).unwrap();
        assert!(fruit.facets.is_empty() && fruit.days.is_none());
    }
}
