//! Builds the tantivy query of a [`SearchRequest`]: the text part through
//! tantivy's QueryParser, filters as term, phrase and range queries.

use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::{DateTime, Term};

use super::date_filtered::DateFilteredQuery;
use super::text_parser::TextParser;
use super::{DateRangeQuery, SearchRequest};
use crate::error::{Error, Result};
use crate::index::{day_to_datetime, tokenizers, Fields};
use crate::query::Kind;

/// The fields a bare word searches, for each kind.
pub fn default_fields(fields: &Fields, kind: Kind) -> Vec<Field> {
    match kind {
        Kind::Article => vec![fields.title, fields.body],
        Kind::Quote => vec![fields.text],
    }
}

/// The text part alone (used for snippets), or `None` when there is no text;
/// `parser` is the [`TextParser`] of the request's kind and fuzziness.
pub fn text_query(
    parser: &TextParser,
    fields: &Fields,
    req: &SearchRequest,
) -> Result<Option<Box<dyn Query>>> {
    let (rest, fuzzy) = split_fuzzy_words(&req.text);
    if rest.trim().is_empty() && fuzzy.is_empty() {
        return Ok(None);
    }
    let defaults = default_fields(fields, req.kind);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (word, distance) in &fuzzy {
        clauses.push((Occur::Must, fuzzy_query(&defaults, word, *distance)));
    }
    if !rest.trim().is_empty() {
        clauses.push((Occur::Must, parser.parse(&rest)?));
    }
    Ok(Some(match clauses.len() {
        1 => clauses.remove(0).1,
        _ => Box::new(BooleanQuery::new(clauses)),
    }))
}

/// Pulls `word~N` (a fuzzy word, N edits, at most 2) out of a query string:
/// tantivy's grammar reads `~N` only after a phrase (slop).
pub fn split_fuzzy_words(text: &str) -> (String, Vec<(String, u8)>) {
    let mut rest = text.to_string();
    let mut fuzzy = Vec::new();
    if !text.contains('~') {
        return (rest, fuzzy);
    }
    // Malformed text is left whole: tantivy's parser reports it.
    for range in crate::query::top_level_terms(text).unwrap_or_default() {
        let Some((word, edits)) = text[range.clone()].rsplit_once('~') else {
            continue;
        };
        let plain = !word.is_empty()
            && word
                .chars()
                .all(|c| c.is_alphanumeric() || c == '\'' || c == '-');
        if let (true, Ok(d @ 0..=2)) = (plain, edits.parse::<u8>()) {
            fuzzy.push((word.to_string(), d));
            rest.replace_range(range.clone(), &" ".repeat(range.len()));
        }
    }
    (rest, fuzzy)
}

/// Matches `word` within `distance` edits in any of `fields` (analysed as
/// those fields are: lowercased, folded, stemmed).
fn fuzzy_query(fields: &[Field], word: &str, distance: u8) -> Box<dyn Query> {
    let token = tokenizers::tokens(&mut tokenizers::news_analyzer(), word)
        .into_iter()
        .next()
        .unwrap_or_else(|| word.to_lowercase());
    let clauses = fields
        .iter()
        .map(|&f| {
            let q: Box<dyn Query> = Box::new(FuzzyTermQuery::new(
                Term::from_field_text(f, &token),
                distance,
                true,
            ));
            (Occur::Should, q)
        })
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

/// What a `--speaker` value matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerMatch {
    /// Spellings matched as words of the speaker field: the value itself and
    /// its aliases.
    pub spellings: Vec<String>,
    /// Speaker names matched exactly (their facet value): the names the
    /// archive shows under one of the spellings ("Rubio" for "Marco Rubio").
    pub exact: Vec<String>,
}

