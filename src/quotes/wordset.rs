//! [`WordSet`]: a set of static words over a [`PackedMap`], so that most lookups of
//! words that are not in the set cost a few shifts and masks, and the others a packed
//! integer probe instead of a string hash.

use super::fxhash::FxHashMap;
use super::packed::PackedMap;

/// A set of `&'static str` words.
#[derive(Debug, Default, Clone)]
pub(crate) struct WordSet {
    map: PackedMap<()>,
}

impl WordSet {
    /// Builds a set from words.
    pub fn new(words: impl IntoIterator<Item = &'static str>) -> Self {
        let map: FxHashMap<&'static str, ()> = words.into_iter().map(|w| (w, ())).collect();
        WordSet {
            map: PackedMap::new(map),
        }
    }

    /// True when `word` is in the set.
    pub fn contains(&self, word: &str) -> bool {
        self.map.get(word).is_some()
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
