//! The crate's single error type and its `Result` alias.

use std::path::PathBuf;

use crate::query::DateError;

/// Everything that can go wrong in morgue, as one enum.
///
/// Per-file problems during indexing are *not* errors of the run: they are
/// reported and counted (see [`crate::index::IndexReport`]); this type is for
/// what stops a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The search engine failed.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// A date or date range is malformed.
    #[error(transparent)]
    Date(#[from] DateError),
    /// The query string was rejected by tantivy's parser.
    #[error("invalid query: {0}")]
    QuerySyntax(String),
    /// The index-schema file is malformed.
    #[error("index-schema: {0}")]
    Schema(String),
    /// No index exists at the given location.
    #[error("no index at {0}: run `morgue index DIR` first")]
    NoIndex(PathBuf),
    /// The index was built with another schema version.
    #[error(
        "the index at {path} was built with schema version {found}, this morgue uses version \
         {expected}: run `morgue index --rebuild`"
    )]
    SchemaVersion {
        /// Index location.
        path: PathBuf,
        /// Version recorded in the index.
        found: u32,
        /// Version of index-schema/schema.toml.
        expected: u32,
    },
    /// Another indexer holds the index lock.
    #[error("another `morgue index` is running on {0} (use --wait to wait for it)")]
    Locked(PathBuf),
    /// Invalid usage (flags that do not fit together, a bad value).
    #[error("{0}")]
    Usage(String),
    /// The aliases file is malformed.
    #[error("{path}: {message}")]
    Aliases {
        /// Location of the aliases file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Output could not be written (a closed pipe is handled before this).
    #[error("output: {0}")]
    Output(String),
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// `Result` with morgue's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