/// The whole query: `text` (from [`text_query`]), kind and every filter.
/// `speaker` tells what a `--speaker` value matches.
pub fn build_query(
    fields: &Fields,
    req: &SearchRequest,
    text: Option<Box<dyn Query>>,
    speaker: &dyn Fn(&str) -> SpeakerMatch,
) -> Result<Box<dyn Query>> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if needs_kind_filter(text.as_deref(), &req.text, fields, req.kind) {
        let kind = Term::from_field_text(fields.kind, req.kind.name());
        let kind_query = TermQuery::new(kind, IndexRecordOption::Basic);
        clauses.push((Occur::Must, Box::new(kind_query)));
    }
    if let Some(text) = text {
        clauses.push((Occur::Must, text));
    }
    let f = &req.filters;
    for value in &f.speakers {
        clauses.push((Occur::Must, speaker_query(fields, &speaker(value))?));
    }
    let named = [
        (fields.dateline, &f.datelines),
        (fields.source, &f.sources),
        (fields.section, &f.sections),
        (fields.author, &f.authors),
    ];
    for (field, values) in named {
        for value in values {
            clauses.push((Occur::Must, name_query(field, value)?));
        }
    }
    let rest: Option<Box<dyn Query>> = match clauses.len() {
        0 => None,
        1 => Some(clauses.remove(0).1),
        _ => Some(Box::new(BooleanQuery::new(clauses))),
    };
    let range =
        date_bounds(req).map(|(lower, upper)| DateRangeQuery::new(fields.date, lower, upper));
    Ok(match (rest, range) {
        (None, None) => Box::new(AllQuery),
        (Some(rest), None) => rest,
        (None, Some(range)) => Box::new(range),
        (Some(rest), Some(range)) => Box::new(DateFilteredQuery::new(rest, range)),
    })
}

/// Whether the kind must be filtered explicitly. Titles and bodies exist only
/// on articles and quoted words only on quotes, so a positive text query on
/// those fields selects its kind by itself, and the dense `kind` posting list
/// need not be intersected (which would cost a multiple of a rare term's time).
fn needs_kind_filter(text: Option<&dyn Query>, raw: &str, fields: &Fields, kind: Kind) -> bool {
    let Some(query) = text else {
        return true;
    };
    let negates = raw
        .split_whitespace()
        .any(|w| w.starts_with('-') || w == "NOT");
    if negates {
        return true;
    }
    let own = default_fields(fields, kind);
    let (mut any, mut all_own) = (false, true);
    query.query_terms(&mut |term, _| {
        any = true;
        all_own &= own.contains(&term.field());
    });
    !(any && all_own)
}

/// Matches a speaker by any of its spellings or exact names.
fn speaker_query(fields: &Fields, speaker: &SpeakerMatch) -> Result<Box<dyn Query>> {
    let words = any_of(fields.speaker, &speaker.spellings)?;
    if speaker.exact.is_empty() {
        return Ok(words);
    }
    let mut clauses = vec![(Occur::Should, words)];
    for name in &speaker.exact {
        let term = Term::from_facet(fields.speaker_facet, &Facet::from_path([name]));
        let exact: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
        clauses.push((Occur::Should, exact));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// Matches any of `values` (as words) in a name field.
pub fn any_of(field: Field, values: &[String]) -> Result<Box<dyn Query>> {
    match values {
        [one] => name_query(field, one),
        _ => {
            let mut clauses = Vec::with_capacity(values.len());
            for v in values {
                clauses.push((Occur::Should, name_query(field, v)?));
            }
            Ok(Box::new(BooleanQuery::new(clauses)))
        }
    }
}

/// Matches `value` as words in a name field: one word is a term, several a phrase.
pub fn name_query(field: Field, value: &str) -> Result<Box<dyn Query>> {
    let mut analyzer = tokenizers::names_analyzer();
    let mut stream = analyzer.token_stream(value);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push((token.position, Term::from_field_text(field, &token.text)));
    }
    match terms.len() {
        0 => Err(Error::Usage(format!(
            "'{value}' holds no word to search for"
        ))),
        1 => Ok(Box::new(TermQuery::new(
            terms.remove(0).1,
            IndexRecordOption::Basic,
        ))),
        _ => Ok(Box::new(PhraseQuery::new_with_offset(terms))),
    }
}

/// The bounds of the request's date range on the `date` field (the end
/// day inclusive), or `None` without a range.
pub fn date_bounds(req: &SearchRequest) -> Option<(Bound<DateTime>, Bound<DateTime>)> {
    let range = req.filters.dates;
    if range.from.is_none() && range.to.is_none() {
        return None;
    }
    let lower = match range.from {
        Some(day) => Bound::Included(day_to_datetime(day)),
        None => Bound::Unbounded,
    };
    let upper = match range.to.and_then(|d| d.succ_opt()) {
        Some(next) => Bound::Excluded(day_to_datetime(next)),
        None => Bound::Unbounded,
    };
    Some((lower, upper))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_words_are_pulled_out_but_phrase_slop_stays() {
        let (rest, fuzzy) = split_fuzzy_words("zelenskiy~1 \"a b\"~2 peace");
        assert_eq!(fuzzy, vec![("zelenskiy".to_string(), 1)]);
        assert_eq!(rest.trim(), "\"a b\"~2 peace");
        let (_, none) = split_fuzzy_words("\"a b~1\" x~9");
        assert!(none.is_empty());
    }
}
