//! [`WordSet`]: a set of static words with a bitmap pre-check on (length, first byte),
//! so that most lookups of words that are not in the set cost a shift and a mask
//! instead of a hash.

use super::fxhash::FxHashSet;

/// A set of `&'static str` words.
#[derive(Debug, Default, Clone)]
pub(crate) struct WordSet {
    set: FxHashSet<&'static str>,
    mask: [u64; 32],
}

fn slot(word: &str) -> Option<(usize, u64)> {
    let first = *word.as_bytes().first()?;
    Some((word.len().min(31), 1u64 << (first & 63)))
}

impl WordSet {
    /// Builds a set from words.
    pub fn new(words: impl IntoIterator<Item = &'static str>) -> Self {
        let mut out = WordSet::default();
        for w in words {
            if let Some((len, bit)) = slot(w) {
                out.mask[len] |= bit;
                out.set.insert(w);
            }
        }
        out
    }

    /// True when `word` is in the set.
    pub fn contains(&self, word: &str) -> bool {
        match slot(word) {
            Some((len, bit)) => self.mask[len] & bit != 0 && self.set.contains(word),
            None => false,
        }
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
        WordSet::new(iter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn membership() {
        let set: WordSet = ["said", "told", "x"].into_iter().collect();
        assert!(set.contains("said"));
        assert!(set.contains("x"));
        assert!(!set.contains("sad"));
        assert!(!set.contains(""));
    }
}
