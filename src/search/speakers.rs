//! `morgue speakers`: who is quoted most in a set of quotes, with the first
//! and last day each was quoted, from one collector pass over fast fields.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DateTime, DocId, Score, SegmentReader};

use super::facets::name_ords;
use super::histogram::day_of;

/// One speaker's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerCount {
    /// The speaker's name.
    pub speaker: String,
    /// Matching quotes.
    pub quotes: u64,
    /// First day quoted, YYYY-MM-DD.
    pub first: Option<String>,
    /// Last day quoted, YYYY-MM-DD.
    pub last: Option<String>,
}

/// Per speaker: count, first and last day number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Span {
    /// Matching quotes.
    pub count: u64,
    /// Earliest day number (days since the epoch).
    pub first: Option<i64>,
    /// Latest day number.
    pub last: Option<i64>,
}

impl Span {
    fn add(&mut self, day: Option<i64>, count: u64) {
        self.count += count;
        if let Some(d) = day {
            self.first = Some(self.first.map_or(d, |f| f.min(d)));
            self.last = Some(self.last.map_or(d, |l| l.max(d)));
        }
    }

    /// Merges another span into this one.
    pub fn merge(&mut self, other: &Span) {
        self.count += other.count;
        for d in [other.first, other.last].into_iter().flatten() {
            self.add(Some(d), 0);
        }
    }
}

/// Collects a [`Span`] per speaker over the matching quotes.
pub struct SpeakerCollector;

/// Per-segment part of [`SpeakerCollector`].
pub struct SpeakerSegmentCollector {
    speakers: Option<StrColumn>,
    dates: Column<DateTime>,
    by_ord: Vec<Span>,
}

impl Collector for SpeakerCollector {
    type Fruit = HashMap<String, Span>;
    type Child = SpeakerSegmentCollector;

    fn for_segment(&self, _id: u32, segment: &SegmentReader) -> tantivy::Result<Self::Child> {
        let speakers = segment.fast_fields().str("speaker_facet")?;
        let terms = speakers.as_ref().map_or(0, |c| c.num_terms());
        Ok(SpeakerSegmentCollector {
            speakers,
            dates: segment.fast_fields().date("date")?,
            by_ord: vec![Span::default(); terms],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut all: HashMap<String, Span> = HashMap::new();
        for fruit in fruits {
            for (name, span) in fruit {
                all.entry(name).or_default().merge(&span);
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for SpeakerSegmentCollector {
    type Fruit = HashMap<String, Span>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let Some(col) = &self.speakers else { return };
        let day = self
            .dates
            .first(doc)
            .map(|d| d.into_timestamp_secs().div_euclid(86_400));
        for ord in col.term_ords(doc) {
            self.by_ord[ord as usize].add(day, 1);
        }
    }

    fn harvest(self) -> Self::Fruit {
        match &self.speakers {
            Some(col) => name_ords(col, &self.by_ord, |s| s.count > 0)
                .into_iter()
                .collect(),
            None => HashMap::new(),
        }
    }
}

/// Turns spans into a ranking: most quotes first, then by name.
pub fn rank(spans: HashMap<String, Span>, limit: usize) -> Vec<SpeakerCount> {
    let day = |n: Option<i64>| n.and_then(day_of).map(|d| d.format("%Y-%m-%d").to_string());
    let mut list: Vec<SpeakerCount> = spans
        .into_iter()
        .map(|(speaker, s)| SpeakerCount {
            speaker,
            quotes: s.count,
            first: day(s.first),
            last: day(s.last),
        })
        .collect();
    list.sort_by(|a, b| {
        b.quotes
            .cmp(&a.quotes)
            .then_with(|| a.speaker.cmp(&b.speaker))
    });
    list.truncate(limit);
    list
}
