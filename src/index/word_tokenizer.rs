//! morgue's word tokenizer: tantivy's chain `SimpleTokenizer`,
//! `RemoveLongFilter(40)`, `LowerCaser`, `AsciiFoldingFilter` and, for the
//! `news` tokenizer, English stemming, done in one pass over the text.
//!
//! The chain decodes every character to find word boundaries and then walks
//! each token three more times (length, lowercase, ASCII check), each layer
//! behind its own call. News text is nearly all ASCII: here an ASCII word is
//! found byte by byte and lowercased in place, and only a word holding other
//! characters goes through tantivy's own lowercasing and folding filters, so
//! the terms and positions are exactly the chain's (a test compares them).
//! Profiled on Reuters 2006-2013, the chain's filters took 4 % of the
//! indexer's time.

use std::sync::Arc;

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

use super::stem_cache::stem_in_place;

/// Words this long (bytes, before lowercasing) or longer are dropped, as
/// `RemoveLongFilter::limit(40)` drops them; they still take a position.
pub const MAX_WORD_BYTES: usize = 40;

/// The text of a word that [`Openings`] rules out: no term holds a space.
/// (Not an empty text, measured slower: tantivy's snippets compare each
/// word's text with the terms, and that `memcmp` took 48 % of a page of ten
/// snippets with empty texts, 41 % with this one.)
pub const NOT_A_TERM: &str = " ";

/// Splits text into words of letters and digits, lowercased, ASCII-folded
/// and, when `stem` is set, reduced to their English stem.
#[derive(Clone)]
pub struct WordTokenizer {
    stem: bool,
    /// When set, only the words opening as one of these get their text.
    only: Option<Openings>,
    token: Token,
    /// tantivy's lowercasing and folding, for words that are not ASCII.
    fold: TextAnalyzer,
}

/// The opening bytes of the terms a snippet looks for: their first two, or
/// the first of a one-byte term. English stemming changes the end of a
/// word, never its first letter, and its second only from `y` to `i`
/// ("lying" -> "lie", taken as one letter here) or by cutting the word to
/// one letter ("oing" -> "o"). A word opening otherwise cannot become one
/// of the terms (checked on every word of the sample corpus by a test, and
/// of Reuters 2006-2013 and the BBC corpus by hand), and a snippet need not
/// lowercase, stem or look it up: snippets of ten long articles spent most
/// of their time doing that for every word.
#[derive(Clone)]
pub struct Openings {
    /// One bit per pair of bytes.
    bits: Arc<Vec<u64>>,
}

impl Openings {
    /// The openings of `terms` (lowercased and folded, as indexed).
    pub fn of<'a>(terms: impl IntoIterator<Item = &'a str>) -> Openings {
        let mut bits = vec![0u64; (1 << 16) / 64];
        for term in terms.into_iter().map(str::as_bytes) {
            let Some(key) = Openings::key(term) else {
                continue;
            };
            // A one-byte term: any word of that first byte may stem to it.
            let seconds = if term.len() == 1 { 0..256 } else { 0..1 };
            for key in seconds.map(|second| key | second) {
                bits[key / 64] |= 1 << (key % 64);
            }
        }
        Openings {
            bits: Arc::new(bits),
        }
    }

    /// Whether `word` (lowercase or not) opens as one of the terms.
    #[inline]
    pub fn may_open(&self, word: &[u8]) -> bool {
        Openings::key(word).is_some_and(|key| self.bits[key / 64] >> (key % 64) & 1 == 1)
    }

    #[inline]
    fn key(word: &[u8]) -> Option<usize> {
        let first = word.first()?.to_ascii_lowercase();
        let second = match word.get(1).map_or(0, u8::to_ascii_lowercase) {
            b'y' => b'i',
            other => other,
        };
        Some(usize::from(first) << 8 | usize::from(second))
    }
}

impl WordTokenizer {
    /// Words, lowercased and folded ("names").
    pub fn plain() -> Self {
        WordTokenizer {
            stem: false,
            only: None,
            token: Token::default(),
            fold: TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build(),
        }
    }

