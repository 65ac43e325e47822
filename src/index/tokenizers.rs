//! The tokenizers named in `index-schema/schema.toml`, registered on every
//! open of an index (tantivy does not persist custom tokenizers).

use tantivy::tokenizer::TextAnalyzer;
use tantivy::Index;

use super::word_tokenizer::WordTokenizer;

/// Name of the English news tokenizer (stemmed).
pub const NEWS: &str = "news";
/// Name of the tokenizer for names and places (not stemmed).
pub const NAMES: &str = "names";

/// Words, lowercased, ASCII-folded ("Élysée" = "elysee") and stemmed ("talks" = "talk").
pub fn news_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(WordTokenizer::stemmed())
}

/// Words, lowercased and ASCII-folded, not stemmed: for speakers, places, sources.
pub fn names_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(WordTokenizer::plain())
}

/// The terms an analyzer makes of `text`, in order.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

/// Registers morgue's tokenizers on an index.
pub fn register(index: &Index) {
    index.tokenizers().register(NEWS, news_analyzer());
    index.tokenizers().register(NAMES, names_analyzer());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_stems_lowercases_and_folds() {
        let mut a = news_analyzer();
        assert_eq!(tokens(&mut a, "Talks"), tokens(&mut a, "talk"));
        assert_eq!(tokens(&mut a, "Élysée"), tokens(&mut a, "elysee"));
    }

    #[test]
    fn news_keeps_zelensky_spellings_apart() {
        let mut a = news_analyzer();
        assert_ne!(tokens(&mut a, "Zelensky"), tokens(&mut a, "Zelenskyy"));
    }

    #[test]
    fn names_are_not_stemmed() {
        let mut a = names_analyzer();
        assert_eq!(tokens(&mut a, "Marco Rubio"), vec!["marco", "rubio"]);
        assert_eq!(tokens(&mut a, "Kyiv Talks"), vec!["kyiv", "talks"]);
        assert_eq!(tokens(&mut a, "São Paulo"), vec!["sao", "paulo"]);
    }
}
