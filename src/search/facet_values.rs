//! Every value of one facet across the index, numbered in name order
//! ([`super::value_table`]): built from the segments' dictionaries, or read
//! in place from the file the indexer keeps ([`super::facet_values_file`]).
//! A query adds into one counter per value (a first query from its
//! per-segment tallies, an engine counting again straight from each
//! document's value numbers, [`super::doc_ords`]) and names only the values
//! it shows, where without them a one-shot query names every value it saw,
//! segment by segment, and merges the names.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::{Mutex, MutexGuard};

use rustc_hash::FxHashMap;
use tantivy::directory::OwnedBytes;
use tantivy::Searcher;

use super::doc_ords::{DocOrds, SegmentDocOrds};
use super::facets::{column_values, SegmentTally};
use super::value_table::{self, ValueTable};
use super::FacetCount;
use crate::error::{Error, Result};

/// The values of one facet, decoded.
pub struct FacetValues {
    /// For each segment, term ordinal → shown value number; the shown
    /// values in name order (a speaker under its canonical name).
    table: ValueTable,
    /// One counter per shown value, kept zeroed between queries (a fresh
    /// array of that size is a fresh memory map, paid in page faults); a
    /// set of them for each thread that may count segments at once (see
    /// [`Self::counters`]), so that segments counted in parallel neither
    /// wait on one lock nor share cache lines.
    counters: Vec<Mutex<ShownCounters>>,
    /// Held by the one query counting straight into `counters`.
    pub busy: Mutex<()>,
}

/// How many words of [`ShownCounters::added`] are looked at together when
/// reading the counters back.
const WORDS_AT_ONCE: usize = 8;

/// Counters past the shown values': a document's empty places add to them
/// (one for each place of a packed entry, so that they do not all wait on
/// one counter), and reading back clears them unread.
pub const SPARE: u32 = 8;

/// A counter per shown value, and a bit per counter set when it was added
/// to: reading back visits the counters whose bit is set, a few thousand
/// for most queries against the 53,000 speakers of a decade of news, without
/// a branch on the hottest loop (the bits are an OR into a few kilobytes).
pub struct ShownCounters {
    /// A counter per shown value, then [`SPARE`] counters that absorb the
    /// empty places of a document's values (see [`Self::spare`]).
    counts: Vec<u32>,
    added: Vec<u64>,
    /// Handed to a query since last read (see [`FacetValues::counters`]).
    used: bool,
}

impl ShownCounters {
    /// Zeroed counters for `values` values.
    pub fn sized(values: usize) -> ShownCounters {
        let all = values + SPARE as usize;
        ShownCounters {
            counts: vec![0; all],
            added: vec![0; all.div_ceil(64)],
            used: false,
        }
    }

    /// Adds `n` to the counter of shown value `shown`.
    #[inline]
    pub fn add(&mut self, shown: u32, n: u32) {
        self.counts[shown as usize] += n;
        self.added[shown as usize / 64] |= 1 << (shown % 64);
    }

    /// The counter of shown value `shown`.
    #[cfg(test)]
    pub fn count(&self, shown: u32) -> u32 {
        self.counts[shown as usize]
    }

    /// The first spare counter, the next after the shown values': spare
    /// `i` (below [`SPARE`]) is this plus `i`.
    #[inline]
    pub fn spare(&self) -> u32 {
        self.size() as u32
    }

    /// Adds one to counter `at`, a shown value's or a spare one
    /// ([`Self::spare`]).
    ///
    /// # Safety
    /// `at` is below [`Self::size`] or a spare counter: the counter and its
    /// bit are not checked to be there (a sparse query's facets spent a
    /// twentieth of their time checking).
    #[inline]
    pub unsafe fn add_or_spare(&mut self, at: u32) {
        debug_assert!((at as usize) < self.counts.len());
        // SAFETY: `at` is below `counts.len()` (the caller's promise), and
        // `added` has a bit for each counter.
        unsafe {
            *self.counts.get_unchecked_mut(at as usize) += 1;
            *self.added.get_unchecked_mut(at as usize / 64) |= 1 << (at % 64);
        }
    }

    /// Zeroes the spare counters and their bits.
    fn clear_spares(&mut self) {
        for at in self.size()..self.counts.len() {
            self.counts[at] = 0;
            self.added[at / 64] &= !(1 << (at % 64));
        }
    }