    /// Words, lowercased, folded and stemmed ("news").
    pub fn stemmed() -> Self {
        WordTokenizer {
            stem: true,
            ..WordTokenizer::plain()
        }
    }

    /// The same, giving the text of only the words that open as one of
    /// `openings`; the others keep their offsets and positions, with the
    /// text [`NOT_A_TERM`]. For snippets.
    pub fn only_opening(self, openings: Openings) -> Self {
        WordTokenizer {
            only: Some(openings),
            ..self
        }
    }
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.token.reset();
        WordTokenStream {
            text,
            at: 0,
            stem: self.stem,
            only: self.only.as_ref(),
            token: &mut self.token,
            fold: &mut self.fold,
        }
    }
}

/// The token stream of [`WordTokenizer`].
pub struct WordTokenStream<'a> {
    text: &'a str,
    /// Byte offset where the search for the next word starts.
    at: usize,
    stem: bool,
    only: Option<&'a Openings>,
    token: &'a mut Token,
    fold: &'a mut TextAnalyzer,
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            self.token.text.clear();
            self.token.position = self.token.position.wrapping_add(1);
            let Some(word) = next_word(self.text, self.at) else {
                self.at = self.text.len();
                return false;
            };
            self.at = word.end;
            if word.end - word.start >= MAX_WORD_BYTES {
                continue;
            }
            self.token.offset_from = word.start;
            self.token.offset_to = word.end;
            let raw = &self.text[word.start..word.end];
            if word.ascii {
                if self.only.is_some_and(|o| !o.may_open(raw.as_bytes())) {
                    self.token.text.push_str(NOT_A_TERM);
                    return true;
                }
                self.token.text.push_str(raw);
                self.token.text.make_ascii_lowercase();
            } else {
                let mut folded = self.fold.token_stream(raw);
                if let Some(t) = folded.next() {
                    self.token.text.push_str(&t.text);
                }
                if self
                    .only
                    .is_some_and(|o| !o.may_open(self.token.text.as_bytes()))
                {
                    self.token.text.clear();
                    self.token.text.push_str(NOT_A_TERM);
                    return true;
                }
            }
            if self.stem {
                stem_in_place(&mut self.token.text);
            }
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// A run of letters and digits: `text[start..end]`.
struct Word {
    start: usize,
    end: usize,
    /// Every character is ASCII.
    ascii: bool,
}

/// Whether the character at byte `i` (a char boundary) is a letter or digit
/// (`char::is_alphanumeric`, as `SimpleTokenizer` cuts words), and its
/// length in bytes.
#[inline]
fn char_class(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b.is_ascii_alphanumeric(), 1);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c.is_alphanumeric(), c.len_utf8())
}

