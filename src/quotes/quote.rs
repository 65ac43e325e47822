//! One direct quote found in an article body, with its attributed speaker.

use serde::Serialize;

/// A direct quotation and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The quoted words, without the enclosing quotation marks.
    pub text: String,
    /// The speaker as the fullest name the article gives ("Marco Rubio"), an
    /// organisation ("the Kremlin" -> "Kremlin"), or `None` when unknown or anonymous.
    pub speaker: Option<String>,
    /// Byte offset of `text` in the article body (after the opening mark).
    pub start: usize,
    /// Byte offset just past `text` in the article body (before the closing mark).
    pub end: usize,
}
