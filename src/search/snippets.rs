//! Snippets: the text around the matched words for articles, the whole quote
//! for quotes, with the byte ranges of the matched words.

use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::Searcher;

use crate::error::Result;

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
            Some(q) => {
                let mut g = SnippetGenerator::create(searcher, q, field)?;
                g.set_max_num_chars(max_chars);
                Some(g)
            }
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

    #[test]
    fn opening_cuts_at_a_word_and_flattens_paragraphs() {
        assert_eq!(opening("one two\n\nthree", 100), "one two three");
        assert_eq!(opening("alpha beta gamma delta", 12), "alpha beta…");
    }
}
