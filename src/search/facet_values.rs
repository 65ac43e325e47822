//! Every value of one facet across the index, decoded once and numbered in
//! name order, for an engine that answers many facet queries: a query then
//! adds its per-segment counts into one array and names only the values it
//! shows, where a one-shot query names every value it saw, segment by
//! segment, and merges the names.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::Mutex;

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
    /// One counter per shown value, kept zeroed between queries (a fresh
    /// array of that size is a fresh memory map, paid in page faults), and
    /// the values counted.
    counters: Mutex<(Vec<u32>, Vec<u32>)>,
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
        let counters = Mutex::new((vec![0; shown.len()], Vec::new()));
        Ok(FacetValues {
            shown_of_ord,
            shown,
            counters,
        })
    }

    /// The `limit` most frequent shown values of `tallies`, most frequent
    /// first, ties by name.
    pub fn top(&self, tallies: &[SegmentTally], limit: usize) -> Vec<FacetCount> {
        let entries: usize = tallies.iter().map(SegmentTally::seen_bound).sum();
        let per_value = |add: &mut dyn FnMut(u32, u32)| {
            for tally in tallies {
                let Some(map) = self.shown_of_ord.get(tally.segment as usize) else {
                    continue;
                };
                tally.for_each_seen(|ord, n| {
                    if let Some(&shown) = map.get(ord as usize) {
                        add(shown, n);
                    }
                });
            }
        };
        // Many values seen: one counter per shown value; few: a map of them.
        let mut all: Vec<(u32, u64)> = if entries * 8 >= self.shown.len() {
            let mut guard = self.counters.lock().unwrap_or_else(|e| e.into_inner());
            let (counters, touched) = &mut *guard;
            per_value(&mut |shown, n| {
                let c = &mut counters[shown as usize];
                if *c == 0 {
                    touched.push(shown);
                }
                *c += n;
            });
            most_counted(counters, touched, limit)
        } else {
            let mut counts: FxHashMap<u32, u64> = FxHashMap::default();
            counts.reserve(entries);
            per_value(&mut |shown, n| *counts.entry(shown).or_default() += u64::from(n));
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

/// The `limit` highest of the `touched` counters as (number, count), ties
/// by number; every counter and the list are left cleared.
fn most_counted(counters: &mut [u32], touched: &mut Vec<u32>, limit: usize) -> Vec<(u32, u64)> {
    // Worst kept on top: lowest count, then highest number.
    let mut kept: BinaryHeap<Reverse<(u32, Reverse<u32>)>> = BinaryHeap::new();
    for shown in touched.drain(..) {
        let n = std::mem::take(&mut counters[shown as usize]);
        let entry = Reverse((n, Reverse(shown)));
        if kept.len() < limit.max(1) {
            kept.push(entry);
        } else if kept.peek().is_some_and(|worst| entry < *worst) {
            kept.pop();
            kept.push(entry);
        }
    }
    kept.into_iter()
        .map(|Reverse((n, Reverse(shown)))| (shown, u64::from(n)))
        .collect()
}