    /// Adds one to each of `shown`.
    #[cfg(test)]
    pub fn add_each(&mut self, shown: &[u32]) {
        shown.iter().for_each(|&s| self.add(s, 1));
    }

    /// Takes one from each of `shown`, each added to before.
    #[inline]
    pub fn sub_each(&mut self, shown: &[u32]) {
        shown.iter().for_each(|&s| self.counts[s as usize] -= 1);
    }

    /// Adds every counter of `other` (as many counters) to its own.
    pub fn add_counters(&mut self, other: &ShownCounters) {
        let counts = self.counts.iter_mut().zip(&other.counts);
        counts.for_each(|(mine, &theirs)| *mine += theirs);
        let added = self.added.iter_mut().zip(&other.added);
        added.for_each(|(mine, &theirs)| *mine |= theirs);
    }

    /// How many counters.
    pub fn size(&self) -> usize {
        self.counts.len() - SPARE as usize
    }

    /// The `limit` highest of the counters of `sets` (each as many, a
    /// value's count the sum of its counters) as (number, count), ties by
    /// number; every counter is left at zero.
    fn take_top(sets: &mut [&mut ShownCounters], limit: usize) -> Vec<(u32, u64)> {
        // Worst kept on top: lowest count, then highest number.
        let mut kept: BinaryHeap<Reverse<(u32, Reverse<u32>)>> = BinaryHeap::new();
        // Once `limit` are kept, a count below the worst kept's is out at
        // once (most values of a sparse query's count). Kept beside the heap:
        // reading it from the heap's top at each offer cost 16k to 21k more
        // instructions a `lehman` query with facets (callgrind).
        let mut floor = 0;
        let mut offer = |shown: u32, n: u32| {
            if n < floor {
                return;
            }
            let entry = Reverse((n, Reverse(shown)));
            if kept.len() < limit.max(1) {
                kept.push(entry);
            } else if kept.peek().is_some_and(|worst| entry < *worst) {
                kept.pop();
                kept.push(entry);
            } else {
                return;
            }
            if kept.len() == limit.max(1) {
                floor = kept.peek().map_or(0, |Reverse((n, _))| *n);
            }
        };
        sets.iter_mut().for_each(|s| s.clear_spares());
        let Some((first, others)) = sets.split_first_mut() else {
            return Vec::new();
        };
        let mut added = vec![0u64; others.len()];
        for chunk in (0..first.added.len()).step_by(WORDS_AT_ONCE) {
            let words = chunk..first.added.len().min(chunk + WORDS_AT_ONCE);
            // A few thousand values added among tens of thousands: most
            // stretches of words are empty, seen with one OR each.
            let any = |s: &ShownCounters| s.added[words.clone()].iter().fold(0, |b, w| b | w);
            if any(first) == 0 && others.iter().all(|s| any(s) == 0) {
                continue;
            }
            for word in words {
                Self::take_word(first, others, &mut added, word, &mut offer);
            }
        }
        kept.into_iter()
            .map(|Reverse((n, Reverse(shown)))| (shown, u64::from(n)))
            .collect()
    }

