//! A set of a segment's documents as bits: the matches of a broad query
//! and the documents of a kind, for counting facets by complement
//! ([`super::complement`]).

use tantivy::DocId;

use super::column_batch::BATCH;

/// A set of a segment's documents, a bit each.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocBits {
    words: Vec<u64>,
}

impl DocBits {
    /// An empty set for documents `0..max_doc`.
    pub fn with_max_doc(max_doc: u32) -> DocBits {
        DocBits {
            words: vec![0; (max_doc as usize).div_ceil(64)],
        }
    }

    /// Adds `doc` (below the set's `max_doc`).
    #[inline]
    pub fn insert(&mut self, doc: DocId) {
        self.words[doc as usize / 64] |= 1u64 << (doc % 64);
    }

    /// How many documents the set holds.
    pub fn count(&self) -> u32 {
        self.words.iter().map(|w| w.count_ones()).sum()
    }

    /// Calls `each` with the documents, a batch at a time, in order, of the
    /// set made of each word of `self` combined with the same word of `other`
    /// by `op` (`other` empty: taken as words of zeroes).
    pub fn for_each_batch(
        &self,
        other: &DocBits,
        op: impl Fn(u64, u64) -> u64,
        mut each: impl FnMut(&[DocId]),
    ) {
        let mut docs = Vec::with_capacity(BATCH + 64);
        for (i, &word) in self.words.iter().enumerate() {
            let mut bits = op(word, other.words.get(i).copied().unwrap_or(0));
            while bits != 0 {
                docs.push((i * 64) as DocId + bits.trailing_zeros());
                bits &= bits - 1;
            }
            if docs.len() >= BATCH {
                each(&docs);
                docs.clear();
            }
        }
        if !docs.is_empty() {
            each(&docs);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(max_doc: u32, docs: &[DocId]) -> DocBits {
        let mut b = DocBits::with_max_doc(max_doc);
        docs.iter().for_each(|&d| b.insert(d));
        b
    }

    fn listed(set: &DocBits, other: &DocBits, op: impl Fn(u64, u64) -> u64) -> Vec<DocId> {
        let mut out = Vec::new();
        set.for_each_batch(other, op, |docs| out.extend_from_slice(docs));
        out
    }

    #[test]
    fn bits_count_each_document_once_and_list_them_in_order() {
        let b = bits(200, &[0, 63, 64, 199, 63]);
        assert_eq!(b.count(), 4);
        assert_eq!(
            listed(&b, &DocBits::default(), |w, _| w),
            vec![0, 63, 64, 199]
        );
    }

    #[test]
    fn difference_lists_the_documents_of_one_set_not_in_the_other() {
        let all: Vec<DocId> = (0..3000).collect();
        let kind = bits(3000, &all);
        let matched = bits(3000, &(0..3000).filter(|d| d % 7 != 0).collect::<Vec<_>>());
        let missed = listed(&kind, &matched, |k, m| k & !m);
        assert_eq!(missed, (0..3000).step_by(7).collect::<Vec<_>>());
        assert!(listed(&matched, &kind, |m, k| m & !k).is_empty());
    }
}
