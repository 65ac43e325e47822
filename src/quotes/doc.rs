//! The analysed article: paragraphs, quoted spans, tokens and sentence numbers, shared
//! by the attribution, mention and pronoun passes.

use super::lexicon;
use super::marks::{self, Span};
use super::paragraphs::{self, Paragraph};
use super::tokens::{self, Kind, Token};

/// An article body cut into paragraphs, quoted spans, tokens and sentences.
#[derive(Debug)]
pub(crate) struct Doc<'a> {
    /// The article body.
    pub body: &'a str,
    /// Paragraphs in order.
    pub paras: Vec<Paragraph>,
    /// Quoted spans in order.
    pub spans: Vec<Span>,
    /// All tokens in order.
    pub tokens: Vec<Token>,
    /// Paragraph index of each token.
    pub para_of: Vec<u32>,
    /// Sentence index of each token (counted over the whole body).
    pub sent_of: Vec<u32>,
    /// Index of the span whose text holds each token, if any.
    pub span_of: Vec<Option<u32>>,
}

impl<'a> Doc<'a> {
    /// Cuts `body` into paragraphs and quoted spans (cheap; no tokens yet).
    pub fn scan(body: &'a str) -> Self {
        let paras = paragraphs::split(body);
        let spans = marks::find_spans(body, &paras);
        Doc {
            body,
            paras,
            spans,
            tokens: Vec::new(),
            para_of: Vec::new(),
            sent_of: Vec::new(),
            span_of: Vec::new(),
        }
    }

    /// Tokenises the body and numbers its sentences.
    pub fn analyse(&mut self) {
        self.tokens.reserve(self.body.len() / 5 + 16);
        self.para_of.reserve(self.body.len() / 5 + 16);
        for (i, p) in self.paras.iter().enumerate() {
            let before = self.tokens.len();
            tokens::tokenize(self.body, p.start, p.end, &mut self.tokens);
            let added = self.tokens.len() - before;
            self.para_of.extend(std::iter::repeat_n(i as u32, added));
        }
        self.span_of = self.locate_spans();
        self.sent_of = self.number_sentences();
    }

    /// The text of token `i`.
    pub fn text(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .and_then(|t| self.body.get(t.start..t.end))
            .unwrap_or("")
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// True when token `i` has all the bits of `flag` (see [`tokens::NAME_WORD`]).
    pub fn has(&self, i: usize, flag: u8) -> bool {
        self.tokens.get(i).is_some_and(|t| t.flags & flag == flag)
    }

    /// True when token `i` is the punctuation character `c`.
    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct) && self.text(i) == c
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// True when only whitespace separates tokens `i` and `i + 1`.
    pub fn adjacent(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => self
                .body
                .get(a.end..b.start)
                .is_some_and(|gap| gap.chars().all(char::is_whitespace)),
            _ => false,
        }
    }

    fn locate_spans(&self) -> Vec<Option<u32>> {
        let mut out = vec![None; self.tokens.len()];
        for (k, s) in self.spans.iter().enumerate() {
            let from = self.token_at(s.start);
            let to = self.token_at(s.end);
            for slot in out.iter_mut().take(to).skip(from) {
                *slot = Some(k as u32);
            }
        }
        out
    }

    fn number_sentences(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.tokens.len());
        let mut sid = 0u32;
        let mut pending = false;
        for i in 0..self.tokens.len() {
            let new_para = i > 0 && self.para_of[i] != self.para_of[i - 1];
            if new_para || (pending && self.tokens[i].kind != Kind::Mark) {
                sid += 1;
                pending = false;
            }
            out.push(sid);
            pending |= self.ends_sentence(i);
        }
        out
    }

    /// True when token `i` is a period, question or exclamation mark ending a sentence.
    fn ends_sentence(&self, i: usize) -> bool {
        if self.tokens[i].kind != Kind::Punct {
            return false;
        }
        let t = self.text(i);
        if !matches!(t, "." | "?" | "!" | "…") {
            return false;
        }
        if t == "."
            && i > 0
            && self.is_word(i - 1)
            && self.tokens[i - 1].end == self.tokens[i].start
        {
            let prev = self.text(i - 1);
            if lexicon::is_abbreviation(prev) {
                return false;
            }
        }
        let next = (i + 1..self.tokens.len()).find(|&j| self.tokens[j].kind != Kind::Mark);
        match next {
            None => true,
            Some(j) if self.para_of[j] != self.para_of[i] => true,
            Some(j) => self
                .text(j)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '(' || c == '-'),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_skip_abbreviations() {
        let mut doc = Doc::scan("Mr. Obama spoke. He left.\n\nU.S. talks began.");
        doc.analyse();
        let words: Vec<(&str, u32)> = (0..doc.tokens.len())
            .map(|i| (doc.text(i), doc.sent_of[i]))
            .collect();
        assert_eq!(words[1], (".", 0));
        assert_eq!(words[2], ("Obama", 0));
        assert_eq!(words[5], ("He", 1));
        assert_eq!(words[8], ("U.S", 2));
        assert_eq!(words[10], ("talks", 2));
    }

    #[test]
    fn span_membership() {
        let mut doc = Doc::scan("\"We agree,\" he said.");
        doc.analyse();
        assert_eq!(doc.span_of[1], Some(0));
        assert_eq!(doc.span_of[4], None);
    }
}
