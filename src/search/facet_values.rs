//! Every value of one facet across the index, decoded once and numbered in
//! name order, for an engine that answers many facet queries: a query then
//! adds its per-segment counts into one array and names only the values it
//! shows, where a one-shot query names every value it saw, segment by
//! segment, and merges the names.

use rustc_hash::FxHashMap;
use tantivy::Searcher;

use super::facets::{column_values, SegmentTally};
use super::FacetCount;
use crate::error::Result;

/// The values of one facet, decoded.
pub struct FacetValues {
    /// For each segment, term ordinal → shown value number.
    shown_of_ord: Vec<Vec<u32>>,
    /// Shown values, in name order (a speaker under its canonical name).
    shown: Vec<String>,
}

impl FacetValues {
    /// Decodes the dictionaries of `field` in every segment; `rename` gives
    /// the name a value is shown and counted under, when another.
    pub fn build<'r>(
        searcher: &Searcher,
        field: &str,
        rename: impl Fn(&str) -> Option<&'r str>,
    ) -> Result<FacetValues> {
        let mut per_segment: Vec<Vec<String>> = Vec::new();
        for segment in searcher.segment_readers() {
            per_segment.push(match segment.fast_fields().str(field)? {
                Some(column) => column_values(&column)?,
                None => Vec::new(),
            });
        }
        let mut shown: Vec<String> = per_segment
            .iter()
            .flatten()
            .map(|n| rename(n).unwrap_or(n).to_string())
            .collect();
        shown.sort_unstable();
        shown.dedup();
        let number: FxHashMap<&str, u32> = shown
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i as u32))
            .collect();
        let shown_of_ord = per_segment
            .iter()
            .map(|names| {
                let of = |n: &String| number[rename(n).unwrap_or(n)];
                names.iter().map(of).collect()
            })
            .collect();
        Ok(FacetValues {
            shown_of_ord,
            shown,
        })
    }

    /// The `limit` most frequent shown values of `tallies`, most frequent
    /// first, ties by name.
    pub fn top(&self, tallies: &[SegmentTally], limit: usize) -> Vec<FacetCount> {
        let entries: usize = tallies.iter().map(|t| t.counts.len()).sum();
        let per_value = tallies.iter().flat_map(|tally| {
            let map = self.shown_of_ord.get(tally.segment as usize);
            tally.counts.iter().filter_map(move |&(ord, n)| {
                let shown = *map?.get(ord as usize)?;
                Some((shown, u64::from(n)))
            })
        });
        // Many values seen: one counter per shown value; few: a map of them.
        let mut all: Vec<(u32, u64)> = if entries * 8 >= self.shown.len() {
            let mut counts = vec![0u64; self.shown.len()];
            for (shown, n) in per_value {
                counts[shown as usize] += n;
            }
            let seen = counts.iter().enumerate().filter(|(_, &n)| n > 0);
            seen.map(|(shown, &n)| (shown as u32, n)).collect()
        } else {
            let mut counts: FxHashMap<u32, u64> = FxHashMap::default();
            counts.reserve(entries);
            for (shown, n) in per_value {
                *counts.entry(shown).or_default() += n;
            }
            counts.into_iter().collect()
        };
        // Shown values are numbered in name order: ties go by number.
        let order = |a: &(u32, u64), b: &(u32, u64)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        if limit < all.len() {
            all.select_nth_unstable_by(limit, order);
            all.truncate(limit);
        }
        all.sort_unstable_by(order);
        all.into_iter()
            .map(|(shown, count)| FacetCount {
                value: self.shown[shown as usize].clone(),
                count,
            })
            .collect()
    }
}
