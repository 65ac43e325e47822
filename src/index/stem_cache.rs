//! English stemming with a per-thread memo: news text repeats its words (and
//! a quote repeats the words of its article), so most tokens are stemmed once
//! per thread instead of once per occurrence. The output is exactly that of
//! tantivy's `Stemmer(English)`, which uses the same frostem algorithm.

use std::cell::RefCell;

/// Longest word (bytes) the memo keeps; longer ones are stemmed every time.
const KEY: usize = 27;
/// Flag of `Slot::stem_len`: the stem is the word's first `stem_len` bytes
/// (the word itself included), so a hit cuts the word instead of copying.
const PREFIX: u8 = 0x80;
/// The memo starts this small (a query stems a few words) ...
const MIN_SLOTS: usize = 1 << 10;
/// ... and grows to this many slots (8 MB) when indexing misses it often.
const MAX_SLOTS: usize = 1 << 17;

/// One memoised word and its stem, in one cache line: a lookup touches a
/// single line of memory (a map of boxed strings chased three pointers).
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Slot {
    hash: u64,
    key_len: u8,
    /// The stem's length, with [`PREFIX`] set when it is the key's opening.
    stem_len: u8,
    key: [u8; KEY],
    stem: [u8; KEY],
}

const EMPTY: Slot = Slot {
    hash: 0,
    key_len: 0,
    stem_len: 0,
    key: [0; KEY],
    stem: [0; KEY],
};

/// A direct-mapped memo: a word's slot is fixed by its hash, and a new word
/// evicts whatever held that slot (frequent words win it back at once).
struct Memo {
    stemmer: frostem::Stemmer,
    slots: Vec<Slot>,
    misses: usize,
}

impl Memo {
    fn new() -> Memo {
        Memo {
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
            slots: vec![EMPTY; MIN_SLOTS],
            misses: 0,
        }
    }

    fn stem(&mut self, word: &mut String) {
        let key = word.as_bytes();
        let hash = xxhash_rust::xxh3::xxh3_64(key);
        let at = hash as usize & (self.slots.len() - 1);
        let slot = &self.slots[at];
        if slot.hash == hash
            && usize::from(slot.key_len) == key.len()
            && slot.key[..key.len()] == *key
        {
            let stem_len = usize::from(slot.stem_len & !PREFIX);
            if slot.stem_len & PREFIX != 0 {
                // The stem is the word cut short (most stems): a valid
                // string that is a prefix of another ends on a boundary.
                word.truncate(stem_len);
            } else {
                let stem = &slot.stem[..stem_len];
                let stem = std::str::from_utf8(stem).expect("stems are stored from strings");
                word.clear();
                word.push_str(stem);
            }
            return;
        }
        self.miss(word, hash);
    }

    fn miss(&mut self, word: &mut String, hash: u64) {
        let stem = self.stemmer.stem(word).into_owned();
        self.misses += 1;
        if self.misses > self.slots.len() && self.slots.len() < MAX_SLOTS {
            self.slots = vec![EMPTY; (self.slots.len() * 8).min(MAX_SLOTS)];
            self.misses = 0;
        }
        if stem.len() <= KEY {
            let at = hash as usize & (self.slots.len() - 1);
            let slot = &mut self.slots[at];
            slot.hash = hash;
            slot.key_len = word.len() as u8;
            slot.key[..word.len()].copy_from_slice(word.as_bytes());
            let prefix = word.as_bytes().starts_with(stem.as_bytes());
            slot.stem_len = stem.len() as u8 | if prefix { PREFIX } else { 0 };
            slot.stem[..stem.len()].copy_from_slice(stem.as_bytes());
        }
        if stem != *word {
            *word = stem;
        }
    }
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::new());
}

/// Replaces `word` by its English stem. Words of one or two letters and
/// numbers have no suffix the English stemmer removes: they are kept as is.
pub fn stem_in_place(word: &mut String) {
    let bytes = word.as_bytes();
    if bytes.len() <= 2 || bytes.iter().all(u8::is_ascii_digit) {
        return;
    }
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        match word.len() > KEY {
            true => *word = memo.stemmer.stem(word).into_owned(),
            false => memo.stem(word),
        }
    });
}

#[cfg(test)]
mod tests {
    use crate::index::tokenizers::tokens;
    use crate::index::WordTokenizer;
    use tantivy::tokenizer::{
        AsciiFoldingFilter, Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer,
    };

    /// tantivy's own stemmer, and the memoised one.
    fn analyzers() -> (TextAnalyzer, TextAnalyzer) {
        let plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build();
        (plain, TextAnalyzer::from(WordTokenizer::stemmed()))
    }

    #[test]
    fn same_stems_as_tantivys_stemmer_twice_over() {
        let text = "Talks talked talking; the ministers' negotiations generously continued, \
                    running runs ran. Talks again: negotiations, ministers!";
        let (mut plain, mut cached) = analyzers();
        let expected = tokens(&mut plain, text);
        assert_eq!(tokens(&mut cached, text), expected);
        assert_eq!(
            tokens(&mut cached, text),
            expected,
            "memoised stems are the same"
        );
    }

    #[test]
    fn short_words_numbers_and_long_words_stem_as_tantivy_does() {
        let text = "is as us ys ies 2008 1999s 10 007 1st 2nd \
                    internationalisationsprocesses counterrevolutionaries \
                    Élysée naïveté São Paulo skies dying news";
        let (mut plain, mut cached) = analyzers();
        assert_eq!(tokens(&mut cached, text), tokens(&mut plain, text));
    }

    #[test]
    fn the_memo_stays_exact_as_it_grows_and_evicts() {
        // Enough distinct words to grow the memo and evict slots many times.
        let suffixes = ["", "s", "ed", "ing", "ly", "ness", "ations", "ies"];
        let mut text = String::new();
        for i in 0..60_000u32 {
            let stem: String = format!("{i:x}")
                .chars()
                .map(|c| (b'g' + c as u8 % 16) as char)
                .collect();
            text.push_str(&format!("{stem}{} ", suffixes[i as usize % suffixes.len()]));
        }
        let (mut plain, mut cached) = analyzers();
        let expected = tokens(&mut plain, &text);
        assert_eq!(tokens(&mut cached, &text), expected);
        assert_eq!(tokens(&mut cached, &text), expected, "after eviction");
    }

    #[test]
    fn sample_corpus_words_stem_as_tantivy_does() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-corpus");
        let (mut plain, mut cached) = analyzers();
        let mut seen = 0;
        for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                assert_eq!(tokens(&mut cached, &text), tokens(&mut plain, &text));
                seen += 1;
            }
        }
        assert!(seen >= 50, "sample corpus read: {seen} files");
    }
}
