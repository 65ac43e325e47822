//! Quote extraction and speaker attribution for news articles.
//!
//! [`extract`] finds the direct quotes of an article body with their speakers;
//! [`SpeakerDirectory`] and [`Aliases`] canonicalise speaker names across an archive.

mod attribution;
mod direct;
mod doc;
mod entities;
mod extract;
mod gender;
mod lexicon;
mod marks;
mod mentions;
mod names;
mod paragraphs;
mod pronouns;
mod quote;
mod speakers;
mod tokens;
mod verbs;

pub use extract::extract;
pub use quote::Quote;
