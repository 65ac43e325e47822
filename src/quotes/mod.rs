//! Quote extraction and speaker attribution for news articles.
//!
//! [`extract`] finds the direct quotes of an article body with their speakers;
//! [`SpeakerDirectory`] and [`Aliases`] canonicalise speaker names across an archive.

mod aliases;
mod appositions;
mod attribution;
mod caps;
mod common_words;
#[cfg(test)]
mod corpus_regressions;
mod direct;
mod directory;
mod doc;
mod entities;
mod events;
mod extract;
mod fxhash;
mod gender;
mod initials;
mod lexicon;
mod marks;
mod mentions;
mod names;
mod offices;
mod packed;
mod paragraphs;
mod pronouns;
mod quote;
mod speakers;
mod subjects;
mod title_runs;
mod tokens;
mod verbs;
mod wordclass;
mod wordinfo;
mod wordset;

pub use aliases::{AliasError, Aliases};
pub use directory::SpeakerDirectory;
pub use extract::extract;
pub use quote::Quote;
