//! English stemming with a per-thread memo: news text repeats its words (and
//! a quote repeats the words of its article), so most tokens are stemmed once
//! per thread instead of once per occurrence. The output is exactly that of
//! tantivy's `Stemmer(English)`, which uses the same frostem algorithm.

use std::cell::RefCell;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Words memoised per thread before the memo is cleared (bounds its memory
/// to a few megabytes).
const CAPACITY: usize = 200_000;

struct Memo {
    stemmer: frostem::Stemmer,
    stems: FxHashMap<Box<str>, Box<str>>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo {
        stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        stems: FxHashMap::default(),
    });
}

/// Replaces `word` by its English stem.
pub fn stem_in_place(word: &mut String) {
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if let Some(stem) = memo.stems.get(word.as_str()) {
            if **stem != **word {
                word.clear();
                word.push_str(stem);
            }
            return;
        }
        let stem: Box<str> = memo.stemmer.stem(word).into();
        if memo.stems.len() >= CAPACITY {
            memo.stems.clear();
        }
        memo.stems.insert(word.as_str().into(), stem.clone());
        word.clear();
        word.push_str(&stem);
    });
}

/// A token filter stemming English words, memoised per thread.
#[derive(Clone, Copy, Debug, Default)]
pub struct CachedEnglishStemmer;

impl TokenFilter for CachedEnglishStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter { inner: tokenizer }
    }
}

/// The tokenizer built by [`CachedEnglishStemmer`].
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of [`CachedStemmerFilter`].
pub struct CachedStemmerStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        stem_in_place(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::tokenizers::tokens;
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    #[test]
    fn same_stems_as_tantivys_stemmer_twice_over() {
        let text = "Talks talked talking; the ministers' negotiations generously continued, \
                    running runs ran. Talks again: negotiations, ministers!";
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let mut cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedEnglishStemmer)
            .build();
        let expected = tokens(&mut plain, text);
        assert_eq!(tokens(&mut cached, text), expected);
        assert_eq!(
            tokens(&mut cached, text),
            expected,
            "memoised stems are the same"
        );
    }
}
