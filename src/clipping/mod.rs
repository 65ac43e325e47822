//! Clipping parsing: turns one file's bytes into [`Clipping`]s, whatever the
//! format (seed text, Reuters dashed headers, title-first plain text,
//! Markdown with front matter, JSON/NDJSON records, saved HTML pages).
//!
//! This file only declares the submodules and re-exports the public API.

mod assemble;
#[allow(clippy::module_inception)]
mod clipping;
mod dashed;
mod dashed_body;
mod dateline;
mod dateline_scan;
mod dates;
mod decode;
mod detect;
mod error;
mod frontmatter;
mod html;
mod html_body;
mod html_meta;
mod json;
mod markdown;
mod parse;
mod path_hints;
mod place;
mod plain;
mod record;
mod seed;
mod text;

#[cfg(test)]
mod fixtures_test;
#[cfg(test)]
mod proptest_test;

pub use clipping::{Clipping, Format};
pub use dateline::{find_dateline, Dateline};
pub(crate) use dates::{month_from_name, MONTHS};
pub use decode::decode;
pub use error::ParseError;
pub use parse::parse_file;
pub use seed::parse_seed;