    /// Offers the value of every bit set in word `word` of the sets' added
    /// bits, its count the sum of its counters, and clears them.
    fn take_word(
        first: &mut ShownCounters,
        others: &mut [&mut ShownCounters],
        added: &mut [u64],
        word: usize,
        offer: &mut impl FnMut(u32, u32),
    ) {
        let mut bits = std::mem::take(&mut first.added[word]);
        (others.iter_mut().zip(added.iter_mut()))
            .for_each(|(s, a)| *a = std::mem::take(&mut s.added[word]));
        let more = added.iter().fold(0, |b, a| b | a);
        if more == 0 {
            // One set added to this word's values (a query counted on one
            // thread): its counters alone.
            while bits != 0 {
                let shown = word * 64 + bits.trailing_zeros() as usize;
                match std::mem::take(&mut first.counts[shown]) {
                    0 => {}
                    n => offer(shown as u32, n),
                }
                bits &= bits - 1;
            }
            return;
        }
        bits |= more;
        while bits != 0 {
            let bit = bits.trailing_zeros();
            let shown = word * 64 + bit as usize;
            // Another set's counters are read only where it added (they are
            // lines out of the cache).
            let sets = others.iter_mut().zip(added.iter());
            let adders = sets.filter(|(_, a)| *a >> bit & 1 == 1);
            let more: u32 = adders
                .map(|(s, _)| std::mem::take(&mut s.counts[shown]))
                .sum();
            match std::mem::take(&mut first.counts[shown]) + more {
                0 => {}
                n => offer(shown as u32, n),
            }
            bits &= bits - 1;
        }
    }
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
        let mut shown: Vec<&str> = (per_segment.iter().flatten())
            .map(|n| rename(n).unwrap_or(n))
            .collect();
        shown.sort_unstable();
        shown.dedup();
        let number: FxHashMap<&str, u32> = (shown.iter().enumerate())
            .map(|(i, &n)| (n, i as u32))
            .collect();
        let shown_of_ord: Vec<Vec<u32>> = per_segment
            .iter()
            .map(|names| {
                let of = |n: &String| number[rename(n).unwrap_or(n)];
                names.iter().map(of).collect()
            })
            .collect();
        FacetValues::from_parts(&shown_of_ord, &shown)
            .ok_or_else(|| Error::Schema(format!("facet {field}: values do not hold together")))
    }

    /// The values of `shown_of_ord` (for each segment, term ordinal →
    /// number of a value of `shown`, which is sorted); `None` when a number
    /// names no value.
    pub fn from_parts(shown_of_ord: &[Vec<u32>], shown: &[&str]) -> Option<FacetValues> {
        let bytes = OwnedBytes::new(value_table::encode(shown_of_ord, shown));
        Some(FacetValues::from_table(ValueTable::new(bytes)?))
    }

    /// The values of a table.
    pub fn from_table(table: ValueTable) -> FacetValues {
        // One set per search thread of an engine's default pool.
        let sets = super::parallel::per_core();
        let sized = || Mutex::new(ShownCounters::sized(table.len()));
        let counters = (0..sets).map(|_| sized()).collect();
        FacetValues {
            table,
            counters,
            busy: Mutex::new(()),
        }
    }

    /// The table of value numbers and names.
    pub fn table(&self) -> &ValueTable {
        &self.table
    }

    /// For each segment, term ordinal → shown value number (a copy).
    pub fn shown_of_ord(&self) -> Vec<Vec<u32>> {
        let t = &self.table;
        (0..t.segments())
            .map(|s| {
                (0..t.ordinals(s) as u64)
                    .filter_map(|o| t.number(s, o))
                    .collect()
            })
            .collect()
    }

    /// The shown values, in name order.
    pub fn shown(&self) -> Vec<&str> {
        (0..self.table.len() as u32)
            .map(|i| self.table.name(i))
            .collect()
    }

    /// The counters the calling thread adds a query's counts to (see
    /// [`Self::busy`]): a search pool's thread `i` the set `i`, any other
    /// thread (a query searched on the calling thread) the first.
    pub fn counters(&self) -> MutexGuard<'_, ShownCounters> {
        let thread = rayon::current_thread_index().unwrap_or(0);
        let mut set = self.set(thread % self.counters.len());
        set.used = true;
        set
    }

    /// Counter set `set`.
    fn set(&self, set: usize) -> MutexGuard<'_, ShownCounters> {
        self.counters[set].lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The `limit` most counted values of the counters, most frequent
    /// first, ties by name; the counters are left at zero.
    pub fn top_counted(&self, limit: usize) -> Vec<FacetCount> {
        // The sets no query was handed are zero: not read.
        let mut sets: Vec<_> = (0..self.counters.len()).map(|s| self.set(s)).collect();
        let mut sets: Vec<&mut ShownCounters> = (sets.iter_mut())
            .map(|s| &mut **s)
            .filter_map(|s| std::mem::take(&mut s.used).then_some(s))
            .collect();
        let top = ShownCounters::take_top(&mut sets, limit);
        self.named(top, limit)
    }

    /// Each document's shown value numbers, segment by segment.
    pub fn flat_ords(&self, searcher: &Searcher, field: &str) -> Result<SegmentDocOrds> {
        // Every ordinal of a segment is numbered (the table was made for
        // these segments), so the 0 is never used.
        let number = |segment, ord| self.table.number(segment, u64::from(ord)).unwrap_or(0);
        let bound = self.table.len() as u32;
        let all = DocOrds::build_all(searcher, field, bound, number)?;
        Ok(std::sync::Arc::new(all))
    }

    /// The `limit` most frequent shown values of `tallies`, most frequent
    /// first, ties by name: for a query that counted per segment, as one
    /// does when another holds [`Self::busy`].
    pub fn top(&self, tallies: &[SegmentTally], limit: usize) -> Vec<FacetCount> {
        let entries: usize = tallies.iter().map(SegmentTally::seen_bound).sum();
        let per_value = |add: &mut dyn FnMut(u32, u32)| {
            for tally in tallies {
                tally.for_each_seen(|ord, n| {
                    if let Some(shown) = self.table.number(tally.segment as usize, ord) {
                        add(shown, n);
                    }
                });
            }
        };
        // Many values seen: one counter per shown value; few: a map of them.
        let all: Vec<(u32, u64)> = if entries * 8 >= self.table.len() {
            // Counters of its own: the shared ones may be in use (this is
            // the path of a query that found them busy).
            let mut counters = ShownCounters::sized(self.table.len());
            per_value(&mut |shown, n| counters.add(shown, n));
            ShownCounters::take_top(&mut [&mut counters], limit)
        } else {
            let mut counts: FxHashMap<u32, u64> = FxHashMap::default();
            counts.reserve(entries);
            per_value(&mut |shown, n| *counts.entry(shown).or_default() += u64::from(n));
            counts.into_iter().collect()
        };
        self.named(all, limit)
    }

    /// The `limit` first of (number, count) by count, then number, named.
    fn named(&self, mut all: Vec<(u32, u64)>, limit: usize) -> Vec<FacetCount> {
        // Shown values are numbered in name order: ties go by number.
        let order = |a: &(u32, u64), b: &(u32, u64)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        if limit < all.len() {
            all.select_nth_unstable_by(limit, order);
            all.truncate(limit);
        }
        all.sort_unstable_by(order);
        all.into_iter()
            .map(|(shown, count)| FacetCount {
                value: self.table.name(shown).to_string(),
                count,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_of_several_sets_sums_each_values_counters_and_clears_them() {
        let (mut a, mut b) = (ShownCounters::sized(200), ShownCounters::sized(200));
        // 7 only in a, 130 only in b, 64 and 3 in both: 3 leads on the sum.
        a.add_each(&[7, 7, 64, 3, 3]);
        b.add_each(&[130, 130, 130, 64, 3, 3, 3]);
        let mut top = ShownCounters::take_top(&mut [&mut a, &mut b], 3);
        top.sort_by_key(|&(v, n)| (Reverse(n), v));
        assert_eq!(top, [(3, 5), (130, 3), (7, 2)]);
        assert!(a.counts.iter().chain(&b.counts).all(|&n| n == 0));
        assert!(a.added.iter().chain(&b.added).all(|&w| w == 0));
        // Ties go by number, across sets.
        a.add_each(&[150, 9]);
        b.add_each(&[150, 9, 64]);
        let mut top = ShownCounters::take_top(&mut [&mut a, &mut b], 2);
        top.sort();
        assert_eq!(top, [(9, 2), (150, 2)]);
    }

    #[test]
    fn spare_counters_absorb_empty_places_and_are_never_shown() {
        let mut a = ShownCounters::sized(3);
        let spare = a.spare();
        assert_eq!(spare, 3, "the spares follow the shown values");
        // SAFETY: the spares and a shown value.
        unsafe {
            for at in [spare, spare + SPARE - 1, spare, 1] {
                a.add_or_spare(at);
            }
        }
        // The spares outnumber the one shown value: read back, they would
        // lead the top.
        assert_eq!(ShownCounters::take_top(&mut [&mut a], 10), [(1, 1)]);
        assert!(a.counts.iter().all(|&n| n == 0) && a.added.iter().all(|&w| w == 0));
    }

    #[test]
    fn the_top_is_kept_across_empty_stretches_with_ties_at_the_floor_by_number() {
        let mut a = ShownCounters::sized(5000);
        // Far apart (many empty words between), better counts coming late,
        // and three values tied at the lowest count kept.
        a.add_each(&[4999, 4999, 1500, 1500, 10, 20, 20]);
        a.add_each(&[700, 700, 700, 4000, 4000, 4000]);
        let mut top = ShownCounters::take_top(&mut [&mut a], 3);
        top.sort_by_key(|&(v, n)| (Reverse(n), v));
        assert_eq!(top, [(700, 3), (4000, 3), (20, 2)]);
        assert!(a.counts.iter().all(|&n| n == 0) && a.added.iter().all(|&w| w == 0));
    }
}
