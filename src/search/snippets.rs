//! Snippets: the text around the matched words for articles, the whole quote
//! for quotes, with the byte ranges of the matched words.

use std::collections::{BTreeMap, BTreeSet};

use tantivy::query::Query;
use tantivy::schema::{Field, FieldType};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Score, Searcher, Term};

use crate::error::Result;
use crate::index::{tokenizers, Openings, WordTokenizer};

/// Makes snippets of one field for one query.
pub struct Snippets {
    generator: Option<SnippetGenerator>,
    max_chars: usize,
}

impl Snippets {
    /// Snippets of `field` highlighting the words of `query` (none when there is no query).
    pub fn new(
        searcher: &Searcher,
        query: Option<&dyn Query>,
        field: Field,
        max_chars: usize,
    ) -> Result<Snippets> {
        let generator = match query {
            Some(q) => Some(generator(searcher, q, field, max_chars)?),
            None => None,
        };
        Ok(Snippets {
            generator,
            max_chars,
        })
    }

    /// The snippet of `text` and its highlighted byte ranges. Without a match
    /// in `text`, its opening (cut at a word) with no highlight.
    pub fn make(&self, text: &str) -> (String, Vec<(usize, usize)>) {
        if let Some(g) = &self.generator {
            let snippet = g.snippet(text);
            if !snippet.fragment().is_empty() && !snippet.highlighted().is_empty() {
                let ranges = snippet
                    .highlighted()
                    .iter()
                    .map(|r| (r.start, r.end))
                    .collect();
                // Line breaks become spaces byte for byte, so the ranges still hold.
                return (snippet.fragment().replace(['\n', '\r', '\t'], " "), ranges);
            }
        }
        (opening(text, self.max_chars), Vec::new())
    }
}

/// tantivy's snippet generator for `field` and the terms of `query`, scored
/// as `SnippetGenerator::create` scores them; for a field of morgue's word
/// tokenizers, with one that gives the text of only the words that may be
/// one of the terms (see [`Openings`]): the same snippets, without stemming
/// every word of every article shown.
fn generator(
    searcher: &Searcher,
    query: &dyn Query,
    field: Field,
    max_chars: usize,
) -> Result<SnippetGenerator> {
    let Some(words) = word_tokenizer(searcher, field) else {
        let mut g = SnippetGenerator::create(searcher, query, field)?;
        g.set_max_num_chars(max_chars);
        return Ok(g);
    };
    let mut terms: BTreeSet<&Term> = BTreeSet::new();
    query.query_terms(&mut |term, _| {
        if term.field() == field {
            terms.insert(term);
        }
    });
    let mut scored: BTreeMap<String, Score> = BTreeMap::new();
    for term in terms {
        let value = term.value();
        let Some(text) = value.as_str() else {
            continue;
        };
        let doc_freq = searcher.doc_freq(term)?;
        if doc_freq > 0 {
            scored.insert(text.to_string(), 1.0 / (1.0 + doc_freq as Score));
        }
    }
    let openings = Openings::of(scored.keys().map(String::as_str));
    let tokenizer = TextAnalyzer::from(words.only_opening(openings));
    Ok(SnippetGenerator::new(scored, tokenizer, field, max_chars))
}

/// morgue's word tokenizer that indexes `field`, if it is one.
fn word_tokenizer(searcher: &Searcher, field: Field) -> Option<WordTokenizer> {
    let entry = searcher.schema().get_field_entry(field);
    let indexing = match entry.field_type() {
        FieldType::Str(options) => options.get_indexing_options()?,
        _ => return None,
    };
    match indexing.tokenizer() {
        tokenizers::NEWS => Some(WordTokenizer::stemmed()),
        tokenizers::NAMES => Some(WordTokenizer::plain()),
        _ => None,
    }
}

/// The first `max_chars` characters of `text`, cut at a word boundary, with
/// paragraph breaks folded to spaces.
pub fn opening(text: &str, max_chars: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        return flat;
    }
    let cut: String = flat.chars().take(max_chars).collect();
    let at_word = cut
        .rfind(' ')
        .filter(|&i| i > max_chars / 2)
        .unwrap_or(cut.len());
    format!("{}…", &cut[..at_word])
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::index::temp_index;
    use tantivy::query::QueryParser;
    use tantivy::TantivyDocument;

    #[test]
    fn snippets_are_tantivys_on_every_sample_article() {
        let (_tmp, index) = temp_index();
        let body = index.fields().body;
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-corpus");
        let texts: Vec<String> = (walkdir::WalkDir::new(dir).into_iter().flatten())
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect();
        let mut writer = index.writer(1, 15_000_000).unwrap();
        for text in &texts {
            let mut doc = TantivyDocument::new();
            doc.add_text(body, text);
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        assert!(
            word_tokenizer(&searcher, body).is_some(),
            "the openings' path"
        );
        let parser = QueryParser::for_index(index.index(), vec![body]);
        let mut highlighted = 0;
        for q in [
            "said",
            "talks ukraine",
            "\"prime minister\"",
            "lying OR dying",
            "energy prices",
        ] {
            let query = parser.parse_query(q).unwrap();
            let ours = Snippets::new(&searcher, Some(&*query), body, 160).unwrap();
            let mut theirs = SnippetGenerator::create(&searcher, &*query, body).unwrap();
            theirs.set_max_num_chars(160);
            for text in &texts {
                let (a, b) = (
                    ours.generator.as_ref().unwrap().snippet(text),
                    theirs.snippet(text),
                );
                assert_eq!(a.fragment(), b.fragment(), "{q}");
                assert_eq!(a.highlighted(), b.highlighted(), "{q}");
                highlighted += usize::from(!a.highlighted().is_empty());
            }
        }
        assert!(highlighted > 100, "{highlighted} snippets with a match");
    }

    #[test]
    fn opening_cuts_at_a_word_and_flattens_paragraphs() {
        assert_eq!(opening("one two\n\nthree", 100), "one two three");
        assert_eq!(opening("alpha beta gamma delta", 12), "alpha beta…");
    }
}