/// The first word at or after byte `from` (a char boundary): a maximal run
/// of letters and digits. ASCII bytes, nearly all of news text, are classed
/// in loops of their own; a character of more bytes is decoded.
fn next_word(text: &str, from: usize) -> Option<Word> {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
        {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let (alnum, len) = char_class(text, i);
        if alnum {
            break;
        }
        i += len;
    }
    let start = i;
    let mut ascii = true;
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        }
        if i >= bytes.len() || bytes[i].is_ascii() {
            break;
        }
        let (alnum, len) = char_class(text, i);
        if !alnum {
            break;
        }
        ascii = false;
        i += len;
    }
    Some(Word {
        start,
        end: i,
        ascii,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{RemoveLongFilter, SimpleTokenizer, Stemmer};

    /// tantivy's own chain, as the tokenizers were built before.
    fn chain(stem: bool) -> TextAnalyzer {
        let b = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter);
        match stem {
            true => b
                .filter(Stemmer::new(tantivy::tokenizer::Language::English))
                .build(),
            false => b.build(),
        }
    }

    /// Every token with its position and offsets.
    fn all(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    fn same_as_chain(text: &str) {
        for stem in [false, true] {
            let mut ours = TextAnalyzer::from(match stem {
                true => WordTokenizer::stemmed(),
                false => WordTokenizer::plain(),
            });
            assert_eq!(
                all(&mut ours, text),
                all(&mut chain(stem), text),
                "stem={stem}: {text:?}"
            );
        }
    }

    #[test]
    fn ascii_words_numbers_and_punctuation_as_the_chain_cuts_them() {
        same_as_chain(
            "Talks resumed in KYIV (Reuters) - U.S. officials said 2,500 troops' pay rose 3.5%.",
        );
        same_as_chain("");
        same_as_chain("  ,;  ");
        same_as_chain("don't O'Brien Holtz-Eakin e-mail x1 1x _under_score_");
    }

    #[test]
    fn non_ascii_words_are_lowercased_and_folded_by_tantivys_filters() {
        same_as_chain("Élysée naïveté São Paulo ZÜRICH Łódź İstanbul ΣΟΦΙΑ Straße");
        same_as_chain("“Curly” ‘quotes’ — dashes… 東京 and ١٢٣ digits; x\u{301}y");
        // A word changing between ASCII and other letters, at either end or
        // inside, and non-ASCII separators between ASCII words.
        same_as_chain("abcé éabc caféteria ﬁne a—b x\u{a0}y 3½ end—");
    }

    #[test]
    fn long_words_are_dropped_but_keep_their_position() {
        let long = "a".repeat(MAX_WORD_BYTES);
        let just_under = "b".repeat(MAX_WORD_BYTES - 1);
        let accented = "é".repeat(MAX_WORD_BYTES / 2);
        same_as_chain(&format!(
            "one {long} two {just_under} three {accented} four"
        ));
        let mut ours = TextAnalyzer::from(WordTokenizer::plain());
        let got = all(&mut ours, &format!("one {long} two"));
        assert_eq!((got[1].0.as_str(), got[1].1), ("two", 2));
    }

    #[test]
    fn only_words_opening_as_a_term_get_their_text() {
        let openings = Openings::of(["talk", "us", "elyse", "x", "lie"]);
        let mut ours = TextAnalyzer::from(WordTokenizer::stemmed().only_opening(openings));
        let text = "TALKS with US officials at the Élysée: x and xi, tax; lying Lyon";
        let got = all(&mut ours, text);
        let full = all(&mut TextAnalyzer::from(WordTokenizer::stemmed()), text);
        // Same tokens, positions and offsets; text only where the opening fits.
        assert_eq!(got.len(), full.len());
        for (g, f) in got.iter().zip(&full) {
            assert_eq!((g.1, g.2, g.3), (f.1, f.2, f.3));
            let kept =
                ["talk", "us", "elyse", "x", "xi", "tax", "lie", "lyon"].contains(&f.0.as_str());
            let want = if kept { f.0.as_str() } else { NOT_A_TERM };
            assert_eq!(g.0, want, "{f:?}");
        }
    }

    #[test]
    fn stemming_keeps_the_opening_of_every_sample_corpus_word() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-corpus");
        let (mut plain, mut stemmed) = (chain(false), chain(true));
        let mut words = 0;
        for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            for (w, s) in all(&mut plain, &text).iter().zip(all(&mut stemmed, &text)) {
                let may = Openings::of([s.0.as_str()]).may_open(w.0.as_bytes());
                assert!(may, "{} -> {}", w.0, s.0);
                words += 1;
            }
        }
        let odd = "skies dying lying tying idly gently ugly early only singly news yelling \
                   yes you ies sses generously communities arsenal oing aed aeds";
        for (w, s) in all(&mut plain, odd).iter().zip(all(&mut stemmed, odd)) {
            let may = Openings::of([s.0.as_str()]).may_open(w.0.as_bytes());
            assert!(may, "{} -> {}", w.0, s.0);
        }
        assert!(words > 10_000, "{words} words");
    }

    #[test]
    fn sample_corpus_tokens_are_the_chains() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-corpus");
        let mut seen = 0;
        for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                same_as_chain(&text);
                seen += 1;
            }
        }
        assert!(seen >= 50, "sample corpus read: {seen} files");
    }
}
