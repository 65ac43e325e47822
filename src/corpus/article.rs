//! One article as the indexer sees it: the parsed clipping and its quotes.

use std::path::Path;

use crate::clipping::{self, Clipping, ParseError};
use crate::quotes::{self, Quote};

/// A parsed clipping with the direct quotes found in its body.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Header fields, dateline and body.
    pub clipping: Clipping,
    /// Direct quotes with their speakers.
    pub quotes: Vec<Quote>,
}

impl Article {
    /// Parses a clipping and extracts its quotes.
    pub fn from_clipping(clipping: Clipping) -> Article {
        let quotes = quotes::extract(&clipping.body);
        Article { clipping, quotes }
    }

    /// Parses every article of a file's bytes (most files hold one), with
    /// their quotes when `quotes` is set.
    pub fn parse_file(path: &Path, bytes: &[u8], quotes: bool) -> Result<Vec<Article>, ParseError> {
        let clippings = clipping::parse_file(path, bytes)?;
        Ok(clippings
            .into_iter()
            .map(|clipping| match quotes {
                true => Article::from_clipping(clipping),
                false => Article {
                    clipping,
                    quotes: Vec::new(),
                },
            })
            .collect())
    }
}
