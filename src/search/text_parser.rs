//! The parser of a query's text: tantivy's [`QueryParser`] set up for a
//! kind's bare words, and a shortcut for the commonest queries, plain words
//! (`quarantine`, `oil prices`), which builds the very query tantivy's
//! parser would without running its grammar: parsing took a quarter of a
//! one-word query's instructions (callgrind: 16.4k of 62.0k for
//! `quarantine` over Reuters 2006-2013).

use std::sync::Mutex;

use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, Score, Term};

use crate::index::Fields;
use crate::query::Kind;

/// Words the query grammar reads as operators, not as words.
const OPERATORS: [&str; 5] = ["AND", "OR", "NOT", "IN", "TO"];

/// The boost of a title match over a body match.
const TITLE_BOOST: Score = 2.0;

/// A kind's text parser, built once per engine.
pub struct TextParser {
    parser: QueryParser,
    /// The fields a bare word searches, each with its boost.
    fields: Vec<(Field, Score)>,
    /// Their analyzer (every default field has the same one), for plain
    /// words; `None` when words are fuzzy (tantivy's parser builds those).
    analyzer: Option<Mutex<TextAnalyzer>>,
}

impl TextParser {
    /// The parser of `kind`'s bare words: conjunction by default, title
    /// matches boosted, every word fuzzy when `fuzzy`.
    pub fn new(index: &Index, fields: &Fields, kind: Kind, fuzzy: bool) -> tantivy::Result<Self> {
        let defaults = super::query_builder::default_fields(fields, kind);
        let mut parser = QueryParser::for_index(index, defaults.clone());
        parser.set_conjunction_by_default();
        let boost = |f: Field| match kind {
            Kind::Article if f == fields.title => TITLE_BOOST,
            _ => 1.0,
        };
        for &field in &defaults {
            if boost(field) != 1.0 {
                parser.set_field_boost(field, boost(field));
            }
            if fuzzy {
                parser.set_field_fuzzy(field, false, 1, true);
            }
        }
        let analyzer = match fuzzy {
            true => None,
            false => Some(Mutex::new(index.tokenizer_for_field(defaults[0])?)),
        };
        Ok(TextParser {
            parser,
            fields: defaults.into_iter().map(|f| (f, boost(f))).collect(),
            analyzer,
        })
    }

    /// tantivy's parser, for any text.
    pub fn tantivy(&self) -> &QueryParser {
        &self.parser
    }

    /// The query of `text` when it is plain words (ASCII letters and
    /// digits, none an operator of the grammar, each one token), as
    /// tantivy's parser builds it: each word a should-clause per field
    /// (boosted where the field is), the words must-clauses; `None` for
    /// any other text.
    pub fn plain(&self, text: &str) -> Option<Box<dyn Query>> {
        let analyzer = self.analyzer.as_ref()?;
        let words: Vec<&str> = text.split_ascii_whitespace().collect();
        let plain =
            |w: &&str| w.bytes().all(|b| b.is_ascii_alphanumeric()) && !OPERATORS.contains(w);
        if words.is_empty() || !words.iter().all(plain) {
            return None;
        }
        let mut analyzer = analyzer.lock().ok()?;
        let mut clauses = Vec::with_capacity(words.len());
        for word in words {
            clauses.push((
                Occur::Must,
                self.word_query(&one_token(&mut analyzer, word)?),
            ));
        }
        Some(match clauses.len() {
            1 => clauses.pop()?.1,
            _ => Box::new(BooleanQuery::new(clauses)),
        })
    }

    /// One analysed word in every default field.
    fn word_query(&self, token: &str) -> Box<dyn Query> {
        let mut per_field: Vec<(Occur, Box<dyn Query>)> = (self.fields.iter())
            .map(|&(field, boost)| {
                let term = Term::from_field_text(field, token);
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                let query = match boost == 1.0 {
                    true => query,
                    false => Box::new(BoostQuery::new(query, boost)),
                };
                (Occur::Should, query)
            })
            .collect();
        match per_field.len() {
            1 => per_field.remove(0).1,
            _ => Box::new(BooleanQuery::new(per_field)),
        }
    }
}

/// The one token `analyzer` makes of `word`, or `None` (none, or several).
fn one_token(analyzer: &mut TextAnalyzer, word: &str) -> Option<String> {
    let mut stream = analyzer.token_stream(word);
    let token = stream.next()?.text.clone();
    stream.next().is_none().then_some(token)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::temp_index as index;

    /// The shortcut builds what tantivy's parser builds, for each kind.
    #[test]
    fn plain_words_make_the_query_tantivys_parser_makes() {
        let (_dir, ix) = index();
        for kind in [Kind::Article, Kind::Quote] {
            let parser = TextParser::new(ix.index(), ix.fields(), kind, false).unwrap();
            for text in [
                "quarantine",
                "oil prices",
                " Lehman  Brothers 2008 ",
                "said or and",
                "Running Dogs",
            ] {
                let quick = parser.plain(text).expect(text);
                let slow = parser.tantivy().parse_query(text).unwrap();
                assert_eq!(format!("{quick:?}"), format!("{slow:?}"), "{text}");
            }
        }
    }

    /// Anything else goes to tantivy's grammar.
    #[test]
    fn other_text_is_left_to_the_grammar() {
        let (_dir, ix) = index();
        let parser = TextParser::new(ix.index(), ix.fields(), Kind::Article, false).unwrap();
        let long = "a".repeat(45);
        for text in [
            "",
            "  ",
            "oil AND gas",
            "oil OR gas",
            "NOT gas",
            "\"oil prices\"",
            "-gas oil",
            "title:oil",
            "U.S.",
            "café",
            "o'brien",
            long.as_str(),
        ] {
            assert!(parser.plain(text).is_none(), "{text}");
        }
        let fuzzy = TextParser::new(ix.index(), ix.fields(), Kind::Article, true).unwrap();
        assert!(fuzzy.plain("quarantine").is_none());
    }
}
