//! The parser of a query's text: tantivy's [`QueryParser`] set up for a
//! kind's bare words, and a shortcut for the commonest queries, plain words
//! (`quarantine`, `oil prices`), which builds the very query tantivy's
//! parser would without running its grammar: parsing took a quarter of a
//! one-word query's instructions (callgrind: 16.4k of 62.0k for
//! `quarantine` over Reuters 2006-2013). Other text goes to the grammar,
//! apostrophes inside words escaped and its errors described for people.

use std::sync::Mutex;

use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, Score, Term};

use crate::error::{Error, Result};
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

    /// The query of `text`: [`Self::plain`] when it applies, else tantivy's
    /// grammar (apostrophes inside words escaped, its errors described).
    pub fn parse(&self, text: &str) -> Result<Box<dyn Query>> {
        match self.plain(text) {
            Some(query) => Ok(query),
            None => parse_text(&self.parser, text),
        }
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

/// tantivy's grammar, for any text.
fn parse_text(parser: &QueryParser, text: &str) -> Result<Box<dyn Query>> {
    parser
        .parse_query(&escape_apostrophes(text))
        .map_err(|e| Error::QuerySyntax(describe(&e, text)))
}

/// Escapes an apostrophe after a letter or digit (Ukraine's, O'Brien,
/// don't, the Joneses'), which tantivy's strict parser rejects. A `'` that
/// opens a term and is closed later keeps its meaning in tantivy's grammar
/// (a single-quoted phrase), and so does its closing `'`.
fn escape_apostrophes(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\'') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 4);
    let (mut prev, mut in_phrase) = (None::<char>, false);
    for (i, c) in text.char_indices() {
        if c == '\'' && prev != Some('\\') {
            let opens_term = prev.is_none_or(|p| p.is_whitespace() || "(:+-".contains(p));
            if in_phrase {
                in_phrase = false;
            } else if opens_term && text[i + 1..].contains('\'') {
                in_phrase = true;
            } else if prev.is_some_and(char::is_alphanumeric) {
                out.push('\\');
            }
        }
        prev = Some(c);
        out.push(c);
    }
    out.into()
}

/// A message for a query tantivy's parser rejected, pointing at the field
/// concerned when there is one.
fn describe(err: &tantivy::query::QueryParserError, text: &str) -> String {
    use tantivy::query::QueryParserError as E;
    match err {
        E::FieldDoesNotExist(name) => {
            let message = format!(
                "unknown field '{name}' (fields: title, body, text, speaker, dateline, source, \
                 section, author, date, kind)"
            );
            match text.find(&format!("{name}:")) {
                Some(at) => format!("{message}\n{}", caret(text, at)),
                None => message,
            }
        }
        E::SyntaxError(msg) => format!("syntax error: {msg}\n  {}", text.trim()),
        other => other.to_string(),
    }
}

/// The query and a `^` under byte `at`, on two indented lines.
fn caret(text: &str, at: usize) -> String {
    let column = text[..at].chars().count();
    format!("  {text}\n  {}^", " ".repeat(column))
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
                let slow = parser.parser.parse_query(text).unwrap();
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

    #[test]
    fn apostrophes_inside_words_are_escaped_once() {
        assert_eq!(escape_apostrophes("ukraine's"), "ukraine\\'s");
        assert_eq!(escape_apostrophes("o\\'brien"), "o\\'brien");
        assert_eq!(escape_apostrophes("'peace deal'"), "'peace deal'");
        assert_eq!(escape_apostrophes("joneses' house"), "joneses\\' house");
        assert_eq!(escape_apostrophes("plain"), "plain");
    }
}
